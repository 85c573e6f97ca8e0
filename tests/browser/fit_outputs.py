"""Engine outputs beyond each engine's default: MathJax 2 CommonHTML and SVG, MathJax 3 and 4
SVG, and KaTeX rendered at build time (no KaTeX script on the page, only its style sheet).

Each MathJax variant is the default set-up of fit_engines with only the output changed, so a
difference in the tests is the output's doing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from . import fit_site
from .fit_engines import HEADS as ENGINE_HEADS
from .fit_engines import NODE_MODULES, URL


def _swap(engine: str, old: str, new: str) -> str:
    head = ENGINE_HEADS[engine]
    if old not in head:
        raise RuntimeError(f"fit_engines.HEADS[{engine!r}] no longer loads {old!r}")
    return head.replace(old, new)


HEADS: dict[str, str] = {
    "mathjax2-chtml": _swap("mathjax2", "config=TeX-AMS_HTML", "config=TeX-AMS_CHTML"),
    "mathjax2-svg": _swap("mathjax2", "config=TeX-AMS_HTML", "config=TeX-AMS_SVG"),
    "mathjax3-svg": _swap("mathjax3", "es5/tex-mml-chtml.js", "es5/tex-svg.js"),
    "mathjax4-svg": _swap("mathjax4", "/tex-mml-chtml.js", "/tex-svg.js"),
    "katex-server": f'<link rel="stylesheet" href="{URL}/katex16/dist/katex.min.css">',
}
"""HTML for ``<head>`` per output variant."""

VARIANTS = tuple(HEADS)

# The display equations of fit_site's index page, in the order they appear there.
EQUATIONS = (
    fit_site.SHORT,
    fit_site.MEDIUM,
    fit_site.SINGLE,
    fit_site.NUMBERED,
    fit_site.TAGGED,
    fit_site.ALIGN,
    fit_site.ALIGNED,
    fit_site.MATRIX,
    fit_site.COLOR,
    fit_site.CHINESE,
    fit_site.HUGE,
)

_KATEX = """
const katex = require('katex16');
const texs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const html = texs.map((tex) => katex.renderToString(tex, {displayMode: true, throwOnError: true}));
process.stdout.write(JSON.stringify(html));
"""


def render_katex(texs: tuple[str, ...]) -> list[str]:
    """Display-mode HTML for each TeX string, from the local KaTeX package under node."""
    done = subprocess.run(
        ["node", "-e", _KATEX],
        input=json.dumps(texs),
        capture_output=True,
        text=True,
        cwd=NODE_MODULES.parent,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"KaTeX failed to render the test equations:\n{done.stderr}")
    return json.loads(done.stdout)


def katex_page() -> str:
    """Markdown of fit_site's index equations, rendered by KaTeX at build time, each a raw
    HTML block as a site that pre-renders its math would write it."""
    blocks = [f'<div class="math">{html}</div>' for html in render_katex(EQUATIONS)]
    return "\n\n".join(["# Rendered at build time", *blocks])


def theme_override(variant: str, folder: Path) -> Path:
    """Write a ``main.html`` into ``folder`` that adds the variant's head to every page;
    returns ``folder`` for the theme's ``custom_dir``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}{{ super() }}'
        + HEADS[variant]
        + "{% endblock %}\n",
        encoding="utf-8",
    )
    return folder
