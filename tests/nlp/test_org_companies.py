"""A company's regional subsidiary named after its owner and its place (issue 11), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.rules.organizations import find_organizations
from kg.nlp.rules.places import make_place_rules


def orgs(raw: str) -> set[str]:
    places = make_place_rules()(raw, frozenset(), [])
    return {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG" and c.mention}


@pytest.mark.parametrize(
    "raw, company",
    [
        ("国药控股湖南有限公司负责配送。", "国药控股湖南有限公司"),
        ("他说国药控股广州有限公司已复工。", "国药控股广州有限公司"),
        ("中国移动通信集团福建有限公司提供网络保障。", "中国移动通信集团福建有限公司"),
    ],
)
def test_subsidiary_keeps_its_owner(raw, company):
    assert company in orgs(raw)


@pytest.mark.parametrize("raw", ["大型企业集团湖南有限公司成立。", "该公司湖南有限公司负责销售。"])
def test_kind_of_company_is_no_owner(raw):
    """A class word or a kind (大型企业集团) or a determiner (该公司) names no owner."""
    assert not any(o.endswith("湖南有限公司") and o != "湖南有限公司" for o in orgs(raw))
