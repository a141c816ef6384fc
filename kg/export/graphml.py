"""Write a ``model.Graph`` as GraphML (http://graphml.graphdrawing.org/specification.html)
for networkx, igraph, Cytoscape and Gephi.

The network is a directed multigraph: one node per entity, and one edge per
(pair, kind, direction) (``edges``), so a person's post, a unit's parent, a
body's place and a program's organizer keep which end is which, and kinds
between one pair are never merged into one edge (weights add up within a kind).
Directed kinds (``labels.DIRECTED``) go from ``head`` to ``tail``: person ->
body (``role``), unit -> parent (``suborg``), thing -> place (``located``),
program -> organizer (``organizer``). ``partner`` and ``cooccur`` have no
direction: each is written once, its ends in key order.

How direction is written, and why: GraphML allows a mixed graph (an
``edgedefault`` plus a ``directed="false"`` attribute on single edges), but
networkx refuses one (``read_graphml`` raises "directed=false edge found in
directed graph") and igraph ignores the per-edge attribute. So the file says
``edgedefault="directed"`` with no per-edge attribute, which every reader takes
the same way, and each edge carries a boolean ``directed`` attribute: ``false``
on ``partner`` and ``cooccur`` edges, whose source -> target order means nothing.
Gephi opens the file, but draws those two kinds with arrowheads and, as its GraphML
importer knows no edge kind, merges edges that join two nodes in one direction
(``located`` and ``cooccur`` between a place and its province become one); the
mixed graph with kinds kept apart, as Gephi reads it, is in ``graph.gexf`` and
``edges.csv`` (``kg.export.gephi``).

Attributes are primitives: nodes carry ``label`` (canonical name), ``type``
(``labels.TYPE_OF``), ``iri`` and ``mentions`` (int); edges carry their GraphML
``id`` (``e0``, ``e1`` ...: networkx's edge key, igraph's ``id``), ``kind`` (one of
``labels.RELATIONS``), ``label`` (the post titles of a ``role`` edge, joined by
``;``, else the kind), ``directed`` (boolean) and ``weight`` (int, the summed
relation weights). So that the file opens drawn, nodes also carry the attributes
Gephi's GraphML importer reads as visual properties (``r``, ``g``, ``b`` ints by
type, ``labels.COLOUR_OF``; ``size``, a double growing with the mentions; ``x``,
``y``, doubles from the seeded layout of ``kg.export.layout``, computed once per
graph for every Gephi file).

Not supported: provenance spans, entity variants and attributes, and role
relations without an organization (they join nothing). A relation naming an
unknown entity or kind raises ``ValueError``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import IO, NamedTuple
from xml.sax.saxutils import escape

import networkx as nx

from kg import model
from kg.export.layout import layout
from kg.export.memo import memoised
from kg.labels import COLOUR_OF, DIRECTED, RELATIONS, TYPE_OF
from kg.namespaces import iri_for_entity

__all__ = ["Edge", "Node", "edges", "node_size", "nodes", "to_networkx", "write_graphml", "xml_attr", "xml_text"]

#: what joins several post titles of one person at one body in an edge's label
TITLE_SEPARATOR = ";"

#: lines handed to the stream at a time: few writes, never the whole file in memory
_CHUNK = 4096


class Edge(NamedTuple):
    """One edge of the network files: every relation of one kind from ``source`` to ``target``.

    For a kind without direction (``directed`` false) ``source`` < ``target``."""

    id: str
    source: str
    target: str
    kind: str
    directed: bool
    label: str
    weight: int


def node_size(mentions: int) -> float:
    """A node's size in Gephi's units: area roughly in proportion to its mentions."""
    return round(10.0 + 6.0 * math.sqrt(mentions), 2)


def _label(kind: str, relations: list[model.Relation]) -> str:
    """The post titles as written for a ``role`` edge (``主任;党组书记``), else the kind."""
    titles = sorted({r.role for r in relations if r.role}) if kind == "role" else []
    return TITLE_SEPARATOR.join(titles) or kind


def _edges(graph: model.Graph) -> tuple[Edge, ...]:
    known = {e.key for e in graph.entities}
    groups: dict[tuple[str, str, str], list[model.Relation]] = defaultdict(list)
    for rel in graph.relations:
        if rel.kind not in DIRECTED:
            raise ValueError(f"unsupported relation kind {rel.kind!r}")
        if rel.tail is None:  # a title with no organization joins nothing
            continue
        for key in (rel.head, rel.tail):
            if key not in known:
                raise ValueError(f"{rel.kind!r} relation refers to unknown entity {key!r}")
        ends = (rel.head, rel.tail) if DIRECTED[rel.kind] else tuple(sorted((rel.head, rel.tail)))
        groups[(*ends, rel.kind)].append(rel)
    order = sorted(groups, key=lambda k: (k[0], k[1], RELATIONS.index(k[2])))
    return tuple(
        Edge(
            f"e{i}", source, target, kind, DIRECTED[kind], _label(kind, groups[source, target, kind]),
            sum(r.weight for r in groups[source, target, kind]),
        )
        for i, (source, target, kind) in enumerate(order)
    )


def edges(graph: model.Graph) -> tuple[Edge, ...]:
    """The edges of ``graph``'s network, sorted by source, target and kind (``labels.RELATIONS``
    order); ids ``e0``, ``e1`` ... in that order. Computed once per graph for every writer."""
    return memoised(graph, "network-edges", lambda: _edges(graph))


class Node(NamedTuple):
    """One node of the network files, with every attribute they write (GraphML's order)."""

    key: str
    label: str
    type: str
    iri: str
    mentions: int
    r: int
    g: int
    b: int
    size: float
    x: float
    y: float


def _nodes(graph: model.Graph, base: str) -> tuple[Node, ...]:
    entities = sorted(graph.entities, key=lambda e: e.key)
    keys = [e.key for e in entities]
    positions = memoised(graph, "layout", lambda: _positions(keys, edges(graph)))
    out = []
    for entity, (x, y) in zip(entities, positions, strict=True):
        r, g, b = COLOUR_OF[entity.label]
        mentions = len(entity.mentions)
        out.append(
            Node(
                entity.key, entity.name, TYPE_OF[entity.label],
                str(iri_for_entity(base, entity.label, entity.local_name)),
                mentions, r, g, b, node_size(mentions), x, y,
            )
        )
    return tuple(out)


def nodes(graph: model.Graph, base: str) -> tuple[Node, ...]:
    """The nodes of ``graph``'s network, sorted by key, with their positions: computed once per
    graph (and base) for GraphML, GEXF and ``nodes.csv``, which used to build a networkx graph each."""
    return memoised(graph, ("network-nodes", base), lambda: _nodes(graph, base))


def to_networkx(graph: model.Graph, base: str) -> nx.MultiDiGraph:
    """The entity network of ``graph``; node ids are entity keys, edge keys are ``Edge.id``.

    Not used by the writers (they stream the same nodes and edges as text); kept for
    callers that want the network in memory, and as the reference the writers are tested against."""
    out = nx.MultiDiGraph()
    for node in nodes(graph, base):
        attributes = node._asdict()
        del attributes["key"]
        out.add_node(node.key, **attributes)
    for e in edges(graph):
        out.add_edge(
            e.source, e.target, key=e.id, kind=e.kind, label=e.label, directed=e.directed, weight=e.weight
        )
    return out


def _positions(keys: list[str], network_edges: tuple[Edge, ...]) -> list[tuple[float, float]]:
    """``(x, y)`` of each node of ``keys`` (sorted), from ``layout.layout``.

    The layout's springs are the related pairs, whatever the kinds and directions
    between them: each pair once, lower index first, sorted."""
    index = {key: i for i, key in enumerate(keys)}
    pairs = sorted({tuple(sorted((index[e.source], index[e.target]))) for e in network_edges})
    return [(float(x), float(y)) for x, y in layout(len(index), pairs)]


def xml_text(text: str) -> str:
    """Character data escaped as ``xml.etree.ElementTree`` escapes it (so the bytes stay those
    the tree writers wrote): ``&``, ``<``, ``>``."""
    return escape(text)


#: What an attribute value escapes besides ``xml_text``'s three, as ElementTree writes it: the
#: quote and the three whitespace characters an attribute would otherwise normalise.
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def xml_attr(text: str) -> str:
    """An attribute value escaped as ``xml.etree.ElementTree`` escapes it."""
    return escape(text, _ATTRIBUTE_ENTITIES)


def write_lines(lines: Iterable[str], stream: IO[bytes]) -> None:
    """Write ``lines`` (each without its newline) as UTF-8, a chunk at a time."""
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= _CHUNK:
            chunk.append("")
            stream.write("\n".join(chunk).encode("utf-8"))
            chunk = []
    chunk.append("")
    stream.write("\n".join(chunk).encode("utf-8"))


#: (attribute, GraphML type) of nodes, then of edges, in the order networkx met them
_NODE_KEYS = (
    ("label", "string"), ("type", "string"), ("iri", "string"), ("mentions", "long"), ("r", "long"),
    ("g", "long"), ("b", "long"), ("size", "double"), ("x", "double"), ("y", "double"),
)
_EDGE_KEYS = (("kind", "string"), ("label", "string"), ("directed", "boolean"), ("weight", "long"))


def _data(key: str, value: str) -> str:
    """One ``<data>`` line; an empty value as ElementTree writes an element with no text."""
    if not value:
        return f'      <data key="{key}" />'
    return f'      <data key="{key}">{xml_text(value)}</data>'


def _graphml_lines(graph: model.Graph, base: str) -> Iterator[str]:
    """The lines networkx's ``write_graphml_xml(..., prettyprint=True)`` wrote for
    ``to_networkx(graph)`` (keys numbered as it met them, declared newest first), with
    booleans spelled as XML Schema does; streamed, with no tree in memory."""
    listed_nodes, listed_edges = nodes(graph, base), edges(graph)
    keys = [("node", *k) for k in _NODE_KEYS] if listed_nodes else []
    keys += [("edge", *k) for k in _EDGE_KEYS] if listed_edges else []
    yield "<?xml version='1.0' encoding='utf-8'?>"
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    )
    for number in reversed(range(len(keys))):
        scope, name, kind = keys[number]
        yield f'  <key id="d{number}" for="{scope}" attr.name="{name}" attr.type="{kind}" />'
    if not listed_nodes:
        yield '  <graph edgedefault="directed" />'
        yield "</graphml>"
        return
    yield '  <graph edgedefault="directed">'
    for n in listed_nodes:
        yield f'    <node id="{xml_attr(n.key)}">'
        for number, value in enumerate((n.label, n.type, n.iri, n.mentions, n.r, n.g, n.b, n.size, n.x, n.y)):
            yield _data(f"d{number}", str(value))
        yield "    </node>"
    first = len(_NODE_KEYS)
    for e in listed_edges:
        yield f'    <edge source="{xml_attr(e.source)}" target="{xml_attr(e.target)}" id="{e.id}">'
        values = (e.kind, e.label, "true" if e.directed else "false", str(e.weight))
        for number, value in enumerate(values, start=first):
            yield _data(f"d{number}", value)
        yield "    </edge>"
    yield "  </graph>"
    yield "</graphml>"


def write_graphml(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 GraphML, nodes and edges in sorted order, streamed line by line
    (the bytes networkx's stdlib writer wrote, without its graph and XML tree: tested so)."""
    write_lines(_graphml_lines(graph, base), stream)
