"""Every benchmark in one run, with its baselines, printed as one summary table (`make bench`).

    .venv/bin/python benchmarks/run.py            full run (what benchmarks/README.md records)
    .venv/bin/python benchmarks/run.py --quick    small sizes, one repetition: a sanity run
    --only bytes,shapes,build,browser,resize      a subset, merged into the previous results
    --no-readme                                   leave README.md alone (--quick always does)
    --pairs N                                     build pairs per site (full: 5, quick: 2)
    --resize-reps N                               resize sweeps per page (full: 3, quick: 1)

These are figures, not tests: nothing here fails on time. The machine is shared and noisy, so
runs are interleaved (A B A B…) and reported as median [min..max]; ratios matter more than
absolute times.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import browser_bench
import browser_pages
import build_bench
import report
import shapes_bench
import sitegen
import sizes
import transform_bench
from playwright.sync_api import Browser

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
EXAMPLE_CONFIG = REPO / "site_example" / "mkdocs.yml"


@dataclass(frozen=True)
class Profile:
    """Sizes of one run."""

    name: str
    math_pages: int
    plain_pages: int
    nomath_pages: int
    pairs: int
    equations: int
    reps: int
    sweep_counts: tuple[int, ...]
    sweep_reps: int
    resize_steps: int
    resize_counts: tuple[int, ...]
    resize_reps: int


FULL = Profile("full", 1000, 200, 200, 5, 1000, 3, (50, 100, 250, 500, 1000), 1, 40, (200, 1000), 3)
QUICK = Profile("quick", 60, 12, 30, 2, 200, 1, (50, 100, 200), 1, 10, (200,), 1)


def _chromium_version() -> str:
    out = subprocess.run(
        [browser_bench.CHROMIUM, "--version"], capture_output=True, text=True, check=False
    )
    return out.stdout.strip() or "unknown"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _code_version() -> str:
    """The commit measured, and whether the plugin's files differed from it."""
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "mkdocs_mathscale"],
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout.strip()
    return f"{head or 'unknown'}{' + uncommitted plugin changes' if dirty else ''}"


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    return {
        "code": _code_version(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "chromium": _chromium_version(),
        "load_before": os.getloadavg(),
    }


def run_bytes(_profile: Profile) -> dict[str, object]:
    """Raw and gzipped sizes of the assets."""
    return {**sizes.asset_sizes(), "_together": sizes.injected_together()}


def run_shapes(_profile: Profile) -> dict[str, object]:
    """The transform on pathological page shapes at 1x to 8x (shapes_bench.py)."""
    results = shapes_bench.measure(None, limit=10.0)
    print(f"shapes:\n{shapes_bench.report(results, 10.0)}", flush=True)
    return dict(results)


def run_build(profile: Profile) -> dict[str, object]:
    """The three build comparisons (synthetic blog, math-free site, example site)."""
    results: dict[str, object] = {}
    root = OUT / "sites"
    shutil.rmtree(root, ignore_errors=True)
    blog = sitegen.generate_math_site(root / "blog", profile.math_pages, profile.plain_pages)
    plain = sitegen.generate_plain_site(root / "nomath", profile.nomath_pages)
    sites = [("blog", blog.config), ("nomath", plain.config)]
    if EXAMPLE_CONFIG.exists():
        sites.append(("example", EXAMPLE_CONFIG))
    else:
        results["example"] = {"skipped": f"{EXAMPLE_CONFIG.relative_to(REPO)} does not exist"}
    captured: dict[str, Path] = {}
    for name, config in sites:
        print(f"build: {name} ({config})", flush=True)
        try:
            comparison = build_bench.compare(name, config, OUT / "builds" / name, profile.pairs)
            captured[name] = build_bench.capture_pages(config, OUT / "builds" / name)
            account = build_bench.plugin_account(config, OUT / "builds" / name)
        except RuntimeError as error:
            if name != "example":
                raise
            reason = str(error).strip().splitlines()[-1]
            results[name] = {"skipped": f"example site does not build: {reason}"}
            continue
        results[name] = {**comparison.as_dict(), "account": account}
    # After all builds: reading every page grows this process, and a child's peak RSS counts
    # the parent's pages it starts from.
    for name, config in sites:
        if name in captured:
            timed = transform_bench.time_pages(config, captured[name])
            print(f"transform: {name}\n{transform_bench.report(timed)}", flush=True)
            results[name]["transform"] = timed  # type: ignore[index]
    results["blog"]["pages"] = {  # type: ignore[index]
        "math": blog.math_pages,
        "plain": blog.plain_pages,
        "equations_per_page": blog.equations,
    }
    results["nomath"]["pages"] = {"plain": plain.plain_pages}  # type: ignore[index]
    return results


HEADLINE = [
    ("mj3", "none"),
    ("mj3", "ours"),
    ("mj3", "snippet"),
    ("mj4", "none"),
    ("mj4", "ours"),
    ("mj4", "mj4-scale"),
]
CHARTED = [("mj3", "ours"), ("mj3", "snippet"), ("mj4", "mj4-scale"), ("mj4", "ours")]
# The resize sweep's comparison, per engine: mathscale against the same page without fitting.
RESIZED = [(e, a) for e in ("mj3", "mj4", "katex") for a in ("none", "ours")]
# Approaches whose resize cost is shown once, for comparison (headline run, first repetition).
RESIZED_ONCE = ("mj3:snippet", "mj4:mj4-scale")


def _pages(profile: Profile) -> dict[str, str]:
    counts = sorted(set(profile.sweep_counts) | {profile.equations})
    return {
        f"/{engine}/{approach}/{count}": browser_pages.page_html(engine, approach, count)
        for engine, approaches in browser_pages.APPROACHES.items()
        for approach in approaches
        for count in counts
    }


def run_resize(profile: Profile) -> dict[str, object]:
    """Per equation count, per engine and approach: the resize sweep's cost (thread time over
    the sweep, and its number of steps), one entry per repetition, the pages interleaved
    within each repetition."""
    snapshot = OUT / "assets-snapshot-resize"
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(browser_pages.ASSETS, snapshot)
    pages = {
        f"/{engine}/{approach}/{count}": browser_pages.page_html(engine, approach, count)
        for engine, approach in RESIZED
        for count in profile.resize_counts
    }
    with browser_pages.serve(pages, snapshot) as base, browser_bench.chromium() as browser:
        steps = _resize_steps(profile, browser, base)
    return {"assets": {p.name: _digest(p) for p in sorted(snapshot.iterdir())}, "steps": steps}


def _resize_steps(profile: Profile, browser: Browser, base: str) -> dict[str, dict[str, list]]:
    got: dict[str, dict[str, list]] = {}
    for rep in range(profile.resize_reps):
        for count in profile.resize_counts:
            for engine, approach in RESIZED:
                key = f"{engine}:{approach}"
                url = f"{base}/{engine}/{approach}/{count}"
                sweep = browser_bench.measure(browser, url, profile.resize_steps).sweep
                assert sweep is not None
                per_step = asdict(sweep)
                got.setdefault(str(count), {}).setdefault(key, []).append(per_step)
                step = {k: v / sweep.steps for k, v in per_step.items() if k != "steps"}
                print(
                    f"resize {rep + 1}/{profile.resize_reps} {key} n={count}: all tasks "
                    f"{step['task_ms']:.1f} ms/step, style {step['style_ms']:.1f}, "
                    f"layout {step['layout_ms']:.1f}, script {step['script_ms']:.1f}",
                    flush=True,
                )
    return got


def _fit_text(got: browser_bench.FirstPass) -> str:
    if got.mj4_set_scale_ms is not None and got.wrappers == 0:
        return f"MathJax 4 setScale {got.mj4_set_scale_ms:.1f} ms"
    return f"fit {got.fit_ms:.1f} ms, with layout {got.fit_layout_ms:.1f} ms"


def run_browser(profile: Profile) -> dict[str, object]:
    """Headline page (first pass, layout shift, resize sweep), then the equation-count sweep.

    Approaches are interleaved within each repetition; the resize sweep runs on the first
    repetition's pages, after their first pass.
    """
    n = profile.equations
    first_pass: dict[str, list[dict[str, object]]] = {}
    shift: dict[str, list[dict[str, object]]] = {}
    resize: dict[str, dict[str, float]] = {}
    sweep: dict[str, dict[int, list[dict[str, object]]]] = {}
    # Other work may change the runtime while this runs: every page gets the same snapshot.
    snapshot = OUT / "assets-snapshot"
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(browser_pages.ASSETS, snapshot)
    served = browser_pages.serve(_pages(profile), snapshot)
    with served as base, browser_bench.chromium() as browser:
        for rep in range(profile.reps):
            for engine, approach in HEADLINE:
                key = f"{engine}:{approach}"
                started = time.perf_counter()
                steps = profile.resize_steps if rep == 0 and key in RESIZED_ONCE else 0
                got = browser_bench.measure(browser, f"{base}/{engine}/{approach}/{n}", steps)
                first_pass.setdefault(key, []).append(asdict(got.first))
                shift.setdefault(key, []).append(asdict(got.shift))
                line = f"{rep + 1}/{profile.reps} {key} n={n}: {_fit_text(got.first)}"
                line += f", layout shift {got.shift.total:.4f}"
                if got.sweep:
                    resize[key] = asdict(got.sweep)
                    line += f", resize script {got.sweep.script_ms:.0f} ms/{got.sweep.steps}"
                print(f"{line} ({time.perf_counter() - started:.0f} s)", flush=True)
        for _ in range(profile.sweep_reps):
            for count in profile.sweep_counts:
                if count == n:
                    continue  # the headline runs above are this point of the sweep
                for engine, approach in CHARTED:
                    key = f"{engine}:{approach}"
                    got = browser_bench.measure(browser, f"{base}/{engine}/{approach}/{count}")
                    sweep.setdefault(key, {}).setdefault(count, []).append(asdict(got.first))
                    print(f"sweep {key} n={count}: {_fit_text(got.first)}", flush=True)
        for engine, approach in CHARTED:
            key = f"{engine}:{approach}"
            sweep.setdefault(key, {})[n] = first_pass[key]
    return {
        "equations": n,
        "assets": {p.name: _digest(p) for p in sorted(snapshot.iterdir())},
        "first_pass": first_pass,
        "shift": shift,
        "resize": resize,
        "sweep": sweep,
    }


PARTS = {
    "bytes": run_bytes,
    "shapes": run_shapes,
    "build": run_build,
    "browser": run_browser,
    "resize": run_resize,
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument(
        "--only", default="bytes,shapes,build,browser,resize", help="comma-separated subset"
    )
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite README.md")
    parser.add_argument("--pairs", type=int, help="build pairs per site (default: the profile's)")
    parser.add_argument(
        "--resize-reps", type=int, help="resize sweeps per page (default: the profile's)"
    )
    args = parser.parse_args()
    profile = QUICK if args.quick else FULL
    if args.pairs:
        profile = replace(profile, pairs=args.pairs)
    if args.resize_reps:
        profile = replace(profile, resize_reps=args.resize_reps)
    wanted = set(args.only.split(","))
    unknown = wanted - set(PARTS)
    if unknown:
        parser.error(f"--only: unknown part(s) {sorted(unknown)}; allowed: {', '.join(PARTS)}")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    OUT.mkdir(exist_ok=True)
    saved = OUT / f"results-{profile.name}.json"
    # A partial run (--only) updates its parts of the previous results of the same profile.
    results: dict[str, object] = {}
    if wanted != set(PARTS) and saved.exists():
        results = json.loads(saved.read_text())
    results["profile"] = asdict(profile)
    for part, run in PARTS.items():
        if part not in wanted:
            continue
        started = time.perf_counter()
        context = machine()
        results[part] = run(profile)
        context["load_after"] = os.getloadavg()
        context["minutes"] = (time.perf_counter() - started) / 60
        results[f"{part}_run"] = context
    saved.write_text(json.dumps(results, indent=1))
    table = report.summary_table(results)
    print()
    print(table)
    if profile.name == "full" and not args.no_readme:
        report.write_readme(results, HERE / "README.md", HERE / "fitting-pass.svg")
        print(f"\nwrote {HERE / 'README.md'} and {HERE / 'fitting-pass.svg'}")


if __name__ == "__main__":
    sys.exit(main())
