"""The RDF of a ``model.Graph`` as rdflib objects, for tests and callers that want them.

The build never makes these (``kg.export.rdf`` writes every format from its sorted quad
table, and validation reads that table): they are views of the same table, term for term,
kept apart from the writers so that module stays about what is written.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Literal, URIRef
from rdflib import Graph as RDFGraph

from kg import model
from kg.export.rdf import rdf_quads
from kg.namespaces import PREFIXES, rdflib_term

__all__ = ["rdflib_triples", "to_dataset", "to_rdflib"]


def _bound(out: RDFGraph | Dataset, base: str) -> RDFGraph | Dataset:
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True, replace=True)
    out.bind("kgid", base, override=True, replace=True)
    return out


def rdflib_triples(graph: model.Graph, base: str) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The triples of ``rdf_quads`` as rdflib terms, in sorted order, without an rdflib store
    (``kg.validate.validate`` reads them in one pass)."""
    quads = rdf_quads(graph, base)
    terms = [rdflib_term(t) for t in quads.terms]
    for s, p, o in quads.triples.tolist():
        yield terms[s], terms[p], terms[o]


def to_rdflib(graph: model.Graph, base: str) -> RDFGraph:
    """The RDF view of ``graph``, with instance IRIs under ``base``, as an rdflib graph
    (for tests and callers that want one; the writers and validation do not need it)."""
    out = _bound(RDFGraph(bind_namespaces="core"), base)
    out.addN((s, p, o, out) for s, p, o in rdflib_triples(graph, base))
    return out


def to_dataset(graph: model.Graph, base: str) -> Dataset:
    """The same triples as ``to_rdflib``, each in the named graph of the article it was read
    from (several if several articles say it) or in the corpus graph."""
    quads = rdf_quads(graph, base)
    terms = [rdflib_term(t) for t in quads.terms]
    dataset = _bound(Dataset(), base)
    for g, s, p, o in quads.quads.tolist():
        dataset.add((terms[s], terms[p], terms[o], terms[g]))
    return dataset
