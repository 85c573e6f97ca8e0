"""A scaled-down equation opens at full size in an accessible dialog."""

from __future__ import annotations

import pytest

from .fit_engines import ENGINES
from .fit_site import DOCS, mkdocs_config
from .fitcheck import DIALOG, ENGINE_READY, ZOOM_LOADED, measure, settle

PHONE = 375
# The full-size equation in the dialog: its font-size relative to the page's, and its width.
_ZOOMED = """() => {
  const d = document.querySelector('dialog.mathscale-zoom');
  const body = d.lastElementChild;
  const x = document.querySelectorAll('.mathscale')[2];
  return {
    open: d.open,
    scale: parseFloat(getComputedStyle(body).fontSize) / parseFloat(getComputedStyle(x).fontSize),
    scrolls: d.scrollWidth > d.clientWidth,
    width: d.getBoundingClientRect().width,
  };
}"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_click_shows_the_equation_at_full_size_and_esc_returns_focus(engine, engine_site, load):
    opened = load(engine_site(engine), PHONE)
    page = opened.page
    page.evaluate(ENGINE_READY)
    page.wait_for_function(ZOOM_LOADED)
    settle(page)
    eq = measure(page).equations[2]
    assert eq.state in ("scaled", "floor")
    page.locator(".mathscale").nth(2).click()
    settle(page)
    zoomed = page.evaluate(_ZOOMED)
    assert zoomed["open"]
    assert zoomed["scale"] == pytest.approx(1)
    assert zoomed["width"] <= PHONE, "the dialog is wider than the screen"
    assert zoomed["scrolls"], "the full-size equation cannot be scrolled to"
    page.keyboard.press("Escape")
    settle(page)
    assert not page.evaluate("document.querySelector('dialog.mathscale-zoom').open")
    assert page.evaluate("document.activeElement.closest('.mathscale') !== null")
    assert opened.errors == []


@pytest.mark.parametrize("engine", ["mathjax3", "katex"])
def test_enter_on_a_focused_scaled_equation_opens_it_and_the_button_closes_it(
    engine, engine_site, load
):
    opened = load(engine_site(engine), PHONE)
    page = opened.page
    wrapper = page.locator(".mathscale").nth(2)
    page.wait_for_function(ZOOM_LOADED)
    settle(page)
    focusable = wrapper.locator("[tabindex]").first if engine != "katex" else wrapper
    focusable.focus()
    page.keyboard.press("Enter")
    settle(page)
    assert page.locator(DIALOG).evaluate("d => d.open")
    page.locator(f"{DIALOG} > button").click()
    settle(page)
    assert not page.locator(DIALOG).evaluate("d => d.open")
    assert page.evaluate("document.activeElement.closest('.mathscale') !== null")


def test_an_equation_at_full_size_does_not_zoom(engine_site, load):
    opened = load(engine_site("mathjax3"), 1440)
    page = opened.page
    assert measure(page).equations[0].state == "fit"
    page.locator(".mathscale").nth(0).click()
    settle(page)
    assert page.locator(DIALOG).count() == 0


def test_zoom_false_turns_it_off(build_site, serve, load):
    config = mkdocs_config("mkdocs")
    config["plugins"] = ["search", {"mathscale": {"zoom": False}}]
    site = serve(build_site({"index.md": DOCS["index.md"]}, config, "mathjax3"))
    opened = load(site, PHONE)
    page = opened.page
    assert measure(page).equations[2].state in ("scaled", "floor")
    page.locator(".mathscale").nth(2).click()
    settle(page)
    page.locator(".mathscale").nth(2).hover()
    assert page.locator(DIALOG).count() == 0
    assert page.evaluate("document.querySelectorAll('.mathscale')[2].style.cursor") == ""
    assert opened.errors == []


# The sizes of the inner box's four background layers: left cover, right cover, left shadow,
# right shadow (mathscale-scaled.css).
_EDGE_LAYERS = """() => [...document.querySelectorAll('.mathscale-inner')].map(
  (x) => getComputedStyle(x).backgroundSize.split(',').map((s) => parseFloat(s)))"""


@pytest.mark.parametrize("engine", ["mathjax3", "katex"])
def test_only_an_equation_held_at_the_floor_has_edge_shadows(engine, engine_site, load):
    opened = load(engine_site(engine), PHONE)
    page = opened.page
    page.wait_for_function(
        "() => [...document.styleSheets].some((s) => /mathscale-scaled.css/.test(s.href))"
    )
    settle(page)
    layers = page.evaluate(_EDGE_LAYERS)
    equations = measure(page).equations
    assert any(eq.state == "floor" for eq in equations)
    for eq, sizes in zip(equations, layers, strict=True):
        if eq.state == "floor":
            assert len(sizes) == 4 and all(size > 0 for size in sizes), (eq.index, sizes)
        else:
            assert not any(sizes), (eq.index, eq.state, sizes)
