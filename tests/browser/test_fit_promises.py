"""What the runtime promises beyond fitting a page as it loads: any engine load order, no harm
without an engine, print, reduced motion, late web fonts, accessibility, browser zoom."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from .fit_engines import ENGINES, link_engines
from .fit_promises import theme_override
from .fit_shown import misfits, same_scales, shown, wait_output
from .fit_site import DOCS, mkdocs_config
from .fitcheck import DIALOG, ENGINE_READY, ZOOM_LOADED, Equation, measure, settle, wait_typeset

PHONE = 375
# Sub-pixel rounding of glyph boxes.
SLACK = 1.0
# fit_site's index: the Taylor series is scaled down at 375 (or held at the floor, on Material),
# the last equation is held at the floor.
TAYLOR, HUGE = 2, -1
# The browser's own report of a script that is not there (http.server's reason phrase).
NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (File not found)"

# The untypeset TeX of each wrapper as a reader sees it, next to the text around it.
_TEX_SHOWN = """() => [...document.querySelectorAll('.mathscale')].map((x) => {
  const tex = x.querySelector('.arithmatex');
  const box = tex.getBoundingClientRect();
  return {
    text: tex.textContent.trim(),
    visible: tex.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    left: box.left, right: box.right, width: box.width, height: box.height,
    px: parseFloat(getComputedStyle(tex).fontSize),
    text_px: parseFloat(getComputedStyle(x.parentElement).fontSize),
  };
})"""
_SCALED_CSS_LOADED = (
    "() => [...document.styleSheets].some((s) => /mathscale-scaled\\.css/.test(s.href))"
)
# How many animations the zoom dialog has right after a click opened it: a window listener
# runs after the runtime's document listener has opened the dialog.
_COUNT_DIALOG_ANIMATIONS = """() => addEventListener('click', () => {
  const d = document.querySelector('dialog.mathscale-zoom');
  window.__dialogAnimations = d && d.open ? d.getAnimations().length : null;
})"""
_ALL_MEASURED = """() => [...document.querySelectorAll('.mathscale')]
  .every((x) => x.style.getPropertyValue('--mathscale-w'))"""


def first_scaled(page) -> Equation:
    """The first equation shown scaled down (above the floor)."""
    scaled = [eq for eq in measure(page).equations if eq.state == "scaled"]
    assert scaled, "no equation is scaled down"
    return scaled[0]


@dataclass
class Fresh:
    """A page in its own browser context, not navigated yet, and the console errors it reports."""

    page: object
    context: object
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def fresh(browser) -> Iterator[Callable[..., Fresh]]:
    """``fresh(width, **context_options)``: a new context of that viewport width and options
    (``device_scale_factor``, …) with one page whose console errors are recorded."""
    contexts = []

    def start(width: int, **options) -> Fresh:
        context = browser.new_context(viewport={"width": width, "height": 800}, **options)
        contexts.append(context)
        page = context.new_page()
        opened = Fresh(page, context)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        return opened

    yield start
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def promise_site(build_site, serve, tmp_path_factory) -> Callable[[str], str]:
    """``promise_site(variant)``: base URL of fit_site's pages on Material with MathJax 3 loaded
    as fit_promises.LATE[variant] says, built once per module."""
    cache: dict[str, str] = {}

    def get(variant: str) -> str:
        if variant not in cache:
            config = mkdocs_config("material")
            folder = tmp_path_factory.mktemp("override")
            config["theme"]["custom_dir"] = str(theme_override(variant, folder))
            site = build_site(DOCS, config)
            link_engines(site)
            cache[variant] = serve(site)
        return cache[variant]

    return get


# 1. Engine load order and failure.


@pytest.mark.parametrize("variant", ["async-at-end-of-body", "injected-after-load"])
def test_an_engine_loaded_after_the_runtime_still_gets_every_equation_fitted(
    variant, promise_site, engine_site, load
):
    late = load(promise_site(variant), PHONE)
    got = shown(late.page, PHONE)
    usual = shown(load(engine_site("mathjax3"), PHONE).page, PHONE)
    unmeasured = [eq.index for eq in got.m.equations if eq.state is None]
    assert not unmeasured, f"equations {unmeasured} are not fitted"
    wrong = misfits(got) + same_scales(got, usual, 0.002)
    assert not wrong, "\n".join(wrong)
    assert late.errors == []


@pytest.mark.parametrize("variant", ["engine-404", "no-engine"])
def test_without_a_working_engine_the_runtime_reports_no_error(variant, promise_site, open_page):
    opened = open_page(promise_site(variant), PHONE)
    settle(opened.page)
    assert [e for e in opened.errors if e != NOT_FOUND] == []
    if variant == "engine-404":
        assert NOT_FOUND in opened.errors, "the engine's script was found after all"


@pytest.mark.parametrize("variant", ["engine-404", "no-engine"])
def test_without_a_working_engine_the_page_does_not_scroll_sideways(
    variant, promise_site, open_page
):
    opened = open_page(promise_site(variant), PHONE)
    settle(opened.page)
    m = measure(opened.page)
    assert len(m.equations) == 11
    assert m.page_overflow <= 0, f"the page scrolls {m.page_overflow}px sideways: {m.culprits}"


@pytest.mark.parametrize("variant", ["engine-404", "no-engine"])
def test_without_a_working_engine_the_tex_stays_readable(
    variant, promise_site, open_page, artifacts
):
    opened = open_page(promise_site(variant), PHONE)
    settle(opened.page)
    opened.page.screenshot(path=str(artifacts / f"fit-promises-{variant}-375.png"))
    shown_tex = opened.page.evaluate(_TEX_SHOWN)
    assert len(shown_tex) == 11
    for index, tex in enumerate(shown_tex):
        at = f"equation {index} ({tex['text'][:30]!r})"
        assert tex["text"].startswith("\\["), f"{at} is not its TeX"
        assert tex["visible"] and tex["width"] > 0, f"{at} is hidden"
        assert tex["px"] == pytest.approx(tex["text_px"]), (
            f"{at} is drawn at {tex['px']}px, the text around it at {tex['text_px']}px"
        )
        assert tex["height"] >= tex["px"], f"{at} is {tex['height']}px high"
        assert tex["left"] >= 0 and tex["right"] <= PHONE, f"{at} is off the screen"


# 2. Print.


def test_in_print_every_equation_fits_its_wrapper_even_the_one_at_the_floor_on_screen(
    engine_site, load, artifacts
):
    page = load(engine_site("mathjax3"), PHONE).page
    assert measure(page).equations[HUGE].state == "floor"
    page.emulate_media(media="print")
    settle(page)
    printed = shown(page, PHONE)
    page.screenshot(path=str(artifacts / "fit-promises-print-375.png"), full_page=True)
    assert printed.m.page_overflow <= 0, (
        f"in print, the page is {printed.m.page_overflow}px too wide: {printed.m.culprits}"
    )
    for eq, px in zip(printed.m.equations, printed.math_px, strict=True):
        at = f"in print, equation {eq.index} at scale {eq.scale:.3f}"
        assert eq.ink and eq.ink_width >= 2 * (px or 0), f"{at} is not drawn"
        assert eq.ink[0] >= eq.left - SLACK and eq.ink[1] <= eq.right + SLACK, (
            f"{at} spans {eq.ink[0]:.1f}..{eq.ink[1]:.1f}, wrapper {eq.left:.1f}..{eq.right:.1f}"
        )
        assert not eq.scrolls, f"{at} is {eq.scroll_width}px wide in {eq.client_width}px"


def test_back_on_screen_after_print_every_equation_is_as_before(engine_site, load):
    page = load(engine_site("mathjax3"), PHONE).page
    before = shown(page, PHONE)
    page.emulate_media(media="print")
    settle(page)
    page.emulate_media(media="screen")
    settle(page)
    after = shown(page, PHONE)
    wrong = misfits(after) + same_scales(after, before, 0.002)
    assert not wrong, "\n".join(wrong)
    huge = after.m.equations[HUGE]
    assert huge.state == "floor" and huge.scrolls, f"{huge.state} at scale {huge.scale:.3f}"


# 3. Reduced motion.


@pytest.mark.parametrize(("motion", "animates"), [("no-preference", True), ("reduce", False)])
def test_the_zoom_dialog_animates_unless_the_reader_asks_for_reduced_motion(
    motion, animates, engine_site, load
):
    page = load(engine_site("mathjax3"), PHONE).page
    page.emulate_media(reduced_motion=motion)
    page.evaluate(ENGINE_READY)
    page.wait_for_function(ZOOM_LOADED)
    page.wait_for_function(_SCALED_CSS_LOADED)
    settle(page)
    page.evaluate(_COUNT_DIALOG_ANIMATIONS)
    page.locator(".mathscale").nth(TAYLOR).click()
    animations = page.evaluate("window.__dialogAnimations")
    assert animations is not None, "the click did not open the zoom dialog"
    assert (animations > 0) == animates, f"{animations} animations with {motion}"


# 4. Late web fonts.


@pytest.mark.parametrize(
    ("variant", "fonts"),
    [
        ("katex-server", "**/katex16/dist/fonts/**"),
        # MathJax 2's CommonHTML glyphs are as wide as its fonts (MJXc-TeX-…) draw them.
        ("mathjax2-chtml", "**/mathjax2/fonts/**"),
    ],
)
def test_web_fonts_that_arrive_late_leave_every_equation_fitted_as_if_on_time(
    variant, fonts, variant_site, fresh
):
    site = variant_site(variant, "material")
    on_time = fresh(PHONE)
    on_time.page.goto(site)
    wait_output(on_time.page)
    want = shown(on_time.page, PHONE)

    late = fresh(PHONE)
    held = []
    released = []

    def hold(route) -> None:
        route.continue_() if released else held.append(route)

    late.context.route(fonts, hold)
    # The load event waits for the fonts.
    late.page.goto(site, wait_until="domcontentloaded")
    late.page.wait_for_function(_ALL_MEASURED)
    late.page.wait_for_timeout(1500)
    settle(late.page)
    early = shown(late.page, PHONE)
    assert held, "no font was requested"
    released.append(True)
    for route in held:
        route.continue_()
    wait_output(late.page)
    got = shown(late.page, PHONE)

    assert same_scales(early, want, 0.002), "the fallback fonts fit as the engine's own do"
    wrong = misfits(got) + same_scales(got, want, 0.002)
    assert not wrong, "\n".join(wrong)
    assert late.errors == []


# 5. Accessibility.


def test_a_scaled_down_mathjax_equation_keeps_its_assistive_mathml(engine_site, load):
    page = load(engine_site("mathjax3"), PHONE).page
    mathml = page.locator(".mathscale").nth(first_scaled(page).index).locator("mjx-assistive-mml")
    mathml.locator("math").wait_for(state="attached")
    assert mathml.evaluate("(e) => e.checkVisibility({visibilityProperty: true})")
    assert mathml.text_content().strip(), "the assistive MathML is empty"


def test_a_right_click_on_a_scaled_down_equation_opens_mathjax_menu(engine_site, load):
    opened = load(engine_site("mathjax3"), PHONE)
    page = opened.page
    page.evaluate(ENGINE_READY)
    wrapper = page.locator(".mathscale").nth(first_scaled(page).index)
    wrapper.locator("mjx-container").click(button="right")
    menu = page.get_by_role("menu").filter(has_text="Show Math As")
    menu.wait_for(state="visible", timeout=5000)
    assert page.locator(DIALOG).count() == 0, "the zoom dialog opened"
    assert opened.errors == []


# MathJax 3 and 4 draw CommonHTML characters as generated content and make their assistive
# MathML unselectable: a drag selects only white space there, with or without mathscale.
@pytest.mark.parametrize("engine", ["mathjax2", "katex"])
def test_dragging_across_a_scaled_down_equation_selects_its_text(engine, engine_site, load):
    page = load(engine_site(engine), PHONE).page
    eq = first_scaled(page)
    box = page.locator(".mathscale").nth(eq.index).bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(eq.ink[0] + 1, y)
    page.mouse.down()
    page.mouse.move(eq.ink[1] - 1, y, steps=10)
    page.mouse.up()
    assert page.evaluate("getSelection().toString().trim()"), "nothing was selected"
    assert page.locator(DIALOG).count() == 0, "selecting opened the zoom dialog"


def test_a_scaled_down_katex_equation_keeps_its_mathml(engine_site, load):
    page = load(engine_site("katex"), PHONE).page
    wrapper = page.locator(".mathscale").nth(first_scaled(page).index)
    annotation = wrapper.locator('.katex-mathml annotation[encoding="application/x-tex"]')
    assert annotation.text_content().strip(), "the TeX annotation is empty"
    assert annotation.evaluate(
        "(e) => e.closest('.katex-mathml').checkVisibility({visibilityProperty: true})"
    )


def katex_numbers(page, selector: str) -> list[str]:
    """The text the accessibility tree reads for each element matching ``selector``: what a
    KaTeX equation number shows is CSS generated content, which only layout knows."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    wanted = [cdp.send("DOM.describeNode", {"nodeId": i})["node"]["backendNodeId"] for i in found]
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    by_dom = {n.get("backendDOMNodeId"): n for n in nodes}

    def text(node: dict) -> str:
        if node.get("role", {}).get("value") == "StaticText":
            return node.get("name", {}).get("value", "")
        return "".join(text(by_id[c]) for c in node.get("childIds", []) if c in by_id)

    return [text(by_dom[w]) if w in by_dom else "" for w in wanted]


