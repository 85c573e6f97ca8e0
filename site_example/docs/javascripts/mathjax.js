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
  startup: {
    // Material's document$ emits the first page and every page that instant navigation
    // swaps in; typesetting only from there means one typeset per page. Subscribing once
    // MathJax is ready, and queueing on startup.promise, keeps a reset from running while
    // an earlier typeset is still going (that cleared the CHTML styles half-way).
    typeset: false,
    ready() {
      MathJax.startup.defaultReady();
      document$.subscribe(() => {
        MathJax.startup.promise = MathJax.startup.promise.then(() => {
          MathJax.startup.output.clearCache();
          MathJax.typesetClear();
          MathJax.texReset();
          return MathJax.typesetPromise();
        });
      });
    },
  },
};
