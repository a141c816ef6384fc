"""What a writer computed for one article in the last build, reused while its inputs are the same.

A rebuild that adds one article to a thousand writes every file again, and most of what
the writers compute per article comes out as it did last time. Where that is costly and
depends on a few inputs only, the value is kept between builds in a ``Reused`` store
keyed by the SHA-256 of the ``repr`` of *every* input the computation reads (plain
strings, numbers and tuples, so ``repr`` is the value and nothing else); a key that
differs is a miss and the value is computed, so a stale value cannot come back.

What the computation's code and data are is not in the key: the store's file lives in the
extraction cache's fingerprint folder (``kg.cache``), whose name hashes every file of the
package, so new code or tables start with an empty store (as ``kg.warm``'s lexicons).

Kept now: each article's setting as ``explain.jsonl`` describes it (``kg.export.explain.settings``,
about 1 ms an article: the gazetteer's votes over the article's mentions).

The build names the file by putting the store's path on the graph (``use_store``, in the
graph's writer memo, ``kg.export.memo``); a writer with no path computes everything, as
before. The file holds the values of the last build's articles only (so it stays the size
of one corpus), is written under a temporary name and renamed into place (a killed build
leaves the old file or the new one), and one that cannot be read is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from kg import model
from kg.export.memo import memoised, remember

__all__ = ["SETTINGS_FILE", "Reused", "input_key", "store_of", "use_store"]

#: the file of each article's described setting (``explain.jsonl``), in the cache's fingerprint folder
SETTINGS_FILE = "explain-settings.pickle"
_MEMO_KEY = ("reuse", "folder")
_MISSING = object()


def use_store(graph: model.Graph, folder: Path | None) -> None:
    """Let the writers of ``graph`` keep their reusable values in ``folder`` (None: nowhere)."""
    remember(graph, _MEMO_KEY, folder)


def store_of(graph: model.Graph) -> Path | None:
    """The folder ``use_store`` named for ``graph``, or None."""
    return memoised(graph, _MEMO_KEY, lambda: None)


def input_key(*inputs: Hashable) -> str:
    """The key of a value computed from ``inputs``: plain data whose ``repr`` is its value."""
    return hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()


class Reused:
    """Values by ``input_key`` from the file ``path`` (None: none kept), and those asked for now."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[str, Any] = _read(path) if path is not None else {}
        self.new: dict[str, Any] = {}
        self.hits = 0

    def get(self, key: str, compute: Callable[[], Any], valid: Callable[[Any], bool] = lambda _: True) -> Any:
        """The value kept for ``key`` if ``valid`` says it is of the right kind, else ``compute()``
        (kept for the next build either way)."""
        value = self.old.get(key, _MISSING)
        if value is not _MISSING and valid(value):
            self.hits += 1
        else:
            value = compute()
        self.new[key] = value
        return value

    def save(self) -> None:
        """Keep the values asked for in this build (nothing to do if they are the file's already).
        Best effort: a failure costs the next build time only."""
        if self.path is None or self.new == self.old:
            return
        try:
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(self.new, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as stream:
            values = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}
