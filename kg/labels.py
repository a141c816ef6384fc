"""The one place that maps extraction labels and relation names to the ontology."""

from __future__ import annotations

#: spaCy span labels that the extractor assigns, in a fixed order: ANNOTATION.md's five types
#: (``DOC``, a policy document named by its title in 《》, is the fifth).
LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "PROG", "DOC")

#: label -> local name of our ontology class (``ontology/kg.ttl``).
CLASS_OF: dict[str, str] = {
    "PER": "Person",
    "ORG": "Organization",
    "LOC": "Place",
    "PROG": "Program",
    "DOC": "PolicyDocument",
}

#: label -> short path segment used in entity IRIs and GraphML ``type``.
TYPE_OF: dict[str, str] = {
    "PER": "person",
    "ORG": "organization",
    "LOC": "place",
    "PROG": "program",
    "DOC": "document",
}

#: relation kinds carried by ``model.Relation``.
RELATIONS: tuple[str, ...] = ("role", "suborg", "located", "organizer", "partner", "cooccur")

#: relation kind -> whether its edge in the network files (GraphML, GEXF, ``edges.csv``) points
#: from ``head`` to ``tail``: a person to the body of their post (``role``), a unit to its
#: parent (``suborg``), a body to its place (``located``), a program to its organizer
#: (``organizer``, as ``schema:organizer`` in the RDF). ``partner`` and ``cooccur`` are
#: symmetric: their edges have no direction and join the two keys in sorted order.
DIRECTED: dict[str, bool] = {
    "role": True,
    "suborg": True,
    "located": True,
    "organizer": True,
    "partner": False,
    "cooccur": False,
}

#: label -> the colour (r, g, b) a type is drawn in, in Gephi files and the HTML view alike
#: (Tableau 10: distinguishable, and readable by most colour-blind viewers).
COLOUR_OF: dict[str, tuple[int, int, int]] = {
    "PER": (225, 87, 89),
    "ORG": (78, 121, 167),
    "LOC": (89, 161, 79),
    "PROG": (242, 142, 43),
    "DOC": (118, 183, 178),
}

#: The ``role`` of an ``organizer`` relation read off a program's name, which starts with its
#: body's (``上海某医院“健康快车”行动``): the linker keeps such a body's place in the program's name.
NAMED_AFTER = "named after"
