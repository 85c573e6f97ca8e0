"""Math that was typeset before the page was built (raw HTML) is wrapped as one unit."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mkdocs_mathscale.transform import DIV_CLOSE, DIV_OPEN, SPAN_CLOSE, SPAN_OPEN, transform

from .transform_helpers import parse, wrappers

KATEX = Path(__file__).parents[2] / "vendor" / "engines" / "node_modules" / "katex16"


def katex(tex: str, display: bool) -> str:
    """Real KaTeX output, rendered by the local KaTeX copy under Node."""
    node = shutil.which("node")
    if node is None or not KATEX.is_dir():
        pytest.fail("Node and vendor/engines/node_modules/katex16 are needed: run scripts/setup")
    options = json.dumps({"displayMode": display})
    script = (
        f"const k = require({json.dumps(str(KATEX))});"
        f"process.stdout.write(k.renderToString({json.dumps(tex)}, {options}))"
    )
    return subprocess.run([node, "-e", script], check=True, capture_output=True, text=True).stdout


def test_mathjax3_display_container_is_wrapped_and_inline_one_is_not():
    display = (
        '<mjx-container class="MathJax" jax="CHTML" display="true">'
        "<mjx-math>x</mjx-math></mjx-container>"
    )
    inline = '<mjx-container class="MathJax" jax="CHTML"><mjx-math>y</mjx-math></mjx-container>'
    html = f"<p>Inline {inline} here.</p>\n{display}\n"

    result = transform(html)

    assert result.html == f"<p>Inline {inline} here.</p>\n{DIV_OPEN}{display}{DIV_CLOSE}\n"
    assert (result.equations, result.inline) == (1, 1)


def test_mathjax2_preview_rendering_and_script_form_one_unit():
    unit = (
        '<span class="MathJax_Preview" style="color: inherit; display: none;"></span>'
        '<div class="MathJax_Display" style="text-align: center;">'
        '<span class="MathJax" id="MathJax-Element-1-Frame">E=mc^2</span></div>'
        '<script type="math/tex; mode=display" id="MathJax-Element-1">E=mc^2</script>'
    )
    html = f"<div>{unit}</div>"

    result = transform(html)

    assert result.html == f"<div>{DIV_OPEN}{unit}{DIV_CLOSE}</div>"
    assert result.equations == 1


@pytest.mark.parametrize("cls", ["MathJax_SVG_Display", "MJXc-display"])
def test_other_mathjax2_outputs_are_wrapped(cls):
    unit = f'<div class="{cls}"><span>x</span></div>'

    assert transform(f"<div>{unit}</div>").html == f"<div>{DIV_OPEN}{unit}{DIV_CLOSE}</div>"


def test_bare_display_script_with_its_preview_is_wrapped_together():
    unit = (
        '<span class="MathJax_Preview">x</span>\n<script type="math/tex; mode=display">x</script>'
    )

    result = transform(f"<div>{unit}</div>")

    assert result.html == f"<div>{DIV_OPEN}{unit}{DIV_CLOSE}</div>"


def test_inline_script_is_counted_not_wrapped():
    html = '<p>A <script type="math/tex">x</script> B</p>'

    result = transform(html)

    assert result.html == html
    assert result.inline == 1


def test_katex_display_in_a_paragraph_gets_the_span_form():
    rendered = katex("\\int_0^1 x\\,dx", display=True)
    inline = katex("y", display=False)
    html = f"<p>{rendered}</p><p>and {inline}</p>"

    result = transform(html)

    assert result.html == f"<p>{SPAN_OPEN}{rendered}{SPAN_CLOSE}</p><p>and {inline}</p>"
    assert (result.equations, result.inline) == (1, 1)
    (wrapper,) = wrappers(parse(result.html))
    assert wrapper.tag == "span"
