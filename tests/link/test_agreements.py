"""Partners named by an agreement's title (``kg.link.agreements``), on invented bodies and titles."""

from __future__ import annotations

import pytest

from kg.graph import build_graph
from kg.link.agreements import parties
from kg.model import Entity, Mention


def entity(label: str, name: str, *docs: str) -> Entity:
    mentions = tuple(Mention(d, 0, len(name), label, name, (0, 10)) for d in docs)
    return Entity(f"{label}:{name}", label, name, (name,) if docs else (), mentions)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("江南省人民政府、东湖大学全面深化战略合作协议", ["江南省人民政府", "东湖大学"]),
        ("海城市第一医院与北山县总医院紧密型医联体合作协议书", ["海城市第一医院", "北山县总医院"]),
        (
            "江南省卫生健康委员会、江南省医疗保障局和江南省财政厅合作备忘录",
            ["江南省卫生健康委员会", "江南省医疗保障局", "江南省财政厅"],
        ),
        ("海城市第一医院医联体合作协议", []),  # one party: no partners
        ("三级医院对口帮扶贫困县县级医院责任书", []),  # no agreement's ending, no named body
        ("江南省人力资源和社会保障厅合作协议", []),  # 和 inside a name joins no parties
    ],
)
def test_agreements_parties_of_a_title(title, expected):
    assert parties(title) == expected


def test_agreements_the_title_s_parties_are_partners_one_known_only_from_the_title():
    """东湖大学 is named in the article; 江南省人民政府 only in the title: kept with no mentions."""
    entities = [
        entity("DOC", "江南省人民政府、东湖大学全面深化战略合作协议", "a.txt"),
        entity("ORG", "东湖大学", "a.txt"),
    ]
    graph = build_graph([], entities, [])
    partners = {frozenset((r.head, r.tail)) for r in graph.relations if r.kind == "partner"}
    assert partners == {frozenset(("ORG:江南省人民政府", "ORG:东湖大学"))}
    made = next(e for e in graph.entities if e.key == "ORG:江南省人民政府")
    assert made.mentions == ()
    assert all(r.evidence == (("a.txt", 0, 10),) for r in graph.relations if r.kind == "partner")


def test_agreements_a_party_written_short_is_the_article_s_body_of_that_official_form():
    """``江南省政府`` in a title is the article's 江南省人民政府, not a second body."""
    entities = [
        entity("DOC", "江南省政府、东湖大学战略合作协议", "a.txt"),
        entity("ORG", "江南省人民政府", "a.txt"),
        entity("ORG", "东湖大学", "a.txt"),
    ]
    graph = build_graph([], entities, [])
    partners = {frozenset((r.head, r.tail)) for r in graph.relations if r.kind == "partner"}
    assert partners == {frozenset(("ORG:江南省人民政府", "ORG:东湖大学"))}
    assert len([e for e in graph.entities if e.label == "ORG"]) == 2
