"""Small summaries for noisy timings: medians and the spread around them."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """Median of a non-empty sequence."""
    return statistics.median(values)


def spread(values: Sequence[float]) -> tuple[float, float]:
    """(min, max): with a handful of runs on a shared machine the range says more than a SD."""
    return min(values), max(values)


def describe(values: Sequence[float], unit: str = "ms", digits: int = 1) -> str:
    """'median unit [min..max]' for a table cell."""
    if not values:
        return "n/a"
    lo, hi = spread(values)
    return f"{median(values):.{digits}f} {unit} [{lo:.{digits}f}..{hi:.{digits}f}]"
