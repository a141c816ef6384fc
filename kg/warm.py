"""What loading the pipeline computes from its word lists, kept on disk between builds.

Loading the pipeline reads jieba's dictionary three times over (its prefix table, the
everyday and clashing words, each word's tag) and builds the gazetteer from its
tables: about 1.5 s of a rebuild that extracts one added article, every time, for the
same result. A loader marked ``kept`` computes its value once per process, as
``lru_cache(maxsize=1)`` did; a build with an extraction cache also saves the values
into it (``save``) and the next build reads them back (``restore``) before loading the
pipeline, so the loaders return them without computing.

The file lives in the extraction cache's fingerprint folder (``kg.cache``), whose key
covers every file of the package (the loaders' code and the word lists), the Python
version and the installed jieba: a value can never outlive what made it. Only plain
data is kept (sets, dicts, the gazetteer's places), pickled; a file that cannot be
read is ignored and written again. Nothing here changes what a loader returns.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["FILE_NAME", "kept", "restore", "save"]

T = TypeVar("T")

#: The file's name in the extraction cache's fingerprint folder.
FILE_NAME = "lexicons.pickle"

_VALUES: dict[str, Any] = {}
_NAMES: set[str] = set()


def kept(loader: Callable[[], T]) -> Callable[[], T]:
    """``loader`` (no arguments) computed once per process, or taken from what ``restore`` read."""
    name = f"{loader.__module__}.{loader.__qualname__}"
    _NAMES.add(name)

    @functools.wraps(loader)
    def load() -> T:
        try:
            return _VALUES[name]
        except KeyError:
            value = _VALUES[name] = loader()
            return value

    load.cache_clear = lambda: _VALUES.pop(name, None)  # type: ignore[attr-defined]  # as lru_cache's
    return load


def restore(path: Path) -> bool:
    """Read the values saved in ``path`` for loaders not yet run here; whether there were any."""
    try:
        with open(path, "rb") as stream:
            values = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
        return False
    if not isinstance(values, dict) or set(values) != _NAMES:
        return False  # another set of loaders made it: computed here instead
    for name, value in values.items():
        _VALUES.setdefault(name, value)
    return True


def save(path: Path) -> None:
    """Write every ``kept`` loader's value into ``path`` (nothing if one has not run here), under
    a temporary name renamed into place. Best effort: a failure costs the next build time only."""
    if not all(name in _VALUES for name in _NAMES):
        return  # a loader of a module not imported here: nothing consistent to save
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as stream:
            pickle.dump({name: _VALUES[name] for name in sorted(_NAMES)}, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
