"""The `site` fixture: a factory of small MkDocs sites in temporary folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .build_helpers import ARITHMATEX, Site


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Site]:
    """A factory of sites; the build date is pinned so two builds can be compared byte-wise."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    made = 0

    def make(theme: str | dict = "mkdocs", plugin: object = "mathscale", **config: object) -> Site:
        nonlocal made
        made += 1
        root = tmp_path / f"site{made}"
        root.mkdir()
        settings = {
            "site_name": "Test",
            "theme": theme if isinstance(theme, dict) else {"name": theme},
            "markdown_extensions": [ARITHMATEX],
            "plugins": ["search", plugin] if plugin else ["search"],
            **config,
        }
        return Site(root, settings)

    return make
