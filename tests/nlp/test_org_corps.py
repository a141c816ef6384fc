"""A numbered division of the production corps and its city, one body (issue 11), on sentences
written for these tests."""

from __future__ import annotations

from kg.nlp.rules.organizations import find_organizations
from kg.nlp.rules.places import make_place_rules


def mentions(raw: str) -> set[tuple[str, str]]:
    places = make_place_rules()(raw, frozenset(), [])
    return {(raw[c.start : c.end], c.label) for c in find_organizations(raw, places) if c.mention}


def test_division_and_city_are_one_body():
    found = mentions("会上，十四师昆玉市党委书记作了讲话。")
    assert ("十四师昆玉市", "ORG") in found
    assert not any(name.startswith("十四师昆玉市党委") for name, _ in found)  # the committee is in the title


def test_division_before_no_city_is_none():
    assert not any(label == "ORG" and name.endswith("师") for name, label in mentions("第一师范学院的学生参加了活动。"))
