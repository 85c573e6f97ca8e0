"""Test sites built with ``zensical build``, set up as the README says for Zensical: the
``mathscale`` Markdown extension, the assets written by ``python -m mkdocs_mathscale assets``
and linked with ``extra_css``/``extra_javascript``, and each engine set up exactly as Zensical's
documentation says (matrix_setups: ``zensical-mathjax3``, ``zensical-katex19``), its files
taken from the local npm copies instead of unpkg.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from mkdocs_mathscale.export import config_lines, export

from .fit_engines import link_engines
from .fit_site import DOCS
from .matrix_setups import SETUPS, mkdocs_config

ENGINES = ("mathjax3", "katex19")
ASSETS = "assets/mathscale"


def zensical_build(
    root: Path, docs: dict[str, str], config: dict, options: dict | None = None
) -> Path:
    """Write ``docs`` into ``root``, export the assets there and add them and the extension
    (given ``options``) to ``config``, as the README says; run the real ``zensical build`` and
    return the built site (the local engines under ``/_engines/``)."""
    for name, text in docs.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    folder = root / "docs" / ASSETS
    assets = yaml.safe_load(config_lines(folder, root / "docs", export(folder, 0.6)))
    config = {
        **config,
        "markdown_extensions": [
            *config["markdown_extensions"],
            {"mathscale": options} if options else "mathscale",
        ],
        "extra_javascript": [*config["extra_javascript"], *assets["extra_javascript"]],
        "extra_css": [*config["extra_css"], *assets["extra_css"]],
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if run.returncode != 0:
        raise RuntimeError(f"zensical build failed:\n{run.stdout}\n{run.stderr}")
    site = root / "site"
    link_engines(site)
    return site


def build_zensical(
    root: Path, engine: str, docs: dict[str, str] = DOCS, options: dict | None = None
) -> Path:
    """fit_site's pages (or ``docs``) with Zensical's set-up for ``engine``, on Zensical's theme
    with instant navigation, built into ``root`` (``zensical_build``)."""
    setup = SETUPS[f"zensical-{engine}"]
    config = mkdocs_config(setup, "zensical")
    return zensical_build(root, {**docs, **setup.docs}, config, options)
