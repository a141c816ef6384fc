"""The RDF files of a build, as the commands that read a built graph (``query``, ``load``) see them.

``kg build`` writes several serialisations of one graph into its ``--out`` folder, and
which of them exist depends on ``--format``. Readers should not hard-code one file name:
they ask for "the triples" or "the dataset (quads, one named graph per article)" and get
the first file of that kind that the build wrote, with its parser format and its media
type. A new serialisation becomes readable by adding one row to ``GRAPH_FILES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError


@dataclass(frozen=True)
class GraphFile:
    """One serialisation a build may write."""

    name: str  # file name inside the --out folder
    label: str  # format name for messages
    rdf_format: ox.RdfFormat  # how pyoxigraph parses it
    media_type: str  # Content-Type a SPARQL server expects for it
    dataset: bool  # quads (named graphs) rather than triples


#: In order of preference within each kind: line-based formats first, they parse fastest.
GRAPH_FILES: tuple[GraphFile, ...] = (
    GraphFile("graph.nt", "N-Triples", ox.RdfFormat.N_TRIPLES, "application/n-triples", dataset=False),
    GraphFile("graph.ttl", "Turtle", ox.RdfFormat.TURTLE, "text/turtle", dataset=False),
    GraphFile("graph.nq", "N-Quads", ox.RdfFormat.N_QUADS, "application/n-quads", dataset=True),
    GraphFile("graph.trig", "TriG", ox.RdfFormat.TRIG, "application/trig", dataset=True),
)


def find_graph_file(out_dir: Path, *, dataset: bool = False) -> tuple[Path, GraphFile]:
    """The first file of the wanted kind in ``out_dir``, or an ``InputError`` naming the file
    that was looked for first, so the message says what to build."""
    candidates = [g for g in GRAPH_FILES if g.dataset == dataset]
    for graph_file in candidates:
        path = out_dir / graph_file.name
        if path.is_file():
            return path, graph_file
    wanted = " or ".join(g.name for g in candidates[1:])
    hint = "run `kg build` first" if not out_dir.is_dir() else f"nor {wanted}; run `kg build` first"
    raise InputError(out_dir / candidates[0].name, f"no such file ({hint})")


def parse_error(path: Path, graph_file: GraphFile, exc: Exception) -> InputError:
    """A parser's complaint about a graph file as a one-line ``InputError`` naming the file."""
    return InputError(path, f"not valid {graph_file.label} ({' '.join(str(exc).split())})")
