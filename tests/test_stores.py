"""The seeds' build survives two real triple stores: ``kg load`` into them, the cookbook
(``queries/*.rq``) over HTTP, and the store's copy of the graph read back; and a JSON-LD
processor (PyLD) reads ``graph.jsonld`` as the same triples.

* Oxigraph (``oxigraph serve --union-default-graph``, the test extra's binary) and
  Virtuoso (Debian's ``virtuoso-opensource``; ``scripts/test.sh`` installs it) both
  answer a query without ``GRAPH`` over the union of their graphs, with each triple as
  many times as it is stored. Every triple is loaded twice (the dataset, one graph per
  article, and the whole triples into one more graph), so a cookbook query that could
  repeat rows would; each must answer exactly what it answers over ``graph.ttl`` in
  pyoxigraph's embedded store, in the same order, with the same datatypes and language tags.
* What the store gives back is exactly ``graph.nt`` (no datatype changed on the way) and
  passes kg's own shapes.
* Virtuoso runs on loopback ports from a fresh database in a temporary folder (about 20 s
  to start, once for the module), with a user granted ``SPARQL_UPDATE``: Digest on its
  ``/sparql-graph-crud-auth``, Basic on a path that asks for Basic, and its HTML error
  pages quoted as text.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from kg.endpoint import ENV_PASSWORD, ENV_TOKEN, ENV_USER
from kg.validate import validate

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
COPY = "https://example.org/copy-of-the-triples"
#: every graph of a build (``kg.namespaces.iri_for_graph`` under the default base)
BUILD_GRAPHS = "https://w3id.org/kg-zh/id/graph/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DUMP = f'CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), "{BUILD_GRAPHS}")) }}'
NO_PROXY = {"http": None, "https": None}  # the tests' own requests go straight to loopback

Row = tuple[tuple[str, ...] | None, ...]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No credentials or proxy from the shell that runs the tests."""
    for name in (ENV_USER, ENV_PASSWORD, ENV_TOKEN):
        monkeypatch.delenv(name, raising=False)
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kg_load(out: Path, *args: str, user: str | None = None, password: str | None = None):
    env = {ENV_USER: user, ENV_PASSWORD: password} if user else {}
    return CliRunner().invoke(cli, ["load", "--out", str(out), *args], env=env)


def wait_for(url: str, server: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"{server.args[0]} exited with {server.returncode}: {log.read_text(errors='replace')}")
        try:
            if requests.get(url, timeout=2, proxies=NO_PROXY).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{server.args[0]} did not answer on {url} within {seconds:g} s: {log.read_text(errors='replace')}")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def term(value: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> tuple[str, ...] | None:
    """A result term as (value,) or (lexical form, language, datatype), the datatype of a plain string left empty."""
    if value is None:
        return None
    if isinstance(value, ox.Literal):
        datatype = "" if value.language or value.datatype.value == XSD_STRING else value.datatype.value
        return (value.value, value.language or "", datatype)
    return (value.value,)


def json_term(binding: dict | None) -> tuple[str, ...] | None:
    """The same from SPARQL JSON results (Virtuoso says "typed-literal", as SPARQL JSON once did)."""
    if binding is None:
        return None
    if binding["type"] in ("literal", "typed-literal"):
        language = binding.get("xml:lang", "")
        datatype = "" if language or binding.get("datatype", XSD_STRING) == XSD_STRING else binding["datatype"]
        return (binding["value"], language, datatype)
    return (binding["value"],)


def embedded(out: Path, query: str) -> list[Row]:
    store = ox.Store()
    store.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return [tuple(term(v) for v in row) for row in store.query(query)]


def over_http(url: str, query: str) -> list[Row]:
    """A SELECT over the SPARQL 1.1 Protocol, rows of ``term``s in the order the server gave."""
    response = requests.post(url, data={"query": query}, timeout=60, proxies=NO_PROXY,
                             headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text[:500]
    data = response.json()
    return [tuple(json_term(b.get(v)) for v in data["head"]["vars"]) for b in data["results"]["bindings"]]


def dump(url: str) -> set[ox.Triple]:
    """The triples of the build's graphs as the store gives them back (CONSTRUCT, N-Triples)."""
    response = requests.post(url, data={"query": DUMP}, timeout=60, proxies=NO_PROXY,
                             headers={"Accept": "application/n-triples"})
    assert response.status_code == 200, response.text[:500]
    return set(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))


