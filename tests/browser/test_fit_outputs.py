"""Every display equation fits its column whatever output the engine draws: MathJax 2
CommonHTML and SVG, MathJax 3 and 4 SVG, KaTeX rendered at build time; after a reader
switches MathJax 3's renderer; and in browsers without container query units.

(The engines' default outputs are covered by test_fit_widths and test_fit_resize.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from .fit_outputs import VARIANTS
from .fit_shown import MIN_SCALE, SLACK, Shown, misfits, resize, same_scales, shown, wait_output
from .fitcheck import Equation, misplaced_numbers, settle

# The index page's equations, as fit_site.INDEX lists them.
SHORT, MEDIUM, HUGE = 0, 1, -1
# What an engine shows for TeX it could not typeset.
_MATH_ERRORS = """() => [...document.querySelectorAll(
    'mjx-merror, merror, [data-mml-node="merror"], .MathJax_Error, .katex-error')]
  .map((e) => e.getAttribute('data-mjx-error') || e.textContent.slice(0, 60))"""
# Stands in for a browser from before 2023: the runtime asks CSS.supports about container
# query units (its style sheet's use of them is removed as such a browser would drop it).
_NO_CONTAINER_UNITS = """
const supports = CSS.supports.bind(CSS);
CSS.supports = (...args) => !args.join(' ').includes('cq') && supports(...args);
"""
# What a reader does in MathJax 3's context menu: Math Settings > Math Renderer > SVG.
_MENU_TO_SVG = "() => MathJax.startup.document.menu.menu.pool.lookup('renderer').setValue('SVG')"
_ALL_SVG = """() => [...document.querySelectorAll('.mathscale')].every((x) =>
  x.querySelector('mjx-container[jax="SVG"] > svg')
  && !x.querySelector('mjx-container[jax="CHTML"]'))"""
# Sites whose head loads one output variant: each on Material; every SVG output also on the
# mkdocs theme, whose CSS leaves SVG images alone and whose system font has an x-height (the ex
# that sizes MathJax's SVG) rounded to whole pixels.
SITES = [(v, "material") for v in VARIANTS] + [(v, "mkdocs") for v in VARIANTS if "svg" in v]


@dataclass
class Sweep:
    """The index page of one variant's site loaded at 375, widened to 1440, shrunk to 320 and
    widened back to 375; and loaded at 1440."""

    load_375: Shown
    wide_1440: Shown
    narrow_320: Shown
    back_375: Shown
    load_1440: Shown
    math_errors: list[str]
    errors: list[str]

    def all(self) -> list[Shown]:
        return [self.load_375, self.wide_1440, self.narrow_320, self.back_375, self.load_1440]


@pytest.fixture(scope="module")
def sweep(variant_site, browser, artifacts):
    """``sweep(variant, theme)``: that site's index page swept (see Sweep), once per module; a
    screenshot of the load at 375 goes to test-artifacts/ for a person to look at."""
    cache: dict[tuple[str, str], Sweep] = {}

    def get(variant: str, theme: str) -> Sweep:
        if (variant, theme) in cache:
            return cache[(variant, theme)]
        errors: list[str] = []
        math_errors: list[str] = []
        measured: list[Shown] = []
        for width, then in ((375, (1440, 320, 375)), (1440, ())):
            context = browser.new_context(viewport={"width": width, "height": 800})
            try:
                page = context.new_page()
                page.on("console", lambda m: m.type == "error" and errors.append(m.text))
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.goto(variant_site(variant, theme))
                wait_output(page)
                measured.append(shown(page, width))
                math_errors += page.evaluate(_MATH_ERRORS)
                if width == 375:
                    page.screenshot(path=str(artifacts / f"fit-output-{variant}-{theme}-375.png"))
                measured += [resize(page, later) for later in then]
            finally:
                context.close()
        cache[(variant, theme)] = Sweep(*measured, math_errors, errors)
        return cache[(variant, theme)]

    return get


@pytest.fixture(params=SITES, ids=lambda p: "-".join(p))
def swept(request, sweep) -> Sweep:
    """Each variant's sweep."""
    return sweep(*request.param)


def test_every_equation_is_typeset_without_an_error(swept):
    assert swept.math_errors == []


