"""Named units written with or after their parent body, which the suffix walk of
``organizations`` does not see as one name: a hospital's campus (``某医院某某路院区``)
and units listed after a first one (``某委人事处、体改处、基层处``).

ANNOTATION.md counts "named units given with their parent" as organizations of their
own; these rules only read how such a unit is written next to the body found before it.
"""

from __future__ import annotations

import re

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
    return out

