"""A page as a reader sees it at one width: each equation's fit (fitcheck.measure) and the
font size its math is drawn at; and, in words, everything wrong with it."""

from __future__ import annotations

from dataclasses import dataclass

from .fitcheck import Equation, Measurement, measure, settle

MIN_SCALE = 0.6
# Sub-pixel rounding of glyph boxes.
SLACK = 1.0
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
    """One measurement of a page and the font size its math is drawn at, per equation (the
    engine's font-size times the scale of the wrapper's inner box)."""

    width: int
    m: Measurement
    math_px: list[float | None]


def shown(page, width: int, skip_hidden: bool = False) -> Shown:
    """Measure the page as it is displayed now (``skip_hidden``: as in fitcheck.measure), in
    one evaluation: fitcheck.measure reads each equation's drawn font size too."""
    m = measure(page, skip_hidden)
    return Shown(width, m, [eq.math_px for eq in m.equations])


def resize(page, width: int, settle_again: bool = False, skip_hidden: bool = False) -> Shown:
    """Resize the viewport, let observers and transitions run (twice over with
    ``settle_again``), and measure (``skip_hidden``: as in fitcheck.measure)."""
    page.set_viewport_size({"width": width, "height": 800})
    settle(page)
    if settle_again:
        settle(page)
    return shown(page, width, skip_hidden)


def wait_output(page, timeout: float = 30_000) -> None:
    """Wait until every wrapper holds the engine's output and web fonts have loaded, drawn or
    not: an output the page's CSS collapses to nothing is for the tests to report."""
    page.wait_for_function(_OUTPUT, timeout=timeout)
    settle(page)


def overflow(eq: Equation) -> float:
    """How many px of the equation's ink lie outside its wrapper (0 when none does)."""
    if not eq.ink:
        return 0.0
    return max(0.0, eq.left - eq.ink[0], eq.ink[1] - eq.right)


def figures(views: list[Shown]) -> dict[str, int]:
    """The figures of a set of measurements: page views, those scrolling sideways, views of
    visible equations and those overflowing their column above the floor."""
    equations = [eq for s in views for eq in s.m.equations if eq.visible]
    return {
        "page views": len(views),
        "pages scrolling sideways": sum(s.m.page_overflow > 0 for s in views),
        "equation views": len(equations),
        "overflowing above the floor": sum(
            overflow(eq) > SLACK and eq.state != "floor" for eq in equations
        ),
    }


def drawn_small(eq: Equation) -> bool:
    """Whether the engine itself draws the equation smaller than the text around it: MathJax 2
    sizes math it typesets inside a hidden content tab from a default ex (13.44 px in Material's
    16 px text, where it draws visible math at 20.32 px), with or without mathscale. The floor
    is min_scale of the size the engine draws at; math drawn at text size or larger stays at
    9 px or more, and that is checked too."""
    return bool(eq.math_px and eq.scale > 0 and eq.math_px / eq.scale < eq.text_px - 0.01)


def _name(eq: Equation, texs: list[str] | None) -> str:
    """The equation's index and, when known, the first characters of its TeX."""
    return f"equation {eq.index}" + (f" `{texs[eq.index][:40]}`" if texs else "")


def misfits(s: Shown, texs: list[str] | None = None, visible_only: bool = False) -> list[str]:
    """Everything a reader would see wrong with the equations' fit, in words. ``texs``: the
    page's equations in order, quoted in the messages; ``visible_only``: equations not shown
    now (closed details, hidden tabs) are left out."""
    wrong = []
    if s.m.page_overflow > 0:
        wrong.append(f"the page scrolls {s.m.page_overflow}px sideways: {s.m.culprits}")
    for eq, px in zip(s.m.equations, s.math_px, strict=True):
        if visible_only and not eq.visible:
            continue
        at = f"{s.width}px: {_name(eq, texs)} at scale {eq.scale:.3f}"
        if not px or eq.ink_width < 2 * px:
            wrong.append(f"{at} is drawn {eq.ink_width:.0f}px wide")
        if eq.scale < MIN_SCALE - 1e-3 or ((px or 0) < 9 and not drawn_small(eq)):
            wrong.append(f"{at} is below the floor ({px}px)")
        outside = overflow(eq) > SLACK
        if outside and eq.state != "floor":
            ink = f"{eq.ink[0]:.1f}..{eq.ink[1]:.1f}"
            wrong.append(
                f"{at} spans {ink}, wrapper {eq.left:.1f}..{eq.right:.1f}: "
                f"{overflow(eq):.0f}px over"
            )
        elif outside and not eq.scrolls:
            wrong.append(f"{at} sticks out of its wrapper, which does not scroll")
        elif eq.scrolls and eq.state != "floor":
            wrong.append(f"{at} scrolls above the floor")
    return wrong


def same_scales(
    got: Shown,
    want: Shown,
    tolerance: float,
    texs: list[str] | None = None,
    visible_only: bool = False,
) -> list[str]:
    """Equations whose scale differs from the one in ``want`` by more than ``tolerance``
    (``texs`` and ``visible_only`` as in ``misfits``: shown in both)."""
    return [
        f"{got.width}px: {_name(g, texs)} at scale {g.scale:.3f}, expected {w.scale:.3f}"
        for g, w in zip(got.m.equations, want.m.equations, strict=True)
        if abs(g.scale - w.scale) > tolerance
        and not (visible_only and not (g.visible and w.visible))
    ]
