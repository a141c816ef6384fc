"""One contract over every registered writer (as rdflib's test_finalnewline.py)."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import model
from kg.export import EXTENSIONS, WRITERS
from kg.export.jsonld import to_jsonld
from kg.export.quads import Quads
from kg.export.rdf import rdf_quads
from kg.namespaces import DEFAULT_BASE, PREFIXES, RDF, SKOS, XSD


def shuffled(graph: model.Graph, rng: random.Random) -> model.Graph:
    entities = list(graph.entities)
    relations = list(graph.relations)
    rng.shuffle(entities)
    rng.shuffle(relations)
    return dataclasses.replace(
        graph, entities=tuple(entities), relations=tuple(relations)
    )


def write(fmt: str, graph: model.Graph) -> bytes:
    stream = io.BytesIO()
    WRITERS[fmt](graph, stream, DEFAULT_BASE)
    return stream.getvalue()


def test_writers_each_has_a_file_name():
    assert set(EXTENSIONS) == set(WRITERS)
    assert len(set(EXTENSIONS.values())) == len(EXTENSIONS)
    # graph.ttl for "ttl", nodes.csv for "nodes-csv"
    assert all(name.endswith("." + fmt.split("-")[-1]) for fmt, name in EXTENSIONS.items())


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_writers_output_is_utf8_ending_in_newline(fmt, graph):
    data = write(fmt, graph)
    assert data
    assert data.endswith(b"\n")
    assert "刘家城" in data.decode("utf-8")


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_writers_output_ignores_input_order(fmt, graph):
    expected = write(fmt, graph)
    rng = random.Random(20230407)
    for _ in range(10):
        assert write(fmt, shuffled(graph, rng)) == expected


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_writers_accept_an_empty_graph(fmt):
    data = write(fmt, model.Graph(documents=(), entities=(), relations=()))
    assert data == b"" or data.endswith(b"\n")  # an empty N-Triples file is valid


def test_writers_output_is_the_same_in_another_process(graph, tmp_path):
    # another interpreter, another string-hash seed: set or dict order must not reach the bytes
    script = (
        "import sys, io, pathlib\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from conftest import build_graph\n"
        "from kg.export import WRITERS\n"
        "from kg.namespaces import DEFAULT_BASE\n"
        "for fmt, writer in WRITERS.items():\n"
        "    stream = io.BytesIO()\n"
        "    writer(build_graph(), stream, DEFAULT_BASE)\n"
        f"    pathlib.Path({str(tmp_path)!r}, fmt).write_bytes(stream.getvalue())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    for fmt in WRITERS:
        assert (tmp_path / fmt).read_bytes() == write(fmt, graph), fmt


def test_writers_line_formats_are_the_bytes_pyoxigraph_serialises(graph):
    """N-Triples and N-Quads are written from each term's text, not through ox.serialize:
    the same bytes, on the fixture's graph and on literals that need escaping."""
    quads = rdf_quads(graph, DEFAULT_BASE)
    for dataset, rows, fmt in ((False, quads.iter_triples(), ox.RdfFormat.N_TRIPLES),
                               (True, quads.iter_quads(), ox.RdfFormat.N_QUADS)):
        expected, written = io.BytesIO(), io.BytesIO()
        ox.serialize(rows, expected, fmt)
        quads.write_lines(written, dataset=dataset)
        assert written.getvalue() == expected.getvalue()
    odd = [ox.NamedNode("http://example.org/é"), ox.NamedNode("http://example.org/p"),
           ox.Literal('引"号\\\n\r\t\x00\x7f\u2028'), ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer))),
           ox.Literal("中", language="zh")]
    table = Quads.from_rows(odd, [(0, 0, 1, o) for o in (2, 3, 4)])
    expected, written = io.BytesIO(), io.BytesIO()
    ox.serialize(table.iter_quads(), expected, ox.RdfFormat.N_QUADS)
    table.write_lines(written, dataset=True)
    assert written.getvalue() == expected.getvalue()


def test_writers_line_formats_from_texts_in_utf8_are_the_same_bytes(graph):
    """The side writer hands ``serial.write_lines`` each term's text already in UTF-8 (encoded
    once for N-Quads and N-Triples): the same bytes as from the texts as ``str``."""
    from kg.export.serial import encoded, write_lines

    odd = [ox.NamedNode("http://example.org/é"), ox.NamedNode("http://example.org/p"),
           ox.Literal('引"号\\\n\r\t\x00\x7f\u2028'), ox.Literal("中", language="zh")]
    for table in (rdf_quads(graph, DEFAULT_BASE), Quads.from_rows(odd, [(0, 0, 1, o) for o in (2, 3)])):
        utf8 = encoded(table.texts)
        assert all(isinstance(t, bytes) for t in utf8) and encoded(utf8) == utf8
        for dataset, rows in ((False, table.triples), (True, table.quads)):
            expected, written = io.BytesIO(), io.BytesIO()
            table.write_lines(expected, dataset=dataset)
            write_lines(utf8, rows, written, dataset=dataset)
            assert written.getvalue() == expected.getvalue()