def test_every_equation_is_drawn_at_least_two_ems_wide(swept):
    # The shortest, E = mc^2, is over four ems wide: narrower means the output collapsed.
    for s in swept.all():
        assert len(s.m.equations) == 11, f"{s.width}px: {len(s.m.equations)} wrappers"
        for eq, px in zip(s.m.equations, s.math_px, strict=True):
            assert px, f"{s.width}px: equation {eq.index} has no rendered output"
            assert eq.visible and eq.ink_width >= 2 * px, (
                f"{s.width}px: equation {eq.index} ({eq.text!r}) is drawn {eq.ink_width:.0f}px "
                f"wide at {px:.1f}px font size"
            )


def test_no_equation_is_wider_than_its_wrapper_unless_held_at_the_floor(swept):
    for s in swept.all():
        for eq in s.m.equations:
            assert eq.ink, f"{s.width}px: equation {eq.index} has no visible glyphs"
            if eq.state == "floor":
                # Wider than its wrapper at the floor, it scrolls inside it.
                inside = eq.ink[0] >= eq.left - SLACK and eq.ink[1] <= eq.right + SLACK
                assert inside or eq.scrolls, f"{s.width}px: equation {eq.index} does not scroll"
                continue
            assert eq.ink[0] >= eq.left - SLACK and eq.ink[1] <= eq.right + SLACK, (
                f"{s.width}px: equation {eq.index} ({eq.text!r}) at scale {eq.scale:.3f} "
                f"spans {eq.ink[0]:.1f}..{eq.ink[1]:.1f}, wrapper {eq.left:.1f}..{eq.right:.1f}"
            )
            assert not eq.scrolls, (
                f"{s.width}px: equation {eq.index} scrolls ({eq.scroll_width} in "
                f"{eq.client_width}px) at scale {eq.scale:.3f}, above the floor"
            )


def test_the_document_never_scrolls_sideways(swept):
    for s in swept.all():
        assert s.m.page_overflow <= 0, (
            f"{s.width}px: page scrolls {s.m.page_overflow}px sideways because of {s.m.culprits}"
        )


def test_an_equation_that_fits_is_at_scale_1(swept):
    for s in swept.all():
        assert s.m.equations[SHORT].state == "fit", f"{s.width}px: E = mc^2 is not at scale 1"
        for eq in s.m.equations:
            if eq.state == "fit":
                assert eq.scale == pytest.approx(1), f"{s.width}px: equation {eq.index}"
    medium = swept.wide_1440.m.equations[MEDIUM]
    assert medium.scale == pytest.approx(1), "1440px: the sigmoid is scaled"


def test_no_equation_is_shrunk_below_the_floor(swept):
    for s in swept.all():
        for eq, px in zip(s.m.equations, s.math_px, strict=True):
            assert eq.scale >= MIN_SCALE - 1e-3, f"{s.width}px: equation {eq.index} at {eq.scale}"
            assert px and px >= 9, f"{s.width}px: equation {eq.index} drawn at {px}px"


def test_the_too_wide_equation_is_at_the_floor_and_scrolls_inside_its_wrapper(swept):
    for s in (swept.load_375, swept.narrow_320):
        huge = s.m.equations[HUGE]
        assert huge.state == "floor", (
            f"{s.width}px: {huge.state or 'not measured'} at scale {huge.scale:.3f}"
        )
        assert huge.scale == pytest.approx(MIN_SCALE, abs=1e-3)
        assert huge.scrolls, f"{s.width}px: the equation held at the floor does not scroll"


def test_equations_are_scaled_down_on_phones(swept):
    for s in (swept.load_375, swept.narrow_320):
        shrunk = [eq.index for eq in s.m.equations if eq.state in ("scaled", "floor")]
        assert len(shrunk) >= 3, f"{s.width}px: only equations {shrunk} are scaled down"
    between = [eq.index for eq in swept.load_375.m.equations if eq.state == "scaled"]
    assert between, "375px: no equation is scaled between full size and the floor"


def test_numbers_are_inside_the_wrapper_and_apart_from_the_equation(swept):
    wrong = [w for s in swept.all() for w in misplaced_numbers(s.width, s.m.equations, SLACK)]
    assert not wrong, "\n".join(wrong)


