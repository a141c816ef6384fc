"""Tibetan names after a title (issue 11): 副县长格桑卓玛, 院长次仁多吉, 副主席罗布顿珠.

Such names have no surname, so ``people.name_at`` (surname + one or two characters) misses them
or cuts them (罗布|顿珠 read as 罗 + 布). They are one to three syllables from a list of common
name syllables (``kg/resources/name_syllables.txt``, general knowledge as the surname list is),
read only right after a title and only when the name ends where a name ends (punctuation, a
word people.py ends names at, a verb standing as a word: not 平措|施工, cut from 措施).
The articles of western provinces (Qinghai, Tibet, Sichuan's Tibetan areas) write many of them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate

_MAX_SYLLABLES = 3
_MIN_NAME = 2
#: What may follow a name: punctuation and the words people.py ends names at are asked by the caller.
_CLOSERS = frozenset(",，、。;；:：!！?？()（）“”\"' \n")


@lru_cache(maxsize=1)
def _syllables() -> tuple[str, ...]:
    text = files("kg.resources").joinpath("name_syllables.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def name_end(text: str, start: int, after_name: tuple[str, ...]) -> int:
    """End of a Tibetan name of syllables starting at ``start``, or 0: the name must be followed
    by punctuation, the text's end or a word of ``after_name`` (表示, 出席, 等 ...)."""
    i, count = start, 0
    while count < _MAX_SYLLABLES:
        syllable = next((s for s in _syllables() if text.startswith(s, i)), "")
        if not syllable or (count == 0 and len(syllable) < _MIN_NAME):
            break
        i += len(syllable)
        count += 1
    if i - start < _MIN_NAME:
        return 0
    if i == len(text) or text[i] in _CLOSERS or text.startswith(after_name, i):
        return i
    # 次仁多吉|签订: a verb standing as a word right after it (not 平措|施工, cut from 措施)
    word = next(((a, b) for a, b in lx.segment(text) if a == i), None)
    return i if word and lx.word_tags().get(text[word[0] : word[1]]) == "v" else 0


def after_titles(text: str, title_ends: list[int], after_name: tuple[str, ...]) -> list[Candidate]:
    """A Tibetan name right after each title that ends at one of ``title_ends``."""
    out = []
    for end in title_ends:
        name = name_end(text, end, after_name)
        if name:
            out.append(Candidate(end, name, "PER", "title-before-syllables"))
    return out
