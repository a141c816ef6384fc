"""Named units written with or after their parent body, which the suffix walk of
``organizations`` does not see as one name: a hospital's campus (``某医院某某路院区``),
units listed after a first one (``某委人事处、体改处、基层处``), a government body's
section or institute written after it (``某委某某科``, ``某中心某某所``), and the units a
body is said to have (``某学会下设甲分会、乙分会``: bodies of their own, not one name), and a
medium's channel written after it with a middle dot (``某日报·某客户端``).

ANNOTATION.md counts "named units given with their parent" as organizations of their
own; these rules only read how such a unit is written next to the body found before it.
"""

from __future__ import annotations

import re

from kg.conventions import PARTY_DEPARTMENTS
from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate

#: Heads of hospital names (a campus or a clinical centre follows one of these).
HOSPITALS = ("医院", "卫生院", "中医院")
#: A hospital's campus, named after it (某医院 + 某路 + 院区).
_CAMPUS = re.compile(r"[\u4e00-\u9fff]{2,6}?院区")
#: Last characters of a unit inside a body (某委人事处, 某院医务科, 某局办公室).
_UNIT_ENDS = frozenset("处科室")
_BLOCKERS = frozenset(lx.ORG_SUFFIX_BLOCKERS)
_MIN_FIRST_UNIT = 6