def test_loaded_on_a_phone_then_widened_equations_grow_back_to_full_size(swept):
    # Scaled on the phone, an equation's natural width is its ink width over its scale.
    wide = swept.wide_1440.m.equations
    grown = 0
    for phone, desktop in zip(swept.load_375.m.equations, wide, strict=True):
        if phone.state == "scaled" and phone.ink_width / phone.scale < desktop.width - 2:
            assert desktop.scale == 1, f"equation {phone.index} at {desktop.scale:.3f}"
            grown += 1
    assert grown >= 3, f"only {grown} equations scaled on the phone fit the desktop column"


def test_shrunk_to_320_and_widened_again_every_equation_is_back_at_its_load_size(swept):
    assert any(eq.scale < 0.99 for eq in swept.narrow_320.m.equations)
    for before, after in zip(swept.load_375.m.equations, swept.back_375.m.equations, strict=True):
        assert after.scale == pytest.approx(before.scale, abs=0.002), f"equation {before.index}"
        assert after.ink_width == pytest.approx(before.ink_width, abs=1), f"eq {before.index}"


def test_loaded_wide_every_equation_is_as_if_widened_from_a_phone(swept):
    # Compared without the number: MathJax 2's SVG output places it for the width the page had
    # when it typeset (flush right when typeset wide, next to the equation when narrow).
    def width(eq: Equation) -> float:
        return eq.body[1] - eq.body[0] if eq.body else 0.0

    for loaded, widened in zip(
        swept.load_1440.m.equations, swept.wide_1440.m.equations, strict=True
    ):
        assert loaded.scale == pytest.approx(widened.scale, abs=0.002), f"eq {loaded.index}"
        assert width(loaded) == pytest.approx(width(widened), abs=1), f"eq {loaded.index}"


def test_no_console_errors(swept):
    assert swept.errors == []


def test_after_a_reader_switches_mathjax_3_to_svg_equations_are_fitted_as_svg(
    engine_site, load, sweep
):
    opened = load(engine_site("mathjax3"), 375)
    opened.page.evaluate(_MENU_TO_SVG)
    opened.page.wait_for_function(_ALL_SVG, timeout=30_000)
    settle(opened.page)
    switched = shown(opened.page, 375)
    wide = resize(opened.page, 1440)

    svg = sweep("mathjax3-svg", "material")
    wrong = misfits(switched) + misfits(wide)
    assert not wrong, "\n".join(wrong)
    # As if the page had been typeset as SVG from the start.
    wrong = same_scales(switched, svg.load_375, 0.01) + same_scales(wide, svg.wide_1440, 0.01)
    assert not wrong, "\n".join(wrong)
    assert opened.errors == []


@pytest.mark.parametrize("variant", ["mathjax2-chtml", "katex-server"])
def test_without_container_query_units_equations_fit_and_refit_on_resize(
    variant, variant_site, browser, sweep
):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_init_script(_NO_CONTAINER_UNITS)

    def drop_container_units(route) -> None:
        response = route.fetch()
        css = response.text().replace("container-type", "x-container-type")
        route.fulfill(response=response, body=css.replace("cqi", "x-cqi"))

    context.route("**/mathscale.css*", drop_container_units)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(variant_site(variant, "material"))
        wait_output(page)
        container = page.evaluate(
            "() => getComputedStyle(document.querySelector('.mathscale')).containerType"
        )
        # The fallback writes a size the frame after its observer reports a width (which is
        # itself the frame after an equation is measured or resized): two more frames.
        settle(page)
        at_load = shown(page, 375)
        wide = resize(page, 1440, settle_again=True)
        back = resize(page, 375, settle_again=True)
    finally:
        context.close()

    assert container == "normal", "the wrapper is still a size container"
    wrong = misfits(at_load) + misfits(wide) + misfits(back)
    assert not wrong, "\n".join(wrong)
    # What CSS shows with container units, the fallback shows without them.
    modern = sweep(variant, "material")
    wrong = same_scales(at_load, modern.load_375, 0.002)
    wrong += same_scales(wide, modern.wide_1440, 0.002) + same_scales(back, at_load, 0.002)
    assert not wrong, "\n".join(wrong)
    assert errors == []
