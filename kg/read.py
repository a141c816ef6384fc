"""Find and read the input files: paths in, sorted raw texts (or errors) out.

Reading is the only stage that touches the input files. A bad file becomes
an ``InputError`` in the result instead of an exception, so one bad file never
stops the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import (
    E_DUPLICATE_NAME,
    E_EMPTY_FILE,
    E_EMPTY_FOLDER,
    E_MISSING,
    E_NOT_UTF8,
    E_UNREADABLE,
    InputError,
)

SUFFIXES = (".txt",)


@dataclass(frozen=True)
class RawText:
    doc_id: str
    source: str
    text: str


def find_files(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders (recursively, ``*.txt``) into a sorted file list."""
    files: set[Path] = set()
    errors: list[InputError] = []
    for path in paths:
        if not path.exists():
            errors.append(InputError(path, E_MISSING))
        elif path.is_dir():
            found = [p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES]
            if not found:
                errors.append(InputError(path, E_EMPTY_FOLDER))
            files.update(p.resolve() for p in found)
        else:
            files.add(path.resolve())
    return sorted(files, key=lambda p: (p.name, str(p))), errors


def read_file(path: Path) -> RawText:
    """Read one UTF-8 file (a BOM is dropped); raise ``InputError`` naming it if unusable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, E_NOT_UTF8.format(pos=exc.start, byte=hex(data[exc.start]))) from exc
    if not text.strip():
        raise InputError(path, E_EMPTY_FILE)
    return RawText(doc_id=path.name, source=str(path), text=text)


def read_all(paths: list[Path]) -> tuple[list[RawText], list[InputError]]:
    """Read every file under ``paths``; return the texts and the per-file errors."""
    files, errors = find_files(paths)
    texts: list[RawText] = []
    seen: dict[str, Path] = {}
    for path in files:
        if path.name in seen:
            # The file name is the document's identifier (and IRI): two must not share one.
            errors.append(InputError(path, E_DUPLICATE_NAME.format(other=seen[path.name])))
            continue
        seen[path.name] = path
        try:
            texts.append(read_file(path))
        except InputError as err:
            errors.append(err)
    return texts, errors
