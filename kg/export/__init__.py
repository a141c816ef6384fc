"""Output formats, one module each, behind one call shape.

Every writer is ``write_<fmt>(graph, stream, base)``: it takes a finished
``model.Graph``, writes UTF-8 bytes to an open binary stream, and makes
instance IRIs under ``base``. Writers know nothing about paths; the caller
chooses the file (``EXTENSIONS``) and writes it atomically.

What several writers need is computed once per graph, by the first writer that
asks, and kept on the graph (``memo``): the sorted quad table every RDF writer
and JSON-LD stream from (``rdf.rdf_quads``), and the node table with its layout
(``graphml.nodes``, ``layout``) that GraphML, GEXF and ``nodes.csv`` stream from as
text (no networkx graph or XML tree is built to write them). So a build that writes
every format pays for each once, and a writer called alone still works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from kg import model
from kg.explain import FILE_NAME as EXPLAIN_FILE
from kg.export.explain import write_explain
from kg.export.gephi import write_edges_csv, write_gexf, write_nodes_csv
from kg.export.graphml import write_graphml
from kg.export.jsonld import write_jsonld
from kg.export.rdf import write_nq, write_nt, write_trig, write_ttl

__all__ = ["EXTENSIONS", "WRITERS", "Writer"]

Writer = Callable[[model.Graph, IO[bytes], str], None]

#: format name -> writer
WRITERS: dict[str, Writer] = {
    "ttl": write_ttl,
    "nt": write_nt,
    "nq": write_nq,
    "trig": write_trig,
    "jsonld": write_jsonld,
    "graphml": write_graphml,
    "gexf": write_gexf,
    "nodes-csv": write_nodes_csv,
    "edges-csv": write_edges_csv,
    "explain-jsonl": write_explain,
}

#: format name -> file name its writer's output is saved as
EXTENSIONS: dict[str, str] = {
    "ttl": "graph.ttl",
    "nt": "graph.nt",
    "nq": "graph.nq",
    "trig": "graph.trig",
    "jsonld": "graph.jsonld",
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "nodes-csv": "nodes.csv",
    "edges-csv": "edges.csv",
    "explain-jsonl": EXPLAIN_FILE,  # what `kg explain` reads (kg.explain): the reasons, not the graph
}
