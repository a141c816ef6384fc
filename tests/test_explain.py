"""`kg explain`: the entity, its variants, the rule and sentence behind each variant, where
each article is set, read from the build's explain.jsonl (no extraction), or from PATHS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.explain import FILE_NAME, explain_build, explain_graph, find, read_explanations


@pytest.fixture(scope="module")
def out(seed_build) -> Path:
    return seed_build[1]


def test_explain_finds_an_entity_by_a_variant(out):
    (entity,), _ = read_explanations(out, "省医保局")
    assert entity.name == "福建省医疗保障局"
    assert entity.key == "ORG:福建省医疗保障局"


def test_explain_gives_rule_and_evidence_for_each_variant(out):
    text = explain_build(out, "福建省医疗保障局")
    assert "省医保局 <- standard abbreviation expanded; bare 省 = 福建省: named most" in text
    assert "000_2bd2ab5580cfad16.txt: 省医保局副局长刘家城表示" in text
    assert "role 副局长: PER:刘家城 -> ORG:福建省医疗保障局" in text


def test_explain_short_form_within_an_article(out):
    text = explain_build(out, "第一医院")
    assert text.startswith("厦门大学附属第一医院  (Organization, ")
    assert "第一医院 <- short form of a longer name in the same article" in text


def test_explain_shows_where_each_article_is_set(out):
    text = explain_build(out, "省医保局")
    assert "where 000_2bd2ab5580cfad16.txt is set:" in text
    assert "province 福建省: named most" in text
    votes = next(line for line in text.splitlines() if "votes for 福建省:" in line)
    assert "福建省×" in votes  # the places and bodies that voted, with their counts


def test_explain_from_the_build_is_what_the_graph_says(seed_build):
    """The file is a faithful record: explaining the build's graph in memory gives the same text."""
    report, out = seed_build
    for name in ("省医保局", "第一医院", "建瓯市", "刘家城"):
        assert explain_build(out, name) == explain_graph(report.graph, name, "https://w3id.org/kg-zh/id/"), name


def test_explain_by_paths_extracts_them_with_the_options(seeds_dir):
    """PATHS still explain without a build, and --base then names the IRIs."""
    result = CliRunner().invoke(cli, ["explain", "建瓯市", str(seeds_dir), "--base", "x:/"])
    assert result.exit_code == 0, result.output
    assert "  iri: x:/place/" in result.output
    assert "adminCode: 350783000000" in result.output
    assert "parent: LOC:南平市" in result.output


#: What explaining a build must not load: the extraction stack, and rdflib.
EXTRACTION = {"spacy", "kg.nlp", "kg.build", "kg.extract", "rdflib"}


def test_explain_cli_reads_the_build_without_spacy(out, run_kg):
    done, modules = run_kg("explain", "省医保局", "--out", str(out))
    stdout = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode()
    assert "省医保局 <- standard abbreviation expanded" in stdout
    assert "000_2bd2ab5580cfad16.txt: 省医保局副局长刘家城表示" in stdout
    assert not modules & EXTRACTION


def test_the_no_spacy_check_can_fail(seeds_dir, run_kg):
    """The control for the test above: explaining PATHS extracts, and the driver sees it."""
    done, modules = run_kg("explain", "建瓯市", str(seeds_dir / "004_6573e7190c4723fc.txt"))
    assert done.returncode == 0, done.stderr.decode()
    assert "spacy" in modules


def test_explain_cli_unknown_name_is_one_line_error(out):
    result = CliRunner().invoke(cli, ["explain", "不存在的机构", "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: 不存在的机构: no entity has this name or variant"]


def test_explain_without_a_build_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["explain", "省医保局", "--out", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {tmp_path / 'nothing' / FILE_NAME}: no such file (run `kg build` first)"]


def test_explain_a_build_without_its_file_says_how_to_get_it(out, tmp_path):
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "graph.nt").write_bytes((out / "graph.nt").read_bytes())
    result = CliRunner().invoke(cli, ["explain", "省医保局", "--out", str(partial)])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: {partial / FILE_NAME}: no such file (") and "explain-jsonl" in line


def test_explain_refuses_a_file_of_another_layout(tmp_path):
    (tmp_path / FILE_NAME).write_text(json.dumps({"format": "kg-explain", "version": 99}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", "省医保局", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "not a kg-explain file of version 1" in result.output


def test_build_options_without_paths_are_a_usage_error(out):
    result = CliRunner().invoke(cli, ["explain", "省医保局", "--out", str(out), "--province", "江西省"])
    assert result.exit_code == 2
    assert "go with PATHS" in result.output


def test_find_prefers_the_name_to_a_variant(out):
    """``find`` on entries read by substring: an entity named X wins over one having X as a variant."""
    candidates, _ = read_explanations(out, "福建省")
    assert [e.key for e in find(candidates, "福建省")] == ["LOC:福建省"]


def test_article_settings_are_decided_with_the_builds_province():
    """An article that names no place takes the build's --province (``Graph.province``), as linking did."""
    from kg.export.explain import settings
    from kg.graph import build_graph
    from kg.model import Document

    text = "院长在会上介绍了医院的新门诊楼。"
    doc = Document("a.txt", "a.txt", text, text, range(len(text) + 1))
    assert settings(build_graph([doc], [], [], "江西省")) == {
        "a.txt": ("province 江西省: the article names no place: --province",)}
    assert settings(build_graph([doc], [], [], None)) == {"a.txt": ("province none: no place named",)}
