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
from itertools import groupby
from typing import IO, Any

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


def _sort_key(value: dict[str, str]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_jsonld(graph: model.Graph, base: str) -> dict[str, Any]:
    """The flattened JSON-LD document of ``graph``."""
    ctx = context(base)
    compact = _Compactor(ctx)
    quads = rdf_quads(graph, base)
    # each distinct term once: its compact IRI (subjects, predicates, types) and its value object
    names = [compact(t.value) if isinstance(t, ox.NamedNode) else "" for t in quads.terms]
    values = [_value(t, compact) for t in quads.terms]
    order = [_sort_key(v) for v in values]
    a = ox.NamedNode(str(RDF.type))
    rdf_type = next((i for i, t in enumerate(quads.terms) if t == a), -1)
    nodes: list[dict[str, Any]] = []
    for subject, rows in groupby(quads.triples.tolist(), key=lambda row: row[0]):
        types: list[str] = []
        props: dict[str, list[int]] = {}
        for _, p, o in rows:
            if p == rdf_type:
                types.append(names[o])
            else:
                props.setdefault(names[p], []).append(o)
        node: dict[str, Any] = {"@id": names[subject]}
        if types:
            node["@type"] = sorted(types)
        for key in sorted(props):
            node[key] = [values[o] for o in sorted(props[key], key=order.__getitem__)]
        nodes.append(node)
    return {"@context": ctx, "@graph": sorted(nodes, key=lambda node: node["@id"])}


def write_jsonld(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 JSON-LD, context inline, in a canonical order."""
    text = json.dumps(to_jsonld(graph, base), ensure_ascii=False, indent=1)
    stream.write(text.encode("utf-8") + b"\n")