def _odd_table() -> Quads:
    """Terms that test the serialisers' escaping and short forms: quotes, backslashes, line
    breaks, control and separator characters, typed literals written bare in Turtle (integers,
    decimals, booleans), prefixed names that need escapes, ``rdf:type`` as predicate and as
    object, two graphs, several subjects, predicates and objects sharing a subject."""
    odd = [ox.NamedNode("http://example.org/é"), ox.NamedNode("http://example.org/p"),
           ox.Literal('引"号\\\n\r\t\x00\x7f\u2028 \'\'\'x'), ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer))),
           ox.Literal("中", language="zh"), ox.Literal("1.5", datatype=ox.NamedNode(str(XSD.decimal))),
           ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean))),
           ox.Literal("-05", datatype=ox.NamedNode(str(XSD.integer))),
           ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SKOS.prefLabel)), ox.NamedNode(str(SKOS) + "a.b%20c/d."),
           ox.NamedNode("http://example.org/g2"), ox.Literal("x", datatype=ox.NamedNode("http://example.org/dt"))]
    rows = [(g, s, p, o) for g in (0, 11) for s in (0, 1, 9) for p in (1, 8, 9, 10) for o in range(2, 13)
            if (s + p + o + g) % 3]
    return Quads.from_rows(odd, rows)


def test_writers_turtle_and_trig_are_the_bytes_pyoxigraph_serialises(graph):
    """Turtle and TriG are joined from each term's form, not written through ox.serialize
    one ``Triple`` at a time: the same bytes, on the fixture's graph, on terms that need
    escapes or short forms, and on an empty table."""
    empty = Quads.from_rows([], [])
    for table in (rdf_quads(graph, DEFAULT_BASE), _odd_table(), empty):
        for dataset, rows, fmt in ((False, table.iter_triples(), ox.RdfFormat.TURTLE),
                                   (True, table.iter_quads(), ox.RdfFormat.TRIG)):
            expected, written = io.BytesIO(), io.BytesIO()
            ox.serialize(rows, expected, fmt, prefixes=PREFIXES)
            table.write_turtle(written, dataset=dataset)
            assert written.getvalue() == expected.getvalue(), (fmt, len(table))
    assert len(_odd_table()) > 100


def test_writers_turtle_forms_made_a_chunk_of_terms_at_a_time_are_the_same(graph, monkeypatch):
    """The terms' Turtle forms are cut out of one ``ox.serialize`` call per chunk of terms
    (bounding the writer's memory): chunks of two terms give the bytes of one whole call."""
    import kg.export.serial

    whole = [(t, t.turtle) for t in (rdf_quads(dataclasses.replace(graph), DEFAULT_BASE), _odd_table())]
    monkeypatch.setattr(kg.export.serial, "FORMS_CHUNK", 2)
    for table, forms in whole:
        chunked = Quads(table.terms, table.quads, table.triples)  # a new table: nothing cached
        assert chunked.turtle == forms
        for dataset in (False, True):
            expected, written = io.BytesIO(), io.BytesIO()
            table.write_turtle(expected, dataset=dataset)
            chunked.write_turtle(written, dataset=dataset)
            assert written.getvalue() == expected.getvalue()
    assert len(whole[0][0].terms) > 2 * 10


def test_writers_jsonld_streamed_is_the_document_dumped_whole(graph):
    empty = dataclasses.replace(graph, documents=(), entities=(), relations=())
    for g in (graph, empty):
        whole = json.dumps(to_jsonld(g, DEFAULT_BASE), ensure_ascii=False, indent=1).encode() + b"\n"
        assert write("jsonld", g) == whole
    assert json.loads(write("jsonld", empty))["@graph"] == []


def test_writers_quad_table_consumes_its_rows_only_when_asked():
    """The RDF builder hands its rows over (``consume``): they are emptied once ranked, and the
    table, its triples and the terms' texts are those of a table made from a copy."""
    from array import array

    terms = [ox.NamedNode(f"http://example.org/{c}") for c in "dcba"] + [ox.Literal("甲")]
    numbers = [0, 1, 2, 4, 0, 3, 2, 1, 1, 1, 2, 4, 0, 1, 2, 4]
    kept, taken = array("i", numbers), array("i", numbers)
    plain, consumed = Quads.from_rows(terms, kept), Quads.from_rows(terms, taken, consume=True)
    assert len(kept) == 16 and len(taken) == 0
    assert plain.terms == consumed.terms and plain.texts == consumed.texts == [str(t) for t in plain.terms]
    assert plain.quads.tolist() == consumed.quads.tolist() and plain.triples.tolist() == consumed.triples.tolist()
    assert len(consumed.quads) == 3 and len(consumed) == 2  # a repeated quad, and one triple in two graphs
