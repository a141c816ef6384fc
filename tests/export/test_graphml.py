"""GraphML export: one node per entity, one edge per (pair, kind, direction), and the
direction of every kind as networkx and igraph read it back."""

from __future__ import annotations

import dataclasses
import io
import random
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest

from kg import model
from kg.export.graphml import edges, node_size, to_networkx, write_graphml
from kg.labels import COLOUR_OF, DIRECTED, RELATIONS
from kg.namespaces import DEFAULT_BASE, iri_for_entity

PER = "PER:刘家城"
ORG = "ORG:福建省医疗保障局"
PROG = "PROG:医保基金监管安全规范年行动"
FUJIAN = "LOC:福建省"
FUZHOU = "LOC:福州"
UNIT = "ORG:福建省医疗保障局办公室"
PARTNER = "ORG:福建省卫生健康委员会"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"

#: kind -> (head, tail) of one relation of that kind in ``every_kind``; partner's head sorts after its tail
EXAMPLES = {
    "role": (PER, ORG),
    "suborg": (UNIT, ORG),
    "located": (FUZHOU, FUJIAN),
    "organizer": (PROG, ORG),
    "partner": (PARTNER, ORG),
    "cooccur": (FUJIAN, FUZHOU),
}


def graphml(graph: model.Graph) -> bytes:
    stream = io.BytesIO()
    write_graphml(graph, stream, DEFAULT_BASE)
    return stream.getvalue()


def with_relations(graph: model.Graph, *relations: model.Relation) -> model.Graph:
    """``graph`` plus two organizations with no mentions and ``relations``."""
    extra = tuple(model.Entity(key, "ORG", key.split(":", 1)[1], (), ()) for key in (UNIT, PARTNER))
    return dataclasses.replace(
        graph, entities=graph.entities + extra, relations=graph.relations + relations
    )


@pytest.fixture
def every_kind(graph) -> model.Graph:
    """The seed graph with a relation of each kind that it lacks."""
    assert PARTNER > ORG  # so the partner edge has to be turned round to key order
    return with_relations(
        graph,
        model.Relation("suborg", UNIT, ORG),
        model.Relation("organizer", PROG, ORG),
        model.Relation("partner", *EXAMPLES["partner"]),
    )


def expected_ends(kind: str) -> tuple[str, str]:
    head, tail = EXAMPLES[kind]
    return (head, tail) if DIRECTED[kind] else tuple(sorted((head, tail)))


def test_graphml_directions_cover_every_relation_kind():
    assert set(DIRECTED) == set(RELATIONS)
    assert {k for k, directed in DIRECTED.items() if not directed} == {"partner", "cooccur"}


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


def test_graphml_edges_point_from_head_to_tail_for_directed_kinds(every_kind):
    network = to_networkx(every_kind, DEFAULT_BASE)
    assert network.is_directed() and network.is_multigraph()
    found = {d["kind"]: (a, b, d) for a, b, d in network.edges(data=True) if (a, b) == expected_ends(d["kind"])}
    assert set(found) == set(RELATIONS)
    for kind, (_, _, data) in found.items():
        assert data["directed"] is DIRECTED[kind], kind
        assert data["label"] == ("副局长" if kind == "role" else kind)


def test_graphml_keeps_kinds_between_one_pair_apart(graph):
    network = to_networkx(graph, DEFAULT_BASE)
    # the role and the co-occurrence of 刘家城 and his bureau are two edges, no longer one
    assert network.number_of_edges() == 5
    between = sorted(
        (d["kind"], a) for a, b, d in network.edges(data=True) if {a, b} == {PER, ORG}
    )
    assert between == [("cooccur", ORG), ("role", PER)]  # cooccur in key order, role from the person


def test_graphml_merges_one_kind_per_pair_summing_weights_and_titles(graph):
    more = with_relations(
        graph,
        model.Relation("role", PER, ORG, role="党组成员"),
        model.Relation("role", PER, ORG, role="副局长", weight=2),
        model.Relation("cooccur", ORG, PER, weight=3),
        model.Relation("partner", ORG, PARTNER),
        model.Relation("partner", PARTNER, ORG),
    )
    by_kind = {(e.kind, e.source, e.target): e for e in edges(more)}
    role = by_kind["role", PER, ORG]
    assert (role.label, role.weight) == ("党组成员;副局长", 4)
    assert by_kind["cooccur", ORG, PER].weight == 4
    partner = by_kind["partner", ORG, PARTNER]  # both ways round are one undirected edge
    assert (partner.weight, partner.directed, partner.label) == (2, False, "partner")
    assert len(edges(more)) == 6


