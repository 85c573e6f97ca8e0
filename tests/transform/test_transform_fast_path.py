"""The scanner's shortcut for ordinary elements gives exactly what its general path gives.

With an ``exclude`` selector matching anything, every start tag goes through the general
path (it has to be checked against the selector), so the same page transformed with and
without such a selector must come out byte for byte the same.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_mathscale.transform import transform

# A marker element ahead of the page, so that the selector matches without touching any math.
MARKER = '<i id="general-path"></i>'
GENERAL = ["#general-path"]

TEX = st.sampled_from(["x^2", "\\frac{a}{b}", "a &amp; b", "\\alpha + \\beta"])
ATTRS = st.sampled_from(
    [
        "",
        "",
        "",
        ' class="md-nav__link"',
        ' id="a" title="x > y"',
        " hidden",
        ' data-x="/"',
        ' class="arithmatex"',
        ' class="MathJax_Preview"',
        ' class="katex"',
        ' class="no-mathscale"',
        " /",
    ]
)
# Few enough names that tags often meet their own kind (implied ends, misnesting).
NAMES = st.sampled_from(
    ["p", "p", "li", "li", "ul", "div", "span", "td", "tr", "table", "dd", "svg", "pre", "br"]
)


@st.composite
def token(draw) -> str:
    kind = draw(st.sampled_from(["open", "open", "open", "close", "close", "text", "text", "math"]))
    if kind == "open":
        return f"<{draw(NAMES)}{draw(ATTRS)}>"
    if kind == "close":
        return f"</{draw(NAMES)}>"
    if kind == "text":
        return draw(
            st.sampled_from(["x", "$$", "$$", "\\[", "\\]", "<!-- $$ -->", "<script>a<b</script>"])
        )
    tex = draw(TEX)
    return draw(
        st.sampled_from(
            [
                f'<div class="arithmatex">\\[{tex}\\]</div>',
                f'<span class="arithmatex">\\[{tex}\\]</span>',
                f'<span class="arithmatex">\\({tex}\\)</span>',
                f"$${tex}$$",
                f"\\begin{{align}}{tex}\\end{{align}}",
                f'<script type="math/tex; mode=display">{tex}</script>',
                f'<mjx-container class="MathJax" display="true">{tex}</mjx-container>',
                f'<span class="katex-display"><span class="katex">{tex}</span></span>',
            ]
        )
    )


PAGE = st.lists(token(), min_size=1, max_size=30).map("".join)

settings.register_profile("fast-path", max_examples=1000, deadline=None)


@settings(settings.get_profile("fast-path"))
@given(PAGE, st.booleans())
def test_shortcut_and_general_path_give_the_same_result(body, raw_tex):
    html = MARKER + body

    assert transform(html, raw_tex=raw_tex) == transform(html, raw_tex=raw_tex, exclude=GENERAL)
