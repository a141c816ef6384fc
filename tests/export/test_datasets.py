"""N-Quads/TriG (one named graph per article + the corpus graph) and JSON-LD, read back by
pyoxigraph and rdflib: the same triples as N-Triples, provenance kept by graph."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg import model
from kg.export import WRITERS
from kg.export.jsonld import context
from kg.namespaces import DEFAULT_BASE, iri_for_graph

CONTEXT_FILE = Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld"


def written(fmt: str, graph: model.Graph) -> bytes:
    buffer = io.BytesIO()
    WRITERS[fmt](graph, buffer, DEFAULT_BASE)
    return buffer.getvalue()


def oxigraph_quads(data: bytes, fmt: ox.RdfFormat) -> set[tuple[str, str, str, str]]:
    store = ox.Store()
    store.load(data, format=fmt)
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}


def triples_of(quads: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str]]:
    return {q[:3] for q in quads}


@pytest.mark.parametrize("fmt, ox_format", [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_datasets_union_of_named_graphs_is_the_triple_graph(graph, fmt, ox_format):
    quads = oxigraph_quads(written(fmt, graph), ox_format)
    nt = triples_of(oxigraph_quads(written("nt", graph), ox.RdfFormat.N_TRIPLES))
    assert triples_of(quads) == nt
    assert all(q[3] != "DEFAULT" for q in quads)  # every triple is in a named graph


def test_datasets_nquads_and_trig_hold_the_same_quads_for_both_readers(graph):
    assert oxigraph_quads(written("nq", graph), ox.RdfFormat.N_QUADS) == oxigraph_quads(
        written("trig", graph), ox.RdfFormat.TRIG
    )
    quads = {}
    for fmt, name in (("nq", "nquads"), ("trig", "trig")):
        ds = rdflib.Dataset()
        ds.parse(data=written(fmt, graph), format=name)
        quads[fmt] = set(ds.quads((None, None, None, None)))
    assert quads["nq"] == quads["trig"]
    nt = set(rdflib.Graph().parse(data=written("nt", graph), format="nt"))
    assert {(s, p, o) for s, p, o, _ in quads["nq"]} == nt
    assert len({g for *_, g in quads["nq"]}) == 2  # the article's graph and the corpus graph


def test_datasets_an_article_graph_holds_its_text_mentions_and_facts(graph):
    store = ox.Store()
    store.load(written("nq", graph), format=ox.RdfFormat.N_QUADS)
    doc_graph = iri_for_graph(DEFAULT_BASE, graph.documents[0].doc_id)
    corpus = iri_for_graph(DEFAULT_BASE, None)
    rows = store.query(
        f"""PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX kg: <https://w3id.org/kg-zh/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name ?anchor WHERE {{
          GRAPH <{doc_graph}> {{ ?m a org:Membership ; org:member ?p ; kg:evidence ?s . ?s nif:anchorOf ?anchor }}
          GRAPH <{corpus}> {{ ?p skos:prefLabel ?name }}
        }}"""
    )
    found = {(r["name"].value, r["anchor"].value) for r in rows}
    assert [name for name, anchor in found if "副局长刘家城" in anchor] == ["刘家城"]
    texts = list(store.query(f"SELECT ?t WHERE {{ GRAPH <{doc_graph}> {{ ?c <http://persistence.uni-leipzig.org/"
                             f"nlp2rdf/ontologies/nif-core#isString> ?t }} }}"))
    assert len(texts) == 1
    names_in_corpus = store.query(f"ASK {{ GRAPH <{corpus}> {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> "
                                  f"\"福建省医疗保障局\"@zh }} }}")
    assert names_in_corpus
    no_text_in_corpus = store.query(f"ASK {{ GRAPH <{corpus}> {{ ?c <http://persistence.uni-leipzig.org/nlp2rdf/"
                                    f"ontologies/nif-core#isString> ?t }} }}")
    assert not no_text_in_corpus


def test_datasets_jsonld_is_the_triple_graph_for_both_readers(graph):
    data = written("jsonld", graph)
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.JSON_LD)
    nt = triples_of(oxigraph_quads(written("nt", graph), ox.RdfFormat.N_TRIPLES))
    assert {(str(q.subject), str(q.predicate), str(q.object)) for q in store} == nt
    by_rdflib = rdflib.Graph().parse(data=data, format="json-ld")
    assert isomorphic(by_rdflib, rdflib.Graph().parse(data=written("nt", graph), format="nt"))


def test_datasets_jsonld_context_is_the_shipped_context_file(graph):
    inline = json.loads(written("jsonld", graph))["@context"]
    assert inline == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"] == context(DEFAULT_BASE)
    assert context("https://example.org/kg#")["kgid"] == "https://example.org/kg#"
