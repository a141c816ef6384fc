"""GraphML export: one node per entity, merged typed edges, two readers agree."""

from __future__ import annotations

import dataclasses
import io

import igraph
import networkx as nx
import pytest

from kg import model
from kg.export.graphml import node_size, to_networkx, write_graphml
from kg.labels import COLOUR_OF
from kg.namespaces import DEFAULT_BASE, iri_for_entity

PER = "PER:刘家城"
ORG = "ORG:福建省医疗保障局"
PROG = "PROG:医保基金监管安全规范年行动"
FUJIAN = "LOC:福建省"
FUZHOU = "LOC:福州"


def graphml(graph: model.Graph) -> bytes:
    stream = io.BytesIO()
    write_graphml(graph, stream, DEFAULT_BASE)
    return stream.getvalue()


def test_graphml_nodes_carry_primitive_attributes(graph):
    network = to_networkx(graph, DEFAULT_BASE)
    assert sorted(network.nodes) == sorted(e.key for e in graph.entities)
    node = dict(network.nodes[ORG])
    x, y = node.pop("x"), node.pop("y")
    assert node == {
        "label": "福建省医疗保障局",
        "type": "organization",
        "iri": str(iri_for_entity(DEFAULT_BASE, "ORG", "福建省医疗保障局")),
        "mentions": 1,
        "r": COLOUR_OF["ORG"][0],
        "g": COLOUR_OF["ORG"][1],
        "b": COLOUR_OF["ORG"][2],
        "size": node_size(1),
    }
    assert isinstance(x, float) and isinstance(y, float)


def test_graphml_merges_relations_between_one_pair(graph):
    network = to_networkx(graph, DEFAULT_BASE)
    assert network.number_of_edges() == 3
    # role 副局长 + cooccur: the title wins, weights add up
    assert network.edges[PER, ORG] == {"relation": "副局长", "label": "副局长", "weight": 2}
    assert network.edges[FUZHOU, FUJIAN] == {"relation": "located", "label": "located", "weight": 2}
    assert network.edges[PER, PROG] == {"relation": "cooccur", "label": "cooccur", "weight": 1}


def test_graphml_joins_distinct_names_strongest_first(graph):
    extra = (
        model.Relation("partner", ORG, PER),
        model.Relation("role", PER, ORG, role="党组成员"),
        model.Relation("cooccur", ORG, PER, weight=3),
    )
    network = to_networkx(
        dataclasses.replace(graph, relations=graph.relations + extra), DEFAULT_BASE
    )
    assert network.edges[PER, ORG] == {
        "relation": "党组成员;副局长;partner",
        "label": "党组成员;副局长;partner",
        "weight": 7,
    }


def test_graphml_role_without_organization_gives_no_edge(graph):
    relations = (model.Relation("role", PER, None, role="记者"),)
    network = to_networkx(dataclasses.replace(graph, relations=relations), DEFAULT_BASE)
    assert network.number_of_edges() == 0
    assert network.number_of_nodes() == len(graph.entities)


def test_graphml_unknown_entity_raises(graph):
    relations = (model.Relation("suborg", ORG, "ORG:不存在"),)
    with pytest.raises(ValueError, match="unknown entity"):
        to_networkx(dataclasses.replace(graph, relations=relations), DEFAULT_BASE)


def test_graphml_round_trips_through_networkx(graph):
    expected = to_networkx(graph, DEFAULT_BASE)
    parsed = nx.read_graphml(io.BytesIO(graphml(graph)))
    assert not parsed.is_directed()
    assert nx.utils.nodes_equal(parsed.nodes(data=True), expected.nodes(data=True))
    assert nx.utils.edges_equal(parsed.edges(data=True), expected.edges(data=True))
    for _, data in parsed.nodes(data=True):
        assert type(data["mentions"]) is int
        assert type(data["label"]) is str
    for _, _, data in parsed.edges(data=True):
        assert type(data["weight"]) is int
        assert type(data["relation"]) is str


def test_graphml_reads_in_igraph(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    path.write_bytes(graphml(graph))
    parsed = igraph.Graph.Read_GraphML(str(path))
    expected = to_networkx(graph, DEFAULT_BASE)
    assert not parsed.is_directed()
    assert parsed.vcount() == expected.number_of_nodes()
    assert parsed.ecount() == expected.number_of_edges()
    # igraph keeps the GraphML node id as "id"; it stores every number as a float
    by_id = {v["id"]: v for v in parsed.vs}
    assert set(by_id) == set(expected.nodes)
    for key, data in expected.nodes(data=True):
        vertex = by_id[key]
        assert isinstance(vertex["label"], str) and vertex["label"] == data["label"]
        assert vertex["type"] == data["type"]
        assert vertex["mentions"] == data["mentions"]
    assert sorted(parsed.es["weight"]) == sorted(
        w for _, _, w in expected.edges(data="weight")
    )
    assert all(isinstance(r, str) for r in parsed.es["relation"])
