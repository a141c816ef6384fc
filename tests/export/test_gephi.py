"""What Gephi needs, checked by reading the files back: GraphML's visual keys with the types
Gephi's importer parses (networkx and igraph agree), GEXF's mixed graph (a direction per
edge, the relation kind as Gephi's edge kind) with its viz attributes, and the two CSV tables."""

from __future__ import annotations

import csv
import dataclasses
import io
import random
import xml.etree.ElementTree as ET

import igraph
import networkx as nx
import pytest

from kg import model
from kg.export.gephi import GEXF_NS, VIZ_NS, write_edges_csv, write_gexf, write_nodes_csv
from kg.export.graphml import edges, node_size, to_networkx, write_graphml
from kg.labels import COLOUR_OF, DIRECTED, RELATIONS, TYPE_OF
from kg.namespaces import DEFAULT_BASE

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = f"{{{GEXF_NS}}}"
VIZ = f"{{{VIZ_NS}}}"
#: key -> (domain, GraphML types Gephi reads it as): colours are parsed as ints, the rest as numbers
GEPHI_KEYS = {
    ("node", "label"): {"string"},
    ("node", "r"): {"int", "long"},
    ("node", "g"): {"int", "long"},
    ("node", "b"): {"int", "long"},
    ("node", "size"): {"float", "double"},
    ("node", "x"): {"float", "double"},
    ("node", "y"): {"float", "double"},
    ("edge", "label"): {"string"},
    ("edge", "weight"): {"int", "long", "float", "double"},
}
PER = "PER:刘家城"
ORG = "ORG:福建省医疗保障局"
PROG = "PROG:医保基金监管安全规范年行动"
UNIT = "ORG:福建省医疗保障局办公室"
PARTNER = "ORG:福建省卫生健康委员会"


def written(writer, graph: model.Graph) -> bytes:
    stream = io.BytesIO()
    writer(graph, stream, DEFAULT_BASE)
    return stream.getvalue()


@pytest.fixture
def every_kind(graph) -> model.Graph:
    """The seed graph with a relation of each kind it lacks, and a second title at one body."""
    extra = tuple(model.Entity(key, "ORG", key.split(":", 1)[1], (), ()) for key in (UNIT, PARTNER))
    relations = (
        model.Relation("suborg", UNIT, ORG),
        model.Relation("organizer", PROG, ORG),
        model.Relation("partner", PARTNER, ORG),
        model.Relation("role", PER, ORG, role="党组成员"),
    )
    return dataclasses.replace(graph, entities=graph.entities + extra, relations=graph.relations + relations)


def test_gephi_graphml_declares_the_visual_keys_with_their_types(graph):
    root = ET.fromstring(written(write_graphml, graph))
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(GRAPHML_NS + "key")}
    for key, types in GEPHI_KEYS.items():
        assert keys.get(key) in types, key


