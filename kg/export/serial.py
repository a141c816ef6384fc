"""The sorted quad table (``kg.export.quads``) as N-Triples, N-Quads, Turtle and TriG text,
with no Python object made per triple.

pyoxigraph's serialiser wants one ``ox.Triple`` or ``ox.Quad`` per row, and making
those from the table took most of each RDF writer's time (about 3.5 s per format at
1,000 articles, issue 13). Here each distinct term's text is made once, and a file is
the term texts and a few separators joined in table order:

* every row becomes a fixed number of pieces (indices into one list: the term texts,
  then the separators), computed for a whole chunk of rows at once with numpy;
* ``"".join(map(table.__getitem__, pieces))`` makes the chunk's text in C.

The bytes are pyoxigraph's, by construction: N-Triples/N-Quads term texts are
``str`` of a pyoxigraph term (its N-Triples form), and the Turtle/TriG forms of the
terms (prefixed names, short literals such as ``12`` or ``true``, ``a`` for
``rdf:type`` as a predicate) and the prefix header are cut out of what
``ox.serialize`` writes for the terms themselves (``turtle_forms``). Where the
statements break (`` .``, `` ;``, `` ,``, a graph's braces) follows pyoxigraph's layout,
and ``tests/export`` compares whole files with ``ox.serialize``'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO

import numpy as np
import pyoxigraph as ox

__all__ = ["turtle_forms", "write_lines", "write_turtle"]

#: rows joined into one string at a time: a few MiB of text, whatever the graph's size
CHUNK = 65_536
#: the subject and predicate of the statements ``turtle_forms`` cuts the terms' forms out of
_FORM_SUBJECT = "urn:kg:serial:subject:"
_FORM_PREDICATE = ox.NamedNode("urn:kg:serial:predicate")
_FORM_OBJECT = ox.NamedNode("urn:kg:serial:object")


def _joined(table: list[bytes], pieces: np.ndarray, stream: IO[bytes]) -> None:
    """Write ``table[i]`` for each ``i`` of ``pieces`` (row by row).

    The line formats' table holds each term's text already in UTF-8 (``encoded``): joining
    bytes took 0.8 s of CPU for the N-Triples of 1,000 articles, and 1.2 s for N-Quads, where
    joining ``str`` and encoding each chunk took 1.3 s and 1.6 s (the same bytes). Turtle's
    pieces are mostly short prefixed names and empty strings, and there bytes were slower
    (1.5 s against 1.0 s for Turtle): ``write_turtle`` joins ``str``."""
    stream.write(b"".join(map(table.__getitem__, pieces.ravel().tolist())))


def encoded(texts: Sequence[str | bytes]) -> list[bytes]:
    """``texts`` in UTF-8 (those that are bytes already as they are)."""
    return [t if isinstance(t, bytes) else t.encode("utf-8") for t in texts]


def write_lines(texts: Sequence[str | bytes], rows: np.ndarray, stream: IO[bytes], *, dataset: bool) -> None:
    """N-Quads (``rows`` of ``(graph, subject, predicate, object)``, ``dataset``) or N-Triples
    (``rows`` of ``(subject, predicate, object)``) lines, ``texts[i]`` the N-Triples form of term ``i``
    (``str``, or its UTF-8 bytes: a caller writing both formats encodes them once)."""
    table = [*encoded(texts), b" ", b" .\n"]
    space, end = len(texts), len(texts) + 1
    order = (1, 2, 3, 0) if dataset else (0, 1, 2)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        pieces = np.full((len(chunk), 2 * len(order)), space, dtype=np.int64)
        for at, column in enumerate(order):
            pieces[:, 2 * at] = chunk[:, column]
        pieces[:, -1] = end
        _joined(table, pieces, stream)


#: terms whose Turtle forms one ``ox.serialize`` call makes: the call's text and lines take about
#: three times the forms' own size, so a whole graph's at once was a writer's largest peak
FORMS_CHUNK = 65_536


def turtle_forms(
    terms: Sequence[ox.NamedNode | ox.Literal], predicates: Sequence[int], prefixes: Mapping[str, str]
) -> tuple[str, list[str], dict[int, str]]:
    """pyoxigraph's Turtle header for ``prefixes``, the Turtle form of each of ``terms`` as a
    subject or object, and that of each term numbered in ``predicates`` as a predicate.

    Each ``ox.serialize`` call (``FORMS_CHUNK`` terms at a time) writes a statement per term,
    each with a subject of its own so none are grouped; a statement is one line (a literal's
    line breaks are escaped), so line ``i`` after the header is ``<subject i> <predicate> FORM .``."""
    header, forms = _forms_chunk([], prefixes)  # the header alone
    for start in range(0, len(terms), FORMS_CHUNK):
        chunk_header, chunk = _forms_chunk(terms[start : start + FORMS_CHUNK], prefixes)
        if chunk_header != header:
            raise ValueError("pyoxigraph wrote another Turtle header for another set of terms")
        forms += chunk
    predicate_forms = {}
    statements = [
        ox.Triple(ox.NamedNode(f"{_FORM_SUBJECT}p{i}"), terms[p], _FORM_OBJECT) for i, p in enumerate(predicates)
    ]
    for i, (p, line) in enumerate(zip(predicates, _body(statements, prefixes)[1], strict=False)):
        lead, tail = f"<{_FORM_SUBJECT}p{i}> ", f" <{_FORM_OBJECT.value}> ."
        if not (line.startswith(lead) and line.endswith(tail)):
            raise ValueError(f"unexpected Turtle for a predicate: {line!r}")
        predicate_forms[p] = line[len(lead) : -len(tail)]
    return header, forms, predicate_forms


def _body(statements: list[ox.Triple], prefixes: Mapping[str, str]) -> tuple[str, list[str]]:
    """The header and the statements' lines of ``ox.serialize`` on ``statements`` (plus one
    statement of its own, so that there is a header even with none)."""
    statements.append(ox.Triple(_FORM_OBJECT, _FORM_PREDICATE, _FORM_OBJECT))
    lines = ox.serialize(statements, None, ox.RdfFormat.TURTLE, prefixes=dict(prefixes)).decode("utf-8").split("\n")
    header_end = next(i for i, line in enumerate(lines) if not line.startswith("@prefix "))
    return "".join(line + "\n" for line in lines[:header_end]), lines[header_end:]


def _forms_chunk(terms: Sequence[ox.NamedNode | ox.Literal], prefixes: Mapping[str, str]) -> tuple[str, list[str]]:
    """The header and each of ``terms``' Turtle form as a subject or object."""
    statements = [ox.Triple(ox.NamedNode(f"{_FORM_SUBJECT}{i}"), _FORM_PREDICATE, t) for i, t in enumerate(terms)]
    header, body = _body(statements, prefixes)
    del statements
    forms = []
    for i in range(len(terms)):
        line, lead = body[i], f"<{_FORM_SUBJECT}{i}> <{_FORM_PREDICATE.value}> "
        if not (line.startswith(lead) and line.endswith(" .")):
            raise ValueError(f"unexpected Turtle for a term: {line!r}")
        forms.append(line[len(lead) : -2])
    return header, forms


