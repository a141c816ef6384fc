"""``bio_spans`` visits only the tags other than ``O``: the same spans as the straightforward walk over
every tag, which is kept here as the oracle."""

from __future__ import annotations

import random

import pytest

from kg.nlp.tagger import bio_spans


def oracle_bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """The walk over every tag (and a final ``O``) that ``bio_spans`` was before it skipped the ``O``s."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and start >= 0 and tag[2:] == label
        if not inside:
            if start >= 0:
                spans.append((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    return spans


@pytest.mark.parametrize(
    "tags, spans",
    [
        (["O"], []),
        (["B-PER"], [(0, 1, "PER")]),
        (["I-PER"], [(0, 1, "PER")]),
        (["O", "O", "B-LOC", "I-LOC"], [(2, 4, "LOC")]),  # a span running to the end
        (["B-ORG", "O", "I-ORG"], [(0, 1, "ORG"), (2, 3, "ORG")]),  # an O between: two spans
        (["B-ORG", "I-LOC", "I-LOC"], [(0, 1, "ORG"), (1, 3, "LOC")]),  # another type's I- opens a span
        (["B-PER", "I-PER", "B-PER", "I-PER"], [(0, 2, "PER"), (2, 4, "PER")]),
        (["I-PROG", "I-PROG", "O", "B-DOC", "I-DOC", "O"], [(0, 2, "PROG"), (3, 5, "DOC")]),
    ],
)
def test_tagger_bio_spans_cases(tags, spans):
    assert bio_spans(tags) == spans == oracle_bio_spans(tags)


def test_tagger_bio_spans_same_as_the_walk_over_every_tag():
    labels = ["O", "O", "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "I-LOC"]
    rng = random.Random(11)
    for _ in range(20_000):
        tags = [rng.choice(labels) for _ in range(rng.randrange(0, 14))]
        assert bio_spans(tags) == oracle_bio_spans(tags), tags
