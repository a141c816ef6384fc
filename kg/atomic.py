"""Files appear whole or not at all: written under a temporary name beside the target,
then renamed over it (``os.replace`` is atomic on one file system).

``kg build`` stages several files and renames them only once all are complete;
``kg view`` writes one page. Both give the file the mode a plain ``open`` would
(``mkstemp`` makes it private, which would surprise a user sharing the folder).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KgError

__all__ = ["file_mode", "stage", "write_atomically"]


def file_mode() -> int:
    """``0o666`` less the process's umask: what ``open(path, "w")`` would create."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def stage(target: Path) -> tuple[int, Path]:
    """A new temporary file beside ``target`` (descriptor, path), named ``.<name>.*``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    return fd, Path(tmp)


def write_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data``; on failure leave the old file and no temporary one,
    and raise a ``KgError`` naming the target."""
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = stage(target)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, file_mode())
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise KgError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