# fit_site's index numbers its \begin{equation} and both rows of its align environment.
KATEX_NUMBERS = ["(1)", "(2)", "(3)"]


def test_katex_equation_numbers_count_up_through_the_page(engine_site, load):
    page = load(engine_site("katex"), PHONE).page
    # KaTeX hides its drawing from the accessibility tree, which is the only reader of
    # generated content a test has: let it read the drawn numbers.
    page.evaluate(
        "document.querySelectorAll('.katex-html').forEach((e) => e.removeAttribute('aria-hidden'))"
    )
    assert katex_numbers(page, ".katex-html .eqn-num") == KATEX_NUMBERS


def test_screen_readers_hear_katex_equation_numbers_counting_up(engine_site, load):
    page = load(engine_site("katex"), PHONE).page
    assert katex_numbers(page, ".katex-mathml .mml-eqn-num") == KATEX_NUMBERS


# 6. Browser zoom.


@pytest.mark.parametrize("engine", ENGINES)
def test_at_200_percent_browser_zoom_equations_fit_as_at_100(engine, engine_site, load, fresh):
    url = engine_site(engine)
    at_1x = shown(load(url, PHONE).page, PHONE)
    zoomed = fresh(PHONE, device_scale_factor=2)
    zoomed.page.goto(url)
    wait_typeset(zoomed.page)
    at_2x = shown(zoomed.page, PHONE)
    # Not the very same scales: MathJax matches its size to the text's x-height, which
    # Chromium rounds to whole pixels at 100 % and not at 200 % (MathJax 3 draws 127.3 % of
    # the text size at 1x and 123.7 % at 2x), so its output itself differs by up to 3.5 %.
    wrong = misfits(at_2x) + same_scales(at_2x, at_1x, 0.04)
    assert not wrong, "\n".join(wrong)
    huge = at_2x.m.equations[HUGE]
    assert huge.state == "floor" and huge.scrolls, f"{huge.state} at scale {huge.scale:.3f}"
    assert zoomed.errors == []


# 7. The floor is an option.


def test_a_configured_min_scale_is_the_floor(build_site, serve, load):
    config = mkdocs_config("material")
    config["plugins"] = ["search", {"mathscale": {"min_scale": 0.75}}]
    page = load(serve(build_site(DOCS, config, "mathjax3")), PHONE).page
    got = shown(page, PHONE)
    huge = got.m.equations[HUGE]
    assert huge.state == "floor" and huge.scrolls, f"{huge.state} at scale {huge.scale:.3f}"
    assert huge.scale == pytest.approx(0.75, abs=1e-3)
    below = [f"{eq.index} at {eq.scale:.3f}" for eq in got.m.equations if eq.scale < 0.75 - 1e-3]
    assert not below, f"equations below the floor: {below}"
