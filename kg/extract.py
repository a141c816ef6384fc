"""The per-document map: a normalised ``Document`` through the spaCy pipeline to a ``DocResult``.

This is the only place that turns spaCy objects into the plain model types,
so the stages after it never see a ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import DocResult, Document, Mention, RawRelation
from kg.sentences import sentences

SPANS_KEY = "kg_mentions"


def to_result(document: Document, doc: Doc) -> DocResult:
    spans_of_sentences = sentences(document.text)
    starts = [s for s, _ in spans_of_sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        lo, hi = 0, len(starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if starts[mid] <= pos else (lo, mid)
        return spans_of_sentences[lo]

    spans = list(doc.spans.get(SPANS_KEY, doc.ents))
    mentions = [
        Mention(document.doc_id, s.start_char, s.end_char, s.label_, s.text, sentence_of(s.start_char)) for s in spans
    ]
    relations = [
        RawRelation(kind, mentions[head], mentions[tail] if tail >= 0 else None, role)
        for kind, head, tail, role in (doc._.kg_relations or ())
    ]
    return DocResult(document, tuple(mentions), tuple(sorted(relations, key=_rel_key)), spans_of_sentences)


def _rel_key(r: RawRelation) -> tuple:
    return (r.kind, r.head, r.tail or r.head, r.role)


def extract(nlp: Language, documents: Iterable[Document]) -> Iterator[DocResult]:
    """Run the pipeline over each document (a pure map: each result depends on its document only)."""
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc.user_data["kg_text"] = document.text  # see kg.nlp.extensions.text_of
        doc._.kg_breaks = document.breaks
        yield to_result(document, nlp(doc))
