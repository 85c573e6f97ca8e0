"""Display math as pymdownx.arithmatex renders it is wrapped once, in every Markdown context."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_mathscale.transform import DIV_CLOSE, DIV_OPEN, transform

from .transform_helpers import parse, render, wrappers

EQUATION = "$$\nE = mc^2\n$$"


@pytest.mark.parametrize(
    "source",
    [
        "$$\nE = mc^2\n$$",
        "\\[\nE = mc^2\n\\]",
        "\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}",
        "\\begin{equation*}\nx\n\\end{equation*}",
    ],
    ids=["dollars", "brackets", "align", "equation*"],
)
@pytest.mark.parametrize("generic", [True, False], ids=["generic", "mathjax-script"])
def test_each_display_block_syntax_is_wrapped_once_with_the_equation_unchanged(source, generic):
    html = render(f"Before.\n\n{source}\n\nAfter.", generic=generic)
    start = html.index('<div class="arithmatex">')
    equation = html[start : html.index("\n<p>After.")]

    result = transform(html)

    assert result.equations == 1
    assert DIV_OPEN + equation + DIV_CLOSE in result.html


def test_mathjax_script_mode_keeps_preview_and_script_inside_one_wrapper():
    html = render(EQUATION, generic=False)

    tree = parse(transform(html).html)

    (wrapper,) = wrappers(tree)
    (inner,) = list(wrapper)
    (arithmatex,) = list(inner)
    assert [child.tag for child in arithmatex] == ["div", "script"]
    assert arithmatex[0].get("class") == "MathJax_Preview"
    assert arithmatex[1].get("type") == "math/tex; mode=display"


@pytest.mark.parametrize("generic", [True, False], ids=["generic", "mathjax-script"])
def test_inline_math_is_counted_but_not_wrapped(generic):
    html = render("Mass $m$ and energy \\(E\\) in one line.", generic=generic)

    result = transform(html)

    assert result.equations == 0
    assert result.inline == 2
    assert result.html == html


CONTEXTS = {
    "list": f"- item\n\n    {EQUATION.replace(chr(10), chr(10) + '    ')}\n",
    "nested list": "1. one\n    - two\n\n        $$\n        x\n        $$\n",
    "blockquote": "> Quote\n>\n> $$\n> x\n> $$\n",
    "admonition": '!!! note "Note"\n\n    $$\n    x\n    $$\n',
    "details": '??? info "More"\n\n    $$\n    x\n    $$\n',
    "footnote": "Text[^1].\n\n[^1]: Note\n\n    $$\n    x\n    $$\n",
    "tabs": '=== "One"\n\n    $$\n    x\n    $$\n\n=== "Two"\n\n    $$\n    y\n    $$\n',
}


@pytest.mark.parametrize("source", CONTEXTS.values(), ids=CONTEXTS.keys())
def test_display_math_in_block_containers_gets_one_div_wrapper_each(source):
    html = render(textwrap.dedent(source))
    expected = html.count('<div class="arithmatex">')
    assert expected >= 1

    result = transform(html)

    tree = parse(result.html)
    found = wrappers(tree)
    assert result.equations == expected
    assert len(found) == expected
    for wrapper in found:
        assert wrapper.tag == "div"
        (inner,) = list(wrapper)
        assert inner.get("class") == "mathscale-inner"
        assert [child.get("class") for child in inner] == ["arithmatex"]


def test_many_equations_on_a_page_are_all_wrapped():
    source = "\n\n".join(f"Step {i}.\n\n$$\nx_{i} = {i}\n$$" for i in range(40))

    result = transform(render(source))

    assert result.equations == 40
    assert len(wrappers(parse(result.html))) == 40
