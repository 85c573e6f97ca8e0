"""The transform on pathological page shapes at 1x, 2x, 4x and 8x their base size.

Each shape is one a hostile or unusual page can have (raw HTML, other plugins' output): time
must grow linearly with size (each step about 2x), never faster. Every call runs in its own
process with a time limit, so a version that backtracks or goes quadratic shows as "> LIMIT"
instead of hanging the run. CPU time of that process, best of three calls.

    python benchmarks/shapes_bench.py [--transform FILE] [--limit SECONDS]

``--transform`` times another version of ``transform.py`` (for example one written out with
``git show OLD:mkdocs_mathscale/transform.py``) instead of the installed package.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Callable

SIZES = (1, 2, 4, 8)


def _unterminated_start_tag(n: int) -> str:
    # A start tag that never ends: the rest of the page is inside it.
    return '<div>$$x$$</div><p><a title="' + "x" * (2_000 * n)


def _deep_nesting(n: int) -> str:
    depth = 2_500 * n
    return "<div>" * depth + "<p>$$x$$</p>" + "</div>" * depth


def _script_end_tags_without_close(n: int) -> str:
    return "<div>$$x$$</div><script>" + "</script " * (2_500 * n)


def _misnested_end_tags(n: int) -> str:
    # End tags the tree builder ignores, each under many open elements.
    return "<div>" * 500 + "</span><p>$$x$$</p>" * (500 * n)


def _many_equations(n: int) -> str:
    return "<p>Text $$x^2$$ and \\[y\\].</p>" * (1_000 * n)


def _unclosed_formatting(n: int) -> str:
    # Formatting elements closed too early are recreated at every paragraph.
    return "<p><b><i>x</p>" + "<p>$$x$$</p>" * (1_000 * n)


def _blocks_left_open(n: int) -> str:
    # Paragraphs the scan tries to step over whole and reads tag by tag after all.
    block = '<p>a <em>b</em> <span class="arithmatex">\\(x\\)</span> <a href="#c">c</a>'
    return '<div class="arithmatex">\\[x\\]</div>' + block * (1_000 * n)


def _dollars_in_a_paragraph(n: int) -> str:
    # Single dollars in a paragraph stepped over whole, each a piece of its own.
    return '<div class="arithmatex">\\[x\\]</div><p>' + "$a" * (10_000 * n) + "</p>"


SHAPES: dict[str, Callable[[int], str]] = {
    "unterminated start tag": _unterminated_start_tag,
    "deep nesting": _deep_nesting,
    "'</script ' without '>'": _script_end_tags_without_close,
    "ignored end tags": _misnested_end_tags,
    "many equations": _many_equations,
    "formatting closed early": _unclosed_formatting,
    "paragraphs left open": _blocks_left_open,
    "dollars in a paragraph": _dollars_in_a_paragraph,
}


def _load(path: str | None) -> Callable[..., object]:
    if path is None:
        from mkdocs_mathscale.transform import transform

        return transform
    spec = importlib.util.spec_from_file_location("measured_transform", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.transform  # type: ignore[no-any-return]


def _one(shape: str, size: int, path: str | None) -> None:
    """Child process: print the best CPU seconds of three calls."""
    transform = _load(path)
    html = SHAPES[shape](size)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        transform(html)
        best = min(best, time.process_time() - start)
    print(json.dumps({"seconds": best, "chars": len(html)}))


def measure(path: str | None, limit: float) -> dict[str, list[float | None]]:
    """Seconds per shape and size (None where the limit was reached)."""
    results: dict[str, list[float | None]] = {}
    for shape in SHAPES:
        row: list[float | None] = []
        for size in SIZES:
            if row and row[-1] is None:
                row.append(None)
                continue
            command = [sys.executable, __file__, "--one", shape, str(size), "--limit", str(limit)]
            if path is not None:
                command += ["--transform", path]
            try:
                run = subprocess.run(
                    command, capture_output=True, text=True, timeout=limit * 3 + 5, check=True
                )
            except subprocess.TimeoutExpired:
                row.append(None)
                continue
            row.append(json.loads(run.stdout)["seconds"])
        results[shape] = row
    return results


def report(results: dict[str, list[float | None]], limit: float) -> str:
    """One line per shape: the time at each size and the growth from 1x to 8x."""
    lines = [f"{'shape':28}" + "".join(f"{f'{s}x':>12}" for s in SIZES) + "   8x/1x"]
    for shape, row in results.items():
        cells = "".join(
            f"{f'{t * 1000:.1f} ms' if t is not None else f'> {limit:g} s':>12}" for t in row
        )
        first, last = row[0], row[-1]
        growth = f"{last / first:7.1f}" if first and last else "      -"
        lines.append(f"{shape:28}{cells}   {growth}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--transform", help="a transform.py to time instead of the package's")
    parser.add_argument("--limit", type=float, default=10.0, help="seconds per call at most")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args.one[0], int(args.one[1]), args.transform)
        return
    print(report(measure(args.transform, args.limit), args.limit))


if __name__ == "__main__":
    main()
