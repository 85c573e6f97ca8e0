"""Build the example site with Zensical, which runs neither MkDocs plugins nor hooks.

    .venv/bin/python site_example/zensical_build.py      # site in site_example/.zensical/site

A copy of the site is prepared as a Zensical user would set it up: the ``mathscale`` Markdown
extension, the assets written by ``python -m mkdocs_mathscale assets`` and linked with
extra_css/extra_javascript, and the local MathJax copy (which the MkDocs hook ships) put into
the docs. Everything else (Material's blog, tags, the site's own MathJax set-up) is unchanged.
"""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from mkdocs_mathscale.export import config_lines, export

HERE = Path(__file__).resolve().parent
# The hook's own list of files, read by path as MkDocs reads hooks.
_HOOK = runpy.run_path(str(HERE / "hooks" / "local_mathjax.py"))
DEST, MATHJAX, SHIPPED = _HOOK["DEST"], _HOOK["MATHJAX"], _HOOK["SHIPPED"]


def prepare(root: Path) -> Path:
    """Write the Zensical set-up of the example site into ``root``; return its mkdocs.yml."""
    docs = root / "docs"
    shutil.copytree(HERE / "docs", docs, dirs_exist_ok=True)
    config = yaml.safe_load((HERE / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["hooks"]
    config["markdown_extensions"].append("mathscale")
    folder = docs / "assets" / "mathscale"
    assets = yaml.safe_load(config_lines(folder, docs, export(folder, 0.6)))
    config["extra_css"] += assets["extra_css"]
    config["extra_javascript"] += assets["extra_javascript"]
    for pattern in SHIPPED:
        for path in MATHJAX.glob(pattern):
            target = docs / DEST / path.relative_to(MATHJAX)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


def build(root: Path) -> Path:
    """Prepare ``root``, run ``zensical build`` there and return the built site."""
    config_file = prepare(root)
    run = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if run.returncode != 0:
        raise RuntimeError(f"zensical build failed:\n{run.stdout}\n{run.stderr}")
    return root / "site"


if __name__ == "__main__":
    print(build(HERE / ".zensical"))
