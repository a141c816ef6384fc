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


def bodies(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in find_organizations(raw, []) if c.label == "ORG" and c.mention}


@pytest.mark.parametrize(
    "raw, companies",
    [
        ("还前往青禾园公司和金石岭木艺家具公司调研。", {"青禾园公司", "金石岭木艺家具公司"}),
        ("代表团走访了青川堂公司、丰泽源公司。", {"青川堂公司", "丰泽源公司"}),
        ("当局批准青松岭公司和白杨湾公司开展合作。", {"青松岭公司", "白杨湾公司"}),  # 批准 is no part of it
    ],
)
def test_two_companies_joined(raw, companies):
    assert companies <= bodies(raw)


@pytest.mark.parametrize(
    "raw", ["物流公司和快递公司都要登记。", "母公司和子公司都要申报。", "这家公司和那家公司合并了。"]
)
def test_kinds_of_companies_joined_are_none(raw):
    assert not bodies(raw)
