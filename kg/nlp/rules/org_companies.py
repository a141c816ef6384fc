"""A company's regional subsidiary, named after its owner and its place (issue 11).

Groups name the company they run in a province or city after themselves, then the place, then
the legal form: 某某控股 + 某省 + 有限公司, 某某通信集团 + 某省 + 有限公司. The suffix walk of
``organizations.py`` opens a name at its nearest anchor, the place, and so cut the owner off
(某省有限公司, a name no one writes). The owner is read from how it ends (集团, 控股, 公司: the
words that make a company's proper name a body of its own, as ``kg.link.article_names`` knows
them), never from a list of companies.
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate
from kg.nlp.rules.org_start import boundary_after_word, left_limit

#: Legal forms of a company, written after its owner's name and place.
COMPANY_FORMS = ("有限公司", "公司")
#: How an owner's name ends (某某集团, 某某控股, 某某公司).
_OWNER_ENDS = ("集团", "控股", "公司")
#: The shortest and longest owner's name read (two characters of a brand and its ending; a long
#: group's name).
_MIN_OWNER, _MAX_OWNER = 4, 12
#: Words that make a kind of company before its ending, no owner's name (企业集团, 子公司).
_KINDS = frozenset(("企业", "大型", "国有", "民营", "私营", "上市", "跨国", "母", "子", "分", "总", "股份"))


def owner_start(text: str, lo: int, start: int, suffix: str, found: list[Candidate]) -> int:
    """Where a company's name starts when a place opens it (``start``) right after its owner's
    name (某某控股|某省|有限公司): the owner's start, an organization found that ends there or the
    first word after the nearest stop (``lo``) or verb; ``start`` if no owner stands before."""
    if suffix not in COMPANY_FORMS or not any(
        c.label == "LOC" and c.start == start for c in found
    ) or not text.endswith(_OWNER_ENDS, lo, start):
        return start
    owners = [c.start for c in found if c.label == "ORG" and c.end == start and c.start >= lo]
    if owners:
        return min(owners)  # 某某通信集团 found as a body of its own
    first = _name_words_start(text, boundary_after_word(text, lo, start - 2), start - 2)
    owner = text[first:start]
    if not _MIN_OWNER <= len(owner) <= _MAX_OWNER or owner[:-2] in _KINDS or lx.generic_before(text, first):
        return start  # 企业集团, 各|控股公司: a kind of company, no owner's name before the ending
    return first


#: jieba's tags of words no company's proper name holds: pronouns, verbs, prepositions,
#: conjunctions, particles, adverbs, numerals, classifiers, classes (大型, b).
_NOT_IN_NAMES = ("r", "v", "p", "c", "u", "d", "m", "q", "b")


def _name_words_start(text: str, lo: int, end: int) -> int:
    """Start of the run of words before ``end`` that may make an owner's name (他说|国药, 大型|企业):
    walking left over the segmenter's words of two characters or more from ``end`` while none is a
    pronoun, verb, particle, class word and the like (one character standing alone, 他, 说, 在, is
    as often a function word as a piece of a name; the dictionary gives it no tag)."""
    tags = lx.word_tags()
    first = end
    for a, b in reversed(lx.segment(text)):
        if b > end:
            continue
        if a < lo or b - a < 2 or tags.get(text[a:b], "").startswith(_NOT_IN_NAMES):
            break
        first = a
    return first


#: Marks joining two companies in one phrase (甲公司和乙公司, 甲公司、乙公司).
_JOINS = "和、及与"
_COMPANY = "公司"
_MAX_OWN = 8


def coordinated_companies(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``甲公司和乙公司``: two companies joined by 和, 及, 与 or 、, each with a proper name of its own
    (two characters or more, no everyday word or kind: not 物流公司和快递公司, 母公司和子公司), are
    two bodies, though nothing opens either name (a bare 某某公司 alone is too often a kind to be
    read so). Each name runs from the nearest stop, verb or time word to 公司; one found already
    (opened by a place) is left as it is."""
    found = {(c.start, c.end) for c in orgs if c.label == "ORG"}
    out = []
    for m in _PAIR.finditer(text):
        first_end, second_start = m.start() + len(_COMPANY), m.end()
        tail = text.find(_COMPANY, second_start + 2, second_start + _MAX_OWN + len(_COMPANY))
        first = _own_start(text, m.start(), first_end)
        if tail < 0 or first is None or _own_start(text, tail, tail + len(_COMPANY), second_start) != second_start:
            continue
        for span in ((first, first_end), (second_start, tail + len(_COMPANY))):
            if span not in found:
                out.append(Candidate(*span, "ORG", "coordinated company"))
    return out


_PAIR = re.compile(_COMPANY + "[" + _JOINS + "]")


def _own_start(text: str, suffix_start: int, end: int, floor: int = 0) -> int | None:
    """Where a company's own name before ``suffix_start`` starts (after the nearest stop, verb or
    time word, on a word's start, not before ``floor``), or None if what is left is no proper name."""
    lo = max(floor, left_limit(text, suffix_start))
    start = boundary_after_word(text, lo, suffix_start)
    words = lx.word_starts(text) | {floor}  # right after 和 a name starts (和|龙虎山, not 和龙|虎山)
    while start < suffix_start and start not in words:
        start += 1
    tags = lx.word_tags()  # 批准|某某公司: a verb, pronoun or the like before the name is none of it
    start = max([b for a, b in lx.segment(text) if start <= a and b <= suffix_start and b - a > 1
                 and tags.get(text[a:b], "").startswith(_NOT_IN_NAMES)], default=start)
    own = text[start:suffix_start]
    if not 2 <= len(own) <= _MAX_OWN or own in lx.everyday_words() or own in _KINDS:
        return None
    if any(not ("\u4e00" <= ch <= "\u9fff") for ch in own) or lx.generic_before(text, start):
        return None
    return start
