"""Units of a democratic party whose names do not say their committee (``kg.link.party_units``),
on invented units and the committees an article names."""

from __future__ import annotations

import pytest

from kg.graph import build_graph
from kg.link.party_units import branch_committee, committee_of_unit
from kg.model import Entity, Mention

COMMITTEES = {"P": "九三学社福建省委员会", "C": "九三学社莆田市委员会", "N": "中国农工民主党江苏省委员会"}


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("九三学社省直工委", "P"),  # the provincial organs' working committee
        ("九三学社市直工委", "C"),
        ("九三学社福建师范大学委员会", "P"),  # a grassroots committee: the place its name opens with
        ("九三学社莆田学院委员会", "C"),  # the lowest committee that holds the place
        ("中国农工民主党南京大学委员会", "N"),  # another party's committee of the place
        ("九三学社福建省委员会医卫专委会", None),  # the name carries its parent
        ("九三学社福建省委员会", None),  # a place's committee itself
        ("九三学社社会服务部", None),  # a department, no committee of its own
        ("九三学社厦门大学委员会", "P"),
        ("九三学社南京大学委员会", None),  # the article names no 九三学社 committee of 江苏
    ],
)
def test_party_units_committee_of_a_unit(unit, expected):
    assert committee_of_unit(unit, COMMITTEES) == expected


def test_party_units_in_the_graph_a_unit_is_under_its_article_s_committee_not_the_party():
    def entity(name: str) -> Entity:
        return Entity(f"ORG:{name}", "ORG", name, (name,), (Mention("a.txt", 0, len(name), "ORG", name, (0, 10)),))

    entities = [entity("九三学社"), entity("九三学社福建省委员会"), entity("九三学社省直工委")]
    graph = build_graph([], entities, [])
    suborgs = {(r.head, r.tail) for r in graph.relations if r.kind == "suborg"}
    assert ("ORG:九三学社省直工委", "ORG:九三学社福建省委员会") in suborgs
    assert ("ORG:九三学社省直工委", "ORG:九三学社") not in suborgs


@pytest.mark.parametrize(
    "branch, expected",
    [
        ("仙游县支社", "C"),  # a county of 莆田市: the city's committee
        ("莆田学院附属医院支社", "C"),  # named after a body of the city
        ("长乐区支社", None),  # a district of 福州市: the article names no committee of that city
    ],
)
def test_party_units_a_branch_is_under_its_city_s_committee(branch, expected):
    assert branch_committee(branch, COMMITTEES) == expected
