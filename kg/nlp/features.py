"""Character features for the statistical tagger, shared by training and tagging.

One function makes them, so the model sees at tagging time exactly what it saw
in training. Besides the characters around each position, the features carry
general knowledge that does not depend on the training set's size: jieba's
dictionary words and their part-of-speech tags (``ns`` place, ``nr`` person,
``nt`` organization), the gazetteer's place names, surnames, titles and
organization suffixes from ``kg.nlp.lexicon``.
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.rules.places import match_places

_TITLE_RE = re.compile("|".join(map(re.escape, lx.TITLES)))
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
    surnames = lx.SURNAMES_1
    out = []
    for i in range(n):
        j = i + 2
        c = padded[j]
        feats = [
            "b",
            "c=" + c,
            "c-1=" + padded[j - 1],
            "c+1=" + padded[j + 1],
            "c-2=" + padded[j - 2],
            "c+2=" + padded[j + 2],
            "c-1c=" + padded[j - 1 : j + 1],
            "cc+1=" + padded[j : j + 2],
            "c-1c+1=" + padded[j - 1] + padded[j + 1],
            "t=" + _char_class(c),
            "wp=" + word_pos[i],
            "wt=" + word_tag[i] + word_pos[i],
            "pl=" + place[i],
        ]
        if word_of[i]:
            feats.append("w=" + word_of[i])
        if c in surnames:
            feats.append("sur")
        if i + 1 in title_starts:
            feats.append("title>")
        if i - 1 in title_lasts:
            feats.append("<title")
        if i in suffix_lasts:
            feats.append("sfx")
        out.append(feats)
    return out
