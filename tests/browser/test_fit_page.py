"""Page-level behaviour: fitted before the first paint, no layout shift of its own, instant
navigation, MathJax 4's own overflow handling."""

from __future__ import annotations

import pytest

from .fit_engines import ENGINES, HEADS
from .fit_site import DOCS, mkdocs_config
from .fitcheck import follow, measure, reloaded, wait_typeset

PHONE = 375


@pytest.mark.parametrize("engine", ENGINES)
def test_math_is_fitted_before_it_is_first_painted(engine, engine_site, load):
    opened = load(engine_site(engine, "mkdocs"), PHONE)
    assert any(eq.state == "scaled" for eq in measure(opened.page).equations)
    assert opened.unfitted_frames() == []


@pytest.mark.parametrize("engine", ENGINES)
def test_fitting_adds_no_layout_shift(engine, engine_site, load):
    """Typesetting shifts the page; with the script it shifts no more than without it (same
    page, same style sheet, script blocked)."""
    url = engine_site(engine, "mkdocs")
    without = load(url, PHONE, block_script=True)
    with_script = load(url, PHONE)
    assert all(eq.state is None for eq in measure(without.page).equations)
    assert with_script.cls() <= without.cls() + 0.005, (with_script.cls(), without.cls())


@pytest.mark.parametrize("engine", ENGINES)
def test_after_instant_navigation_the_new_page_is_fitted(engine, engine_site, load):
    opened = load(engine_site(engine, "material"), PHONE)
    page = opened.page
    follow(page, page.get_by_role("link", name="Next page"), "**/second/")
    assert not reloaded(page), "the link was followed by a full page load"
    assert page.evaluate("document.querySelectorAll('script[src*=\"mathscale.js\"]').length") == 1
    wait_typeset(page)
    m = measure(page)
    assert len(m.equations) == 2
    colour, huge = m.equations
    assert colour.state in ("scaled", "floor") and huge.state == "floor"
    if colour.state == "scaled":
        assert colour.ink[0] >= colour.left - 1 and colour.ink[1] <= colour.right + 1
    assert m.page_overflow <= 0, m.culprits
    assert opened.errors == []


def test_instant_navigation_keeps_the_style_sheet_of_scaled_equations(engine_site, load):
    """Material makes the head match the new page's, which would drop the style sheet the
    runtime added (edge shadows, zoom dialog, equations skipped off screen)."""
    opened = load(engine_site("mathjax3", "material"), PHONE)
    page = opened.page
    follow(page, page.get_by_role("link", name="Next page"), "**/second/")
    wait_typeset(page)
    assert not reloaded(page), "the link was followed by a full page load"
    huge = page.locator(".mathscale-inner").last
    assert "linear-gradient" in huge.evaluate("(inner) => getComputedStyle(inner).backgroundImage")
    assert page.locator('link[href*="mathscale-scaled.css"]').count() == 1
    assert opened.errors == []


@pytest.mark.parametrize("overflow", ["scale", "linebreak"])
def test_mathjax4_display_overflow_other_than_overflow_is_left_to_mathjax(
    overflow, build_site, serve, load, monkeypatch
):
    head = HEADS["mathjax4"].replace(
        "window.MathJax={", f'window.MathJax={{output:{{displayOverflow:"{overflow}"}},'
    )
    monkeypatch.setitem(HEADS, "mathjax4", head)
    site = serve(build_site({"index.md": DOCS["index.md"]}, mkdocs_config("mkdocs"), "mathjax4"))
    opened = load(site, PHONE)
    page = opened.page
    m = measure(page)
    assert page.evaluate(
        "[...document.querySelectorAll('mjx-container[display]')]"
        f".every(c => c.getAttribute('overflow') === '{overflow}')"
    )
    assert all(eq.state is None and eq.scale == 1 for eq in m.equations)
    assert page.evaluate("[...document.querySelectorAll('.mathscale')].every(x => !x.style.length)")
    assert m.page_overflow <= 0, m.culprits
    assert opened.errors == []
