"""Start-up cost of the command line (issue 13): which modules a command imports.

Only the commands that extract (build, eval, explain) may load spaCy and the pipeline;
``kg --help`` loads none of the graph libraries either. Timing a subprocess would make a
flaky test on a shared machine, so each command runs in a fresh interpreter and the test
reads the set of modules it had imported when it exited (``sys.modules``).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

#: The extraction stack: what made every command take seconds to start.
EXTRACTION = {"spacy", "thinc", "kg.nlp", "kg.build", "kg.extract"}
#: What reading or writing RDF and graphs needs; a command that touches no graph need not load them.
GRAPH_LIBRARIES = {"rdflib", "pyoxigraph", "networkx", "numpy", "kg.export", "kg.namespaces"}


def test_the_detector_sees_spacy_when_the_build_stage_is_imported(tmp_path, run_kg):
    """The control: run through the same driver, a program that imports ``kg.build`` (as the
    command line did at start before issue 13) does show spaCy, so the tests below can fail."""
    done, modules = run_kg("--version")
    assert done.returncode == 0 and b"kg, version" in done.stdout
    assert not modules & EXTRACTION
    probe = tmp_path / "probe.py"
    probe.write_text("import sys, kg.build\nprint('spacy' in sys.modules)\n", encoding="utf-8")
    assert subprocess.run([sys.executable, str(probe)], capture_output=True, check=True).stdout == b"True\n"


def test_help_imports_no_extraction_and_no_graph_library(tmp_path, run_kg):
    done, modules = run_kg("--help")
    assert done.returncode == 0 and b"kg build" in done.stdout
    assert "kg.cli" in modules
    assert not modules & (EXTRACTION | GRAPH_LIBRARIES), sorted(modules & (EXTRACTION | GRAPH_LIBRARIES))


def test_a_command_help_imports_no_extraction(tmp_path, run_kg):
    done, modules = run_kg("build", "--help")
    assert done.returncode == 0 and b"--format [edges-csv|" in done.stdout  # the writers, read lazily
    assert not modules & EXTRACTION, sorted(modules & EXTRACTION)


@pytest.mark.parametrize(
    ("args", "stdout"),
    [
        (["query", "ASK { ?s ?p ?o }"], b"true\n"),
        (["query", "-", "--format", "csv"], b"n\r\n"),  # the query read from stdin
        (["validate"], b" 0 SHACL violations\n"),
        (["view", "-o", "page.html"], b"wrote page.html\n"),
    ],
)
def test_commands_that_read_a_build_do_not_import_spacy(seed_build, tmp_path, args, stdout, run_kg):
    _, out = seed_build
    stdin = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }" if "-" in args else ""
    done, modules = run_kg(*args, "--out", str(out), stdin=stdin)
    assert done.returncode == 0, done.stderr.decode()
    assert stdout in done.stdout, done.stdout.decode()
    assert not modules & EXTRACTION, sorted(modules & EXTRACTION)


def test_load_does_not_import_spacy(seed_build, tmp_path, run_kg):
    _, out = seed_build
    # port 9 (discard) is closed here: the load fails fast, after the build's files are read
    done, modules = run_kg("load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "5",
                           "--out", str(out))
    assert done.returncode == 1 and done.stderr.startswith(b"Error: "), done.stderr.decode()
    assert "kg.load" in modules
    assert not modules & EXTRACTION, sorted(modules & EXTRACTION)
