"""What a reader sees of each display equation on a loaded page, measured in the browser.

``measure(page)`` is the one entry point the tests assert on; ``wait_typeset(page)`` waits
until the engine has rendered every wrapper. Both work for MathJax 2/3/4 and KaTeX.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Locator, Page

# The zoom dialog mathscale-scaled.js opens.
DIALOG = "dialog.mathscale-zoom"
# MathJax 4 throws from its own explorer when math gets focus or a click before its speech is
# ready (a few seconds after load), zoom or no zoom; so interact after that.
ENGINE_READY = "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
# mathscale.js fetches mathscale-scaled.js (zoom) once an equation is scaled down; a reader's
# click comes later than that, a test's may not.
ZOOM_LOADED = """() => performance.getEntriesByType('resource')
  .some((e) => e.name.includes('mathscale-scaled.js') && e.responseEnd > 0)"""
# Elements that carry no visible ink: assistive MathML, speech, previews, source scripts.
_HIDDEN = "mjx-assistive-mml,mjx-speech,.MJX_Assistive_MathML,.katex-mathml,.MathJax_Preview,script"
# Rendered output of each engine, display or inline.
_RENDERED = "mjx-container,.MathJax,.MathJax_CHTML,.MathJax_SVG,.katex"
# Equation numbers and tags (KaTeX 0.19 renamed .tag to .katex-tag).
_TAGS = '[id^="mjx-eqn"],.katex-html>.tag,.katex-html>.katex-tag'

_MEASURE = r"""([hidden, tags, skipHidden]) => {
  // Glyph boxes, cut to the ancestors that clip them (KaTeX draws 400em wide SVGs in a
  // clipping box, for instance). Each element's clip is worked out once.
  const clips = new Map();
  const clipOf = (p, stop) => {
    if (!p || p === stop) return [-Infinity, Infinity];
    let c = clips.get(p);
    if (!c) {
      const [l, r] = clipOf(p.parentElement, stop);
      c = [l, r];
      if (getComputedStyle(p).overflowX !== 'visible') {
        const b = p.getBoundingClientRect();
        c = [Math.max(l, b.left), Math.min(r, b.right)];
      }
      clips.set(p, c);
    }
    return c;
  };
  const clip = (e, stop) => clipOf(e.parentElement, stop);
  const ink = (els, stop) => {
    let l = Infinity, r = -Infinity;
    for (const e of els) {
      if (e.children.length || e.closest(hidden)) continue;
      const b = e.getBoundingClientRect();
      if (!(b.width > 0 && b.height > 0)) continue;
      const [cl, cr] = clip(e, stop);
      const bl = Math.max(b.left, cl), br = Math.min(b.right, cr);
      if (br > bl) { l = Math.min(l, bl); r = Math.max(r, br); }
    }
    return r > l ? [l, r] : null;
  };
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const doc = document.documentElement;
  // min_scale as the plugin wrote it on the runtime's script tag (and in its style sheet).
  const floor = parseFloat(document.getElementById('mathscale-js').dataset.minScale);
  // What the reader sees: unmeasured (no width known), at full size, shrunk, or at the floor.
  const state = (x, scale) => !x.style.getPropertyValue('--mathscale-w') ? null :
    scale > 0.9995 ? 'fit' : scale < floor + 0.002 ? 'floor' : 'scaled';
  const equations = [...document.querySelectorAll('.mathscale')].map((x, index) => {
    const inner = x.querySelector('.mathscale-inner');
    const root = inner.querySelector('mjx-container,.MathJax,.MathJax_CHTML,.MathJax_SVG,.katex');
    // Equations are scaled by the transform of their inner box (mathscale.css, or the fallback).
    const scale = new DOMMatrix(getComputedStyle(inner).transform).a;
    const seen = {
      index,
      text: (inner.textContent || '').trim().slice(0, 60),
      state: state(x, scale),
      scale,
      // The size its math is drawn at (the engine's font-size, scaled), and the size of the
      // text around it (the wrapper's, unscaled).
      math_px: root ? px(root) * scale : null,
      text_px: px(x),
    };
    // Not shown: in a hidden tab, or a closed <details>, whose content keeps a layout
    // (content-visibility: hidden) that any read would make Chromium bring up to date, block
    // by block; so with skipHidden none is read.
    const rendered = x.checkVisibility();
    if (skipHidden && !rendered) {
      return {...seen, visible: false, left: 0, right: 0, width: 0, client_width: 0,
        scroll_width: 0, scroll_left: 0, ink: null, body: null, tag: null};
    }
    const box = x.getBoundingClientRect();
    const tagEls = [...inner.querySelectorAll(tags)];
    const inTag = (e) => tagEls.some((t) => t.contains(e));
    const all = [...inner.querySelectorAll('*')];
    const visible = box.width > 0 && box.height > 0 && rendered;
    const drawn = visible || !skipHidden ? ink(all, inner) : null;
    return {
      ...seen,
      visible,
      left: box.left, right: box.right, width: box.width,
      // The inner box scrolls an equation held at the floor.
      client_width: inner.clientWidth, scroll_width: inner.scrollWidth,
      scroll_left: inner.scrollLeft,
      ink: drawn,
      body: tagEls.length && drawn ? ink(all.filter((e) => !inTag(e)), inner) : drawn,
      tag: tagEls.length && drawn ? ink(all.filter(inTag), inner) : null,
    };
  });
  // The outermost elements that stick out to the right of the viewport, for messages.
  const vw = doc.clientWidth;
  const all = doc.scrollWidth > vw ? [...document.body.querySelectorAll('*')] : [];
  const culprits = all.filter((e) => {
    const p = e.parentElement;
    return e.getBoundingClientRect().right > vw + 1 &&
      p.getBoundingClientRect().right <= vw + 1 && !p.closest('.mathscale');
  }).slice(0, 5).map((e) => {
    const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/) : [];
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls.map((c) => '.' + c).join('');
  });
  return {
    page_overflow: doc.scrollWidth - doc.clientWidth,
    culprits,
    viewport: doc.clientWidth,
    equations,
  };
}"""

# MathJax 3/4 and KaTeX insert all output of a page at once; MathJax 2 in chunks, so for it
# its queue must be idle too. Hidden wrappers only need the output, visible ones need ink.
_TYPESET = """(rendered) => {
  const hub = window.MathJax && window.MathJax.Hub;
  if (hub && (hub.queue.pending || hub.queue.running || hub.queue.queue.length)) return false;
  const xs = [...document.querySelectorAll('.mathscale')];
  return document.fonts.status === 'loaded' && xs.length > 0 && xs.every((x) => {
    const r = x.querySelector(rendered);
    return r && (!x.getBoundingClientRect().width || r.getBoundingClientRect().width > 0);
  });
}"""


@dataclass(frozen=True)
class Equation:
    """One wrapper as displayed. Positions are viewport px; ``ink`` spans every glyph.
    ``state`` is what the reader sees: ``None`` (not measured), ``fit`` (scale 1), ``scaled``
    or ``floor`` (at ``min_scale``)."""

    index: int
    text: str
    state: str | None
    visible: bool
    left: float
    right: float
    width: float
    client_width: int
    scroll_width: int
    scroll_left: float
    scale: float
    math_px: float | None
    text_px: float
    ink: tuple[float, float] | None
    body: tuple[float, float] | None
    tag: tuple[float, float] | None

    @property
    def scrolls(self) -> bool:
        """Whether part of the equation is hidden and reachable by scrolling inside its wrapper."""
        return self.scroll_width > self.client_width + 1

    @property
    def ink_width(self) -> float:
        """Width of everything drawn, number included."""
        return self.ink[1] - self.ink[0] if self.ink else 0.0


@dataclass(frozen=True)
class Measurement:
    """A page's equations and how far the page itself scrolls sideways (``culprits``: the
    outermost elements sticking out on the right, as ``tag#id.class``)."""

    page_overflow: int
    culprits: list[str]
    viewport: int
    equations: list[Equation]


