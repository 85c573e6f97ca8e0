"""Make the before/after screenshots of the showcase page and the README.

    .venv/bin/python site_example/screenshots.py

Builds the example site twice, with and without the mathscale plugin, serves each on
127.0.0.1 and photographs the same long equation of one post in headless Chromium at phone
width (375 px), with the local MathJax 3. Writes docs/assets/screenshots/{before,after}-375.png.
"""

import functools
import http.server
import runpy
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).resolve().parent
# How the tests and the benchmarks launch Chromium too (a settings file, read by path).
_HEADLESS = runpy.run_path(str(HERE.parent / "scripts" / "headless.py"))
CHROMIUM, CHROMIUM_ARGS = _HEADLESS["CHROMIUM"], _HEADLESS["CHROMIUM_ARGS"]

OUT = HERE / "docs" / "assets" / "screenshots"
POST = "2024/11/29/10588/"
"""从Hessian近似看自适应学习率优化器: its numbered second-order expansion is the widest."""
EQUATION = 1
"""Which display equation of the post to frame (0-based)."""
WIDTH = 375
HEIGHT = 640


def build(site_dir: Path, with_plugin: bool) -> None:
    """Build the site into `site_dir`, dropping the mathscale plugin for the 'before' shot."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = yaml.safe_load((HERE / "mkdocs.yml").read_text(encoding="utf-8"))
    if not with_plugin:
        config["plugins"] = [p for p in config["plugins"] if p != "mathscale"]
    config["docs_dir"] = str(HERE / "docs")
    config["hooks"] = [str(HERE / h) for h in config["hooks"]]
    config_file = site_dir.parent / f"mkdocs-{site_dir.name}.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    mkdocs_build(load_config(str(config_file), site_dir=str(site_dir)))


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 on a free port for the duration of the block."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def shoot(page: Page, url: str, out: Path) -> None:
    """Photograph the chosen equation with some text above it, once MathJax has finished."""
    page.goto(url + POST)
    page.wait_for_function("window.MathJax?.startup?.promise !== undefined")
    page.evaluate("MathJax.startup.promise")
    page.evaluate("document.fonts.ready.then(() => new Promise(requestAnimationFrame))")
    page.wait_for_timeout(300)
    box = page.evaluate(
        """(i) => {
          const eq = document.querySelectorAll("div.arithmatex")[i];
          eq.scrollIntoView({block: "center"});
          const r = eq.getBoundingClientRect();
          return {top: r.top + scrollY, bottom: r.bottom + scrollY};
        }""",
        EQUATION,
    )
    middle = (box["top"] + box["bottom"]) / 2
    top = max(0, middle - HEIGHT / 2)
    # Scrolling swaps the header's title with an animation: let it finish.
    page.wait_for_timeout(1000)
    clip = {"x": 0, "y": top, "width": WIDTH, "height": HEIGHT}
    page.screenshot(path=str(out), clip=clip, full_page=True)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, with_plugin in (("before", False), ("after", True)):
                site = Path(tmp) / name
                build(site, with_plugin)
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                with serve(site) as url:
                    shoot(page, url, OUT / f"{name}-{WIDTH}.png")
                page.close()
                shutil.rmtree(site)
        finally:
            browser.close()
    print(f"wrote {OUT / f'before-{WIDTH}.png'} and {OUT / f'after-{WIDTH}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
