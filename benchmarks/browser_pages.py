"""Test pages for the browser benchmark, and a local server for them (no CDN, 127.0.0.1 only).

Every page holds the same N display equations, produced the way a MkDocs site produces them
(Python-Markdown + pymdownx.arithmatex, generic mode). Only the fitting approach differs:

- ``none``      engine only, nothing fits the equations (the control);
- ``ours``      the page as the plugin builds it: real transform, real asset tags and files;
- ``snippet``   the article's snippet ported to MathJax 3, run once after typesetting, and
                re-run on every resize event for the resize sweep (hypothetical: the article's
                snippet never re-runs; the sweep shows what re-running it would cost);
- ``mj4-scale`` MathJax 4's own ``output.displayOverflow: 'scale'``.

KaTeX pages (``none`` and ``ours``) render with KaTeX's auto-render extension, synchronously in
one script after the article, and number nothing (KaTeX has no automatic numbering).
"""

from __future__ import annotations

import functools
import http.server
import json
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import markdown
import texpool

from mkdocs_mathscale.inject import asset_tags, inject, option_attributes
from mkdocs_mathscale.transform import transform

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / "vendor" / "engines" / "node_modules"
ASSETS = REPO / "mkdocs_mathscale" / "assets"
HERE = Path(__file__).resolve().parent

APPROACHES = {
    "mj3": ("none", "ours", "snippet"),
    "mj4": ("none", "ours", "mj4-scale"),
    "katex": ("none", "ours"),
}
ENGINE_SCRIPT = {
    "mj3": "/node_modules/mathjax3/es5/tex-chtml.js",
    "mj4": "/node_modules/mathjax4/tex-chtml.js",
}
_KATEX = "/node_modules/katex19/dist/"  # what katex@0 loads today
# KaTeX renders the page in one synchronous call; the harness's "typeset done" follows it.
_KATEX_RENDER = """
var b = window.__bench;
b.typesetStart = performance.now();
renderMathInElement(document.querySelector("main"), {
  delimiters: [{left: "\\\\[", right: "\\\\]", display: true}],
  throwOnError: false,
});
(%(typeset_done)s)();"""

# Runs first in <head>: collects layout shifts, and times the runtime's first pass. The page's
# own observers (only the runtime creates any) get their callbacks wrapped: each call first
# settles whatever layout others left dirty (the browser would do that layout anyway), then is
# timed; the first pass is the sum of those calls until every wrapper has --mathscale-w (a
# MutationObserver on the wrappers' style, which runs right after the call that wrote the
# last one, notes that moment).
_HARNESS = """
window.__bench = {shifts: [], fitEnd: null, fitLayout: null, wrappers: 0, flushMs: null,
                  observerMs: 0, observerCalls: 0};
var NativeMutationObserver = window.MutationObserver;
[["MutationObserver", window.MutationObserver], ["ResizeObserver", window.ResizeObserver]]
  .forEach(function (pair) {
    var Original = pair[1];
    window[pair[0]] = function (callback) {
      return new Original(function (records, observer) {
        var b = window.__bench;
        void document.documentElement.offsetHeight;
        var t = performance.now();
        try { return callback(records, observer); }
        finally {
          if (b.typesetDone !== undefined && b.fitEnd === null) {
            b.observerMs += performance.now() - t;
            b.observerCalls += 1;
          }
        }
      });
    };
  });
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) {
    window.__bench.shifts.push({t: e.startTime, v: e.value, input: e.hadRecentInput});
  });
}).observe({type: "layout-shift", buffered: true});
new NativeMutationObserver(function (records, observer) {
  var b = window.__bench;
  if (b.typesetDone === undefined) return;
  if (document.querySelector('.mathscale:not([style*="--mathscale-w"])')) return;
  b.fitEnd = performance.now();
  void document.documentElement.offsetHeight;
  b.fitLayout = performance.now();
  observer.disconnect();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["style"]});
"""

# Runs as a MathJax render action right after "update" (the action that puts the typeset output
# into the DOM), in the same synchronous pass: the moment the output is in the DOM, before any
# observer or promise callback can react to it. The page's first layout (which the browser
# does anyway before it paints) is forced and timed on its own first, so that the fitting pass
# is charged only for the work it adds.
_TYPESET_DONE = """function () {
  var b = window.__bench;
  if (b.typesetDone !== undefined) return;
  b.typesetEnd = performance.now();
  void document.documentElement.offsetHeight;
  b.flushMs = performance.now() - b.typesetEnd;
  b.wrappers = document.querySelectorAll(".mathscale").length;
  b.typesetDone = performance.now();
  // The first frame that paints the typeset output; shifts after it are late ones.
  requestAnimationFrame(function () {
    requestAnimationFrame(function (t) { b.firstFrame = t; });
  });
  %(after)s
}"""

_PAGE_READY = """function () {
  var b = window.__bench;
  b.typesetStart = performance.now();
  %(instrument)s
  return MathJax.startup.defaultPageReady();
}"""

_SNIPPET_AFTER = """
    benchSnippet();
    b.fitEnd = performance.now();
    void document.documentElement.offsetHeight;
    b.fitLayout = performance.now();"""

_NONE_AFTER = """
    b.fitEnd = b.typesetDone;
    b.fitLayout = b.typesetDone;"""

# MathJax 4 folds its scaling into typesetting: the container widths come from getMetrics
# (which runs in every overflow mode) and the scale is applied in the output jax's setScale.
# Both are timed in place so the fitting share of MathJax's own work can be reported.
_MJ4_INSTRUMENT = """
  var out = MathJax.startup.output;
  b.setScaleMs = 0; b.getMetricsMs = 0;
  var setScale = out.setScale, getMetrics = out.getMetrics;
  out.setScale = function () {
    var t = performance.now();
    try { return setScale.apply(this, arguments); }
    finally { b.setScaleMs += performance.now() - t; }
  };
  out.getMetrics = function () {
    var t = performance.now();
    try { return getMetrics.apply(this, arguments); }
    finally { b.getMetricsMs += performance.now() - t; }
  };"""

