"""Sites built with ``zensical build`` (the Markdown extension, the assets linked with
extra_css/extra_javascript, each engine set up as Zensical documents it): every display
equation fits or is held at the floor, after instant navigation and in closed details and
tabs too, and no page scrolls sideways."""

from __future__ import annotations

import pytest

from .fit_shown import Shown, misfits, shown
from .fitcheck import DIALOG, ZOOM_LOADED, follow, reloaded, settle, wait_typeset
from .zensical_site import ENGINES, build_zensical

pytestmark = pytest.mark.zensical

WIDTHS = (375, 768, 1280)


def misfits_of(s: Shown, index: int) -> list[str]:
    """What is wrong with equation ``index`` and with the page as a whole."""
    return [w for w in misfits(s) if f"equation {index} " in w or "page scrolls" in w]


@pytest.fixture(scope="module")
def zensical_site(serve, tmp_path_factory):
    """``zensical_site(engine)``: base URL of the test site built with Zensical for it."""
    cache: dict[str, str] = {}

    def get(engine: str) -> str:
        if engine not in cache:
            cache[engine] = serve(build_zensical(tmp_path_factory.mktemp("zensical"), engine))
        return cache[engine]

    return get


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_equation_fits_or_is_at_the_floor(engine, width, zensical_site, load):
    opened = load(zensical_site(engine), width)

    s = shown(opened.page, width)

    assert len(s.m.equations) == 11
    assert all(eq.state in ("fit", "scaled", "floor") for eq in s.m.equations)
    assert misfits(s) == []
    assert opened.errors == []


@pytest.mark.parametrize("engine", ENGINES)
def test_after_instant_navigation_the_new_page_is_fitted(engine, zensical_site, load):
    opened = load(zensical_site(engine), 375)
    page = opened.page
    follow(page, page.get_by_role("link", name="Next page"), "**/second/")
    wait_typeset(page)

    s = shown(page, 375)

    assert not reloaded(page), "the link was followed by a full page load"
    assert len(s.m.equations) == 2
    assert all(eq.state in ("fit", "scaled", "floor") for eq in s.m.equations)
    assert misfits(s) == []
    assert opened.errors == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_equation_in_a_second_tab_is_fitted_when_shown(engine, zensical_site, load):
    opened = load(zensical_site(engine) + "hidden/", 375)
    page = opened.page
    assert not shown(page, 375).m.equations[1].visible
    page.get_by_text("Second tab").click()
    settle(page)

    s = shown(page, 375)

    assert s.m.equations[1].visible
    assert misfits_of(s, 1) == []
    assert opened.errors == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_equation_in_a_closed_details_is_fitted_when_opened(engine, zensical_site, load):
    opened = load(zensical_site(engine) + "hidden/", 375)
    page = opened.page
    page.click("summary")
    settle(page)

    s = shown(page, 375)

    assert s.m.equations[0].visible
    assert s.m.equations[0].state in ("fit", "scaled", "floor")
    assert misfits_of(s, 0) == []
    assert opened.errors == []


@pytest.mark.parametrize("engine", ENGINES)
def test_a_click_zooms_a_scaled_equation_after_instant_navigation(engine, zensical_site, load):
    opened = load(zensical_site(engine), 375)
    page = opened.page
    page.wait_for_function(ZOOM_LOADED)
    follow(page, page.get_by_role("link", name="Next page"), "**/second/")
    wait_typeset(page)
    assert not reloaded(page), "the link was followed by a full page load"
    assert shown(page, 375).m.equations[1].state == "floor"

    page.locator(".mathscale").nth(1).click()
    settle(page)

    dialog = page.locator(DIALOG)
    assert dialog.evaluate("d => d.open")
    # Styled by mathscale-scaled.css, fetched on the first page: still there after the swap.
    assert dialog.evaluate("d => getComputedStyle(d).borderTopStyle") == "none"
    assert dialog.evaluate("d => getComputedStyle(d.firstChild).position") == "absolute"
    assert opened.errors == []


def test_zoom_false_given_to_the_extension_turns_it_off(serve, tmp_path_factory, load):
    root = tmp_path_factory.mktemp("zensical-no-zoom")
    base = serve(build_zensical(root, "katex19", options={"zoom": False}))
    opened = load(base, 375)
    page = opened.page
    page.wait_for_function(ZOOM_LOADED)
    assert shown(page, 375).m.equations[2].state in ("scaled", "floor")

    page.locator(".mathscale").nth(2).click()
    settle(page)

    assert page.locator(DIALOG).count() == 0
    assert opened.errors == []
