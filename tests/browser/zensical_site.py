"""Test sites built with ``zensical build``: the pages of fit_site, the ``mathscale`` Markdown
extension, the assets written by ``python -m mkdocs_mathscale assets`` and linked with
``extra_css``/``extra_javascript``, and each engine set up exactly as Zensical's documentation
says (https://zensical.org/docs/authoring/math/, copied verbatim below), its files taken from
the local npm copies instead of unpkg.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from mkdocs_mathscale.export import config_lines, export

from .fit_engines import SITE_URL, URL, link_engines
from .fit_site import DOCS
from .matrix_setups import MATERIAL_KATEX_JS, MATERIAL_MATHJAX_JS

# Zensical's documentation gives Material's docs/javascripts/mathjax.js (matrix_setups) with
# one more subscription, which typesets math in annotations, and Material's katex.js as it is.
MATHJAX_JS = (
    MATERIAL_MATHJAX_JS
    + """
component$.subscribe(({ ref }) => {
  if (ref.classList.contains("md-annotation"))
    MathJax.typesetPromise([ref])
})
"""
)
KATEX_JS = MATERIAL_KATEX_JS

# The documented extra_javascript / extra_css of each engine, unpkg replaced by the local copy.
SETUPS: dict[str, dict[str, object]] = {
    "mathjax3": {
        "files": {"javascripts/mathjax.js": MATHJAX_JS},
        "extra_javascript": ["javascripts/mathjax.js", f"{URL}/mathjax3/es5/tex-mml-chtml.js"],
        "extra_css": [],
    },
    "katex": {
        "files": {"javascripts/katex.js": KATEX_JS},
        "extra_javascript": [
            "javascripts/katex.js",
            f"{URL}/katex19/dist/katex.min.js",
            f"{URL}/katex19/dist/contrib/auto-render.min.js",
        ],
        "extra_css": [f"{URL}/katex19/dist/katex.min.css"],
    },
}
ENGINES = tuple(SETUPS)
ASSETS = "assets/mathscale"


def zensical_config(engine: str, asset_lines: str, options: dict | None = None) -> dict:
    """mkdocs.yml (which Zensical reads) for fit_site's pages with ``engine``: Material-style
    theme with instant navigation, the extensions the pages use, and the asset lines printed by
    ``python -m mkdocs_mathscale assets``; ``options`` are the extension's."""
    setup = SETUPS[engine]
    assets = yaml.safe_load(asset_lines)
    return {
        "site_name": "mathscale on Zensical",
        "site_url": SITE_URL,
        "theme": {"name": "material", "features": ["navigation.instant"], "font": False},
        "markdown_extensions": [
            {"pymdownx.arithmatex": {"generic": True}},
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
            {"mathscale": options} if options else "mathscale",
        ],
        "extra_javascript": [*setup["extra_javascript"], *assets["extra_javascript"]],
        "extra_css": [*setup["extra_css"], *assets["extra_css"]],
    }


def build_zensical(
    root: Path, engine: str, docs: dict[str, str] = DOCS, options: dict | None = None
) -> Path:
    """Write the site into ``root`` (the extension given ``options``), run the real
    ``zensical build`` there and return the built site (the local engines under ``/_engines/``)."""
    for name, text in {**docs, **SETUPS[engine]["files"]}.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    folder = root / "docs" / ASSETS
    lines = config_lines(folder, root / "docs", export(folder, 0.6))
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(zensical_config(engine, lines, options)), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)],
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
