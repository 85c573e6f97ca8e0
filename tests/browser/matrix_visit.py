"""A reader's visit of one matrix site (a set-up on a theme variant), in one browser context.

Each case visits at two of WIDTHS, the set-up's other theme variants at the other two
(matrix_setups.widths), so every set-up is seen at all four. In turn:

1. the English page (155 equations), first loaded (cold cache) at the first width;
2. reloaded (cached) at 1440 px, then resized to each of the two widths;
3. at the second width, the Chinese page, reached by instant navigation where the theme has it,
   else by a page load; it is also resized to the other widths, showing other tabs;
4. the English page again at the second width, by instant navigation back or a page load.

Every arrival is measured as it is, then with every ``<details>`` opened and each tab of every
tab set shown in turn (the English page's three over its two arrivals). The resized page's
scales are compared with those of the arrival at that width. ``visit`` returns it all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, sync_playwright

from .fit_shown import (
    Shown,
    drawn_small,
    figures,
    misfits,
    resize,
    same_scales,
    shown,
    wait_output,
)
from .fitcheck import follow, reloaded, settle

WIDTHS = (320, 375, 414, 768)
WIDE = 1440
PAGES = {"en": "", "zh": "zh/"}
"""Page language to its path on the site."""
SECTIONS = {"en": 16, "zh": 6}
"""Sections per page (about 10 equations each)."""
TABS = 3
"""Tabs per tab set on the pages."""
RESIZE_TOLERANCE = 0.01
TIMEOUT = 120_000
"""For a page to load and its math to be typeset (ms); generous, for busy CI machines."""

# After every wrapper holds output: until the engine has stopped replacing it (a typeset that
# a theme script restarts, or a second one overlapping the first), i.e. no element added to or
# removed from any wrapper for `quiet` ms, and no style sheet added; at most `limit` ms.
_QUIET = """([quiet, limit]) => new Promise((resolve) => {
  let timer;
  const done = (reason) => { observer.disconnect(); clearTimeout(cap); resolve(reason); };
  const restart = () => { clearTimeout(timer); timer = setTimeout(() => done('quiet'), quiet); };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.target.closest?.('.mathscale') || r.target === document.head ||
        [...r.addedNodes].some((n) => n.matches?.('.mathscale *,style,link')))) restart();
  });
  observer.observe(document, {childList: true, subtree: true});
  const cap = setTimeout(() => done('busy'), limit);
  restart();
})"""
_OPEN_DETAILS = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
# Shows tab k of every tab set (a reader's click on its label).
_SHOW_TAB = """(k) => document.querySelectorAll('.tabbed-set').forEach((set) =>
  set.querySelectorAll(':scope > input')[k]?.click())"""
_HEADING = "(text) => document.querySelector('h1')?.textContent.includes(text)"
HEADINGS = {"en": "Notes on estimation", "zh": "估计笔记"}


@dataclass
class View:
    """One measurement: which page, how it was reached, what was shown (all tabs' first, or
    with details opened and tab k shown)."""

    page: str
    how: str
    shown: Shown

    def where(self, case: str) -> str:
        return f"{case}, page {self.page}, {self.how}"


@dataclass
class Resize:
    """A page loaded at 1440 px, resized to ``width``, against the arrival at that width."""

    page: str
    width: int
    compared: int
    wrong: list[str]


@dataclass
class Visit:
    """Everything measured on one matrix site."""

    case: str
    texs: dict[str, list[str]]
    arrivals: list[View] = field(default_factory=list)
    opened: list[View] = field(default_factory=list)
    resized: list[View] = field(default_factory=list)
    resizes: list[Resize] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    """Wall time of the visit and its site's build (set by whoever runs both)."""

    def misfits(self, views: list[View]) -> list[str]:
        """Every misfit of the visible equations in ``views``, each naming where it is."""
        return [
            f"{v.where(self.case)}, {line}"
            for v in views
            for line in misfits(v.shown, self.texs[v.page], visible_only=True)
        ]

    def views(self) -> list[View]:
        """Every measurement taken."""
        return self.arrivals + self.opened + self.resized

    def counts(self) -> dict[str, int]:
        """Page and equation views checked, pages scrolling sideways, equations overflowing
        above the floor, resizes compared and those landing elsewhere than the arrival, views
        the engine drew smaller than the text."""
        measured = [v.shown for v in self.views()]
        equations = [eq for s in measured for eq in s.m.equations if eq.visible]
        return {
            **figures(measured),
            "resized equations compared": sum(r.compared for r in self.resizes),
            "resized equations elsewhere": sum(len(r.wrong) for r in self.resizes),
            # Held to min_scale of the engine's size, under 9 px there (fit_shown.drawn_small).
            "drawn smaller than their text by the engine": sum(map(drawn_small, equations)),
        }


def _settled(page: Page, language: str) -> None:
    """Wait until the page in ``language`` is shown and its math typeset for good."""
    page.wait_for_function(_HEADING, arg=HEADINGS[language])
    wait_output(page, TIMEOUT)
    page.evaluate(_QUIET, [300, 15_000])
    settle(page)


