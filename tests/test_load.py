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
from kg.endpoint import ENV_PASSWORD, ENV_TOKEN, ENV_USER

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


#: What Virtuoso answers a refused upload with: an HTML page, the message inside markup.
ERROR_PAGE = (b'<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head><title>Request failed</title>'
              b"<style>h1 { color: red }</style></head>\n<body><h1>HTTP/1.1 500 Internal Server Error</h1>\n"
              b"<h3>Error 42000</h3><xmp>SR325: Transaction aborted because it&#39;s log after image size went above"
              b" the limit</xmp><script>var x = 1;</script></body></html>\n")
DIGEST = 'Digest realm="kg-test", nonce="5ebe2294ecd0e0f0", opaque="8eab7690d2a6", qop="auth", algorithm="MD5"'


class Recorder(BaseHTTPRequestHandler):
    """Keeps each request as (method, path, headers, body) in ``self.server.requests`` and answers
    204, except: ``/redirect`` 307; ``/forbidden`` 403 with a line of text; ``/early`` 500 with
    an HTML page before reading the body, then closes; ``/hangup`` closes without answering;
    ``/digest`` 401 with a Digest challenge to anything without Digest credentials, ``HEAD`` too;
    ``/digest-upload`` the same, but answers ``HEAD`` without credentials."""

    def _answer(self) -> None:
        if self.path.startswith(("/early", "/hangup")):  # the body is not read
            self.server.requests.append((self.command, self.path, dict(self.headers), None))
            self.close_connection = True
            if self.path.startswith("/early"):
                self.send_response(500)
                self._body(ERROR_PAGE, "text/html; charset=UTF-8", close=True)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.command, self.path, dict(self.headers), body))
        digest = (self.headers.get("Authorization") or "").startswith("Digest ")
        if self.path.startswith("/redirect"):
            self.send_response(307)
            self.send_header("Location", "/store")
            self._body(b"")
        elif self.path.startswith("/forbidden"):
            self.send_response(403)
            self._body(b"no write access to this repository\n", "text/plain")
        elif self.path.startswith("/digest") and not digest and (
                self.command != "HEAD" or not self.path.startswith("/digest-upload")):
            self.send_response(401)
            self.send_header("WWW-Authenticate", DIGEST)
            self._body(b"")
        else:
            self.send_response(204)
            self.end_headers()

    def _body(self, body: bytes, media_type: str | None = None, close: bool = False) -> None:
        if media_type:
            self.send_header("Content-Type", media_type)
        if close:
            self.send_header("Connection", "close")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_PUT = do_POST = do_HEAD = _answer  # http.server dispatches on do_<METHOD>

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
    [(head, _, asked, _), (put, _, headers, _)] = requests  # asked first which scheme: the answer named none
    assert (head, put) == ("HEAD", "PUT") and "Authorization" not in asked
    assert headers["Authorization"] == f"Basic {expected}"
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


def test_load_digest_when_the_server_asks_for_it(runner, recorder, tmp_path, monkeypatch):
    """The HEAD without credentials is answered with a Digest challenge: the password is never
    sent as Basic, the upload carries Digest at once."""
    base, requests = recorder
    monkeypatch.setenv(ENV_USER, "kg-user")
    monkeypatch.setenv(ENV_PASSWORD, "s3cret-pässword")
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/digest", "--graph", SEEDS_GRAPH)
    assert result.exit_code == 0, result.output
    sent = [(method, headers.get("Authorization", "")) for method, _, headers, _ in requests]
    assert [(method, auth.split(" ")[0]) for method, auth in sent] == [
        ("HEAD", ""), ("HEAD", ""), ("HEAD", "Digest"), ("PUT", "Digest")]
    assert 'username="kg-user"' in sent[-1][1] and 'realm="kg-test"' in sent[-1][1]
    assert 'uri="/digest?graph=' in sent[-1][1]
    assert all("s3cret" not in auth and "Basic" not in auth for _, auth in sent)
    assert "s3cret" not in result.output


def test_load_digest_when_only_the_upload_asks_for_it(runner, recorder, tmp_path, monkeypatch):
    """A server that leaves HEAD open gets Basic first (documented), then the upload again with Digest."""
    base, requests = recorder
    monkeypatch.setenv(ENV_USER, "kg-user")
    monkeypatch.setenv(ENV_PASSWORD, "s3cret")
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/digest-upload")
    assert result.exit_code == 0, result.output
    assert [(m, (h.get("Authorization") or "").split(" ")[0]) for m, _, h, _ in requests] == [
        ("HEAD", ""), ("PUT", "Basic"), ("PUT", ""), ("PUT", "Digest")]
    assert "HTTP 204 No Content" in result.stdout


def test_load_early_server_error_is_quoted_not_a_broken_pipe(runner, recorder, tmp_path):
    """A 500 sent before the server reads the upload (the body is bigger than the socket
    buffers, so sending it fails) is reported as the server's answer, its HTML page as text."""
    base, requests = recorder
    lines = "".join(f'<https://example.org/s{i}> <https://example.org/p> "{i} 一二三四五六七八九十" .\n'
                    for i in range(250_000))
    out = small_build(tmp_path, data=lines)
    assert (out / "graph.nt").stat().st_size > 16_000_000
    result = kg_load(runner, out, "--endpoint", base + "/early", "--graph", SEEDS_GRAPH)
    line = assert_one_line_error(result, f"Error: {base}/early: HTTP 500 Internal Server Error: HTTP/1.1 500 "
                                         "Internal Server Error Error 42000 SR325: Transaction aborted because "
                                         "it's log after image size went above the limit")
    assert "<" not in line and "color" not in line and "var x" not in line
    assert len(requests) == 1


def test_load_connection_closed_without_an_answer_is_one_line(runner, recorder, tmp_path):
    base, _ = recorder
    result = kg_load(runner, small_build(tmp_path), "--endpoint", base + "/hangup")
    assert_one_line_error(result, f"Error: {base}/hangup: the connection was closed before the server answered")
