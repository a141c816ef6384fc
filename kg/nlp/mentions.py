"""The mention ruler: runs the registered rule functions and keeps the best spans.

It writes ``doc.spans[spans_key]`` (with names written inside a longer one) and
``doc.ents`` (the outermost names, which cannot overlap). Which rules run, and in
what order, is configuration (``pipeline.cfg``), so a user can swap a rule for
a ``.v2`` or add the component to a pipeline of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.candidate import Candidate, Rule, choose, nested
from kg.nlp.extensions import text_of
from kg.nlp.rules import organizations, people, places, programs, statistical  # noqa: F401  (registers rules)

DEFAULT_RULES = {
    "places": {"@misc": "kg.place_rules.v1"},
    "people": {"@misc": "kg.person_rules.v1"},
    "organizations": {"@misc": "kg.org_rules.v1"},
    "programs": {"@misc": "kg.program_rules.v1"},
}


class MentionRuler:
    """Propose spans with each rule in turn, then keep non-overlapping best ones."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: dict[str, Rule],
        spans_key: str,
        statistical_key: str,
        statistical_filter: Callable[[str, int, int, str, float], bool],
        statistical_equal_at: float = 1.01,
    ) -> None:
        self.name = name
        self.rules = rules
        self.spans_key = spans_key
        self.statistical_key = statistical_key
        self.statistical_filter = statistical_filter
        self.statistical_equal_at = statistical_equal_at

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        breaks = doc._.kg_breaks
        found: list[Candidate] = []
        for rule in self.rules.values():
            found.extend(rule(text, breaks, list(found)))
        # A statistical tagger's spans (if one ran) fill the gaps the rules leave: a rule's span wins
        # an overlap, unless the tagger is at least ``statistical_equal_at`` sure; then the two compete
        # as rules do among themselves, the longer winning (a rule's anchor of priority 1 still wins).
        found.extend(
            Candidate(
                s.start_char,
                s.end_char,
                s.label_,
                "statistical",
                priority=0 if s._.kg_confidence >= self.statistical_equal_at else -1,
            )
            for s in doc.spans.get(self.statistical_key, ())
            if self.statistical_filter(text, s.start_char, s.end_char, s.label_, s._.kg_confidence)
        )
        chosen = choose(found)
        spans = [s for s in (self._span(doc, c) for c in chosen) if s is not None]
        inner = [s for s in (self._span(doc, c) for c in nested(chosen, found)) if s is not None]
        doc.spans[self.spans_key] = sorted(spans + inner, key=lambda s: (s.start_char, -s.end_char))
        doc.ents = spans
        return doc

    @staticmethod
    def _span(doc: Doc, cand: Candidate) -> Span | None:
        return doc.char_span(cand.start, cand.end, label=cand.label, alignment_mode="strict")

    def initialize(self, get_examples: Iterable | None = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn: the rules' data are loaded (once per process) on first use."""


@Language.factory(
    "kg_mentions",
    assigns=["doc.ents", "doc.spans"],
    default_config={
        "rules": DEFAULT_RULES,
        "spans_key": "kg_mentions",
        "statistical_key": "kg_statistical",
        "statistical_filter": {"@misc": "kg.statistical_filter.v1", "labels": ["PER", "LOC", "ORG", "PROG"]},
        "statistical_equal_at": 1.01,
    },
)
def make_mention_ruler(
    nlp: Language,
    name: str,
    rules: dict[str, Any],
    spans_key: str,
    statistical_key: str,
    statistical_filter: Callable[[str, int, int, str, float], bool],
    statistical_equal_at: float,
) -> MentionRuler:
    return MentionRuler(
        nlp,
        name,
        rules=rules,
        spans_key=spans_key,
        statistical_key=statistical_key,
        statistical_filter=statistical_filter,
        statistical_equal_at=statistical_equal_at,
    )
