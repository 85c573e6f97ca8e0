"""The example site in a real browser: every page's math typeset by the local MathJax 3, every
display equation numbered and fitting its column at phone and desktop widths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from .fitcheck import Measurement, follow, measure, reloaded, settle, wait_typeset

SITE = Path(__file__).resolve().parents[2] / "site_example"
WIDTHS = (320, 375, 1440)
MIN_SCALE = 0.6
SLACK = 1.0
"""Sub-pixel rounding of glyph boxes."""
HESSIAN_POST = "2024/11/29/10588/"
"""从Hessian近似看自适应学习率优化器: two numbered equations, one very long."""

# Every arithmatex element holds MathJax output, and the web fonts are in.
_ALL_TYPESET = """() => document.fonts.status === 'loaded'
  && [...document.querySelectorAll('.arithmatex')].every((e) => e.querySelector('mjx-container'))"""
_ERRORS = """() => [...document.querySelectorAll('mjx-merror')]
  .map((e) => e.getAttribute('data-mjx-error') || e.textContent)"""
# The number as MathJax's assistive MathML states it (the CHTML glyphs have no text).
_NUMBERS = """() => [...document.querySelectorAll('.mathscale')]
  .map((x) => x.querySelector('mjx-assistive-mml mlabeledtr > mtd')?.textContent ?? null)"""


@dataclass
class Visit:
    """One page as loaded at 320 px and then resized through WIDTHS."""

    path: str
    math_errors: list[str]
    numbers: list[str | None]
    by_width: dict[int, Measurement]


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built as `mkdocs build` builds it (mathscale on, local MathJax)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("example") / "site"
    build(load_config(config_file=str(SITE / "mkdocs.yml"), site_dir=str(site)))
    return site


def _path(site: Path, index: Path) -> str:
    rel = index.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


def _pages(site: Path) -> list[str]:
    return sorted(_path(site, p) for p in site.rglob("index.html"))


@pytest.fixture(scope="module")
def visits(example_site, serve, browser) -> tuple[list[Visit], list[str], list[str]]:
    """Every page of the site, with console errors and any request that left 127.0.0.1."""
    base = serve(example_site)
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = context.new_page()
    errors: list[str] = []
    remote: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("request", lambda r: r.url.startswith(base) or remote.append(r.url))
    out = []
    for path in _pages(example_site):
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(base + path)
        page.wait_for_function(_ALL_TYPESET, timeout=30_000)
        if page.query_selector(".mathscale"):
            wait_typeset(page)
        settle(page)
        by_width = {}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            settle(page)
            by_width[width] = measure(page)
        out.append(Visit(path, page.evaluate(_ERRORS), page.evaluate(_NUMBERS), by_width))
    context.close()
    return out, errors, remote


def _post_pages(visits) -> list[Visit]:
    return [v for v in visits[0] if v.path[:2] in ("19", "20")]


def test_every_post_page_is_visited(visits) -> None:
    posts = sorted((SITE / "docs" / "posts").glob("*.md"))
    assert len(_post_pages(visits)) == len(posts) == 32


def test_every_formula_is_typeset_without_a_mathjax_error(visits) -> None:
    for visit in visits[0]:
        assert visit.math_errors == [], visit.path


def test_no_console_errors_and_nothing_loaded_from_another_host(visits) -> None:
    _, errors, remote = visits
    assert errors == []
    assert remote == []


def test_every_numbered_equation_shows_its_number_starting_at_1_on_each_post(visits) -> None:
    numbered = [v for v in _post_pages(visits) if v.numbers]
    assert len(numbered) >= 7
    for visit in numbered:
        assert visit.numbers == [f"({i})" for i in range(1, len(visit.numbers) + 1)], visit.path


def test_no_equation_is_wider_than_its_wrapper_unless_held_at_the_floor(visits) -> None:
    for visit in visits[0]:
        for width, m in visit.by_width.items():
            for eq in m.equations:
                if eq.state == "floor":
                    continue
                where = f"{visit.path} at {width}px, equation {eq.index}"
                assert eq.ink, f"{where}: no visible glyphs"
                assert eq.ink[0] >= eq.left - SLACK and eq.ink[1] <= eq.right + SLACK, where
                assert not eq.scrolls, f"{where}: scrolls but is not at the floor"


def test_no_page_scrolls_sideways(visits) -> None:
    for visit in visits[0]:
        for width, m in visit.by_width.items():
            assert m.page_overflow <= 0, f"{visit.path} at {width}px"


def test_scales_stay_between_the_floor_and_1(visits) -> None:
    for visit in visits[0]:
        for width, m in visit.by_width.items():
            for eq in m.equations:
                where = f"{visit.path} at {width}px, equation {eq.index}"
                assert MIN_SCALE - 1e-3 <= eq.scale <= 1 + 1e-3, where
                if eq.state == "fit":
                    assert eq.scale == pytest.approx(1), where


def test_numbers_stay_inside_the_wrapper_and_apart_from_the_equation(visits) -> None:
    for visit in visits[0]:
        for width, m in visit.by_width.items():
            for eq in m.equations:
                if eq.tag is None or eq.state == "floor":
                    continue
                where = f"{visit.path} at {width}px, equation {eq.index}"
                assert eq.tag[0] >= eq.left - SLACK and eq.tag[1] <= eq.right + SLACK, where
                assert eq.tag[0] >= eq.body[1] or eq.tag[1] <= eq.body[0], where


def test_long_equations_shrink_on_a_phone_and_are_whole_on_a_desktop(visits) -> None:
    hessian = next(v for v in visits[0] if v.path == HESSIAN_POST)
    long_one = hessian.by_width[375].equations[1]
    assert long_one.state in ("scaled", "floor") and long_one.scale < 1
    assert all(eq.state == "fit" for eq in hessian.by_width[1440].equations)


def test_instant_navigation_typesets_and_fits_the_new_page(example_site, serve, open_page) -> None:
    opened = open_page(serve(example_site), 375)
    page = opened.page
    page.wait_for_function(_ALL_TYPESET)
    follow(page, page.locator(f'a[href$="{HESSIAN_POST}"]').first, f"**/{HESSIAN_POST}")
    page.wait_for_function(_ALL_TYPESET, timeout=30_000)
    wait_typeset(page)
    assert not reloaded(page), "the link was followed by a full page load"
    assert page.evaluate(_ERRORS) == []
    assert page.evaluate(_NUMBERS) == ["(1)", "(2)"]
    m = measure(page)
    short, long_one = m.equations
    assert short.state == "fit"
    assert long_one.state in ("scaled", "floor") and long_one.scale < 1
    assert long_one.ink[1] <= long_one.right + SLACK or long_one.state == "floor"
    assert m.page_overflow <= 0
    assert opened.errors == []


def test_the_showcase_demo_refits_when_its_box_is_made_narrower(
    example_site, serve, open_page
) -> None:
    opened = open_page(serve(example_site) + "mathscale/", 1440)
    page = opened.page
    page.wait_for_function(_ALL_TYPESET)
    wait_typeset(page)
    before = measure(page).equations[0]
    page.eval_on_selector(".mathscale-demo", "(box) => { box.style.width = '450px'; }")
    settle(page)
    after = measure(page).equations[0]
    assert (before.state, before.scale) == ("fit", pytest.approx(1))
    assert after.width < 450
    assert after.state == "scaled" and MIN_SCALE < after.scale < 1
    assert after.ink[0] >= after.left - SLACK and after.ink[1] <= after.right + SLACK
    assert not after.scrolls
