"""Where a body's name starts: the stops on its left and the anchor that opens it (issue 11).

Kept apart from ``organizations.py``, which finds each suffix and judges the name, so that each
module stays readable. ``left_limit`` walks left from a suffix to the nearest stop (punctuation,
a verb, a person, a visit verb); ``name_start`` takes the nearest anchor inside that stretch (a
place, a body, a jurisdiction or a party) and extends it over names glued in front
(中国 + 某市 + 某基金会, 某大学附属 + 某地 + 医院).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate
from kg.nlp.rules.org_edges import SUFFIXES, VISITS, in_place_name, joins_fields

#: Bodies whose units are named after them, written first (a party: 农工党江苏省委会; the armed
#: forces: 解放军某某部队第某医院, 武警某某总队医院): each opens a body's name as a jurisdiction does.
_PARTY_SET = frozenset((*lx.PARTIES, *lx.ARMED_FORCES))
#: Words glued in front of a name that still belong to it (中国 + 北京市…, 农工党 + 江苏省委会, 共青团 + 某市委).
_GLUED = tuple(
    sorted(
        {*(w for w in lx.JURISDICTION if len(w) > 1), *lx.PARTIES, *lx.ARMED_FORCES, "共青团"},
        key=lambda w: (-len(w), w),
    )
)
#: ``_GLUED`` by first character, each list in ``_GLUED``'s order (longest first): a position is
#: tried against the few words that can start there, not all of them.
_GLUED_BY_FIRST: dict[str, tuple[str, ...]] = {
    c: tuple(w for w in _GLUED if w[0] == c) for c in sorted({w[0] for w in _GLUED})
}
#: What an affiliated body's name is written after (某大学附属 + 某医院).
AFFILIATED = "附属"
#: The pairing written inside a team's name (某省对口支援某地医疗队, 某市对口帮扶某县工作队).
_PAIRING = re.compile(r"对口(?:帮扶|支援|援[\u4e00-\u9fff])")
#: jieba tags of proper names of organizations, places and others (同济大学 nt, 协和 nz).
_PROPER_TAGS = ("nt", "ns", "nz")
_OPENS_BODY = lx.JURISDICTION
_LEAGUE_COMMITTEES = ("省委", "市委", "县委", "区委")
_HAN = lx.NAME_HAN
_SUFFIXES = SUFFIXES
# Pieces with a conjunction inside that still belong to one name.
_INNER_AND = ("和社会保障", "和计划生育", "和信息化", "和城乡建设", "和旅游", "和改革")
_MAX_LEFT = 22
# 等 in these is a level of schooling, not "etc.": 高等专科学校, 中等职业学校.
_LEVELS = ("高等", "中等", "初等")
_SINGLE_STOPS = frozenset(w for w in lx.LEFT_BOUNDARIES if len(w) == 1)
#: The Communist Party's names, which open with the country's (中共 = 中国共产党): no place written
#: before one is part of a body's name (某山|中共某特委机关: the place where the organ sat).
COMMUNIST_PARTY = ("中共", "中国共产党")


def left_limit(text: str, end: int, people: frozenset[int] = frozenset(), team: bool = False) -> int:
    """Leftmost index a name ending at ``end`` may start at: the nearest stop (or person) to its left.

    和 inside a proper noun of the dictionary (协和) is no stop, nor 等 in 高等/中等/初等; for a ``team``,
    对 of a pairing (某市对口支援某市医疗队) is none either."""
    i = end
    words = lx.word_starts(text)
    while i > 0 and end - i < _MAX_LEFT and i not in people:
        if i < end and text[i - 2 : i] in VISITS:
            break  # 某指挥部慰问|某医院: officials' visits, which no body's name holds
        ch = text[i - 1]
        if (ch in lx.NAME_STOP or ch in _SINGLE_STOPS) and not (
            ch == "和" and (text.startswith(_INNER_AND, i - 1) or _in_proper_noun(text, i - 1, words))
        ) and not (
            joins_fields(text, i - 1, end, words) or in_place_name(text, i - 1)
        ) and text[i - 2 : i] not in _LEVELS and not (
            ch in _SINGLE_STOPS and (_opens_proper_noun(text, i - 1, end) or (team and _PAIRING.match(text, i - 1)))
        ):
            break
        if not _HAN.match(ch) or (text.endswith(lx.JOINTLY, 0, i) and text.startswith(_OPENS_BODY, i)):
            break  # 某县妇联联合|县卫健局: two bodies acting together
        i -= 1
    return i


def _opens_proper_noun(text: str, j: int, end: int) -> bool:
    """``同济大学``, ``暨南大学``, ``同仁医院``: a function character (同, 暨) that opens a proper name
    of the dictionary running on to the body's suffix is part of the name, not a stop."""
    tags = lx.word_tags()
    return any(tags.get(text[j:k], "").startswith(_PROPER_TAGS) for k in range(j + 2, min(end + 4, j + 9) + 1))


