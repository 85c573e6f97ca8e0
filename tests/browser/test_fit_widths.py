"""Every display equation fits its column at every screen width, for every engine."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .fit_engines import ENGINES
from .fitcheck import Measurement, measure, misplaced_numbers, settle, wait_typeset

WIDTHS = (320, 375, 414, 768, 1024, 1440)
MIN_SCALE = 0.6
# Sub-pixel rounding of glyph boxes.
SLACK = 1.0
# What each engine shows for TeX it could not typeset: MathJax's merror (CHTML, and in the
# assistive MathML of MathJax 2/3/4), MathJax 2's message box, KaTeX's error span, and an
# undefined macro that MathJax's noundefined package prints as red text (\color).
_MATH_ERRORS = """() => [...document.querySelectorAll(
    'mjx-merror, merror, .MathJax_Error, .katex-error, mtext')]
  .filter((e) => e.localName !== 'mtext' || e.textContent.startsWith('\\\\'))
  .map((e) => e.getAttribute('data-mjx-error') || e.textContent.slice(0, 60))"""


@dataclass
class Sweep:
    """A page measured at load (1440px), then at each of WIDTHS in turn (ending at 1440)."""

    engine: str
    theme: str
    at_load: Measurement
    math_errors: list[str]
    by_width: dict[int, Measurement]
    errors: list[str]


@pytest.fixture(
    scope="module",
    params=[(e, t) for e in ENGINES for t in ("material", "mkdocs")],
    ids=lambda p: "-".join(p),
)
def swept(request, engine_site, browser, artifacts) -> Sweep:
    """The index page of each engine/theme site, loaded at 1440 and resized through WIDTHS.

    Leaves full-page screenshots at 375 and 1440 in test-artifacts/ for a person to look at.
    """
    engine, theme = request.param
    context = browser.new_context(viewport={"width": 1440, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(engine_site(engine, theme))
    wait_typeset(page)
    at_load = measure(page)
    math_errors = page.evaluate(_MATH_ERRORS)
    by_width = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        settle(page)
        by_width[width] = measure(page)
        if width in (375, 1440):
            page.screenshot(
                path=str(artifacts / f"fit-{engine}-{theme}-{width}.png"), full_page=True
            )
    context.close()
    return Sweep(engine, theme, at_load, math_errors, by_width, errors)


def test_every_equation_is_typeset_without_an_error(swept):
    assert swept.math_errors == []


def test_no_equation_is_wider_than_its_wrapper_unless_held_at_the_floor(swept):
    result = swept.by_width
    for width, m in result.items():
        for eq in m.equations:
            if eq.state == "floor":
                continue
            assert eq.ink, f"{width}px: equation {eq.index} has no visible glyphs"
            assert eq.ink[0] >= eq.left - SLACK and eq.ink[1] <= eq.right + SLACK, (
                f"{width}px: equation {eq.index} ({eq.text!r}) spans {eq.ink}, "
                f"wrapper {eq.left:.1f}..{eq.right:.1f}"
            )
            assert not eq.scrolls, f"{width}px: equation {eq.index} scrolls but is not at the floor"


def test_the_document_never_scrolls_sideways(swept):
    result = swept.by_width
    for width, m in result.items():
        assert m.page_overflow <= 0, (
            f"{width}px: page scrolls {m.page_overflow}px sideways because of {m.culprits}"
        )


def test_an_equation_that_fits_is_at_scale_1(swept):
    result = swept.by_width
    for width, m in result.items():
        short = m.equations[0]
        assert short.state == "fit", f"{width}px: E = mc^2 is {short.state}"
        for eq in m.equations:
            if eq.state == "fit":
                assert eq.scale == pytest.approx(1), f"{width}px: equation {eq.index}"


def test_no_equation_is_shrunk_below_the_floor(swept):
    result = swept.by_width
    for width, m in result.items():
        for eq in m.equations:
            assert eq.scale >= MIN_SCALE - 1e-3, f"{width}px: equation {eq.index} at {eq.scale}"
            assert eq.math_px >= 9, f"{width}px: equation {eq.index} drawn at {eq.math_px}px"


def test_the_too_wide_equation_is_at_the_floor_and_scrolls_inside_its_wrapper(swept):
    result = swept.by_width
    for width in (320, 375, 414):
        huge = result[width].equations[-1]
        assert huge.state == "floor", f"{width}px: {huge.state}"
        assert huge.scale == pytest.approx(MIN_SCALE, abs=1e-3)
        assert huge.scrolls, f"{width}px: the equation held at the floor does not scroll"


def test_equations_are_scaled_down_on_phones_and_whole_on_desktops(swept):
    result = swept.by_width
    assert any(eq.state == "scaled" for eq in result[375].equations)
    for width in (1024, 1440):
        medium = result[width].equations[1]
        assert medium.state == "fit" and medium.scale == pytest.approx(1), f"{width}px"


def test_numbers_are_inside_the_wrapper_and_apart_from_the_equation(swept):
    wrong = [
        w
        for width, m in swept.by_width.items()
        for w in misplaced_numbers(width, m.equations, SLACK)
    ]
    assert not wrong, "\n".join(wrong)


def test_after_shrinking_to_320_and_widening_every_equation_is_back_at_its_load_size(swept):
    back = swept.by_width[1440]
    assert any(eq.scale < 0.99 for eq in swept.by_width[320].equations)
    for before, after in zip(swept.at_load.equations, back.equations, strict=True):
        assert after.ink_width == pytest.approx(before.ink_width, abs=1), f"eq {before.index}"
        assert after.scale == pytest.approx(before.scale, abs=0.002), f"eq {before.index}"
        assert after.state == before.state, f"equation {before.index}"


def test_no_console_errors(swept):
    assert swept.errors == []
