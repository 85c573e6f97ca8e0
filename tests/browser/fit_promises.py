"""Pages for test_fit_promises: fit_site's index with MathJax 3 loaded late (async at the end
of ``<body>``, or injected by a script once the page has loaded), with its script missing
(404), or with no engine at all.

Each is fit_engines' MathJax 3 set-up with only where (or whether) its script loads changed,
so a difference in the tests is the load order's doing.
"""

from __future__ import annotations

from pathlib import Path

from .fit_engines import HEADS, URL

_SRC = f"{URL}/mathjax3/es5/tex-mml-chtml.js"
_TAG = f'<script defer src="{_SRC}"></script>'
if _TAG not in HEADS["mathjax3"]:
    raise RuntimeError(f"fit_engines.HEADS['mathjax3'] no longer loads {_TAG!r}")
# MathJax's configuration alone: it must be on the page before MathJax's script runs.
_CONFIG = HEADS["mathjax3"].replace(_TAG, "")

# A script that adds MathJax's once the page has loaded and a little later still: the runtime
# has long run and found only TeX.
_INJECT = (
    '<script>addEventListener("load",()=>setTimeout(()=>{const s=document.createElement("script");'
    f's.src="{_SRC}";document.head.append(s)}},300));</script>'
)

LATE: dict[str, tuple[str, str]] = {
    "async-at-end-of-body": (_CONFIG, f'<script async src="{_SRC}"></script>'),
    "injected-after-load": (_CONFIG, _INJECT),
    "engine-404": (_CONFIG + _TAG.replace(_SRC, f"{URL}/mathjax3/es5/gone.js"), ""),
    "no-engine": ("", ""),
}
"""Per variant: HTML for the end of ``<head>`` and for the end of ``<body>``."""


def theme_override(variant: str, folder: Path) -> Path:
    """Write a Material ``main.html`` into ``folder`` that adds the variant's HTML to every
    page; returns ``folder`` for the theme's ``custom_dir``."""
    head, body = LATE[variant]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block extrahead %}{{ super() }}" + head + "{% endblock %}\n"
        "{% block scripts %}{{ super() }}" + body + "{% endblock %}\n",
        encoding="utf-8",
    )
    return folder
