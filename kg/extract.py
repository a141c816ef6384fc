"""The per-document map: a normalised ``Document`` through the spaCy pipeline to a ``DocResult``.

This is the only place that turns spaCy objects into the plain model types,
so the stages after it never see a ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import DocResult, Document, Mention, RawRelation
from kg.nlp.extensions import text_of

SPANS_KEY = "kg_mentions"


def _sentences(doc: Doc) -> tuple[tuple[int, int], ...]:
    """Sentence character spans, read from arrays: iterating ``doc.sents`` would build a
    Token object per character, the costliest step of a build."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return ((0, len(text_of(doc))),)
    array = doc.to_array(["SENT_START", "IDX"])
    starts = [int(idx) for flag, idx in array if flag == 1]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    ends = [*starts[1:], len(text_of(doc))]
    return tuple((s, e) for s, e in zip(starts, ends, strict=True))


def to_result(document: Document, doc: Doc) -> DocResult:
    sentences = _sentences(doc)
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> tuple[int, int]:
        lo, hi = 0, len(starts)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if starts[mid] <= pos else (lo, mid)
        return sentences[lo]

    spans = list(doc.spans.get(SPANS_KEY, doc.ents))
    mentions = [
        Mention(document.doc_id, s.start_char, s.end_char, s.label_, s.text, sentence_of(s.start_char)) for s in spans
    ]
    relations = [
        RawRelation(kind, mentions[head], mentions[tail] if tail >= 0 else None, role)
        for kind, head, tail, role in (doc._.kg_relations or ())
    ]
    return DocResult(document, tuple(mentions), tuple(sorted(relations, key=_rel_key)), sentences)


def _rel_key(r: RawRelation) -> tuple:
    return (r.kind, r.head, r.tail or r.head, r.role)


def extract(nlp: Language, documents: Iterable[Document]) -> Iterator[DocResult]:
    """Run the pipeline over each document (a pure map: each result depends on its document only)."""
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc.user_data["kg_text"] = document.text  # see kg.nlp.extensions.text_of
        doc._.kg_breaks = document.breaks
        yield to_result(document, nlp(doc))
