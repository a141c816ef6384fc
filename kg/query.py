"""SPARQL over a built graph in an embedded store: no server to install, start or stop.

The build's triples (``graph.nt``, else ``graph.ttl``) are loaded into an in-memory
Oxigraph store (``pyoxigraph``, already a dependency) and the query runs there.
Results are written in the W3C formats other tools read, produced by Oxigraph's own
serialisers rather than by hand: SPARQL 1.1 Query Results CSV/TSV and JSON for
``SELECT`` and ``ASK``, N-Triples or Turtle for ``CONSTRUCT`` and ``DESCRIBE``.
``table`` is for reading in a terminal: aligned columns, with Chinese characters
counted as two columns wide, so the columns stay aligned in a monospaced font.

A missing or unreadable graph or query file and a query the parser rejects become
one ``InputError`` naming the file (or ``QUERY`` for a query given inline).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import E_MISSING, E_NOT_UTF8, E_UNREADABLE, InputError
from kg.graphfiles import find_graph_file, parse_error
from kg.namespaces import PREFIXES

__all__ = [
    "FORMATS",
    "INLINE",
    "STDIN",
    "QueryOutput",
    "decode_query",
    "display_width",
    "format_table",
    "is_update",
    "load_store",
    "read_query",
    "run_query",
]

#: How an inline query (the QUERY argument) is named in messages.
INLINE = "QUERY"
#: How a query read from standard input (``kg query -``, ``--file -``) is named in messages.
STDIN = "<stdin>"

#: Output formats, and which kinds of query each applies to.
SOLUTION_FORMATS = {
    "table": None,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}
GRAPH_FORMATS = {"table": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
FORMATS = ("table", "csv", "tsv", "json", "ttl", "nt")


#: A table cell is cut to this many terminal columns (an article's whole text is one literal);
#: the csv, tsv and json formats always carry full values.
MAX_CELL = 60

#: What a SPARQL Update (INSERT, DELETE, LOAD, CLEAR ...) is told: the parser's own complaint
#: ("expected CONSTRUCT") would send the user looking for a typo.
E_UPDATE = "updates are not supported: kg query reads the build"

#: The prologue of a query or update: whitespace, comments, PREFIX and BASE declarations.
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?i:PREFIX)\s*[^\s:]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")
#: The first word of each SPARQL 1.1 Update operation (``WITH`` opens a DELETE/INSERT).
_UPDATE = re.compile(r"(?i:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b")

#: Local names kept as ``prefix:name`` in tables: ones that can be pasted back into a query as they are.
_SIMPLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class QueryOutput:
    """Serialized results, and what they are, for the one-line report."""

    data: bytes
    kind: str  # "select", "ask" or "graph"
    count: int | None  # rows or triples; None when a serialiser consumed them uncounted


def read_query(path: Path) -> str:
    """The text of a query file, or an ``InputError`` naming it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(path, E_MISSING) from exc
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc
    return decode_query(data, path)


def decode_query(data: bytes, source: Path | str) -> str:
    """A query's bytes (a file's, or stdin's) as text, or an ``InputError`` naming ``source``:
    UTF-8, with the byte-order mark some editors write dropped."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, E_NOT_UTF8.format(pos=exc.start, byte=hex(data[exc.start]))) from exc


def load_store(out_dir: Path) -> tuple[ox.Store, Path]:
    """An in-memory store holding the build's triples in its default graph, and the file read."""
    path, graph_file = find_graph_file(out_dir)
    store = ox.Store()
    try:
        store.load(path=str(path), format=graph_file.rdf_format)
    except SyntaxError as exc:
        raise parse_error(path, graph_file, exc) from exc
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc
    return store, path


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update request rather than a query (judged by its first word)."""
    prologue = _PROLOGUE.match(text)
    return bool(_UPDATE.match(text, prologue.end() if prologue else 0))


def run_query(store: ox.Store, query: str, source: str, fmt: str = "table") -> QueryOutput:
    """Run ``query`` and serialise its results as ``fmt``.

    ``source`` names the query in messages (its file, or ``INLINE``). The format must
    suit the query: rows and booleans as table/csv/tsv/json, graphs as table/ttl/nt.
    """
    try:
        results = store.query(query)
    except SyntaxError as exc:
        if is_update(query):
            raise InputError(source, E_UPDATE) from exc
        raise InputError(source, f"not a valid SPARQL query ({' '.join(str(exc).split())})") from exc
    except (OSError, ValueError, RuntimeError) as exc:  # e.g. a SERVICE that cannot be reached
        raise InputError(source, f"query failed ({' '.join(str(exc).split())})") from exc
    try:
        if isinstance(results, ox.QueryTriples):
            return _graph_output(results, source, fmt)
        kind = "ask" if isinstance(results, ox.QueryBoolean) else "select"
        if fmt not in SOLUTION_FORMATS:
            raise InputError(source, f"--format {fmt} is for CONSTRUCT and DESCRIBE; use table, csv, tsv or json")
        if fmt != "table":
            return QueryOutput(results.serialize(format=SOLUTION_FORMATS[fmt]), kind, None)
        if kind == "ask":
            return QueryOutput(b"true\n" if bool(results) else b"false\n", kind, None)
        header = [v.value for v in results.variables]
        rows = [[_cell(solution[i]) for i in range(len(header))] for solution in results]
        return QueryOutput(format_table(header, rows).encode("utf-8"), kind, len(rows))
    except (OSError, RuntimeError) as exc:  # evaluation is lazy: errors can surface while iterating
        raise InputError(source, f"query failed ({' '.join(str(exc).split())})") from exc


def _graph_output(results: ox.QueryTriples, source: str, fmt: str) -> QueryOutput:
    if fmt not in GRAPH_FORMATS:
        raise InputError(source, f"--format {fmt} is for SELECT and ASK; use table, ttl or nt for a graph")
    triples = list(results)
    rdf_format = GRAPH_FORMATS[fmt]
    prefixes = _used_prefixes(triples) if rdf_format == ox.RdfFormat.TURTLE else None
    data = ox.serialize(triples, format=rdf_format, prefixes=prefixes) or b""
    return QueryOutput(data, "graph", len(triples))


def _used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    """The prefixes some IRI in ``triples`` starts with: a short result keeps a short header."""
    iris = {t.value for triple in triples for t in triple if isinstance(t, ox.NamedNode)}
    return {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width (CJK) characters take two,
    combining marks none; ``len`` would count 张三丰 as 3 and misalign every column after it."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in … when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = display_width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Aligned columns under a header and a rule, then the row count, for reading in a terminal."""
    rows = [[_fit(cell, MAX_CELL) for cell in row] for row in rows]
    widths = [display_width(name) for name in header]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(_pad(name, w) for name, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows)
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """How a term reads in a table: a literal's text, an IRI as ``prefix:name`` when a simple
    name is left, else ``<iri>``; a blank node ``_:id``; nothing if unbound. Line breaks in
    literals are shown as ``\\n`` so one solution stays on one line."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")
    if isinstance(term, ox.NamedNode):
        return _shorten(term.value)
    return str(term)


def _shorten(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and _SIMPLE_NAME.fullmatch(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"