def measure(page: Page, skip_hidden: bool = False) -> Measurement:
    """Measure every ``.mathscale`` wrapper on the page as it is displayed right now (with
    ``skip_hidden``, nothing of the layout of those not shown is read: their box, scroll
    widths and ink are 0 or ``None``)."""
    raw = page.evaluate(_MEASURE, [_HIDDEN, _TAGS, skip_hidden])
    equations = [
        Equation(
            **{
                **e,
                **{k: tuple(e[k]) if e[k] else None for k in ("ink", "body", "tag")},
            }
        )
        for e in raw["equations"]
    ]
    return Measurement(raw["page_overflow"], raw["culprits"], raw["viewport"], equations)


def wait_typeset(page: Page, timeout: float = 30_000) -> None:
    """Wait until every wrapper holds rendered math and web fonts have loaded, then 2 frames."""
    page.wait_for_function(_TYPESET, arg=_RENDERED, timeout=timeout)
    settle(page)


def follow(page: Page, link: Locator, url: str) -> None:
    """Click ``link`` and wait until the page at ``url`` is shown. The document is marked
    first, so that ``reloaded`` can tell instant navigation (which keeps it) from a page load.
    Material's instant navigation changes the address before it swaps the content in: until
    the old page's wrappers have left, what is shown is still the old page."""
    page.evaluate(
        "() => { window.mathscaleKept = true;"
        " window.mathscaleLeaving = [...document.querySelectorAll('.mathscale')]; }"
    )
    link.click()
    page.wait_for_url(url)
    page.wait_for_function(
        "() => !window.mathscaleLeaving || window.mathscaleLeaving.every((x) => !x.isConnected)"
    )


def reloaded(page: Page) -> bool:
    """Whether a page load replaced the document since ``follow``."""
    return not page.evaluate("() => window.mathscaleKept === true")


def settle(page: Page) -> None:
    """Let the theme's transitions end (Material animates its search box's width when the
    viewport crosses a breakpoint), then two animation frames pass, so observers and
    re-layouts have run."""
    page.evaluate(
        """async () => {
          // At most 2 s: an animation the browser does not run (infinite, or in content it
          // skips off screen) would never finish.
          await Promise.race([
            Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))),
            new Promise((r) => setTimeout(r, 2000)),
          ]);
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        }"""
    )


def misplaced_numbers(width: int, equations: list[Equation], slack: float) -> list[str]:
    """What is wrong with the equation numbers at ``width``: too few found, a number outside
    its wrapper (except at the floor, where it may be scrolled out of view), or one over its
    equation."""
    numbered = [eq for eq in equations if eq.tag]
    if len(numbered) < 2:
        return [f"{width}px: numbered equations not found"]
    wrong = []
    for eq in numbered:
        if eq.state != "floor" and not (
            eq.tag[0] >= eq.left - slack and eq.tag[1] <= eq.right + slack
        ):
            wrong.append(
                f"{width}px: number of equation {eq.index} at {eq.tag}, wrapper "
                f"{eq.left:.1f}..{eq.right:.1f}"
            )
        if not (eq.tag[0] >= eq.body[1] or eq.tag[1] <= eq.body[0]):
            wrong.append(
                f"{width}px: number of equation {eq.index} overlaps it ({eq.tag} vs {eq.body})"
            )
    return wrong
