"""``kg load``: the seeds' graph sent to a real Oxigraph server (the ``oxigraph`` package's
binary, on a free loopback port) with the Graph Store Protocol, then queried over HTTP.

What Oxigraph cannot show (it has no authentication, and does not redirect) is checked
against a small recording HTTP server on loopback: the exact requests, and that
credentials come from the environment, go only into the Authorization header, and
never into the output.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.load import ENV_PASSWORD, ENV_TOKEN, ENV_USER

SEEDS_GRAPH = "https://example.org/seeds"
POSTS = Path(__file__).resolve().parents[1] / "queries" / "posts_in_a_body.rq"
SMALL = (
    '<https://example.org/a> <https://example.org/p> "small" .\n'
    '<https://example.org/a> <https://example.org/p> "2" .\n'
)
DATASET = (
    '<https://example.org/a> <https://example.org/p> "one" <https://example.org/doc/1> .\n'
    '<https://example.org/a> <https://example.org/p> "two" <https://example.org/doc/1> .\n'
    '<https://example.org/b> <https://example.org/p> "three" <https://example.org/doc/2> .\n'
)


#: For the tests' own requests: straight to loopback, whatever proxy the environment names.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """Credentials set in the shell that runs the tests must not leak into them, and a proxy
    set there must not get the requests ``kg load`` sends to loopback."""
    for name in (ENV_USER, ENV_PASSWORD, ENV_TOKEN):
        monkeypatch.delenv(name, raising=False)
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def kg_load(runner: CliRunner, out: Path, *args: str):
    return runner.invoke(cli, ["load", "--out", str(out), *args])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def small_build(folder: Path, name: str = "graph.nt", data: str = SMALL) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data, encoding="utf-8")
    return folder


def assert_one_line_error(result, *parts: str) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for part in parts:
        assert part in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]


# --- a real Oxigraph server ---------------------------------------------------------------


def oxigraph_exe() -> str:
    """The ``oxigraph`` command of the test extra (beside this interpreter, else on PATH)."""
    exe = shutil.which("oxigraph", path=os.pathsep.join([str(Path(sys.executable).parent),
                                                           os.environ.get("PATH", "")]))
    if exe is None:
        pytest.fail("the Oxigraph server is not installed: pip install -e '.[test]' installs it")
    return exe


@pytest.mark.parametrize("name, query", [
    ("graph.nq", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("graph.trig", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("graph.jsonld", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    ("graph.nt", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
])
def test_oxigraph_bulk_loader_takes_the_files_as_they_are(seed_build, tmp_path, name, query):
    """``oxigraph load --file`` (the store's own bulk loader) reads each file unchanged."""
    _, out_dir = seed_build
    exe, db = oxigraph_exe(), tmp_path / "db"
    subprocess.run([exe, "load", "--location", str(db), "--file", str(out_dir / name)],
                   check=True, capture_output=True, timeout=120)
    done = subprocess.run([exe, "query", "--location", str(db), "--query", query, "--results-format", "csv"],
                          check=True, capture_output=True, timeout=120, text=True)
    lines = {"graph.nq": "graph.nq", "graph.trig": "graph.nq"}.get(name, "graph.nt")
    expected = sum(1 for line in (out_dir / lines).read_text(encoding="utf-8").splitlines() if line.strip())
    assert done.stdout.split() == ["n", str(expected)]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory) -> str:
    """Base URL of an in-memory Oxigraph server on a free loopback port, stopped after the module."""
    exe = oxigraph_exe()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("oxigraph") / "server.log"
    with log.open("wb") as stream:
        server = subprocess.Popen([exe, "serve", "--bind", f"127.0.0.1:{port}"], stdout=stream,
                                  stderr=subprocess.STDOUT)
    try:
        for _ in range(200):  # up to ~10 s
            if server.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {server.returncode}: {log.read_text()}")
            try:
                with DIRECT.open(base + "/", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail(f"oxigraph serve did not answer on {base}: {log.read_text()}")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def sparql(base: str, query: str, default_graph: str | None = None) -> dict:
    """A query over HTTP (SPARQL 1.1 Protocol), results as SPARQL JSON."""
    url = base + "/query" + ("?" + urlencode({"default-graph-uri": default_graph}) if default_graph else "")
    request = urllib.request.Request(url, data=query.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with DIRECT.open(request, timeout=30) as response:
        return json.load(response)


def count(base: str, graph: str | None) -> int:
    pattern = "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    data = sparql(base, f"SELECT (COUNT(*) AS ?n) WHERE {pattern}")
    return int(data["results"]["bindings"][0]["n"]["value"])


def lines(path: Path) -> int:
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def test_load_seeds_into_a_named_graph_then_query_over_http(runner, oxigraph, seed_build):
    _, out = seed_build
    triples = lines(out / "graph.nt")
    result = kg_load(runner, out, "--endpoint", oxigraph + "/store", "--graph", SEEDS_GRAPH)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"sent {triples} triples from {out / 'graph.nt'} to {oxigraph}/store, "
                                    f"replacing graph <{SEEDS_GRAPH}> (PUT): HTTP 201 Created, ")
    assert count(oxigraph, SEEDS_GRAPH) == triples
    rows = sparql(oxigraph, POSTS.read_text(encoding="utf-8"), default_graph=SEEDS_GRAPH)["results"]["bindings"]
    assert [(r["person"]["value"], r["title"]["value"]) for r in rows] == [("刘家城", "副局长")]


def test_load_replaces_by_default_and_appends_when_asked(runner, oxigraph, seed_build, tmp_path):
    _, out = seed_build
    triples = lines(out / "graph.nt")
    graph = "https://example.org/replace-append"
    endpoint = ["--endpoint", oxigraph + "/store", "--graph", graph]
    small = small_build(tmp_path / "small")
    assert kg_load(runner, small, *endpoint).exit_code == 0
    assert count(oxigraph, graph) == 2
    result = kg_load(runner, out, *endpoint)  # replace: the small graph's triples are gone
    assert result.exit_code == 0, result.output
    assert count(oxigraph, graph) == triples
    assert not sparql(oxigraph, f'ASK {{ GRAPH <{graph}> {{ ?s ?p "small" }} }}')["boolean"]
    result = kg_load(runner, small, *endpoint, "--append")
    assert result.exit_code == 0, result.output
    assert "adding to graph" in result.stdout and "(POST)" in result.stdout
    assert count(oxigraph, graph) == triples + 2
    assert kg_load(runner, out, *endpoint, "--append").exit_code == 0  # the same triples again: a set
    assert count(oxigraph, graph) == triples + 2


def test_load_without_graph_goes_to_the_default_graph(runner, oxigraph, tmp_path):
    result = kg_load(runner, small_build(tmp_path), "--endpoint", oxigraph + "/store")
    assert result.exit_code == 0, result.output
    assert "replacing the default graph" in result.stdout
    assert count(oxigraph, None) == 2


def test_load_dataset_replaces_each_named_graph_and_nothing_else(runner, oxigraph, tmp_path):
    endpoint = ["--endpoint", oxigraph + "/store"]
    other = "https://example.org/unrelated"
    small = small_build(tmp_path / "small")
    assert kg_load(runner, small, *endpoint, "--graph", "https://example.org/doc/1").exit_code == 0
    assert kg_load(runner, small, *endpoint, "--graph", other).exit_code == 0
    dataset = small_build(tmp_path / "dataset", "graph.nq", DATASET)
    result = kg_load(runner, dataset, *endpoint, "--dataset")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"sent 3 quads in 2 graphs from {dataset / 'graph.nq'} to {oxigraph}/store, "
                                    "replacing each graph (PUT): HTTP ")
    assert count(oxigraph, "https://example.org/doc/1") == 2  # replaced: "small" is gone
    assert not sparql(oxigraph, 'ASK { GRAPH <https://example.org/doc/1> { ?s ?p "small" } }')["boolean"]
    assert count(oxigraph, "https://example.org/doc/2") == 1
    assert count(oxigraph, other) == 2  # a graph the build does not have is left alone
    assert kg_load(runner, dataset, *endpoint, "--dataset", "--append").exit_code == 0
    assert count(oxigraph, "https://example.org/doc/1") == 2


