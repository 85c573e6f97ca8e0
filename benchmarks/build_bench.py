"""Build overhead: `mkdocs build` with and without the plugin, interleaved A B A B…."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BuildRun:
    """One `mkdocs build`: wall time, CPU time and peak RSS of that process alone."""

    seconds: float
    cpu_seconds: float
    """User + system time: less disturbed than wall time by other work on a shared machine."""
    peak_rss_mb: float


@dataclass
class BuildComparison:
    """Paired builds of one site; ratios are taken pair by pair (plugin / plain)."""

    name: str
    plain: list[BuildRun] = field(default_factory=list)
    plugin: list[BuildRun] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [b.seconds / a.seconds for a, b in zip(self.plain, self.plugin, strict=True)]

    @property
    def cpu_ratios(self) -> list[float]:
        pairs = zip(self.plain, self.plugin, strict=True)
        return [b.cpu_seconds / a.cpu_seconds for a, b in pairs]

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "plain_s": [r.seconds for r in self.plain],
            "plugin_s": [r.seconds for r in self.plugin],
            "plain_cpu_s": [r.cpu_seconds for r in self.plain],
            "plugin_cpu_s": [r.cpu_seconds for r in self.plugin],
            "plain_rss_mb": [r.peak_rss_mb for r in self.plain],
            "plugin_rss_mb": [r.peak_rss_mb for r in self.plugin],
            "ratios": self.ratios,
            "cpu_ratios": self.cpu_ratios,
        }


ENTRY = Path(__file__).resolve().parent / "mkdocs_build.py"
PLUGIN = "mathscale"


def build_once(
    config: Path, site_dir: Path, with_plugin: bool, extra: tuple[str, ...] = ()
) -> BuildRun:
    """Run one build in a fresh interpreter, as a user would, and fail loudly if it fails."""
    cmd = [sys.executable, str(ENTRY), str(config), str(site_dir), *extra]
    if not with_plugin:
        cmd += ["--without", PLUGIN]
    log = site_dir.with_suffix(".log")
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.STDOUT)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the max over all builds.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"mkdocs build -f {config} failed:\n{log.read_text(encoding='utf-8')}")
    return BuildRun(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def compare(name: str, config: Path, out: Path, pairs: int) -> BuildComparison:
    """Build `pairs` times each way, alternating A B B A A B…, so drift and warm-up fall on
    both sides alike. `config` enables the plugin; the plain build takes it out."""
    result = BuildComparison(name)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(pairs):
        order = (False, True) if n % 2 == 0 else (True, False)
        runs = {p: build_once(config, out / f"site-{'plugin' if p else 'plain'}", p) for p in order}
        a, b = runs[False], runs[True]
        result.plain.append(a)
        result.plugin.append(b)
        print(
            f"  {name} pair {n + 1}/{pairs}: plain {a.seconds:.2f} s (CPU {a.cpu_seconds:.2f} s), "
            f"plugin {b.seconds:.2f} s (CPU {b.cpu_seconds:.2f} s)",
            flush=True,
        )
    return result


def capture_pages(config: Path, out: Path) -> Path:
    """One extra plain build, not timed, that records what the plugin's on_post_page would
    receive for each page (output and page.content); returns the JSON-lines file."""
    captured = out / "pages.jsonl"
    build_once(config, out / "site-capture", False, ("--capture", str(captured)))
    return captured


def plugin_account(config: Path, out: Path) -> dict[str, object]:
    """One extra build with the plugin, not timed, that adds up the CPU time spent in the
    plugin's own events (see account_hook.py)."""
    account = out / "account.json"
    build_once(config, out / "site-account", True, ("--account", PLUGIN, str(account)))
    return json.loads(account.read_text(encoding="utf-8"))