def coordinated_units(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``某委人事处、体改处、基层处``: units listed after a first one given with its parent are
    units of that parent, one mention each (as ``省、市医保局`` gives ``市医保局``)."""
    out = []
    for c in orgs:
        unit = text[c.end - 1 : c.end]
        if unit not in _UNIT_ENDS or c.end - c.start < _MIN_FIRST_UNIT:
            continue
        end = c.end
        while text[end : end + 1] == "、":
            m = re.compile(rf"[\u4e00-\u9fff]{{1,5}}?{unit}").match(text, end + 1)
            if not m or any(ch in lx.NAME_STOP for ch in m.group()) or text[m.end() : m.end() + 1] in _BLOCKERS:
                break
            out.append(Candidate(m.start(), m.end(), "ORG", "coordinated unit"))
            end = m.end()
    return out


def _proper_piece(piece: str) -> bool:
    """A campus's own name (某某路, 东湖): no stop, verb or generic word (新, 各, 两个, 本部)."""
    return (
        not any(ch in lx.NAME_STOP for ch in piece)
        and not piece.startswith(lx.GENERIC_PREFIX)
        and piece not in lx.everyday_words()
        and not any(lx.boundary_ending_at(piece, k) for k in range(1, len(piece) + 1))
    )


def campuses(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``某医院某某路院区``: a hospital's campus, named by its road or district after the hospital,
    is one body with it (ANNOTATION.md: named units given with their parent)."""
    out = []
    for c in orgs:
        m = _CAMPUS.match(text, c.end) if text.endswith(HOSPITALS, c.start, c.end) else None
        own = m.group()[:-2] if m else ""
        if own and _proper_piece(own):
            out.append(Candidate(c.start, m.end(), "ORG", "campus", priority=c.priority))
            out += _campuses_after(text, m.end())
    return out


#: Marks joining a campus to the next one named after the same hospital (甲院区和乙院区).
_CAMPUS_JOINS = frozenset("和、及与")


def _campuses_after(text: str, end: int) -> list[Candidate]:
    """``某医院甲院区和乙院区``: campuses written after the first one, each joined by 和 or 、, are
    campuses of the same hospital; each is a mention of its own, the contiguous piece of the
    text (ANNOTATION.md: in 省、市医保局 the mention is 市医保局), not a body named 乙院 and
    not one body with the first."""
    out = []
    while text[end : end + 1] in _CAMPUS_JOINS and (m := _CAMPUS.match(text, end + 1)):
        if not _proper_piece(m.group()[:-2]):
            break
        out.append(Candidate(m.start(), m.end(), "ORG", "coordinated campus"))
        end = m.end()
    return out



#: Last words of a section, office or institute of a government body (某委某某科, 某中心某某所).
_SECTION = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:科|股|处|所|室|站|中心)")
#: Government and Party bodies, and public centres, whose sections are named units (某委某某处,
#: 某局某某科, 某中心某某所); a hospital's are departments of care (ANNOTATION.md: hospital
#: specialties), a society's or press's studios and desks are no section of a government.
_GOVERNMENT_ENDS = ("委", "局", "厅", "办", "署", "部", "中心", "政府", "委员会")
#: Words before a would-be section that make it a kind (相关科室, 各处室).
_KIND = ("相关", "有关", "其他", "各", "下属", "所属", "内设", "业务", "职能", "该", "本", "我", "这些", "所有", "多家")
#: What may follow a section's name: a title of its head, or a word that ends a noun phrase.
_AFTER_SECTION = "的和与及等、负"
#: Verbs that say what units a body has (某学会下设甲分会、乙分会).
_HAS_UNITS = ("下设", "设有", "下辖", "内设")
_UNIT_HEADS = sorted({*lx.ORG_SUFFIX_STRONG, "分会", "科", "股", "处", "所", "中心", "站", "室"}, key=len, reverse=True)
_LISTED = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:" + "|".join(_UNIT_HEADS) + ")")


def _section_piece(piece: str) -> bool:
    """A section's own name (基层卫生健康, 传染病防制): no stop, verb or word of kind (相关, 各);
    the generic words that open no body's name (基层, 医疗) may open a section's."""
    return (
        not any(ch in lx.NAME_STOP for ch in piece)
        and not piece.startswith(_KIND)
        and not any(lx.boundary_ending_at(piece, k) for k in range(2, len(piece) + 1))
    )


#: One-character verbs of taking a post or going somewhere (任, 兼, 赴, 到, 在): a section's name
#: opens with none (某局|任某某科科长).
_POST_VERBS = frozenset("任兼赴到在调")


def _no_other_word(text: str, start: int, end: int) -> bool:
    """The would-be section is no everyday word or place (莫斯科 after 外交部 is a dateline's
    city), starts where a word does and opens with no verb (某局|任|某某科: a post taken there)."""
    surface = text[start:end]
    return (
        surface not in lx.everyday_words()
        and start in lx.word_starts(text)
        and text[start] not in _POST_VERBS
        and not lx.word_tags().get(surface, "").startswith(("ns", "nr"))
    )


def _ends_phrase(text: str, end: int) -> bool:
    nxt = text[end : end + 1]
    return not nxt or not re.match(r"[\u4e00-\u9fff]", nxt) or nxt in _AFTER_SECTION or text.startswith(lx.TITLES, end)


def sections(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``某委基层卫生健康科``, ``某疾控中心传染病防制所``: a section of a government body or an
    institute of a centre written right after it, then a title, a stop or 的, is a named unit
    given with its parent: one mention, parent and unit (ANNOTATION.md, ``省卫健委医政管理处``).
    Only after a government or Party body or a centre: a hospital's sections are departments of care."""
    out = []
    for c in orgs:
        if not text.endswith(_GOVERNMENT_ENDS, c.start, c.end):
            continue
        m = _SECTION.match(text, c.end)
        piece = text[c.end : m.end() - 1] if m else ""
        if m and _section_piece(piece) and _ends_phrase(text, m.end()) and _no_other_word(text, c.end, m.end()):
            out.append(Candidate(c.start, m.end(), "ORG", "section", priority=c.priority))
    return out


def listed_units(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``某学会下设甲分会、乙分会``: each unit a body is said to have is a body of its own, and the
    verb ends the parent's name (two bodies, not one)."""
    out = []
    for c in orgs:
        verb = next((v for v in _HAS_UNITS if text.startswith(v, c.end)), "")
        i = c.end + len(verb)
        while verb:
            m = _LISTED.match(text, i)
            if not m or not _section_piece(m.group()[:2]) or m.group() in lx.everyday_words():
                break
            out.append(Candidate(m.start(), m.end(), "ORG", "listed unit"))
            if text[m.end() : m.end() + 1] not in ("、", "和", "及", "与"):
                break
            i = m.end() + 1
    return out


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff〇·]")


def joined_by_dot(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``福建日报·新福建客户端``: a medium and its channel written with a middle dot are one name."""
    by_start = sorted(orgs)
    out = []
    for a in by_start:
        if a.end < len(text) and text[a.end] == "·":
            for b in by_start:
                if (
                    1 <= b.start - a.end <= 3
                    and _HAN_CHAR.match(text[a.end + 1 : b.start] or "x")
                    and not (text.startswith(lx.RANKING_WORDS, b.end))
                ):
                    out.append(Candidate(a.start, b.end, "ORG", "dotted", priority=1))
    return out


#: A bare department (``lexicon.BARE_UNIT``) or a short office (院办) before its head's title: the
#: mention rule takes 办 too; the post rule does not (there it cost development role .959 -> .953).
_BARE_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,10}(?:" + "|".join((*lx.BARE_UNIT_HEADS, "办")) + ")")
#: Where a group of titles is cut: each item of ``某某主任、某某处处长，某某部副主任`` starts after one.
_ITEM_STOPS = frozenset("，,、；;：:")
_SENTENCE_ENDS = frozenset("。！？!?\n")
#: How a hospital is named in a list of its officers: by name (…医院) or as we/this hospital.
_HOSPITAL_SELF = ("我院", "本院", "该院")
_TITLE_RE = re.compile("|".join(map(re.escape, lx.TITLES)))


def _item_start(text: str, end: int) -> int:
    """Start of the item of a list that ends at ``end``: after the nearest stop on its left."""
    i = end
    while i > 0 and text[i - 1] not in _ITEM_STOPS and text[i - 1] not in _SENTENCE_ENDS:
        i -= 1
    return i


def _hospital_before(text: str, start: int, orgs: list[Candidate]) -> bool:
    """The body named last before ``start`` in its sentence is a hospital (…医院, or 我院/本院)."""
    lo = start
    while lo > 0 and text[lo - 1] not in _SENTENCE_ENDS:
        lo -= 1
    bodies = [
        (c.end, text.endswith(HOSPITALS, c.start, c.end))
        for c in orgs
        if c.mention and lo <= c.start and c.end <= start
    ]
    for word in _HOSPITAL_SELF:
        at = text.find(word, lo, start)
        while at >= 0:
            bodies.append((at + len(word), True))
            at = text.find(word, at + 1, start)
    return bool(bodies) and max(bodies)[1]


def hospital_departments(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """``我院院长某某，某某科主任、医务处处长某某，护理部副主任某某``: a department written as a bare word
    before its head's title, in a list of a hospital's officers, is the hospital's department
    (ANNOTATION.md: hospital specialties are no organizations; the post is the hospital's). Vetoed
    as one span so that no tagger's ORG of it is a mention. A government's or Party's unit in
    such a list (县委常委、宣传部部长) is a body: the body named last before must be a hospital."""
    out = []
    for m in _TITLE_RE.finditer(text):
        start = _item_start(text, m.start())
        piece = text[start : m.start()]
        if (
            not _BARE_DEPARTMENT.fullmatch(piece)
            or piece in lx.TITLES
            or any(w in piece for w in lx.NAMED_IN_UNIT)
            or piece in lx.MINISTRIES
            or piece.endswith(tuple(PARTY_DEPARTMENTS))
        ):
            continue
        if _hospital_before(text, start, orgs):
            out.append(Candidate(start, m.start(), "NOT", "hospital department", mention=False, veto=True))
    return out
