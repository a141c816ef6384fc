"""`kg explain`: the entity, its variants, and the rule and sentence behind each variant."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.explain import explain, find


@pytest.fixture(scope="module")
def seed_graph(seed_build):
    report, _ = seed_build
    return report.graph


def test_explain_finds_an_entity_by_a_variant(seed_graph):
    (entity,) = find(seed_graph, "省医保局")
    assert entity.name == "福建省医疗保障局"


def test_explain_gives_rule_and_evidence_for_each_variant(seed_graph):
    (entity,) = find(seed_graph, "福建省医疗保障局")
    text = explain(seed_graph, entity, "https://example.org/id/")
    assert "省医保局 <- standard abbreviation expanded; bare 省 = 福建省: named most" in text
    assert "000_2bd2ab5580cfad16.txt: 省医保局副局长刘家城表示" in text
    assert "role 副局长: PER:刘家城 -> ORG:福建省医疗保障局" in text


def test_explain_short_form_within_an_article(seed_graph):
    (entity,) = find(seed_graph, "第一医院")
    assert entity.name == "厦门大学附属第一医院"
    assert "第一医院 <- short form of a longer name in the same article" in explain(seed_graph, entity, "x:/")


def test_explain_cli_unknown_name_is_one_line_error(seeds_dir):
    result = CliRunner().invoke(cli, ["explain", "不存在的机构", str(seeds_dir)])
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == ["Error: 不存在的机构: no entity has this name or variant"]


def test_explain_cli_prints_the_entity(seeds_dir):
    result = CliRunner().invoke(cli, ["explain", "建瓯市", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert "adminCode: 350783000000" in result.output
    assert "parent: LOC:南平市" in result.output


def test_explain_shows_where_each_article_is_set(seed_graph):
    (entity,) = find(seed_graph, "省医保局")
    text = explain(seed_graph, entity, "x:/")
    assert "where 000_2bd2ab5580cfad16.txt is set:" in text
    assert "province 福建省: named most" in text
    votes = next(line for line in text.splitlines() if "votes for 福建省:" in line)
    assert "福建省×" in votes  # the places and bodies that voted, with their counts
