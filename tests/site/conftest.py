"""Shared set-up for the example-site tests: the seed pages."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The real seed pages beside the clone; required under CI, optional elsewhere."""
    if not (SEEDS / "articles.json").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"seed pages missing: {SEEDS} (CI has ../shared beside the clone)")
        pytest.skip(f"seed pages not found at {SEEDS}")
    return SEEDS
