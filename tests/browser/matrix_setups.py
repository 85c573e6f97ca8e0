"""The math set-ups real MkDocs and Zensical sites use, each exactly as its source gives it, for
the matrix.

Every set-up is what a site's own files would hold: ``docs/`` files (the theme script), the
``extra_javascript`` / ``extra_css`` entries and the arithmatex options of ``mkdocs.yml``.
The one change: engine addresses point at the local copies (``vendor/engines``, served under
``/_engines/``) instead of a CDN, in the same entries, so load order and sync/async are the
recipe's own. MathJax 4 fetches its fonts from a CDN by default; its set-ups get one extra
entry before the engine, ``javascripts/local-fonts.js``, pointing MathJax's font path at the
local copy and changing nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .fit_engines import SITE_URL, URL

# Material for MkDocs, docs/reference/math.md (squidfunk/mkdocs-material, "MathJax" tab
# `docs/javascripts/mathjax.js`), verbatim.
MATERIAL_MATHJAX_JS = r"""window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex"
  }
};

document$.subscribe(() => { // (1)!
  MathJax.startup.output.clearCache()
  MathJax.typesetClear()
  MathJax.texReset()
  MathJax.typesetPromise()
})
"""

# Material for MkDocs, docs/reference/math.md ("KaTeX" tab `docs/javascripts/katex.js`),
# verbatim.
MATERIAL_KATEX_JS = r"""document$.subscribe(({ body }) => { // (1)!
  renderMathInElement(body, {
    delimiters: [
      { left: "$$",  right: "$$",  display: true },
      { left: "$",   right: "$",   display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true }
    ],
  })
})
"""

# This project's README.md, "Minimal mkdocs.yml" (docs/javascripts/mathjax.js), verbatim.
README_MATHJAX_JS = r"""window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    tags: "ams",
  },
  options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" },
  startup: {
    typeset: false,
    ready() {
      MathJax.startup.defaultReady();
      document$.subscribe(() => {
        MathJax.startup.promise = MathJax.startup.promise.then(() => {
          MathJax.startup.output.clearCache();
          MathJax.typesetClear();
          MathJax.texReset();
          return MathJax.typesetPromise();
        });
      });
    },
  },
};
"""

# README.md: "Without Material (theme `mkdocs`), drop the `startup` block".
README_MATHJAX_JS_PLAIN = README_MATHJAX_JS.replace(
    README_MATHJAX_JS[README_MATHJAX_JS.index("  startup: {") : README_MATHJAX_JS.rindex("};")],
    "",
)

# Stands in for the CDN's font address (MathJax 4 only); sets nothing else.
LOCAL_FONTS_JS = (
    "window.MathJax = Object.assign(window.MathJax || {}, "
    f'{{loader: {{paths: {{fonts: "{URL}/@mathjax"}}}}}});\n'
)

GENERIC = {"pymdownx.arithmatex": {"generic": True}}

# Zensical's math page (https://zensical.org/docs/authoring/math/), `docs/javascripts/mathjax.js`:
# Material's file with one more subscription, which typesets math in code annotations (the
# zensical/docs repository of 2026-03 still gives Material's file alone); its KaTeX file and
# extra_javascript / extra_css entries are Material's, verbatim.
ZENSICAL_MATHJAX_JS = (
    MATERIAL_MATHJAX_JS
    + """
component$.subscribe(({ ref }) => {
  if (ref.classList.contains("md-annotation"))
    MathJax.typesetPromise([ref])
})
"""
)

THEMES = ("material", "material-instant", "mkdocs")
"""Theme variants: Material without and with ``navigation.instant``, and MkDocs' own theme."""
ZENSICAL_THEMES = ("zensical", "zensical-classic")
"""Zensical's theme (built with ``zensical build``), its default ``modern`` variant and its
Material-like ``classic`` one, both with ``navigation.instant`` as ``zensical new`` sets it."""
INSTANT_THEMES = ("material-instant", *ZENSICAL_THEMES)


