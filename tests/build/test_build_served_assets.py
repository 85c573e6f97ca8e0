"""The assets a built site serves: the packaged readable sources minified at build time by
maintained minifiers (rjsmin, rcssmin; see served.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mkdocs_mathscale.config import DEFAULT_MIN_SCALE
from mkdocs_mathscale.served import ASSETS_DIR, INJECTED, NAMES, minified, served, version

from .build_helpers import head_tags, parse, read, resolve

MATH_PAGE = "# Home\n\n$$\nE = mc^2\n$$\n"


def test_the_minifier_keeps_the_meaning_of_code_a_hand_written_stripper_broke(
    tmp_path: Path,
) -> None:
    """A line comment after code before "}", a regular expression with a space and a quote,
    comment markers inside strings: ordinary code the sources may now contain."""
    source = (
        "/* Header. */\nconst out = [];\nfunction f(a) {\n  out.push(a); // why\n}\n"
        "f('a // b');\nf(\"/* c */\");\nf(/x y\"/.test('x y\"'));\nf(`a\n  b`);\n"
        "console.log(JSON.stringify(out));\n"
    )
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: scripts/setup installs it")
    results = []
    for text in (source, minified("x.js", source)):
        path = tmp_path / "x.js"
        path.write_text(text, encoding="utf-8")
        run = subprocess.run([node, str(path)], capture_output=True, text=True, check=True)
        results.append(run.stdout)
    assert results[0] == results[1] == '["a // b","/* c */",true,"a\\n  b"]\n'
    assert len(minified("x.js", source)) < len(source)


def test_the_minifier_keeps_css_strings_and_the_spaces_css_needs() -> None:
    source = (
        '/* Why. */\n.a :is(.b, .c) > .d {\n  content: "/* x */";\n'
        "  width: calc(1px - var(--x, 0px) * 2);\n  margin: 0\n  auto;\n}\n"
    )
    assert minified("x.css", source) == (
        '.a :is(.b,.c)>.d{content:"/* x */";width:calc(1px - var(--x,0px) * 2);margin:0 auto}\n'
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_served_copy_is_the_minified_source(name: str) -> None:
    source = (ASSETS_DIR / name).read_text(encoding="utf-8")
    copy = served(name).decode()
    assert copy == minified(name, source)
    assert len(copy) < len(source) * 0.7


def test_the_style_sheet_floor_is_min_scale_and_defaults_to_the_option_default() -> None:
    assert f"var(--mathscale-min,{DEFAULT_MIN_SCALE:g})" in served("mathscale.css").decode()
    assert served("mathscale.css", DEFAULT_MIN_SCALE) == served("mathscale.css")
    floor = served("mathscale.css", 0.75).decode()
    assert floor.count("var(--mathscale-min,0.75)") == 1
    assert "--mathscale-min,0.6" not in floor


def test_the_version_changes_with_min_scale() -> None:
    assert version(0.75) != version(DEFAULT_MIN_SCALE) == version()


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith(".js")])
def test_the_served_script_is_valid_javascript(name: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: scripts/setup installs it")
    path = tmp_path / name
    path.write_bytes(served(name))
    run = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_a_built_site_serves_the_stripped_assets_next_to_each_other(site) -> None:
    site_dir = site().page("index.md", MATH_PAGE).build()
    page = site_dir / "index.html"
    tags = head_tags(parse(read(page)))
    linked = {
        resolve(site_dir, page, tags[role].get(attribute))
        for role, attribute in [("css", "href"), ("js", "src")]
    }
    assert {path.name for path in linked} == set(INJECTED)
    folder = next(iter(linked)).parent
    # mathscale.js fetches the zoom files from its own folder.
    for name in NAMES:
        assert (folder / name).read_bytes() == served(name), name


def test_one_version_covers_every_asset(site, tmp_path: Path, monkeypatch) -> None:
    """mathscale.js's URL changes when only a file it fetches does, so no cache keeps an old
    script that fetches a new such file (or the reverse)."""
    first = site().page("index.md", MATH_PAGE).build()
    copy = tmp_path / "assets"
    copy.mkdir()
    for name in NAMES:
        (copy / name).write_bytes((ASSETS_DIR / name).read_bytes())
    (copy / "mathscale-scaled.css").write_text(".changed {\n  top: 0;\n}\n", encoding="utf-8")
    monkeypatch.setattr("mkdocs_mathscale.served.ASSETS_DIR", copy)
    second = site().page("index.md", MATH_PAGE).build()

    def script_url(site_dir: Path) -> str:
        return head_tags(parse(read(site_dir / "index.html")))["js"].get("src")

    assert script_url(first) != script_url(second)
