"""The per-document map: a normalised ``Document`` through the spaCy pipeline to a ``DocResult``.

This is the only place that turns spaCy objects into the plain model types,
so the stages after it never see a ``Doc``.

A document of any length is extracted: spaCy refuses a text longer than
``nlp.max_length`` (E088), and one ``Doc`` per character of a long text costs
memory in proportion, so a long document goes through the pipeline in pieces
of at most ``MAX_PIECE`` characters, cut where a sentence ends (kg's rules and
relation patterns never look past a sentence end). Offsets of mentions and the
offsets of the relations' spans found in a piece are shifted back, so the result
counts in the whole text exactly as if it had been one ``Doc``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from spacy.language import Language

from kg.model import DocResult, Document, Mention, RawRelation
from kg.nlp.tokenizer import make_doc
from kg.sentences import sentences

SPANS_KEY = "kg_mentions"

#: Longest text handed to spaCy at once: far under its ``max_length`` (1,000,000), and
#: short enough that a piece's ``Doc`` (one token per character) stays small.
MAX_PIECE = 100_000

#: Where to cut a single sentence longer than ``MAX_PIECE``, if it must be cut: after a clause mark or a space.
_SOFT_CUT = re.compile(r"[，,、：:\s]")


def pieces(text: str, spans: tuple[tuple[int, int], ...], limit: int = MAX_PIECE) -> list[tuple[int, int]]:
    """``[start, end)`` pieces of ``text`` of at most ``limit`` characters, covering it in order.

    Pieces end where a sentence of ``spans`` ends; a sentence longer than ``limit``
    is cut after its last clause mark or space within the limit, or at the limit.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for first, end in spans:
        if end - start > limit and first > start:
            out.append((start, first))
            start = first
        while end - start > limit:
            cut = _soft_cut(text, start, start + limit)
            out.append((start, cut))
            start = cut
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


def _soft_cut(text: str, start: int, limit: int) -> int:
    """The last clause mark or space in the second half of ``text[start:limit]`` (just after it), else ``limit``."""
    last = None
    for m in _SOFT_CUT.finditer(text, (start + limit) // 2, limit):
        last = m.end()
    return last if last is not None and last < limit else limit


def extract_one(nlp: Language, document: Document) -> DocResult:
    """Run the pipeline over one document, piece by piece; offsets count in ``document.text``."""
    text = document.text
    sentence_spans = sentences(text)
    starts = [s for s, _ in sentence_spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        return sentence_spans[bisect_left(starts, pos + 1) - 1]

    cuts = pieces(text, sentence_spans, MAX_PIECE)
    sorted_breaks = sorted(document.breaks) if len(cuts) > 1 else []
    mentions: list[Mention] = []
    relations: list[RawRelation] = []
    for first, end in cuts:
        # The pipeline reads the simplified text (same length); mentions are slices of the original.
        piece = document.nlp_text if (first, end) == (0, len(text)) else document.nlp_text[first:end]
        doc = make_doc(nlp, piece)
        doc.user_data["kg_text"] = piece  # see kg.nlp.extensions.text_of
        if len(cuts) == 1:
            doc._.kg_breaks = document.breaks
        else:
            lo, hi = bisect_left(sorted_breaks, first), bisect_left(sorted_breaks, end)
            doc._.kg_breaks = frozenset(b - first for b in sorted_breaks[lo:hi])
        doc = nlp(doc)
        found = [
            Mention(
                document.doc_id, first + s.start_char, first + s.end_char, s.label_,
                text[first + s.start_char : first + s.end_char], sentence_of(first + s.start_char),
            )
            for s in doc.spans.get(SPANS_KEY, doc.ents)
        ]
        # Relations name their spans by character offsets in the piece (kg.nlp.relations).
        by_offsets = {(m.start - first, m.end - first): m for m in reversed(found)}
        relations.extend(
            RawRelation(kind, by_offsets[hs, he], by_offsets[ts, te] if ts >= 0 else None, role)
            for kind, hs, he, ts, te, role in (doc._.kg_relations or ())
        )
        mentions.extend(found)
    return DocResult(document, tuple(mentions), tuple(sorted(relations, key=_rel_key)), sentence_spans)


def _rel_key(r: RawRelation) -> tuple:
    return (r.kind, r.head, r.tail or r.head, r.role)


def extract(nlp: Language, documents: Iterable[Document]) -> Iterator[DocResult]:
    """Run the pipeline over each document (a pure map: each result depends on its document only)."""
    for document in documents:
        yield extract_one(nlp, document)
