"""The math engines the browser tests load, from the local npm copies (never a CDN).

Each engine is set up the way its documentation tells a MkDocs user with
``pymdownx.arithmatex`` in generic mode to do it, and re-typesets after Material's instant
navigation (``document$``). Pages reach the engines under ``/_engines/``: ``link_engines``
puts that folder into a built site.
"""

from __future__ import annotations

from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "vendor" / "engines" / "node_modules"
URL = "/_engines"
# Where the test sites say they live. Material's and Zensical's instant navigation follows only
# links to pages the sitemap lists, so it needs a site_url; conftest.serve points the sitemap
# at the port each site is served on.
SITE_URL = "https://mathscale.test/"

# The extensions the pages use are loaded up front: loaded on demand, they arrive after
# Material's document$ has restarted typesetting, which then shows \color as an error.
_EXTENSIONS = '["[tex]/color","[tex]/boldsymbol"]'
_TEX = (
    'tex:{inlineMath:[["\\\\(","\\\\)"]],displayMath:[["\\\\[","\\\\]"]],'
    'processEscapes:true,processEnvironments:true,tags:"ams",'
    'packages:{"[+]":["color","boldsymbol"]}},'
    'options:{ignoreHtmlClass:".*|",processHtmlClass:"arithmatex"}'
)
# Material swaps the page body on instant navigation; the engine must typeset the new one.
_MJ3_AGAIN = (
    'addEventListener("DOMContentLoaded",()=>window.document$&&document$.subscribe(()=>'
    "{if(MathJax.typesetPromise){MathJax.typesetClear();MathJax.texReset();"
    "MathJax.typesetPromise()}}));"
)
_MJ2_CONFIG = (
    '<script type="text/x-mathjax-config">MathJax.Hub.Config({tex2jax:{'
    'inlineMath:[["\\\\(","\\\\)"]],displayMath:[["\\\\[","\\\\]"]],processEscapes:true,'
    'processEnvironments:true,ignoreClass:".*|",processClass:"arithmatex"},'
    'TeX:{extensions:["color.js","boldsymbol.js"],equationNumbers:{autoNumber:"AMS"}}});'
    "</script>"
)
_KATEX_RENDER = (
    '<script>addEventListener("DOMContentLoaded",()=>{const r=()=>renderMathInElement('
    'document.body,{delimiters:[{left:"\\\\[",right:"\\\\]",display:true},'
    '{left:"\\\\(",right:"\\\\)",display:false}]});window.document$?document$.subscribe(r):r()});'
    "</script>"
)

HEADS: dict[str, str] = {
    "mathjax2": (
        _MJ2_CONFIG + f'<script async src="{URL}/mathjax2/MathJax.js?config=TeX-AMS_HTML"></script>'
        '<script>addEventListener("DOMContentLoaded",()=>window.document$&&document$.subscribe('
        '()=>window.MathJax&&MathJax.Hub&&MathJax.Hub.Queue(["Typeset",MathJax.Hub])));</script>'
    ),
    "mathjax3": (
        f"<script>window.MathJax={{{_TEX},loader:{{load:{_EXTENSIONS}}}}};{_MJ3_AGAIN}</script>"
        f'<script defer src="{URL}/mathjax3/es5/tex-mml-chtml.js"></script>'
    ),
    "mathjax4": (
        f"<script>window.MathJax={{{_TEX},loader:{{load:{_EXTENSIONS},"
        f'paths:{{fonts:"{URL}/@mathjax"}}}}}};'
        f"{_MJ3_AGAIN}</script>"
        f'<script defer src="{URL}/mathjax4/tex-mml-chtml.js"></script>'
    ),
    "katex": (
        f'<link rel="stylesheet" href="{URL}/katex16/dist/katex.min.css">'
        f'<script defer src="{URL}/katex16/dist/katex.min.js"></script>'
        f'<script defer src="{URL}/katex16/dist/contrib/auto-render.min.js"></script>'
        + _KATEX_RENDER
    ),
}
"""HTML for ``<head>`` that loads and configures each engine."""

ENGINES = tuple(HEADS)


def theme_override(engine: str) -> str:
    """A ``main.html`` for a theme's ``custom_dir`` that adds the engine to every page."""
    return (
        '{% extends "base.html" %}\n{% block extrahead %}{{ super() }}'
        + HEADS[engine]
        + "{% endblock %}\n"
    )


def link_engines(site_dir: Path) -> None:
    """Make the local engine copies available under ``/_engines/`` of a built site."""
    if not (NODE_MODULES / "mathjax3").is_dir():
        raise RuntimeError(f"math engines missing in {NODE_MODULES}: run scripts/setup --full")
    link = site_dir / URL.strip("/")
    if not link.exists():
        link.symlink_to(NODE_MODULES, target_is_directory=True)
