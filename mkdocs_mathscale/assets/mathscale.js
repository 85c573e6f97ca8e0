/* mkdocs-mathscale runtime: measure each display equation once, let CSS fit it (CONTRACT.md).
   The plugin serves this file without comments and indentation; keep comments on lines of
   their own, and never put comment markers inside strings. */
(() => {
  const WRAPPER = ".mathscale";
  // Captured now: document.currentScript is only set while this file first runs.
  const scriptUrl = document.currentScript?.src;
  let options = { minScale: 0.6, zoom: true };
  try {
    options = { ...options, ...JSON.parse(document.getElementById("mathscale-config").textContent) };
  } catch {}
  const minScale = options.minScale > 0 && options.minScale <= 1 ? +options.minScale : 0.6;
  // Without container units, the ResizeObserver writes the font-size itself.
  const hasContainerUnits = CSS.supports("font-size", "1cqi");
  // Wrapper → [em per px of font-size, fixed px]: its natural width is em * fontSize + fixed.
  const widths = new WeakMap();
  // Wrappers whose equation has no output or no width yet.
  const unmeasured = new Set();
  const computed = (element, property) => parseFloat(getComputedStyle(element)[property]);
  const box = (element) => element.getBoundingClientRect();
  document.documentElement.style.setProperty("--mathscale-min", minScale);

  // [natural width in px at the current scale, tag included; of which fixed px that do not
  // scale]; width 0 = nothing typeset yet, -1 = MathJax 4 handles overflow itself
  // (displayOverflow scale/linebreak/truncate).
  const naturalWidth = (inner) => {
    const overflow = inner.querySelector("mjx-container")?.getAttribute("overflow");
    if (overflow && overflow !== "overflow" && overflow !== "scroll") return [-1, 0];
    // Numbered MathJax output stretches to the column; its inline min-widths give its natural
    // width (MathJax 2 CommonHTML puts the one that counts the number on an inner table).
    const full = inner.querySelector("mjx-container[width=full],.MathJax_FullWidth,.mjx-full-width");
    if (full) {
      let width = 0;
      for (const e of [full, ...full.querySelectorAll('[style*="min-width"]')]) {
        width = Math.max(width, computed(e, "minWidth") || 0);
      }
      if (width) return [width, 0];
    }
    const katex = inner.querySelector(".katex-html");
    if (katex) {
      let left = 1e9;
      let right = -1e9;
      let tag = 0;
      for (const part of katex.children) {
        if (part.classList.contains("tag")) {
          // The tag's content is wider than its box (same struts); a centred equation needs
          // room for it on both sides.
          for (const e of [part, ...part.children]) tag = Math.max(tag, box(e).width);
        } else {
          left = Math.min(left, box(part).left);
          right = Math.max(right, box(part).right);
        }
      }
      // KaTeX's fixed 2px table struts can stick out of the last box by up to 2px.
      return right > left ? [right - left + 2 + (tag && 2 * tag + computed(katex, "fontSize")), 2] : [0, 0];
    }
    for (const output of ["mjx-container>mjx-math", "mjx-container>svg", "span.MathJax", ".MathJax_CHTML", ".MathJax_SVG"]) {
      const element = inner.querySelector(output);
      const width = element && box(element).width;
      if (width) return [width, 0];
    }
    // Not MathJax 2's fast preview: scaled, it would change the size its real output is
    // typeset at (MathJax 2 rounds to pixels), so that output waits, unscaled, a moment.
    return [0, 0];
  };

  // Zoom lives in its own files (it fetches its style sheet itself), fetched once the first
  // equation is scaled down: long before a reader can click it.
  let zoomLoaded = !options.zoom || !scriptUrl;
  const loadZoom = () => {
    zoomLoaded = true;
    const script = document.createElement("script");
    script.src = scriptUrl.replace(/mathscale\.js(?=\?|$)/, "mathscale-zoom.js");
    document.head.append(script);
  };

  // Writes the state for content width `width` of `wrapper` (whose font-size is `fontSize`, read
  // beforehand: reading it here, after other writes, would restyle the page once per equation)
  // and, without container units, the font-size itself.
  const applyWidth = (wrapper, width, fontSize) => {
    const natural = widths.get(wrapper);
    if (!natural || !width) return;
    const scale = (width - 1 - natural[1]) / (natural[0] * fontSize);
    const state = scale >= 1 ? "fit" : scale > minScale ? "scaled" : "floor";
    if (!hasContainerUnits) {
      wrapper.firstElementChild.style.fontSize = `${Math.max(minScale, Math.min(1, scale)) * 100}%`;
    }
    if (wrapper.dataset.mathscaleState !== state) {
      wrapper.dataset.mathscaleState = state;
      // Enter opens the zoom: the wrapper takes focus unless the engine's output does.
      if (options.zoom && !wrapper.querySelector("[tabindex]")) wrapper.tabIndex = state === "fit" ? -1 : 0;
      if (state !== "fit" && !zoomLoaded) loadZoom();
    }
  };

  // Width is linear in font-size (natural = em * fontSize + fixed px, the fixed part known per
  // engine), so one reading gives an equation's width in em. The first reading is at scale 1
  // (no width is set yet); a later one (fonts loaded, output replaced) puts the equation back
  // at scale 1 first, because engines round some parts to whole pixels and a reading taken
  // shrunk would not give back the load-time size. All readings first, then all writes: one
  // layout for any number of equations, which the browser would do before painting anyway.
  const fit = (wrappers) => {
    const typeset = wrappers.filter((wrapper) => wrapper.firstElementChild);
    for (const wrapper of typeset) if (widths.has(wrapper)) wrapper.dataset.mathscaleMeasure = "";
    const readings = typeset.map((wrapper) => {
      const width = box(wrapper).width;
      const inner = wrapper.firstElementChild;
      return [
        width,
        width ? naturalWidth(inner) : [0, 0],
        computed(inner, "fontSize"),
        computed(wrapper, "fontSize"),
      ];
    });
    typeset.forEach((wrapper, index) => {
      const [width, [natural, fixed], innerSize, wrapperSize] = readings[index];
      delete wrapper.dataset.mathscaleMeasure;
      if (!natural) return unmeasured.add(wrapper);
      unmeasured.delete(wrapper);
      if (natural < 0) {
        widths.delete(wrapper);
        wrapper.style.removeProperty("--mathscale-w");
        wrapper.style.removeProperty("--mathscale-c");
        delete wrapper.dataset.mathscaleState;
        return;
      }
      // In em of the wrapper's font-size, which is the inner's at scale 1; rounded up, so a
      // fitted equation is never a fraction of a pixel too wide.
      const em = Math.ceil(((natural - fixed) / innerSize) * 1e3) / 1e3;
      widths.set(wrapper, [em, fixed]);
      wrapper.style.setProperty("--mathscale-w", em);
      wrapper.style.setProperty("--mathscale-c", `${fixed}px`);
      applyWidth(wrapper, width, wrapperSize);
    });
  };
  const fitAll = () => fit([...document.querySelectorAll(WRAPPER)]);

  // Observes wrappers (never the scaled box) to keep the state current and to catch equations
  // shown later. It only writes attributes itself; anything that resizes waits for the next
  // frame, so it never loops.
  const nextFrame = new Set();
  const resizes = new ResizeObserver((entries) => {
    // Layout is clean here: read every font-size first, then write every state.
    const sizes = entries.map(({ target }) => computed(target, "fontSize"));
    entries.forEach(({ target, contentRect }, index) => {
      if (hasContainerUnits) applyWidth(target, contentRect.width, sizes[index]);
      if (!hasContainerUnits || unmeasured.has(target)) nextFrame.add(target);
    });
    if (nextFrame.size) {
      requestAnimationFrame(() => {
        const wrappers = [...nextFrame];
        nextFrame.clear();
        const measured = wrappers.filter((wrapper) => !unmeasured.has(wrapper));
        const readings = measured.map((wrapper) => [box(wrapper).width, computed(wrapper, "fontSize")]);
        measured.forEach((wrapper, index) => applyWidth(wrapper, ...readings[index]));
        fit(wrappers.filter((wrapper) => unmeasured.has(wrapper)));
      });
    }
  });
  // Math shown by opening a <details> or switching a content tab is fitted before it is
  // painted (the observer would take a frame).
  const fitShown = () => unmeasured.size && fit([...unmeasured]);
  document.addEventListener("change", fitShown, true);

  // Engines insert their output synchronously; this runs in the same task, before paint.
  const track = (wrappers) => {
    for (const wrapper of wrappers) resizes.observe(wrapper);
    if (wrappers.size) fit([...wrappers]);
  };
  new MutationObserver((records) => {
    const changed = new Set();
    for (const { attributeName, target, addedNodes } of records) {
      if (attributeName === "open") fitShown();
      const wrapper = target.closest(WRAPPER);
      if (wrapper) changed.add(wrapper);
      else {
        for (const node of addedNodes) {
          if (node.nodeType !== 1) continue;
          for (const added of node.matches(WRAPPER) ? [node] : node.querySelectorAll(WRAPPER)) changed.add(added);
        }
      }
    }
    track(changed);
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    // MathJax 2 reveals its output by changing a class.
    attributeFilter: ["open", "class"],
  });
  track(new Set(document.querySelectorAll(WRAPPER)));
  document.fonts.addEventListener("loadingdone", fitAll);
  addEventListener("load", fitAll);
})();
