"""Places: the administrative divisions of China by full and short name, regions, addresses."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.util import registry

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon
from kg.nlp.candidate import Candidate, Rule

# An address: a place, then road/street and number, then optionally a building and floor.
_ADDRESS_TAIL = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:路|街|大道|巷|道)\d+号(?:[\u4e00-\u9fff]{1,8}?(?:大厦|大楼|楼|中心|广场))?(?:[一二三四五六七八九十\d]+(?:楼|层))?"
)


#: jieba tags under which a word is a place (ns) or unknown to it; a short name
#: that jieba knows as anything else (牡丹 n, 白云 n, 清水 n) is not matched alone.
_PLACE_TAGS = ("ns",)


def _short_name_usable(surface: str, places: tuple) -> bool:
    """Short names are how provinces, prefectures and county-level cities are written
    (福州, 昌吉, 建瓯); counties and districts keep their suffix (清水县, 白云区), whose
    bare names are mostly ordinary words."""
    tag = lexicon.word_tags().get(surface)
    if tag is not None and not tag.startswith(_PLACE_TAGS) and tag != "nr":
        return False
    return any(p.level in ("province", "prefecture", "region") or p.name.endswith("市") for p in places)


@lru_cache(maxsize=1)
def _place_names() -> dict[str, bool]:
    """Name -> whether a match is a mention. Full names are; a short name is if
    ``_short_name_usable``, else it only anchors organization names (平潭 in
    平潭综合实验区社会事业局). Short names that are everyday words (资源, 合作) are out."""
    gazetteer = load_gazetteer()
    clashes = lexicon.place_clashes()
    names: dict[str, bool] = {}
    for surface in gazetteer.names():
        places = gazetteer.lookup(surface)
        if len(surface) < 2:
            continue
        if any(p.name == surface for p in places):
            names[surface] = True
        elif surface not in clashes:
            names[surface] = _short_name_usable(surface, places)
    return names


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every prefix of every name: a scan stops as soon as the text leaves them (most
    characters start no place name at all), as jieba's dictionary scan does."""
    return frozenset(name[:k] for name in _place_names() for k in range(1, len(name) + 1))


def _longest_at(text: str, i: int, names: dict[str, bool], prefixes: frozenset[str]) -> int:
    """Length of the longest place name starting at ``i`` (0 if none)."""
    hit, j, n = 0, i + 1, len(text)
    while j <= n and text[i:j] in prefixes:
        if text[i:j] in names:
            hit = j - i
        j += 1
    return hit if hit >= 2 else 0


@lru_cache(maxsize=4)
def _match_places(text: str) -> tuple[Candidate, ...]:
    return tuple(_scan(text))


def match_places(text: str) -> list[Candidate]:
    """Every longest gazetteer name in ``text``, left to right, not overlapping.

    Cached per text: the place rule and the tagger's features both ask for it."""
    return list(_match_places(text))


def _scan(text: str) -> list[Candidate]:
    names = _place_names()
    prefixes = _prefixes()
    words = lexicon.word_starts(text)
    out: list[Candidate] = []
    i, n = 0, len(text)
    while i < n:
        hit = _longest_at(text, i, names, prefixes)
        if not hit:
            i += 1
            continue
        # Nested divisions written together are one mention (昌吉市阿什里哈萨克民族乡).
        end = i + hit
        while end < n and (nxt := _longest_at(text, end, names, prefixes)) > 2:
            end += nxt
        out.append(Candidate(i, end, "LOC", "gazetteer", mention=names[text[i : i + hit]] or end > i + hit))
        if end - i <= 3 and not ({i, end} <= words):
            # 对应县域, 和政治: the name cuts through a word. Keep it as an anchor
            # for organization names, but not as a mention.
            out[-1] = Candidate(i, end, "LOC", "gazetteer-in-word", mention=False)
        i = end
    return out


@registry.misc("kg.place_rules.v1")
def make_place_rules(addresses: bool = True) -> Rule:
    """Places from the gazetteer, and street addresses that start with one."""

    def place_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        places = match_places(text)
        if not addresses:
            return places
        out: list[Candidate] = []
        for cand in places:
            m = _ADDRESS_TAIL.match(text, cand.end)
            if m:
                out.append(Candidate(cand.start, m.end(), "LOC", "address", priority=1))
            else:
                out.append(cand)
        return out

    return place_rules
