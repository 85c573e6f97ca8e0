"""The transform alone, in process, on each page exactly as the plugin's on_post_page gets it.

The pages come from an extra, untimed plain build with capture_hook.py: each page's output
HTML at the plugin's priority and its ``page.content``. Two calls are timed on every page,
in alternating order:

- the plugin's call: ``transform(output, exclude=…, raw_tex=…, within=page.content)``, with
  ``exclude`` and ``raw_tex`` set by the plugin's own ``on_config`` for that site; it scans
  only the content when the rest of the body shows no sign of math;
- the whole-page scan: the same call without ``within=``.

Pages that opt out in front matter are skipped, as the plugin skips them. Timed in CPU time of
this process: on a shared machine wall time would count other work.

    python benchmarks/transform_bench.py CONFIG PAGES.jsonl [--profile N]

times one captured site (written by run.py under benchmarks/out/builds/<site>/) and with
``--profile`` also prints the N costliest functions of the plugin's call on the pages with math.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import stats
from mkdocs.config import load_config

from mkdocs_mathscale.plugin import MathScalePlugin
from mkdocs_mathscale.transform import Result, transform

PLUGIN = "mathscale"


@dataclass(frozen=True)
class CapturedPage:
    """What on_post_page receives for one page."""

    name: str
    output: str
    content: str


@dataclass(frozen=True)
class Settings:
    """The transform options the plugin derives from the site's config."""

    exclude: tuple[str, ...]
    raw_tex: bool


@dataclass
class Timings:
    """CPU milliseconds per call, split by whether the page has display math."""

    with_math: list[float] = field(default_factory=list)
    without: list[float] = field(default_factory=list)

    def add(self, ms: float, has_math: bool) -> None:
        (self.with_math if has_math else self.without).append(ms)

    def summary(self, rounds: int) -> dict[str, float | None]:
        return {
            "math_page_ms": stats.median(self.with_math) if self.with_math else None,
            "plain_page_ms": stats.median(self.without) if self.without else None,
            "total_cpu_s": (sum(self.with_math) + sum(self.without)) / rounds / 1000,
        }


def plugin_settings(config: Path) -> Settings:
    """Run the plugin's own on_config on the site's config, as a build does."""
    cfg = load_config(str(config))
    plugin = cfg.plugins[PLUGIN]
    if not isinstance(plugin, MathScalePlugin):
        raise SystemExit(f"{config}: plugin {PLUGIN!r} is not mkdocs_mathscale's")
    plugin.on_config(cfg)
    return Settings(tuple(plugin.exclude), plugin.raw_tex)


def read_pages(captured: Path) -> tuple[list[CapturedPage], int]:
    """The captured pages the plugin transforms, and how many opted out."""
    pages: list[CapturedPage] = []
    opted_out = 0
    with captured.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["opted_out"]:
                opted_out += 1
                continue
            pages.append(CapturedPage(record["page"], record["output"], record["content"]))
    if not pages:
        raise SystemExit(f"{captured}: no pages captured")
    return pages, opted_out


def _timed(call: Callable[[], Result]) -> tuple[float, Result]:
    start = time.process_time()
    result = call()
    return (time.process_time() - start) * 1000, result


def time_pages(config: Path, captured: Path, rounds: int = 3) -> dict[str, object]:
    """Median CPU time per page of the plugin's call and of the whole-page scan, split by pages
    with and without display math, and the CPU time of each for the whole site."""
    settings = plugin_settings(config)
    pages, opted_out = read_pages(captured)
    plugin, whole = Timings(), Timings()
    mismatches: set[str] = set()
    for n in range(rounds):
        for page in pages:

            def as_plugin(page: CapturedPage = page) -> Result:
                return transform(
                    page.output,
                    exclude=settings.exclude,
                    raw_tex=settings.raw_tex,
                    within=page.content,
                )

            def whole_page(page: CapturedPage = page) -> Result:
                return transform(page.output, exclude=settings.exclude, raw_tex=settings.raw_tex)

            # Alternate which call goes first, so cache warmth falls on both alike.
            if n % 2 == 0:
                ms, got = _timed(as_plugin)
                whole_ms, whole_got = _timed(whole_page)
            else:
                whole_ms, whole_got = _timed(whole_page)
                ms, got = _timed(as_plugin)
            has_math = got.equations > 0
            plugin.add(ms, has_math)
            whole.add(whole_ms, has_math)
            # within= is only a hint: the page must come out the same either way.
            if got.html != whole_got.html:
                mismatches.add(page.name)
    math_pages = len(plugin.with_math) // rounds
    return {
        "pages": len(pages),
        "opted_out": opted_out,
        "math_pages": math_pages,
        "plain_pages": len(pages) - math_pages,
        "content_found": sum(page.content in page.output for page in pages),
        "mismatches": sorted(mismatches),
        "exclude": list(settings.exclude),
        "raw_tex": settings.raw_tex,
        "plugin": plugin.summary(rounds),
        "whole_page": whole.summary(rounds),
    }


def profile(config: Path, captured: Path, top: int) -> None:
    """cProfile of the plugin's call over the pages with display math, costliest first."""
    settings = plugin_settings(config)
    pages, _ = read_pages(captured)
    calls = [
        (page.output, page.content)
        for page in pages
        if transform(page.output, exclude=settings.exclude, raw_tex=settings.raw_tex).equations
    ]
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for output, content in calls:
        transform(output, exclude=settings.exclude, raw_tex=settings.raw_tex, within=content)
    profiler.disable()
    print(f"{len(calls)} pages with display math, the plugin's call once each")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def _line(label: str, got: dict[str, float | None]) -> str:
    math = got["math_page_ms"]
    plain = got["plain_page_ms"]
    return (
        f"{label}: {f'{math:.2f} ms' if math is not None else '-'} per page with math, "
        f"{f'{plain * 1000:.0f} µs' if plain is not None else '-'} per page without, "
        f"{got['total_cpu_s']:.2f} s CPU for the site"
    )


def report(got: dict[str, object]) -> str:
    """Both figures, one line each, for run.py's progress output."""
    lines = [
        f"  {got['pages']} pages ({got['math_pages']} with display math, {got['plain_pages']} "
        f"without, {got['opted_out']} opted out); page.content found verbatim in "
        f"{got['content_found']}",
        "  " + _line("plugin's call (within=page.content)", got["plugin"]),  # type: ignore[arg-type]
        "  " + _line("whole-page scan", got["whole_page"]),  # type: ignore[arg-type]
    ]
    if got["mismatches"]:
        lines.append(f"  OUTPUT DIFFERS between the two calls on: {got['mismatches']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", type=Path, help="the site's mkdocs.yml (plugin enabled)")
    parser.add_argument("captured", type=Path, help="pages.jsonl from capture_hook.py")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()
    if args.profile:
        profile(args.config, args.captured, args.profile)
    else:
        print(report(time_pages(args.config, args.captured, args.rounds)))


if __name__ == "__main__":
    main()
