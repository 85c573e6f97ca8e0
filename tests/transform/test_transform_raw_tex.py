"""TeX left in the text (no arithmatex) is wrapped where MathJax would typeset it as display."""

from __future__ import annotations

import pytest

from mkdocs_mathscale.transform import DIV_CLOSE, DIV_OPEN, SPAN_CLOSE, SPAN_OPEN, transform

from .transform_helpers import parse, render_plain, wrappers

ENVIRONMENTS = [
    "equation",
    "equation*",
    "align",
    "align*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "flalign",
    "flalign*",
    "alignat",
    "alignat*",
    "eqnarray",
    "eqnarray*",
    "displaymath",
    "math",
]


def test_dollar_block_in_a_paragraph_gets_the_span_form():
    html = render_plain("Energy is\n$$ E = mc^2 $$\nfor a body at rest.")

    result = transform(html)

    assert result.equations == 1
    assert f"{SPAN_OPEN}$$ E = mc^2 $${SPAN_CLOSE}" in result.html
    (wrapper,) = wrappers(parse(result.html))
    assert wrapper.tag == "span"


def test_bracket_block_on_its_own_is_wrapped():
    html = "<div>\n\\[ a^2 + b^2 = c^2 \\]\n</div>"

    result = transform(html)

    assert result.html == f"<div>\n{DIV_OPEN}\\[ a^2 + b^2 = c^2 \\]{DIV_CLOSE}\n</div>"


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_every_display_environment_is_recognised(env):
    body = f"\\begin{{{env}}} x &= 1 \\end{{{env}}}"
    html = f"<p>See {body} here.</p>"

    result = transform(html)

    assert result.html == f"<p>See {SPAN_OPEN}{body}{SPAN_CLOSE} here.</p>"


def test_unknown_environment_is_not_display_math():
    html = "<p>\\begin{itemize} x \\end{itemize}</p>"

    assert transform(html).html == html


def test_equation_interrupted_by_markup_in_the_same_paragraph_is_wrapped_whole():
    # Markdown turned the stars into emphasis: the TeX now spans several text nodes.
    html = render_plain("$$ a_i*b_j*c $$")
    assert "<em>" in html

    result = transform(html)

    assert result.equations == 1
    start = html.index("$$")
    end = html.rindex("$$") + 2
    assert SPAN_OPEN + html[start:end] + SPAN_CLOSE in result.html


def test_an_unclosed_delimiter_is_prose_left_alone_without_a_problem():
    # MathJax and KaTeX leave a lone $$ as text too: nothing to wrap and nothing to report.
    html = "<p>It costs $$ in fees.</p><p>In Bash, $$ expands to the shell PID.</p>"

    result = transform(html)

    assert result.html == html
    assert result.equations == 0
    assert result.problems == ()


def test_a_run_of_three_or_more_dollars_is_prose_not_a_delimiter():
    # Price tiers, as review sites write them: the $$ before "(moderate)" has no closer.
    html = "<p>Price tiers: $$ (moderate) or $$$ (expensive), $$$$ at most.</p>"

    result = transform(html)

    assert result.html == html
    assert result.equations == 0
    assert result.problems == ()


def test_escaped_dollars_are_not_a_delimiter():
    html = "<p>Prices: \\$$5 and \\$$6.</p>"

    result = transform(html)

    assert result.html == html
    assert result.problems == ()


def test_escaped_backslash_before_bracket_is_not_a_delimiter():
    html = "<p>Line break \\\\[2pt] then \\\\]</p>"

    assert transform(html).html == html


def test_display_math_in_a_table_cell_gets_the_div_form():
    html = "<table><tr><td>$$ x $$</td></tr></table>"

    result = transform(html)

    assert result.html == f"<table><tr><td>{DIV_OPEN}$$ x $${DIV_CLOSE}</td></tr></table>"


def test_math_standing_directly_in_a_table_row_is_left_alone_and_reported():
    # A browser moves such text out of the table, so a wrapper could not stay around it.
    html = "<table><tr>$$ x $$<td>cell</td></tr></table>"

    result = transform(html)

    assert result.html == html
    assert len(result.problems) == 1


def test_two_equations_in_one_text_node_are_wrapped_separately():
    html = "<div>$$a$$ and \\[b\\]</div>"

    result = transform(html)

    assert result.html == f"<div>{DIV_OPEN}$$a$${DIV_CLOSE} and {DIV_OPEN}\\[b\\]{DIV_CLOSE}</div>"


def test_raw_tex_recognition_can_be_switched_off():
    html = "<p>$$ x $$</p>"

    result = transform(html, raw_tex=False)

    assert result.html == html
    assert result.problems == ()


@pytest.mark.parametrize(
    "html",
    [
        "<pre><code>$$ x $$</code></pre>",
        "<p>Use <code>$$ x $$</code> for display.</p>",
        "<p><kbd>\\[</kbd> then <kbd>\\]</kbd></p>",
        "<p><samp>$$ out $$</samp></p>",
        "<textarea>$$ x $$</textarea>",
        "<style>/* $$ x $$ */</style>",
        "<script>var s = '$$ x $$';</script>",
        "<!-- $$ x $$ -->",
        "<svg><text>$$ x $$</text></svg>",
    ],
    ids=["pre", "code", "kbd", "samp", "textarea", "style", "script", "comment", "svg"],
)
def test_tex_inside_code_and_non_prose_elements_is_never_touched(html):
    page = f"<div>{html}</div>"

    result = transform(page)

    assert result.html == page
    assert result.problems == ()


def test_delimiters_split_by_a_code_span_stay_apart():
    html = "<p>$$ a <code>$$</code> b $$</p>"

    result = transform(html)

    assert result.equations == 1
    assert result.html == f"<p>{SPAN_OPEN}$$ a <code>$$</code> b $${SPAN_CLOSE}</p>"
