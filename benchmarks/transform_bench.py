"""The transform alone, in process, on the pages a plain build wrote (what on_post_page sees).

Timed in CPU time of this process: on a shared machine wall time would count other work.
"""

from __future__ import annotations

import time
from pathlib import Path

import stats

from mkdocs_mathscale.transform import transform


def time_pages(site_dir: Path, rounds: int = 3) -> dict[str, object]:
    """Median CPU time per page of transform(), split by pages with and without display math,
    and the CPU time for the whole site."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(site_dir.rglob("*.html"))]
    with_math: list[float] = []
    without: list[float] = []
    for _ in range(rounds):
        for html in pages:
            start = time.process_time()
            result = transform(html, raw_tex=False)
            elapsed = (time.process_time() - start) * 1000
            (with_math if result.equations else without).append(elapsed)
    return {
        "pages": len(pages),
        "math_page_ms": stats.median(with_math) if with_math else None,
        "plain_page_ms": stats.median(without) if without else None,
        "math_pages": len(with_math) // rounds,
        "plain_pages": len(without) // rounds,
        "total_cpu_s": (sum(with_math) + sum(without)) / rounds / 1000,
    }
