"""Find and read the input files: paths in, sorted raw texts (or errors) out.

Reading is the only stage that touches the input files. A bad file becomes
an ``InputError`` in the result instead of an exception, so one bad file never
stops the others.

Chinese text comes in more encodings than UTF-8. A file is decoded as the
first of these that explains it: a byte-order mark (UTF-8, UTF-16 or UTF-32,
little or big endian); strict UTF-8; otherwise ``charset-normalizer`` chooses
between GB18030 (which covers GBK and GB2312) and Big5, and its answer is taken
only if the text is plausible (no control characters, mostly Chinese, ASCII or
punctuation). Restricting the candidates matters: asked about every codec, a
detector happily reads Chinese bytes as Cyrillic or Latin-1. A file no
candidate explains is an error naming it; ``read_all(..., encoding=NAME)``
forces one encoding instead. The encoding used is recorded on the text.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import (
    E_DUPLICATE_NAME,
    E_EMPTY_FILE,
    E_EMPTY_FOLDER,
    E_LINK_LOOP,
    E_MISSING,
    E_NOT_ENCODING,
    E_NOT_TEXT,
    E_UNKNOWN_ENCODING,
    E_UNREADABLE,
    InputError,
    KgError,
)

#: File name endings read in a folder, compared in lower case (``.TXT`` is read too).
SUFFIXES = (".txt",)

#: Byte-order marks, the longer first (UTF-32-LE's starts with UTF-16-LE's), and what they name.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: What the detector may choose between when a file is neither UTF-8 nor marked by a BOM.
DETECTED = ("gb18030", "big5")
#: Control characters no text file holds (tab, line and page breaks are whitespace, not these).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x9f\ue000-\uf8ff]")
#: Characters a Chinese news text is made of: ASCII, general punctuation, CJK and full-width forms.
_EXPECTED = re.compile(r"[\x00-\x7f\u00b7\u2000-\u206f\u2e80-\u2fdf\u3000-\u9fff\uf900-\ufaff\ufe30-\uffef]")
#: The share of a decoded text that must be such characters for a detected encoding to be believed.
PLAUSIBLE = 0.9


@dataclass(frozen=True)
class RawText:
    """One input file's text, as decoded.

    ``source`` says where it came from (see ``find_sources``), ``encoding`` names the
    codec that decoded it and ``sha256`` is the hex SHA-256 of the file's bytes, so a
    reader of the graph can check that a file is the one it was built from.
    """

    doc_id: str
    source: str
    text: str
    encoding: str = "utf-8"
    sha256: str = ""


def check_encoding(name: str) -> str:
    """The codec's canonical name (``GBK`` -> ``gbk``); raise ``KgError`` if Python has no such text codec."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise KgError(E_UNKNOWN_ENCODING.format(name=name))
    return info.name


def plausible(text: str) -> bool:
    """Whether ``text`` looks like Chinese news text rather than bytes decoded with the wrong codec."""
    if _CONTROL.search(text):
        return False
    return len(_EXPECTED.findall(text)) >= PLAUSIBLE * len(text)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes: return the text (without a BOM) and the encoding used.

    Raises ``UnicodeDecodeError`` if a forced ``encoding`` does not decode it and
    ``ValueError`` if no encoding explains it (see the module docstring).
    """
    if encoding is not None:
        return data.decode(encoding).removeprefix("\ufeff"), encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for match in from_bytes(data, cp_isolation=list(DETECTED)):
        try:
            text = data.decode(match.encoding)
        except UnicodeDecodeError:
            continue
        if plausible(text):
            return text, codecs.lookup(match.encoding).name
    raise ValueError("no encoding explains these bytes")


def find_files(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders (recursively, ``*.txt`` in any case) into a sorted file list."""
    sources, errors = find_sources(paths)
    return list(sources), errors


