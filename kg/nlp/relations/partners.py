"""Partners: bodies that work together, as the text states it.

``partner`` (two bodies) from agreements (``A与B签署…协议``, ``A、B、C签约``, a ``《A、B…协议》``
title, ``我院与B、C签订…``: the body 我院 stands for) and from aid pairings (``A结对帮扶B``,
``A对口支援B``, ``A派出专家，对口帮扶B和C``), and ``A与B…。双方签署…``. Co-hosts at one level are partners too;
``kg.nlp.relations.events`` reads those with the organizers.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.nlp.relations.bodies import Bodies
from kg.nlp.relations.events import Rel, _list_after, _orgs, _pairs
from kg.nlp.relations.launches import _NOT_SUBJECT
from kg.sentences import sentence_start

#: Words after a list of bodies that make them parties to an agreement.
#: (Within the clause: the normalised text writes ASCII commas and semicolons, 举行座谈,双方就合作… is no agreement.)
_AGREEMENT = re.compile(r"^[^，,。；;！!？?\n《]{0,20}?(?:签署|签订|签约|共建|结对|缔结|合作|帮扶|对口|托管|协议》)")
#: Verbs of an aid pairing between two bodies (A结对帮扶B), after an adverb or the fields it covers
#: (A将在人才培养等方面帮扶B).
_PAIRING = re.compile(
    r"^(?:将|还|并|也|正式|长期|持续|全面|重点)?(?:在[^，,。；;！!？?\n、]{1,14}(?:方面|领域))?"
    r"(?:结对帮扶|对口帮扶|对口支援|结对共建|帮扶|支援|托管|结对)$"
)


def _subject_of_counterparts(text: str, orgs: list, start: int) -> int:
    """``A…，与B、C签订…``: a list after ``与`` that no body comes right before is the other side of
    an agreement whose party is the sentence's first body (not after 由/在); -1 otherwise."""
    if not text.endswith(("与", "同"), 0, start) or any(s.end_char == start - 1 for _, s in orgs):
        return -1
    begin = sentence_start(text, start)
    firsts = [i for i, s in orgs if begin <= s.start_char < start and not text.endswith(_NOT_SUBJECT, 0, s.start_char)]
    return firsts[0] if firsts else -1


#: ``A与B、C分别签订``: each of the bodies after 与 signs with A, not with one another.
_EACH = re.compile(r"[)）]?(?:还|并|也|现场|当场|正式)?分别")


def _each(text: str, spans: list, listed: list[int], end: int) -> bool:
    """Whether a list ``A与B、C`` is followed by ``分别`` before its verb of agreement: A signs with each."""
    first, second = spans[listed[0]], spans[listed[1]]
    return text[first.end_char : second.start_char] in ("与", "同", "和") and bool(_EACH.match(text, end))


def partners(text: str, spans: list) -> list[Rel]:
    """``A与B签署…协议``, ``A、B、C签约``, ``《A、B…协议》``: parties to an agreement (``我院与B``:
    the body 我院 stands for, ``Bodies.referred_before``); ``A结对帮扶B``: the two sides of an aid pairing."""
    out: list[Rel] = []
    orgs = _orgs(spans)
    bodies = Bodies(text, spans)
    done: set[int] = set()
    for i, span in orgs:
        if i in done:
            continue
        listed = _list_after(text, orgs, span.start_char)
        done.update(listed)
        end = spans[listed[-1]].end_char
        if not _AGREEMENT.match(text[end:].lstrip(")）")):
            continue
        subject = _subject_of_counterparts(text, orgs, span.start_char)
        if subject < 0 and text.endswith(("与", "和", "同"), 0, span.start_char):
            subject = bodies.referred_before(span.start_char - 1)[0]  # 我院与B、C签订: the article's own body
        if subject >= 0 and subject not in listed:
            out.extend(("partner", subject, j, "") for j in listed)  # A…，与B、C签订: A with each
        elif len(listed) >= 3 and _each(text, spans, listed, end):
            out.extend(("partner", listed[0], j, "") for j in listed[1:])  # A与B、C分别签订: A with each
        elif len(listed) >= 2:
            out.extend(_pairs(listed, spans, text))
    for (i, a), (j, b) in pairwise(orgs):
        if _PAIRING.match(text[a.end_char : b.start_char]):
            out.append(("partner", i, j, ""))
    out.extend(_aided(text, orgs))
    out.extend(_both_sides(text, orgs))
    return out


#: ``双方签署…``: the two sides of an agreement named before, in a sentence that names no body.
_BOTH_SIDES = re.compile(r"双方(?:还|并|正式|共同|现场)?(?:签署|签订|签约|缔结)")
_SIDE_JOINS = ("与", "和", "同")
#: How many sentences back the two sides may be named (the meeting's sentence, then 会上，双方签署…).
_SIDES_BACK = 2


def _both_sides(text: str, orgs: list) -> list[Rel]:
    """``A与B举行座谈。会上，双方签署了…协议``: the last two bodies joined by 与/和/同 within the two
    sentences before (or earlier in the same one) sign it, when the clause of 双方 names no body."""
    out: list[Rel] = []
    for m in _BOTH_SIDES.finditer(text):
        here = sentence_start(text, m.start())
        if any(here <= s.start_char < m.start() for _, s in orgs):
            continue  # A与B…，双方签署: read as the list of its own sentence
        window = here
        for _ in range(_SIDES_BACK):
            window = sentence_start(text, window - 1) if window > 0 else 0
        pairs = [
            (i, j)
            for (i, a), (j, b) in pairwise(orgs)
            if window <= a.start_char and b.end_char <= m.start() and text[a.end_char : b.start_char] in _SIDE_JOINS
        ]
        if pairs:
            out.append(("partner", *pairs[-1], ""))
    return out


#: A verb of an aid pairing opening a clause, with the bodies it aids after it (，对口帮扶B和C).
_AIDS = re.compile(r"(?<=[,，])(?:将|还|并|同时|持续|长期)?(?:结对帮扶|对口帮扶|对口支援|托管)")


def _aided(text: str, orgs: list) -> list[Rel]:
    """``A派出专家团队，对口帮扶B和C``: a clause of aid with no body of its own before the verb is the
    sentence's subject's, the first body of the sentence (not an agent after 由, a venue after 在/于,
    nor a source after 据/从); it is a partner of each body listed right after the verb."""
    out: list[Rel] = []
    for m in _AIDS.finditer(text):
        listed = _list_after(text, orgs, m.end())
        begin = sentence_start(text, m.start())
        firsts = [
            i
            for i, s in orgs
            if begin <= s.start_char and s.end_char <= m.start() and not text.endswith(_NOT_SUBJECT, 0, s.start_char)
        ]
        if listed and firsts:
            out.extend(("partner", firsts[0], j, "") for j in listed if j != firsts[0])
    return out
