"""`mkdocs build`, optionally with one plugin taken out of the config: both sides of a build
comparison go through this same entry point, so they differ only in that plugin.

Usage: python mkdocs_build.py CONFIG SITE_DIR [--without PLUGIN] [--capture FILE]
                                               [--account PLUGIN FILE]

--capture records each page as the plugin's on_post_page would receive it (capture_hook.py);
--account writes the CPU time PLUGIN spends in its own events as JSON (account_hook.py).
Both are for extra builds, never for timed ones.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from account_hook import EventAccount
from capture_hook import PageCapture
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load


def plugins_without(config_file: Path, name: str) -> list[object] | dict[str, object]:
    """The config's `plugins` entry with `name` removed (list or mapping form)."""
    with config_file.open(encoding="utf-8") as f:
        raw = yaml_load(f) or {}
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        if name not in plugins:
            raise SystemExit(f"{config_file}: plugin {name!r} is not enabled there")
        return {key: value for key, value in plugins.items() if key != name}
    kept = [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != name]
    if len(kept) == len(plugins):
        raise SystemExit(f"{config_file}: plugin {name!r} is not enabled there")
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", type=Path)
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--without", metavar="PLUGIN")
    parser.add_argument("--capture", metavar="FILE", type=Path)
    parser.add_argument("--account", nargs=2, metavar=("PLUGIN", "FILE"))
    args = parser.parse_args()
    overrides: dict[str, object] = {"site_dir": str(args.site_dir)}
    if args.without:
        overrides["plugins"] = plugins_without(args.config, args.without)
    cfg = load_config(str(args.config), **overrides)
    if args.capture:
        # Registered after the config's plugins, so at equal priority it runs after them too.
        cfg.plugins["benchmark-capture"] = PageCapture(args.capture)
    account = EventAccount()
    if args.account:
        account.install(cfg, args.account[0])
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    if args.account:
        Path(args.account[1]).write_text(json.dumps(account.as_dict(), indent=1), "utf-8")


if __name__ == "__main__":
    main()
