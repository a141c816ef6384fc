"""Gephi's own formats: GEXF 1.3 (https://gexf.net/, schema ``1.3/gexf.rnc``) and the two
CSV tables of Gephi's spreadsheet import (Data Laboratory -> Import Spreadsheet).

Both carry the same nodes and edges as the GraphML export (``graphml.nodes``,
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
from collections.abc import Iterator
from typing import IO

from kg import model
from kg.export.graphml import edges, nodes, write_lines, xml_attr

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


def _gexf_lines(graph: model.Graph, base: str) -> Iterator[str]:
    """The lines ``ET.indent(space="  ")`` and ``ET.tostring`` wrote for the GEXF tree this
    module used to build, streamed with no tree in memory."""
    listed_nodes, listed_edges = nodes(graph, base), edges(graph)
    yield "<?xml version='1.0' encoding='utf-8'?>"
    yield f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.3">'
    yield "  <meta>"
    yield "    <creator>kg</creator>"
    yield "  </meta>"
    yield '  <graph idtype="string">'
    yield '    <attributes class="node">'
    for name, kind in _NODE_ATTRIBUTES.items():
        yield f'      <attribute id="{name}" title="{name}" type="{kind}" />'
    yield "    </attributes>"
    if not listed_nodes:
        yield '    <nodes count="0" />'
    else:
        yield f'    <nodes count="{len(listed_nodes)}">'
        for n in listed_nodes:
            yield f'      <node id="{xml_attr(n.key)}" label="{xml_attr(n.label)}">'
            yield "        <attvalues>"
            yield f'          <attvalue for="type" value="{xml_attr(n.type)}" />'
            yield f'          <attvalue for="mentions" value="{n.mentions}" />'
            yield f'          <attvalue for="iri" value="{xml_attr(n.iri)}" />'
            yield "        </attvalues>"
            yield f'        <viz:color r="{n.r}" g="{n.g}" b="{n.b}" a="1.0" />'
            yield f'        <viz:size value="{float(n.size)!r}" />'
            yield f'        <viz:position x="{n.x!r}" y="{n.y!r}" z="0.0" />'
            yield "      </node>"
        yield "    </nodes>"
    if not listed_edges:
        yield '    <edges count="0" />'
    else:
        yield f'    <edges count="{len(listed_edges)}">'
        for e in listed_edges:
            yield (
                f'      <edge id="{e.id}" source="{xml_attr(e.source)}" target="{xml_attr(e.target)}" '
                f'type="{_GEXF_TYPE[e.directed]}" kind="{e.kind}" label="{xml_attr(e.label)}" weight="{e.weight}" />'
            )
        yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"


def write_gexf(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as a mixed UTF-8 GEXF 1.3 graph with ``viz`` colours, sizes and positions,
    streamed line by line (the bytes of the ElementTree this module used to build: tested so)."""
    write_lines(_gexf_lines(graph, base), stream)


def _csv(rows: list[tuple], header: tuple[str, ...], stream: IO[bytes]) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    stream.write(text.getvalue().encode("utf-8"))


def write_nodes_csv(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write the node table (``nodes.csv``), one row per entity, sorted by id."""
    rows = [
        (n.key, n.label, n.type, n.mentions, n.iri, f"#{n.r:02x}{n.g:02x}{n.b:02x}", n.size)
        for n in nodes(graph, base)
    ]
    _csv(rows, _NODE_COLUMNS, stream)


def write_edges_csv(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write the edge table (``edges.csv``), one row per (pair, kind, direction), sorted."""
    rows = [
        (e.id, e.source, e.target, _CSV_TYPE[e.directed], e.kind, e.label, e.weight) for e in edges(graph)
    ]
    _csv(rows, _EDGE_COLUMNS, stream)
