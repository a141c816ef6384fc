"""The relations the pipeline reads in a raw text, as text: one helper for the relation tests."""

from __future__ import annotations

from kg.normalise import normalise


def relations(nlp, raw: str) -> set[tuple[str, str, str | None, str]]:
    """``(kind, head, tail or None, role)`` of every relation in ``raw``, normalised as
    ``kg build`` normalises a file (so a line break inside a name is joined)."""
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    doc = nlp(doc)
    text = doc.text
    return {
        (kind, text[hs:he], text[ts:te] if ts >= 0 else None, role) for kind, hs, he, ts, te, role in doc._.kg_relations
    }
