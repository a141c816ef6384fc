"""``kg query``: SPARQL over the seeds' build in the embedded store, printed as a table or
written as W3C SPARQL results (CSV, JSON) that the csv and json modules read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.query import display_width, format_table

QUERIES = Path(__file__).resolve().parents[1] / "queries"
POSTS = QUERIES / "posts_in_a_body.rq"
POSTS_INLINE = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?title WHERE {
  ?body skos:prefLabel "福建省医疗保障局"@zh .
  ?m org:organization ?body ; org:member ?p ; org:role ?r .
  ?p skos:prefLabel ?person . ?r skos:prefLabel ?title .
}"""
ASK_PERSON = 'ASK { ?p <http://www.w3.org/2004/02/skos/core#prefLabel> "{name}"@zh }'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def out(seed_build) -> Path:
    return seed_build[1]


def kg_query(runner: CliRunner, out: Path, *args: str):
    return runner.invoke(cli, ["query", "--out", str(out), *args])


def assert_one_line_error(result, *parts: str) -> None:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for part in parts:
        assert part in lines[0]
    assert "Traceback" not in result.output


def test_query_select_inline_prints_an_aligned_table(runner, out):
    result = kg_query(runner, out, POSTS_INLINE)
    assert result.exit_code == 0, result.output
    header, rule, row, count = result.stdout.splitlines()
    assert header.split() == ["person", "title"]
    assert row.split() == ["刘家城", "副局长"]
    assert count == "(1 row)"
    # the second column starts at the same terminal column in every line: 刘家城 is 6 columns wide
    assert display_width(row[: row.index("副局长")]) == display_width(header[: header.index("title")])
    assert rule == "------  ------"


