"""Co-occurrence: which entities a sentence mentions together, bounded by a window.

Rule: within one sentence, a mention co-occurs with the next ``WINDOW`` mentions
after it (mentions ordered by where they start; nested ones count too). Two
entities co-occur if any of their mentions do so in some sentence; the relation's
``weight`` is the number of such sentences and its evidence lists them.

Why a window: a sentence that names ``n`` things once gave every one of the
``n·(n-1)/2`` pairs, so one name list (issue 13: 335 names in one sentence, an
article's list of award winners) produced 88 % of a corpus's relations, all of
them saying no more than "on the same list". With the window a sentence yields at
most ``WINDOW`` pairs per mention, so a list of ``n`` names gives fewer than
``WINDOW·n`` pairs, each name still tied to its neighbours; an ordinary news
sentence (``WINDOW + 1`` mentions or fewer: nearly all of them) keeps every pair.
"""

from __future__ import annotations

from collections import defaultdict

from kg.model import Entity, Relation

__all__ = ["WINDOW", "cooccurrences"]

#: how many following mentions of its sentence each mention is paired with
WINDOW = 5


def cooccurrences(entities: list[Entity] | tuple[Entity, ...], window: int = WINDOW) -> list[Relation]:
    """``cooccur`` relations (head < tail by key) among the mentions of ``entities``, sorted."""
    by_sentence: dict[tuple[str, int, int], list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            by_sentence[(m.doc_id, *m.sentence)].append((m.start, m.end, entity.key))
    evidence: dict[tuple[str, str], set[tuple[str, int, int]]] = defaultdict(set)
    for sentence, mentions in by_sentence.items():
        mentions.sort()
        for i, (_, _, a) in enumerate(mentions):
            for _, _, b in mentions[i + 1 : i + 1 + window]:
                if a != b:
                    evidence[min(a, b), max(a, b)].add(sentence)
    return [
        Relation("cooccur", a, b, weight=len(ev), evidence=tuple(sorted(ev)))
        for (a, b), ev in sorted(evidence.items())
    ]
