"""Write the asset tags and the runtime options into a built page's ``<head>``."""

from __future__ import annotations

import re
from collections.abc import Mapping

SCRIPT_ID = "mathscale-js"
HEAD_END = re.compile(r"</head\s*>", re.I)
BODY_START = re.compile(r"<body(?:\s[^>]*)?>", re.I)


def option_attributes(options: Mapping[str, object]) -> str:
    """``options`` as ``data-*`` attributes of the script tag (``min_scale`` becomes
    ``data-min-scale``; booleans are written ``true``/``false``)."""
    attributes = ""
    for name, value in options.items():
        text = str(value).lower() if isinstance(value, bool) else str(value)
        attributes += f' data-{name.replace("_", "-")}="{_attr(text)}"'
    return attributes


def asset_tags(css_url: str, js_url: str | None, attributes: str = "") -> str:
    """The stylesheet link, and unless ``js_url`` is None the deferred script carrying the
    options as ``attributes`` (see ``option_attributes``)."""
    tags = f'<link rel="stylesheet" href="{_attr(css_url)}">'
    if js_url is not None:
        tags += f'<script defer id="{SCRIPT_ID}" src="{_attr(js_url)}"{attributes}></script>'
    return tags


def inject(html: str, tags: str) -> str:
    """Insert ``tags`` at the end of ``<head>`` (else at the start of ``<body>``, else first)."""
    head_end = HEAD_END.search(html)
    if head_end is not None:
        at = head_end.start()
    else:
        body = BODY_START.search(html)
        at = body.end() if body is not None else 0
    return html[:at] + tags + html[at:]


def has_assets(html: str) -> bool:
    """Whether the page already carries the plugin's script (a theme override may add it)."""
    return f'id="{SCRIPT_ID}"' in html


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
