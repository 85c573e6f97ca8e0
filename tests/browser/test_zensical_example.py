"""The example site built with ``zensical build`` (site_example/zensical_build.py): Material's
blog under Zensical, the Markdown extension wrapping what the plugin wraps under MkDocs, and
every equation fitting in Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_example.zensical_build import build

from ..build.build_helpers import nested_wrappers, parse, wrappers
from .fit_shown import Shown, figures, misfits, shown
from .fitcheck import wait_typeset

pytestmark = pytest.mark.zensical

ROOT = Path(__file__).resolve().parents[2]

WIDTH = 375


def _wrapped(site: Path) -> dict[str, int]:
    return {
        page.relative_to(site).as_posix(): len(wrappers(parse(page.read_text(encoding="utf-8"))))
        for page in sorted(site.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def zensical_example(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("zensical-example"))


def test_zensical_wraps_the_same_equations_on_the_same_pages_as_mkdocs(zensical_example, tmp_path):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_site = tmp_path / "site"
    config = load_config(config_file=str(ROOT / "site_example" / "mkdocs.yml"))
    config.site_dir = str(mkdocs_site)
    mkdocs_build(config)

    by_zensical = _wrapped(zensical_example)

    assert sum(by_zensical.values()) > 0
    assert by_zensical == {k: v for k, v in _wrapped(mkdocs_site).items() if k in by_zensical}
    assert len(by_zensical) >= 50
    for page in zensical_example.rglob("*.html"):
        assert nested_wrappers(parse(page.read_text(encoding="utf-8"))) == 0


def test_every_page_with_display_math_fits_on_a_phone(
    zensical_example, serve, open_page, artifacts
):
    # The figures go to test-artifacts/zensical-example.json.
    base = serve(zensical_example)
    with_math = [p for p, n in _wrapped(zensical_example).items() if n]

    wrong: list[str] = []
    views: list[Shown] = []
    for path in with_math:
        opened = open_page(base + path.removesuffix("index.html"), WIDTH)
        wait_typeset(opened.page)
        s = shown(opened.page, WIDTH)
        views.append(s)
        wrong += [f"{path}: {w}" for w in misfits(s) + opened.errors]
        wrong += [f"{path}: equation {e.index} not fitted" for e in s.m.equations if not e.state]
    (artifacts / "zensical-example.json").write_text(json.dumps(figures(views), indent=1))

    assert with_math
    assert wrong == []
