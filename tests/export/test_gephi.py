"""What Gephi needs, checked by reading the files back: GraphML's visual keys with the types
Gephi's importer parses (networkx and igraph agree), GEXF's viz attributes, and the two CSV tables."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

from kg import model
from kg.export.gephi import write_edges_csv, write_gexf, write_nodes_csv
from kg.export.graphml import node_size, to_networkx, write_graphml
from kg.labels import COLOUR_OF, TYPE_OF
from kg.namespaces import DEFAULT_BASE

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
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


def written(writer, graph: model.Graph) -> bytes:
    stream = io.BytesIO()
    writer(graph, stream, DEFAULT_BASE)
    return stream.getvalue()


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
    parsed = nx.read_gexf(io.BytesIO(written(write_gexf, graph)))
    network = to_networkx(graph, DEFAULT_BASE)
    assert sorted(parsed.nodes) == sorted(network.nodes)
    assert parsed.number_of_edges() == network.number_of_edges()
    for key, data in network.nodes(data=True):
        viz = parsed.nodes[key]["viz"]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (data["r"], data["g"], data["b"])
        assert viz["size"] == data["size"]
        assert (viz["position"]["x"], viz["position"]["y"]) == (data["x"], data["y"])
        assert parsed.nodes[key]["label"] == data["label"]
    for a, b, data in network.edges(data=True):
        assert parsed.edges[a, b]["weight"] == data["weight"]


def test_gephi_gexf_does_not_depend_on_the_day_or_the_library_version(graph):
    data = written(write_gexf, graph)
    assert b"lastmodifieddate" not in data and b"NetworkX" not in data


def test_gephi_spreadsheet_tables_have_gephis_columns_and_every_node_and_edge(graph):
    network = to_networkx(graph, DEFAULT_BASE)
    nodes = list(csv.DictReader(io.StringIO(written(write_nodes_csv, graph).decode("utf-8"))))
    edges = list(csv.DictReader(io.StringIO(written(write_edges_csv, graph).decode("utf-8"))))
    assert {"Id", "Label", "Color"} <= set(nodes[0])
    assert {"Source", "Target", "Type", "Weight", "Label"} <= set(edges[0])
    assert sorted(n["Id"] for n in nodes) == sorted(network.nodes)
    assert {(e["Source"], e["Target"]) for e in edges} == {tuple(sorted(e)) for e in network.edges}
    for row in nodes:
        data = network.nodes[row["Id"]]
        assert row["Label"] == data["label"]
        assert row["Color"] == "#{:02x}{:02x}{:02x}".format(data["r"], data["g"], data["b"])
    for row in edges:
        assert row["Type"] == "Undirected"
        assert int(row["Weight"]) == network.edges[row["Source"], row["Target"]]["weight"]
