"""Progress of a build's long stages, as plain calls the CLI can render.

``kg.build`` calls its hook as ``progress(stage, done, total)``: once with
``done=0`` when a stage starts, then as work is done, and with ``done=total``
when it ends. The stages are ``STAGES``; ``extract`` counts documents
(results taken from the cache included), ``write`` output files, ``link`` and
``validate`` one step each (their libraries report nothing finer). The library
never prints; ``TerminalProgress`` is the CLI's renderer.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

#: Stage names in build order, and the unit each counts.
STAGES = {"extract": "docs", "link": "steps", "write": "files", "validate": "steps"}


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int) -> None: ...


def silent(stage: str, done: int, total: int) -> None:
    """The default hook: report nothing."""


class TerminalProgress:
    """One self-overwriting line per stage on a terminal: counts, rate and elapsed time.

    Writes nothing when ``stream`` is not a terminal (a log file or a pipe gets only
    the build's summary). Redraws at most ``interval`` seconds apart, so a fast
    stage costs nothing to report.
    """

    def __init__(self, stream: TextIO | None = None, interval: float = 0.1, force: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._stage: str | None = None
        self._started = 0.0
        self._drawn = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if stage != self._stage:
            self._stage, self._started, self._drawn = stage, now, float("-inf")  # a stage's start is shown
        finished = done >= total
        if not finished and now - self._drawn < self.interval:
            return
        self._drawn = now
        self.stream.write("\r" + self.line(stage, done, total, now - self._started) + ("\n" if finished else ""))
        self.stream.flush()

    @staticmethod
    def line(stage: str, done: int, total: int, seconds: float) -> str:
        """``extract   523/1000 docs   41.2 docs/s   12.7 s``."""
        unit = STAGES.get(stage, "")
        rate = f"{done / seconds:8.1f} {unit}/s" if seconds > 0 and done else " " * (9 + len(unit) + 2)
        return f"{stage:<9}{done:>7}/{total:<7}{unit:<6}{rate}  {seconds:6.1f} s"
