"""Equations far off screen, which the browser skips (content-visibility: auto) once the window
has been resized, are still reached by find in page and by links, and shown fitted."""

from __future__ import annotations

import pytest

from .fit_site import HUGE, SINGLE, mkdocs_config
from .fitcheck import ZOOM_LOADED, measure, settle

PHONE = 375
# What find in page and the link at the top look for, in the last equation only: a word, and a
# tag that MathJax turns into the equation's id (mjx-eqn:far).
MARKER = "zanzibar"
LABEL = "far"
# A long article: prose and a long equation, many times over, then the equation looked for.
_PROSE = "The derivation continues with the next step, which needs one more line of algebra."
LONG = "\n\n".join(
    ["# A long derivation", f"It ends with [the last equation](#mjx-eqn:{LABEL})."]
    + [f"{_PROSE}\n\n$$\n{SINGLE}\n$$" for _ in range(30)]
    + [f"At last:\n\n$$\n{HUGE} + \\text{{{MARKER}}} \\tag{{{LABEL}}}\n$$", _PROSE]
)
# The last wrapper as a reader would find it: whether the browser renders its content (not
# skipped), where it is, and what is selected.
_LAST = """() => {
  const xs = [...document.querySelectorAll('.mathscale')];
  const last = xs[xs.length - 1];
  const box = last.getBoundingClientRect();
  return {
    rendered: last.firstElementChild.checkVisibility({contentVisibilityAuto: true}),
    top: box.top,
    bottom: box.bottom,
    selected: String(getSelection()),
    selection_inside: last.contains(getSelection().anchorNode),
  };
}"""


@pytest.fixture(scope="module")
def long_site(build_site, serve):
    """``long_site(engine)``: base URL of a one-page site holding LONG, built once per engine,
    on Material without instant navigation, so that the browser follows links within the page.

    With instant navigation, Material (9.8.2) fetches the page again on the first link within
    it and replaces its content; MathJax's equation ids do not exist yet when it scrolls to
    the target, so such a link leaves the reader where they were, with or without this plugin
    (5 clicks of 5 each way).
    """
    cache: dict[str, str] = {}
    config = mkdocs_config("material")
    config["theme"]["features"] = []

    def get(engine: str) -> str:
        if engine not in cache:
            cache[engine] = serve(build_site({"index.md": LONG}, config, engine))
        return cache[engine]

    return get


def _skipping(opened) -> None:
    """Resize the window a little (equations are skipped off screen from the first resize on)
    and wait until the browser skips the last equation, far below the viewport."""
    page = opened.page
    page.set_viewport_size({"width": PHONE, "height": 700})
    page.wait_for_function(ZOOM_LOADED)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.mathscale')].pop().firstElementChild"
        ".checkVisibility({contentVisibilityAuto: true})"
    )


def test_find_in_page_reaches_an_equation_skipped_off_screen(long_site, load):
    opened = load(long_site("katex"), PHONE)
    _skipping(opened)
    page = opened.page
    assert page.evaluate(_LAST)["rendered"] is False, "the last equation is not skipped"
    assert page.evaluate(f"() => window.find('{MARKER}')")
    settle(page)
    last = page.evaluate(_LAST)
    assert last["selected"] == MARKER and last["selection_inside"]
    assert last["rendered"], "the found equation is still skipped"
    eq = measure(page).equations[-1]
    assert eq.state == "floor" and eq.ink, f"found equation not fitted: {eq.state}"
    assert opened.errors == []


def test_a_link_to_an_equation_skipped_off_screen_shows_it_fitted(long_site, load):
    opened = load(long_site("mathjax3"), PHONE)
    _skipping(opened)
    page = opened.page
    assert page.evaluate(_LAST)["rendered"] is False, "the last equation is not skipped"
    target = page.evaluate(f"() => document.getElementById('mjx-eqn:{LABEL}') !== null")
    assert target, "MathJax gave the labelled equation no id"
    page.get_by_role("link", name="the last equation").click()
    settle(page)
    settle(page)
    last = page.evaluate(_LAST)
    height = page.viewport_size["height"]
    assert last["rendered"], "the linked equation is still skipped"
    assert last["bottom"] >= 0 and last["top"] < height, f"linked equation at {last}"
    m = measure(page)
    assert m.equations[-1].state == "floor"
    assert m.page_overflow == 0
    assert opened.errors == []


def test_in_print_no_equation_is_skipped(long_site, load):
    opened = load(long_site("katex"), PHONE)
    _skipping(opened)
    page = opened.page
    page.emulate_media(media="print")
    settle(page)
    skipped = page.evaluate(
        "() => [...document.querySelectorAll('.mathscale-inner')]"
        ".filter((inner) => !inner.checkVisibility({contentVisibilityAuto: true})).length"
    )
    assert skipped == 0, f"{skipped} equations skipped in print"
