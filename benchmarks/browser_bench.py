"""Browser cost in headless Chromium: first fitting pass, resize sweep, layout shift."""

from __future__ import annotations

import runpy
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

# How the tests and the screenshot script launch Chromium too (a settings file, read by path).
_HEADLESS = runpy.run_path(str(Path(__file__).resolve().parents[1] / "scripts" / "headless.py"))
CHROMIUM, CHROMIUM_ARGS = _HEADLESS["CHROMIUM"], _HEADLESS["CHROMIUM_ARGS"]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
LOAD_TIMEOUT_MS = 400_000
# A resize sweep stops early past this (a slow approach on a busy machine); steps says how far.
SWEEP_BUDGET_S = 180


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (no downloaded browser on this machine)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _open(browser: Browser, url: str, viewport: dict[str, int]) -> Page:
    page = browser.new_page(viewport=viewport)
    blocked: list[str] = []

    def only_local(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.url.startswith("http://127.0.0.1"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(request.url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", only_local)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="commit")
    try:
        page.wait_for_function(
            "window.__bench && window.__bench.fitLayout !== null", timeout=LOAD_TIMEOUT_MS
        )
    except Exception as error:
        raise RuntimeError(f"{url}: never finished fitting; page errors: {errors}") from error
    if blocked:
        raise RuntimeError(f"{url}: tried to load from outside 127.0.0.1: {blocked[:3]}")
    if errors:
        raise RuntimeError(f"{url}: page errors: {errors}")
    return page


def _frames(page: Page, n: int = 2) -> None:
    page.evaluate(
        """n => new Promise(done => {
            const step = k => k ? requestAnimationFrame(() => step(k - 1)) : setTimeout(done, 0);
            step(n);
        })""",
        n,
    )


@dataclass
class FirstPass:
    """One page load's fitting figures, in ms."""

    fit_ms: float
    """The fitting script's own synchronous work in its first pass (for ours: its observer
    callbacks from typeset output in the DOM until every wrapper is measured; for the snippet:
    its loop)."""
    fit_layout_ms: float
    """… → the layout that applies the new sizes is done (forced right after the fit)."""
    initial_layout_ms: float
    """The page's first layout after typesetting, forced before fitting (paid anyway)."""
    observer_calls: int
    """Ours only: observer callbacks that made up the first pass (each timed on its own, after
    the layout others left dirty was settled)."""
    typeset_ms: float
    mj4_set_scale_ms: float | None
    mj4_get_metrics_ms: float | None
    wrappers: int


@dataclass
class Shift:
    """Layout shift observed on one load: the sum of layout-shift entry values."""

    total: float
    late: float
    """Only shifts after the first frame that painted the typeset output."""


@dataclass
class Sweep:
    """CDP Performance.getMetrics deltas (thread time) over a whole resize sweep, in ms."""

    steps: int
    script_ms: float
    layout_ms: float
    style_ms: float
    task_ms: float


@dataclass
class PageRun:
    """Everything measured on one load of one page."""

    first: FirstPass
    shift: Shift
    sweep: Sweep | None


_METRICS = {
    "ScriptDuration": "script_ms",
    "LayoutDuration": "layout_ms",
    "RecalcStyleDuration": "style_ms",
    "TaskDuration": "task_ms",
}
# After the first pass: time for late work (web fonts, the load event, observers) to land.
SETTLE_MS = 1000


def sweep_widths(steps: int) -> list[int]:
    """1440 → 320 → 1440 px in `steps` viewport changes (half down, half up)."""
    half = steps // 2
    down = [round(1440 - (1440 - 320) * k / half) for k in range(1, half + 1)]
    return down + down[-2::-1] + [1440]


def _first_pass(b: dict) -> FirstPass:
    # Our runtime works in observer callbacks, timed one by one by the page's harness.
    ours = b["observerCalls"] > 0
    ours_ms = b["observerMs"]
    return FirstPass(
        fit_ms=ours_ms if ours else b["fitEnd"] - b["typesetDone"],
        fit_layout_ms=(ours_ms if ours else b["fitEnd"] - b["typesetDone"])
        + b["fitLayout"]
        - b["fitEnd"],
        observer_calls=b["observerCalls"],
        initial_layout_ms=b["flushMs"],
        typeset_ms=b["typesetEnd"] - b["typesetStart"],
        mj4_set_scale_ms=b.get("setScaleMs"),
        mj4_get_metrics_ms=b.get("getMetricsMs"),
        wrappers=b["wrappers"],
    )


def _shift(b: dict) -> Shift:
    # Layout shifts are measured between painted frames, and the forced layouts of the first
    # pass happen inside the task that typesets, so they do not change what is reported here.
    shifts = [s for s in b["shifts"] if not s["input"]]
    return Shift(
        total=sum(s["v"] for s in shifts),
        late=sum(s["v"] for s in shifts if s["t"] >= b["firstFrame"]),
    )


def _sweep(page: Page, steps: int) -> Sweep:
    page.set_viewport_size(DESKTOP)
    _frames(page, 3)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})

    def metrics() -> dict[str, float]:
        got = cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: m["value"] for m in got}

    before = metrics()
    started = time.perf_counter()
    done = 0
    for width in sweep_widths(steps):
        page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        _frames(page)
        done += 1
        if time.perf_counter() - started > SWEEP_BUDGET_S:
            break
    after = metrics()
    deltas = {field: (after[name] - before[name]) * 1000 for name, field in _METRICS.items()}
    return Sweep(steps=done, **deltas)


def measure(browser: Browser, url: str, resize_steps: int = 0) -> PageRun:
    """Load a page at phone width, read its first pass, let it settle, read its layout shifts,
    then (when asked) resize it 1440 → 320 → 1440 px, rendering two frames after each step."""
    page = _open(browser, url, PHONE)
    try:
        first = _first_pass(page.evaluate("window.__bench"))
        page.wait_for_timeout(SETTLE_MS)
        _frames(page, 3)
        shift = _shift(page.evaluate("window.__bench"))
        sweep = _sweep(page, resize_steps) if resize_steps else None
    finally:
        page.close()
    return PageRun(first, shift, sweep)
