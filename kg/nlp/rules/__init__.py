"""Rule functions, one module per entity type, each registered as ``kg.<type>_rules.v1``.

A rule reads the normalised text, the OCR breaks and the candidates that the
rules before it proposed (organizations anchor on places, people on titles and
organizations) and returns its own candidates. The mention ruler runs them in
the order its config lists and keeps the best non-overlapping spans.
"""

from kg.nlp.rules import documents, organizations, people, places, programs, statistical

__all__ = ["documents", "organizations", "people", "places", "programs", "statistical"]
