"""Shared set-up for the example-site tests: the importer on the path, the seed pages."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site_example"
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(SITE))


@pytest.fixture
def seeds_dir() -> Path:
    """The real seed pages beside the clone; required under CI, optional elsewhere."""
    if not (SEEDS / "articles.json").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"seed pages missing: {SEEDS} (CI has ../shared beside the clone)")
        pytest.skip(f"seed pages not found at {SEEDS}")
    return SEEDS
