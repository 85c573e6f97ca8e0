"""Debian's Chromium as the tests, the benchmarks and the screenshot script launch it.

A settings file, not a module on any path: each of them reads it by path with
``runpy.run_path`` and takes ``CHROMIUM`` and ``CHROMIUM_ARGS``."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps dialling Google's hosts, which this closed network refuses.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
