"""Real ``zensical build`` runs: the Markdown extension wraps every display equation once and
marks the pages that have them, the exported assets are published as they are, a bad option
stops the build naming it, and a site made by ``zensical new`` (zensical.toml) is set up as the
README says."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from mkdocs_mathscale.export import config_lines, export
from mkdocs_mathscale.served import NAMES, served

from .build_helpers import (
    ARITHMATEX,
    display_math,
    nested_wrappers,
    parse,
    read,
    resolve,
    wrappers,
)

pytestmark = pytest.mark.zensical

PAGES = {
    "index.md": """
        # Home

        $$
        \\int_0^1 x^2 \\, dx = \\frac{1}{3}
        $$

        Inline \\(x\\) only here, and an aligned pair:

        \\begin{align}
        a &= b \\\\
        c &= d
        \\end{align}
    """,
    "plain.md": "# No math\n\nText.\n",
}


def zensical_build(root: Path, options: dict) -> subprocess.CompletedProcess:
    docs = root / "docs"
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    folder = docs / "assets" / "mathscale"
    config = {
        "site_name": "Test",
        "markdown_extensions": [ARITHMATEX, {"mathscale": options}],
        **yaml.safe_load(config_lines(folder, docs, export(folder, 0.7))),
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_each_display_equation_is_wrapped_once_and_the_assets_published(tmp_path):
    run = zensical_build(tmp_path, {"min_scale": 0.7})
    site = tmp_path / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    tree = parse(home)

    assert run.returncode == 0, run.stderr
    assert len(wrappers(tree)) == 2
    assert [len(display_math(w)) for w in wrappers(tree)] == [1, 1]
    assert nested_wrappers(tree) == 0
    assert home.count('<span hidden id="mathscale-js" data-min-scale="0.7"') == 1
    assert "mathscale-js" not in (site / "plain" / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert (site / "assets" / "mathscale" / name).read_bytes() == served(name, 0.7)


def test_a_bad_option_stops_the_build_naming_it(tmp_path):
    run = zensical_build(tmp_path, {"zoom": "yes"})

    assert run.returncode != 0
    assert "Markdown extension 'mathscale' option 'zoom': got 'yes'; allowed: true or false" in (
        run.stdout + run.stderr
    )


def test_a_site_made_by_zensical_new_is_set_up_with_one_command_and_the_lines_it_prints(tmp_path):
    # As the README says, in the zensical.toml that `zensical new` writes: the command's lines
    # go into [project], the extension into [project.markdown_extensions].
    zensical = [sys.executable, "-m", "zensical"]
    subprocess.run([*zensical, "new", str(tmp_path)], check=True, capture_output=True)
    (tmp_path / "docs" / "math.md").write_text(textwrap.dedent(PAGES["index.md"]).lstrip())
    assets = ["assets", "docs/assets/mathscale", "--min-scale", "0.7"]
    command = subprocess.run(
        [sys.executable, "-m", "mkdocs_mathscale", *assets],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    config = tmp_path / "zensical.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("[project]\n", "[project]\n" + command.stdout.split("\n", 1)[1], 1)
    extensions = "[project.markdown_extensions]\n"
    text = text.replace(extensions, extensions + "mathscale.min_scale = 0.7\n", 1)
    config.write_text(text, encoding="utf-8")

    run = subprocess.run(
        [*zensical, "build", "--clean"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )

    assert run.returncode == 0, run.stderr
    page = tmp_path / "site" / "math" / "index.html"
    tree = parse(read(page))
    assert "link them in zensical.toml, in [project]:" in command.stdout
    assert [len(display_math(w)) for w in wrappers(tree)] == [1, 1]
    assert read(page).count('<span hidden id="mathscale-js" data-min-scale="0.7"') == 1
    urls = [e.get("href") for e in tree.iter("link") if "mathscale" in (e.get("href") or "")]
    urls += [e.get("src") for e in tree.iter("script") if "mathscale" in (e.get("src") or "")]
    assert len(urls) == 2 and all("?v=" in url for url in urls)
    for url in urls:
        file = resolve(tmp_path / "site", page, url)
        assert file.read_bytes() == served(file.name, 0.7)
