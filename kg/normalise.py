"""OCR clean-up that keeps every later stage simple, with an offset map back to the raw text.

Three repairs, in this order:

1. Headline lines that OCR printed twice (``结对帮扶结对帮扶``, ``““``): a line that
   splits wholly into doubled runs keeps one copy of each run. Requiring the
   *whole* line to split that way keeps ordinary reduplication (``常常``) safe.
2. Unicode NFKC, per character, so full-width letters, digits and punctuation
   become their ordinary forms (as ``ANNOTATION.md`` compares mentions).
3. Whitespace next to Chinese text is removed (``朱 鹏 立``, ``赵\\n强``);
   between two non-Chinese characters it collapses to one space (``HIC 100``).
   A character counts as Chinese if it is Chinese as printed *or* after NFKC,
   so a full-width ``，`` counts (its NFKC form ``,`` would not). Where
   whitespace was removed is kept as a *break*, a soft boundary the extractors
   may use (names in a credit line are separated only so).

The cleaned text is one line, so the doubled-line rule is applied once more
to it as a whole (a headline printed twice across a line break), and every
doubled line is halved until it no longer splits (``XXXX`` -> ``X``): that
makes normalising idempotent, ``normalise(normalise(x).text).text ==
normalise(x).text``, which is tested on random text.

Every pass is linear: they work on whole strings (``str.translate``, regex
scans, list slices) rather than per character in Python, and the doubled-line
rule only looks at lines of headline length (``_MAX_DOUBLED_LINE``) whose
characters all occur an even number of times, so its quadratic search is
bounded by a constant per character. ``benchmarks/normalise.py`` times it.

Every output character remembers the raw index it came from, so provenance
can point into the original file. Text in traditional characters also gets a
simplified copy of the same length for extraction (``kg.script``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from kg.model import Document
from kg.script import to_simplified

#: Marks that ANNOTATION.md says are not part of a mention (quotes, title marks), and whitespace.
_NOT_IN_MENTION = re.compile(r"[\s“”‘’\"'《》〈〉「」『』【】]")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’·•□■]")
_WHITESPACE = re.compile(r"\s+")  # \s is exactly str.isspace() for str patterns
_NON_CJK_SPACE = re.compile(r"[^\S\u3000]")  # whitespace that is not Chinese (U+3000 is)
_MIN_DOUBLED_LINE = 4
#: The longest line the doubled-headline rule considers: a headline of up to 100 characters
#: printed twice. Headlines are short lines of their own; a longer line is body text, which
#: OCR never doubled in the corpora, and bounding the line bounds the rule's search.
_MAX_DOUBLED_LINE = 200
#: Tries per character before the doubled-line search gives up (see ``_doubled_runs``).
_SEARCH_BUDGET = 8


@lru_cache(maxsize=65536)
def comparison_form(surface: str) -> str:
    """ANNOTATION.md's comparison form of a mention: NFKC, no whitespace, no quote or title marks,
    in simplified characters (衛生局 and 卫生局 are one name, named in simplified).
    Linking compares names in it, relation patterns match names in it, evaluation scores in it."""
    return to_simplified(_NOT_IN_MENTION.sub("", unicodedata.normalize("NFKC", surface)))


@lru_cache(maxsize=65536)
def _is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


@lru_cache(maxsize=65536)
def _nfkc_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _doubled_runs(line: str) -> list[tuple[int, int]] | None:
    """Split ``line`` wholly into runs ``XX``; return the ``(start, len(X))`` of each, or None.

    Among the splits, each run is taken as long as the rest still splits. Only
    lines of headline length whose characters all occur an even number of times
    are searched (both tests run at C speed, so ordinary text never gets further).
    A run ``XX`` at ``i`` has its second copy start at a later occurrence ``p`` of
    ``line[i]``, so only those are tried; the search gives up (not a doubled line)
    after ``_SEARCH_BUDGET`` tries per character, which real headlines never need
    and which keeps made-up lines such as ``甲甲乙乙…`` linear.
    """
    n = len(line)
    if n < _MIN_DOUBLED_LINE or n % 2 or n > _MAX_DOUBLED_LINE or 2 * len(set(line)) > n:
        return None
    if any(count % 2 for count in Counter(line).values()):
        return None
    budget = _SEARCH_BUDGET * n
    # run[i]: the length of the first run of a split of line[i:], if it splits.
    run: list[int] = [0] * (n + 1)
    splits = [False] * (n + 1)
    splits[n] = True
    later: dict[str, list[int]] = {}  # -p for each later occurrence p of a character, ascending
    for i in range(n - 1, -1, -1):
        seen = later.setdefault(line[i], [])
        # largest first: p = (i + j) / 2 for an end j <= n of the run
        for neg in seen[bisect_left(seen, -((n + i) // 2)) :]:
            budget -= 1
            if budget < 0:
                return None
            p = -neg
            if splits[2 * p - i] and line[i:p] == line[p : 2 * p - i]:
                run[i], splits[i] = p - i, True
                break
        seen.append(-i)
    if not splits[0]:
        return None
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        runs.append((i, run[i]))
        i += 2 * run[i]
    return runs if max(k for _, k in runs) >= 2 else None


def _kept_of_line(line: str) -> list[int] | None:
    """Indices of ``line`` to keep if it is a doubled headline (halved until it no longer
    splits, so a headline printed four times is kept once), else None."""
    stripped = line.strip()
    if not _MIN_DOUBLED_LINE <= len(stripped) <= _MAX_DOUBLED_LINE or _NON_CJK_SPACE.search(stripped):
        return None
    runs = _doubled_runs(stripped)
    if runs is None:
        return None
    lead = len(line) - len(line.lstrip())
    kept = list(range(lead, lead + len(stripped)))
    while runs is not None:
        kept = [kept[i + j] for i, k in runs for j in range(k)]
        runs = _doubled_runs("".join(line[j] for j in kept))
    return [*range(lead), *kept, *range(lead + len(stripped), len(line))]


def _undouble(raw: str) -> tuple[str, list[int]]:
    """``raw`` with doubled headline lines kept once, and the raw index of each character."""
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        kept = _kept_of_line(line)
        if kept is None:
            pieces.append(line)
            offsets.extend(range(pos, pos + len(line)))
        else:
            pieces.append("".join(line[j] for j in kept))
            offsets.extend(pos + j for j in kept)
        pos += len(line)
    return "".join(pieces), offsets


def _nfkc(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """NFKC per character (``str.translate`` over the distinct characters that change)."""
    if text.isascii():
        return text, offsets
    table = {ord(c): _nfkc_char(c) for c in set(text) if not c.isascii() and _nfkc_char(c) != c}
    if not table:
        return text, offsets
    out = text.translate(table)
    if len(out) == len(text) and all(len(v) == 1 for v in table.values()):
        return out, offsets
    # Some character expands (``㈠`` -> ``(一)``): each piece of it maps to its raw index.
    resized = re.compile("[" + "".join(re.escape(chr(o)) for o, v in table.items() if len(v) != 1) + "]")
    new_offsets: list[int] = []
    last = 0
    for m in resized.finditer(text):
        new_offsets.extend(offsets[last : m.start()])
        new_offsets.extend([offsets[m.start()]] * len(table[ord(m.group())]))
        last = m.end()
    new_offsets.extend(offsets[last:])
    return out, new_offsets


def _whitespace(text: str, offsets: list[int], raw: str) -> tuple[str, list[int], set[int]]:
    """Remove whitespace next to Chinese text, collapse the rest to one space; return the breaks."""

    def chinese(pos: int) -> bool:
        return _is_cjk(text[pos]) or _is_cjk(raw[offsets[pos]])

    pieces: list[str] = []
    new_offsets: list[int] = []
    breaks: set[int] = set()
    size = last = 0
    n = len(text)
    for m in _WHITESPACE.finditer(text):
        a, b = m.span()
        pieces.append(text[last:a])
        new_offsets.extend(offsets[last:a])
        size += a - last
        last = b
        if a == 0 or b == n:
            continue
        if not chinese(a - 1) and not chinese(b):
            pieces.append(" ")
            new_offsets.append(offsets[a])
            size += 1
        else:
            breaks.add(size)
    pieces.append(text[last:])
    new_offsets.extend(offsets[last:])
    return "".join(pieces), new_offsets, breaks


def normalise(doc_id: str, source: str, raw: str, *, encoding: str = "utf-8", sha256: str = "") -> Document:
    """Return the cleaned ``Document`` for one raw text, with its offset map.

    ``encoding`` and ``sha256`` are only recorded: what the reader learnt about the file."""
    text, offsets = _undouble(raw)
    text, offsets = _nfkc(text, offsets)
    text, offsets, breaks = _whitespace(text, offsets, raw)
    kept = _kept_of_line(text)  # the cleaned text is one line: a headline doubled across lines
    if kept is not None:
        rank = {j: i for i, j in enumerate(kept)}
        text = "".join(text[j] for j in kept)
        offsets = [offsets[j] for j in kept]
        breaks = {rank[b] for b in breaks if b in rank}
    simplified = to_simplified(text)
    return Document(
        doc_id=doc_id,
        source=source,
        raw=raw,
        text=text,
        offsets=(*offsets, len(raw)),
        breaks=frozenset(breaks),
        encoding=encoding,
        sha256=sha256,
        simplified=None if simplified == text else simplified,
    )
