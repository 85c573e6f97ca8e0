"""The transform's work grows linearly with the size and the depth of a page, whatever its
shape: counted in Python lines executed inside the package (never timed), on pathological pages
at a size and at twice that size. (benchmarks/shapes_bench.py prints the times.)"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import mkdocs_mathscale
from mkdocs_mathscale.inject import has_assets, inject
from mkdocs_mathscale.transform import transform

PACKAGE = str(Path(mkdocs_mathscale.__file__).parent)


def steps(call: Callable[[], object]) -> int:
    """Lines of the package's own code that ``call`` executes."""
    count = 0

    def trace(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if not frame.f_code.co_filename.startswith(PACKAGE):
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(None)
    return count


SHAPES: dict[str, Callable[[int], str]] = {
    "deep nesting": lambda n: "<div>" * n + "<p>$$x$$</p>" + "</div>" * n,
    "deep nesting in a paragraph": lambda n: "<p>" + "<span>" * n + "$$x$$" + "</span>" * n,
    "ignored end tags under depth": lambda n: "<div>" * 200 + "</span><p>$$x$$</p>" * n,
    "'</script ' without '>'": lambda n: "<div>$$x$$</div><script>" + "</script " * n,
    "formatting closed early": lambda n: "<p><b><i>x</p>" + "<p>$$x$$</p>" * n,
    "unclosed delimiters": lambda n: "<p>$$ a " + "<em>b</em> \\[" * n + "</p>",
    "many list items": lambda n: "<ul>" + "<li>$$x$$" * n + "</ul>",
    "unterminated start tag": lambda n: '<div>$$x$$</div><a title="' + "x" * n,
}


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_twice_the_page_costs_twice_the_steps(shape):
    small = steps(lambda: transform(shape(250)))
    large = steps(lambda: transform(shape(500)))

    assert large <= 2.2 * small, (small, large)


def test_finding_the_head_and_the_assets_is_linear_too():
    def page(n: int) -> str:
        head = "<script>var a = '</head>';</script><!-- </head> -->" * n
        return f"<html><head>{head}</head><body>{'<p>mathscale-js</p>' * n}</body></html>"

    small = steps(lambda: (inject(page(150), "<link>"), has_assets(page(150))))
    large = steps(lambda: (inject(page(300), "<link>"), has_assets(page(300))))

    assert large <= 2.2 * small, (small, large)


# The two shapes below once made a regular expression backtrack (exponentially, then
# quadratically); the work is inside the regex engine, where no step count reaches, so the
# test is that a page many times the size that used to take minutes comes out as a browser
# reads it.


def test_a_start_tag_left_open_at_the_end_is_read_in_one_pass():
    html = "<div>$$x$$</div><p><a title=" + "'x' " * 50_000 + 'b="' + "y" * 50_000

    result = transform(html)

    assert result.equations == 1
    assert result.html.endswith(html[16:])


def test_a_script_holding_many_end_tags_without_their_bracket_is_read_in_one_pass():
    html = "<div>$$x$$</div><script>" + "</script " * 100_000

    result = transform(html)

    assert result.equations == 1
    assert result.html.endswith(html[16:])
