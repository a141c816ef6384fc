"""A strong suffix (学校, 医院) after an everyday verb of three or four characters opens no body's
name (issue 11): 离不开|学校 is a verb and its object. Sentences invented for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.rules.organizations import find_organizations


def orgs(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in find_organizations(raw, []) if c.label == "ORG" and c.mention}


@pytest.mark.parametrize("raw", ["都离不开学校的培养。", "还离不开医院的帮助。"])
def test_verb_before_a_strong_suffix_opens_no_body(raw):
    assert not orgs(raw)


@pytest.mark.parametrize("raw, body", [("同仁医院的专家来了。", "同仁医院"), ("他在红星医院工作。", "红星医院")])
def test_a_name_before_a_strong_suffix_is_still_a_body(raw, body):
    assert body in orgs(raw)
