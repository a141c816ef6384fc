"""Places: the administrative divisions of China by full and short name, zones, regions, addresses
(venues: ``venues.py``; short names written again: ``short_places.py``)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import add

from spacy.util import registry

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon
from kg.nlp.candidate import Candidate, Rule
from kg.nlp.rules.regions import PROVINCE_FORMS as _PROVINCE_FORMS
from kg.nlp.rules.regions import province_runs
from kg.nlp.rules.short_places import named_in_full, townships_named_again
from kg.nlp.rules.venues import DIVISION_SUFFIXES as _DIVISION_SUFFIXES
from kg.nlp.rules.venues import NAME_CHAR as _NAME_CHAR
from kg.nlp.rules.venues import find_venues
from kg.warm import kept

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
    bare names are mostly ordinary words. A prefecture's or province's short name that jieba
    files under another tag but barely knows (毕节, 林芝: ``lexicon.rare_word``) is still the
    place: the dictionary's rare entry is the city itself, not a word of everyday use."""
    tag = lexicon.word_tags().get(surface)
    high = any(p.level in ("province", "prefecture", "region") for p in places)
    if tag is not None and not tag.startswith(_PLACE_TAGS) and tag != "nr":
        return high and lexicon.rare_word(surface)
    return high or any(p.name.endswith("市") for p in places)


@kept
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
            # 城区 is a district's full name, and an everyday word: it only anchors bodies' names.
            names[surface] = not (len(surface) == 2 and surface in clashes)
        elif surface not in clashes:
            names[surface] = _short_name_usable(surface, places)
            for place in places:
                alias = _autonomous_alias(surface, place.name)
                if alias:
                    names.setdefault(alias, True)
    return names


def _autonomous_alias(short: str, full: str) -> str | None:
    """``玉树州``, ``新晃县``: an autonomous prefecture or county is also written as its short
    name and the plain suffix, without the nationality (玉树藏族自治州, 新晃侗族自治县)."""
    for suffix, plain in (("自治州", "州"), ("自治县", "县")):
        if full.endswith(suffix) and full.startswith(short) and full != short + suffix:
            return short + plain
    return None


@kept
def _prefixes() -> frozenset[str]:
    """Every prefix of every name: a scan stops as soon as the text leaves them (most
    characters start no place name at all), as jieba's dictionary scan does."""
    return frozenset(name[:k] for name in _place_names() for k in range(1, len(name) + 1))


@kept
def _openings() -> frozenset[str]:
    """The first two characters of every name of two or more: a name found is at least two
    long, so a position whose two characters open none is passed over in one lookup."""
    return frozenset(name[:2] for name in _place_names() if len(name) >= 2)


def _longest_at(text: str, i: int, names: dict[str, bool], prefixes: frozenset[str]) -> int:
    """Length of the longest place name starting at ``i`` (0 if none)."""
    if text[i : i + 2] not in _openings():
        return 0
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


def _inside(inner: str, outer: str) -> bool:
    """``玉树杂多``: a two-character short name nests in the place before it only if the
    gazetteer puts it there (two short names side by side are otherwise two places)."""
    gazetteer = load_gazetteer()
    outer_codes = {p.code for k in (4, 3, 2) for p in gazetteer.lookup(outer[-k:])}
    return any(a.code in outer_codes for p in gazetteer.lookup(inner) for a in gazetteer.ancestors(p.code))


def _after_conjunction(text: str, i: int, end: int) -> bool:
    """``某县和乐业县``: a division's full name after 和/与/及 whose first character the dictionary
    reads with the conjunction (和乐) is still the division: its suffix ends it at a word end."""
    surface = text[i:end]
    return (
        text[i - 1 : i] in _CONJUNCTIONS
        and end in lexicon.word_starts(text)
        and surface.endswith(_DIVISION_SUFFIXES)
        and any(p.name == surface for p in load_gazetteer().lookup(surface))
    )


#: The last character of a full name of a county or a higher division.
_COUNTY_UP = frozenset("省市县区州盟旗")


def _full_name(surface: str) -> bool:
    """``江苏省``, ``从江县``: the gazetteer's full name of a division, not a short name."""
    return any(p.name == surface for p in load_gazetteer().lookup(surface))


def _full_name_inside(text: str, i: int, end: int, names: dict[str, bool], prefixes: frozenset[str]) -> int | None:
    """Where a division's full name starts inside the short name ``text[i:end]`` and runs past
    it: 记者从江苏省… is 从 + 江苏省, not the county 从江 + 苏省. A full name ending in a county's
    or higher level's suffix is surer than a two-character short name, which leftmost-longest
    matching alone would take; a village's or township's (京中) is not (北京中医药大学)."""
    for j in range(i + 1, end):
        hit = _longest_at(text, j, names, prefixes)
        if hit and j + hit > end and text[j + hit - 1] in _COUNTY_UP and _full_name(text[j : j + hit]):
            return j
    return None


