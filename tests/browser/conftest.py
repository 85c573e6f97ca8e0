"""Fixtures for tests that build real MkDocs sites and look at them in headless Chromium.

Reusable pieces (see each docstring):
- ``browser``: one Chromium for the whole session (missing Chromium: skip, but fail under CI);
- ``serve(dir) -> base_url``: a static server on 127.0.0.1 for a folder;
- ``build_site(docs, config, engine=None) -> site_dir``: a real ``mkdocs build``;
- ``open_page(url, width) -> Opened``: a fresh page that records console errors and layout shift;
- ``engine_site(engine, theme)``: the shared test site for one engine, built once per session;
- ``variant_site(variant, theme)``: the same for one engine output (fit_outputs.VARIANTS).
"""

from __future__ import annotations

import functools
import os
import re
import runpy
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from .fit_engines import link_engines, theme_override
from .fit_outputs import katex_page
from .fit_outputs import theme_override as output_override
from .fit_site import DOCS, mkdocs_config

# How the benchmarks and the screenshot script launch Chromium too (a settings file, read by path).
_HEADLESS = runpy.run_path(str(Path(__file__).resolve().parents[2] / "scripts" / "headless.py"))
CHROMIUM, CHROMIUM_ARGS = _HEADLESS["CHROMIUM"], _HEADLESS["CHROMIUM_ARGS"]

# Runs before any page script: reports errors the console does not show (a ResizeObserver
# loop is only an 'error' event) and adds up layout shifts the way CLS does.
_INIT = """
addEventListener('error', (e) => console.error('window error: ' + e.message));
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({type: 'layout-shift', buffered: true});
// Frames about to be painted with rendered math that is visible but not measured yet. The
// runtime measures in a ResizeObserver callback, after layout and before paint; this check
// runs in the same place, after it (observers are called in the order they were created),
// every frame: a probe created after the runtime's observer is resized each frame.
window.__unfitted = [];
addEventListener('DOMContentLoaded', () => {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;top:0;left:0;height:0;pointer-events:none';
  document.body.append(probe);
  new ResizeObserver(() => {
    const t = performance.now();
    document.querySelectorAll('.mathscale').forEach((x) => {
      if (x.style.getPropertyValue('--mathscale-w')) return;
      const out = x.querySelector(
        'mjx-container>mjx-math,mjx-container>svg,span.MathJax,.MathJax_CHTML,.MathJax_SVG,.katex-html');
      if (!out || out.closest('[overflow]:not([overflow=overflow],[overflow=scroll])')) return;
      if (out.getBoundingClientRect().width > 0 && x.checkVisibility())
        window.__unfitted.push(Math.round(t) + 'ms: ' + x.textContent.trim().slice(0, 30));
    });
  }).observe(probe);
  const frame = (t) => {
    probe.style.width = probe.style.width === '1px' ? '2px' : '1px';
    if (t < 10000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything in this folder drives a browser. The matrix, far the longest module (one
    fixture visiting every case), goes first: spread over the cores (``make test``), a worker
    starts it at once while the other takes every other module, and neither waits at the end."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: Path(str(item.fspath)) != here / "test_matrix.py")


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, shared by the session. Skips without it, except under CI=true."""
    from playwright.sync_api import Error, sync_playwright

    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (install it: scripts/setup --full)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:
            if os.environ.get("CI") == "true":
                pytest.fail(f"Chromium failed to start: {error}")
            pytest.skip(f"Chromium failed to start: {error}")
        yield b
        b.close()


