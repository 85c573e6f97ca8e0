"""The assets a built site serves: the packaged readable sources without comments and
indentation, derived at build time by the package's own small stripper (served.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from build_helpers import head_tags, parse, read, resolve

from mkdocs_mathscale.config import DEFAULT_MIN_SCALE
from mkdocs_mathscale.served import ASSETS_DIR, INJECTED, NAMES, served, strip, version

MATH_PAGE = "# Home\n\n$$\nE = mc^2\n$$\n"


def test_the_stripper_drops_comments_indentation_and_spaces_next_to_punctuation() -> None:
    source = (
        "/* Header\n   on two lines. */\n(() => {\n  // Why this is done.\n"
        '  const url = "a / b";\n\n  if (url) {\n    run(url, `${a} b`);\n  }\n})();\n'
    )
    assert strip("x.js", source) == '(()=>{const url="a / b";if(url){run(url,`${a} b`);}})();\n'


def test_the_stripper_keeps_the_spaces_javascript_needs() -> None:
    source = "const a = b - -c;\nlet d = e + +f;\nreturn x\nnew Set(y)\n"
    assert strip("x.js", source) == "const a=b- -c;let d=e+ +f;return x\nnew Set(y)\n"


def test_the_stripper_drops_css_comments_wherever_they_are() -> None:
    source = (
        "/* Why. */\n.a {\n  color: red; /* why */\n}\n\n/* More\n   why. */\n.b {\n  top: 0;\n}\n"
    )
    assert strip("x.css", source) == ".a{color:red}.b{top:0}\n"


def test_the_stripper_drops_the_semicolon_that_ends_a_css_block() -> None:
    source = "@media print {\n  .a {\n    top: 0;\n    left: 0;\n  }\n}\n"
    assert strip("x.css", source) == "@media print{.a{top:0;left:0}}\n"


def test_the_stripper_keeps_the_spaces_css_needs() -> None:
    source = (
        ".a :is(.b, .c) > .d {\n  width: calc(1px - var(--x, 0px) * 2);\n  margin: 0\n  auto;\n}\n"
    )
    assert strip("x.css", source) == (
        ".a :is(.b,.c)>.d{width:calc(1px - var(--x,0px) * 2);margin:0 auto}\n"
    )


@pytest.mark.parametrize("name", NAMES)
def test_sources_hold_no_construct_the_stripper_cannot_handle(name: str) -> None:
    """Comment markers only where a comment starts or ends a line (never in strings or after
    code), and no template literal spanning lines (stripping would change its text)."""
    in_comment = False
    for number, line in enumerate((ASSETS_DIR / name).read_text(encoding="utf-8").splitlines(), 1):
        where = f"{name}:{number}: {line.strip()}"
        text = line.strip()
        if in_comment:
            assert "/*" not in text and ("*/" not in text or text.endswith("*/")), where
            in_comment = not text.endswith("*/")
        elif text.startswith("/*"):
            assert text.count("/*") == 1 and text.count("*/") <= 1, where
            assert "*/" not in text or text.endswith("*/"), where
            in_comment = not text.endswith("*/")
        elif text.startswith("//") and name.endswith(".js"):
            continue
        else:
            assert not re.search(r"//|/\*|\*/", text), where
            assert text.count("`") % 2 == 0, where
    assert not in_comment, f"{name}: unterminated comment"


# String literals, template literals included.
_STRINGS = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)""")


@pytest.mark.parametrize("name", NAMES)
def test_the_served_copy_loses_only_comments_spaces_and_optional_semicolons(name: str) -> None:
    source = (ASSETS_DIR / name).read_text(encoding="utf-8")
    copy = served(name).decode()
    code = "\n".join(
        line
        for line in re.sub(r"/\*.*?\*/", "", source, flags=re.S).splitlines()
        if not line.strip().startswith("//")
    )
    assert not re.search(r"/\*|\*/|^//", copy, re.M)
    assert len(copy) < len(source)
    expected = re.sub(r"\s", "", code)
    if name.endswith(".css"):
        expected = expected.replace(";}", "}")
    assert re.sub(r"\s", "", copy) == expected
    assert _STRINGS.findall(copy) == _STRINGS.findall(code)


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
