/* mkdocs-mathscale zoom, fetched by mathscale.js once an equation is scaled down: a click, a
   tap or Enter on a scaled-down equation shows it at full size in a modal dialog. */
(() => {
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = document.currentScript.src.replace(/\.js(?=\?|$)/, ".css");
  document.head.append(style);
  const ZOOMABLE = ".mathscale[data-mathscale-state=scaled],.mathscale[data-mathscale-state=floor]";
  let dialog;
  // Focus goes back here when the dialog closes.
  let opener;
  const open = (wrapper) => {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "mathscale-zoom";
      dialog.setAttribute("aria-label", "Equation at full size");
      dialog.innerHTML = '<button type="button" aria-label="Close">×</button><div></div>';
      // A click on the backdrop lands on the dialog itself.
      dialog.onclick = (event) => (event.target === dialog || event.target === dialog.firstChild) && dialog.close();
      dialog.onclose = () => opener?.focus({ preventScroll: true });
      document.body.append(dialog);
    }
    const content = dialog.lastChild;
    content.replaceChildren(...[...wrapper.firstElementChild.childNodes].map((node) => node.cloneNode(true)));
    // Ids must stay unique (MathJax numbers and labels equations with them).
    for (const element of content.querySelectorAll("[id]")) element.removeAttribute("id");
    // The wrapper's font-size is the equation's at scale 1.
    content.style.fontSize = getComputedStyle(wrapper).fontSize;
    opener = wrapper.querySelector("[tabindex]") || wrapper;
    dialog.showModal();
  };
  document.addEventListener("click", (event) => {
    const wrapper = event.target.closest?.(ZOOMABLE);
    // Links and buttons inside math keep working, and selecting math does not open it.
    if (wrapper && !event.target.closest("a,button") && getSelection().isCollapsed) open(wrapper);
  });
  document.addEventListener("keydown", (event) => {
    const wrapper = event.key === "Enter" && !event.defaultPrevented && event.target.closest?.(ZOOMABLE);
    if (wrapper) {
      event.preventDefault();
      open(wrapper);
    }
  });
})();
