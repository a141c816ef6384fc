"""Gephi's own formats: GEXF 1.2 (https://gexf.net/) and the two CSV tables of Gephi's
spreadsheet import (Data Laboratory → Import Spreadsheet).

Both are views of the same network as the GraphML export (``graphml.to_networkx``):
one node per entity, one undirected edge per related pair. GEXF carries the
visual properties in its ``viz`` namespace (colour by type, size by mentions,
position from the seeded layout), so the file opens drawn; the CSV tables use
the column names Gephi's importer recognises (``Id``, ``Label``; ``Source``,
``Target``, ``Type``, ``Weight``, ``Label``) plus our own columns, and a
``Color`` column as ``#rrggbb``.
"""

from __future__ import annotations

import csv
import io
import re
from typing import IO

import networkx as nx

from kg import model
from kg.export.graphml import to_networkx

__all__ = ["write_edges_csv", "write_gexf", "write_nodes_csv"]

# networkx stamps the day and its own version: neither is a property of the graph.
_META = re.compile(rb"<meta[^>]*>.*?</meta>", re.S)
_OUR_META = b"<meta>\n    <creator>kg</creator>\n  </meta>"
_NODE_COLUMNS = ("Id", "Label", "type", "mentions", "iri", "Color", "size")
_EDGE_COLUMNS = ("Source", "Target", "Type", "Weight", "Label", "relation")


def _viz(network: nx.Graph) -> nx.Graph:
    """A copy whose nodes carry networkx's GEXF ``viz`` dict instead of loose r/g/b/size/x/y."""
    out = nx.Graph()
    for node, data in network.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("r", "g", "b", "size", "x", "y")}
        attrs["viz"] = {
            "color": {"r": data["r"], "g": data["g"], "b": data["b"], "a": 1.0},
            "size": data["size"],
            "position": {"x": data["x"], "y": data["y"], "z": 0.0},
        }
        out.add_node(node, **attrs)
    for a, b, data in network.edges(data=True):
        out.add_edge(a, b, **data)
    return out


def write_gexf(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 GEXF 1.2 with ``viz`` colours, sizes and positions."""
    buffer = io.BytesIO()
    nx.write_gexf(_viz(to_networkx(graph, base)), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    data = _META.sub(_OUR_META, buffer.getvalue(), count=1)
    stream.write(data if data.endswith(b"\n") else data + b"\n")


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
    """Write the edge table (``edges.csv``), one row per related pair, sorted."""
    network = to_networkx(graph, base)
    rows = [
        (a, b, "Undirected", d["weight"], d["label"], d["relation"])
        for a, b, d in sorted((*sorted((a, b)), d) for a, b, d in network.edges(data=True))
    ]
    _csv(rows, _EDGE_COLUMNS, stream)
