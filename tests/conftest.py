"""What the whole suite shares: on a Python that a tool cannot run on, its tests are deselected
(counted as deselected in pytest's summary, never skipped: under CI=true a skip is a failure)."""

from __future__ import annotations

import sys

import pytest

# pyproject.toml installs Zensical only where it runs: python_version >= '3.11'.
ZENSICAL = sys.version_info >= (3, 11)


def pytest_report_header() -> str | None:
    if ZENSICAL:
        return None
    return "zensical: not installed on Python < 3.11, the tests marked zensical are deselected"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if ZENSICAL:
        return
    deselected = [item for item in items if item.get_closest_marker("zensical")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("zensical")]
