"""Errors a user can act on, each rendered as one line naming the file and the reason."""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class: the CLI turns any KgError into a one-line message."""


class InputError(KgError):
    """A path given on the command line or one file in it cannot be used."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NoDocumentsError(KgError):
    """Not one input could be read: carries every per-file error so each gets reported."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = list(errors)
        super().__init__(E_NO_DOCUMENTS)


# Message texts, kept in one place so tests and docs quote the same words.
E_MISSING = "no such file or folder"
E_EMPTY_FOLDER = "folder holds no .txt files"
E_NOT_UTF8 = "not UTF-8 text (byte {pos}: {byte})"
E_NOT_TEXT = (
    "not text in UTF-8, GB18030, Big5 or UTF-16/32 with a byte-order mark (byte {pos}: {byte});"
    " give its encoding with --encoding to read it"
)
E_NOT_ENCODING = "not {encoding} text (byte {pos}: {byte})"
E_UNKNOWN_ENCODING = "unknown encoding {name!r} (give a Python codec name such as gb18030, big5, utf-16)"
E_EMPTY_FILE = "file is empty"
E_LINK_LOOP = "symbolic link back to a folder it is in ({target}); not followed"
E_UNREADABLE = "cannot be read ({why})"
E_DUPLICATE_NAME = "another input file has the same name ({other}); document names must be unique"
E_NO_DOCUMENTS = "no document could be read; nothing was written"
