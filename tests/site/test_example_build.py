"""The whole example site builds strictly, ships its own MathJax and loads nothing remote."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site_example"
POSTS = sorted((SITE / "docs" / "posts").glob("*.md"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("site")
    config = str(SITE / "mkdocs.yml")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return out, run.stderr + run.stdout


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_strict_build_passes_without_any_warning(built: tuple[Path, str]) -> None:
    _, log = built
    assert "WARNING" not in log
    assert "mkdocs_mathscale: pages:" in log


def test_every_post_has_its_page_with_credit_and_original_link(built: tuple[Path, str]) -> None:
    site, _ = built
    for post in POSTS:
        text = post.read_text(encoding="utf-8")
        date = re.search(r"^date: (\d{4})-(\d{2})-(\d{2})$", text, re.M).groups()
        slug = re.search(r'^slug: "([^"]+)"$', text, re.M).group(1)
        page = site.joinpath(*date, slug, "index.html")
        html = page.read_text(encoding="utf-8")
        assert "苏剑林" in html
        if m := re.search(r'^original_url: "([^"]+)"$', text, re.M):
            link = BeautifulSoup(html, "html.parser").find("a", href=m.group(1))
            assert link is not None and link.get_text() == "阅读原文"


def test_the_author_page_lists_every_post(built: tuple[Path, str]) -> None:
    site, _ = built
    author_pages = list((site / "author" / "sujianlin").rglob("index.html"))
    listed = sum(
        p.read_text(encoding="utf-8").count('class="md-post__content') for p in author_pages
    )
    assert listed == len(POSTS)


def test_every_display_equation_of_every_page_is_wrapped_once(built: tuple[Path, str]) -> None:
    site, _ = built
    total = 0
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("div.arithmatex"):
            assert block.parent.get("class") == ["mathscale-inner"], page
            assert not block.find_parent(class_="mathscale").find_parent(class_="mathscale")
            total += 1
    assert total >= 10


def test_mathjax_and_its_fonts_are_shipped_with_the_site(built: tuple[Path, str]) -> None:
    site, _ = built
    mathjax = site / "assets" / "mathjax"
    assert (mathjax / "tex-chtml.js").stat().st_size > 500_000
    assert (mathjax / "input" / "tex" / "extensions" / "extpfeil.js").is_file()
    assert len(list((mathjax / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))) > 20


def test_no_page_loads_a_script_style_or_font_from_another_host(built: tuple[Path, str]) -> None:
    site, _ = built
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("script[src], link[rel~=stylesheet], link[rel~=preconnect]"):
            ref = tag.get("src") or tag.get("href")
            assert not re.match(r"^(https?:)?//", ref), (page, ref)


def test_a_missing_mathjax_copy_stops_the_build_naming_folder_and_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "local_mathjax", SITE / "hooks" / "local_mathjax.py"
    )
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    monkeypatch.setattr(hook, "MATHJAX", tmp_path / "no-mathjax")
    with pytest.raises(PluginError, match=r"no-mathjax.*Run scripts/setup"):
        hook.on_files(None, None)
