"""The compiled SHACL checks (kg.validate) report what pySHACL reports, rule for rule."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS, XSD

from kg.export.rdf import rdf_quads
from kg.export.rdflib_view import rdflib_triples, to_rdflib
from kg.namespaces import DEFAULT_BASE, ITSRDF, KG, SDO, iri_for_entity
from kg.validate import _compiled, _validate_with_pyshacl, table_of, validate, validate_quads

ORG_IRI = iri_for_entity(DEFAULT_BASE, "ORG", "福建省医疗保障局")
PER_IRI = iri_for_entity(DEFAULT_BASE, "PER", "刘家城")
FUZHOU = iri_for_entity(DEFAULT_BASE, "LOC", "福州")


def break_graph(rdf, how: str) -> None:
    """One kind of damage per SHACL constraint the shapes use."""
    if how == "two canonical names":  # sh:maxCount
        rdf.add((ORG_IRI, SKOS.prefLabel, Literal("省医保局", lang="zh")))
    elif how == "no canonical name":  # sh:minCount
        rdf.remove((PER_IRI, SKOS.prefLabel, None))
    elif how == "untagged variant":  # sh:datatype rdf:langString
        rdf.add((ORG_IRI, SKOS.altLabel, Literal("医保局")))
    elif how == "negative count":  # sh:minInclusive
        rdf.set((ORG_IRI, KG.mentionCount, Literal(-1)))
    elif how == "count as text":  # sh:datatype xsd:integer
        rdf.set((ORG_IRI, KG.mentionCount, Literal("one")))
    elif how == "short code":  # sh:pattern
        rdf.set((FUZHOU, KG.adminCode, Literal("3501")))
    elif how == "place in a body":  # sh:class
        rdf.set((FUZHOU, SDO.containedInPlace, ORG_IRI))
    elif how == "member not a person":  # sh:class on org:member
        membership = next(rdf.subjects(RDF.type, ORG.Membership))
        rdf.set((membership, ORG.member, ORG_IRI))
    elif how == "source a blank node":  # sh:nodeKind sh:IRIOrLiteral
        doc = next(rdf.subjects(DCTERMS.identifier, None))
        rdf.set((doc, DCTERMS.source, BNode("b0")))
    elif how == "entity as a string":  # sh:nodeKind sh:IRI
        span = next(rdf.subjects(ITSRDF.taIdentRef, None))
        rdf.add((span, ITSRDF.taIdentRef, Literal("刘家城")))
    elif how == "offset as text":  # sh:datatype xsd:nonNegativeInteger, on sh:targetSubjectsOf
        span = next(rdf.subjects(ITSRDF.taIdentRef, None))
        rdf.set((span, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"),
                 Literal("0", datatype=XSD.string)))


def test_validate_compiled_covers_the_shipped_shapes():
    assert _compiled()  # no feature of shapes.ttl sends validation back to pySHACL


def test_validate_compiled_finds_nothing_in_a_good_graph(graph):
    assert validate(to_rdflib(graph, DEFAULT_BASE)) == [] == _validate_with_pyshacl(to_rdflib(graph, DEFAULT_BASE))


@pytest.mark.parametrize(
    "how",
    [
        "two canonical names", "no canonical name", "untagged variant", "negative count", "count as text",
        "short code", "place in a body", "member not a person", "source a blank node", "entity as a string",
        "offset as text",
    ],
)
def test_validate_compiled_agrees_with_pyshacl(graph, how):
    rdf = to_rdflib(graph, DEFAULT_BASE)
    break_graph(rdf, how)
    found = validate(rdf)
    assert found, how
    assert found == _validate_with_pyshacl(rdf)


def test_validate_compiled_reads_the_triples_without_an_rdflib_store(graph):
    assert validate(rdflib_triples(graph, DEFAULT_BASE)) == []
    damaged = [*rdflib_triples(graph, DEFAULT_BASE), (ORG_IRI, SKOS.prefLabel, Literal("x", lang="zh"))]
    (violation,) = validate(damaged)
    assert violation.node == str(ORG_IRI) and "exactly one canonical name" in violation.message


def test_validate_compiled_reads_the_table_the_writers_share(graph):
    quads = rdf_quads(graph, DEFAULT_BASE)
    assert validate_quads(quads) == []
    rdf = to_rdflib(graph, DEFAULT_BASE)
    break_graph(rdf, "member not a person")
    damaged = table_of(rdf)
    assert len(damaged) == len(rdf)
    assert validate_quads(damaged) == validate(rdf) == _validate_with_pyshacl(rdf)
