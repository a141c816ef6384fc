"""Scores of the extractor on public character-per-line NER sets (BIO or BMES tags), exact spans."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from kg.errors import InputError
from kg.evaluate.scores import BIO_TYPES, Scores, compare
from kg.extract import extract
from kg.normalise import normalise

_BLANK_LINE = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")

Span = tuple[int, int, str]  # [start, end) in the sentence, type


def _spans(tags: list[str]) -> list[Span]:
    """BIO/BMES tags to ``(start, end, type)``; an I/M/E that does not continue its type starts a span."""
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and not (prefix in ("I", "M", "E") and label == kind):
            spans.append((start, i, kind))
            start = -1
        if start < 0 and label and prefix in ("B", "I", "M", "E", "S"):
            start, kind = i, label
        if start >= 0 and prefix in ("E", "S"):
            spans.append((start, i + 1, kind))
            start = -1
    return spans


def read_bio(path: Path) -> list[tuple[str, list[Span]]]:
    """Sentences of a character-per-line file (``CHAR TAG`` or ``CHAR<TAB>TAG``), with their spans."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from exc
    sentences: list[tuple[str, list[Span]]] = []
    for block in filter(None, _BLANK_LINE.split(text.strip("\r\n"))):
        rows = [line.rpartition("\t" if "\t" in line else " ") for line in block.splitlines()]
        if any(not sep or len(char) != 1 for char, sep, _ in rows):
            raise InputError(path, f"sentence {len(sentences) + 1}: a line is not one character, space or tab, tag")
        sentences.append(("".join(c for c, _, _ in rows), _spans([tag.strip() for _, _, tag in rows])))
    return sentences


@dataclass(frozen=True)
class BioScores:
    """Exact-span scores on a BIO file, with the extraction speed (normalise + pipeline)."""

    scores: Scores
    sentences: int
    chars: int
    seconds: float


def score_bio(nlp: Language, path: Path, limit: int | None = None) -> BioScores:
    """Run each sentence (the first ``limit``) through the pipeline; compare exact (start, end, type) spans.

    Spans are mapped back to the sentence as written through ``Document.raw_span``
    (NFKC may change a character), so gold and system count the same characters.
    PROG is ignored. Errors are ``(sentence number, start, end, surface)``.
    """
    sentences = read_bio(path)[:limit]
    started = time.perf_counter()
    documents = (normalise(f"{path.name}:{i}", str(path), text) for i, (text, _) in enumerate(sentences))
    results = list(extract(nlp, documents))
    seconds = time.perf_counter() - started
    predicted: dict[str, set[tuple]] = defaultdict(set)
    expected: dict[str, set[tuple]] = defaultdict(set)
    for i, ((text, spans), result) in enumerate(zip(sentences, results, strict=True)):
        for m in result.mentions:
            if m.label in BIO_TYPES:
                start, end = result.document.raw_span(m.start, m.end)
                predicted[m.label].add((i, start, end, text[start:end]))
        for start, end, label in spans:
            expected[label].add((i, start, end, text[start:end]))
    scores = compare(predicted, expected, BIO_TYPES)
    return BioScores(scores, len(sentences), sum(len(t) for t, _ in sentences), seconds)
