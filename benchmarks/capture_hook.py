"""Record what the plugin's ``on_post_page`` receives, page by page, for transform_bench.

Registered by ``mkdocs_build.py --capture FILE`` in an extra plain build that is not timed.
It runs at the plugin's own priority and after every plugin of the config, as the plugin
(listed last) would, so each record holds the page exactly as the plugin would see it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

# mkdocs_mathscale/plugin.py decorates on_post_page with this priority.
PLUGIN_PRIORITY = 50


class PageCapture(BasePlugin):
    """Writes one JSON line per page: its source, the output HTML and ``page.content``."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.sink: TextIO | None = None

    def on_pre_build(self, config: MkDocsConfig) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.sink = self.path.open("w", encoding="utf-8")

    @event_priority(PLUGIN_PRIORITY)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.sink is None:
            raise RuntimeError("on_post_page before on_pre_build")
        record = {
            "page": page.file.src_uri,
            "opted_out": page.meta.get("mathscale", True) is False,
            "output": output,
            "content": page.content,
        }
        self.sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.sink is not None:
            self.sink.close()
            self.sink = None