def find_sources(paths: list[Path]) -> tuple[dict[Path, str], list[InputError]]:
    """Like ``find_files``, with each file's *source*: its path relative to the folder it was
    found in (``/`` separated), or its name if it was given itself.

    The source is what the graph records as where a text came from. Unlike the
    absolute path it neither publishes the user's folders nor changes when the
    corpus moves, so the same corpus builds the same bytes anywhere. A file reached
    twice keeps the smallest of its sources, whatever the order of ``paths``.
    """
    sources: dict[Path, str] = {}

    def add(path: Path, source: str) -> None:
        real = path.resolve()
        sources[real] = min(source, sources.get(real, source))

    errors: list[InputError] = []
    for path in paths:
        if not path.exists():
            errors.append(InputError(path, E_MISSING))
        elif path.is_dir():
            found = _walk(path, errors)
            if not found:
                errors.append(InputError(path, E_EMPTY_FOLDER))
            for file in found:
                add(file, file.relative_to(path).as_posix())
        else:
            add(path, path.name)
    ordered = sorted(sources, key=lambda p: (p.name, str(p)))
    return {p: sources[p] for p in ordered}, errors


def _walk(folder: Path, errors: list[InputError]) -> list[Path]:
    """The text files under ``folder``, following symbolic links but entering each real folder once.

    ``Path.rglob`` either skips linked folders or, following them, loops; ``os.walk``
    with ``followlinks`` plus a set of the real folders seen ends every loop at its
    first repetition, and a link back to a folder it is inside is reported (once).
    """
    found: list[Path] = []
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:
        errors.append(InputError(exc.filename or folder, E_UNREADABLE.format(why=exc.strerror or exc)))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames.clear()
            here = Path(dirpath)
            if Path(os.path.realpath(here.parent)).is_relative_to(real):
                errors.append(InputError(here, E_LINK_LOOP.format(target=real)))
            continue
        seen.add(real)
        dirnames.sort()
        for name in filenames:
            path = Path(dirpath, name)
            if name.lower().endswith(SUFFIXES) and path.is_file():
                found.append(path)
    return found


def read_file(path: Path, encoding: str | None = None, source: str | None = None) -> RawText:
    """Read one text file (a BOM is dropped); raise ``InputError`` naming it if unusable.

    ``encoding`` forces a codec (checked by ``check_encoding``); by default it is detected.
    ``source`` is recorded as where the text came from (default: the file's name).
    """
    if encoding is not None:
        encoding = check_encoding(encoding)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc
    try:
        text, used = decode(data, encoding)
    except UnicodeDecodeError as exc:
        byte = hex(data[exc.start]) if exc.start < len(data) else "end of file"
        reason = E_NOT_ENCODING.format(encoding=encoding or exc.encoding, pos=exc.start, byte=byte)
        raise InputError(path, reason) from exc
    except ValueError as exc:
        start = _first_bad_utf8(data)
        raise InputError(path, E_NOT_TEXT.format(pos=start, byte=hex(data[start]))) from exc
    if not text.strip():
        raise InputError(path, E_EMPTY_FILE)
    return RawText(
        doc_id=path.name,
        source=path.name if source is None else source,
        text=text,
        encoding=used,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def read_all(paths: list[Path], encoding: str | None = None) -> tuple[list[RawText], list[InputError]]:
    """Read every file under ``paths``; return the texts and the per-file errors.

    ``encoding`` forces one codec for every file (an unknown name raises ``KgError``
    before anything is read); by default each file's encoding is detected.
    """
    if encoding is not None:
        encoding = check_encoding(encoding)
    files, errors = find_sources(paths)
    texts: list[RawText] = []
    seen: dict[str, Path] = {}
    for path, source in files.items():
        if path.name in seen:
            # The file name is the document's identifier (and IRI): two must not share one.
            errors.append(InputError(path, E_DUPLICATE_NAME.format(other=seen[path.name])))
            continue
        seen[path.name] = path
        try:
            texts.append(read_file(path, encoding, source))
        except InputError as err:
            errors.append(err)
        except Exception as exc:  # a bug or a library's crash on one file must not stop the others
            errors.append(InputError(path, f"reading failed ({type(exc).__name__}: {exc})"))
    return texts, errors
