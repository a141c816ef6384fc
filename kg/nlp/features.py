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
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress, islice, repeat, starmap
from operator import add, itemgetter
from pathlib import Path
from typing import Any

from kg.nlp import lexicon as lx

_OPENING = {"“": "“", "《": "《", "「": "“", "『": "“", "〈": "《"}
_CLOSING = "”》」』〉"
#: An opening mark (group 1) and the characters it holds (group 2): up to the next mark, sentence end or line
#: break (an unbalanced mark is closed there: OCR drops marks); the marks themselves are not inside.
_QUOTED = re.compile("([" + "".join(_OPENING) + "])([^" + "".join(_OPENING) + _CLOSING + "。\n]*)")
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
    def _place_index(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Place names of two characters or more, every prefix of one, and their first two characters.

        The first-two-character set finds the few positions where a name can start in one
        C-level pass (``_starts``), so the prefix walk runs there only, not at every character.
        """
        names = frozenset(name for name in self.places if len(name) >= 2)
        prefixes = frozenset(name[:k] for name in names for k in range(2, len(name) + 1))
        return names, prefixes, frozenset(name[:2] for name in names)

    def place_spans(self, text: str, pairs: Iterable[str] | None = None) -> list[tuple[int, int]]:
        """Longest place names left to right; a following name longer than two characters
        joins the one before (``昌吉市阿什里哈萨克民族乡`` is one nested name).

        ``pairs``: ``text[i] + text[i + 1]`` for each ``i``, if the caller has made them already
        (the featurizer has, for its bigrams: they are then made and hashed once, not twice)."""
        names, prefixes, firsts = self._place_index
        spans: list[tuple[int, int]] = []
        n = len(text)

        def longest(at: int) -> int:
            hit, j = 0, at + 2
            while j <= n and text[at:j] in prefixes:
                if text[at:j] in names:
                    hit = j - at
                j += 1
            return hit

        end = 0
        if pairs is None:
            pairs = map(add, text, text[1:])
        for start in compress(range(n), map(firsts.__contains__, pairs)):
            if start < end or not (hit := longest(start)):
                continue
            end = start + hit
            while end < n and (nxt := longest(end)) > 2:
                end += nxt
            spans.append((start, end))
        return spans


class _Table(dict[Any, Any]):
    """``table[key]`` is ``make(key)``, made once: ``map(table.__getitem__, keys)`` then allocates
    nothing, and the features of every document share the same few thousand string objects."""

    def __init__(self, make: Callable[[Any], Any], limit: int = 0) -> None:
        super().__init__()
        self.make = make
        self.limit = limit  # forget everything past this many entries (bigrams): memory stays bounded

    def __missing__(self, key: Any) -> Any:
        if self.limit and len(self) >= self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value


def _shape(length: int) -> str:
    """Each character's place in a word of ``length``: ``S``ingle, or ``B``egin, ``M``iddle, ``E``nd."""
    return "S" if length == 1 else "B" + "M" * (length - 2) + "E"


#: Most character bigrams a table keeps (a few MB); past it the table starts again, output unchanged.
BIGRAM_LIMIT = 200_000
#: Most words of the segmentation a table keeps (dictionary words and single characters).
WORD_LIMIT = 200_000


class Featurizer:
    """``featurize(text)``: one list of feature strings per character, from one frozen lexicon.

    Tagging speed is what extraction spends most on, and making ~17 strings per character was
    most of the features' cost, so the features are made column by column with ``map``/``zip``
    (C loops, no Python bytecode per character) from memo tables of finished feature strings:
    per character (``c=`` ...), per bigram, and per word length and tag (``wp=``, ``wt=``).
    The features, their order in each row included, are exactly those the model was trained on;
    ``tests/nlp/test_features.py`` keeps the straightforward per-character version as the oracle.
    """

    def __init__(self, lexicon: FeatureLexicon, *, encoded: bool = False) -> None:
        """``encoded``: each feature as its UTF-8 bytes, which pycrfsuite takes without encoding
        every string again (a fifth of its time); the tagger's choice, training keeps ``str``."""
        self.lexicon = lexicon
        self._titles = _alternation(lexicon.titles)
        self._suffixes = _alternation(lexicon.org_suffixes)
        self._heads = _alternation(lexicon.program_heads)
        self._surnames = frozenset(lexicon.surnames)
        enc: Callable[[str], Any] = str.encode if encoded else str
        self._enc = enc
        chars = [_Table(lambda ch, name=name: enc(name + ch)) for name in ("c=", "c-1=", "c+1=", "c-2=", "c+2=")]
        self._char, self._prev, self._next, self._prev2, self._next2 = chars
        self._class = _Table(lambda ch: enc("t=" + _char_class(ch)))
        self._left = _Table(lambda pair: enc("c-1c=" + pair), BIGRAM_LIMIT)
        self._right = _Table(lambda pair: enc("cc+1=" + pair), BIGRAM_LIMIT)
        self._around = _Table(lambda pair: enc("c-1c+1=" + pair), BIGRAM_LIMIT)
        self._word_pos = _Table(lambda length: [enc("wp=" + letter) for letter in _shape(length)])
        self._word_tag = _Table(lambda key: [enc("wt=" + key[0] + letter) for letter in _shape(key[1])])
        self._word = _Table(self._word_features, WORD_LIMIT)
        self._const = {name: enc(name) for name in ("b", "pl=", "pl=B", "pl=I", "sur", "title>", "<title", "sfx",
                                                    "phd", *("q=" + mark for mark in set(_OPENING.values())))}

    def _word_features(self, word: str) -> tuple[list[Any], list[Any], list[bool], list[Any]]:
        """The features a word of the segmentation gives each of its characters, made once per word:
        ``wp=`` (place in the word), ``wt=`` (jieba's tag and place), whether the character is in a
        word of two characters or more, and then that word's ``w=`` feature (none for one character)."""
        length = len(word)
        tag = lx.word_tags().get(word, "x")
        whole = [self._enc("w=" + word)] * length if length > 1 else []
        return self._word_pos[length], self._word_tag[tag, length], [length > 1] * length, whole

    def __call__(self, text: str) -> list[list[Any]]:
        """The features of each character of ``text`` (``str``, or ``bytes`` if ``encoded``)."""
        n = len(text)
        if not n:
            return []
        const = self._const
        # Each character as one string object, made and hashed once for all the tables it is looked up in
        # (iterating a str makes a new object per CJK character each time).
        p = list("^^" + text + "$$")
        chars, before, after = p[2 : n + 2], p[1 : n + 1], p[3 : n + 3]
        pairs = list(map(add, p[1 : n + 2], p[2 : n + 3]))  # pairs[i]: the characters at i-1, i
        words = lx.segment(text)
        # One look-up per word for all its features (word_features): its words' spans are its columns.
        entries = list(map(self._word.__getitem__, map(text.__getitem__, starmap(slice, words))))
        place = [const["pl="]] * n
        for start, end in self.lexicon.place_spans(text, islice(pairs, 1, n)):
            place[start] = const["pl=B"]
            place[start + 1 : end] = [const["pl=I"]] * (end - start - 1)
        rows = list(map(list, zip(
            repeat(const["b"]),
            map(self._char.__getitem__, chars),
            map(self._prev.__getitem__, before),
            map(self._next.__getitem__, after),
            map(self._prev2.__getitem__, p[0:n]),
            map(self._next2.__getitem__, p[4 : n + 4]),
            map(self._left.__getitem__, pairs[:n]),
            map(self._right.__getitem__, pairs[1:]),
            map(self._around.__getitem__, map(add, before, after)),
            map(self._class.__getitem__, chars),
            chain.from_iterable(map(_POSITIONS, entries)),
            chain.from_iterable(map(_TAGS, entries)),
            place,
        )))  # fmt: skip
        # The features only some characters have, appended kind by kind in the trained order.
        _append(rows, compress(range(n), chain.from_iterable(map(_IN_LONG, entries))),
                chain.from_iterable(map(_WHOLE, entries)))
        _append(rows, compress(range(n), map(self._surnames.__contains__, chars)), repeat(const["sur"]))
        title_starts, title_lasts = _marks(text, self._titles)
        _append(rows, sorted(s - 1 for s in title_starts if s), repeat(const["title>"]))
        _append(rows, sorted(i + 1 for i in title_lasts if i + 1 < n), repeat(const["<title"]))
        _append(rows, sorted(_marks(text, self._suffixes)[1]), repeat(const["sfx"]))
        _append(rows, sorted(_marks(text, self._heads)[1]), repeat(const["phd"]))
        for m in _QUOTED.finditer(text):
            start, end = m.span(2)
            _append(rows, range(start, end), repeat(const["q=" + _OPENING[m[1]]]))
        return rows


_POSITIONS, _TAGS, _IN_LONG, _WHOLE = map(itemgetter, range(4))  # the fields of word_features' tuple


def _append(rows: list[list[str]], positions: Iterable[int], features: Iterable[str]) -> None:
    """Append each feature to the row at its position (a C loop: ``deque(maxlen=0)`` drains the map)."""
    deque(map(list.append, map(rows.__getitem__, positions), features), maxlen=0)


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
