"""Where a body's name may run on, and where it must stop, beyond its suffix and anchors (issue 11).

Three constructions the organization rule read wrongly, kept apart so that ``organizations.py``
stays readable:

* a jurisdiction whose first characters make an everyday word (自治区, 自治州: 自治 is a word;
  市场监管局, 县市场监督管理局: 市场 and 县市 are words) still opens a body's name;
* 和/与 joining two fields inside one name (某委能力建设和继续教育中心, 某市妇幼与老年卫生协会),
  not two bodies (某省卫健委和某省医保局, 某大学和某大学);
* a verb of an official visit (慰问, 走访) ends a name on its left (某指挥部慰问|某医院);
* a stop character inside a place's name is no stop (呼和浩特市第一医院: 和 of 呼和浩特).
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.rules.places import match_places

#: Every body's suffix, longest first (organizations.py matches them).
SUFFIXES = tuple(sorted({*lx.ORG_SUFFIX_STRONG, *lx.ORG_SUFFIX_WEAK, *lx.MINISTRIES}, key=lambda s: (-len(s), s)))
SUFFIX_RE = re.compile("|".join(map(re.escape, SUFFIXES)))
#: Fields of government departments that start with a jurisdiction's character (市场监管局, 市政管理局).
_FIELDS = ("市场", "市政")
_DEPARTMENT = "局"
_LEVEL = "级"
#: Conjunctions that may join two fields inside one body's name (某某和某某中心, 某某与某某协会).
_FIELD_JOINS = "和与"
_DIVISION_ENDS = "省市县区州镇乡村"
#: Verbs of officials' visits (A慰问B, A走访B): no body's name holds one before its last word.
VISITS = frozenset(("慰问", "看望", "走访", "视察", "拜访", "探望", "莅临", "前往", "来到", "到访"))


def jurisdiction_word(text: str, start: int, suffix: str) -> bool:
    """The everyday word at ``start`` is part of a jurisdiction or a department's field after all: a
    jurisdiction of several characters (自治区人民医院, 自治州卫生健康委; 自治 is a word), or a
    government department named for the market or city works, bare or after its jurisdiction
    (市场监管局, 县市场监督管理局, 市政管理局; 县市 and 市场 are words)."""
    long = next((w for w in lx.JURISDICTION if len(w) > 2 and text.startswith(w, start)), "")
    if long:
        return not text.startswith(_LEVEL, start + len(long))  # 自治区级示范医院: a level, no one body
    return suffix.endswith(_DEPARTMENT) and text.startswith(_FIELDS, start + (text[start + 1 : start + 3] in _FIELDS))


def joins_fields(text: str, j: int, end: int, words: frozenset[int]) -> bool:
    """``能力建设和继续教育中心``, ``妇幼与老年卫生协会``: 和/与 at ``j`` joins two fields of one body's
    name, not two bodies: the words after it up to the suffix at ``end`` hold no jurisdiction, place
    or suffix of their own, and the word before it is a field (two characters or more, no place,
    no body's suffix)."""
    if text[j] not in _FIELD_JOINS:
        return False
    right = text[j + 1 : end]
    k = max((w for w in words if w < j), default=-1)
    left = text[k:j] if k >= 0 else ""
    tags = lx.word_tags()
    return (
        len(right) >= 2
        and len(left) >= 2
        and j in words
        and not any(right.startswith(lx.JURISDICTION, w - j - 1) for w in words if j < w < end)
        and not right.startswith(lx.GENERIC_PREFIX)
        and not SUFFIX_RE.search(right)
        and not left.endswith(SUFFIXES)
        and (left[-1] not in _DIVISION_ENDS or left in lx.everyday_words())  # 某实验区和…: a zone (社区 is a word)
        and not tags.get(left, "").startswith(("ns", "nr", "nt"))
        and tags.get(left) != "v"  # 加强和改进: verbs joined, no field (建设, vn, is one)
        and not tags.get(text[j + 1 : j + 3], "").startswith(("ns", "nr", "nt"))
    )


def in_place_name(text: str, j: int) -> bool:
    """``text[j]`` is inside a division's name found in ``text`` (和 of 呼和浩特市, 共和县), where it
    is part of the place, not a conjunction ending a body's name."""
    return any(c.mention and c.start < j < c.end - 1 for c in match_places(text))


#: Heads of hospitals whose name, less its place, an article writes alone again (总医院, 第二医院).
_HOSPITAL_TAILS = ("医院", "卫生院", "保健院", "妇幼保健院")
_MIN_TAIL, _MAX_TAIL = 3, 5


def _cut_county(place, body) -> bool:
    """A county the gazetteer lists, cut out of the place word that starts ``body`` (云县 of 青云|县):
    organizations read the word as the county's name (org_start), so the place ends there."""
    return place.rule == "gazetteer-in-word" and body.start < place.start <= body.start + 2


def tails_named_again(text: str, orgs: list, places: list) -> list:
    """``青云县总医院`` … ``总医院``, ``市第二医院`` … ``第二医院``: a hospital named with its place, then
    written again without it, outside any name found, is a mention of it (the domain gold counts
    these short forms; the link stage resolves a tail against the longer name of the same article).
    Only hospitals: their tails are how articles shorten them, and are rarely anything else."""
    from kg.nlp.candidate import Candidate

    covered = {i for c in orgs + places if c.mention for i in range(c.start, c.end)}
    starts = lx.word_starts(text)
    tails = set()
    for c in orgs:
        if not c.mention or not text.endswith(_HOSPITAL_TAILS, c.start, c.end):
            continue
        # 青云县总医院: a county cut out of the word that names it (云县 of 青云|县) ends the place too.
        cut = max(
            (p.end for p in places if (p.start == c.start or _cut_county(p, c)) and p.end < c.end), default=c.start
        )
        if text.startswith(lx.BARE_BODY_JURISDICTIONS, cut) and cut == c.start:
            cut += next(len(j) for j in lx.BARE_BODY_JURISDICTIONS if text.startswith(j, cut))
        tail = text[cut : c.end]
        if cut not in starts:
            continue  # 邵武市|立医院: the place's suffix belongs to the hospital's word (市立医院)
        if cut > c.start and _MIN_TAIL <= len(tail) <= _MAX_TAIL and tail not in _HOSPITAL_TAILS:
            tails.add(tail)  # not the bare head (某镇|卫生院 leaves a kind, no name)
    out = []
    for tail in tails:
        at = text.find(tail)
        while at >= 0:
            end = at + len(tail)
            if (
                not covered & set(range(at, end))
                and not (at and text[at - 1] in _DIVISION_ENDS)
                and at in starts  # not 公|立医院
            ):
                out.append(Candidate(at, end, "ORG", "tail-named-again"))
            at = text.find(tail, end)
    return out




def units_in_general(text: str, start: int, suffix_start: int, orgs: list) -> bool:
    """``某部有关司局``, ``某委各处室``, ``某医院相关科室``: a body's name, then 有关/相关/各 before a unit's
    suffix, names the body's units in general, no one unit (ANNOTATION.md: generic or plural
    references are no names); the body alone is found by itself."""
    return any(
        c.start == start and start < c.end < suffix_start and text.startswith(lx.GENERAL_DETERMINERS, c.end)
        for c in orgs
        if c.label == "ORG" and c.mention
    )


#: The longest field of a unit written after its parent body (某中心|营养与健康|所).
_MAX_UNIT_FIELD = 8
_TITLES = tuple(lx.TITLES)


def unit_before_title(text: str, suffix_start: int, end: int, orgs: list) -> bool:
    """``某中心营养与健康所研究员``: 所 (or 司, 办) before a title, shortly after a body's name, ends a
    unit of that body, not a particle (民族所共有) nor a verb (我们所教授: no body before)."""
    return text.startswith(_TITLES, end) and any(
        0 < suffix_start - c.end <= _MAX_UNIT_FIELD for c in orgs if c.label == "ORG"
    )


#: Numerals before 所 (卫生院三所, 两所学校): a count's classifier, no body's suffix.
_COUNT_NUMERALS = "一二两三四五六七八九十几多数每"
_CLASSIFIER = "所"
#: Size and age words that, standing as a word before a generic head, make a kind (大企业集团).
_SIZES = frozenset("大小新老")
_CONJUNCTIONS = "和与及"


def generic_phrase(text: str, start: int, suffix_start: int, suffix: str, rule: str) -> bool:
    """A phrase read as a body's name that names none: a count (某卫生院三所: 所 is a classifier),
    a division's last character before a conjunction (某开发区|和某中心: 区 opens no name), or, with no
    anchor, a size word or a class (jieba's b) standing before a common head (大企业集团, 大型医院)."""
    if suffix == _CLASSIFIER and text[suffix_start - 1 : suffix_start] in _COUNT_NUMERALS:
        return True
    if text[start] in _DIVISION_ENDS and text[start + 1 : start + 2] in _CONJUNCTIONS:
        return True
    if rule != "strong-suffix":
        return False
    first = next((text[s + start : e + start] for s, e in lx.segment(text[start:suffix_start])), "")
    return (first in _SIZES or lx.word_tags().get(first) == "b") and len(first) < suffix_start - start