def test_gephi_graphml_colours_and_sizes_read_back_by_networkx_and_igraph(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    path.write_bytes(written(write_graphml, graph))
    by_networkx = nx.read_graphml(path)
    by_igraph = {v["id"]: v.attributes() for v in igraph.Graph.Read_GraphML(str(path)).vs}
    label_of = {TYPE_OF[label]: label for label in TYPE_OF}
    for entity in graph.entities:
        a, b = by_networkx.nodes[entity.key], by_igraph[entity.key]
        colour = COLOUR_OF[label_of[a["type"]]]
        assert (a["r"], a["g"], a["b"]) == colour == tuple(int(b[c]) for c in "rgb")
        assert a["size"] == b["size"] == node_size(len(entity.mentions))
        assert (a["x"], a["y"]) == (b["x"], b["y"])
    positions = {(d["x"], d["y"]) for _, d in by_networkx.nodes(data=True)}
    assert len(positions) == by_networkx.number_of_nodes()  # laid out, not piled on one spot


def test_gephi_gexf_carries_viz_colour_size_and_position(graph):
    root = ET.fromstring(written(write_gexf, graph))
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    network = to_networkx(graph, DEFAULT_BASE)
    nodes = {n.get("id"): n for n in root.iter(GEXF + "node")}
    assert sorted(nodes) == sorted(network.nodes)
    for key, data in network.nodes(data=True):
        node = nodes[key]
        colour = node.find(VIZ + "color")
        assert tuple(int(colour.get(c)) for c in "rgb") == (data["r"], data["g"], data["b"])
        assert float(node.find(VIZ + "size").get("value")) == data["size"]
        position = node.find(VIZ + "position")
        assert (float(position.get("x")), float(position.get("y"))) == (data["x"], data["y"])
        assert node.get("label") == data["label"]
        values = {v.get("for"): v.get("value") for v in node.iter(GEXF + "attvalue")}
        assert values == {"type": data["type"], "mentions": str(data["mentions"]), "iri": data["iri"]}


def test_gephi_gexf_is_a_mixed_graph_with_a_direction_and_a_kind_per_edge(every_kind):
    root = ET.fromstring(written(write_gexf, every_kind))
    (graph_element,) = root.iter(GEXF + "graph")
    # a declared default would make Gephi drop every edge of the other direction
    assert graph_element.get("defaultedgetype") is None
    read = [
        (e.get("source"), e.get("target"), e.get("kind"), e.get("type"), e.get("label"), int(e.get("weight")))
        for e in root.iter(GEXF + "edge")
    ]
    assert read == [
        (e.source, e.target, e.kind, "directed" if e.directed else "undirected", e.label, e.weight)
        for e in edges(every_kind)
    ]
    assert (PER, ORG, "role", "directed", "党组成员;副局长", 2) in read
    assert (UNIT, ORG, "suborg", "directed", "suborg", 1) in read
    assert (PROG, ORG, "organizer", "directed", "organizer", 1) in read
    assert (ORG, PARTNER, "partner", "undirected", "partner", 1) in read
    assert {r[2] for r in read} == set(RELATIONS)
    for source, target, kind, direction, _, _ in read:
        assert direction == ("directed" if DIRECTED[kind] else "undirected")
        if not DIRECTED[kind]:
            assert source < target
    assert len({e.get("id") for e in root.iter(GEXF + "edge")}) == len(read)  # Gephi skips a repeated id


def test_gephi_gexf_does_not_depend_on_the_day_or_the_library_version(graph):
    data = written(write_gexf, graph)
    assert b"lastmodifieddate" not in data and b"NetworkX" not in data


def test_gephi_spreadsheet_tables_have_gephis_columns_and_every_node_and_edge(every_kind):
    network = to_networkx(every_kind, DEFAULT_BASE)
    nodes = list(csv.DictReader(io.StringIO(written(write_nodes_csv, every_kind).decode("utf-8"))))
    rows = list(csv.DictReader(io.StringIO(written(write_edges_csv, every_kind).decode("utf-8"))))
    assert {"Id", "Label", "Color"} <= set(nodes[0])
    assert {"Source", "Target", "Type", "Kind", "Weight", "Label"} <= set(rows[0])
    assert sorted(n["Id"] for n in nodes) == sorted(network.nodes)
    for row in nodes:
        data = network.nodes[row["Id"]]
        assert row["Label"] == data["label"]
        assert row["Color"] == "#{:02x}{:02x}{:02x}".format(data["r"], data["g"], data["b"])
    assert sorted((r["Source"], r["Target"], r["Kind"], r["Label"], int(r["Weight"])) for r in rows) == sorted(
        (a, b, d["kind"], d["label"], d["weight"]) for a, b, d in network.edges(data=True)
    )
    for row in rows:
        assert row["Type"] == ("Directed" if DIRECTED[row["Kind"]] else "Undirected"), row
        assert row["Label"] == row["Kind"] or row["Kind"] == "role"
    roles = [(r["Source"], r["Target"], r["Label"]) for r in rows if r["Kind"] == "role"]
    assert roles == [(PER, ORG, "党组成员;副局长")]


@pytest.mark.parametrize("writer", [write_gexf, write_nodes_csv, write_edges_csv])
def test_gephi_files_do_not_depend_on_relation_or_entity_order(every_kind, writer):
    rng = random.Random(11)
    relations, entities = list(every_kind.relations), list(every_kind.entities)
    rng.shuffle(relations)
    rng.shuffle(entities)
    other = dataclasses.replace(every_kind, relations=tuple(relations), entities=tuple(entities))
    assert written(writer, other) == written(writer, every_kind)