def _scan(text: str) -> list[Candidate]:
    names = _place_names()
    prefixes = _prefixes()
    words = lexicon.word_starts(text)
    out: list[Candidate] = []
    i, n = 0, len(text)
    # Only where a name's first two characters stand can one start (_longest_at is 0 elsewhere).
    for start in compress(range(n), map(_openings().__contains__, map(add, text, text[1:]))):
        if start < i:
            continue
        i = start
        hit = _longest_at(text, i, names, prefixes)
        if not hit:
            continue
        if not _full_name(text[i : i + hit]) and (later := _full_name_inside(text, i, i + hit, names, prefixes)):
            i = later  # 从江苏省: the short name 从江 would cut the province's full name
            continue
        # Nested divisions written together are one mention (昌吉市阿什里哈萨克民族乡).
        end = i + hit
        while end < n and (nxt := _longest_at(text, end, names, prefixes)) and (
            nxt > 2 or _inside(text[end : end + nxt], text[i:end])
        ):
            end += nxt
        out.append(Candidate(i, end, "LOC", "gazetteer", mention=names[text[i : i + hit]] or end > i + hit))
        if end - i <= 3 and not ({i, end} <= words) and not _after_conjunction(text, i, end):
            # 对应县域, 和政治: the name cuts through a word. Keep it as an anchor
            # for organization names, but not as a mention.
            out[-1] = Candidate(i, end, "LOC", "gazetteer-in-word", mention=False)
        i = end
    return out


_ZONE_RE = re.compile("|".join(map(re.escape, lexicon.ZONE_HEADS)))
_MAX_ZONE_NAME = 6
_VILLAGE = re.compile(r"[\u4e00-\u9fff]{1,3}?(村|社区)(?![\u4e00-\u9fff]{0,1}(?:民|委|干部|医|卫))")
_CONJUNCTIONS = frozenset("和与及")
#: jieba tags of words that describe a kind of zone rather than name one (a, d, f, r, m, v).
_KIND_TAGS = frozenset("adfrmv")


def _zones(text: str, places: list[Candidate]) -> list[Candidate]:
    """``某市某某新区``, ``某市台商投资区``, ``某地区``: a zone named after the place it lies in.

    The zone's own name (after the place) also anchors bodies named after the zone
    alone later in the text (``台商投资区医院``)."""
    out: list[Candidate] = []
    starts = {c.end: c.start for c in places}
    for cand in places:
        if cand.rule == "gazetteer-in-word":
            continue  # 瓯江|口新区: a name cut out of a word opens no zone
        m = _ZONE_RE.search(text, cand.end, cand.end + _MAX_ZONE_NAME + 3)
        if not m or m.start() - cand.end > _MAX_ZONE_NAME or not _zone_name(text, cand.end, m.start()):
            continue
        if m.group() == "地区" and m.start() > cand.end:
            continue  # 某省贫困地区: only a place + 地区 names a region
        start = cand.start
        while start in starts:  # 重庆市 + 渝西 + 片区: places written together are one
            start = starts[start]
        out.append(Candidate(start, m.end(), "LOC", "zone", priority=1))
        own = text[cand.end : m.end()]
        if len(own) >= 4:
            out.extend(
                Candidate(i, i + len(own), "LOC", "zone-anchor", mention=False)
                for i in _occurrences(text, own)
                if i != cand.end
            )
    return out


def _zone_name(text: str, start: int, end: int) -> bool:
    """The zone's own name between its place and its head (西海岸, 台商): no stop, and no
    adjective, adverb or direction word (贫困, 偏远, 周边) that makes the zone a kind, not a name."""
    piece = text[start:end]
    if not all(_NAME_CHAR.match(ch) and ch not in lexicon.NAME_STOP for ch in piece):
        return False
    return not piece.startswith(lexicon.GENERIC_PREFIX) and lexicon.word_tags().get(piece, "n")[:1] not in _KIND_TAGS


def _villages(text: str, places: list[Candidate]) -> list[Candidate]:
    """``某镇某某村``: a village or community written after its township is one place with it
    (the gazetteer stops at townships)."""
    out = []
    for cand in places:
        if not text[cand.start : cand.end].endswith(("镇", "乡", "街道", "区")):
            continue
        m = _VILLAGE.match(text, cand.end)
        if m and _zone_name(text, cand.end, m.end() - len(m.group(1))):
            out.append(Candidate(cand.start, m.end(), "LOC", "village", priority=1))
    return out


def _regions(text: str, taken: list[Candidate]) -> list[Candidate]:
    """``某某地区``: a division's short name before 地区 is a place even where the name alone
    is also an everyday word (怀化 is a verb to jieba)."""
    gazetteer = load_gazetteer()
    covered = {(c.start, c.end) for c in taken}
    out = []
    for m in re.finditer("地区|片区", text):
        for k in (4, 3, 2):
            lo = m.start() - k
            if lo >= 0 and gazetteer.lookup(text[lo : m.start()]) and lo in lexicon.word_starts(text):
                if not any(s <= lo and m.end() <= e for s, e in covered):
                    out.append(Candidate(lo, m.end(), "LOC", "region", priority=1))
                break
    return out


