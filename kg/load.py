"""Send a built graph to a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol.

The Graph Store Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/) is the one
way to upload RDF that Oxigraph, Apache Jena Fuseki, GraphDB, RDF4J and Virtuoso all
accept, so ``kg`` needs no client library per server: ``PUT`` replaces a graph, ``POST``
adds to it, and the graph is named in the query string (``?graph=IRI``, or ``?default``).
Only the standard library speaks HTTP here.

Triples (``graph.nt``, else ``graph.ttl``) go into one graph in one request, the file
sent as it is. A dataset (``graph.nq``, else ``graph.trig``: one named graph per article)
is sent one graph per request, each as N-Triples to ``?graph=`` its own IRI. That keeps
to the standard protocol, and "replace" then replaces exactly the graphs the build wrote:
a ``PUT`` of a whole dataset would, on Oxigraph's ``/store``, wipe every other graph in
the server too. (Blank nodes are scoped to one request, so one shared by two graphs
would become two; ``kg`` writes none.)

Credentials come from the environment only, never from arguments, which end up in shell
history and process lists: ``KG_ENDPOINT_USER`` and ``KG_ENDPOINT_PASSWORD`` (HTTP Basic)
or ``KG_ENDPOINT_TOKEN`` (Bearer). They are sent only to the endpoint itself: redirects
are not followed (a redirected ``PUT`` or ``POST`` would silently lose its body anyway).
"""

from __future__ import annotations

import base64
import http.client
import os
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg import __version__
from kg.errors import E_UNREADABLE, InputError, KgError
from kg.graphfiles import GraphFile, find_graph_file, parse_error

__all__ = [
    "ENV_PASSWORD",
    "ENV_TOKEN",
    "ENV_USER",
    "EndpointError",
    "LoadReport",
    "auth_header",
    "check_endpoint",
    "check_graph_iri",
    "graph_url",
    "load",
]

ENV_USER = "KG_ENDPOINT_USER"
ENV_PASSWORD = "KG_ENDPOINT_PASSWORD"
ENV_TOKEN = "KG_ENDPOINT_TOKEN"

#: How much of an error response's body is quoted in the one-line message.
MAX_DETAIL = 200


class EndpointError(KgError):
    """The server could not be reached, or refused the request: names the endpoint and why."""

    def __init__(self, endpoint: str, reason: str) -> None:
        self.endpoint = endpoint
        self.reason = reason
        super().__init__(f"{endpoint}: {reason}")


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


def check_endpoint(endpoint: str) -> str:
    """The endpoint URL if usable, else an ``EndpointError``. A URL carrying a user name or
    password is refused (and not echoed): credentials belong in the environment."""
    parts = urlsplit(endpoint)
    if "@" in parts.netloc:
        shown = f"{parts.scheme}://…@{parts.netloc.rsplit('@', 1)[1]}{parts.path}"
        raise EndpointError(shown, f"credentials in the URL are not accepted; set {ENV_USER} and "
                                   f"{ENV_PASSWORD}, or {ENV_TOKEN}, in the environment")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(endpoint, "not an http:// or https:// URL")
    if parts.fragment:
        raise EndpointError(endpoint, "a Graph Store URL has no #fragment")
    return endpoint


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


def auth_header(environ: Mapping[str, str] | None = None) -> str | None:
    """The ``Authorization`` header the environment asks for, or None.

    Exactly one kind must be set: a user and a password, or a token. A user without a
    password (or the reverse) is an error rather than an unauthenticated request that
    would fail later with a less helpful 401.
    """
    env = os.environ if environ is None else environ
    user, password, token = (env.get(name) or None for name in (ENV_USER, ENV_PASSWORD, ENV_TOKEN))
    if token and (user or password):
        raise KgError(f"{ENV_TOKEN}: set together with {ENV_USER}/{ENV_PASSWORD}; set one kind of credentials")
    if token:
        return f"Bearer {token}"
    if user and not password:
        raise KgError(f"{ENV_PASSWORD}: not set, but {ENV_USER} is; set both for HTTP Basic authentication")
    if password and not user:
        raise KgError(f"{ENV_USER}: not set, but {ENV_PASSWORD} is; set both for HTTP Basic authentication")
    if user and password:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return None


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
    auth = auth_header(environ)
    path, graph_file = find_graph_file(out_dir, dataset=dataset)
    report = LoadReport(path, endpoint, "POST" if append else "PUT", dataset)
    started = time.perf_counter()
    if dataset:
        groups = _read_graphs(path, graph_file)
        report.statements = sum(len(triples) for triples in groups.values())
        for done, (name, triples) in enumerate(groups.items()):
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            try:
                status = _send(graph_url(endpoint, name), report.method, body, "application/n-triples",
                               auth, timeout, endpoint)
            except EndpointError as exc:
                raise EndpointError(endpoint, f"{exc.reason}; sending {_graph_name(name)}, after {done} of "
                                              f"{len(groups)} graphs were sent") from exc
            report.graphs.append(name)
            report.statuses.append(status)
    else:
        report.statements = _count(path, graph_file)
        body = _read_bytes(path)
        report.statuses.append(_send(graph_url(endpoint, graph), report.method, body, graph_file.media_type,
                                     auth, timeout, endpoint))
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


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Turn every redirect into an error: urllib would replay a POST as a bodyless GET (a load
    that "succeeds" having sent nothing), and a redirect target should not get our credentials."""

    def redirect_request(self, req, fp, code, msg, headers, newurl) -> None:  # type: ignore[override]
        return None


def _send(url: str, method: str, body: bytes, media_type: str, auth: str | None, timeout: float,
          endpoint: str) -> str:
    """One Graph Store request; the server's status as ``"201 Created"``, or an ``EndpointError``."""
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Content-Type", media_type)
    request.add_header("User-Agent", f"kg/{__version__}")
    if auth is not None:
        request.add_unredirected_header("Authorization", auth)
    try:
        # built per request, so proxy settings (http_proxy, no_proxy) are read as they are now
        with urllib.request.build_opener(_NoRedirect()).open(request, timeout=timeout) as response:
            response.read()
            return f"{response.status} {response.reason}".strip()
    except urllib.error.HTTPError as exc:
        reason = f"HTTP {exc.code} {exc.reason}".strip()
        if 300 <= exc.code < 400:
            location = exc.headers.get("Location")
            reason += f" to {location}; give that URL as --endpoint" if location else ""
        detail = _detail(exc)
        raise EndpointError(endpoint, f"{reason}: {detail}" if detail else reason) from exc
    except urllib.error.URLError as exc:
        why = getattr(exc.reason, "strerror", None) or str(exc.reason)
        raise EndpointError(endpoint, f"cannot connect ({why})") from exc
    except TimeoutError as exc:
        raise EndpointError(endpoint, f"no answer within {timeout:g} s") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise EndpointError(endpoint, f"connection failed ({exc.__class__.__name__}: {exc})") from exc


def _detail(exc: urllib.error.HTTPError) -> str:
    """The start of an error response's text (servers say there what was wrong), on one line."""
    if "html" in (exc.headers.get("Content-Type") or ""):
        return ""  # a web page's markup would not help on one line
    try:
        text = exc.read(4 * MAX_DETAIL).decode("utf-8", errors="replace")
    except OSError:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"
