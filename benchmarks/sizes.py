"""Bytes the plugin adds to a page: the served script and style, raw and gzip -9."""

from __future__ import annotations

import gzip

from mkdocs_mathscale import served


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def asset_sizes() -> dict[str, dict[str, object]]:
    """Per asset, as served (what the reader downloads) and as the packaged source; each file
    compressed on its own, as a server would send it."""
    sizes: dict[str, dict[str, object]] = {}
    for name in served.NAMES:
        data = served.served(name)
        source = (served.ASSETS_DIR / name).read_bytes()
        sizes[name] = {
            "raw": len(data),
            "gzip": _gz(data),
            "source_raw": len(source),
            "source_gzip": _gz(source),
            "injected": name in served.INJECTED,
        }
    return sizes


def injected_together() -> int:
    """The injected script and style gzipped as one stream (as the issue words the target:
    "JS + CSS gzipped together")."""
    return _gz(b"".join(served.served(name) for name in served.INJECTED))
