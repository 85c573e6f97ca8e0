/* mkdocs-mathscale for browsers without container query units or CSS trigonometry (before
   2023), fetched by mathscale.js only there: it works out each measured equation's scale from
   its wrapper's width, as mathscale.css does elsewhere, and writes it as --mathscale-s, a frame
   after the observer reports the width, so it never resizes what the observer watches from
   inside its callback (a "ResizeObserver loop" error). */
(() => {
  const WRAPPER = ".mathscale";
  const number = (element, property) =>
    parseFloat(getComputedStyle(element).getPropertyValue(property)) || 0;
  const minScale = parseFloat(document.getElementById("mathscale-js")?.dataset.minScale) || 0.6;
  // Wrapper → its scale, worked out in the observer's callback (where layout is clean).
  const scales = new Map();
  const write = () => {
    for (const [wrapper, scale] of scales)
      wrapper.firstElementChild.style.setProperty("--mathscale-s", scale || "");
    scales.clear();
  };
  const observer = new ResizeObserver((entries) => {
    for (const { target, contentRect } of entries) {
      // --mathscale-w is in em of the wrapper's font-size.
      const em = number(target, "--mathscale-w");
      const fit = (contentRect.width - 0.5) / (em * number(target, "font-size"));
      scales.set(target, em && Math.max(minScale, Math.min(1, fit)));
    }
    requestAnimationFrame(write);
  });
  // Observing anew reports the wrapper once more: mathscale.js has just measured it.
  const observe = (wrapper) => {
    observer.unobserve(wrapper);
    observer.observe(wrapper);
  };
  new MutationObserver((records) => {
    for (const { target } of records) if (target.matches(WRAPPER)) observe(target);
  }).observe(document.documentElement, { subtree: true, attributeFilter: ["style"] });
  document.querySelectorAll(WRAPPER).forEach(observe);
})();
