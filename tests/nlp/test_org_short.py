"""A body's short name listed among hospitals, with its full name in the same article (issue 11),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.rules.organizations import find_organizations
from kg.nlp.rules.places import make_place_rules


def orgs(raw: str) -> list[str]:
    places = make_place_rules()(raw, frozenset(), [])
    return [raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG" and c.mention]


@pytest.mark.parametrize(
    "raw, short",
    [
        ("江苏省立医院专家到场。义诊邀请了省人民医院、市立、省立、儿童等医院专家。", "省立"),
        ("湖南医科大学附属仁济医院主任出席。参加义诊的有省肿瘤医院、仁济、省立等医院。", "仁济"),
        ("山东省妇幼保健院和省肿瘤医院的专家参加。专家来自省肿瘤医院、妇幼等单位。", "妇幼"),
    ],
)
def test_short_name_in_a_list_with_the_full_name_in_the_article(raw, short):
    assert short in orgs(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "某商会组织省肿瘤医院、仁济、省立等各大医院专家义诊。",  # no full name in the article: no evidence
        "江苏省立医院专家到场。这所学校是一所省立学校。",  # not an item of a list
    ],
)
def test_short_name_without_evidence_or_outside_a_list(raw):
    found = orgs(raw)
    assert "省立" not in found and "仁济" not in found
