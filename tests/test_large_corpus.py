"""A corpus of thousands of entities through every writer, each file read back by an independent reader.

Issue 10: every build past 500 entities crashed in the Gephi layout. The corpus is
article-sized texts rebuilt from the public NER sentences (``benchmarks/synthetic.py``),
so the names are real and varied; the test checks counts, not names.
"""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from kg.build import BuildSettings, build
from kg.export import EXTENSIONS, WRITERS
from kg.export.gephi import GEXF_NS as GEXF
from kg.export.graphml import to_networkx
from kg.namespaces import DEFAULT_BASE

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 95  # about 190,000 characters: every sentence of the two source files once


def _synthetic():
    # a helper of the benchmarks, loaded by path: the benchmarks folder is not a package
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    synthetic = _synthetic()
    if not all((synthetic.NER_DIR / name).is_file() for name in synthetic.SOURCES):
        pytest.fail(f"needs the NER sentences in {synthetic.NER_DIR} (../shared lies beside the project, as in CI)")
    texts = tmp_path_factory.mktemp("large") / "texts"
    synthetic.write_articles(texts, ARTICLES)
    out_dir = texts.parent / "out"
    report = build([texts], out_dir, BuildSettings(formats=tuple(sorted(WRITERS))))
    return report, out_dir


def oxigraph_count(path: Path, fmt: ox.RdfFormat) -> tuple[int, int]:
    """(distinct triples, quads) of a file as Oxigraph parses it."""
    quads = list(ox.parse(path=str(path), format=fmt))
    return len({q.triple for q in quads}), len(quads)


@pytest.mark.slow
def test_large_corpus_has_thousands_of_entities_and_writes_every_file(large):
    report, out_dir = large
    assert len(report.graph.entities) > 2000
    assert {p.name for p in report.written} == {p.name for p in out_dir.iterdir()} == set(EXTENSIONS.values())
    assert report.violations == ()


@pytest.mark.slow
def test_large_corpus_rdf_files_read_back_with_the_same_triples(large):
    report, out_dir = large
    assert len(rdflib.Graph().parse(out_dir / "graph.ttl", format="turtle")) == report.triples
    for name, fmt in (
        ("graph.ttl", ox.RdfFormat.TURTLE),
        ("graph.nt", ox.RdfFormat.N_TRIPLES),
        ("graph.jsonld", ox.RdfFormat.JSON_LD),
    ):
        assert oxigraph_count(out_dir / name, fmt) == (report.triples, report.triples), name
    nq_triples, nq_quads = oxigraph_count(out_dir / "graph.nq", ox.RdfFormat.N_QUADS)
    assert nq_triples == report.triples
    assert oxigraph_count(out_dir / "graph.trig", ox.RdfFormat.TRIG) == (nq_triples, nq_quads)
    assert nq_quads > nq_triples  # evidence sentences sit in their article's graph and the corpus's


@pytest.mark.slow
def test_large_corpus_gephi_files_read_back_with_every_node_and_edge(large):
    report, out_dir = large
    network = to_networkx(report.graph, DEFAULT_BASE)
    assert network.number_of_nodes() == len(report.graph.entities)
    parsed = nx.read_graphml(out_dir / "graph.graphml")
    assert parsed.number_of_nodes() == network.number_of_nodes()
    assert parsed.number_of_edges() == network.number_of_edges()
    # The GEXF is a mixed graph (a direction per edge), which networkx refuses: read it as XML.
    gexf = ElementTree.parse(out_dir / "graph.gexf").getroot()
    assert len(gexf.findall(f".//{{{GEXF}}}node")) == network.number_of_nodes()
    assert len(gexf.findall(f".//{{{GEXF}}}edge")) == network.number_of_edges()
    nodes = list(csv.DictReader(io.StringIO((out_dir / "nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((out_dir / "edges.csv").read_text(encoding="utf-8"))))
    assert len(nodes) == network.number_of_nodes()
    assert len(edges) == network.number_of_edges()
    positions = {(d["x"], d["y"]) for _, d in nx.read_graphml(out_dir / "graph.graphml").nodes(data=True)}
    assert len(positions) > 0.95 * network.number_of_nodes()  # drawn, not piled up
