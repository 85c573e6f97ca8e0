// MathJax 3 set up like Scientific Spaces (kexue.fm): AMS numbering for every
// \begin{equation}, \boldsymbol, \color and the extpfeil arrows, on top of
// Material for MkDocs' documented arithmatex (generic) set-up.
window.MathJax = {
  loader: { load: ["[tex]/boldsymbol", "[tex]/color", "[tex]/extpfeil"] },
  tex: {
    packages: { "[+]": ["boldsymbol", "color", "extpfeil"] },
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    tags: "ams",
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
};

// Material's instant navigation swaps the page without reloading: typeset the
// new page from scratch, equation numbers starting again at (1).
document$.subscribe(() => {
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise();
});
