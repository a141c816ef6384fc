"""OCR clean-up that keeps every later stage simple, with an offset map back to the raw text.

Three repairs, in this order:

1. Headline lines that OCR printed twice (``结对帮扶结对帮扶``, ``““``): a line that
   splits wholly into doubled runs keeps one copy of each run. Requiring the
   *whole* line to split that way keeps ordinary reduplication (``常常``) safe.
2. Whitespace next to Chinese text (judged on the characters as printed, so a
   full-width ``，`` counts) is removed (``朱 鹏 立``, ``赵\\n强``); between
   two non-Chinese characters it collapses to one space (``HIC 100``). Where
   it was removed is kept as a *break*, a soft boundary the extractors may
   use (names in a credit line are separated only so).
3. Unicode NFKC, per character, so full-width letters, digits and punctuation
   become their ordinary forms (as ``ANNOTATION.md`` compares mentions).

Every output character remembers the raw index it came from, so provenance
can point into the original file.
"""

from __future__ import annotations

import re
import unicodedata

from kg.model import Document

#: Marks that ANNOTATION.md says are not part of a mention (quotes, title marks), and whitespace.
_NOT_IN_MENTION = re.compile(r"[\s“”‘’\"'《》〈〉「」『』【】]")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’·•□■]")
_MIN_DOUBLED_LINE = 4


def comparison_form(surface: str) -> str:
    """ANNOTATION.md's comparison form of a mention: NFKC, no whitespace, no quote or title marks.
    Linking compares names in it, relation patterns match names in it, evaluation scores in it."""
    return _NOT_IN_MENTION.sub("", unicodedata.normalize("NFKC", surface))


def _is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def _doubled_runs(line: str) -> list[tuple[int, int]] | None:
    """Split ``line`` wholly into runs ``XX``; return the ``(start, len(X))`` of each, or None."""
    n = len(line)
    if n < _MIN_DOUBLED_LINE or n % 2:
        return None
    # best[i]: a decomposition of line[i:], preferring long runs (fewest pieces).
    best: list[list[tuple[int, int]] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 2, -1, -1):
        for k in range((n - i) // 2, 0, -1):
            rest = best[i + 2 * k]
            if rest is not None and line[i : i + k] == line[i + k : i + 2 * k]:
                best[i] = [(i, k), *rest]
                break
    runs = best[0]
    if runs is None or max(k for _, k in runs) < 2:
        return None
    return runs


def _undouble(raw: str) -> list[tuple[str, int]]:
    """Characters of ``raw`` with their raw index, doubled headline lines kept once."""
    out: list[tuple[str, int]] = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        runs = _doubled_runs(stripped) if stripped and all(_is_cjk(c) or not c.isspace() for c in stripped) else None
        if runs:
            keep = {lead + i + j for i, k in runs for j in range(k)}
            out.extend((c, pos + j) for j, c in enumerate(line) if j in keep or j >= len(body))
        else:
            out.extend((c, pos + j) for j, c in enumerate(line))
        pos += len(line)
    return out


def _nfkc(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for char, index in chars:
        norm = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        out.extend((c, index) for c in norm)
    return out


def _nfkc_keeping_breaks(chars: list[tuple[str, int]], breaks: set[int]) -> tuple[list[tuple[str, int]], set[int]]:
    """NFKC per character, moving break positions along when a character expands."""
    out: list[tuple[str, int]] = []
    moved: set[int] = set()
    for pos, (char, index) in enumerate(chars):
        if pos in breaks:
            moved.add(len(out))
        out.extend(_nfkc([(char, index)]))
    return out, moved


def _whitespace(chars: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], set[int]]:
    out: list[tuple[str, int]] = []
    breaks: set[int] = set()
    i, n = 0, len(chars)
    while i < n:
        if not chars[i][0].isspace():
            out.append(chars[i])
            i += 1
            continue
        j = i
        while j < n and chars[j][0].isspace():
            j += 1
        before = out[-1][0] if out else ""
        after = chars[j][0] if j < n else ""
        if before and after and not _is_cjk(before) and not _is_cjk(after):
            out.append((" ", chars[i][1]))
        elif out and j < n:
            breaks.add(len(out))
        i = j
    return out, breaks


def normalise(doc_id: str, source: str, raw: str) -> Document:
    """Return the cleaned ``Document`` for one raw text, with its offset map."""
    # Whitespace goes before NFKC: whether a break sits in Chinese text is judged on the
    # characters as printed (a full-width ，counts as Chinese; its NFKC form , would not).
    chars, breaks = _whitespace(_undouble(raw))
    chars, breaks = _nfkc_keeping_breaks(chars, breaks)
    text = "".join(c for c, _ in chars)
    offsets = (*tuple(i for _, i in chars), len(raw))
    return Document(
        doc_id=doc_id, source=source, raw=raw, text=text, offsets=offsets, breaks=frozenset(breaks)
    )
