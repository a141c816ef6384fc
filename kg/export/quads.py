"""One sorted, deduplicated table of a graph's quads, shared by every RDF writer of a build.

``kg.export.rdf`` decides which triples a graph has and which named graph each goes
in; this module keeps them compactly and in canonical order so that every writer
streams from the same table, and writes N-Triples, N-Quads, Turtle and TriG with the
bytes pyoxigraph's serialiser writes (``kg.export.serial``: term texts joined in C,
tested against ``ox.serialize``). rdflib's Turtle writer took 59 s for 119k triples
(issue 13); feeding pyoxigraph a Python ``Triple`` per row took about 3.5 s for 590k;
the joined texts take under a second.

* Each distinct term is stored once, as a pyoxigraph term, and numbered by the rank
  of its N-Triples form, so sorting rows of numbers sorts by the text of the terms
  (code-point order, which is UTF-8 byte order).
* ``quads`` rows are ``(graph, subject, predicate, object)`` sorted in that column
  order: N-Quads lines and TriG blocks come out grouped by graph, then by subject.
* ``triples`` rows are ``(subject, predicate, object)``, the distinct triples of the
  union of the graphs, sorted: N-Triples lines are in byte order, and Turtle groups
  each subject's predicates and each predicate's objects.

The table is numpy ``int32`` arrays (``NUMBER``) plus the term list: 16 bytes per quad and 12 per triple,
kept on the graph (``kg.export.memo``) for the rest of the build.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import IO

import numpy as np
import pyoxigraph as ox

from kg.export.serial import turtle_forms, write_lines, write_turtle
from kg.namespaces import PREFIXES

__all__ = ["NUMBER", "Quads", "Term"]

Term = ox.NamedNode | ox.Literal

#: the type of a term number: 2³¹ distinct terms is past any corpus one machine builds, and halves
#: the table and the sorting's copies against int64
NUMBER = np.int32
#: rows turned into Python objects at a time by the writers (a few MiB of lists, whatever the graph's size)
CHUNK = 65_536


def _unique_rows(rows: np.ndarray) -> np.ndarray:
    """Distinct rows, sorted by the first column, then the second, and so on."""
    if not len(rows):
        return rows
    rows = rows[np.lexsort(rows.T[::-1])]
    keep = np.ones(len(rows), dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]).any(axis=1)
    return rows[keep]


@dataclass(frozen=True)
class Quads:
    """The quads of one graph: ``terms`` by rank, ``quads`` and ``triples`` as rows of ranks."""

    terms: tuple[Term, ...]
    quads: np.ndarray
    triples: np.ndarray

    @classmethod
    def from_rows(cls, terms: list[Term], rows: np.ndarray | array, *, consume: bool = False) -> Quads:
        """``rows``: ``(graph, subject, predicate, object)`` numbers into ``terms`` (any order,
        repeats allowed; a term no row uses is not kept); ``consume``: empty ``rows`` (an
        ``array``) once it is ranked, for a caller that has no more use for it.

        Each term's text is made once, to sort by and to keep as ``texts``; the triples are
        the distinct rows of the sorted quads' last three columns (the same set as the input's),
        so each full-size array is dropped before the next is made (the quad table's making
        was the build's peak)."""
        numbers = np.asarray(rows, dtype=NUMBER).reshape(-1, 4)
        used = np.zeros(len(terms), dtype=bool)
        used[numbers.ravel()] = True  # a term no row uses is left out of the table
        texts = [str(t) if u else "" for t, u in zip(terms, used.tolist(), strict=True)]
        order = sorted(np.flatnonzero(used).tolist(), key=texts.__getitem__)
        rank = np.zeros(len(terms), dtype=NUMBER)
        rank[order] = np.arange(len(order), dtype=NUMBER)
        del used
        ranked = rank[numbers] if len(numbers) else np.empty((0, 4), dtype=NUMBER)
        del numbers, rank
        if consume and isinstance(rows, array):
            del rows[:]  # frees its buffer now that no view of it is left
        quads = _unique_rows(ranked)
        del ranked
        table = cls(terms=tuple(terms[i] for i in order), quads=quads, triples=_unique_rows(quads[:, 1:]))
        table.__dict__["texts"] = [texts[i] for i in order]  # what ``texts`` makes, already made
        return table

    def __len__(self) -> int:
        """Distinct triples."""
        return len(self.triples)

    def iter_triples(self) -> Iterator[ox.Triple]:
        terms = self.terms
        for chunk in _chunks(self.triples):
            for s, p, o in chunk.tolist():
                yield ox.Triple(terms[s], terms[p], terms[o])

    def iter_quads(self) -> Iterator[ox.Quad]:
        terms = self.terms
        for chunk in _chunks(self.quads):
            for g, s, p, o in chunk.tolist():
                yield ox.Quad(terms[s], terms[p], terms[o], terms[g])

    @cached_property
    def texts(self) -> list[str]:
        """Each term's N-Triples form (``str`` of a pyoxigraph term), made once for both line formats."""
        return [str(t) for t in self.terms]

    @cached_property
    def turtle(self) -> tuple[str, list[str], dict[int, str]]:
        """The Turtle header and each term's Turtle form (``serial.turtle_forms``), made once
        for Turtle and TriG."""
        return turtle_forms(self.terms, np.unique(self.triples[:, 1]).tolist(), PREFIXES)

    def write_lines(self, stream: IO[bytes], *, dataset: bool) -> None:
        """Write the table as N-Quads (``dataset``) or N-Triples, the bytes pyoxigraph's
        serialiser writes (``str`` of a pyoxigraph term is its N-Triples form, which that
        serialiser writes too: tested), without making a ``Triple`` or ``Quad`` per row."""
        write_lines(self.texts, self.quads if dataset else self.triples, stream, dataset=dataset)

    def write_turtle(self, stream: IO[bytes], *, dataset: bool) -> None:
        """Write the table as TriG (``dataset``) or Turtle with ``PREFIXES``: the bytes of
        ``ox.serialize`` on ``iter_quads``/``iter_triples`` (tested), made as ``write_lines`` does."""
        write_turtle(self.turtle, self.quads if dataset else self.triples, stream, dataset=dataset)


def _chunks(rows: np.ndarray) -> Iterator[np.ndarray]:
    """``rows`` in slices of ``CHUNK``: Python lists are made for one slice at a time."""
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]
