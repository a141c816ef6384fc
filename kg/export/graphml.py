"""Write a ``model.Graph`` as GraphML (http://graphml.graphdrawing.org/specification.html)
for Gephi, igraph, Cytoscape and networkx.

The network is undirected and simple: one node per entity, one edge per pair
of entities that any relation joins. GraphML readers disagree on multi-edges
and on attribute types beyond string/int/double, so relations between the same
pair are merged into one edge and every attribute is a primitive: nodes carry
``label`` (canonical name), ``type`` (``labels.TYPE_OF``), ``iri`` and
``mentions`` (int); edges carry ``relation`` and ``label`` (str) and ``weight``
(int, the summed relation weights).

So that the file opens in Gephi already drawn, nodes also carry the attributes
its GraphML importer reads as visual properties (``ImporterGraphML``: ``r``,
``g``, ``b`` ints for the colour, by type, ``labels.COLOUR_OF``; ``size``, a
double growing with the mentions; ``x``, ``y``, doubles from the seeded
force-directed layout of ``kg.export.layout``, computed once per graph for every
Gephi file), and edges ``label`` and ``weight``.

Not supported: edge direction (``suborg``, ``located`` and ``role`` lose which
end is which; the RDF export keeps it), provenance spans, entity variants and
attributes, and role relations without an organization (they join nothing).
A relation naming an unknown entity or kind raises ``ValueError``.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from typing import IO

import networkx as nx

from kg import model
from kg.export.layout import layout
from kg.export.memo import memoised
from kg.labels import COLOUR_OF, RELATIONS, TYPE_OF
from kg.namespaces import iri_for_entity

__all__ = ["node_size", "to_networkx", "write_graphml"]


def node_size(mentions: int) -> float:
    """A node's size in Gephi's units: area roughly in proportion to its mentions."""
    return round(10.0 + 6.0 * math.sqrt(mentions), 2)


#: relation kinds that become edges, in the order their names are joined
_EDGE_KINDS = RELATIONS


def _edge_name(rel: model.Relation) -> str:
    """What an edge says: the title as written for roles, else the kind."""
    if rel.kind == "role" and rel.role:
        return rel.role
    return rel.kind


def _merge(relations: list[model.Relation]) -> dict[str, str | int]:
    """One edge's attributes from every relation joining the same pair.

    ``relation`` lists the distinct non-``cooccur`` names (strongest kind first,
    by the order of ``labels.RELATIONS``) joined by ``;``, or ``cooccur`` when
    the two are only mentioned together.
    """
    named = sorted(
        {
            (_EDGE_KINDS.index(r.kind), _edge_name(r))
            for r in relations
            if r.kind != "cooccur"
        }
    )
    names = list(dict.fromkeys(name for _, name in named))
    relation = ";".join(names) if names else "cooccur"
    return {"relation": relation, "label": relation, "weight": sum(r.weight for r in relations)}


def to_networkx(graph: model.Graph, base: str) -> nx.Graph:
    """The entity network of ``graph``; node ids are entity keys."""
    out = nx.Graph()
    entities = sorted(graph.entities, key=lambda e: e.key)
    for entity in entities:
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

    pairs: dict[tuple[str, str], list[model.Relation]] = defaultdict(list)
    for rel in graph.relations:
        if rel.kind not in _EDGE_KINDS:
            raise ValueError(f"unsupported relation kind {rel.kind!r}")
        if rel.tail is None:  # a title with no organization joins nothing
            continue
        for key in (rel.head, rel.tail):
            if key not in out:
                raise ValueError(
                    f"{rel.kind!r} relation refers to unknown entity {key!r}"
                )
        a, b = sorted((rel.head, rel.tail))
        pairs[a, b].append(rel)
    for a, b in sorted(pairs):
        out.add_edge(a, b, **_merge(pairs[a, b]))
    positions = memoised(graph, "layout", lambda: _positions(out))
    for node, (x, y) in zip(out.nodes, positions, strict=True):
        out.nodes[node]["x"] = x
        out.nodes[node]["y"] = y
    return out


def _positions(network: nx.Graph) -> list[tuple[float, float]]:
    """``(x, y)`` of each node in ``network``'s (sorted) node order, from ``layout.layout``."""
    index = {node: i for i, node in enumerate(network.nodes)}
    edges = sorted((index[a], index[b]) for a, b in network.edges)
    return [(float(x), float(y)) for x, y in layout(len(index), edges)]


def write_graphml(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 GraphML, nodes and edges in sorted order."""
    buffer = io.BytesIO()
    # the stdlib writer, not ``nx.write_graphml`` (lxml when installed), so the
    # bytes do not depend on whether lxml happens to be present
    nx.write_graphml_xml(
        to_networkx(graph, base), buffer, encoding="utf-8", prettyprint=True
    )
    data = buffer.getvalue()
    stream.write(data if data.endswith(b"\n") else data + b"\n")
