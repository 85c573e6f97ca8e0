"""The runtime of the working tree against earlier ones, on the same pages, interleaved.

    .venv/bin/python benchmarks/runtimes_ab.py 91953de 93c6fec
    .venv/bin/python benchmarks/runtimes_ab.py 5b4240c --engines mj3 --counts 200 --reps 5

Each revision's `mkdocs_mathscale/assets` (taken with `git archive`) and the working tree's are
served side by side to the same benchmark pages (`browser_pages.py`, built by the current
transform), with the page without fitting as the control. Every repetition loads each page once,
starting with a different runtime each time, and measures the first fitting pass and the resize
sweep of `run.py` (`browser_bench.measure`). Figures only: medians [min..max], and the resize
cost per step as a ratio to the page without fitting measured in the same repetitions. The
pages follow the current build-time contract (CONTRACT.md): a revision whose runtime expects
other markup is not comparable this way.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import tarfile
from contextlib import ExitStack
from pathlib import Path

import browser_bench
import browser_pages
from stats import describe, median

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out" / "runtimes"
ASSETS = "mkdocs_mathscale/assets"
CURRENT = "working tree"
CONTROL = "no fitting"  # the page without the runtime


def _assets_of(revision: str) -> Path:
    """Unpack ``revision``'s runtime assets into OUT/<revision>/ and return that folder."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", revision, ASSETS], check=True, capture_output=True
    ).stdout
    target = OUT / revision
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / ASSETS


def _per_step(runs: list[browser_bench.PageRun], field: str) -> list[float]:
    """``field`` of each run's resize sweep, per step."""
    return [getattr(r.sweep, field) / r.sweep.steps for r in runs if r.sweep]


def _row(name: str, runs: list[browser_bench.PageRun], control: list[float] | None) -> str:
    task = _per_step(runs, "task_ms")
    ratio = f"{median(task) / median(control):.2f}x" if control else ""
    cells = [name, describe([r.first.fit_ms for r in runs])]
    cells += [describe([r.first.fit_layout_ms for r in runs]), describe(task), ratio]
    cells += [f"{median(_per_step(runs, f)):.1f}" for f in ("style_ms", "layout_ms", "script_ms")]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("revisions", nargs="+", help="git revisions whose runtime to compare")
    parser.add_argument("--engines", default="mj3,mj4", help="comma-separated: mj3, mj4, katex")
    parser.add_argument("--counts", default="1000", help="equations per page, comma-separated")
    parser.add_argument("--reps", type=int, default=3, help="loads of each page")
    parser.add_argument("--steps", type=int, default=40, help="resize steps per sweep")
    args = parser.parse_args()
    engines = args.engines.split(",")
    counts = [int(c) for c in args.counts.split(",")]
    runtimes = {rev: _assets_of(rev) for rev in args.revisions}
    runtimes[CURRENT] = browser_pages.ASSETS
    pages = {
        f"/{engine}/{approach}/{count}": browser_pages.page_html(engine, approach, count)
        for engine in engines
        for approach in ("none", "ours")
        for count in counts
    }
    got: dict[tuple[str, int, str], list[browser_bench.PageRun]] = {}
    with ExitStack() as stack:
        bases = {
            name: stack.enter_context(browser_pages.serve(pages, path))
            for name, path in runtimes.items()
        }
        browser = stack.enter_context(browser_bench.chromium())
        order = [*runtimes, CONTROL]
        for rep in range(args.reps):
            turn = order[rep % len(order) :] + order[: rep % len(order)]
            for count in counts:
                for engine in engines:
                    for name in turn:
                        approach = "none" if name == CONTROL else "ours"
                        base = bases.get(name, bases[CURRENT])
                        run = browser_bench.measure(
                            browser, f"{base}/{engine}/{approach}/{count}", args.steps
                        )
                        got.setdefault((engine, count, name), []).append(run)
                        task = _per_step([run], "task_ms")[0]
                        print(
                            f"{rep + 1}/{args.reps} {engine} n={count} {name}: first pass "
                            f"{run.first.fit_ms:.1f} ms ({run.first.fit_layout_ms:.1f} with "
                            f"layout), resize {task:.1f} ms/step",
                            flush=True,
                        )
    print()
    print(
        "| runtime | first pass | with layout | resize, all tasks per step | vs no fitting "
        "| style | layout | script |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for count in counts:
        for engine in engines:
            control = _per_step(got[(engine, count, CONTROL)], "task_ms")
            print(f"| **{engine}, {count} equations** | | | | | | | |")
            for name in order:
                print(_row(name, got[(engine, count, name)], None if name == CONTROL else control))


if __name__ == "__main__":
    main()
