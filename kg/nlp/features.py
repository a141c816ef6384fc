"""Character features for the statistical tagger, shared by training and tagging.

One class makes them, so the model sees at tagging time exactly what it saw
in training. Besides the characters around each position, the features carry
general knowledge that does not depend on the training set's size: jieba's
dictionary words and their part-of-speech tags (``ns`` place, ``nr`` person,
``nt`` organization), the gazetteer's place names, surnames, titles,
organization suffixes and program heads (``行动``, ``工程``), and whether a
character sits inside quotes or title marks (programs are often quoted,
``“青苗护航”``, and documents are in ``《》``, which also hold newspapers).

Those word lists are *frozen with the model*: training writes them next to it
(``ner.features.json`` beside ``ner.crfsuite``) and tagging reads them from
there, never from the rules' live lists in ``kg.nlp.lexicon``. Otherwise every
edit of a rule's word list would silently change what the model sees and
invalidate it; this way the rules and the model can be changed apart.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.nlp import lexicon as lx

_OPENING = {"“": "“", "《": "《", "「": "“", "『": "“", "〈": "《"}
_CLOSING = frozenset("”》」』〉")
#: File name suffix of the frozen word lists beside a model file (``ner.crfsuite`` -> ``ner.features.json``).
SUFFIX = ".features.json"


def lexicon_path(model: Path) -> Path:
    """Where the word lists frozen with ``model`` live."""
    return model.with_name(model.name.rsplit(".", 1)[0] + SUFFIX)


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))) or r"(?!)")


@dataclass(frozen=True)
class FeatureLexicon:
    """The word lists the features read, as frozen at training time."""

    titles: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    program_heads: tuple[str, ...]
    surnames: tuple[str, ...]
    places: tuple[str, ...]

    @classmethod
    def current(cls) -> FeatureLexicon:
        """Today's lists from ``kg.nlp.lexicon`` and the gazetteer (what training freezes)."""
        # The place rule's own name table (full names, usable short names, autonomous aliases).
        from kg.nlp.rules.places import _place_names as place_names

        return cls(
            titles=tuple(sorted(lx.TITLES)),
            org_suffixes=tuple(sorted({*lx.ORG_SUFFIX_STRONG, *lx.ORG_SUFFIX_WEAK})),
            program_heads=tuple(sorted(lx.PROG_HEADS)),
            surnames=tuple(sorted(lx.SURNAMES_1)),
            places=tuple(sorted(place_names())),
        )

    def write(self, path: Path) -> None:
        data = {name: list(getattr(self, name)) for name in self.__dataclass_fields__}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> FeatureLexicon:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{name: tuple(data[name]) for name in cls.__dataclass_fields__})

    @cached_property
    def _place_prefixes(self) -> frozenset[str]:
        return frozenset(name[:k] for name in self.places for k in range(1, len(name) + 1))

    def place_spans(self, text: str) -> list[tuple[int, int]]:
        """Longest place names left to right; a following name longer than two characters
        joins the one before (``昌吉市阿什里哈萨克民族乡`` is one nested name)."""
        names, prefixes = frozenset(self.places), self._place_prefixes
        spans: list[tuple[int, int]] = []
        i, n = 0, len(text)

        def longest(at: int) -> int:
            hit, j = 0, at + 1
            while j <= n and text[at:j] in prefixes:
                if text[at:j] in names:
                    hit = j - at
                j += 1
            return hit if hit >= 2 else 0

        while i < n:
            hit = longest(i)
            if not hit:
                i += 1
                continue
            end = i + hit
            while end < n and (nxt := longest(end)) > 2:
                end += nxt
            spans.append((i, end))
            i = end
        return spans


class Featurizer:
    """``featurize(text)``: one list of feature strings per character, from one frozen lexicon."""

    def __init__(self, lexicon: FeatureLexicon) -> None:
        self.lexicon = lexicon
        self._titles = _alternation(lexicon.titles)
        self._suffixes = _alternation(lexicon.org_suffixes)
        self._heads = _alternation(lexicon.program_heads)
        self._surnames = frozenset(lexicon.surnames)

    def __call__(self, text: str) -> list[list[str]]:
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
        for start, end in self.lexicon.place_spans(text):
            for i in range(start, end):
                place[i] = "B" if i == start else "I"
        title_starts, title_lasts = _marks(text, self._titles)
        _, suffix_lasts = _marks(text, self._suffixes)
        _, head_lasts = _marks(text, self._heads)
        quoted = _quoted(text)
        surnames = self._surnames
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
