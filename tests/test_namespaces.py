"""``kg.namespaces`` agrees with ``ontology/kg.ttl``, and IRIs are stable and valid."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.labels import CLASS_OF, TYPE_OF
from kg.namespaces import (
    DEFAULT_BASE,
    KG,
    OWL,
    RDF,
    RDFS,
    SDO,
    iri_for_document,
    iri_for_entity,
    iri_for_membership,
    iri_for_mention,
    iri_for_relation,
    iri_for_role,
)

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def declared_kg_terms(ontology: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(KG))}


def test_namespaces_kg_matches_ontology(ontology):
    assert set(dir(KG)) == declared_kg_terms(ontology)


def test_namespaces_kg_is_closed():
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018


def test_namespaces_ontology_loads_in_pyoxigraph(ontology):
    store = ox.Store()
    store.load(ONTOLOGY.read_bytes(), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(ontology)


def test_namespaces_every_label_has_a_class(ontology):
    for label, local in CLASS_OF.items():
        assert (KG[local], RDF.type, OWL.Class) in ontology, label


@pytest.mark.parametrize("term", sorted(dir(KG)))
def test_namespaces_term_has_zh_and_en_label(ontology, term):
    languages = {lit.language for lit in ontology.objects(term, RDFS.label)}
    assert {"zh", "en"} <= languages
    assert any(lit.language == "en" for lit in ontology.objects(term, RDFS.comment))


@pytest.mark.parametrize("local", sorted(CLASS_OF.values()))
def test_namespaces_class_is_a_schema_org_subclass(ontology, local):
    parents = set(ontology.objects(KG[local], RDFS.subClassOf))
    assert any(str(p).startswith(str(SDO)) for p in parents)


def test_namespaces_symmetric_properties(ontology):
    for prop in (KG.cooccursWith, KG.partnerOf):
        assert (prop, RDF.type, OWL.SymmetricProperty) in ontology


@pytest.mark.parametrize("base", ["https://w3id.org/kg-zh/id", "urn:x:", ""])
def test_namespaces_base_must_end_with_slash_or_hash(base):
    with pytest.raises(ValueError):
        iri_for_entity(base, "PER", "刘家城")


def test_namespaces_entity_iri_is_type_and_quoted_name():
    iri = iri_for_entity(DEFAULT_BASE, "PER", "刘家城")
    assert str(iri) == DEFAULT_BASE + "person/%E5%88%98%E5%AE%B6%E5%9F%8E"
    # a '/' or '#' in a name never adds a segment or fragment
    assert iri_for_entity(DEFAULT_BASE, "ORG", "A/B#C").endswith("organization/A%2FB%23C")


def test_namespaces_entity_iri_rejects_unknown_label():
    with pytest.raises(ValueError, match="unknown entity label"):
        iri_for_entity(DEFAULT_BASE, "MISC", "x")


def test_namespaces_mention_iri_is_rfc5147_fragment():
    doc = iri_for_document(DEFAULT_BASE, "000_2bd2ab5580cfad16.txt")
    assert str(doc) == DEFAULT_BASE + "doc/000_2bd2ab5580cfad16.txt"
    mention = iri_for_mention(DEFAULT_BASE, "000_2bd2ab5580cfad16.txt", 25, 29)
    assert str(mention) == f"{doc}#char=25,29"
    # a '#' base already has a fragment; the span must not add a second one
    hashed = iri_for_mention("https://example.org/kg#", "a.txt", 25, 29)
    assert str(hashed) == "https://example.org/kg#doc/a.txt_char=25,29"


def test_namespaces_keyed_iris_are_stable_and_distinct():
    a = iri_for_membership(DEFAULT_BASE, "PER:刘家城", "ORG:福建省医疗保障局", "副局长")
    assert a == iri_for_membership(DEFAULT_BASE, "PER:刘家城", "ORG:福建省医疗保障局", "副局长")
    assert a != iri_for_membership(DEFAULT_BASE, "PER:刘家城", None, "副局长")
    assert len(a.rsplit("/", 1)[1]) == 16
    r = iri_for_relation(DEFAULT_BASE, "suborg", "ORG:a", "ORG:b")
    assert r.startswith(DEFAULT_BASE + "relation/")
    assert r != iri_for_relation(DEFAULT_BASE, "suborg", "ORG:b", "ORG:a")


@pytest.mark.parametrize("base", [DEFAULT_BASE, "https://example.org/kg#"])
def test_namespaces_iris_are_valid_for_a_strict_parser(base):
    iris = [
        *(iri_for_entity(base, label, "福建省 医保/局#1") for label in TYPE_OF),
        iri_for_document(base, "新闻 1.txt"),
        iri_for_mention(base, "新闻 1.txt", 0, 3),
        iri_for_role(base, "副局长"),
        iri_for_membership(base, "PER:刘家城", None, "副局长"),
        iri_for_relation(base, "cooccur", "PER:刘家城", "ORG:福建省医疗保障局"),
    ]
    for iri in iris:
        ox.NamedNode(str(iri))  # raises ValueError on an invalid IRI
        assert " " not in iri


def test_namespaces_every_term_the_seed_graph_uses_is_documented_in_both_languages(ontology, seed_build):
    """Each class and property in the seeds' graph has a Chinese and an English label and comment
    in ``ontology/kg.ttl`` (rdf:type, RDF's own typing, excepted)."""
    _, out_dir = seed_build
    graph = rdflib.Graph().parse(out_dir / "graph.ttl", format="turtle")
    used = (set(graph.predicates()) | set(graph.objects(None, RDF.type))) - {RDF.type}
    missing = []
    for term in sorted(used):
        for prop in (RDFS.label, RDFS.comment):
            languages = {literal.language for literal in ontology.objects(term, prop)}
            if not {"zh", "en"} <= languages:
                missing.append(f"{term} {prop}")
    assert len(used) > 30
    assert missing == []
