"""Programs named by a formula, and a program's name without the body that opens it (issue 11).

Split out of ``programs.py`` to keep it short: a scheme named by a formula (``1+4+4某某框架``,
``“1+X+1”某某模式``) and its words written again without the formula; and the organizer's name that
opens a program's name as written, left out when the rest of the name also stands alone.
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate
from kg.nlp.rules.program_edges import HAN as _HAN

#: A scheme named by a formula (1+4+4, 1+X+1, 5G+): the formula and the words up to its head.
_FORMULA = re.compile(
    r"(“?[\dA-Za-z]+(?:\+[\dA-Za-z]+)+”?)[\u4e00-\u9fff]{2,14}?(?:框架|模式|体系|工程|行动|计划|格局)"
)
#: A formula scheme's words written again without the formula name it again, if this long.
_MIN_SHORT_SCHEME = 6


def formulas(text: str) -> list[Candidate]:
    """``1+4+4某某框架``, ``“1+X+1”某某模式``: a formula opens a named scheme (ANNOTATION.md,
    "named scheme or model"); the words between formula and head hold no stop."""
    out = []
    for m in _FORMULA.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalnum():
            continue  # part of a longer number or word
        if not any(ch in lx.NAME_STOP for ch in m.group().strip("“”")):
            out.append(Candidate(m.start(), m.end(), "PROG", "formula"))
    return out + _short_schemes(text, out)


def _short_schemes(text: str, schemes: list[Candidate]) -> list[Candidate]:
    """``1+4+4某某框架`` … ``对照某某框架``: the scheme's words without the formula, written
    again in the same text, are the same scheme (a long, specific string, so no context is asked)."""
    out = []
    for c in schemes:
        words = _FORMULA.match(text, c.start)
        short = text[words.end(1) : c.end] if words else ""
        at = text.find(short) if len(short) >= _MIN_SHORT_SCHEME else -1
        while at >= 0:
            if not any(s.start <= at < s.end for s in schemes):
                out.append(Candidate(at, at + len(short), "PROG", "formula-short"))
            at = text.find(short, at + 1)
    return out


#: Characters of a program's own name that, written again elsewhere in the text without the body
#: before it, show the body is its organizer and no part of its name.
_OWN_NAME_EVIDENCE = 6


def without_organizer(text: str, named: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """``某市某会某某春季行活动`` … ``某某四季行``: a body's name that opens a program's,
    when the words after it also stand alone elsewhere in the text, is the organizer's; the program
    is named without it (ANNOTATION.md: the organizer is a relation). Without such evidence the name
    is kept as written (某会某某义诊活动 is the program's whole name)."""
    out = []
    for c in named:
        body = max(
            (o.end for o in found if o.label == "ORG" and o.mention and o.start == c.start and o.end < c.end),
            default=None,
        )
        own = text[body : body + _OWN_NAME_EVIDENCE] if body is not None else ""
        if len(own) == _OWN_NAME_EVIDENCE and body + _OWN_NAME_EVIDENCE < c.end and _elsewhere(text, own, c):
            out.append(c._replace(start=body))
        else:
            out.append(c)
    return out


def _elsewhere(text: str, piece: str, span: Candidate) -> bool:
    """``piece`` opens a phrase of its own outside ``span`` (after punctuation or at the start),
    not after the same body again (甲机构乙行动 … 甲机构乙行动)."""
    at = text.find(piece)
    while at >= 0:
        if not span.start <= at < span.end and (at == 0 or not _HAN.match(text[at - 1])):
            return True
        at = text.find(piece, at + 1)
    return False
