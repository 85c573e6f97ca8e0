// The Scientific Spaces snippet (kexue.fm, 2024-10-15), ported from MathJax 2 to MathJax 3 CHTML
// for timing only, written from its description: once typesetting has ended, walk the display
// formulas in one loop; for each, read the parent's width and the formula's width, and when the
// formula is wider set its font-size to parentWidth * 100 / formulaWidth percent. Each read that
// follows a write forces the browser to lay the page out again: that is the cost being measured.
// Like the original, it replaces the container's own font-size (MathJax's scale) and never
// re-runs by itself; the resize benchmark re-runs it on every resize event, labelled as such.
window.benchSnippet = function () {
  var formulas = document.querySelectorAll('mjx-container[display="true"]');
  for (var i = 0; i < formulas.length; i++) {
    var formula = formulas[i];
    var parentWidth = formula.parentNode.offsetWidth;
    // MathJax 3 display containers are blocks as wide as their parent; the typeset formula
    // overflows them, so the content extent is the formula's width (tags included).
    var formulaWidth = formula.scrollWidth;
    if (formulaWidth > parentWidth) {
      formula.style.fontSize = (parentWidth * 100) / formulaWidth + "%";
    }
  }
};
