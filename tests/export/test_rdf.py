"""RDF export: parses in two independent stores, and says what the text says."""

from __future__ import annotations

import dataclasses
import io

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import model
from kg.export.rdf import rdf_quads, write_nt, write_ttl
from kg.export.rdflib_view import to_rdflib
from kg.namespaces import (
    DEFAULT_BASE,
    KG,
    NIF,
    ORG,
    RDF,
    SDO,
    SKOS,
    iri_for_entity,
    iri_for_membership,
)

PREFIXES = """
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX kg: <https://w3id.org/kg-zh/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


def turtle(graph: model.Graph, base: str = DEFAULT_BASE) -> bytes:
    stream = io.BytesIO()
    write_ttl(graph, stream, base)
    return stream.getvalue()


def oxigraph_store(graph: model.Graph, base: str = DEFAULT_BASE) -> ox.Store:
    store = ox.Store()
    store.load(turtle(graph, base), format=ox.RdfFormat.TURTLE)
    return store


def test_rdf_turtle_round_trips_through_rdflib(graph):
    expected = to_rdflib(graph, DEFAULT_BASE)
    parsed = rdflib.Graph().parse(data=turtle(graph), format="turtle")
    assert isomorphic(parsed, expected)


def test_rdf_ntriples_round_trips_through_rdflib(graph):
    stream = io.BytesIO()
    write_nt(graph, stream, DEFAULT_BASE)
    parsed = rdflib.Graph().parse(data=stream.getvalue(), format="nt")
    assert isomorphic(parsed, to_rdflib(graph, DEFAULT_BASE))


@pytest.mark.parametrize("base", [DEFAULT_BASE, "https://example.org/kg#"])
def test_rdf_turtle_loads_in_pyoxigraph(graph, base):
    store = oxigraph_store(graph, base)
    assert len(store) == len(to_rdflib(graph, base))


def test_rdf_has_no_blank_nodes(graph):
    for triple in to_rdflib(graph, DEFAULT_BASE):
        assert not any(isinstance(term, rdflib.BNode) for term in triple)


def test_rdf_anchor_of_every_span_is_its_context_substring(graph):
    # SPARQL SUBSTR is 1-based and counts code points, as our offsets do
    query = (
        PREFIXES
        + """
    SELECT ?span ?anchor ?cut WHERE {
      ?span a nif:String ; nif:referenceContext ?ctx ; nif:anchorOf ?anchor ;
            nif:beginIndex ?b ; nif:endIndex ?e .
      ?ctx nif:isString ?text .
      BIND(SUBSTR(?text, ?b + 1, ?e - ?b) AS ?cut)
    }"""
    )
    rows = list(oxigraph_store(graph).query(query))
    mentions = sum(len(e.mentions) for e in graph.entities)
    sentences = {ev for r in graph.relations if r.kind != "cooccur" for ev in r.evidence}
    assert len(rows) == mentions + len(sentences)  # every mention plus each evidence sentence
    for row in rows:
        assert row["anchor"].value == row["cut"].value, row["span"]


def test_rdf_mentions_link_to_their_entities(graph):
    query = (
        PREFIXES
        + """
    SELECT ?anchor ?label WHERE {
      ?span itsrdf:taIdentRef ?entity ; nif:anchorOf ?anchor .
      ?entity skos:prefLabel ?label .
    }"""
    )
    rows = {
        (r["anchor"].value, r["label"].value)
        for r in oxigraph_store(graph).query(query)
    }
    assert ("省医保局", "福建省医疗保障局") in rows
    assert ("刘家城", "刘家城") in rows
    assert len(rows) == sum(len(e.mentions) for e in graph.entities)


def test_rdf_membership_pattern_returns_role(graph):
    query = (
        PREFIXES
        + """
    SELECT ?p ?o ?t ?sentence WHERE {
      [] a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r ;
         kg:evidence [ nif:anchorOf ?sentence ] .
      ?r a org:Role ; skos:prefLabel ?t .
    }"""
    )
    rows = list(oxigraph_store(graph).query(query))
    assert len(rows) == 1
    row = rows[0]
    assert row["p"].value == str(iri_for_entity(DEFAULT_BASE, "PER", "刘家城"))
    assert row["o"].value == str(
        iri_for_entity(DEFAULT_BASE, "ORG", "福建省医疗保障局")
    )
    assert row["t"] == ox.Literal("副局长", language="zh")
    assert row["sentence"].value.startswith("省医保局副局长刘家城表示")


def test_rdf_entity_names_counts_and_codes(graph):
    out = to_rdflib(graph, DEFAULT_BASE)
    org = iri_for_entity(DEFAULT_BASE, "ORG", "福建省医疗保障局")
    fujian = iri_for_entity(DEFAULT_BASE, "LOC", "福建省")
    fuzhou = iri_for_entity(DEFAULT_BASE, "LOC", "福州")
    assert (org, RDF.type, KG.Organization) in out
    assert set(out.objects(org, SKOS.prefLabel)) == {
        rdflib.Literal("福建省医疗保障局", lang="zh")
    }
    assert set(out.objects(org, SKOS.altLabel)) == {
        rdflib.Literal("省医保局", lang="zh")
    }
    assert out.value(org, KG.mentionCount).toPython() == 1
    assert out.value(fujian, KG.adminCode) == rdflib.Literal("350000000000")
    assert (fuzhou, SDO.containedInPlace, fujian) in out
    # a variant equal to the canonical name is not repeated as altLabel
    assert out.value(fujian, SKOS.altLabel) is None


def test_rdf_document_is_a_nif_context(graph):
    out = to_rdflib(graph, DEFAULT_BASE)
    (doc,) = out.subjects(RDF.type, NIF.Context)
    text = graph.documents[0].text
    assert out.value(doc, NIF.isString) == rdflib.Literal(text)
    assert out.value(doc, NIF.isString).language is None
    assert str(out.value(doc, rdflib.DCTERMS.identifier)) == graph.documents[0].doc_id
    # the source is the file's relative path as a string: no absolute file: IRI
    assert out.value(doc, rdflib.DCTERMS.source) == rdflib.Literal(graph.documents[0].source)


def small_graph(kind: str, head: str, tail: str | None, role: str = "") -> model.Graph:
    names = {
        "PER": "刘家城",
        "ORG": "福建省医疗保障局",
        "LOC": "福建省",
        "PROG": "医保基金监管安全规范年行动",
    }
    entities = tuple(
        model.Entity(
            key=f"{label}:{name}", label=label, name=name, variants=(name,), mentions=()
        )
        for label, name in names.items()
    )
    rel = model.Relation(
        kind, f"{head}:{names[head]}", tail and f"{tail}:{names[tail]}", role=role
    )
    return model.Graph(documents=(), entities=entities, relations=(rel,))


@pytest.mark.parametrize(
    "kind, head, tail, subject, predicate, obj",
    [
        ("suborg", "ORG", "ORG", "ORG", ORG.subOrganizationOf, "ORG"),
        ("located", "ORG", "LOC", "ORG", SDO.location, "LOC"),
        ("located", "PROG", "LOC", "PROG", SDO.location, "LOC"),
        ("located", "LOC", "LOC", "LOC", SDO.containedInPlace, "LOC"),
        ("organizer", "PROG", "ORG", "PROG", SDO.organizer, "ORG"),
        ("organizer", "ORG", "PROG", "PROG", SDO.organizer, "ORG"),
        ("partner", "ORG", "PER", "ORG", KG.partnerOf, "PER"),
        ("cooccur", "PER", "PROG", "PER", KG.cooccursWith, "PROG"),
    ],
)
def test_rdf_relation_kind_maps_to_property(kind, head, tail, subject, predicate, obj):
    graph = small_graph(kind, head, tail)
    out = to_rdflib(graph, DEFAULT_BASE)
    iri = {
        e.label: iri_for_entity(DEFAULT_BASE, e.label, e.name) for e in graph.entities
    }
    assert (iri[subject], predicate, iri[obj]) in out
    entity_types = {KG.Person, KG.Organization, KG.Place, KG.Program}
    rest = [t for t in out if not (t[1] == RDF.type and t[2] in entity_types)]
    rest = [t for t in rest if t[1] not in (SKOS.prefLabel, KG.mentionCount)]
    assert rest == [(iri[subject], predicate, iri[obj])]


def test_rdf_role_without_organization_has_no_org_triples():
    graph = small_graph("role", "PER", None, role="记者")
    out = to_rdflib(graph, DEFAULT_BASE)
    (membership,) = out.subjects(RDF.type, ORG.Membership)
    assert membership == iri_for_membership(DEFAULT_BASE, "PER:刘家城", None, "记者")
    assert out.value(membership, ORG.organization) is None
    assert not list(out.triples((None, ORG.memberOf, None)))
    role = out.value(membership, ORG.role)
    assert out.value(role, SKOS.prefLabel) == rdflib.Literal("记者", lang="zh")


def test_rdf_mention_not_matching_text_raises(graph):
    entity = graph.entities[0]
    bad = dataclasses.replace(entity.mentions[0], text="错字")
    entities = (dataclasses.replace(entity, mentions=(bad,)), *graph.entities[1:])
    with pytest.raises(ValueError, match="does not match"):
        to_rdflib(dataclasses.replace(graph, entities=entities), DEFAULT_BASE)


def test_rdf_relation_to_unknown_entity_raises(graph):
    relations = (
        *graph.relations,
        model.Relation("suborg", "ORG:福建省医疗保障局", "ORG:不存在"),
    )
    with pytest.raises(ValueError, match="unknown entity"):
        to_rdflib(dataclasses.replace(graph, relations=relations), DEFAULT_BASE)


def test_rdf_offsets_survive_quotes_newlines_and_astral_characters():
    # "𠮷" is outside the BMP: one code point in Python and SPARQL, two in UTF-16
    text = '𠮷野家"大阪"\\店\n福建省医疗保障局'
    start = text.index("福建省医疗保障局")
    doc = model.Document("x.txt", "x.txt", text, text, tuple(range(len(text) + 1)))
    span = model.Mention("x.txt", start, len(text), "ORG", text[start:], (0, len(text)))
    entity = model.Entity(
        key="ORG:福建省医疗保障局",
        label="ORG",
        name="福建省医疗保障局",
        variants=("福建省医疗保障局",),
        mentions=(span,),
    )
    graph = model.Graph(documents=(doc,), entities=(entity,), relations=())
    store = oxigraph_store(graph)
    nt = io.BytesIO()
    write_nt(graph, nt, DEFAULT_BASE)
    store_nt = ox.Store()
    store_nt.load(nt.getvalue(), format=ox.RdfFormat.N_TRIPLES)
    query = (
        PREFIXES
        + """
    SELECT ?anchor ?cut ?text WHERE {
      ?span nif:referenceContext ?ctx ; nif:anchorOf ?anchor ;
            nif:beginIndex ?b ; nif:endIndex ?e .
      ?ctx nif:isString ?text .
      BIND(SUBSTR(?text, ?b + 1, ?e - ?b) AS ?cut)
    }"""
    )
    for db in (store, store_nt):
        rows = list(db.query(query))  # the mention, and the sentence it is in
        assert all(row["text"].value == text and row["anchor"].value == row["cut"].value for row in rows)
        assert {row["anchor"].value for row in rows} == {"福建省医疗保障局", text}


def test_rdf_relations_cite_their_sentences(graph):
    query = (
        PREFIXES
        + """
    SELECT ?p ?anchor WHERE {
      ?st a rdf:Statement ; rdf:predicate ?p ; kg:evidence ?s . ?s nif:anchorOf ?anchor .
    }"""
    )
    rows = {(r["p"].value, r["anchor"].value) for r in oxigraph_store(graph).query(query)}
    assert any(p == "https://schema.org/containedInPlace" and "福州" in anchor for p, anchor in rows), rows


def test_rdf_quad_table_keeps_only_the_terms_its_rows_use():
    """The builder numbers the terms every span and mention uses up front; a graph without
    (say) relation evidence must not carry ``kg:evidence`` in its table of terms."""
    from kg.export.quads import Quads

    a, b, c, unused = (ox.NamedNode(f"http://example.org/{name}") for name in "abcz")
    table = Quads.from_rows([unused, c, b, a], [3, 2, 1, 1])  # graph a: b c c
    assert table.terms == (a, b, c) and table.texts == [str(a), str(b), str(c)]
    assert table.quads.tolist() == [[0, 1, 2, 2]] and table.triples.tolist() == [[1, 2, 2]]
    doc = model.Document("d1", "d1.txt", "某地", "某地", (0, 1, 2))
    empty = model.Graph(documents=(doc,), entities=(), relations=())
    terms = {str(t) for t in rdf_quads(empty, DEFAULT_BASE).terms}
    assert f"<{KG.evidence}>" not in terms and f"<{NIF.anchorOf}>" not in terms
