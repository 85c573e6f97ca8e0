/* mkdocs-mathscale: what scaled-down equations need beyond the fitting itself, fetched by
   mathscale.js once an equation is scaled down or the window resizes. Its style sheet has the
   edge shadows of equations held at the floor; unless the site has zoom: false, a click, a tap
   or Enter on a scaled-down equation shows it at full size in a modal dialog. */
(() => {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = document.currentScript.src.replace(/\.js(?=\?|$)/, ".css");
  document.head.append(style);
  // Instant navigation (Material's, Zensical's) makes the head match the new page's, removing
  // what scripts added to it: the style sheet is put back before the next frame.
  new MutationObserver(() => style.isConnected || document.head.append(style)).observe(
    document.head,
    { childList: true }
  );
  if (document.getElementById("mathscale-js")?.dataset.zoom === "false") return;
  // Whether an equation is scaled down (the transform of .mathscale-inner, from mathscale.css or
  // the fallback) is read when a reader reaches for it, not kept up to date while the window
  // resizes: CSS alone resizes equations.
  const zoomable = (node) => {
    const wrapper = node.closest?.(".mathscale");
    return (
      wrapper &&
      new DOMMatrix(getComputedStyle(wrapper.firstElementChild).transform).a < 0.9999 &&
      wrapper
    );
  };
  let dialog;
  let opened;
  const open = (wrapper) => {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "mathscale-zoom";
      dialog.setAttribute("aria-label", "Equation at full size");
      dialog.innerHTML = '<button type="button" aria-label="Close">×</button><div></div>';
      // A click on the backdrop lands on the dialog itself.
      dialog.onclick = (event) =>
        (event.target === dialog || event.target === dialog.firstChild) && dialog.close();
      // The dialog gives focus back to what had it (the equation, after Enter); after a click
      // the equation's wrapper takes it, rather than the engine's output (MathJax 4's explorer
      // throws when its math gets focus before its speech is ready).
      dialog.onclose = () => {
        if (opened.contains(document.activeElement)) return;
        if (!opened.hasAttribute("tabindex")) opened.tabIndex = -1;
        opened.focus({ preventScroll: true });
      };
      document.body.append(dialog);
    }
    const content = dialog.lastChild;
    content.replaceChildren(
      ...[...wrapper.firstElementChild.childNodes].map((node) => node.cloneNode(true))
    );
    // Ids must stay unique (MathJax numbers and labels equations with them).
    for (const element of content.querySelectorAll("[id]")) element.removeAttribute("id");
    // The wrapper's font-size is the equation's at scale 1.
    content.style.fontSize = getComputedStyle(wrapper).fontSize;
    opened = wrapper;
    dialog.showModal();
  };
  document.addEventListener("click", (event) => {
    const wrapper = zoomable(event.target);
    // Links and buttons inside math keep working, and selecting math does not open it.
    if (wrapper && !event.target.closest("a,button") && getSelection().isCollapsed) open(wrapper);
  });
  document.addEventListener("keydown", (event) => {
    const wrapper = event.key === "Enter" && !event.defaultPrevented && zoomable(event.target);
    if (wrapper) {
      event.preventDefault();
      open(wrapper);
    }
  });
  document.addEventListener("pointerover", (event) => {
    const wrapper = event.target.closest?.(".mathscale");
    if (wrapper) wrapper.style.cursor = zoomable(wrapper) ? "zoom-in" : "";
  });
  // Enter opens the zoom, so an equation whose output cannot take focus (KaTeX's) takes it
  // itself while it is scaled down: checked once a resize is over (not at every step), when
  // mathscale.js measures new equations (it writes their width on the wrapper), and when an
  // equation comes near the viewport. Those the browser skips off screen (mathscale-scaled.css)
  // keep the state they were last shown with: reading their scale would lay them out.
  const focusable = () => {
    const wrappers = [...document.querySelectorAll(".mathscale")].filter((w) => {
      const inner = w.firstElementChild;
      return (
        inner &&
        inner.checkVisibility?.({ contentVisibilityAuto: true }) !== false &&
        !inner.querySelector("[tabindex]")
      );
    });
    const scaled = wrappers.map(zoomable);
    wrappers.forEach((wrapper, index) => {
      if (scaled[index]) wrapper.tabIndex = 0;
      else wrapper.removeAttribute("tabindex");
    });
  };
  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(focusable, 200);
  };
  addEventListener("resize", later);
  document.addEventListener(
    "contentvisibilityautostatechange",
    (event) => event.skipped || later(),
    true
  );
  new MutationObserver(later).observe(document.body, { subtree: true, attributeFilter: ["style"] });
  focusable();
})();
