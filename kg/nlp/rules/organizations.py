"""Organizations: a name ending in a body's suffix, opened by a place, a jurisdiction or a parent.

Chinese body names are long and nested (``厦门大学附属第一医院``,
``福建省委党校马克思主义研究院``). Rather than list names, the rule finds each
suffix and walks left over name characters to the leftmost *anchor* (a place
name, a jurisdiction prefix such as ``省``/``国家``, or the start of another
organization) that no stop word separates from it. A strong suffix
(``医院``, ``学会``) may also stand after a plain boundary when the name is short;
a weak one (``局``, ``中心``) needs an anchor. Generic references
(``三级医院``, ``各设区市卫健委``) are dropped.
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate, Rule

_SUFFIXES = sorted({*lx.ORG_SUFFIX_STRONG, *lx.ORG_SUFFIX_WEAK}, key=lambda s: (-len(s), s))
_STRONG = frozenset(lx.ORG_SUFFIX_STRONG)
_SUFFIX_RE = re.compile("|".join(map(re.escape, _SUFFIXES)))
_HAN = re.compile(r"[\u4e00-\u9fff·]")
# Pieces with a conjunction inside that still belong to one name.
_INNER_AND = ("和社会保障", "和计划生育", "和信息化", "和城乡建设", "和旅游", "和改革")
_MAX_LEFT = 22
_SINGLE_STOPS = frozenset(w for w in lx.LEFT_BOUNDARIES if len(w) == 1)
_MAX_UNANCHORED = 6
# Newspapers printed in 《》 are organizations: 《福建卫生报》社.
_PAPER = re.compile(r"《([\u4e00-\u9fff·]{2,12}(?:报|杂志|周刊|日报|晚报))》(社)?")


def _left_limit(text: str, end: int) -> int:
    """Leftmost index a name ending at ``end`` may start at: the nearest stop to its left."""
    i = end
    while i > 0 and end - i < _MAX_LEFT:
        ch = text[i - 1]
        if (ch in lx.NAME_STOP or ch in _SINGLE_STOPS) and not (ch == "和" and text.startswith(_INNER_AND, i - 1)):
            break
        if not _HAN.match(ch):
            break
        i -= 1
    return i


def _boundary_after_word(text: str, lo: int, hi: int) -> int:
    """Skip a leading verb or time word (推进, 今年 ...) inside ``text[lo:hi]``."""
    best = lo
    for j in range(lo, hi):
        for word in lx.LEFT_BOUNDARIES:
            if len(word) > 1 and text.startswith(word, j) and j + len(word) <= hi:
                best = max(best, j + len(word))
    return best


def _start(text: str, lo: int, hi: int, found: list[Candidate]) -> int | None:
    """The name's start: the nearest anchor left of ``hi``, extended over names glued before it.

    Anchors are starts of places and organizations and jurisdiction prefixes
    outside a place name. Taking the nearest one keeps ``专家团深入厦门大学…``
    out; extending over a place or organization that ends exactly there keeps
    ``福建省`` + ``医学会`` and ``福建省委党校`` + ``马克思主义研究院`` whole.
    """
    named = [c for c in found if c.label in ("LOC", "ORG") and c.end > lo and c.start < hi]
    inside = {j for c in named if c.label == "LOC" for j in range(c.start + 1, c.end)}
    starts = {c.start for c in named if c.start >= lo}
    starts.update(j for j in range(lo, hi) if j not in inside and text.startswith(lx.JURISDICTION, j))
    starts = {j for j in starts if j < hi}
    if not starts:
        return None
    start = max(starts)
    while True:
        before = [c.start for c in named if c.end == start and c.start >= lo]
        if not before:
            return start
        start = min(before)


def _generic(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return any(before.endswith(g) for g in lx.GENERIC_PREFIX)


def find_organizations(text: str, found: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    places = [c for c in found if c.label == "LOC"]
    for m in _SUFFIX_RE.finditer(text):
        end = m.end()
        suffix = m.group()
        if end < len(text) and text[end] in lx.ORG_SUFFIX_BLOCKERS and len(suffix) <= 2:
            continue
        lo = _left_limit(text, m.start())
        anchored = _start(text, lo, m.start() + 1, places + out)
        if anchored is not None:
            start = anchored
            body = text[start : m.start()]
            if body in lx.JURISDICTION and len(suffix) < 3:
                continue  # 县医院, 省中心: a jurisdiction and a bare suffix are generic
            rule = "anchored"
        elif suffix in _STRONG:
            start = _boundary_after_word(text, lo, m.start())
            if not 2 <= m.start() - start <= _MAX_UNANCHORED:
                continue
            rule = "strong-suffix"
        else:
            continue
        if end - start < 3 or text[start:end] in lx.JURISDICTION or _generic(text, start):
            continue
        if text.startswith(lx.GENERIC_PREFIX, start) or text.endswith(lx.ORG_GENERIC_BODY, start, m.start()):
            continue
        out.append(Candidate(start, end, "ORG", rule))
    for m in _PAPER.finditer(text):
        out.append(Candidate(m.start(), m.end(), "ORG", "newspaper", priority=1))
    return out


@registry.misc("kg.org_rules.v1")
def make_org_rules() -> Rule:
    def org_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        return find_organizations(text, found)

    return org_rules
