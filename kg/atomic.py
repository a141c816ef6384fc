"""Files and folders appear whole or not at all, even if the process is killed.

One file (``kg view``'s page): written under a temporary name beside the
target, then renamed over it (``os.replace`` is atomic on one file system).

A build's folder (``kg build --out OUT``) holds several files that must come
from one build. They are written into a staging folder and published with a
single rename, so there is no moment, even across ``kill -9``, when ``OUT``
shows files of two builds. ``OUT`` is a symbolic link into a hidden folder
beside it::

    OUT -> .OUT.builds/build-20261201T010203.123456Z-4242   the published build
    .OUT.builds/lock              flock(2)ed by the build running, holding its pid
    .OUT.builds/staging-<pid>/    a build being written
    .OUT.builds/link-<pid>        the new link, renamed over OUT to publish

Publishing renames the finished staging folder to ``build-<time>-<pid>``, makes
``link-<pid>`` point to it and renames that link over ``OUT`` (``rename(2)``
replaces a link atomically), then removes the previous build. A build killed at
any step leaves ``OUT`` on the old build or the new one; whatever else it left
is removed by the next build into ``OUT``, which holds the lock, so nothing it
removes can belong to a running build. An ``OUT`` that is still a plain folder
(from an older kg) is moved to ``.OUT.builds/previous`` just before the link
takes its place; if a build dies between those two renames, the next one moves
it back first. A plain folder holding files kg does not write is never touched.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import KgError

__all__ = ["E_BUSY", "Interrupted", "OutputFolder", "file_mode", "stage", "stop_on_signals", "write_atomically"]

E_BUSY = "another kg build (pid {pid}) is writing here"
E_CANNOT_CREATE = "cannot create the output folder ({why})"
E_FOREIGN = "holds files kg build did not write ({names}); give a new or empty --out folder"

#: Names a plain output folder of an older kg may hold: besides the files a build writes (given
#: by the caller), ``kg view``'s page and hidden temporary files of killed writes (``.graph.ttl.x1y2``).
_OURS_TOO = ("graph.html",)
_TEMP = re.compile(r"\.(graph|nodes|edges)\.[\w-]+\.\w+")
_BUILD = re.compile(r"build-[0-9T.]+Z-\d+(-\d+)?")

#: Signals that must not stop a publish half-way (SIGKILL cannot be blocked; the layout copes with it).
_DEFERRED = {signal.SIGINT, signal.SIGTERM}


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived (see ``stop_on_signals``). A ``BaseException``, like
    ``KeyboardInterrupt``, so handlers of one document's failure do not swallow it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.published = False  # set by OutputFolder: whether the new build was already in place
        super().__init__(signal.Signals(signum).name)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into ``Interrupted`` for the block, so ``finally`` clauses
    (the staging folder's removal, the lock's release) run before the process ends.
    Only the main thread can set handlers; elsewhere the block runs unchanged."""
    def handler(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    try:
        previous = {s: signal.signal(s, handler) for s in _DEFERRED}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


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


class OutputFolder:
    """A build's ``--out`` folder: locked, staged, and published in one rename.

    Use as a context manager: entering takes the lock (or raises ``KgError``
    naming the build that holds it), repairs what a killed build left, and
    creates the staging folder, so an unwritable ``--out`` is reported before
    any work; write into ``staging``, then call ``publish()``. Leaving without
    publishing removes the staging folder and keeps the previous build.
    """

    def __init__(self, out: Path, known_files: Iterable[str]) -> None:
        out = Path(os.path.abspath(out))
        if out.is_symlink() and not self._is_ours(out, os.readlink(out)):
            out = Path(os.path.realpath(out))  # the user's own link: build where it points
        self.out = out
        self.home = out.parent / f".{out.name}.builds"
        self.staging = self.home / f"staging-{os.getpid()}"
        self.known = frozenset(known_files) | frozenset(_OURS_TOO)
        self.published = False
        self._lock_fd: int | None = None

    @staticmethod
    def _is_ours(out: Path, target: str) -> bool:
        home, _, build = target.partition("/")
        return home == f".{out.name}.builds" and bool(_BUILD.fullmatch(build))

    def __enter__(self) -> OutputFolder:
        try:
            if self.out.exists() and not self.out.is_dir():
                raise OSError(errno.ENOTDIR, "exists and is not a folder")
            self.home.mkdir(parents=True, exist_ok=True)
            self._lock()
            self._repair()
            self._check_foreign()
            self.staging.mkdir()
            probe = self.home / f"link-{os.getpid()}"
            os.symlink(self.staging.name, probe)  # publishing needs a link: fail now, not after the work
            probe.unlink()
        except OSError as exc:
            self._unlock()
            raise KgError(f"{self.out}: {E_CANNOT_CREATE.format(why=exc.strerror or exc)}") from exc
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, Interrupted):
            exc.published = self.published
        try:
            if not self.published:
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._unlock()

    def _lock(self) -> None:
        fd = os.open(self.home / "lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise KgError(f"{self.out}: {E_BUSY.format(pid=holder)}") from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._lock_fd = fd

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._lock_fd, 0)
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None

    def _current(self) -> Path | None:
        """The published build folder ``OUT`` links to, if it is one of ours."""
        if self.out.is_symlink():
            target = os.readlink(self.out)
            if self._is_ours(self.out, target):
                return self.out.parent / target
        return None

    def _repair(self) -> None:
        """Undo or finish what a killed build left (we hold the lock: no build is running)."""
        previous = self.home / "previous"
        if not os.path.lexists(self.out) and previous.is_dir():
            os.rename(previous, self.out)  # killed between moving a plain OUT away and linking
        current = self._current()
        for entry in self.home.iterdir():
            if entry.name == "lock" or (current is not None and entry == current):
                continue
            _remove(entry)

    def _check_foreign(self) -> None:
        """Refuse to replace a plain folder that holds anything kg did not write."""
        if self.out.is_dir() and not self.out.is_symlink():
            foreign = sorted(p.name for p in self.out.iterdir()
                             if p.name not in self.known and not (_TEMP.fullmatch(p.name) and p.is_file()))
            if foreign:
                names = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
                raise KgError(f"{self.out}: {E_FOREIGN.format(names=names)}")

    def publish(self) -> None:
        """Make the staged build ``OUT``, in one rename; then remove the previous build."""
        try:
            self._publish()
        except OSError as exc:
            raise KgError(f"{self.out}: cannot replace the previous build ({exc.strerror or exc})") from exc

    def _publish(self) -> None:
        for path in self.staging.iterdir():
            _fsync(path)
        _fsync(self.staging)
        final = self._fresh_build_name()
        link = self.home / f"link-{os.getpid()}"
        with _signals_deferred():
            os.rename(self.staging, final)
            link.unlink(missing_ok=True)
            os.symlink(f"{self.home.name}/{final.name}", link)
            old = self._current()
            if os.path.lexists(self.out) and not self.out.is_symlink():
                os.rename(self.out, self.home / "previous")
                old = self.home / "previous"
            os.rename(link, self.out)
            self.published = True
            _fsync(self.out.parent)
            if old is not None:
                _remove(old)

    def _fresh_build_name(self) -> Path:
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f".{time.time_ns() // 1000 % 1_000_000:06d}Z"
        name = f"build-{stamp}-{os.getpid()}"
        candidate, n = self.home / name, 1
        while os.path.lexists(candidate):
            n += 1
            candidate = self.home / f"{name}-{n}"
        return candidate


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Flush a file or folder to disk, so a publish survives a power cut as well as a kill."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done: a publish is never left half-way by them."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
