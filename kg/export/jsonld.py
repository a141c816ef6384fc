"""Write a ``model.Graph`` as JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/), flattened.

The document is ``{"@context": …, "@graph": [node, …]}``: one node object per
subject, sorted by ``@id``, its properties and values sorted, every literal an
explicit ``{"@value", "@language" | "@type"}`` object. That is the form every
bulk loader (Oxigraph, Jena's riot, GraphDB, rdflib) reads without fetching
anything: the context is written inline, and is the same as the context file
shipped in ``ontology/context.jsonld`` for the default base, which a user can
reference from JSON-LD of their own. The triples are exactly those of the
Turtle/N-Triples output: the same sorted table (``rdf.rdf_quads``), so each
subject's triples arrive together and in order.

Not supported: named graphs (use N-Quads or TriG for those).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import numpy as np
import pyoxigraph as ox

from kg import model
from kg.export.rdf import rdf_quads
from kg.namespaces import PREFIXES, RDF, XSD

__all__ = ["context", "write_jsonld"]


def context(base: str) -> dict[str, str]:
    """The JSON-LD context: the graph's prefixes, instance IRIs under ``kgid``."""
    return {"@version": 1.1, **dict(sorted({**PREFIXES, "kgid": base}.items()))}


class _Compactor:
    """IRIs to ``prefix:local`` where a prefix of the context covers them (longest first)."""

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.prefixes = sorted(
            ((ns, p) for p, ns in ctx.items() if not p.startswith("@")), key=lambda np: -len(np[0])
        )

    def __call__(self, iri: str) -> str:
        for ns, prefix in self.prefixes:
            if iri.startswith(ns):
                local = iri[len(ns) :]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri


def _value(term: ox.NamedNode | ox.Literal, compact: _Compactor) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value != str(XSD.string):
            return {"@value": term.value, "@type": compact(term.datatype.value)}
        return {"@value": term.value}
    return {"@id": compact(term.value)}


#: a JSON string as ``json.dumps(..., ensure_ascii=False)`` writes it (json's C encoder)
_string = json.encoder.encode_basestring
#: compact IRIs kept by the writer before it starts afresh (bounds its memory on a large graph)
_NAMES_KEPT = 100_000


