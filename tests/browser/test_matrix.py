"""The set-ups real sites have (matrix_setups), on pages like real ones (matrix_pages), as a
reader meets them (matrix_visit): at 320, 375, 414 and 768 px (two per case, all four per
set-up) every display equation fits its column or is held at the floor and scrolls in its own
box, also once every details block is opened and every tab shown; a resize from 1440 px lands
where a load at that width does; no console errors; the page never scrolls sideways. Sites on
Zensical's theme are built with ``zensical build`` and the Markdown extension (zensical_site),
the others with MkDocs and the plugin.

Each site's figures are written to test-artifacts/matrix/<set-up>-<theme>.json.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .fit_engines import link_engines
from .matrix_pages import page
from .matrix_setups import (
    CASES,
    INSTANT_THEMES,
    SETUPS,
    WORKERS,
    ZENSICAL_THEMES,
    docs_files,
    mkdocs_config,
    widths,
)
from .matrix_visit import PAGES, SECTIONS, Visit, visit, visit_all
from .zensical_site import zensical_build


@pytest.fixture(scope="module")
def visits(
    request, build_site, serve, browser, chromium_launch, artifacts: Path, tmp_path_factory
) -> dict:
    """Every selected case's site (all of CASES, or those ``-k`` leaves), built and visited,
    WORKERS at a time (matrix_visit.visit_all)."""
    selected = {
        item.callspec.params["seen"]
        for item in request.session.items
        if "seen" in getattr(getattr(item, "callspec", None), "params", {})
    }
    pages = {language: page(language, SECTIONS[language]) for language in PAGES}
    docs = {"index.md": pages["en"].markdown, "zh.md": pages["zh"].markdown}
    texs = {language: p.equations for language, p in pages.items()}
    building = threading.Lock()
    folder = artifacts / "matrix"
    folder.mkdir(exist_ok=True)

    def run(b: Browser, case: tuple[str, str]) -> Visit:
        name, theme = case
        setup = SETUPS[name]
        files, config = {**docs, **docs_files(setup, theme)}, mkdocs_config(setup, theme)
        with building:  # mkdocs builds one site at a time
            start = time.perf_counter()
            if theme in ZENSICAL_THEMES:
                site = zensical_build(tmp_path_factory.mktemp("zensical-matrix"), files, config)
            else:
                site = build_site(files, config)
                link_engines(site)
            base = serve(site)
        case_name, instant = f"{name} on {theme}", theme in INSTANT_THEMES
        seen = visit(b, base, case_name, instant, widths(name, theme), texs)
        seen.seconds = time.perf_counter() - start
        figures = {
            "set-up": name,
            "theme": theme,
            "widths": widths(name, theme),
            **seen.counts(),
            "errors": seen.errors,
        }
        # Build and visit, while WORKERS - 1 other cases run beside it.
        figures["seconds"] = round(seen.seconds, 1)
        figures["misfits"] = seen.misfits(seen.views())
        figures["resizes"] = [line for r in seen.resizes for line in r.wrong]
        (folder / f"{name}-{theme}.json").write_text(
            json.dumps(figures, indent=1, ensure_ascii=False)
        )
        return seen

    return visit_all(browser, [c for c in CASES if c in selected], run, WORKERS, chromium_launch)


@pytest.fixture(
    params=[
        pytest.param(case, marks=[pytest.mark.zensical] if case[1] in ZENSICAL_THEMES else [])
        for case in CASES
    ],
    ids=[f"{s}-{t}" for s, t in CASES],
)
def seen(request, visits: dict) -> Visit:
    """The matrix site for one set-up and theme variant, as visited."""
    got = visits[request.param]
    if isinstance(got, Exception):
        raise got
    return got


def test_every_equation_is_wrapped_on_each_page(seen: Visit) -> None:
    for view in seen.arrivals:
        assert len(view.shown.m.equations) == len(seen.texs[view.page]), view.where(seen.case)


def test_every_visible_equation_fits_or_scrolls_at_the_floor_on_arrival(seen: Visit) -> None:
    assert seen.misfits(seen.arrivals) == []


def test_every_equation_fits_once_details_are_opened_and_each_tab_shown(seen: Visit) -> None:
    assert seen.misfits(seen.opened) == []


def test_a_resize_from_1440px_fits_and_lands_on_the_scales_of_an_arrival_there(seen: Visit) -> None:
    assert all(r.compared > 50 for r in seen.resizes), "too few equations compared"
    wrong = [
        f"{seen.case}, page {r.page}, 1440 -> {line}" for r in seen.resizes for line in r.wrong
    ]
    assert seen.misfits(seen.resized) + wrong == []


def test_no_console_errors(seen: Visit) -> None:
    assert seen.errors == []


def test_the_page_never_scrolls_sideways(seen: Visit) -> None:
    wrong = [
        f"{v.where(seen.case)}: {v.shown.m.page_overflow}px, {v.shown.m.culprits}"
        for v in seen.views()
        if v.shown.m.page_overflow > 0
    ]
    assert wrong == []
