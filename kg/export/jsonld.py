"""Write a ``model.Graph`` as JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/), flattened.

The document is ``{"@context": …, "@graph": [node, …]}``: one node object per
subject, sorted by ``@id``, its properties and values sorted, every literal an
explicit ``{"@value", "@language" | "@type"}`` object. That is the form every
bulk loader (Oxigraph, Jena's riot, GraphDB, rdflib) reads without fetching
anything: the context is written inline, and is the same as the context file
shipped in ``ontology/context.jsonld`` for the default base, which a user can
reference from JSON-LD of their own. The triples are exactly those of the
Turtle/N-Triples output (``rdf.to_rdflib``).

Not supported: named graphs (use N-Quads or TriG for those).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import IO, Any

from rdflib import BNode, Literal, URIRef

from kg import model
from kg.export.rdf import to_rdflib
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


def _value(term: URIRef | Literal, compact: _Compactor) -> dict[str, str]:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is not None and term.datatype != XSD.string:
            return {"@value": str(term), "@type": compact(str(term.datatype))}
        return {"@value": str(term)}
    if isinstance(term, BNode):  # the exporter makes none; refuse rather than invent ids
        raise ValueError("blank nodes are not written as JSON-LD")
    return {"@id": compact(str(term))}


def to_jsonld(graph: model.Graph, base: str) -> dict[str, Any]:
    """The flattened JSON-LD document of ``graph``."""
    ctx = context(base)
    compact = _Compactor(ctx)
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in to_rdflib(graph, base):
        node = nodes[compact(str(s))]
        if p == RDF.type:
            node["@type"].append(compact(str(o)))
        else:
            node[compact(str(p))].append(_value(o, compact))
    out = []
    for iri in sorted(nodes):
        props = nodes[iri]
        node: dict[str, Any] = {"@id": iri}
        if "@type" in props:
            node["@type"] = sorted(props.pop("@type"))
        for key in sorted(props):
            node[key] = sorted(props[key], key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        out.append(node)
    return {"@context": ctx, "@graph": out}


def write_jsonld(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 JSON-LD, context inline, in a canonical order."""
    text = json.dumps(to_jsonld(graph, base), ensure_ascii=False, indent=1)
    stream.write(text.encode("utf-8") + b"\n")
