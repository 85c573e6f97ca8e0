"""Where html5lib, the fuzz test's reference (tests/transform/test_transform_fuzz.py), builds
another tree than Chromium: there the transform agrees with the browser. Chromium's tree of the
output, its wrappers taken out, is its tree of the input."""

from __future__ import annotations

import pytest

from mkdocs_mathscale.transform import transform

from ..transform.transform_helpers import canonical, parse, unwrap

# Takes each wrapper out, leaving what its inner box holds in its place.
_UNWRAP = """() => {
  for (const wrapper of document.querySelectorAll('.mathscale')) {
    wrapper.replaceWith(...wrapper.firstElementChild.childNodes);
  }
  return document.body.innerHTML;
}"""
_WRAPPED_IN = (
    "() => [...document.querySelectorAll('.mathscale')].map((w) => w.parentElement.localName)"
)

CASES = {
    # html5lib drops the second button; Chromium keeps both, the script in the second.
    "button reopened in a table": (
        '<table><button><button><script type="math/tex; mode=display">x</script>',
        ["button"],
    ),
    # html5lib ignores a <style> in a <select>, so "<!--" would start a comment that hides the
    # equation; Chromium keeps the style sheet, and the equation is in the body.
    "style in a select": (
        '<select><style><!--</style></select><div class="arithmatex">\\[x\\]</div>-->',
        ["body"],
    ),
}


@pytest.fixture
def chromium_page(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize(("html", "parents"), CASES.values(), ids=CASES.keys())
def test_where_html5lib_differs_the_transform_agrees_with_chromium(chromium_page, html, parents):
    page = chromium_page
    page.set_content(html)
    expected = page.evaluate("document.body.innerHTML")
    page.set_content(transform(html).html)
    assert page.evaluate(_WRAPPED_IN) == parents
    assert page.evaluate(_UNWRAP) == expected


@pytest.mark.parametrize("html", [html for html, _ in CASES.values()], ids=CASES.keys())
def test_html5lib_builds_another_tree_there(html):
    # If html5lib ever agrees, the fuzz test can take these inputs again.
    assert canonical(unwrap(parse(transform(html).html))) != canonical(parse(html))
