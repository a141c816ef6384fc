"""The ``kg_relations`` component: relations read off the text around the mentions.

One module per kind of statement: ``posts`` (who holds which title in which body; the
verbs of office in ``offices``), ``structure`` (bodies under bodies, where bodies are),
``events`` (who organizes a program, co-hosts), ``launches`` (the subject of a verb starting
one), ``owners`` (a program named after its body),
``partners`` (agreements and aid pairings).
Each reads the normalised text and the mention spans, without a parser, in the fixed shapes
Chinese news writes them.

The result goes to ``Doc._.kg_relations`` as ``(kind, head_start, head_end,
tail_start, tail_end, role)`` tuples of character offsets of spans in
``doc.spans[spans_key]`` (tail ``-1, -1`` when there is none): plain ints and
strings, not positions in a span list, so they survive a ``DocBin`` (which
gives them back as lists), ``nlp.pipe(..., n_process=2)`` and edits of the group.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.extensions import text_of
from kg.nlp.relations import events, launches, owners, partners, posts, structure


class RelationExtractor:
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.spans_key, []))
        text = text_of(doc)
        stated = [
            *events.organizers(text, spans, doc._.kg_breaks),
            *events.joint(text, spans),
            *launches.launched(text, spans, doc._.kg_breaks),
        ]
        out = [
            *posts.roles(text, spans),
            *stated,
            *owners.named_after(spans, stated),
            *owners.owned(text, spans, stated),
            *partners.partners(text, spans),
            *structure.governed(text, spans),
            *structure.owned(text, spans),
            *structure.located(text, spans),
        ]
        doc._.kg_relations = tuple(
            (kind, spans[head].start_char, spans[head].end_char, *_offsets(spans, tail), role)
            for kind, head, tail, role in sorted(set(out))
        )
        return doc

    def initialize(self, get_examples: Iterable | None = None, *, nlp: Language | None = None) -> None:
        """No data to load."""


def _offsets(spans: list[Span], index: int) -> tuple[int, int]:
    """A span's ``(start_char, end_char)``; ``(-1, -1)`` for the missing tail (index ``-1``)."""
    return (spans[index].start_char, spans[index].end_char) if index >= 0 else (-1, -1)


@Language.factory(
    "kg_relations",
    requires=["doc.spans"],
    assigns=["doc._.kg_relations"],
    default_config={"spans_key": "kg_mentions"},
)
def make_relation_extractor(nlp: Language, name: str, spans_key: str) -> RelationExtractor:
    return RelationExtractor(nlp, name, spans_key=spans_key)
