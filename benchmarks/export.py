"""How long each writer and the SHACL check take on a graph of N synthetic articles, with
rdflib's Turtle writer (what ``graph.ttl`` used before) as the public baseline beside them.

    python benchmarks/export.py                  # 100 articles
    python benchmarks/export.py --articles 1000  # issue 13's size (extraction takes minutes)
    python benchmarks/export.py --articles 300 --no-validate --no-baseline
    python benchmarks/export.py --copies 10 --no-baseline  # 1,000 documents, extraction of 100

The articles are ``benchmarks/synthetic.py``'s (~2,000 characters of public NER
sentences each). Extraction and linking (``kg.build.make_graph``) are timed but are
not the subject. ``--copies K`` repeats the extracted articles K times under new
document names (the same entities, K times the mentions, documents and evidence),
to reach a large graph without extracting it. Each writer writes into memory (``io.BytesIO``), in ``WRITERS``
order, as ``kg build`` calls them; the first RDF writer also pays for the sorted
quad table (``kg.export.rdf.rdf_quads``) and the first Gephi writer for the layout,
which the others then share: both are timed on their own first, so the writer rows
are the writing alone. Validation is timed three ways: ``kg.validate.validate`` on
``rdflib_triples`` (no rdflib store), on ``to_rdflib`` as ``kg.build.build`` calls it,
and pySHACL on the same rdflib graph (the previous validator, as a baseline). Each row
gives wall seconds and the process's CPU seconds (``time.process_time``): on a shared
machine the CPU figure is the steadier one.
"""

from __future__ import annotations

import argparse
import io
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from synthetic import write_articles

from kg.build import BuildSettings, make_graph
from kg.export import WRITERS
from kg.export.graphml import to_networkx
from kg.export.rdf import rdf_quads
from kg.export.rdflib_view import rdflib_triples, to_rdflib
from kg.model import Graph
from kg.namespaces import DEFAULT_BASE


def timed(action: Callable[[], object]) -> tuple[tuple[float, float], object]:
    """``((wall seconds, CPU seconds), result)`` of ``action()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


def row(name: str, seconds: tuple[float, float], size: str = "") -> None:
    print(f"| {name} | {seconds[0]:.2f} | {seconds[1]:.2f} | {size} |")


def copies(graph: Graph, count: int) -> Graph:
    """``graph`` with its documents repeated ``count`` times as ``<i>_<doc_id>``: every mention
    and piece of evidence repeated with them, entities and relations the same."""
    if count == 1:
        return graph

    def doc(i: int, doc_id: str) -> str:
        return f"{i:04d}_{doc_id}"

    return Graph(
        documents=tuple(replace(d, doc_id=doc(i, d.doc_id)) for i in range(count) for d in graph.documents),
        entities=tuple(
            replace(e, mentions=tuple(replace(m, doc_id=doc(i, m.doc_id)) for i in range(count) for m in e.mentions))
            for e in graph.entities
        ),
        relations=tuple(
            replace(r, evidence=tuple((doc(i, d), s, t) for i in range(count) for d, s, t in r.evidence))
            for r in graph.relations
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--no-validate", action="store_true", help="skip the SHACL check")
    parser.add_argument("--no-baseline", action="store_true", help="skip rdflib's Turtle writer")
    parser.add_argument("--copies", type=int, default=1, help="repeat the extracted articles this many times")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        texts = Path(folder) / "texts"
        write_articles(texts, args.articles)
        seconds, (graph, _) = timed(lambda: make_graph([texts], BuildSettings()))
    graph = copies(graph, args.copies)
    print(f"{platform.node()} · Python {platform.python_version()} · {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"{args.articles} articles × {args.copies}: {len(graph.entities)} entities, {len(graph.relations)} relations "
        f"(extraction and linking {seconds[0]:.1f} s)\n"
    )
    print("| step | wall s | CPU s | output |")
    print("|---|---:|---:|---:|")
    seconds, quads = timed(lambda: rdf_quads(graph, DEFAULT_BASE))
    row("RDF model (sorted quads, once)", seconds, f"{len(quads):,} triples, {len(quads.quads):,} quads")
    seconds, _ = timed(lambda: to_networkx(graph, DEFAULT_BASE))
    row("entity network + layout (once)", seconds, f"{len(graph.entities):,} nodes")
    for fmt, writer in WRITERS.items():
        stream = io.BytesIO()
        seconds, _ = timed(lambda writer=writer, stream=stream: writer(graph, stream, DEFAULT_BASE))
        row(f"write {fmt}", seconds, f"{len(stream.getvalue()) / 1e6:.1f} MB")
    if not args.no_baseline:
        rdf_seconds, rdf = timed(lambda: to_rdflib(graph, DEFAULT_BASE))
        row("rdflib graph (to_rdflib)", rdf_seconds, f"{len(rdf):,} triples")
        seconds, data = timed(lambda: rdf.serialize(format="turtle", encoding="utf-8"))
        row("baseline: rdflib Turtle writer", seconds, f"{len(data) / 1e6:.1f} MB")
    if not args.no_validate:
        from kg.validate import _validate_with_pyshacl, validate

        seconds, violations = timed(lambda: validate(rdflib_triples(graph, DEFAULT_BASE)))
        row("SHACL, compiled checks over the quad table", seconds, f"{len(violations)} violations")
        rdf_seconds, rdf = timed(lambda: to_rdflib(graph, DEFAULT_BASE))
        seconds, violations = timed(lambda: validate(rdf))
        total = (rdf_seconds[0] + seconds[0], rdf_seconds[1] + seconds[1])
        row("SHACL as kg.build calls it (to_rdflib + compiled)", total, f"{len(violations)} violations")
        seconds, violations = timed(lambda: _validate_with_pyshacl(rdf))
        row("baseline: pySHACL on the rdflib graph", seconds, f"{len(violations)} violations")
        if violations:  # what they are, so a figure with violations can be explained
            counts = Counter(v.message for v in violations)
            print("\nviolations: " + "; ".join(f"{n} × {message}" for message, n in counts.most_common(5)))


if __name__ == "__main__":
    main()
