"""One contract over every registered writer (as rdflib's test_finalnewline.py)."""

from __future__ import annotations

import dataclasses
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kg import model
from kg.export import EXTENSIONS, WRITERS
from kg.namespaces import DEFAULT_BASE


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
