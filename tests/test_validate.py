"""SHACL validation: the seeds' graph conforms; a broken graph names the node and the rule."""

from __future__ import annotations

from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.cli import cli
from kg.namespaces import DEFAULT_BASE, iri_for_entity
from kg.validate import validate


def test_validate_seed_graph_has_no_violations(seed_build):
    _, out = seed_build
    assert validate(Graph().parse(out / "graph.ttl")) == []


def test_validate_names_node_and_rule(seed_build):
    _, out = seed_build
    graph = Graph().parse(out / "graph.ttl")
    entity = iri_for_entity(DEFAULT_BASE, "ORG", "福建省医疗保障局")
    assert (entity, SKOS.prefLabel, None) in graph
    graph.add((entity, SKOS.prefLabel, Literal("省医保局", lang="zh")))  # a second canonical name
    violations = validate(graph)
    assert [v.node for v in violations] == [str(entity)]
    assert "exactly one canonical name" in violations[0].message


def test_validate_cli_exits_1_on_violations(seed_build, tmp_path):
    _, out = seed_build
    graph = Graph().parse(out / "graph.ttl")
    membership = next(graph.subjects(predicate=URIRef("http://www.w3.org/ns/org#member")))
    graph.remove((membership, URIRef("http://www.w3.org/ns/org#role"), None))
    (tmp_path / "graph.ttl").write_text(graph.serialize(format="turtle"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert f"Violation: {membership}: a membership has one role" in result.output


def test_validate_cli_missing_graph_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["validate", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert result.stderr.strip().endswith("graph.nt: no such file (nor graph.ttl; run `kg build` first)")