def _sort_key(value: dict[str, str]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _subjects(
    graph: model.Graph, base: str, ctx: dict[str, Any]
) -> tuple[_Compactor, list, int, Iterator[tuple[str, list[list[int]]]]]:
    """The compactor, the sorted table's terms, rdf:type's term number (-1 if absent), and each
    subject's compact IRI with its ``(s, p, o)`` rows, in the order of those IRIs: what both the
    node objects and their streamed texts are made from."""
    compact = _Compactor(ctx)
    quads = rdf_quads(graph, base)
    terms, rows = quads.terms, quads.triples
    a = ox.NamedNode(str(RDF.type))
    rdf_type = next((i for i, t in enumerate(terms) if t == a), -1)
    subjects = np.unique(rows[:, 0])
    starts = np.searchsorted(rows[:, 0], subjects, "left").tolist()
    ends = np.searchsorted(rows[:, 0], subjects, "right").tolist()
    ids = [compact(terms[s].value) for s in subjects.tolist()]
    order = sorted(range(len(ids)), key=ids.__getitem__)
    return compact, terms, rdf_type, ((ids[at], rows[starts[at] : ends[at]].tolist()) for at in order)


def _nodes(graph: model.Graph, base: str, ctx: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The node objects of ``graph``, one at a time, sorted by ``@id``.

    Made one by one from the sorted table's rows, so a writer holds one node at a time, not
    the document (which took about 0.5 KiB a triple, issue 13)."""
    compact, terms, rdf_type, subjects = _subjects(graph, base, ctx)
    names: dict[int, str] = {}  # compact IRIs of predicates, classes and objects, asked for again and again

    def name(number: int) -> str:
        found = names.get(number)
        if found is None:
            if len(names) >= _NAMES_KEPT:
                names.clear()
            found = names[number] = compact(terms[number].value)
        return found

    for subject, rows in subjects:
        types: list[str] = []
        props: dict[str, list[dict[str, str]]] = {}
        for _, p, o in rows:
            if p == rdf_type:
                types.append(name(o))
            else:
                term = terms[o]
                value = {"@id": name(o)} if isinstance(term, ox.NamedNode) else _value(term, compact)
                props.setdefault(name(p), []).append(value)
        node: dict[str, Any] = {"@id": subject}
        if types:
            node["@type"] = sorted(types)
        for key in sorted(props):
            node[key] = sorted(props[key], key=_sort_key)
        yield node


def to_jsonld(graph: model.Graph, base: str) -> dict[str, Any]:
    """The flattened JSON-LD document of ``graph`` (what ``write_jsonld`` writes, as one object)."""
    ctx = context(base)
    return {"@context": ctx, "@graph": list(_nodes(graph, base, ctx))}


def _indented(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=1)`` writes it ``depth`` levels down in a document."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


def _node_text(node: dict[str, Any], depth: int) -> str:
    """``_indented(node, depth)`` for a node object (strings, and lists of strings or of flat
    objects of strings), without json's pure-Python indenting encoder, which took most of the
    writer's time; ``test_writers_jsonld_streamed_is_the_document_dumped_whole`` holds them equal."""
    pad1 = "\n" + " " * (depth + 1)
    pad2, pad3 = pad1 + " ", pad1 + "  "
    parts = []
    for key, value in node.items():
        if isinstance(value, str):
            parts.append(f"{pad1}{_string(key)}: {_string(value)}")
            continue
        items = [
            _string(item) if isinstance(item, str)
            else "{" + ",".join(f"{pad3}{_string(k)}: {_string(v)}" for k, v in item.items()) + pad2 + "}"
            for item in value
        ]
        parts.append(f"{pad1}{_string(key)}: [" + ",".join(pad2 + item for item in items) + pad1 + "]")
    return "{" + ",".join(parts) + "\n" + " " * depth + "}"


class _Objects:
    """Each object term's ``(sort key, text)`` in a node written ``_DEPTH`` levels down: the
    ``_sort_key`` of its value object and ``_node_text``'s rendering of it, made once per term
    (classes, places and common literals are the objects of thousands of triples).

    The sort key is the string ``json.dumps(value, ensure_ascii=False, sort_keys=True)`` gives
    for a flat object of strings, built directly; the cache starts afresh past ``_NAMES_KEPT``."""

    def __init__(self, terms: list, compact: _Compactor, depth: int) -> None:
        self.terms, self.compact = terms, compact
        self.pad2 = "\n" + " " * (depth + 2)
        self.pad3 = self.pad2 + " "
        self.kept: dict[int, tuple[str, str]] = {}
        self.datatypes: dict[str, str] = {}

    def __call__(self, number: int) -> tuple[str, str]:
        found = self.kept.get(number)
        if found is None:
            if len(self.kept) >= _NAMES_KEPT:
                self.kept.clear()
            found = self.kept[number] = self._make(self.terms[number])
        return found

    def _make(self, term: ox.NamedNode | ox.Literal) -> tuple[str, str]:
        if not isinstance(term, ox.Literal):
            pairs = [("@id", self.compact(term.value))]
        elif term.language:
            pairs = [("@value", term.value), ("@language", term.language)]
        elif (datatype := term.datatype.value) != _XSD_STRING:
            short = self.datatypes.get(datatype)
            if short is None:
                short = self.datatypes[datatype] = self.compact(datatype)
            pairs = [("@value", term.value), ("@type", short)]
        else:
            pairs = [("@value", term.value)]
        encoded = [(_string(k), _string(v)) for k, v in pairs]
        key = "{" + ", ".join(f"{k}: {v}" for k, v in sorted(encoded)) + "}"
        text = "{" + ",".join(f"{self.pad3}{k}: {v}" for k, v in encoded) + self.pad2 + "}"
        return key, text


_XSD_STRING = str(XSD.string)
#: how deep the writer's node objects sit in the document (``{"@graph": [node …]}``)
_DEPTH = 2


def _node_texts(graph: model.Graph, base: str, ctx: dict[str, Any]) -> Iterator[str]:
    """``_node_text(node, _DEPTH)`` of each node ``_nodes`` yields, in its order, made straight
    from the sorted table with each object's text made once (``_Objects``), not through a
    dictionary per node and a ``json.dumps`` per value (which took most of the writer's time)."""
    compact, terms, rdf_type, subjects = _subjects(graph, base, ctx)
    objects = _Objects(terms, compact, _DEPTH)
    names: dict[int, tuple[str, str]] = {}  # predicates' and classes' compact IRIs, and as JSON strings
    pad1 = "\n" + " " * (_DEPTH + 1)
    pad2 = pad1 + " "
    close = "\n" + " " * _DEPTH + "}"

    def name(number: int) -> tuple[str, str]:
        found = names.get(number)
        if found is None:
            if len(names) >= _NAMES_KEPT:
                names.clear()
            short = compact(terms[number].value)
            found = names[number] = (short, _string(short))
        return found

    for subject, rows in subjects:
        types: list[tuple[str, str]] = []
        props: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for _, p, o in rows:
            if p == rdf_type:
                types.append(name(o))
            else:
                props.setdefault(name(p), []).append(objects(o))
        parts = [f'{pad1}"@id": {_string(subject)}']
        if types:  # sorted by the names (their JSON strings may sort otherwise: '"a"' > '"a!"')
            types.sort()
            parts.append(f'{pad1}"@type": [' + ",".join(pad2 + t for _, t in types) + pad1 + "]")
        for key in sorted(props):
            values = props[key]
            if len(values) > 1:
                values.sort(key=_first)
            parts.append(f"{pad1}{key[1]}: [" + ",".join(pad2 + text for _, text in values) + pad1 + "]")
        yield "{" + ",".join(parts) + close


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


def write_jsonld(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 JSON-LD, context inline, in a canonical order: the bytes of
    ``json.dumps(to_jsonld(graph, base), ensure_ascii=False, indent=1)``, written node by node."""
    ctx = context(base)
    stream.write(f'{{\n "@context": {_indented(ctx, 1)},\n "@graph": ['.encode())
    first = True
    chunk: list[str] = []
    for text in _node_texts(graph, base, ctx):
        chunk.append(("\n  " if first else ",\n  ") + text)
        first = False
        if len(chunk) >= 1024:
            stream.write("".join(chunk).encode("utf-8"))
            chunk = []
    stream.write("".join(chunk).encode("utf-8"))
    stream.write(b"]\n}\n" if first else b"\n ]\n}\n")
