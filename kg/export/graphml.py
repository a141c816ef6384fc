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

import io
import math
import re
from collections import defaultdict
from typing import IO, NamedTuple

import networkx as nx

from kg import model
from kg.export.layout import layout
from kg.export.memo import memoised
from kg.labels import COLOUR_OF, DIRECTED, RELATIONS, TYPE_OF
from kg.namespaces import iri_for_entity

__all__ = ["Edge", "edges", "node_size", "to_networkx", "write_graphml"]

_BOOLEAN_KEY = re.compile(rb'<key id="([^"]+)" for="edge" attr.name="[^"]+" attr.type="boolean"')

#: what joins several post titles of one person at one body in an edge's label
TITLE_SEPARATOR = ";"


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


def to_networkx(graph: model.Graph, base: str) -> nx.MultiDiGraph:
    """The entity network of ``graph``; node ids are entity keys, edge keys are ``Edge.id``."""
    out = nx.MultiDiGraph()
    for entity in sorted(graph.entities, key=lambda e: e.key):
        r, g, b = COLOUR_OF[entity.label]
        out.add_node(
            entity.key,
            label=entity.name,
            type=TYPE_OF[entity.label],
            iri=str(iri_for_entity(base, entity.label, entity.local_name)),
            mentions=len(entity.mentions),
            r=r,
            g=g,
            b=b,
            size=node_size(len(entity.mentions)),
        )
    network_edges = edges(graph)
    for e in network_edges:
        out.add_edge(
            e.source, e.target, key=e.id, kind=e.kind, label=e.label, directed=e.directed, weight=e.weight
        )
    positions = memoised(graph, "layout", lambda: _positions(list(out.nodes), network_edges))
    for node, (x, y) in zip(out.nodes, positions, strict=True):
        out.nodes[node]["x"] = x
        out.nodes[node]["y"] = y
    return out


def _positions(nodes: list[str], network_edges: tuple[Edge, ...]) -> list[tuple[float, float]]:
    """``(x, y)`` of each node of ``nodes`` (sorted), from ``layout.layout``.

    The layout's springs are the related pairs, whatever the kinds and directions
    between them: each pair once, lower index first, sorted."""
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[e.source], index[e.target]))) for e in network_edges})
    return [(float(x), float(y)) for x, y in layout(len(index), pairs)]


def _lowercase_booleans(data: bytes) -> bytes:
    """``true``/``false`` as XML Schema spells them: networkx writes Python's ``True``/``False``
    (its own reader, igraph and Gephi accept either; a validating reader need not)."""
    for key in _BOOLEAN_KEY.findall(data):
        for word in (b"True", b"False"):
            written = b'<data key="%s">%s</data>' % (key, word)
            data = data.replace(written, written.replace(word, word.lower()))
    return data


def write_graphml(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 GraphML, nodes and edges in sorted order."""
    buffer = io.BytesIO()
    # the stdlib writer, not ``nx.write_graphml`` (lxml when installed), so the
    # bytes do not depend on whether lxml happens to be present
    nx.write_graphml_xml(to_networkx(graph, base), buffer, encoding="utf-8", prettyprint=True)
    data = _lowercase_booleans(buffer.getvalue())
    stream.write(data if data.endswith(b"\n") else data + b"\n")
