/* mkdocs-mathscale runtime: measure each display equation once, let CSS fit it (CONTRACT.md).
   The plugin serves this file minified (rjsmin). */
(() => {
  // The files it fetches are next to it (read now: document.currentScript is only set while
  // this file first runs). The floor (min_scale) is in the served style sheet.
  const scriptUrl = document.currentScript?.src;
  const computed = (element, property) => parseFloat(getComputedStyle(element)[property]);
  const box = (element) => element.getBoundingClientRect();

  // The natural width in px at scale 1, tag included, or -1 when MathJax 4 handles overflow
  // itself (displayOverflow scale/linebreak/truncate), or 0 when nothing is typeset yet.
  // MathJax 2's fast preview is no output. Equations are scaled with a transform, so the
  // size of what is drawn is in proportion to this width, whatever the engine rounds.
  const naturalWidth = (inner) => {
    // The first match in document order: an output's root comes before anything inside it, so
    // "svg" is MathJax's SVG output (2, 3 or 4), never a drawing inside KaTeX's or HTML output.
    const output = inner.querySelector("mjx-math,svg,.katex-html,span.MathJax,.MathJax_CHTML");
    if (!output) return 0;
    if (output.parentNode.matches("[overflow]:not([overflow=overflow],[overflow=scroll])"))
      return -1;
    if (output.matches(".katex-html")) {
      // Its parts are .base and .tag, renamed .katex-base and .katex-tag in KaTeX 0.19.
      const parts = [...output.querySelectorAll(":scope>[class$=base]")].map(box);
      // Its content is wider than its box (same struts); a centred equation needs room for it
      // on both sides.
      const tag = output.querySelector(":scope>[class$=tag]")?.scrollWidth || 0;
      const width =
        Math.max(...parts.map((part) => part.right)) - Math.min(...parts.map((part) => part.left));
      // KaTeX's fixed 2px table struts can stick out of the last box by up to 2px. (An empty
      // equation has no boxes: -Infinity, left alone.)
      return width + 2 + (tag && 2 * tag + computed(output, "fontSize"));
    }
    // Numbered MathJax output stretches to the column and says so on the output or its parent;
    // its inline min-widths give its natural width (MathJax 2 puts the one that counts the
    // number on an inner element).
    let width = 0;
    const full = output.closest("[width=full],.MathJax_FullWidth,.mjx-full-width");
    for (const e of full ? [full, ...full.querySelectorAll('[style*="min-width"]')] : []) {
      width = Math.max(width, computed(e, "minWidth") || 0);
    }
    // Whole pixels (offsetWidth, a third of the cost of a bounding box) are precise enough: CSS
    // keeps half a pixel spare. SVG elements have no offsetWidth.
    return width || output.offsetWidth || box(output).width;
  };

  // Files next to this one, fetched only when needed: what scaled-down equations need (edge
  // shadows, zoom) once an equation is scaled down or the window first resizes, long before a
  // reader can click; the fallback only where CSS cannot fit equations itself (no container
  // units).
  const loaded = new Set();
  const load = (name) => {
    if (!scriptUrl || loaded.has(name)) return;
    loaded.add(name);
    const script = document.createElement("script");
    script.src = scriptUrl.replace(/mathscale\.js(?=\?|$)/, name);
    document.head.append(script);
  };
  const loadScaled = () => load("mathscale-scaled.js");
  // From the first resize on, the browser may skip equations off screen (mathscale-scaled.css):
  // not before, as Chromium reports the first showing of skipped content as a layout shift.
  addEventListener(
    "resize",
    () => {
      document.documentElement.dataset.mathscaleResized = "";
      loadScaled();
    },
    { once: true }
  );
  if (!CSS.supports("scale", "tan(atan2(1cqi,1px))")) load("mathscale-fallback.js");

  // Measures wrappers: every reading before any write, so one layout serves any number of
  // equations. One with no output yet is measured when its output arrives (the
  // MutationObserver below); one that is not rendered (hidden tab, closed <details>) is
  // watched, when asked to, until it is. Chromium keeps a closed <details>' content laid out
  // but skipped (content-visibility: hidden): read there, sizes can be those of an earlier
  // scale, so it is not measured until it is shown.
  const fit = (wrappers, watch) => {
    // Sizes are read only where there is an equation to fit: any read inside a closed
    // <details> lays out its whole skipped subtree, once per equation.
    const readings = wrappers.map((wrapper) => {
      const inner = wrapper.firstElementChild;
      const width = wrapper.checkVisibility() && wrapper.clientWidth;
      const natural = width && naturalWidth(inner);
      return [
        wrapper,
        width,
        natural,
        natural && computed(wrapper, "fontSize"),
        natural && inner.offsetHeight
      ];
    });
    for (const [wrapper, width, natural, fontSize, height] of readings) {
      if (natural) {
        delete wrapper.dataset.mathscaleMeasure;
        observer.unobserve(wrapper);
        // In em of the wrapper's font-size, which is the equation's at scale 1, rounded up so
        // a fitted equation is never a fraction of a pixel too wide; none (both properties
        // removed) when MathJax 4 handles the overflow.
        const em = natural > 0 ? Math.ceil((natural / fontSize) * 1e3) / 1e3 + "em" : "";
        wrapper.style.setProperty("--mathscale-w", em);
        wrapper.style.setProperty("--mathscale-h", em && height / fontSize + "em");
        if (natural > width - 0.5) loadScaled();
      } else if (watch && !width) observer.observe(wrapper);
    }
  };
  // Called after layout and before paint, it fits an equation in the frame that first shows it
  // (a ResizeObserver reports nothing while an element is skipped, and reports it once
  // shown). It measures every waiting wrapper that is shown by then, not only those reported,
  // so none whose size the new scales change is still watched (that would be a
  // "ResizeObserver loop" error). It never observes anew: a wrapper still not shown stays
  // watched.
  const observer = new ResizeObserver(() =>
    fit([...document.querySelectorAll("[data-mathscale-measure]")])
  );

  // A size container scopes CSS counters to itself (style containment), so every one of
  // KaTeX's equation numbers, drawn from a counter, would read (1): each is given its place in
  // the page instead, in the drawn equation and in the MathML that screen readers read.
  const number = (selector, counter) =>
    document.querySelectorAll(selector).forEach((element, index) => {
      element.style.counterSet = counter + " " + index;
    });
  // An equation measured before is measured again at scale 1 (data-mathscale-measure, kept
  // until it is): engines round some parts to whole pixels, so a reading taken shrunk would
  // not give back the full size. This runs in the task that inserted the output, before the
  // next paint, so no frame shows it unfitted and fitting adds no layout shift of its own.
  const track = (wrappers) => {
    number(".eqn-num", "katexEqnNo");
    number(".mml-eqn-num", "mmlEqnNo");
    for (const wrapper of wrappers) wrapper.dataset.mathscaleMeasure = "";
    fit(wrappers, true);
  };
  const trackAll = () => track([...document.querySelectorAll(".mathscale")]);
  // Engines insert or replace their output; MathJax 2 reveals it by taking a class away
  // (MathJax_Processing, later MathJax_Processed). Other class changes are not new output:
  // MathJax 3/4 add one to every equation for their menu, which must not re-measure them all.
  // A style sheet added or removed anywhere can change every equation's width: MathJax 3
  // replaces its whole sheet after clearCache(), as Material's recipe does on every page.
  // (Not any link: Material's instant loading adds prefetch links. Nor this runtime's own
  // style sheet, which changes no equation's width.)
  const sheet = (node) =>
    node.localName === "style" ||
    (/stylesheet/.test(node.rel) && !/mathscale-scaled/.test(node.href));
  new MutationObserver((records) => {
    const changed = new Set();
    for (const { type, target, addedNodes, removedNodes, oldValue } of records) {
      if (type === "attributes" && !/Process/.test(oldValue)) continue;
      if ([...addedNodes, ...removedNodes].some(sheet)) return trackAll();
      const wrapper = target.closest(".mathscale");
      if (wrapper) changed.add(wrapper);
      else {
        for (const node of addedNodes) {
          for (const element of node.querySelectorAll
            ? [node, ...node.querySelectorAll(".mathscale")]
            : []) {
            if (element.matches(".mathscale")) changed.add(element);
          }
        }
      }
    }
    track([...changed]);
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributeFilter: ["class"],
    attributeOldValue: true
  });
  trackAll();
  // A style sheet's rules apply once it has loaded, and web fonts that arrive late change
  // the natural widths too (MathJax 2's CommonHTML fonts, MJXc-…, among them: its glyphs
  // are as wide as the font draws them), except MathJax 3/4's own (MJXTEX…, MJXZERO,
  // MJX-NCM…): their output is sized from the fonts' metrics, not from the glyphs.
  document.addEventListener("load", ({ target }) => sheet(target) && trackAll(), true);
  document.fonts.addEventListener(
    "loadingdone",
    ({ fontfaces }) => fontfaces.some(({ family }) => !/MJX(?!c-)/.test(family)) && trackAll()
  );
})();