# MathJax's "update" render action has priority 200 (STATE.INSERTED) in versions 3 and 4.
_AFTER_UPDATE = 250

_MJ3_CONFIG = {
    "tex": {
        "inlineMath": [["\\(", "\\)"]],
        "displayMath": [["\\[", "\\]"]],
        "tags": "ams",
    },
    "options": {"ignoreHtmlClass": ".*|", "processHtmlClass": "arithmatex"},
}


def _mj4_config(scale: bool) -> dict[str, object]:
    config: dict[str, object] = json.loads(json.dumps(_MJ3_CONFIG))
    config["output"] = {"displayOverflow": "scale" if scale else "overflow"}
    # Local fonts: MathJax 4 resolves [fonts] to a CDN unless told otherwise.
    config["loader"] = {"paths": {"fonts": "/node_modules/@mathjax"}}
    # Speech, Braille and semantic enrichment run SRE on every formula and would dominate
    # the timings; they have nothing to do with fitting, so the benchmark turns them off.
    config["options"]["menuOptions"] = {  # type: ignore[index]
        "settings": {
            "enrich": False,
            "speech": False,
            "braille": False,
            "collapsible": False,
            "assistiveMml": False,
        }
    }
    return config


def equations_markdown(count: int, seed: int = 15) -> str:
    """Markdown with `count` display equations of mixed widths and short prose between them."""
    rng = random.Random(seed)
    parts = ["# Benchmark page", ""]
    for _ in range(count):
        prose = texpool.paragraph(rng, 25, inline_math=False)
        parts += [prose, "", texpool.display_block(rng), ""]
    return "\n".join(parts)


def _article(count: int) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    return md.convert(equations_markdown(count))


@functools.cache
def article_html(count: int) -> str:
    """The rendered article body for `count` equations (cached: pages share it)."""
    return _article(count)


def _mathjax_config(engine: str, approach: str, typeset_done: str) -> str:
    """MathJax's configuration, with the harness's render action and page-ready hook."""
    config = _mj4_config(approach == "mj4-scale") if engine == "mj4" else _MJ3_CONFIG
    page_ready = _PAGE_READY % {"instrument": _MJ4_INSTRUMENT if engine == "mj4" else ""}
    return (
        f"window.MathJax = {json.dumps(config)};"
        f"MathJax.options.renderActions = {{benchTypesetDone: [{_AFTER_UPDATE}, "
        f"{typeset_done}, function () {{}}, false]}};"
        f"MathJax.startup = {{pageReady: {page_ready}}};"
    )


def page_html(engine: str, approach: str, count: int) -> str:
    """The full test page for one engine, approach and equation count."""
    if approach not in APPROACHES[engine]:
        raise ValueError(f"approach {approach!r} does not apply to engine {engine!r}")
    after = {"snippet": _SNIPPET_AFTER, "none": _NONE_AFTER}
    typeset_done = _TYPESET_DONE % {
        "after": after.get(approach, _NONE_AFTER if approach == "mj4-scale" else ""),
    }
    if engine == "katex":
        engine_html = (
            f'<link rel="stylesheet" href="{_KATEX}katex.min.css">'
            f'<script src="{_KATEX}katex.min.js"></script>'
            f'<script src="{_KATEX}contrib/auto-render.min.js"></script>'
            f"<script>{_KATEX_RENDER % {'typeset_done': typeset_done}}</script>"
        )
    else:
        engine_html = f"<script>{_mathjax_config(engine, approach, typeset_done)}</script>"
        engine_html += f'<script src="{ENGINE_SCRIPT[engine]}"></script>'
    extra = ""
    if approach == "snippet":
        extra = (
            '<script src="/bench/snippet_mj3.js"></script>'
            '<script>window.addEventListener("resize", function () {benchSnippet();});</script>'
        )
    html = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{engine} {approach} {count}</title><script>{_HARNESS}</script>"
        "<style>body{margin:0;font:16px/1.6 Georgia,serif}"
        "main{max-width:46rem;margin:0 auto;padding:0 16px}</style>"
        f"</head><body><main>{article_html(count)}</main>{extra}"
        f"{engine_html}</body></html>"
    )
    if approach == "ours":
        result = transform(html, raw_tex=False)
        if result.equations != count:
            raise RuntimeError(f"transform wrapped {result.equations} equations, not {count}")
        tags = asset_tags(
            "/mathscale/mathscale.css",
            "/mathscale/mathscale.js",
            option_attributes({"min_scale": 0.6, "zoom": True}),
        )
        html = inject(result.html, tags)
    return html


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the generated pages, the engines and the assets; cross-origin isolated so that
    performance.now() has 5 µs resolution instead of 100 µs."""

    pages: ClassVar[dict[str, str]] = {}
    assets: ClassVar[Path] = ASSETS

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        for prefix, root in (
            ("/node_modules/", NODE_MODULES),
            ("/mathscale/", self.assets),
            ("/bench/", HERE),
        ):
            if path.startswith(prefix):
                return str(root / path[len(prefix) :])
        return str(HERE / "__nothing__")

    def do_GET(self) -> None:
        page = self.pages.get(self.path.split("?", 1)[0])
        if page is None:
            super().do_GET()
            return
        body = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(pages: dict[str, str], assets: Path = ASSETS) -> Iterator[str]:
    """Serve `pages` (path → HTML), the engines, and the runtime assets from `assets`;
    yields the base URL."""
    handler = type("Handler", (_Handler,), {"pages": pages, "assets": assets})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