def assert_round_trip(query_url: str, out: Path) -> None:
    """Each cookbook query answers as over the files; the store gives back ``graph.nt``, which passes the shapes."""
    for path in QUERIES:
        query = path.read_text(encoding="utf-8")
        expected = embedded(out, query)
        assert expected, f"{path.name} finds nothing in the seeds: the comparison would be empty"
        assert over_http(query_url, query) == expected, path.name
    triples = dump(query_url)
    assert triples == set(ox.parse(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
    data = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    assert validate(data) == []


# --- a JSON-LD processor ----------------------------------------------------------------------


def test_stores_pyld_reads_the_jsonld_as_the_ntriples_and_compacts_with_the_shipped_context(seed_build):
    """PyLD (the JSON-LD API's Python implementation) turns ``graph.jsonld`` into exactly the triples
    of ``graph.nt``, without fetching anything; expanded and compacted again with
    ``ontology/context.jsonld`` it still does."""
    from pyld import jsonld

    def no_fetching(url: str, options: dict | None = None) -> dict:
        raise AssertionError(f"the JSON-LD processor was sent to fetch {url}")

    _, out = seed_build
    options = {"documentLoader": no_fetching}
    expected = {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(out / "graph.nt"),
                                                                     format=ox.RdfFormat.N_TRIPLES)}
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    compacted = jsonld.compact(jsonld.expand(document, options), context, options)
    for data in (document, compacted):
        quads = jsonld.to_rdf(data, {**options, "format": "application/n-quads"})
        assert {(q.subject, q.predicate, q.object) for q in ox.parse(quads.encode(), format=ox.RdfFormat.N_QUADS)} \
            == expected


# --- Oxigraph, union default graph ------------------------------------------------------------


@pytest.fixture(scope="module")
def oxigraph_union(tmp_path_factory) -> Iterator[str]:
    """An in-memory ``oxigraph serve --union-default-graph`` on a free loopback port."""
    exe = shutil.which("oxigraph", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if exe is None:
        pytest.fail("the Oxigraph server is not installed: pip install -e '.[test]' installs it")
    port, log = free_port(), tmp_path_factory.mktemp("oxigraph-union") / "server.log"
    with log.open("wb") as stream:
        server = subprocess.Popen([exe, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                  stdout=stream, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/", server, log, 20)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


def test_stores_oxigraph_union_default_graph_answers_the_cookbook_as_the_files_do(oxigraph_union, seed_build):
    _, out = seed_build
    for args in (["--dataset"], ["--graph", COPY]):
        result = kg_load(out, "--endpoint", oxigraph_union + "/store", *args)
        assert result.exit_code == 0, result.output
    assert_round_trip(oxigraph_union + "/query", out)


def test_stores_role_nodes_are_in_the_corpus_graph_only(oxigraph_union, seed_build):
    """A title is one org:Role node, stated once: in the corpus graph, not in each article that uses it."""
    _, out = seed_build
    assert kg_load(out, "--endpoint", oxigraph_union + "/store", "--dataset").exit_code == 0
    rows = over_http(oxigraph_union + "/query", f"""
        SELECT ?role (COUNT(DISTINCT ?g) AS ?graphs) (SAMPLE(?g) AS ?graph) WHERE {{
          GRAPH ?g {{ ?role a <http://www.w3.org/ns/org#Role> }} FILTER (STRSTARTS(STR(?g), "{BUILD_GRAPHS}"))
        }} GROUP BY ?role""")
    assert len(rows) > 5  # the seeds name many titles
    assert {(graphs[0], graph[0]) for _, graphs, graph in rows} == {("1", BUILD_GRAPHS + "corpus")}


# --- Virtuoso ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Virtuoso:
    base: str  # http://127.0.0.1:PORT
    user: str  # granted SPARQL_UPDATE
    reader: str  # a user without it
    password: str  # both users'


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""

#: The grant kg's README names; and /kg-basic: Virtuoso's Graph Store asking for Basic (its own
#: /sparql-graph-crud-auth asks for Digest; HP_AUTH_SQL_USER checks a Basic login as well).
VIRTUOSO_SETUP = """\
DB.DBA.USER_CREATE ('{user}', '{password}');
DB.DBA.USER_CREATE ('{reader}', '{password}');
GRANT SPARQL_UPDATE TO "{user}";
create procedure DB.DBA.KG_TEST_BASIC_AUTH (in realm varchar)
{{
  if (lower (http_request_header (http_request_header (), 'Authorization', null, '')) like 'basic %')
    return DB.DBA.HP_AUTH_SQL_USER (realm);
  http_request_status ('HTTP/1.1 401 Unauthorized');
  http_header ('WWW-Authenticate: Basic realm="SPARQL"\\r\\n');
  return 0;
}};
DB.DBA.VHOST_DEFINE (lpath=>'/kg-basic', ppath=>'/!sparql-graph-crud/', is_dav=>1, vsp_user=>'dba',
  opts=>vector ('noinherit', 1, 'exec_as_get', 1), sec=>'basic', realm=>'SPARQL', auth_fn=>'DB.DBA.KG_TEST_BASIC_AUTH');
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    """Virtuoso from a fresh database on free loopback ports, set up with ``isql``, stopped after the module."""
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if exe is None or isql is None:
        pytest.fail("Virtuoso is not installed: run the tests with `bash scripts/test.sh`, which installs "
                    "Debian's virtuoso-opensource")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = folder / "server.log"
    with log.open("wb") as stream:
        server = subprocess.Popen([exe, "+foreground", "+configfile", str(ini)], cwd=folder, stdout=stream,
                                  stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_for(f"{base}/sparql?query=ASK%7B%7D", server, log, 120)
        store = Virtuoso(base, "kg_writer", "kg_reader", secrets.token_hex(8))
        done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", "VERBOSE=OFF", "ERRORS=STDOUT"],
                              input=VIRTUOSO_SETUP.format(user=store.user, reader=store.reader,
                                                          password=store.password),
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "Error" not in done.stdout, done.stdout + done.stderr
        yield store
    finally:
        stop(server)


def test_stores_virtuoso_digest_and_basic_loads_answer_the_cookbook_as_the_files_do(virtuoso, seed_build):
    _, out = seed_build
    login = {"user": virtuoso.user, "password": virtuoso.password}
    result = kg_load(out, "--endpoint", virtuoso.base + "/sparql-graph-crud-auth", "--dataset", **login)  # Digest
    assert result.exit_code == 0, result.output
    graphs = len({q.graph_name for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)})
    assert f"replacing each graph (PUT): HTTP 201 Created ×{graphs}, " in result.stdout
    result = kg_load(out, "--endpoint", virtuoso.base + "/kg-basic", "--graph", COPY, **login)  # Basic
    assert result.exit_code == 0, result.output
    assert virtuoso.password not in result.output
    assert_round_trip(virtuoso.base + "/sparql", out)


def test_stores_virtuoso_refusals_are_quoted_on_one_line(virtuoso, tmp_path):
    out = tmp_path / "small"
    out.mkdir()
    (out / "graph.nt").write_text('<https://example.org/a> <https://example.org/p> "一" .\n', encoding="utf-8")
    graph = ["--graph", "https://example.org/refused"]
    auth, basic = virtuoso.base + "/sparql-graph-crud-auth", virtuoso.base + "/kg-basic"
    cases = [  # (endpoint, user, password, what the one line says)
        (auth, None, None, f"{auth}: HTTP 401 Unauthorized (the server asks for Digest; set {ENV_USER}"),
        (auth, virtuoso.user, "wrong", f"{auth}: HTTP 401 Unauthorized (the credentials from the environment "
                                       "were refused, sent as Digest)"),
        (basic, virtuoso.user, "wrong", "were refused, sent as Basic)"),
        # the HTML page's text: a user without the grant, and the endpoint without login (user SPARQL)
        (auth, virtuoso.reader, virtuoso.password, f"{auth}: HTTP 403 Forbidden: HTTP/1.1 403 Forbidden Error 42000 "
                                                   "SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD"),
        (virtuoso.base + "/sparql-graph-crud", None, None, "HTTP 403 Forbidden: HTTP/1.1 403 Forbidden Error 42000 "
                                                           "SQ110:SECURITY: Permission denied"),
    ]
    for endpoint, user, password, expected in cases:
        result = kg_load(out, "--endpoint", endpoint, *graph, user=user, password=password)
        assert result.exit_code == 1, result.output
        line = result.stderr.strip()
        assert "\n" not in line and expected in line and "<" not in line, line
        assert virtuoso.password not in result.output