@pytest.fixture(scope="session")
def chromium_launch() -> dict:
    """How ``browser`` launches Chromium, for tests that launch more (``launch(**it)``)."""
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _point_sitemap_at(directory: Path, base: str) -> None:
    """Make the sitemap name pages where they are served. Material's instant navigation
    follows only links to pages its sitemap lists, taking their scheme and host name from the
    page but not their port: a site built with any site_url served on a free port would be
    navigated by full page loads."""
    sitemap = directory / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    text = re.sub(r"<loc>[a-z]+://[^/<]+/", f"<loc>{base}", text)
    sitemap.write_text(text, encoding="utf-8")
    (directory / "sitemap.xml.gz").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(dir)`` serves ``dir`` on 127.0.0.1 (any free port) and returns its base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(directory: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(directory))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        _point_sitemap_at(directory, base)
        return base

    yield start
    # Each shutdown waits for its loop's next poll (half a second): all at once, not in turn.
    stopping = [threading.Thread(target=server.shutdown) for server in servers]
    for thread in stopping:
        thread.start()
    for thread, server in zip(stopping, servers, strict=True):
        thread.join()
        server.server_close()


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``build_site(docs, config, engine=None)`` runs a real ``mkdocs build`` and returns the
    site folder.

    ``docs`` maps paths under docs/ to their text; ``config`` is mkdocs.yml as a dict. With
    ``engine`` (a key of fit_engines.HEADS) the theme's ``custom_dir`` gets an override loading
    that engine, and the site gets the local engine copies under ``/_engines/``.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run(docs: dict[str, str], config: dict, engine: str | None = None) -> Path:
        root = tmp_path_factory.mktemp("site")
        for name, text in docs.items():
            path = root / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if engine is not None:
            override = root / "overrides" / "main.html"
            override.parent.mkdir(parents=True)
            override.write_text(theme_override(engine), encoding="utf-8")
        config_file = root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        site = root / "site"
        build(load_config(config_file=str(config_file), site_dir=str(site)))
        if engine is not None:
            link_engines(site)
        return site

    return run


@dataclass
class Opened:
    """A loaded page and the console errors it has reported so far."""

    page: object
    errors: list[str] = field(default_factory=list)

    def cls(self) -> float:
        """Cumulative layout shift since the page started loading."""
        return self.page.evaluate("window.__cls")

    def unfitted_frames(self) -> list[str]:
        """Frames (in the first 10 s) painted while rendered, visible math was not fitted."""
        return self.page.evaluate("window.__unfitted")


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., Opened]]:
    """``open_page(url, width, height=800, block_script=False)``: a new page of that size
    (own context) at ``url``, with console errors and layout shift recorded. With
    ``block_script`` the mathscale script is not loaded (the page as it would be without it).
    """
    contexts = []

    def start(url: str, width: int, height: int = 800, block_script: bool = False) -> Opened:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        context.add_init_script(_INIT)
        if block_script:
            context.route("**/mathscale.js*", lambda route: route.fulfill(body=""))
        page = context.new_page()
        opened = Opened(page)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.goto(url)
        return opened

    yield start
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def engine_site(build_site, serve) -> Callable[[str, str], str]:
    """``engine_site(engine, theme)``: base URL of the shared test site (fit_site.DOCS) for
    that engine and theme, built and served once per session."""
    cache: dict[tuple[str, str], str] = {}

    def get(engine: str, theme: str = "material") -> str:
        key = (engine, theme)
        if key not in cache:
            cache[key] = serve(build_site(DOCS, mkdocs_config(theme), engine))
        return cache[key]

    return get


@pytest.fixture(scope="session")
def variant_site(build_site, serve, tmp_path_factory) -> Callable[[str, str], str]:
    """``variant_site(variant, theme)``: base URL of fit_site's pages built with the plugin,
    their head loading that output variant of fit_outputs (KaTeX's: the index equations
    pre-rendered), built and served once per session."""
    cache: dict[tuple[str, str], str] = {}

    def get(variant: str, theme: str) -> str:
        if (variant, theme) not in cache:
            config = mkdocs_config(theme)
            folder = tmp_path_factory.mktemp("override")
            config["theme"]["custom_dir"] = str(output_override(variant, folder))
            docs = {"index.md": katex_page()} if variant == "katex-server" else DOCS
            site = build_site(docs, config)
            link_engines(site)
            cache[(variant, theme)] = serve(site)
        return cache[(variant, theme)]

    return get


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the repository root (git-ignored), for screenshots."""
    path = Path(__file__).resolve().parents[2] / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def load(open_page) -> Callable[..., Opened]:
    """``load(url, width, block_script=False)``: ``open_page`` then wait until typeset."""
    from .fitcheck import wait_typeset

    def start(url: str, width: int, block_script: bool = False) -> Opened:
        opened = open_page(url, width, block_script=block_script)
        wait_typeset(opened.page)
        return opened

    return start
