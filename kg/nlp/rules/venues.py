"""Venues: a named park, hall, square, station or centre is a place (ANNOTATION.md).

Kept apart from ``places.py``, which finds the divisions themselves, so that each stays readable:
a venue's name runs left from its head (``lexicon.VENUE_HEADS``) to the nearest stop, verb,
particle or count, keeps a zone and a division's full name written before it, and may take a
part written after it; a level's one character names its division's own hall (``市体育馆``).
"""

from __future__ import annotations

import re

from kg.nlp import lexicon
from kg.nlp.candidate import Candidate

#: A character of a name (places.py reads zones' names with it too).
NAME_CHAR = lexicon.HAN
#: Suffixes of a division's full name (places.py reads them too).
DIVISION_SUFFIXES = ("省", "市", "州", "盟", "区", "县", "旗", "镇", "乡", "村", "街道")
_VENUE_RE = re.compile("|".join(map(re.escape, lexicon.VENUE_HEADS)))
#: A part of a venue written after it (某公园 + 某某园).
_VENUE_PART = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:园|馆|厅)")
#: A count before a venue (一座, 这个, 一座座, and a classifier alone after digits: 20个).
_COUNT_WORD = re.compile(r"[一二两三几每这那该]?([座个处家所片])\1?")
_MAX_VENUE_NAME = 14
#: Levels of government whose one character names a division's own building (市体育馆).
_LEVELS = frozenset("省市县区")
_NOT_BY_LEVEL = frozenset(("大酒店", "办公楼"))


def _plain_name(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` may be the own part of a venue's name: no stop inside,
    not a generic or everyday word (贫困地区, 门诊大楼)."""
    piece = text[start:end]
    return (
        all(NAME_CHAR.match(ch) and ch not in lexicon.NAME_STOP for ch in piece)
        and not piece.startswith(lexicon.GENERIC_PREFIX)
        and piece not in lexicon.everyday_words()
    )


def find_venues(text: str, places: list[Candidate]) -> list[Candidate]:
    """``某某公园``, ``某某交流中心``, ``某校区办公楼``: a named venue is a place (ANNOTATION.md).
    The name runs left from the head to the nearest stop or verb (在, 举行, 来到)."""
    out: list[Candidate] = []
    # A place written in full before a venue is part of its name (某市某区某公园); a short
    # name is a mention of its own, as general news writes them (北京 + 某剧院).
    # Not a short name too ambiguous to be a mention on its own (滨江 + 湿地公园: a common word
    # the gazetteer only anchors); a name cut out of a word still is one (北京|人民大会堂).
    ends = {
        c.end
        for c in places
        if (c.mention or c.rule != "gazetteer") and not text[c.start : c.end].endswith(DIVISION_SUFFIXES)
    }
    for m in _VENUE_RE.finditer(text):
        if text.startswith("舞", m.end()):
            continue  # 广场舞
        start = m.start()
        while start > 0 and m.start() - start < _MAX_VENUE_NAME and NAME_CHAR.match(text[start - 1]):
            if text[start - 1] in lexicon.NAME_STOP or lexicon.boundary_ending_at(text, start):
                break
            if start in ends and start < m.start():
                break  # a city written before the venue is a mention of its own (北京 + 某剧院)
            start -= 1
        words = lexicon.segment(text)
        starts = {s for s, _ in words}
        while start < m.start() and start not in starts:
            start += 1
        # 扩建|某体育场, 专家们走进|某小区, 双方就|某机场, 变成一座|某公园: a verb, a particle standing
        # as a word, or a count before the name is no part of it.
        cut = max((e for s, e in words if start <= s and e < m.start() and _not_in_venue(text[s:e])), default=None)
        if any(e == m.start() and start <= s and _COUNT_WORD.fullmatch(text[s:e]) for s, e in words):
            continue  # 一座座|大厦: a count right before the head leaves a kind, not a name
        if cut:
            start = cut
        # 某市某新区 + 某公园: a zone is written with the city it is named after; the venue keeps both.
        start = min([start] + [c.start for c in places if c.rule == "zone" and c.start < start < c.end <= m.start()])
        if _jurisdiction_building(text, start, m):
            pass  # 市体育馆, 县会展中心: the division's own building, named by its level
        elif m.start() - start < 2 or not _plain_name(text, start, m.start()) or _kind_of_venue(text, start, m.start()):
            continue
        end = m.end()
        part = _VENUE_PART.match(text, end)
        if part and _plain_name(text, end, part.end()):
            end = part.end()
        out.append(Candidate(start, end, "LOC", "venue", priority=1))
    return out


#: Qualities a venue is built or rated for (安全文明小区, 生态公园): written alone before the head, a
#: kind or an honour, no name. Words ending in 式/型 (开放式, 花园式, 节约型) say a manner, and jieba's
#: b (大型, 综合性) a class: the same.
_QUALITIES = frozenset((
    "文明", "安全", "平安", "卫生", "绿色", "示范", "生态", "和谐", "美丽", "智慧", "智能", "星级", "健康",
    "无烟", "低碳", "环保", "宜居", "标准化", "现代化", "新型", "老旧", "高档", "普通", "综合",
))  # fmt: skip
_MANNER_ENDS = ("式", "型")


def _kind_of_venue(text: str, start: int, head: int) -> bool:
    """``开放式公园``, ``安全文明小区``: every word before the head is a quality or a class, so the
    phrase names a kind of venue (or a title awarded to one), not a venue."""
    ends = {s: e for s, e in lexicon.segment(text[start:head])}
    i, own = 0, text[start:head]
    while i < len(own):
        word = next((own[i : i + k] for k in (3, 2) if own[i : i + k] in _QUALITIES), "") or own[i : ends.get(i, i + 1)]
        if not (word in _QUALITIES or word.endswith(_MANNER_ENDS) or lexicon.word_tags().get(word) == "b"):
            return False
        i += len(word)
    return bool(own)


def _not_in_venue(word: str) -> bool:
    return (
        lexicon.word_tags().get(word) in ("v", "p")  # 扩建|, 经过|: a verb or a preposition
        or word in lexicon.LEADING_PARTICLES
        or bool(_COUNT_WORD.fullmatch(word))
    )


def _jurisdiction_building(text: str, start: int, m: re.Match[str]) -> bool:
    """``在市体育馆``, ``县会展中心``: a level's one character before a hall's head names the
    division's building (a place, ANNOTATION.md); a park, square or hotel so named is no one place."""
    return (
        m.start() - start == 1
        and text[start] in _LEVELS
        and len(m.group()) >= 3
        and m.group() not in _NOT_BY_LEVEL
    )
