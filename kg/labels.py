"""The one place that maps extraction labels and relation names to the ontology."""

from __future__ import annotations

#: spaCy span labels that the extractor assigns, in a fixed order.
LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "PROG")

#: label -> local name of our ontology class (``ontology/kg.ttl``).
CLASS_OF: dict[str, str] = {
    "PER": "Person",
    "ORG": "Organization",
    "LOC": "Place",
    "PROG": "Program",
}

#: label -> short path segment used in entity IRIs and GraphML ``type``.
TYPE_OF: dict[str, str] = {
    "PER": "person",
    "ORG": "organization",
    "LOC": "place",
    "PROG": "program",
}

#: relation kinds carried by ``model.Relation``.
RELATIONS: tuple[str, ...] = ("role", "suborg", "located", "organizer", "partner", "cooccur")
