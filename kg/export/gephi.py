"""Gephi's own formats: GEXF 1.3 (https://gexf.net/, schema ``1.3/gexf.rnc``) and the two
CSV tables of Gephi's spreadsheet import (Data Laboratory -> Import Spreadsheet).

Both carry the same nodes and edges as the GraphML export (``graphml.to_networkx``,
``graphml.edges``: one edge per (pair, kind, direction)), but as the mixed graph
Gephi supports: ``role``, ``suborg``, ``located`` and ``organizer`` edges are
directed (person -> body, unit -> parent, thing -> place, program -> organizer),
``partner`` and ``cooccur`` edges are not, so Gephi draws arrowheads only where a
relation has a direction and counts in- and out-degree only for those.

* GEXF: every edge has ``type="directed"`` or ``type="undirected"``, and the graph
  has no ``defaultedgetype``: Gephi's importer drops an edge whose type contradicts
  a declared default (``ImportContainerImpl.addEdge``), and without one it builds a
  mixed graph. The edge's ``kind`` attribute (GEXF 1.3) is the relation kind, which
  Gephi keeps as the edge type, so edges of two kinds between one pair stay two
  edges (Gephi merges parallel edges only within a type); ``label`` is the post
  titles for ``role`` edges, else the kind. Nodes carry the ``viz`` colour (by
  type), size (by mentions) and position (the seeded layout), so the file opens
  drawn. Not readable by networkx, whose ``read_gexf`` refuses a mixed graph
  ("Directed edge found in undirected graph"): read ``graph.graphml`` there.
* CSV: ``nodes.csv`` and ``edges.csv`` with the columns Gephi's importer
  recognises (``Id``, ``Label``; ``Source``, ``Target``, ``Type`` = ``Directed`` or
  ``Undirected`` per row, ``Kind`` = the relation kind, Gephi's edge type,
  ``Label``, ``Weight``) plus ``Color`` as ``#rrggbb`` and our own columns.

The bytes depend only on the graph: no dates, no library versions, sorted order.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import IO

import networkx as nx

from kg import model
from kg.export.graphml import edges, to_networkx

__all__ = ["GEXF_NS", "VIZ_NS", "write_edges_csv", "write_gexf", "write_nodes_csv"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_NODE_COLUMNS = ("Id", "Label", "type", "mentions", "iri", "Color", "size")
_EDGE_COLUMNS = ("Id", "Source", "Target", "Type", "Kind", "Label", "Weight")
#: node attributes written as GEXF attvalues: name -> GEXF type
_NODE_ATTRIBUTES = {"type": "string", "mentions": "integer", "iri": "string"}
#: ``Edge.directed`` -> the word each format uses
_GEXF_TYPE = {True: "directed", False: "undirected"}
_CSV_TYPE = {True: "Directed", False: "Undirected"}


def _gexf_tree(network: nx.MultiDiGraph, graph: model.Graph) -> ET.Element:
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "kg"
    body = ET.SubElement(root, "graph", {"idtype": "string"})
    declared = ET.SubElement(body, "attributes", {"class": "node"})
    for name, kind in _NODE_ATTRIBUTES.items():
        ET.SubElement(declared, "attribute", {"id": name, "title": name, "type": kind})
    nodes = ET.SubElement(body, "nodes", {"count": str(network.number_of_nodes())})
    for key, data in network.nodes(data=True):
        node = ET.SubElement(nodes, "node", {"id": key, "label": data["label"]})
        values = ET.SubElement(node, "attvalues")
        for name in _NODE_ATTRIBUTES:
            ET.SubElement(values, "attvalue", {"for": name, "value": str(data[name])})
        ET.SubElement(node, "viz:color", {c: str(data[c]) for c in "rgb"} | {"a": "1.0"})
        ET.SubElement(node, "viz:size", {"value": repr(float(data["size"]))})
        ET.SubElement(node, "viz:position", {"x": repr(data["x"]), "y": repr(data["y"]), "z": "0.0"})
    listed = edges(graph)
    links = ET.SubElement(body, "edges", {"count": str(len(listed))})
    for e in listed:
        ET.SubElement(
            links,
            "edge",
            {
                "id": e.id,
                "source": e.source,
                "target": e.target,
                "type": _GEXF_TYPE[e.directed],
                "kind": e.kind,
                "label": e.label,
                "weight": str(e.weight),
            },
        )
    return root


def write_gexf(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as a mixed UTF-8 GEXF 1.3 graph with ``viz`` colours, sizes and positions."""
    root = _gexf_tree(to_networkx(graph, base), graph)
    ET.indent(root, space="  ")
    stream.write(ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")


def _csv(rows: list[tuple], header: tuple[str, ...], stream: IO[bytes]) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    stream.write(text.getvalue().encode("utf-8"))


def write_nodes_csv(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write the node table (``nodes.csv``), one row per entity, sorted by id."""
    network = to_networkx(graph, base)
    rows = [
        (
            node,
            d["label"],
            d["type"],
            d["mentions"],
            d["iri"],
            "#{:02x}{:02x}{:02x}".format(d["r"], d["g"], d["b"]),
            d["size"],
        )
        for node, d in sorted(network.nodes(data=True))
    ]
    _csv(rows, _NODE_COLUMNS, stream)


def write_edges_csv(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write the edge table (``edges.csv``), one row per (pair, kind, direction), sorted."""
    rows = [
        (e.id, e.source, e.target, _CSV_TYPE[e.directed], e.kind, e.label, e.weight) for e in edges(graph)
    ]
    _csv(rows, _EDGE_COLUMNS, stream)
