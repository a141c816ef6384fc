"""Counts and scores shared by every scorer: precision, recall and F1 with the errors behind them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kg.labels import LABELS

#: Mention types scored against gold: ANNOTATION.md's five, so ``micro`` counts ``DOC`` too.
TYPES: tuple[str, ...] = LABELS
#: Types of the public BIO sets (our PROG has no counterpart there).
BIO_TYPES: tuple[str, ...] = ("PER", "LOC", "ORG")
RELATION_KINDS: tuple[str, ...] = ("role", "suborg", "organizer", "partner")
LINK_KINDS: tuple[str, ...] = ("within", "across")  # linked mention pairs in one document, in two


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one score."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Scores:
    """Counts per key (mention type, link or relation kind) with the sorted error tuples behind them."""

    per_type: dict[str, Counts]
    false_positives: dict[str, tuple[tuple, ...]]
    false_negatives: dict[str, tuple[tuple, ...]]

    @property
    def micro(self) -> Counts:
        return sum(self.per_type.values(), Counts())


def compare(predicted: Mapping[str, set[tuple]], expected: Mapping[str, set[tuple]], keys: tuple[str, ...]) -> Scores:
    per_type, fps, fns = {}, {}, {}
    for key in keys:
        pred, gold = predicted.get(key, set()), expected.get(key, set())
        per_type[key] = Counts(len(pred & gold), len(pred - gold), len(gold - pred))
        fps[key], fns[key] = tuple(sorted(pred - gold)), tuple(sorted(gold - pred))
    return Scores(per_type, fps, fns)
