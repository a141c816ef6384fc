"""The streamed GraphML and GEXF writers against the tree writers they replaced.

``write_graphml`` and ``write_gexf`` write their lines as text (no networkx graph, no XML
tree), for speed on large corpora; the files must stay the bytes the libraries wrote. The
references here are those libraries: networkx's stdlib GraphML writer on ``to_networkx``
(with booleans lower-cased, as the old writer did) and an ElementTree GEXF tree built as the
old writer built it. Names carry every character XML escapes, so an escaping slip shows.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg import model
from kg.export.gephi import GEXF_NS, VIZ_NS, write_gexf, write_nodes_csv
from kg.export.graphml import edges, nodes, to_networkx, write_graphml, xml_attr, xml_text
from kg.export.jsonld import to_jsonld, write_jsonld
from kg.namespaces import DEFAULT_BASE

_BOOLEAN_KEY = re.compile(rb'<key id="([^"]+)" for="edge" attr.name="[^"]+" attr.type="boolean"')
#: every character ElementTree escapes in text or attributes, and two that it leaves alone
AWKWARD = 'A&B<C>D"E\'F\nG\tH\rI中'


def written(writer, graph: model.Graph) -> bytes:
    stream = io.BytesIO()
    writer(graph, stream, DEFAULT_BASE)
    return stream.getvalue()


def networkx_graphml(graph: model.Graph) -> bytes:
    """What the previous writer wrote: networkx's stdlib writer, then booleans lower-cased."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(to_networkx(graph, DEFAULT_BASE), buffer, encoding="utf-8", prettyprint=True)
    data = buffer.getvalue()
    for key in _BOOLEAN_KEY.findall(data):
        for word in (b"True", b"False"):
            old = b'<data key="%s">%s</data>' % (key, word)
            data = data.replace(old, old.replace(word, word.lower()))
    return data if data.endswith(b"\n") else data + b"\n"


def tree_gexf(graph: model.Graph) -> bytes:
    """What the previous writer wrote: an ElementTree built node by node, indented."""
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "kg"
    body = ET.SubElement(root, "graph", {"idtype": "string"})
    declared = ET.SubElement(body, "attributes", {"class": "node"})
    for name, kind in (("type", "string"), ("mentions", "integer"), ("iri", "string")):
        ET.SubElement(declared, "attribute", {"id": name, "title": name, "type": kind})
    network = to_networkx(graph, DEFAULT_BASE)
    listed = ET.SubElement(body, "nodes", {"count": str(network.number_of_nodes())})
    for key, data in network.nodes(data=True):
        node = ET.SubElement(listed, "node", {"id": key, "label": data["label"]})
        values = ET.SubElement(node, "attvalues")
        for name in ("type", "mentions", "iri"):
            ET.SubElement(values, "attvalue", {"for": name, "value": str(data[name])})
        ET.SubElement(node, "viz:color", {c: str(data[c]) for c in "rgb"} | {"a": "1.0"})
        ET.SubElement(node, "viz:size", {"value": repr(float(data["size"]))})
        ET.SubElement(node, "viz:position", {"x": repr(data["x"]), "y": repr(data["y"]), "z": "0.0"})
    links = ET.SubElement(body, "edges", {"count": str(len(edges(graph)))})
    for e in edges(graph):
        kind = "directed" if e.directed else "undirected"
        ET.SubElement(links, "edge", {
            "id": e.id, "source": e.source, "target": e.target, "type": kind, "kind": e.kind,
            "label": e.label, "weight": str(e.weight),
        })
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


@pytest.fixture
def awkward(graph) -> model.Graph:
    """The seed graph with a person whose name and key hold every awkward character, holding a
    post whose title does too, and a partner relation (an undirected edge)."""
    key = "PER:" + AWKWARD
    person = model.Entity(key, "PER", AWKWARD, (), graph.entities[0].mentions)
    body = next(e.key for e in graph.entities if e.label == "ORG")
    place = next(e.key for e in graph.entities if e.label == "LOC")
    relations = (
        model.Relation("role", key, body, role=AWKWARD),
        model.Relation("role", key, body, role="主任"),
        model.Relation("partner", place, key),
    )
    return dataclasses.replace(graph, entities=(*graph.entities, person), relations=(*graph.relations, *relations))


@pytest.mark.parametrize("shape", ["seed", "awkward", "no edges", "empty"])
def test_streamed_graphml_and_gexf_are_the_bytes_of_the_tree_writers(graph, awkward, shape):
    chosen = {
        "seed": graph,
        "awkward": awkward,
        "no edges": dataclasses.replace(graph, relations=()),
        "empty": dataclasses.replace(graph, entities=(), relations=()),
    }[shape]
    assert written(write_graphml, chosen) == networkx_graphml(chosen)
    assert written(write_gexf, chosen) == tree_gexf(chosen)


def test_streamed_files_read_back_with_the_awkward_names_intact(awkward):
    network = nx.read_graphml(io.BytesIO(written(write_graphml, awkward)), force_multigraph=True)
    key = "PER:" + AWKWARD  # an attribute: \r, \n, \t kept as character references
    in_text = AWKWARD.replace("\r", "\n")  # element text: XML parsers turn a raw CR into LF
    assert network.nodes[key]["label"] == in_text
    assert sorted(d["label"] for _, _, d in network.edges(key, data=True)) == [";".join(sorted([in_text, "主任"]))]
    root = ET.fromstring(written(write_gexf, awkward))
    assert {n.get("id"): n.get("label") for n in root.iter(f"{{{GEXF_NS}}}node")}[key] == AWKWARD


def test_escaping_matches_elementtree():
    assert xml_text(AWKWARD) == ET._escape_cdata(AWKWARD)  # the rule being matched
    assert xml_attr(AWKWARD) == ET._escape_attrib(AWKWARD)


def test_nodes_csv_rows_are_the_shared_node_table(awkward):
    rows = written(write_nodes_csv, awkward).decode("utf-8")
    table = nodes(awkward, DEFAULT_BASE)
    assert [n.key for n in table] == sorted(e.key for e in awkward.entities)
    assert rows.count("\n") >= len(table) + 1
    assert all(n.iri in rows for n in table)


def test_streamed_jsonld_is_the_document_dumped_whole_with_awkward_names(awkward):
    """The JSON-LD writer renders each object once and sorts by its own keys: with names that
    json escapes and names that are prefixes of others (``甲`` < ``甲!``, whose JSON strings sort
    the other way), its bytes stay ``json.dumps`` of the whole document."""
    extra = tuple(
        model.Entity(f"ORG:{name}", "ORG", name, (name, name + " ", "\\" + name), awkward.entities[0].mentions)
        for name in ("甲", "甲!", 'q"uote\\', "甲\n乙")
    )
    chosen = dataclasses.replace(awkward, entities=(*awkward.entities, *extra))
    whole = json.dumps(to_jsonld(chosen, DEFAULT_BASE), ensure_ascii=False, indent=1).encode() + b"\n"
    assert written(write_jsonld, chosen) == whole
    assert '"甲!"' in whole.decode()
