/* mkdocs-mathscale runtime: measure each display equation once, let CSS fit it (CONTRACT.md). */
(() => {
  const D = document;
  const S = ".mathscale";
  let o = { minScale: 0.6, zoom: true };
  try {
    o = { ...o, ...JSON.parse(D.getElementById("mathscale-config").textContent) };
  } catch (e) {}
  const MIN = o.minScale > 0 && o.minScale <= 1 ? +o.minScale : 0.6;
  // Without container units, the ResizeObserver writes the font-size itself.
  const CQ = window.CSS && CSS.supports("font-size", "1cqi");
  const EM = new WeakMap();
  const pending = new Set();
  const px = (e, p) => parseFloat(getComputedStyle(e)[p]);
  const rect = (e) => e.getBoundingClientRect();
  D.documentElement.style.setProperty("--mathscale-min", MIN);

  // Natural width in px at the current scale, tag included; 0 = nothing typeset yet,
  // -1 = MathJax 4 handles overflow itself (displayOverflow scale/linebreak/truncate).
  const natural = (inner) => {
    const ov = inner.querySelector("mjx-container")?.getAttribute("overflow");
    if (ov && ov !== "overflow" && ov !== "scroll") return -1;
    // Numbered MathJax output stretches to the column; its inline min-widths give its natural
    // width (MathJax 2 CommonHTML puts the one that counts the number on an inner table).
    const full = inner.querySelector("mjx-container[width=full],.MathJax_FullWidth,.mjx-full-width");
    if (full) {
      let w = 0;
      for (const e of [full, ...full.querySelectorAll('[style*="min-width"]')]) {
        w = Math.max(w, px(e, "minWidth") || 0);
      }
      if (w) return w;
    }
    const k = inner.querySelector(".katex-html");
    if (k) {
      let l = 1e9;
      let r = -1e9;
      let t = 0;
      for (const c of k.children) {
        const b = rect(c);
        if (c.classList.contains("tag")) {
          // The tag's content is wider than its box (same struts); a centred equation needs
          // room for it on both sides.
          for (const e of [c, ...c.children]) t = Math.max(t, rect(e).width);
        } else {
          l = Math.min(l, b.left);
          r = Math.max(r, b.right);
        }
      }
      // KaTeX's fixed 2px table struts can stick out of the last box by up to 2px.
      return r > l ? r - l + 2 + (t && 2 * t + px(k, "fontSize")) : 0;
    }
    for (const q of ["mjx-container>mjx-math", "mjx-container>svg", "span.MathJax", ".MathJax_CHTML", ".MathJax_SVG"]) {
      const m = inner.querySelector(q);
      const w = m && rect(m).width;
      if (w) return w;
    }
    // Not MathJax 2's fast preview: scaled, it would change the size its real output is
    // typeset at (MathJax 2 rounds to pixels), so that output waits, unscaled, a moment.
    return 0;
  };

  // Writes the state for content width w of wrapper x and, without container units, the
  // font-size (so never call it from the ResizeObserver there).
  const apply = (x, w) => {
    const m = EM.get(x);
    if (!m || !w) return;
    const s = (w - 1 - m[1]) / (m[0] * px(x, "fontSize"));
    const st = s >= 1 ? "fit" : s > MIN ? "scaled" : "floor";
    if (!CQ) x.firstElementChild.style.fontSize = `${Math.max(MIN, Math.min(1, s)) * 100}%`;
    if (x.dataset.mathscaleState !== st) {
      x.dataset.mathscaleState = st;
      if (o.zoom && !x.querySelector("[tabindex]")) x.tabIndex = st === "fit" ? -1 : 0;
    }
  };
  // Width is linear in font-size, n = a*f + c, with c a few fixed px (KaTeX's 2px struts,
  // MathJax 2's rounding): measure each equation at scale 1 and at the floor to know both.
  // Write, read all, write, read all, write: two layouts for any number of equations, and
  // the result does not depend on the scale an equation had before.
  const fit = (list) => {
    const xs = list.filter((x) => x.firstElementChild);
    const read = (k) => {
      for (const x of xs) x.dataset.mathscaleMeasure = k;
      return xs.map((x) => {
        const w = rect(x).width;
        return [w, w ? natural(x.firstElementChild) : 0, px(x, "fontSize")];
      });
    };
    const one = read(1);
    const low = MIN < 1 ? read(2) : one;
    xs.forEach((x, k) => {
      const [w, n, f] = one[k];
      delete x.dataset.mathscaleMeasure;
      if (!n) return pending.add(x);
      pending.delete(x);
      if (n < 0) {
        EM.delete(x);
        x.style.removeProperty("--mathscale-w");
        delete x.dataset.mathscaleState;
        return;
      }
      let a = (n - low[k][1]) / (f * (1 - MIN));
      let c = n - a * f;
      if (!(a > 0 && c >= 0)) [a, c] = [n / f, 0];
      a = Math.ceil(a * 1e3) / 1e3;
      c = Math.ceil(c * 10) / 10;
      EM.set(x, [a, c]);
      x.style.setProperty("--mathscale-w", a);
      x.style.setProperty("--mathscale-c", `${c}px`);
      apply(x, w);
    });
  };
  const all = () => fit([...D.querySelectorAll(S)]);

  // Observes wrappers (never the scaled box) to keep the state current and to catch equations
  // shown later. It only writes attributes itself; anything that resizes waits for the next
  // frame, so it never loops.
  const queue = new Set();
  const ro =
    window.ResizeObserver &&
    new ResizeObserver((es) => {
      for (const e of es) {
        const x = e.target;
        if (CQ) apply(x, e.contentRect.width);
        if (!CQ || pending.has(x)) queue.add(x);
      }
      if (queue.size)
        requestAnimationFrame(() => {
          const l = [...queue];
          queue.clear();
          const ws = l.map(rect);
          l.forEach((x, k) => pending.has(x) || apply(x, ws[k].width));
          fit(l.filter((x) => pending.has(x)));
        });
    });
  // Math shown by opening a <details> or switching a content tab is fitted before it is
  // painted (the observer would take a frame).
  const shown = () => pending.size && fit([...pending]);
  D.addEventListener("change", shown, true);

  // Engines insert their output synchronously; this runs in the same task, before paint.
  const track = (xs) => {
    if (ro) for (const x of xs) ro.observe(x);
    if (xs.size) fit([...xs]);
  };
  new MutationObserver((rs) => {
    const xs = new Set();
    for (const r of rs) {
      if (r.attributeName === "open") shown();
      const x = r.target.closest?.(S);
      if (x) xs.add(x);
      else
        for (const n of r.addedNodes)
          if (n.nodeType === 1) for (const y of n.matches(S) ? [n] : n.querySelectorAll(S)) xs.add(y);
    }
    track(xs);
  }).observe(D.documentElement, {
    childList: true,
    subtree: true,
    // MathJax 2 reveals its output by changing a class.
    attributeFilter: ["open", "class"],
  });
  track(new Set(D.querySelectorAll(S)));
  D.fonts?.addEventListener("loadingdone", all);
  addEventListener("load", all);

  if (!o.zoom) return;
  let dlg;
  let back;
  const open = (x) => {
    if (!dlg) {
      dlg = D.createElement("dialog");
      dlg.className = "mathscale-zoom";
      dlg.setAttribute("aria-label", "Equation at full size");
      dlg.innerHTML = '<button type="button" aria-label="Close">×</button><div></div>';
      dlg.onclick = (e) => (e.target === dlg || e.target === dlg.firstChild) && dlg.close();
      dlg.onclose = () => back?.focus({ preventScroll: true });
      D.body.append(dlg);
    }
    const b = dlg.lastChild;
    b.replaceChildren(...[...x.firstElementChild.childNodes].map((n) => n.cloneNode(true)));
    for (const e of b.querySelectorAll("[id]")) e.removeAttribute("id");
    b.style.fontSize = getComputedStyle(x).fontSize;
    back = x.querySelector("[tabindex]") || x;
    dlg.showModal();
  };
  const zoomable = (e) => e.target.closest?.(`${S}[data-mathscale-state=scaled],${S}[data-mathscale-state=floor]`);
  D.addEventListener("click", (e) => {
    const x = zoomable(e);
    if (x && !e.target.closest("a,button") && getSelection().isCollapsed) open(x);
  });
  D.addEventListener("keydown", (e) => {
    const x = e.key === "Enter" && !e.defaultPrevented && zoomable(e);
    if (x) {
      e.preventDefault();
      open(x);
    }
  });
})();
