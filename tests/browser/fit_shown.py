"""A page as a reader sees it at one width: each equation's fit (fitcheck.measure) and the
font size its math is drawn at; and, in words, everything wrong with it."""

from __future__ import annotations

from dataclasses import dataclass

from fitcheck import Measurement, measure, settle

MIN_SCALE = 0.6
# Sub-pixel rounding of glyph boxes.
SLACK = 1.0
# Font size each equation's math is drawn at, per wrapper (MathJax 2 SVG output included): the
# engine's font-size times the scale of the wrapper's inner box.
_MATH_PX = """() => [...document.querySelectorAll('.mathscale')].map((x) => {
  const root = x.querySelector('mjx-container,.MathJax,.MathJax_CHTML,.MathJax_SVG,.katex');
  const scale = new DOMMatrix(getComputedStyle(x.firstElementChild).transform).a;
  return root ? parseFloat(getComputedStyle(root).fontSize) * scale : null;
})"""
# Every wrapper holds output (MathJax 2 inserts it in chunks: its queue must be idle too).
_OUTPUT = """() => {
  const hub = window.MathJax && window.MathJax.Hub;
  if (hub && (hub.queue.pending || hub.queue.running || hub.queue.queue.length)) return false;
  const xs = [...document.querySelectorAll('.mathscale')];
  return document.fonts.status === 'loaded' && xs.length > 0 && xs.every((x) =>
    x.querySelector('mjx-container,.MathJax,.MathJax_CHTML,.MathJax_SVG,.katex'));
}"""


@dataclass
class Shown:
    """One measurement of a page and the font size its math is drawn at, per equation."""

    width: int
    m: Measurement
    math_px: list[float | None]


def shown(page, width: int) -> Shown:
    """Measure the page as it is displayed now."""
    return Shown(width, measure(page), page.evaluate(_MATH_PX))


def resize(page, width: int, settle_again: bool = False) -> Shown:
    """Resize the viewport, let observers and transitions run (twice over with
    ``settle_again``), and measure."""
    page.set_viewport_size({"width": width, "height": 800})
    settle(page)
    if settle_again:
        settle(page)
    return shown(page, width)


def wait_output(page) -> None:
    """Wait until every wrapper holds the engine's output and web fonts have loaded, drawn or
    not: an output the page's CSS collapses to nothing is for the tests to report."""
    page.wait_for_function(_OUTPUT, timeout=30_000)
    settle(page)


def misfits(s: Shown) -> list[str]:
    """Everything a reader would see wrong with the equations' fit, in words."""
    wrong = []
    if s.m.page_overflow > 0:
        wrong.append(f"the page scrolls {s.m.page_overflow}px sideways: {s.m.culprits}")
    for eq, px in zip(s.m.equations, s.math_px, strict=True):
        at = f"{s.width}px: equation {eq.index} at scale {eq.scale:.3f}"
        if not px or eq.ink_width < 2 * px:
            wrong.append(f"{at} is drawn {eq.ink_width:.0f}px wide")
        if eq.scale < MIN_SCALE - 1e-3 or (px or 0) < 9:
            wrong.append(f"{at} is below the floor ({px}px)")
        outside = eq.ink and (eq.ink[0] < eq.left - SLACK or eq.ink[1] > eq.right + SLACK)
        if outside and eq.state != "floor":
            ink = f"{eq.ink[0]:.1f}..{eq.ink[1]:.1f}"
            wrong.append(f"{at} spans {ink}, wrapper {eq.left:.1f}..{eq.right:.1f}")
        elif outside and not eq.scrolls:
            wrong.append(f"{at} sticks out of its wrapper, which does not scroll")
        elif eq.scrolls and eq.state != "floor":
            wrong.append(f"{at} scrolls above the floor")
    return wrong


def same_scales(got: Shown, want: Shown, tolerance: float) -> list[str]:
    """Equations whose scale differs from the one in ``want`` by more than ``tolerance``."""
    return [
        f"{got.width}px: equation {g.index} at scale {g.scale:.3f}, expected {w.scale:.3f}"
        for g, w in zip(got.m.equations, want.m.equations, strict=True)
        if abs(g.scale - w.scale) > tolerance
    ]