def test_load_http_error_is_one_line(runner, oxigraph, tmp_path):
    result = kg_load(runner, small_build(tmp_path), "--endpoint", oxigraph + "/nothere", "--graph", SEEDS_GRAPH)
    assert_one_line_error(result, f"Error: {oxigraph}/nothere: HTTP 404 Not Found")


# --- a recording server: requests, credentials, redirects, errors ------------------------


class Recorder(BaseHTTPRequestHandler):
    """Answers 204 to everything except ``/redirect`` (307) and ``/forbidden`` (403), and keeps
    each request as (method, path, headers, body) in ``self.server.requests``."""

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.command, self.path, dict(self.headers), body))
        if self.path.startswith("/redirect"):
            self.send_response(307)
            self.send_header("Location", "/store")
            self.send_header("Content-Length", "0")
        elif self.path.startswith("/forbidden"):
            text = b"no write access to this repository\n"
            self.send_response(403)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(text)))
            self.end_headers()
            self.wfile.write(text)
            return
        else:
            self.send_response(204)
        self.end_headers()

    do_PUT = do_POST = _answer  # http.server dispatches on do_<METHOD>

    def log_message(self, format, *args) -> None:  # quiet
        pass


@pytest.fixture
def recorder():
    """``(base URL, list of requests)`` of a recording HTTP server on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_load_request_is_a_graph_store_put_of_the_ntriples_file(runner, recorder, tmp_path):
    base, requests = recorder
    out = small_build(tmp_path)
    result = kg_load(runner, out, "--endpoint", base + "/store", "--graph", "https://example.org/g?x=1")
    assert result.exit_code == 0, result.output
    [(method, path, headers, body)] = requests
    assert (method, path) == ("PUT", "/store?graph=" + quote("https://example.org/g?x=1", safe=""))
    assert headers["Content-Type"] == "application/n-triples"
    assert body == (out / "graph.nt").read_bytes()
    assert "Authorization" not in headers
    assert "HTTP 204 No Content" in result.stdout


def test_load_append_to_default_graph_is_a_post(runner, recorder, tmp_path):
    base, requests = recorder
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/repositories/r/rdf-graphs/service?a=b",
                     "--append")
    assert result.exit_code == 0, result.output
    assert [(m, p) for m, p, _, _ in requests] == [("POST", "/repositories/r/rdf-graphs/service?a=b&default")]


def test_load_turtle_when_there_is_no_ntriples(runner, recorder, tmp_path):
    base, requests = recorder
    out = small_build(tmp_path, "graph.ttl", "<https://example.org/a> <https://example.org/p> 1, 2, 3 .\n")
    result = kg_load(runner, out, "--endpoint", base + "/store")
    assert result.exit_code == 0, result.output
    assert requests[0][2]["Content-Type"] == "text/turtle"
    assert result.stdout.startswith(f"sent 3 triples from {out / 'graph.ttl'}")


def test_load_dataset_sends_one_request_per_graph(runner, recorder, tmp_path):
    base, requests = recorder
    result = kg_load(runner, small_build(tmp_path, "graph.nq", DATASET), "--endpoint", base + "/store", "--dataset")
    assert result.exit_code == 0, result.output
    assert [(m, p) for m, p, _, _ in requests] == [
        ("PUT", "/store?graph=" + quote("https://example.org/doc/1", safe="")),
        ("PUT", "/store?graph=" + quote("https://example.org/doc/2", safe="")),
    ]
    assert requests[1][3] == b'<https://example.org/b> <https://example.org/p> "three" .\n'
    assert "HTTP 204 No Content ×2" in result.stdout


def test_load_basic_auth_from_the_environment(runner, recorder, tmp_path, monkeypatch):
    base, requests = recorder
    monkeypatch.setenv(ENV_USER, "kg-user")
    monkeypatch.setenv(ENV_PASSWORD, "s3cret-pässword")
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/store")
    assert result.exit_code == 0, result.output
    expected = base64.b64encode("kg-user:s3cret-pässword".encode()).decode("ascii")
    assert requests[0][2]["Authorization"] == f"Basic {expected}"
    for text in (result.stdout, result.stderr):
        assert "s3cret" not in text and expected not in text


def test_load_bearer_token_from_the_environment(runner, recorder, tmp_path, monkeypatch):
    base, requests = recorder
    monkeypatch.setenv(ENV_TOKEN, "tok-123456")
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/store")
    assert result.exit_code == 0, result.output
    assert requests[0][2]["Authorization"] == "Bearer tok-123456"
    assert "tok-123456" not in result.stdout + result.stderr


def test_load_half_set_credentials_are_refused_before_sending(runner, recorder, tmp_path, monkeypatch):
    base, requests = recorder
    monkeypatch.setenv(ENV_USER, "kg-user")
    assert_one_line_error(kg_load(runner, small_build(tmp_path), "--endpoint", base + "/store"), ENV_PASSWORD)
    assert requests == []


def test_load_credentials_in_the_url_are_refused_and_not_echoed(runner, recorder, tmp_path):
    base, requests = recorder
    endpoint = base.replace("http://", "http://kg-user:s3cret@") + "/store"
    line = assert_one_line_error(kg_load(runner, small_build(tmp_path), "--endpoint", endpoint), ENV_USER)
    assert "s3cret" not in line and requests == []


def test_load_does_not_follow_redirects(runner, recorder, tmp_path, monkeypatch):
    base, requests = recorder
    monkeypatch.setenv(ENV_TOKEN, "tok-123456")
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/redirect")
    assert_one_line_error(result, f"Error: {base}/redirect: HTTP 307", "to /store")
    assert len(requests) == 1  # not replayed elsewhere, with or without the token


def test_load_refused_request_quotes_the_server(runner, recorder, tmp_path):
    base, _ = recorder
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/forbidden")
    assert_one_line_error(result, f"Error: {base}/forbidden: HTTP 403 Forbidden: no write access to this repository")


def test_load_connection_refused_is_one_line(runner, tmp_path):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    assert_one_line_error(kg_load(runner, small_build(tmp_path), "--endpoint", endpoint),
                          f"Error: {endpoint}: cannot connect")


def test_load_checks_its_inputs_before_sending(runner, recorder, tmp_path):
    base, requests = recorder
    out = small_build(tmp_path)
    assert_one_line_error(kg_load(runner, tmp_path / "none", "--endpoint", base), "graph.nt: no such file")
    assert_one_line_error(kg_load(runner, out, "--endpoint", base, "--dataset"), "graph.nq: no such file")
    assert_one_line_error(kg_load(runner, out, "--endpoint", base, "--graph", "seeds"), "not an absolute IRI")
    assert_one_line_error(kg_load(runner, out, "--endpoint", "ftp://example.org/"), "not an http")
    (out / "graph.nt").write_text("<a> <b> .\n", encoding="utf-8")
    assert_one_line_error(kg_load(runner, out, "--endpoint", base), "not valid N-Triples")
    assert kg_load(runner, out, "--endpoint", base, "--dataset", "--graph", SEEDS_GRAPH).exit_code == 2
    assert requests == []
