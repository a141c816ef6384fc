"""The span candidates that rule functions propose and the mention ruler arbitrates."""

from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable


class Candidate(NamedTuple):
    """A proposed span. ``priority`` decides overlaps before length does; a candidate
    with ``mention=False`` only guides later rules (an anchor) and is never emitted.
    ``nests=True`` marks a name written with other names inside it
    (``《福建卫生报》社（《每周文摘报》社）综合部``): those stay mentions too.
    ``veto=True`` marks a span that holds no mention at all (a policy document's
    title in 《》, whose bodies and places are part of a title, not of the story):
    it takes part in ``choose`` to win its overlaps, and is never emitted itself."""

    start: int
    end: int
    label: str
    rule: str
    priority: int = 0
    mention: bool = True
    nests: bool = False
    veto: bool = False


@runtime_checkable
class Rule(Protocol):
    """A swappable rule: reads the text and what earlier rules found, proposes spans."""

    def __call__(self, text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]: ...


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Pick non-overlapping spans: higher priority first, then longer, then earlier.

    A ``veto`` candidate takes its place like any other (winning a tie) and is then left out."""
    candidates = [c for c in candidates if c.mention or c.veto]
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in candidates), default=0))
    for cand in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), not c.veto, c.start, c.label)):
        if not any(taken[cand.start : cand.end]):
            chosen.append(cand)
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(c for c in chosen if not c.veto)


def nested(chosen: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
    """Mentions inside a chosen ``nests`` span, chosen among themselves like ``choose`` does.

    They go to the span group (linked, cited) but not to ``doc.ents``, which cannot overlap."""
    outers = [c for c in chosen if c.nests]
    inner = [
        c
        for c in candidates
        if c.mention
        and not c.nests
        and not c.veto
        and any(o.start <= c.start and c.end <= o.end and c != o for o in outers)
    ]
    return choose(inner)
