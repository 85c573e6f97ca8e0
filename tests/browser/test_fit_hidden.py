"""Math hidden at load (collapsed admonition, second content tab) and math in a narrow table
cell: fitted, legible and visible once shown, and never widening the page."""

from __future__ import annotations

import pytest

from .fit_engines import ENGINES
from .fitcheck import Equation, Measurement, measure, settle

PHONE = 375
MIN_SCALE = 0.6


# Chromium reports this when the runtime's ResizeObserver, fitting an equation in the frame
# that shows it, changes the height of elements another observer on the page (the theme's)
# watches: the rest is delivered a frame later, nothing is left unfitted. A known issue of
# fitting before paint (README), not an error a reader sees.
RESIZE_LOOP = "ResizeObserver loop completed with undelivered notifications."


def errors_besides_the_resize_loop(errors: list[str]) -> list[str]:
    """Page errors other than Chromium's ResizeObserver loop report."""
    return [e for e in errors if RESIZE_LOOP not in e]


def assert_fitted(eq: Equation, m: Measurement, where: str) -> None:
    assert eq.visible, f"{where}: not visible"
    assert eq.state in ("fit", "scaled", "floor"), f"{where}: never fitted ({eq.state})"
    # Themes set admonitions and tables in smaller type: the floor is relative to it.
    assert eq.scale >= MIN_SCALE - 1e-3, f"{where}: illegible at scale {eq.scale}"
    assert eq.ink and eq.ink_width > 3 * (eq.math_px or 16), f"{where}: drawn {eq.ink_width}px wide"
    if eq.state != "floor":
        assert eq.ink[0] >= eq.left - 1 and eq.ink[1] <= eq.right + 1, f"{where}: overflows"
    assert m.page_overflow <= 0, f"{where}: page scrolls sideways because of {m.culprits}"


@pytest.fixture(params=ENGINES)
def hidden_page(request, engine_site, load):
    opened = load(engine_site(request.param) + "hidden/", PHONE)
    return opened


def test_an_equation_in_a_collapsed_admonition_is_fitted_when_opened(hidden_page):
    page = hidden_page.page
    closed = measure(page).equations[0]
    assert not closed.visible
    page.click("summary")
    settle(page)
    m = measure(page)
    assert_fitted(m.equations[0], m, "collapsed admonition")
    assert errors_besides_the_resize_loop(hidden_page.errors) == []


def test_an_equation_in_a_second_content_tab_is_fitted_when_shown(hidden_page):
    page = hidden_page.page
    assert not measure(page).equations[1].visible
    page.get_by_text("Second tab").click()
    settle(page)
    m = measure(page)
    assert_fitted(m.equations[1], m, "second tab")
    assert m.equations[1].tag, "its number is missing"
    assert errors_besides_the_resize_loop(hidden_page.errors) == []


def test_an_equation_in_a_table_cell_is_fitted_and_never_widens_the_page(hidden_page):
    m = measure(hidden_page.page)
    assert_fitted(m.equations[2], m, "table cell")
    assert errors_besides_the_resize_loop(hidden_page.errors) == []


# How each engine re-renders what it has typeset, as its menu's renderer switch or a site's
# own re-typeset does; MathJax 3 also does it in Material's documented recipe when its
# typeset from document$ overlaps the one at start-up.
RERENDER = {
    "mathjax2": "new Promise((done) => MathJax.Hub.Queue(['Rerender', MathJax.Hub], done))",
    "mathjax3": "MathJax.startup.document.rerender()",
    "mathjax4": "MathJax.startup.document.rerender()",
}


@pytest.mark.parametrize("engine", RERENDER)
def test_equations_re_rendered_in_closed_admonitions_are_fitted_when_opened(
    engine, engine_site, load
):
    opened = load(engine_site(engine) + "closed/", PHONE)
    page = opened.page
    # Re-rendered while their admonitions are closed (Chromium keeps that content laid out
    # but not rendered, at the scale it last had), after those in view were measured.
    assert all(eq.state for eq in measure(page).equations if eq.visible), "not measured"
    page.evaluate(RERENDER[engine])
    settle(page)
    # Opened one after the other, as a reader does.
    page.evaluate(
        """async () => {
          for (const d of document.querySelectorAll('details')) {
            d.open = true;
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          }
        }"""
    )
    settle(page)
    m = measure(page)
    for eq in m.equations:
        assert_fitted(eq, m, f"equation {eq.index} ({eq.text[:20]})")
    assert errors_besides_the_resize_loop(opened.errors) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_re_measuring_does_not_lay_out_closed_details_one_by_one(engine, engine_site, load):
    closed = 80
    page = load(engine_site(engine) + "hidden/", PHONE).page
    settle(page)
    # A long page's worth of typeset equations, each in its own closed <details>.
    page.evaluate(
        """(n) => {
          const shown = [...document.querySelectorAll('.mathscale')].find((w) =>
            w.checkVisibility());
          for (let i = 0; i < n; i++) {
            const details = document.createElement('details');
            details.innerHTML = '<summary>Proof</summary>' + shown.outerHTML;
            shown.closest('article').append(details);
          }
        }""",
        closed,
    )
    settle(page)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")

    def layouts() -> float:
        metrics = cdp.send("Performance.getMetrics")["metrics"]
        return next(m["value"] for m in metrics if m["name"] == "LayoutCount")

    before = layouts()
    # A style sheet that changes every equation's layout makes the runtime measure them all.
    page.add_style_tag(content="body { word-spacing: 0.5px }")
    settle(page)
    # Each read inside a closed <details> would lay out its content on its own: 80 or more.
    assert layouts() - before < closed / 4
