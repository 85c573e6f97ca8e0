"""Small MkDocs sites built for real in temporary folders, and ways to look at the result."""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import html5lib
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ASSETS = Path(__file__).parents[2] / "mkdocs_mathscale" / "assets"
ARITHMATEX = {"pymdownx.arithmatex": {"generic": True}}


class Site:
    """A docs folder plus mkdocs.yml in a temporary directory."""

    def __init__(self, root: Path, config: dict) -> None:
        self.root = root
        self.config = config

    def page(self, path: str, text: str) -> Site:
        file = self.root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return self

    def build(self, site_dir: str = "site", strict: bool = True, **overrides: object) -> Path:
        """Build (``--strict`` unless told) in this process; return the site folder."""
        config = {**self.config, **overrides, "site_dir": str(self.root / site_dir)}
        config_file = self.root / f"{site_dir}.yml"
        config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
        build(load_config(str(config_file), strict=strict))
        return self.root / site_dir


def parse(html: str) -> ET.Element:
    return html5lib.parse(html, namespaceHTMLElements=False)


def classes(element: ET.Element) -> list[str]:
    return (element.get("class") or "").split()


def wrappers(tree: ET.Element) -> list[ET.Element]:
    return [e for e in tree.iter() if "mathscale" in classes(e)]


def display_math(tree: ET.Element) -> list[ET.Element]:
    return [e for e in tree.iter() if e.tag == "div" and "arithmatex" in classes(e)]


def nested_wrappers(tree: ET.Element) -> int:
    return sum(len(wrappers(inner)) - 1 for inner in wrappers(tree))


def head_tags(tree: ET.Element) -> dict[str, ET.Element]:
    """The plugin's two tags in <head>, by role."""
    head = tree.find("head")
    assert head is not None
    found: dict[str, ET.Element] = {}
    for element in head:
        if element.tag == "link" and "mathscale.css" in (element.get("href") or ""):
            found["css"] = element
        elif element.tag == "script" and "mathscale.js" in (element.get("src") or ""):
            found["js"] = element
    return found


def page_url(site_dir: Path, page: Path) -> str:
    """The page's URL on a server rooted at the site folder."""
    return "http://site.test/" + page.relative_to(site_dir).as_posix()


def resolve(site_dir: Path, page: Path, url: str) -> Path:
    """The file a relative URL on ``page`` points to, as a browser would resolve it."""
    absolute = urljoin(page_url(site_dir, page), url)
    path = urlsplit(absolute).path.lstrip("/")
    target = site_dir / path
    return target / "index.html" if path.endswith("/") or not path else target


def runtime_options(tree: ET.Element) -> dict[str, str]:
    """The options the script tag hands the runtime (its ``data-*`` attributes)."""
    script = head_tags(tree)["js"]
    return {k[5:]: v for k, v in script.attrib.items() if k.startswith("data-")}


def pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def strip_query(url: str) -> str:
    return re.sub(r"\?.*$", "", url)
