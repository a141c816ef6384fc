"""The extraction cache: one pickled ``DocResult`` per document, so a rebuild extracts only what changed.

Extraction is a pure map (``kg.extract``): a document's result depends on its
bytes as decoded, its name and source, and the code and data that normalise and
extract it. An entry's key hashes all of these, so the cache can never hand back
a stale result:

* the file's SHA-256, its ``doc_id``, ``source`` and decoded ``encoding``;
* the *fingerprint*: the bytes of every file of the installed ``kg`` package
  (all code, ``pipeline.cfg``, the CRF model, the lexicons), the pipeline
  overrides, the Python version and the versions of the libraries extraction
  calls (``EXTRACTION_LIBRARIES``). Hashing the whole package rather than the
  modules extraction happens to import is deliberately coarse: a change to the
  exporter also empties the cache, but no import path can be forgotten.

Entries live in ``DIR/<fingerprint>/<key[:2]>/<key>.pickle``; a build that opens
the cache removes other fingerprints' folders (results no current build can
use), and a build that completes its map removes the entries of documents it was
not given (``prune``: removed or changed articles), so a cache holds one corpus.
Entries are written under a temporary name and renamed, so a killed build leaves
no half-written entry. The files are
pickles: a cache folder must be as trusted as the code itself (it is the user's).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.model import DocResult
from kg.read import RawText

#: Bumped when the entry format changes without any file of the package changing.
FORMAT = 1
#: Distributions whose version can change what extraction (decoding, normalising, tagging) returns.
EXTRACTION_LIBRARIES = ("spacy", "jieba", "python-crfsuite", "opencc", "charset-normalizer", "numpy")
#: Package files that cannot affect extraction (the offline viewer's page assets).
_SKIPPED_PARTS = frozenset({"__pycache__", "view"})
_HEX64 = re.compile(r"[0-9a-f]{64}")
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(nlp_overrides: dict[str, Any] | None = None, package: Path = _PACKAGE) -> str:
    """The hex SHA-256 of everything but the document that decides an extraction's result."""
    digest = hashlib.sha256()
    versions = {}
    for name in EXTRACTION_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    head = {"format": FORMAT, "python": sys.version_info[:2], "libraries": versions,
            "overrides": nlp_overrides or {}}
    digest.update(json.dumps(head, sort_keys=True, default=str).encode())
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if not path.is_file() or _SKIPPED_PARTS.intersection(relative.parts) or path.suffix == ".pyc":
            continue
        digest.update(relative.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def entry_key(text: RawText) -> str:
    """The key of one document's entry within a fingerprint: its bytes, name, source and codec."""
    parts = (text.sha256, text.doc_id, text.source, text.encoding)
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class ExtractionCache:
    """A folder of extraction results for one fingerprint (see the module docstring)."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.root = Path(folder)
        self.folder = self.root / fingerprint
        self.hits = 0
        self.stored = 0

    def open(self) -> ExtractionCache:
        """Create the folder and remove other fingerprints' entries."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for entry in self.root.iterdir():
            if entry != self.folder and entry.is_dir() and _HEX64.fullmatch(entry.name):
                shutil.rmtree(entry, ignore_errors=True)
        return self

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, text: RawText) -> bool:
        """Whether an entry for ``text`` exists (``get`` may still find it unreadable)."""
        return bool(text.sha256) and self._path(entry_key(text)).is_file()

    def get(self, text: RawText) -> DocResult | None:
        """The stored result for ``text``, or None (no entry, or one that cannot be read)."""
        if not text.sha256:
            return None  # not read from a file: nothing to key on
        try:
            with open(self._path(entry_key(text)), "rb") as stream:
                result = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None
        if not isinstance(result, DocResult) or result.document.sha256 != text.sha256:
            return None
        self.hits += 1
        return result

    def put(self, text: RawText, result: DocResult) -> None:
        """Store ``result`` for ``text`` (best effort: a full disk costs speed, never the build)."""
        if not text.sha256:
            return
        path = self._path(entry_key(text))
        try:
            path.parent.mkdir(exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self.stored += 1

    def prune(self, texts: list[RawText]) -> int:
        """Remove the entries of every document but ``texts`` (articles removed from the corpus,
        or older versions of changed ones); return how many were removed.

        A cache serves one corpus (by default the one built into ``--out``): without this,
        every article ever built would stay on disk for as long as the code does not change."""
        keep = {entry_key(t) for t in texts if t.sha256}
        removed = 0
        for path in self.folder.glob("??/*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        for sub in self.folder.iterdir():
            with contextlib.suppress(OSError):  # not empty, or not a folder: kept
                sub.rmdir()
        return removed


def default_cache_dir(out_dir: Path) -> Path:
    """``.OUT.cache`` beside ``--out``: next to ``.OUT.builds`` (kg.atomic), which a build
    empties of everything but the published build, so the cache cannot live inside it."""
    out = Path(os.path.abspath(out_dir))
    return out.parent / f".{out.name}.cache"