def test_query_file_as_csv_follows_the_w3c_results_format(runner, out):
    result = kg_query(runner, out, "--file", str(POSTS), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [["person", "title"], ["刘家城", "副局长"]]
    assert b"\r\n" in result.stdout_bytes  # SPARQL 1.1 Query Results CSV: CRLF line ends, as RFC 4180


def test_query_file_as_json_follows_the_w3c_results_format(runner, out, tmp_path):
    target = tmp_path / "posts.json"
    result = kg_query(runner, out, "-f", str(POSTS), "--format", "json", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert str(target) in result.stdout and "刘家城" not in result.stdout
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["head"]["vars"] == ["person", "title"]
    [binding] = data["results"]["bindings"]
    assert binding["person"] == {"type": "literal", "value": "刘家城", "xml:lang": "zh"}
    assert binding["title"]["value"] == "副局长"


def test_query_csv_output_file_is_utf8(runner, out, tmp_path):
    target = tmp_path / "posts.csv"
    result = kg_query(runner, out, "-f", str(POSTS), "--format", "csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    with target.open(encoding="utf-8", newline="") as stream:
        assert list(csv.DictReader(stream)) == [{"person": "刘家城", "title": "副局长"}]


@pytest.mark.parametrize(("name", "answer"), [("刘家城", "true"), ("不存在的人", "false")])
def test_query_ask(runner, out, name, answer):
    result = kg_query(runner, out, ASK_PERSON.replace("{name}", name))
    assert result.exit_code == 0, result.output
    assert result.stdout == answer + "\n"
    result = kg_query(runner, out, ASK_PERSON.replace("{name}", name), "--format", "json")
    assert json.loads(result.stdout)["boolean"] is (answer == "true")


def test_query_construct_gives_rdf(runner, out):
    construct = ("PREFIX org: <http://www.w3.org/ns/org#> "
                 "CONSTRUCT { ?p org:memberOf ?o } WHERE { ?p org:memberOf ?o }")
    result = kg_query(runner, out, construct, "--format", "nt")
    assert result.exit_code == 0, result.output
    triples = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_TRIPLES))
    assert triples and all(t.predicate.value == "http://www.w3.org/ns/org#memberOf" for t in triples)
    turtle = kg_query(runner, out, construct)  # table: Turtle with the vocabularies' prefixes
    assert "@prefix org: <http://www.w3.org/ns/org#> ." in turtle.stdout
    assert len(list(ox.parse(turtle.stdout_bytes, format=ox.RdfFormat.TURTLE))) == len(triples)


def test_query_format_must_suit_the_query(runner, out):
    assert_one_line_error(kg_query(runner, out, POSTS_INLINE, "--format", "nt"), "QUERY", "CONSTRUCT")


def test_query_syntax_error_is_one_line_naming_the_file(runner, out, tmp_path):
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?x WHERE { ?x ?y }\n", encoding="utf-8")
    result = kg_query(runner, out, "--file", str(broken))
    assert_one_line_error(result, f"Error: {broken}: not a valid SPARQL query", "1:")
    assert_one_line_error(kg_query(runner, out, "SELEC ?x"), "Error: QUERY: not a valid SPARQL query")


def test_query_missing_graph_is_one_line(runner, tmp_path):
    result = kg_query(runner, tmp_path, POSTS_INLINE)
    assert_one_line_error(result, str(tmp_path / "graph.nt"), "kg build")


def test_query_missing_query_file_is_one_line(runner, out, tmp_path):
    assert_one_line_error(kg_query(runner, out, "-f", str(tmp_path / "nope.rq")), "nope.rq: no such file")


def test_query_needs_exactly_one_query(runner, out):
    assert kg_query(runner, out).exit_code == 2
    assert kg_query(runner, out, "ASK {}", "--file", str(POSTS)).exit_code == 2


def test_query_reads_turtle_when_there_is_no_ntriples(runner, out, tmp_path):
    shutil.copyfile(out / "graph.ttl", tmp_path / "graph.ttl")
    result = kg_query(runner, tmp_path, POSTS_INLINE, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "刘家城,副局长" in result.stdout


def test_query_broken_graph_is_one_line(runner, tmp_path):
    (tmp_path / "graph.nt").write_text("<a> <b> .\n", encoding="utf-8")
    assert_one_line_error(kg_query(runner, tmp_path, "ASK {}"), "graph.nt: not valid N-Triples")


def test_table_pads_by_display_width_and_cuts_long_cells():
    assert display_width("刘家城") == 6 and display_width("ab") == 2 and display_width("（") == 2
    table = format_table(["name", "n"], [["刘家城", "1"], ["Li", "22"], ["长" * 100, ""]])
    lines = table.splitlines()
    starts = {display_width(line[: line.rindex(" ") + 1]) for line in lines[2:4]}
    assert len(starts) == 1  # the second column is aligned despite the double-width name
    assert lines[4].endswith("…") and display_width(lines[4]) <= 60
    assert lines[-1] == "(3 rows)"


def test_query_dash_reads_the_query_from_stdin(runner, out):
    result = runner.invoke(cli, ["query", "-", "--out", str(out), "--format", "csv"], input=POSTS_INLINE)
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [["person", "title"], ["刘家城", "副局长"]]
    result = runner.invoke(cli, ["query", "--file", "-", "--out", str(out)], input=POSTS.read_bytes())
    assert result.exit_code == 0, result.output
    assert "刘家城" in result.stdout


def test_query_from_stdin_is_named_stdin_in_errors(runner, out):
    result = runner.invoke(cli, ["query", "-", "--out", str(out)], input="SELECT ?x WHERE { ?x ?y }")
    assert_one_line_error(result, "Error: <stdin>: not a valid SPARQL query")
    result = runner.invoke(cli, ["query", "-f", "-", "--out", str(out)], input=b"ASK {} # \xff")
    assert_one_line_error(result, "Error: <stdin>: not UTF-8")


def test_query_short_o_is_the_output_file_and_dash_is_stdout(runner, out, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = kg_query(runner, out, POSTS_INLINE, "--format", "csv", "-o", "posts.csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "  wrote posts.csv\n"
    assert (tmp_path / "posts.csv").read_bytes() == b"person,title\r\n\xe5\x88\x98\xe5\xae\xb6\xe5\x9f\x8e," \
                                                      b"\xe5\x89\xaf\xe5\xb1\x80\xe9\x95\xbf\r\n"
    result = kg_query(runner, out, POSTS_INLINE, "--format", "csv", "--output", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (tmp_path / "posts.csv").read_bytes()
    assert not (tmp_path / "-").exists()


def test_query_output_suffix_chooses_the_format_unless_format_is_given(runner, out, tmp_path):
    """``-o posts.csv`` writes CSV (not the table a terminal gets); ``--format`` still decides when given,
    and a suffix that is no format (``.txt``) gets the table."""
    csv_file, json_file, text_file = tmp_path / "posts.CSV", tmp_path / "posts.json", tmp_path / "posts.txt"
    for target in (csv_file, json_file, text_file):
        result = kg_query(runner, out, POSTS_INLINE, "-o", str(target))
        assert result.exit_code == 0, result.output
    assert csv_file.read_bytes().decode("utf-8") == "person,title\r\n刘家城,副局长\r\n"
    bindings = json.loads(json_file.read_text(encoding="utf-8"))["results"]["bindings"]
    assert [(b["person"]["value"], b["title"]["value"]) for b in bindings] == [("刘家城", "副局长")]
    assert text_file.read_text(encoding="utf-8") == kg_query(runner, out, POSTS_INLINE).stdout
    assert "(1 row)" in text_file.read_text(encoding="utf-8")
    assert kg_query(runner, out, POSTS_INLINE, "--format", "tsv", "-o", str(csv_file)).exit_code == 0
    assert csv_file.read_text(encoding="utf-8").startswith("?person\t?title\n")


def test_query_short_o_on_a_folder_is_refused(runner, out):
    """``kg query -o out`` meant the build folder before -o became --output: it must not
    write into (or over) the folder."""
    result = kg_query(runner, out, "ASK {}", "-o", str(out))
    assert result.exit_code == 2
    assert "is a directory" in result.stderr
    assert out.is_dir()


def test_query_quiet_and_verbose(runner, out, tmp_path):
    target = tmp_path / "n.json"
    for args in (["-q", "query"], ["query", "--quiet"]):
        result = runner.invoke(cli, [*args, "ASK {}", "--out", str(out), "--format", "json", "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert result.stdout == "" and result.stderr == ""
        assert json.loads(target.read_text(encoding="utf-8")) == {"head": {}, "boolean": True}
    plain = kg_query(runner, out, POSTS_INLINE)
    verbose = runner.invoke(cli, ["-v", "query", "--out", str(out), POSTS_INLINE])
    assert verbose.exit_code == 0, verbose.output
    assert verbose.stdout == plain.stdout  # details never mix with results
    triples = len((out / "graph.nt").read_bytes().splitlines())
    assert f"kg: loaded {triples} triples from {out / 'graph.nt'} in " in verbose.stderr
    assert "kg: ran QUERY in " in verbose.stderr and "(1 row)" in verbose.stderr
