"""Write the asset tags and the runtime options into a built page's ``<head>``."""

from __future__ import annotations

from collections.abc import Mapping

from ._document import head
from ._html import attribute, start_tags

SCRIPT_ID = "mathscale-js"


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


def inject(html: str, tags: str, head_end: int | None = None) -> str:
    """Insert ``tags`` where a browser's ``<head>`` ends: before its real ``</head>`` tag, or
    where the head ends implicitly when that tag is omitted (after the doctype, before the
    first tag or text that starts the body). Never inside a title, an attribute value, a
    script or a comment. ``head_end``, when known (``transform()`` returns it), is that
    offset."""
    at = head(html).end if head_end is None else head_end
    return html[:at] + tags + html[at:]


def has_assets(html: str) -> bool:
    """Whether the page already carries the plugin's script, a ``<script>`` element with
    ``id="mathscale-js"`` (a theme override may add it); text that quotes it does not count."""
    if SCRIPT_ID not in html:
        return False
    return any(
        name == "script" and attribute(attrs, "id") == SCRIPT_ID
        for name, attrs in start_tags(html, len(html))
    )


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
