"""The mention ruler: runs the registered rule functions and keeps the best spans.

It writes ``doc.spans[spans_key]`` (with names written inside a longer one) and
``doc.ents`` (the outermost names, which cannot overlap). Which rules run, and in
what order, is configuration (``pipeline.cfg``), so a user can swap a rule for
a ``.v2`` or add the component to a pipeline of their own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

from kg.labels import LABELS
from kg.nlp.candidate import Candidate, Rule, choose, nested
from kg.nlp.extensions import text_of
from kg.nlp.rules import documents, organizations, people, places, programs, statistical  # noqa: F401  (registers rules)

DEFAULT_RULES = {
    "places": {"@misc": "kg.place_rules.v1"},
    "people": {"@misc": "kg.person_rules.v1"},
    "organizations": {"@misc": "kg.org_rules.v1"},
    "programs": {"@misc": "kg.program_rules.v1"},
    "documents": {"@misc": "kg.document_rules.v1"},
}

#: Run through the rules once in ``initialize``/``from_disk``: each rule loads its data (jieba's
#: dictionary, the gazetteer) on first use, and without this the user's first ``nlp(text)`` pays
#: for it (seconds). A sentence with a body, a title, a person, a place and a program.
WARM_UP = "福建省卫生健康委员会主任王某在福州市出席“健康福建”行动启动仪式。"



def _crosses(ordered_breaks: list[int], start: int, end: int) -> bool:
    """Whether a break falls strictly inside ``[start, end)``: one bisection, not a scan of every
    break for every tagger span (a long document has thousands of both)."""
    i = bisect_right(ordered_breaks, start)
    return i < len(ordered_breaks) and ordered_breaks[i] < end


#: How sure the tagger must be of a person's name to complete one a title rule cut short.
SURE_PERSON = 0.95


def _completes_person(label: str, start: int, end: int, confidence: float, rule_people: list[Candidate]) -> bool:
    """A sure tagger name that holds a title rule's shorter name from one of its ends: the rule
    guesses a name's length from the characters after it (局长方齐|连上任, 会长黄元|福日前), or
    takes the last syllables of a transliterated one (伯奇|费尔院士); the tagger read the whole.
    Only a person's name: a rule's place or body keeps its own boundaries."""
    return (
        label == "PER"
        and confidence >= SURE_PERSON
        and any(
            (c.start == start and c.end < end) or (c.end == end and c.start > start)
            for c in rule_people
            if start <= c.start and c.end <= end
        )
    )


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
        #: Named in the error for a mention the tokens cut (a word segmenter instead of characters).
        self.tokenizer = f"{type(nlp.tokenizer).__name__}, segmenter {getattr(nlp.tokenizer, 'segmenter', '?')}"
        # A rule set to null is left out: a config override (`components.kg_mentions.rules.places=null`)
        # cannot delete a key of the section, only replace its value.
        self.rules = {key: rule for key, rule in rules.items() if rule is not None}
        self.spans_key = spans_key
        self.statistical_key = statistical_key
        self.statistical_filter = statistical_filter
        self.statistical_equal_at = statistical_equal_at

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        breaks = doc._.kg_breaks
        ordered = sorted(breaks)
        found: list[Candidate] = []
        for rule in self.rules.values():
            found.extend(rule(text, breaks, list(found)))
        # A statistical tagger's spans (if one ran) fill the gaps the rules leave: a rule's span wins
        # an overlap, unless the tagger is at least ``statistical_equal_at`` sure; then the two compete
        # as rules do among themselves, the longer winning (a rule's anchor of priority 1 still wins).
        rule_people = [c for c in found if c.label == "PER" and c.mention and c.priority == 0]
        tagged = [
            (s, statistical.program_start(text, s.start_char, s.end_char) if s.label_ == "PROG" else s.start_char)
            for s in doc.spans.get(self.statistical_key, ())
        ]
        found.extend(
            Candidate(
                start,
                s.end_char,
                s.label_,
                "statistical",
                # To compete, a tagger span must also be plausible by the rules' knowledge (a body's
                # suffix, a surname): a sure but suffixless 某市让乡贤 does not displace the place 某市.
                priority=0
                if (
                    s._.kg_confidence >= self.statistical_equal_at
                    and statistical.plausible(text, start, s.end_char, s.label_)
                )
                or _completes_person(s.label_, start, s.end_char, s._.kg_confidence, rule_people)
                else -1,
            )
            # A program's span starts after the verbs it swallowed (宣布启动|某某行动).
            for s, start in tagged
            # A line or paragraph break the normaliser joined is no place for a name to run across
            # (a headline, then the first sentence); the rules honour ``breaks`` the same way.
            if not _crosses(ordered, start, s.end_char)
            and self.statistical_filter(text, start, s.end_char, s.label_, s._.kg_confidence)
        )
        chosen = choose(found)
        spans = [self._span(doc, c) for c in chosen]
        inner = [self._span(doc, c) for c in nested(chosen, found)]
        doc.spans[self.spans_key] = sorted(spans + inner, key=lambda s: (s.start_char, -s.end_char))
        doc.ents = spans
        return doc

    def _span(self, doc: Doc, cand: Candidate) -> Span:
        """The candidate as a ``Span``; an error, not a silent loss, if the tokens cut it.

        The rules work on characters; the shipped tokenizer (``segmenter = "char"``) makes
        every character a token. A word segmenter (jieba, pkuseg) may not end a token
        where a name ends, and then the name cannot be a ``Span`` at all.
        """
        span = doc.char_span(cand.start, cand.end, label=cand.label, alignment_mode="strict")
        if span is None:
            raise ValueError(
                f"{self.name}: the {cand.label} mention {doc.text[cand.start : cand.end]!r} "
                f"[{cand.start}:{cand.end}] does not start and end on a token boundary of the tokenizer "
                f"({self.tokenizer}); kg's rules need one token per character: "
                f'[nlp.tokenizer] segmenter = "char".'
            )
        return span

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity types this component writes; spaCy lists them in ``nlp.pipe_labels`` and ``meta.json``."""
        return LABELS

    def warm_up(self) -> None:
        """Load every rule's data now (see ``WARM_UP``); results are not kept."""
        found: list[Candidate] = []
        for rule in self.rules.values():
            found.extend(rule(WARM_UP, frozenset(), list(found)))

    def initialize(self, get_examples: Iterable | None = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn; load the rules' data here rather than on the first document."""
        self.warm_up()

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """``ents_p``/``ents_r``/``ents_f`` and ``ents_per_type`` over ``doc.ents``, as spaCy's NER reports them.

        ``nlp.evaluate`` calls this; without it a rule-only pipeline scores ``{}``.
        """
        return Scorer.score_spans(examples, "ents", **kwargs)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to save: the rules and their data ship in the package, the settings in ``config.cfg``."""

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> MentionRuler:
        """``spacy.load`` does not call ``initialize``; load the rules' data here instead."""
        self.warm_up()
        return self


@Language.factory(
    "kg_mentions",
    assigns=["doc.ents", "doc.spans"],
    default_config={
        "rules": DEFAULT_RULES,
        "spans_key": "kg_mentions",
        "statistical_key": "kg_statistical",
        "statistical_filter": {"@misc": "kg.statistical_filter.v1", "labels": ["PER", "LOC", "ORG", "PROG", "DOC"]},
        "statistical_equal_at": 1.01,
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
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
