"""`mkdocs serve` rebuilds never duplicate wrappers or asset tags."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .build_helpers import display_math, head_tags, nested_wrappers, parse, read, wrappers

PAGE = "# Home\n\n$$\na\n$$\n\n$$\nb\n$$\n"


def test_rebuilding_with_the_same_plugin_instance_gives_the_same_pages(site):
    s = site().page("index.md", PAGE)
    s.build()  # writes the config file
    config = load_config(str(s.root / "site.yml"), strict=True)

    build(config)
    first = read(s.root / "site" / "index.html")
    build(config)
    second = read(s.root / "site" / "index.html")

    assert second == first
    tree = parse(second)
    assert len(wrappers(tree)) == 2
    assert second.count('id="mathscale-js"') == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")


def edited(html: str) -> str | None:
    return html if "Edited." in html else None


def test_live_reload_rebuild_after_an_edit_keeps_one_wrapper_per_equation(tmp_path: Path):
    config = {
        "site_name": "Serve",
        "markdown_extensions": [{"pymdownx.arithmatex": {"generic": True}}],
        "plugins": ["mathscale"],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "index.md"
    doc.write_text(PAGE, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        wait_for(lambda: "mathscale" in fetch(url))
        doc.write_text(PAGE + "\nEdited.\n\n$$\nc\n$$\n", encoding="utf-8")
        served = wait_for(lambda: edited(fetch(url)))
    finally:
        server.terminate()
        server.wait(timeout=30)

    tree = parse(served)
    assert len(display_math(tree)) == len(wrappers(tree)) == 3
    assert nested_wrappers(tree) == 0
    assert set(head_tags(tree)) == {"css", "js"}
    assert served.count('id="mathscale-js"') == 1
