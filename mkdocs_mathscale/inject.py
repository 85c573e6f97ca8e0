"""Write the asset tags and the runtime options into a built page's ``<head>``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

CONFIG_ID = "mathscale-config"
HEAD_END = re.compile(r"</head\s*>", re.I)
BODY_START = re.compile(r"<body(?:\s[^>]*)?>", re.I)
# Inside <script> only "</script" and "<!--" can end or derail the element; escaping every
# <, > and & as JSON \u escapes rules out both while the JSON value stays the same.
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def config_json(options: Mapping[str, object]) -> str:
    """``options`` as JSON that can stand inside ``<script type="application/json">``."""
    text = json.dumps(options, separators=(",", ":"), ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def asset_tags(css_url: str, js_url: str | None, options_json: str | None) -> str:
    """The stylesheet link, and unless ``js_url`` is None the options and the deferred script."""
    tags = f'<link rel="stylesheet" href="{_attr(css_url)}">'
    if js_url is not None and options_json is not None:
        tags += (
            f'<script type="application/json" id="{CONFIG_ID}">{options_json}</script>'
            f'<script defer src="{_attr(js_url)}"></script>'
        )
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
    """Whether the page already carries the plugin's tags (a theme override may add them)."""
    return f'id="{CONFIG_ID}"' in html


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")