#: the pieces between terms, in the order of ``_SEPARATORS``' use below
_NOTHING, _SPACE, _NEXT_OBJECT, _NEXT_PREDICATE, _NEXT_SUBJECT, _NEXT_GRAPH, _OPEN_GRAPH = range(7)


def write_turtle(
    forms: tuple[str, list[str], dict[int, str]], rows: np.ndarray, stream: IO[bytes], *, dataset: bool
) -> None:
    """TriG (``rows`` of ``(graph, subject, predicate, object)``, ``dataset``) or Turtle
    (``rows`` of ``(subject, predicate, object)``), sorted, in pyoxigraph's layout:
    a subject's predicates after `` ;``, a predicate's objects after `` ,``, a graph's
    statements indented inside ``<graph> { … }``. Nothing at all for no rows, as pyoxigraph.

    ``forms``: ``turtle_forms`` of the terms, every predicate of ``rows`` among its predicates."""
    if not len(rows):
        return
    columns = rows[:, 1:] if dataset else rows
    predicates = np.unique(columns[:, 1]).tolist()
    header, forms, predicate_forms = forms
    n = len(forms)
    if dataset:
        separators = ["", " ", " , ", " ;\n\t\t", " .\n\t", " .\n}\n", " {\n\t"]
    else:
        separators = ["", " ", " , ", " ;\n\t", " .\n", "", ""]
    pform = np.zeros(n, dtype=np.int64)  # term number -> its predicate form's place in the table
    pform[predicates] = np.arange(len(predicates)) + n
    table = [*forms, *(predicate_forms[p] for p in predicates), *separators]
    sep = n + len(predicates)
    previous = np.vstack([np.full((1, rows.shape[1]), -1, dtype=rows.dtype), rows[:-1]])
    new_graph = (rows[:, 0] != previous[:, 0]) if dataset else np.zeros(len(rows), dtype=bool)
    new_subject = new_graph | (columns[:, 0] != previous[:, -3])
    new_predicate = new_subject | (columns[:, 1] != previous[:, -2])
    # the piece before each row: what ends the previous statement (or nothing, first)
    before = np.full(len(rows), _NEXT_OBJECT)
    before[new_predicate] = _NEXT_PREDICATE
    before[new_subject] = _NEXT_SUBJECT
    before[new_graph] = _NEXT_GRAPH
    before[0] = _NOTHING
    stream.write(header.encode("utf-8"))
    nothing, space = sep + _NOTHING, sep + _SPACE
    for start in range(0, len(rows), CHUNK):
        stop = min(start + CHUNK, len(rows))
        cols, ng = columns[start:stop], new_graph[start:stop]
        ns, npred = new_subject[start:stop], new_predicate[start:stop]
        pieces = np.full((stop - start, 8), nothing, dtype=np.int64)
        pieces[:, 0] = before[start:stop] + sep
        if dataset:
            pieces[ng, 1] = rows[start:stop][ng, 0]
            pieces[ng, 2] = sep + _OPEN_GRAPH
        pieces[ns, 3] = cols[ns, 0]
        pieces[ns, 4] = space
        pieces[npred, 5] = pform[cols[npred, 1]]
        pieces[npred, 6] = space
        pieces[:, 7] = cols[:, 2]
        stream.write("".join(map(table.__getitem__, pieces.ravel().tolist())).encode("utf-8"))
    stream.write(b" .\n}\n" if dataset else b" .\n")
