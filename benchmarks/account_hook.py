"""Add up the CPU time a plugin spends in its own event handlers during a real build.

Registered by ``mkdocs_build.py --account FILE`` in an extra build with the plugin, not timed.
On a shared machine a build's total CPU time moves by several percent from run to run, more
than the plugin costs; the time spent inside the plugin, taken in the same process, does not
need a second build to compare with.
"""

from __future__ import annotations

import resource
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


class EventAccount:
    """CPU seconds and calls per event of one plugin, once ``install``ed."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.calls: defaultdict[str, int] = defaultdict(int)

    def _timed(self, event: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[event] += time.process_time() - start
                self.calls[event] += 1

        return timed

    def install(self, config: MkDocsConfig, name: str) -> None:
        """Wrap every event handler of plugin ``name`` in the config's event lists."""
        plugin = config.plugins[name]
        wrapped = 0
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                if getattr(method, "__self__", None) is plugin:
                    methods[index] = self._timed(event, method)
                    wrapped += 1
        if not wrapped:
            raise SystemExit(f"plugin {name!r} handles no event in this config")

    def as_dict(self) -> dict[str, object]:
        """The plugin's CPU time by event and that of the whole build process so far."""
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {
            "plugin_cpu_s": sum(self.seconds.values()),
            "process_cpu_s": usage.ru_utime + usage.ru_stime,
            "events": {
                event: {"cpu_s": self.seconds[event], "calls": self.calls[event]}
                for event in sorted(self.seconds)
            },
        }
