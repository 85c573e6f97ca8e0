"""Synthetic MkDocs sites for the build benchmark: a big math blog and a math-free control.

The math site mirrors a large Scientific Spaces-like blog on Material for MkDocs: posts grouped
in yearly folders, each with prose and display equations (pymdownx.arithmatex, generic mode),
plus pages without any math. The config enables the plugin; the plain build takes it out.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import texpool

_MATHJAX_CONFIG = """window.MathJax = {
  tex: {inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]], tags: "ams"},
  options: {ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex"}
};
"""

_CONFIG = """site_name: Synthetic math blog
site_url: https://example.org/
docs_dir: docs
theme:
  name: material
  # Material's advice for big sites; without it every page carries the whole 1,200-link nav,
  # which triples build time and would hide the plugin's cost in a bigger denominator.
  features: [navigation.prune]
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - pymdownx.arithmatex:
      generic: true
extra_javascript:
  - javascripts/mathjax-config.js
  - javascripts/tex-chtml.js
plugins:
  - search
  - mathscale
"""


@dataclass(frozen=True)
class Site:
    """A generated site: its config (plugin enabled) and its page counts."""

    root: Path
    config: Path
    math_pages: int
    plain_pages: int
    equations: int


def _math_page(rng: random.Random, title: str, equations: int) -> str:
    parts = [f"# {title}", "", texpool.paragraph(rng), ""]
    for n in range(equations):
        if n % 10 == 0:
            parts += [f"## Step {n // 10 + 1}", ""]
        parts += [texpool.display_block(rng), "", texpool.paragraph(rng, rng.randint(30, 90)), ""]
    return "\n".join(parts)


def _plain_page(rng: random.Random, title: str) -> str:
    text = [f"# {title}", ""]
    for n in range(6):
        prose = texpool.paragraph(rng, inline_math=False)
        text += [f"## Part {n + 1}", "", prose, "", "- a list item", "- another item", ""]
    text += ['!!! note "Aside"', "", "    An admonition without any math.", ""]
    return "\n".join(text)


def _write_config(root: Path) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(_CONFIG, encoding="utf-8")
    return config


def _write_js(docs: Path) -> None:
    js = docs / "javascripts"
    js.mkdir(parents=True, exist_ok=True)
    (js / "mathjax-config.js").write_text(_MATHJAX_CONFIG, encoding="utf-8")
    # The built site is never opened in a browser; the file only makes the reference valid.
    (js / "tex-chtml.js").write_text("", encoding="utf-8")


def generate_math_site(
    root: Path, math_pages: int, plain_pages: int, equations: int = 30, seed: int = 2024
) -> Site:
    """Write the big blog: `math_pages` posts in yearly folders plus `plain_pages` without math."""
    rng = random.Random(seed)
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    _write_js(docs)
    (docs / "index.md").write_text("# Synthetic math blog\n\nStart here.\n", encoding="utf-8")
    for n in range(math_pages):
        folder = docs / f"{2012 + n % 13}"
        folder.mkdir(exist_ok=True)
        page = _math_page(rng, f"Post {n}", equations)
        (folder / f"post-{n:04d}.md").write_text(page, encoding="utf-8")
    about = docs / "about"
    about.mkdir(exist_ok=True)
    for n in range(plain_pages):
        (about / f"page-{n:04d}.md").write_text(_plain_page(rng, f"Page {n}"), encoding="utf-8")
    return Site(root, _write_config(root), math_pages, plain_pages, equations)


def generate_plain_site(root: Path, pages: int, seed: int = 7) -> Site:
    """Write a site without any math: the plugin should cost nothing measurable here."""
    rng = random.Random(seed)
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Handbook\n\nNo math anywhere.\n", encoding="utf-8")
    for n in range(pages):
        (docs / f"page-{n:04d}.md").write_text(_plain_page(rng, f"Page {n}"), encoding="utf-8")
    return Site(root, _write_config(root), 0, pages, 0)