def _occurrences(text: str, piece: str) -> list[int]:
    found, i = [], text.find(piece)
    while i >= 0:
        found.append(i)
        i = text.find(piece, i + 1)
    return found


def _concepts(text: str, places: list[Candidate]) -> list[Candidate]:
    """``井冈山精神``, ``某区精神``, ``中国特色``: a place's name before 精神 or 特色 names a spirit or a
    quality, not the place (NOTES: concepts are no LOC); vetoed as one span, from the place found or
    the place word of the dictionary before (one the tagger may find: 苏区), so it is no mention there."""
    tags = lexicon.word_tags()
    words = {b: a for a, b in lexicon.segment(text) if 2 <= b - a <= 4 and tags.get(text[a:b], "").startswith("ns")}
    ends = {c.end: c.start for c in places}
    out = []
    for w in lexicon.PLACE_CONCEPTS:
        for k in _occurrences(text, w):
            start = min(ends.get(k, k), words.get(k, k))
            if start < k and all(_NAME_CHAR.match(ch) for ch in text[start:k]):
                out.append(Candidate(start, k + len(w), "NOT", "concept", mention=False, veto=True))
    return out


_HONOUR = re.compile(
    "(?:" + "|".join(lexicon.HONOUR_LEVELS) + r")[\u4e00-\u9fff]{1,6}?(?:" + "|".join(lexicon.HONOUR_HEADS) + ")"
)


def _honours(text: str, places: list[Candidate]) -> list[Candidate]:
    """``中国某某之乡``, ``世界长寿乡``: an honorary title given to a place (a country's or the world's
    level, then what it is the home of) holds no place of the story, neither the country nor a
    township whose name the title happens to be; vetoed as one span."""
    out = [Candidate(m.start(), m.end(), "NOT", "honour", mention=False, veto=True) for m in _HONOUR.finditer(text)]
    out += [
        Candidate(c.start - 2, c.end, "NOT", "honour", mention=False, veto=True)
        for c in places
        if text.endswith(lexicon.HONOUR_LEVELS, 0, c.start) and text[c.end - 1] == "乡"
    ]
    return out


def _vetoes(text: str) -> list[Candidate]:
    """No place in ``中国式``, ``新中国``; no one-character city or province on its own (``在榕``,
    ``赴京进修``, ``来闽``: not mentions by the annotation, though general news tags them).

    A one-character veto has the lowest priority: it wins only against a one-character
    span of the statistical tagger, never against a longer name that contains it. Pairs
    and lists (``榕台``, ``中美``, ``京津``) are left to the tagger."""
    out = [
        Candidate(i, i + len(w), "NOT", "not-a-place", mention=False, veto=True)
        for w in lexicon.NOT_A_PLACE
        for i in _occurrences(text, w)
    ]
    alone = lexicon.ONE_CHARACTER_PLACES
    paired = alone | _PROVINCE_FORMS | lexicon.ONE_CHARACTER_COUNTRIES
    out.extend(
        Candidate(i, i + 1, "NOT", "one-character", priority=-1, mention=False, veto=True)
        for i, ch in zip(compress(range(len(text)), map(_one_character_any().__contains__, text)),
                         filter(_one_character_any().__contains__, text), strict=True)
        if (ch in alone or (ch in _PROVINCE_FORMS and text[i - 1 : i] in lexicon.BEFORE_PROVINCE_FORM))
        and text[i - 1 : i] not in paired
        and text[i + 1 : i + 2] not in paired
    )
    # 援藏, 援疆: aid to a province, written with its one-character form, names no place (NOTES).
    out.extend(
        Candidate(i + 1, i + 2, "NOT", "aid-to", priority=-1, mention=False, veto=True)
        for i in _occurrences(text, lexicon.AID)
        if text[i + 1 : i + 2] in _PROVINCE_FORMS
    )
    return out


@registry.misc("kg.place_rules.v1")
def make_place_rules(addresses: bool = True) -> Rule:
    """Places from the gazetteer, and street addresses that start with one."""

    def place_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        places = named_in_full(text, match_places(text))
        zones = _zones(text, places)
        zones += _regions(text, zones) + _villages(text, places)
        venues = find_venues(text, places + [z for z in zones if z.mention])
        extra = zones + venues + _vetoes(text) + _concepts(text, places) + _honours(text, places) + province_runs(text)
        extra += townships_named_again(text, places)  # short_places: 某某镇 … 某某专场
        if not addresses:
            return places + extra
        out: list[Candidate] = extra
        for cand in places:
            m = _ADDRESS_TAIL.match(text, cand.end)
            if m:
                out.append(Candidate(cand.start, m.end(), "LOC", "address", priority=1))
            else:
                out.append(cand)
        return out

    return place_rules


@lru_cache(maxsize=1)
def _one_character_any() -> frozenset[str]:
    """Every character a one-character veto can fire on: the others are passed over in C."""
    return frozenset(lexicon.ONE_CHARACTER_PLACES) | frozenset(_PROVINCE_FORMS)
