"""Every custom ``Doc`` attribute kg uses, registered once and only here."""

from __future__ import annotations

from spacy.tokens import Doc


def register() -> None:
    """Register the extensions; safe to call any number of times."""
    if not Doc.has_extension("kg_breaks"):
        # Positions where the normaliser removed OCR whitespace: soft word boundaries.
        Doc.set_extension("kg_breaks", default=frozenset())
    if not Doc.has_extension("kg_relations"):
        # Tuples (kind, head span index, tail span index or -1, role text) into doc.spans["kg_mentions"].
        Doc.set_extension("kg_relations", default=None)


register()
