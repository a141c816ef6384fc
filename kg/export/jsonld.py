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
            local = iri[len(ns) :]
            if iri.startswith(ns) and local and not local.startswith("//"):
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


def _nodes(graph: model.Graph, base: str, ctx: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The node objects of ``graph``, one at a time, sorted by ``@id``.

    Made one by one from the sorted table's rows, so a writer holds one node at a time, not
    the document (which took about 0.5 KiB a triple, issue 13)."""
    compact = _Compactor(ctx)
    quads = rdf_quads(graph, base)
    terms, rows = quads.terms, quads.triples
    a = ox.NamedNode(str(RDF.type))
    rdf_type = next((i for i, t in enumerate(terms) if t == a), -1)
    subjects = np.unique(rows[:, 0])
    starts = np.searchsorted(rows[:, 0], subjects, "left")
    ends = np.searchsorted(rows[:, 0], subjects, "right")
    ids = [compact(terms[s].value) for s in subjects.tolist()]
    names: dict[int, str] = {}  # compact IRIs of predicates, classes and objects, asked for again and again

    def name(number: int) -> str:
        found = names.get(number)
        if found is None:
            if len(names) >= _NAMES_KEPT:
                names.clear()
            found = names[number] = compact(terms[number].value)
        return found

    for at in sorted(range(len(ids)), key=ids.__getitem__):
        types: list[str] = []
        props: dict[str, list[dict[str, str]]] = {}
        for _, p, o in rows[starts[at] : ends[at]].tolist():
            if p == rdf_type:
                types.append(name(o))
            else:
                term = terms[o]
                value = {"@id": name(o)} if isinstance(term, ox.NamedNode) else _value(term, compact)
                props.setdefault(name(p), []).append(value)
        node: dict[str, Any] = {"@id": ids[at]}
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


def write_jsonld(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 JSON-LD, context inline, in a canonical order: the bytes of
    ``json.dumps(to_jsonld(graph, base), ensure_ascii=False, indent=1)``, written node by node."""
    ctx = context(base)
    stream.write(f'{{\n "@context": {_indented(ctx, 1)},\n "@graph": ['.encode())
    first = True
    for node in _nodes(graph, base, ctx):
        stream.write(("\n  " if first else ",\n  ").encode() + _node_text(node, 2).encode("utf-8"))
        first = False
    stream.write(b"]\n}\n" if first else b"\n ]\n}\n")
