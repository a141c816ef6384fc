"""Every custom ``Doc`` attribute kg uses, registered once and only here."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register() -> None:
    """Register the extensions; safe to call any number of times."""
    if not Doc.has_extension("kg_breaks"):
        # Positions where the normaliser removed OCR whitespace: soft word boundaries.
        Doc.set_extension("kg_breaks", default=frozenset())
    if not Doc.has_extension("kg_relations"):
        # Tuples (kind, head start, head end, tail start, tail end or -1, -1, role) of character
        # offsets of spans in doc.spans["kg_mentions"] (kg.nlp.relations): they survive a DocBin.
        Doc.set_extension("kg_relations", default=None)
    if not Span.has_extension("kg_confidence"):
        # The statistical tagger's confidence in a span: its least sure character's marginal.
        Span.set_extension("kg_confidence", default=1.0)


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per Doc.

    spaCy rebuilds ``doc.text`` from its tokens on every access, and with one
    token per Chinese character that costs more than any of our components;
    the text of a Doc never changes, so it is kept in ``doc.user_data``.
    """
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.text
        doc.user_data["kg_text"] = text
    return text


register()
