"""Where the runtime's time goes: V8 CPU profile of one page load, mathscale.js lines only.

    .venv/bin/python benchmarks/profile_runtime.py [EQUATIONS] [ENGINE]

Prints self time per function/line of mathscale.js, with its caller (native calls such as
getComputedStyle are charged to the line that called them: a forced style or layout update
shows up there).
"""

from __future__ import annotations

import sys
from collections import Counter

import browser_bench
import browser_pages


def profile(count: int, engine: str) -> list[tuple[str, float]]:
    """(function:line, self ms) for mathscale.js frames and the natives they call."""
    pages = {"/p": browser_pages.page_html(engine, "ours", count)}
    with browser_pages.serve(pages) as base, browser_bench.chromium() as browser:
        page = browser.new_page(viewport=browser_bench.PHONE)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 100})
        cdp.send("Profiler.start")
        page.goto(base + "/p", wait_until="commit")
        page.wait_for_function(
            "window.__bench && window.__bench.fitLayout !== null",
            timeout=browser_bench.LOAD_TIMEOUT_MS,
        )
        page.wait_for_timeout(browser_bench.SETTLE_MS)
        got = cdp.send("Profiler.stop")["profile"]
        page.close()
    nodes = {n["id"]: n for n in got["nodes"]}
    parent = {c: n["id"] for n in got["nodes"] for c in n.get("children", [])}

    def ours(node_id: int) -> str | None:
        # The two nearest mathscale.js frames at or above this sample: helper and its caller.
        names: list[str] = []
        while node_id is not None and len(names) < 2:
            frame = nodes[node_id]["callFrame"]
            if "mathscale.js" in frame["url"]:
                names.append(f"{frame['functionName'] or '(anonymous)'}:{frame['lineNumber'] + 1}")
            node_id = parent.get(node_id)
        return " ← ".join(names) or None

    self_ms: Counter[str] = Counter()
    for sample, delta in zip(got["samples"], [*got["timeDeltas"][1:], 0], strict=True):
        frame = nodes[sample]["callFrame"]
        owner = ours(sample)
        if owner is None:
            continue
        native = frame["functionName"] if not frame["url"] else ""
        self_ms[f"{owner}{' → ' + native if native else ''}"] += delta / 1000
    return self_ms.most_common(15)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    engine = sys.argv[2] if len(sys.argv) > 2 else "mj3"
    rows = profile(count, engine)
    print(f"mathscale.js CPU profile, {count} equations, {engine} (self ms, top 15):")
    for where, ms in rows:
        print(f"{ms:10.1f}  {where}")
    print(f"{sum(ms for _, ms in rows):10.1f}  total of the rows above")


if __name__ == "__main__":
    main()