def test_graphml_role_without_organization_gives_no_edge(graph):
    relations = (model.Relation("role", PER, None, role="记者"),)
    network = to_networkx(dataclasses.replace(graph, relations=relations), DEFAULT_BASE)
    assert network.number_of_edges() == 0
    assert network.number_of_nodes() == len(graph.entities)


def test_graphml_unknown_entity_raises(graph):
    relations = (model.Relation("suborg", ORG, "ORG:不存在"),)
    with pytest.raises(ValueError, match="unknown entity"):
        to_networkx(dataclasses.replace(graph, relations=relations), DEFAULT_BASE)


def test_graphml_unknown_kind_raises(graph):
    relations = (model.Relation("friend", ORG, PER),)
    with pytest.raises(ValueError, match="unsupported relation kind"):
        to_networkx(dataclasses.replace(graph, relations=relations), DEFAULT_BASE)


def test_graphml_round_trips_through_networkx_with_each_kinds_direction(every_kind):
    expected = to_networkx(every_kind, DEFAULT_BASE)
    parsed = nx.read_graphml(io.BytesIO(graphml(every_kind)))
    assert parsed.is_directed() and parsed.is_multigraph()
    assert nx.utils.nodes_equal(parsed.nodes(data=True), expected.nodes(data=True))
    assert nx.utils.edges_equal(parsed.edges(data=True), expected.edges(data=True))
    assert sorted(parsed.edges(keys=True)) == sorted(expected.edges(keys=True))  # ids are the keys
    for kind in RELATIONS:
        source, target = expected_ends(kind)
        kinds = {d["kind"]: d for d in parsed.get_edge_data(source, target).values()}
        assert kinds[kind]["directed"] is DIRECTED[kind], kind
        if DIRECTED[kind]:  # nothing of that kind runs the other way
            back = parsed.get_edge_data(target, source) or {}
            assert kind not in {d["kind"] for d in back.values()}, kind
    for _, data in parsed.nodes(data=True):
        assert type(data["mentions"]) is int
        assert type(data["label"]) is str
    for _, _, data in parsed.edges(data=True):
        assert type(data["weight"]) is int
        assert data["kind"] in RELATIONS


def test_graphml_reads_in_igraph_as_directed_with_kinds(every_kind, tmp_path):
    path = tmp_path / "graph.graphml"
    path.write_bytes(graphml(every_kind))
    parsed = igraph.Graph.Read_GraphML(str(path))
    expected = to_networkx(every_kind, DEFAULT_BASE)
    assert parsed.is_directed()
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
    read = sorted(
        (parsed.vs[e.source]["id"], parsed.vs[e.target]["id"], e["kind"], e["directed"], e["weight"])
        for e in parsed.es
    )
    assert read == sorted((a, b, d["kind"], d["directed"], d["weight"]) for a, b, d in expected.edges(data=True))
    for kind in RELATIONS:
        assert (*expected_ends(kind), kind, DIRECTED[kind]) in {r[:4] for r in read}, kind


def test_graphml_file_is_directed_without_per_edge_direction_and_spells_booleans_lowercase(every_kind):
    root = ET.fromstring(graphml(every_kind))
    (graph_element,) = root.iter(GRAPHML_NS + "graph")
    assert graph_element.get("edgedefault") == "directed"
    key = next(k.get("id") for k in root.iter(GRAPHML_NS + "key") if k.get("attr.name") == "directed")
    values = set()
    for edge in root.iter(GRAPHML_NS + "edge"):
        assert edge.get("directed") is None  # networkx refuses a per-edge directed="false"
        assert edge.get("id")
        values |= {d.text for d in edge.iter(GRAPHML_NS + "data") if d.get("key") == key}
    assert values == {"true", "false"}


def test_graphml_bytes_do_not_depend_on_relation_order(every_kind):
    shuffled = list(every_kind.relations)
    random.Random(4).shuffle(shuffled)
    assert shuffled != list(every_kind.relations)
    other = dataclasses.replace(every_kind, relations=tuple(shuffled))
    assert graphml(other) == graphml(every_kind)
