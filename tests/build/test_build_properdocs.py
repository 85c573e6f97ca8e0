"""ProperDocs (the MkDocs 1.6 fork) finds the plugin through its own entry point group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from .build_helpers import display_math, head_tags, parse, read, resolve, wrappers


def test_properdocs_builds_a_site_with_the_plugin(tmp_path: Path):
    config = {
        "site_name": "Test",
        # ProperDocs ships no theme of its own; Material supports it.
        "theme": {"name": "material"},
        "markdown_extensions": [{"pymdownx.arithmatex": {"generic": True}}],
        "plugins": ["mathscale"],
    }
    (tmp_path / "properdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "sub" / "page.md").write_text("# Page\n\n$$\nx\n$$\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    properdocs = Path(sys.executable).with_name("properdocs")

    run = subprocess.run(
        [str(properdocs), "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )

    assert run.returncode == 0, run.stderr
    assert "display equations wrapped: 1" in run.stderr
    page = tmp_path / "site" / "sub" / "page" / "index.html"
    tree = parse(read(page))
    assert len(display_math(tree)) == len(wrappers(tree)) == 1
    tags = head_tags(tree)
    assert resolve(tmp_path / "site", page, tags["js"].get("src")).is_file()
