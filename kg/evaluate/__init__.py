"""Scores: the graph against hand-made gold files (``ANNOTATION.md``), the extractor against public BIO sets.

``gold`` reads gold files and scores mentions, linking and relations; ``bio`` scores
the extractor on character-per-line NER sets; ``report`` formats what ``kg eval``
prints; ``scores`` holds the counts they share. Zero denominators score 0.0
(``support`` tells an empty gold side from a bad system); every score keeps its
false positives and negatives, so a developer sees *which* ones failed.
"""

from kg.evaluate.bio import BioScores, read_bio, score_bio
from kg.evaluate.gold import (
    GoldDoc,
    Report,
    load_gold,
    map_entities,
    normalise_mention,
    score_all,
    score_linking,
    score_mentions,
    score_relations,
    split_gold,
)
from kg.evaluate.report import format_bio, format_gold, format_split
from kg.evaluate.scores import BIO_TYPES, LINK_KINDS, RELATION_KINDS, TYPES, Counts, Scores

__all__ = [
    "BIO_TYPES", "LINK_KINDS", "RELATION_KINDS", "TYPES", "BioScores", "Counts", "GoldDoc", "Report", "Scores",
    "format_bio", "format_gold", "format_split", "load_gold", "map_entities", "normalise_mention", "read_bio",
    "score_all", "score_bio", "score_linking", "score_mentions", "score_relations", "split_gold",
]
