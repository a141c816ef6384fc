"""The bundled seeds built end to end, and the output files checked by independent readers.

Every test shares the session's one build (``seed_build``); only the determinism
test builds again.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.build import build
from kg.export import EXTENSIONS
from kg.export.graphml import to_networkx
from kg.labels import CLASS_OF
from kg.namespaces import DCTERMS, DEFAULT_BASE, ITSRDF, KG, NIF, RDF, SKOS

pytestmark = pytest.mark.slow

PREFIXES = f"""
PREFIX nif: <{NIF}>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <{SKOS}>
PREFIX dcterms: <{DCTERMS}>
PREFIX kg: <{KG._NS}>
"""
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
ENTITY_CLASSES = [KG[name] for name in CLASS_OF.values()]


@pytest.fixture(scope="module")
def out_dir(seed_build):
    return seed_build[1]


@pytest.fixture(scope="module")
def report(seed_build):
    return seed_build[0]


@pytest.fixture(scope="module")
def rdf(out_dir) -> rdflib.Graph:
    return rdflib.Graph().parse(out_dir / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def store(out_dir) -> ox.Store:
    store = ox.Store()
    store.load(path=str(out_dir / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def count(store: ox.Store, where: str) -> int:
    (row,) = store.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(row["n"].value)


def test_end_to_end_turtle_loads_into_rdflib_and_oxigraph_with_the_nt_triple_count(out_dir, report, rdf, store):
    nt_lines = [line for line in (out_dir / "graph.nt").read_bytes().splitlines() if line.strip()]
    assert len(nt_lines) == report.triples > 0
    assert len(rdf) == len(store) == len(nt_lines)
    nt = rdflib.Graph().parse(out_dir / "graph.nt", format="nt")
    assert isomorphic(rdf, nt)


def test_end_to_end_every_mention_is_the_text_at_its_offsets(rdf):
    checked = 0
    for span, anchor in rdf.subject_objects(NIF.anchorOf):
        context = rdf.value(span, NIF.referenceContext)
        text = str(rdf.value(context, NIF.isString))
        begin, end = int(rdf.value(span, NIF.beginIndex)), int(rdf.value(span, NIF.endIndex))
        assert text[begin:end] == str(anchor), span
        checked += 1
    phrases = set(rdf.subjects(RDF.type, NIF.Phrase))
    assert phrases and all(rdf.value(p, NIF.anchorOf) is not None for p in phrases)
    assert checked >= len(phrases)


def test_end_to_end_every_mention_is_the_text_at_its_offsets_in_sparql(store):
    pattern = (
        "?m nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?c ."
        " ?c nif:isString ?s ."
    )
    spans = count(store, pattern)
    # rows whose FILTER raises an error are dropped, so compare with the total, not with zero mismatches
    matching = count(store, pattern + " FILTER(SUBSTR(?s, ?b + 1, ?e - ?b) = ?a)")
    assert spans > 0
    assert matching == spans
    assert spans == count(store, "?m nif:anchorOf ?a")


def test_end_to_end_each_document_is_a_nif_context_with_id_text_and_source(rdf, report, seeds_dir):
    contexts = set(rdf.subjects(RDF.type, NIF.Context))
    texts = {d.doc_id: d.text for d in report.graph.documents}
    assert len(contexts) == len(texts) == 5
    identifiers = set()
    for context in contexts:
        (identifier,) = rdf.objects(context, DCTERMS.identifier)
        (text,) = rdf.objects(context, NIF.isString)
        (source,) = rdf.objects(context, DCTERMS.source)
        identifiers.add(str(identifier))
        assert str(text) == texts[str(identifier)]
        assert source == rdflib.Literal(str(identifier))  # the path inside seeds/, no absolute path
        (sha256,) = rdf.objects(context, KG.sha256)
        assert str(sha256) == hashlib.sha256((seeds_dir / str(identifier)).read_bytes()).hexdigest()
    assert identifiers == {p.name for p in seeds_dir.glob("*.txt")}


@pytest.mark.parametrize("cls", ENTITY_CLASSES, ids=list(CLASS_OF.values()))
def test_end_to_end_each_class_has_an_entity_with_a_mention(rdf, cls):
    mentioned = {e for e in rdf.subjects(RDF.type, cls) if (None, ITSRDF.taIdentRef, e) in rdf}
    assert mentioned


def test_end_to_end_every_entity_has_exactly_one_pref_label(rdf, report):
    entities = {e for cls in ENTITY_CLASSES for e in rdf.subjects(RDF.type, cls)}
    assert len(entities) == len(report.graph.entities)
    for entity in entities:
        assert len(list(rdf.objects(entity, SKOS.prefLabel))) == 1, entity


def test_end_to_end_memberships_have_member_organization_and_labelled_role(store):
    assert count(
        store,
        "?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r . ?r skos:prefLabel ?title .",
    ) > 0
    # seed 000: 省医保局副局长刘家城表示
    assert store.query(
        PREFIXES
        + """ASK {
            ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r ; kg:evidence ?sentence .
            ?p skos:prefLabel "刘家城"@zh .
            ?o skos:prefLabel "福建省医疗保障局"@zh .
            ?r skos:prefLabel "副局长"@zh .
            ?sentence nif:anchorOf ?words ; nif:referenceContext ?doc .
            ?doc dcterms:identifier "000_2bd2ab5580cfad16.txt" .
            FILTER(CONTAINS(?words, "省医保局副局长刘家城"))
        }"""
    )


def test_end_to_end_graphml_reads_into_networkx_and_igraph(out_dir, report):
    path = out_dir / "graph.graphml"
    expected = to_networkx(report.graph, DEFAULT_BASE)
    assert expected.number_of_nodes() == len(report.graph.entities)
    assert expected.number_of_edges() > 0

    read = nx.read_graphml(path)
    assert read.number_of_nodes() == len(report.graph.entities)
    assert read.number_of_edges() == expected.number_of_edges()
    assert nx.utils.nodes_equal(read.nodes(data=True), expected.nodes(data=True))
    assert nx.utils.edges_equal(read.edges(data=True), expected.edges(data=True))

    other = igraph.Graph.Read_GraphML(str(path))
    assert other.vcount() == len(report.graph.entities)
    assert other.ecount() == expected.number_of_edges()
    assert {"label", "type", "iri", "mentions"} <= set(other.vs.attributes())


def test_end_to_end_graphml_attributes_are_typed(out_dir):
    path = out_dir / "graph.graphml"
    read = nx.read_graphml(path)
    for node, data in read.nodes(data=True):
        assert set(data) == {"label", "type", "iri", "mentions", "r", "g", "b", "size", "x", "y"}, node
        assert type(data["mentions"]) is int, node
    assert all(type(data["weight"]) is int for *_, data in read.edges(data=True))

    keys = {
        (key.get("for"), key.get("attr.name")): key.get("attr.type")
        for key in ET.parse(path).getroot().iter(f"{GRAPHML}key")
    }
    assert keys[("node", "mentions")] in {"int", "long"}
    # networkx declares every Python int as "long"
    assert keys[("edge", "weight")] in {"double", "int", "long"}
    for name in ("label", "type", "iri"):
        assert keys[("node", name)] == "string"


def test_end_to_end_build_is_deterministic(seeds_dir, seed_build, tmp_path):
    from_folder = tmp_path / "from_folder"
    build([seeds_dir], from_folder)

    # the reversed file list is built in a fresh interpreter with a different hash seed,
    # so set or dict order that depends on string hashing would show up as a difference
    reversed_files = sorted(seeds_dir.glob("*.txt"), reverse=True)
    assert len(reversed_files) == 5
    from_files = tmp_path / "from_files"
    hash_seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    subprocess.run(
        [sys.executable, "-m", "kg", "build", *map(str, reversed_files), "--out", str(from_files)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
    )

    for name in EXTENSIONS.values():
        data = (from_folder / name).read_bytes()
        assert data, name
        assert (from_files / name).read_bytes() == data, name
        assert (seed_build[1] / name).read_bytes() == data, name


@pytest.fixture(scope="module")
def seed_store(seed_build):
    """The seeds' Turtle loaded into an embedded Oxigraph store."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load((seed_build[1] / "graph.ttl").read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    return store


@pytest.mark.slow
def test_end_to_end_places_carry_code_and_parents(seed_store):
    store = seed_store
    query = """
        PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX kg: <https://w3id.org/kg-zh/ontology#>
        SELECT ?code ?parent ?grand WHERE {
            ?p skos:prefLabel "建瓯市"@zh ; kg:adminCode ?code ; schema:containedInPlace ?q .
            ?q skos:prefLabel ?parent ; schema:containedInPlace ?r . ?r skos:prefLabel ?grand .
        }"""
    rows = [(s["code"].value, s["parent"].value, s["grand"].value) for s in store.query(query)]
    assert rows == [("350783000000", "南平市", "福建省")]


@pytest.mark.slow
def test_end_to_end_bodies_are_located_by_their_names(seed_store):
    store = seed_store
    query = """
        PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?org ?place WHERE { ?o schema:location ?p . ?o skos:prefLabel ?org . ?p skos:prefLabel ?place }"""
    rows = {(r["org"].value, r["place"].value) for r in store.query(query)}
    assert ("南平市第一医院", "南平市") in rows
    assert ("厦门大学附属第一医院", "厦门市") in rows  # a short name of a city
    assert not any(org == "新华社" for org, _ in rows)  # 新华 is a district's short name, not where it is
