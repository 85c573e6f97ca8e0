"""Real ``zensical build`` runs: the Markdown extension wraps every display equation once and
marks the pages that have them, the exported assets are published as they are, and a bad
option stops the build naming it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from mkdocs_mathscale.export import config_lines, export
from mkdocs_mathscale.served import NAMES, served

from .build_helpers import ARITHMATEX, display_math, nested_wrappers, parse, wrappers

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
