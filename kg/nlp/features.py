"""Character features for the statistical tagger, shared by training and tagging.

One function makes them, so the model sees at tagging time exactly what it saw
in training. Besides the characters around each position, the features carry
general knowledge that does not depend on the training set's size: jieba's
dictionary words and their part-of-speech tags (``ns`` place, ``nr`` person,
``nt`` organization), the gazetteer's place names, surnames, titles and
organization suffixes and program heads (``行动``, ``工程``) from
``kg.nlp.lexicon``, and whether a character sits inside quotes or title marks
(programs are often quoted, ``“青苗护航”``, and documents are in ``《》``, which
also hold newspapers).
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.rules.places import match_places

_TITLE_RE = re.compile("|".join(map(re.escape, lx.TITLES)))
_PROG_HEAD_RE = re.compile("|".join(map(re.escape, lx.PROG_HEADS)))
_OPENING = {"“": "“", "《": "《", "「": "“", "『": "“", "〈": "《"}
_CLOSING = frozenset("”》」』〉")
_SUFFIX_RE = re.compile("|".join(map(re.escape, sorted({*lx.ORG_SUFFIX_STRONG, *lx.ORG_SUFFIX_WEAK}, key=len)[::-1])))


def _char_class(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "P"


def _marks(text: str, pattern: re.Pattern[str]) -> tuple[set[int], set[int]]:
    """Start and end-1 positions of every match (titles, suffixes)."""
    starts, lasts = set(), set()
    for m in pattern.finditer(text):
        starts.add(m.start())
        lasts.add(m.end() - 1)
    return starts, lasts


def _quoted(text: str) -> list[str]:
    """The open quote (``“``) or title mark (``《``) each character sits inside, or ``""``;
    a sentence end or line break closes an unbalanced one (OCR drops marks)."""
    state = [""] * len(text)
    open_mark = ""
    for i, ch in enumerate(text):
        if ch in _CLOSING or ch in "。\n":
            open_mark = ""
        elif ch in _OPENING:
            open_mark = _OPENING[ch]
        elif open_mark:
            state[i] = open_mark
    return state


def featurize(text: str) -> list[list[str]]:
    """One list of feature strings per character of ``text``."""
    n = len(text)
    padded = "^^" + text + "$$"
    word_pos = ["S"] * n
    word_tag = ["x"] * n
    word_of = [""] * n
    tags = lx.word_tags()
    for start, end in lx.segment(text):
        word = text[start:end]
        tag = tags.get(word, "x")
        for i in range(start, end):
            word_pos[i] = "S" if end - start == 1 else "B" if i == start else "E" if i == end - 1 else "M"
            word_tag[i] = tag
            word_of[i] = word if end - start > 1 else ""
    place = [""] * n
    for cand in match_places(text):
        for i in range(cand.start, cand.end):
            place[i] = "B" if i == cand.start else "I"
    title_starts, title_lasts = _marks(text, _TITLE_RE)
    _, suffix_lasts = _marks(text, _SUFFIX_RE)
    _, head_lasts = _marks(text, _PROG_HEAD_RE)
    quoted = _quoted(text)
    surnames = lx.SURNAMES_1
    # Built column by column (list comprehensions), then zipped: several times faster
    # than appending feature by feature, and tagging speed is what a build spends most on.
    p = padded
    columns = [
        ["c=" + ch for ch in text],
        ["c-1=" + ch for ch in p[1 : n + 1]],
        ["c+1=" + ch for ch in p[3 : n + 3]],
        ["c-2=" + ch for ch in p[0:n]],
        ["c+2=" + ch for ch in p[4 : n + 4]],
        ["c-1c=" + p[j - 1 : j + 1] for j in range(2, n + 2)],
        ["cc+1=" + p[j : j + 2] for j in range(2, n + 2)],
        ["c-1c+1=" + p[j - 1] + p[j + 1] for j in range(2, n + 2)],
        ["t=" + _char_class(ch) for ch in text],
        ["wp=" + wp for wp in word_pos],
        ["wt=" + wt + wp for wt, wp in zip(word_tag, word_pos, strict=True)],
        ["pl=" + pl for pl in place],
    ]
    out = [["b", *row] for row in zip(*columns, strict=True)]
    for i, feats in enumerate(out):
        if word_of[i]:
            feats.append("w=" + word_of[i])
        if text[i] in surnames:
            feats.append("sur")
        if i + 1 in title_starts:
            feats.append("title>")
        if i - 1 in title_lasts:
            feats.append("<title")
        if i in suffix_lasts:
            feats.append("sfx")
        if i in head_lasts:
            feats.append("phd")
        if quoted[i]:
            feats.append("q=" + quoted[i])
    return out
