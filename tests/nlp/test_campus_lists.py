"""Campuses listed after the first one named with its hospital, and verbs of sending a team that
end a body's name on its left (issue 11), on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.rules.organizations import find_organizations
from kg.nlp.rules.places import make_place_rules


def orgs(raw: str) -> set[str]:
    places = make_place_rules()(raw, frozenset(), [])
    return {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG" and c.mention}


@pytest.mark.parametrize(
    "raw, campuses",
    [
        ("郑州大学第一附属医院郑东院区和惠济院区同步开展义诊。", {"郑州大学第一附属医院郑东院区", "惠济院区"}),
        ("某市人民医院东湖院区、光明路院区及南山院区均开设门诊。", {"光明路院区", "南山院区"}),
    ],
)
def test_campuses_listed_after_the_first(raw, campuses):
    found = orgs(raw)
    assert campuses <= found
    assert not any(o.endswith("院") and o[:-1] + "院区" in campuses for o in found)  # no body named 某院


@pytest.mark.parametrize(
    "raw, body",
    [
        ("武警某某总队医院派出医疗队支援灾区。", "武警某某总队医院"),
        ("省人民医院选派医疗队支援灾区。", "省人民医院"),
        ("市中心医院派遣医疗队前往灾区。", "市中心医院"),
    ],
)
def test_sending_verb_ends_a_body_on_its_left(raw, body):
    found = orgs(raw)
    assert not any(len(o) > len(body) and o.startswith(body) for o in found)


def test_police_station_keeps_its_name():
    assert "阳江市公安局城南派出所" in orgs("阳江市公安局城南派出所民警赶到现场。")