def _in_proper_noun(text: str, i: int, words: frozenset[int]) -> bool:
    """True if ``text[i]`` (和) ends a two-character proper name of the dictionary right before
    a body's suffix (协和 + 医院), not a conjunction (党和政府) nor 共和 (republic)."""
    word = text[i - 1 : i + 1]
    return i > 0 and word != "共和" and lx.word_tags().get(word) == "nz" and text.startswith(_SUFFIXES, i + 1)


def boundary_after_word(text: str, lo: int, hi: int) -> int:
    """Skip a leading verb or time word (推进, 今年 ...) inside ``text[lo:hi]``."""
    for end in range(hi, lo + 1, -1):
        length = lx.boundary_ending_at(text, end, min_len=2)
        if length and end - length >= lo:
            return end
    return lo


def _prefix_words(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Multi-character jurisdictions and parties starting in ``text[lo:hi]``, longest at each place."""
    out = []
    for j in range(lo, hi):
        w = next((w for w in _GLUED_BY_FIRST.get(text[j], ()) if text.startswith(w, j)), None)
        if w:
            out.append((j, w))
    return out


def name_start(
    text: str, lo: int, hi: int, found: list[Candidate], branch: tuple[str, ...] = (), team: bool = False
) -> int | None:
    """The name's start: the nearest anchor left of ``hi``, extended over names glued before it.

    Anchors are starts of places and organizations and jurisdiction prefixes
    outside a place name. Taking the nearest one keeps ``专家团深入厦门大学…``
    out; extending over a place or organization that ends exactly there keeps
    ``福建省`` + ``医学会`` and ``福建省委党校`` + ``马克思主义研究院`` whole.
    """
    named = [c for c in found if c.label in ("LOC", "ORG") and c.end > lo and c.start < hi]
    inside = {j for c in named if c.label == "LOC" for j in range(c.start + 1, c.end)}
    # 自治区: its 区 opens nothing; 农工党江苏省委会: a party opens its bodies' names.
    inside |= {k for j, w in _prefix_words(text, lo, hi) for k in range(j + 1, j + len(w))}
    ends = {c.end for c in named}
    starts = {c.start for c in named if lo <= c.start < hi}
    starts |= {j for j, w in _prefix_words(text, lo, hi) if w in _PARTY_SET and j not in inside}
    weak: set[int] = set()
    for j in range(lo, hi):
        if j in inside or not text.startswith(lx.JURISDICTION, j):
            continue
        if j == lo or j in ends or _word_ends(text, j) or _whole_word(text, j):
            starts.add(j)
        elif text[j - 1 : j + 1] not in lx.dictionary_words():
            weak.add(j)  # 报省卫健委: used only when nothing stronger opens the name (not 实验区|社会事业局)
    if not (starts or weak):
        return None
    start = max(starts or weak)
    ended = [j for j in weak if j > start and any(c.start <= start < c.end <= j for c in named if c.label == "ORG")]
    if ended:  # 国家卫健委发文推广…|国家卫生健康委办公厅: the body before is complete; the prefix opens a new name
        start = max(ended)
    start = _county_named_by_word(text, start, lo, named)
    while True:
        # 某山中共某特委: the Communist Party's name starts with the country; a place before it locates.
        before = [] if text.startswith(COMMUNIST_PARTY, start) else [
            c.start for c in named if c.label == "LOC" and c.end == start and c.start >= lo
        ]
        if not any(c.label == "ORG" and c.end == start for c in named):  # 中共某省委|省政府: two bodies
            before += [start - len(w) for w in _GLUED + lx.party_short_forms(text) if text.endswith(w, lo, start)]
            if text.endswith("团", lo, start) and text.startswith(_LEAGUE_COMMITTEES, start) and (
                start - 1 in lx.word_starts(text)  # not 某服务团|市委
            ):
                before.append(start - 1)  # 团县委: the Youth League's committee, not the Party's 县委
        # 某大学附属 + 某地名 + 医院: an affiliated body's own name may be a place's (东方, 中山).
        # 某市 + 对口帮扶 + 某市医疗队: a team named after the pairing it serves keeps both sides.
        if team:
            paired = (c for c in named if c.label == "LOC" and c.start >= lo)
            before += [c.start for c in paired if _PAIRING.fullmatch(text, c.end, start)]
        if text.endswith(AFFILIATED, 0, start):
            before += [c.start for c in named if c.label == "ORG" and c.end == start - len(AFFILIATED)]
        if branch:  # 某市医保局 + 某县 + 分局: a branch is written after its parent and its place
            before += [
                c.start
                for c in named
                if c.label == "ORG" and c.end == start and c.start >= lo and text.endswith(branch, c.start, c.end)
            ]
        if not before:
            return start
        start = min(before)  # 中国 + 北京市 + 医疗健康领域基金会…: a place or jurisdiction glued in front


def _whole_word(text: str, j: int) -> bool:
    """A jurisdiction of two characters or more (中共, 国家) that the segmenter reads as a word of its
    own at ``j`` opens a name, though the character before it and its first make a dictionary word
    too (乌山|中共某特委: 山中 is a word, yet the segmenter's route keeps 中共 whole; not 其中|共有)."""
    word = next((w for w in lx.JURISDICTION if len(w) > 1 and text.startswith(w, j)), "")
    return bool(word) and (j, j + len(word)) in segments(text)


@lru_cache(maxsize=8)
def segments(text: str) -> frozenset[tuple[int, int]]:
    """The segmenter's words of ``text`` as a set, kept for the few texts a document's rules ask about."""
    return frozenset(lx.segment(text))


def _word_ends(text: str, j: int) -> bool:
    """True if a boundary word ends at ``j`` (so a jurisdiction there opens a name, unlike 城|市)."""
    return lx.boundary_ending_at(text, j) > 0


#: A county's suffix: the divisions whose old or unlisted names a text still writes (户县-like names
#: renamed since, counties the gazetteer's year does not hold).
_COUNTY = "县"
_DIVISION_ENDS = "省市县区州旗盟镇乡村"


def _county_named_by_word(text: str, start: int, lo: int, named: list[Candidate]) -> int:
    """``青岗县卫生健康局``, ``青云县人民医院``: a word that jieba knows as a place (ns) right before a
    county's suffix names the county, though the gazetteer does not list it (or lists a shorter
    county cut out of the word, 云县 of 青云|县): the body's name starts at that word, not at the
    bare suffix or the cut place. ``start`` unchanged otherwise."""
    if text[start : start + 1] == _COUNTY:
        suffix = start
    else:
        cut = [c for c in named if c.start == start and c.rule == "gazetteer-in-word" and text[c.end - 1] == _COUNTY]
        if not cut:
            return start
        suffix = cut[0].end - 1
    word = next((a for a, b in lx.segment(text) if b == suffix and b - a >= 2), None)
    if text[suffix - 1 : suffix] in _DIVISION_ENDS:
        return start  # 某某县|县委: the division is named already, 县 opens its committee
    if word is None or word < lo or word >= start or not lx.word_tags().get(text[word:suffix], "").startswith("ns"):
        return start
    return word