@dataclass(frozen=True)
class SetUp:
    """One site's math set-up: where it comes from, its files and mkdocs.yml entries, and the
    theme variants it applies to."""

    name: str
    source: str
    engine: str
    extra_javascript: list
    docs: dict[str, str] = field(default_factory=dict)
    extra_css: list[str] = field(default_factory=list)
    arithmatex: dict | str = field(default_factory=lambda: GENERIC)
    themes: tuple[str, ...] = ("material", "material-instant")
    docs_for_mkdocs: dict[str, str] | None = None


def _material_mathjax(version: int) -> SetUp:
    engine = f"{URL}/mathjax3/es5/tex-mml-chtml.js" if version == 3 else None
    fonts: list = []
    docs = {"javascripts/mathjax.js": MATERIAL_MATHJAX_JS}
    if version == 4:
        engine = f"{URL}/mathjax4/tex-mml-chtml.js"
        fonts = ["javascripts/local-fonts.js"]
        docs["javascripts/local-fonts.js"] = LOCAL_FONTS_JS
    return SetUp(
        name=f"material-mathjax{version}",
        source=f"Material for MkDocs' math page, MathJax recipe (unpkg mathjax@{version})",
        engine=f"mathjax{version}",
        extra_javascript=["javascripts/mathjax.js", *fonts, engine],
        docs=docs,
    )


def _material_katex(version: str) -> SetUp:
    base = f"{URL}/katex{version}/dist"
    return SetUp(
        name=f"material-katex{version}",
        source=f"Material for MkDocs' math page, KaTeX recipe (katex@0; here 0.{version})",
        engine=f"katex{version}",
        extra_javascript=[
            "javascripts/katex.js",
            f"{base}/katex.min.js",
            f"{base}/contrib/auto-render.min.js",
        ],
        extra_css=[f"{base}/katex.min.css"],
        docs={"javascripts/katex.js": MATERIAL_KATEX_JS},
    )


def _zensical(engine: str) -> SetUp:
    # Zensical's math page: unpkg's mathjax@3 and katex@0, here the local copies.
    if engine == "mathjax3":
        files = {"javascripts/mathjax.js": ZENSICAL_MATHJAX_JS}
        scripts = ["javascripts/mathjax.js", f"{URL}/mathjax3/es5/tex-mml-chtml.js"]
        styles = []
    else:
        base = f"{URL}/{engine}/dist"
        files = {"javascripts/katex.js": MATERIAL_KATEX_JS}
        scripts = [
            "javascripts/katex.js",
            f"{base}/katex.min.js",
            f"{base}/contrib/auto-render.min.js",
        ]
        styles = [f"{base}/katex.min.css"]
    return SetUp(
        name=f"zensical-{engine}",
        source=f"Zensical's math page, {'MathJax' if engine == 'mathjax3' else 'KaTeX'} recipe",
        engine=engine,
        extra_javascript=scripts,
        docs=files,
        extra_css=styles,
        themes=ZENSICAL_THEMES,
    )


def _mathjax_defaults(version: int) -> SetUp:
    # MathJax's own documentation: one <script id="MathJax-script" async src=...> and no
    # configuration; in mkdocs.yml, an async extra_javascript entry.
    path = "mathjax3/es5/tex-mml-chtml.js" if version == 3 else "mathjax4/tex-mml-chtml.js"
    fonts = ["javascripts/local-fonts.js"] if version == 4 else []
    return SetUp(
        name=f"mathjax{version}-defaults",
        source=f"MathJax {version}'s documentation: its script tag (async), default configuration",
        engine=f"mathjax{version}",
        extra_javascript=[*fonts, {"path": f"{URL}/{path}", "async": True}],
        docs={"javascripts/local-fonts.js": LOCAL_FONTS_JS} if fonts else {},
        # Without a theme script it typesets once: with instant loading, new pages stay TeX.
        themes=("material", "mkdocs"),
    )