def _resize_blank(page: Page, width: int) -> None:
    """Give the page ``width`` before the next load, on a blank document: resizing the page
    shown would lay it out again for nothing (about a second of the renderer's time)."""
    if page.viewport_size and page.viewport_size["width"] == width:
        return
    if page.url != "about:blank":
        page.goto("about:blank")
    page.set_viewport_size({"width": width, "height": 800})


def _arrive(
    visit: Visit, page: Page, language: str, width: int, how: str, tabs: Sequence[int]
) -> Shown:
    """Measure the page as reached, then with every details block open and each of ``tabs``
    of every tab set shown in turn (a visit shows each tab of each page)."""
    _settled(page, language)
    arrival = shown(page, width, skip_hidden=True)
    visit.arrivals.append(View(language, f"{how} at {width}px", arrival))
    page.evaluate(_OPEN_DETAILS)
    for tab in tabs:
        page.evaluate(_SHOW_TAB, tab)
        settle(page)
        label = f"{how} at {width}px, details opened, tab {tab + 1} shown"
        visit.opened.append(View(language, label, shown(page, width, skip_hidden=True)))
    return arrival


def _go(page: Page, url: str, instant: bool, link: str) -> None:
    """Reach ``url``: by a click on the article's link ``link`` with instant navigation
    (which rewrites the links of the pages it swaps in: found by their text), else by a page
    load."""
    if instant:
        follow(page, page.locator(f'article a:text-is("{link}")'), url)
    else:
        page.goto(url, wait_until="domcontentloaded")


def visit(
    browser: Browser, base: str, case: str, instant: bool, widths: tuple[int, int], texs: dict
) -> Visit:
    """Visit the matrix site at ``base`` at ``widths`` as described above."""
    out = Visit(case, texs)
    first, second = widths
    context = browser.new_context(viewport={"width": first, "height": 800})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.on("console", lambda m: m.type == "error" and out.errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: out.errors.append(f"{page.url}: {e}"))
    arrivals: dict[int, Shown] = {}
    page.goto(base + PAGES["en"], wait_until="domcontentloaded")
    arrivals[first] = _arrive(out, page, "en", first, "first load", (0,))
    # Reloaded at 1440 px, then resized to each width.
    _resize_blank(page, WIDE)
    page.goto(base + PAGES["en"], wait_until="domcontentloaded")
    _settled(page, "en")
    resized: dict[int, Shown] = {}
    for width in widths:
        page.set_viewport_size({"width": WIDE, "height": 800})
        settle(page)
        resized[width] = resize(page, width, skip_hidden=True)
        label = f"reloaded at {WIDE}px, resized to {width}px"
        out.resized.append(View("en", label, resized[width]))
    # To the Chinese page and back, at the second width.
    how = "instant navigation" if instant else "page load"
    _go(page, base + PAGES["zh"], instant, "中文")
    _arrive(out, page, "zh", second, how, (1,))
    if instant and reloaded(page):
        out.errors.append("instant navigation fell back to a full page load")
    for tab, other in enumerate(w for w in WIDTHS if w != second):
        page.evaluate(_SHOW_TAB, (tab + 2) % TABS)
        label = f"{how} at {second}px, details opened, tab {(tab + 2) % TABS + 1} shown, "
        label += f"resized to {other}px"
        out.opened.append(View("zh", label, resize(page, other, skip_hidden=True)))
    page.set_viewport_size({"width": second, "height": 800})
    _go(page, base + PAGES["en"], instant, "English")
    arrivals[second] = _arrive(out, page, "en", second, f"{how} back", (1, 2))
    if instant and reloaded(page):
        out.errors.append("instant navigation back fell back to a full page load")
    for width in widths:
        got, want = resized[width], arrivals[width]
        compared = sum(
            g.visible and w.visible for g, w in zip(got.m.equations, want.m.equations, strict=True)
        )
        wrong = same_scales(got, want, RESIZE_TOLERANCE, texs["en"], visible_only=True)
        out.resizes.append(Resize("en", width, compared, wrong))
    context.close()
    return out


def visit_all(
    browser: Browser,
    jobs: Sequence[Hashable],
    run: Callable[[Browser, Hashable], Visit],
    workers: int,
    launch: dict,
) -> dict[Hashable, Visit | Exception]:
    """``run(browser, job)`` for every job, ``workers`` at a time: one in this thread with
    ``browser``, the others each in a thread of its own with a Chromium of its own, launched
    with ``launch`` (Playwright's sync API is one instance per thread). Each job's visit is its
    own browser context, as alone; running some side by side keeps both cores busy through the
    waits of each (quiet windows, transitions, frames). Returns each job's Visit, or the
    exception it raised."""
    queue = list(jobs)
    results: dict[Hashable, Visit | Exception] = {}
    lock = threading.Lock()

    def work(b: Browser) -> None:
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop(0)
            try:
                results[job] = run(b, job)
            except Exception as error:  # reported by the job's own tests
                results[job] = error

    def own_browser() -> None:
        # A worker whose Chromium fails to start leaves its jobs to the others.
        with sync_playwright() as p:
            b = p.chromium.launch(**launch)
            try:
                work(b)
            finally:
                b.close()

    threads = [threading.Thread(target=own_browser, daemon=True) for _ in range(workers - 1)]
    for t in threads:
        t.start()
    work(browser)
    for t in threads:
        t.join()
    return results
