"""Send a built graph to a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

The Graph Store Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/) is the one
way to upload RDF that Oxigraph, Apache Jena Fuseki, GraphDB, RDF4J and Virtuoso all
accept, so ``kg`` needs no client library per server: ``PUT`` replaces a graph, ``POST``
adds to it, and the graph is named in the query string (``?graph=IRI``, or ``?default``).

Triples (``graph.nt``, else ``graph.ttl``) go into one graph in one request, the file
sent as it is. A dataset (``graph.nq``, else ``graph.trig``: one named graph per article)
is sent one graph per request, each as N-Triples to ``?graph=`` its own IRI. That keeps
to the standard protocol, and "replace" then replaces exactly the graphs the build wrote:
a ``PUT`` of a whole dataset would, on Oxigraph's ``/store``, wipe every other graph in
the server too. (Blank nodes are scoped to one request, so one shared by two graphs
would become two; ``kg`` writes none.)

The HTTP side (credentials from the environment, Basic or Digest or Bearer, the server's
errors on one line) is ``kg.endpoint``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.endpoint import Client, EndpointError, check_endpoint, credentials
from kg.errors import E_UNREADABLE, InputError
from kg.graphfiles import GraphFile, find_graph_file, parse_error

__all__ = [
    "LoadReport",
    "check_graph_iri",
    "graph_url",
    "load",
]


@dataclass
class LoadReport:
    """What was sent where, for the one-line summary."""

    path: Path
    endpoint: str
    method: str
    dataset: bool
    statements: int = 0
    graphs: list[str | None] = field(default_factory=list)  # None: the default graph
    statuses: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: how many triples (quads), from which file, into which graph(s), how it went."""
        action = "adding to" if self.method == "POST" else "replacing"
        counts: dict[str, int] = {}
        for status in self.statuses:
            counts[status] = counts.get(status, 0) + 1
        answer = ", ".join(s if n == 1 else f"{s} ×{n}" for s, n in counts.items())
        if self.dataset:
            what = f"{self.statements} quads in {len(self.graphs)} graphs"
            target = f"{action} each graph"
        else:
            what = f"{self.statements} triples"
            target = f"{action} {_graph_name(self.graphs[0] if self.graphs else None)}"
        return (f"sent {what} from {self.path} to {self.endpoint}, {target} ({self.method}): "
                f"HTTP {answer or '-'}, {self.seconds:.2f} s")


def _graph_name(graph: str | None) -> str:
    return "the default graph" if graph is None else f"graph <{graph}>"


def check_graph_iri(iri: str) -> str:
    """``iri`` if it is an absolute IRI (servers reject relative graph names), else an ``InputError``."""
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise InputError(iri, f"not an absolute IRI for --graph ({exc})") from exc
    return iri


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL of one graph, by indirect identification: ``?graph=IRI`` or ``?default``."""
    sep = "&" if urlsplit(endpoint).query else "?"
    return endpoint + sep + ("default" if graph is None else "graph=" + quote(graph, safe=""))


def load(out_dir: Path, endpoint: str, graph: str | None = None, *, append: bool = False,
         dataset: bool = False, timeout: float = 300.0, environ: Mapping[str, str] | None = None) -> LoadReport:
    """Send the build in ``out_dir`` to the Graph Store at ``endpoint``.

    Triples go into ``graph`` (None: the default graph); with ``dataset`` each named graph of
    the build's dataset file goes into the graph of its own name. ``append`` adds (``POST``)
    instead of replacing (``PUT``). Everything that can be checked locally (endpoint URL,
    credentials, the file parses) is checked before the first request.
    """
    endpoint = check_endpoint(endpoint)
    if graph is not None:
        check_graph_iri(graph)
    login = credentials(environ)
    path, graph_file = find_graph_file(out_dir, dataset=dataset)
    report = LoadReport(path, endpoint, "POST" if append else "PUT", dataset)
    started = time.perf_counter()
    with Client(endpoint, login, timeout, environ) as client:
        if dataset:
            groups = _read_graphs(path, graph_file)
            report.statements = sum(len(triples) for triples in groups.values())
            for done, (name, triples) in enumerate(groups.items()):
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
                try:
                    status = client.send(graph_url(endpoint, name), report.method, body, "application/n-triples")
                except EndpointError as exc:
                    raise EndpointError(endpoint, f"{exc.reason}; sending {_graph_name(name)}, after {done} of "
                                                  f"{len(groups)} graphs were sent") from exc
                report.graphs.append(name)
                report.statuses.append(status)
        else:
            report.statements = _count(path, graph_file)
            body = _read_bytes(path)
            report.statuses.append(client.send(graph_url(endpoint, graph), report.method, body,
                                               graph_file.media_type))
            report.graphs.append(graph)
    report.seconds = time.perf_counter() - started
    return report


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc


def _count(path: Path, graph_file: GraphFile) -> int:
    """Triples in the file; parsing it also catches a broken file before anything is sent."""
    try:
        return sum(1 for _ in ox.parse(path=str(path), format=graph_file.rdf_format))
    except SyntaxError as exc:
        raise parse_error(path, graph_file, exc) from exc
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc


def _read_graphs(path: Path, graph_file: GraphFile) -> dict[str | None, list[ox.Triple]]:
    """The dataset's triples by graph name (None: the default graph), default graph first, then by IRI."""
    groups: dict[str | None, list[ox.Triple]] = {}
    try:
        for quad in ox.parse(path=str(path), format=graph_file.rdf_format):
            name = quad.graph_name
            if isinstance(name, ox.BlankNode):
                raise InputError(path, f"graph {name} is a blank node; a Graph Store names graphs by IRI")
            key = None if isinstance(name, ox.DefaultGraph) else name.value
            groups.setdefault(key, []).append(quad.triple)
    except SyntaxError as exc:
        raise parse_error(path, graph_file, exc) from exc
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc
    return dict(sorted(groups.items(), key=lambda item: (item[0] is not None, item[0] or "")))