SETUPS: dict[str, SetUp] = {
    s.name: s
    for s in (
        _material_mathjax(3),
        _material_mathjax(4),
        _material_katex("19"),
        _material_katex("16"),
        _mathjax_defaults(3),
        _mathjax_defaults(4),
        # MathJax 2 as most older MkDocs sites have it (Material's docs before v5, arithmatex's
        # default, non-generic output): the combined configuration from extra_javascript.
        SetUp(
            name="mathjax2-common",
            source="MathJax 2.7 with TeX-MML-AM_CHTML and pymdownx.arithmatex (non-generic)",
            engine="mathjax2",
            extra_javascript=[f"{URL}/mathjax2/MathJax.js?config=TeX-MML-AM_CHTML"],
            arithmatex="pymdownx.arithmatex",
            themes=("material", "mkdocs"),
        ),
        SetUp(
            name="readme",
            source="this project's README.md, Minimal mkdocs.yml",
            engine="mathjax3",
            extra_javascript=["javascripts/mathjax.js", f"{URL}/mathjax3/es5/tex-mml-chtml.js"],
            docs={"javascripts/mathjax.js": README_MATHJAX_JS},
            docs_for_mkdocs={"javascripts/mathjax.js": README_MATHJAX_JS_PLAIN},
            themes=THEMES,
        ),
        _zensical("mathjax3"),
        _zensical("katex19"),
    )
}
"""Every set-up of the matrix, by name."""

# The longest first, so that the workers end together: MathJax 4 and 2 (2 to 3 times a KaTeX
# case: MathJax 2 typesets in chunks with pauses between them), then 3, then KaTeX.
_ORDER = ("mathjax4", "mathjax2", "mathjax3", "katex19", "katex16")
CASES = tuple(
    (name, theme)
    for name, s in sorted(SETUPS.items(), key=lambda item: _ORDER.index(item[1].engine))
    for theme in s.themes
)
"""Every (set-up, theme variant) pair, longest first: 21 (17 on MkDocs, 4 on Zensical), about
600 CPU-seconds; in make test, 7 minutes beside the rest of the suite on 2 cores."""

# A page load (the engine typesetting 155 equations, some set-ups twice) is most of a case's
# cost: each theme variant takes two of the widths, so that every set-up is seen at all four
# (by its first two variants), at about three quarters of the cost of four widths each.
_WIDTH_PAIRS = ((320, 414), (375, 768), (414, 320))


def widths(name: str, theme: str) -> tuple[int, int]:
    """The widths at which the case visits its site (first load, then navigation there and
    back)."""
    return _WIDTH_PAIRS[SETUPS[name].themes.index(theme)]


WORKERS = int(os.environ.get("MATHSCALE_MATRIX_WORKERS", "3"))
"""Cases visited side by side (matrix_visit.visit_all)."""


def mkdocs_config(setup: SetUp, theme: str) -> dict:
    """mkdocs.yml for the matrix site with this set-up and theme variant (for Zensical's, the
    extension and the asset lines are added by zensical_site.zensical_build)."""
    theme_cfg: dict = {"name": "mkdocs" if theme == "mkdocs" else "material"}
    if theme == "mkdocs":
        theme_cfg["highlightjs"] = False  # it would come from a CDN
    else:
        theme_cfg["font"] = False  # no Google Fonts: tests never leave 127.0.0.1
        theme_cfg["features"] = ["navigation.instant"] if theme in INSTANT_THEMES else []
    # Search only where the theme needs it (mkdocs' modal throws without it): its index of
    # these long pages costs more than their math, and fits nothing.
    plugins = ["search", "mathscale"] if theme == "mkdocs" else ["mathscale"]
    if theme in ZENSICAL_THEMES:
        theme_cfg["variant"] = "classic" if theme == "zensical-classic" else "modern"
        plugins = []  # Zensical runs none
    return {
        "site_name": "mathscale matrix",
        "site_url": SITE_URL,
        "theme": theme_cfg,
        "plugins": plugins,
        "markdown_extensions": [
            setup.arithmatex,
            "admonition",
            "attr_list",
            "pymdownx.details",
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
        "extra_javascript": setup.extra_javascript,
        "extra_css": setup.extra_css,
    }


def docs_files(setup: SetUp, theme: str) -> dict[str, str]:
    """The set-up's own files under docs/ for this theme variant."""
    if theme == "mkdocs" and setup.docs_for_mkdocs is not None:
        return setup.docs_for_mkdocs
    return setup.docs
