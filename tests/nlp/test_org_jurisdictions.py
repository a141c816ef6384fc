"""Bodies opened by a jurisdiction whose first characters make an everyday word (issue 11), on
sentences written for these tests: 自治区/自治州 (自治 is a word), 市场/市政 departments (市场, 县市)."""

from __future__ import annotations

import pytest

from kg.nlp.rules.organizations import find_organizations
from kg.nlp.rules.places import make_place_rules


def orgs(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in find_organizations(raw, []) if c.label == "ORG"}


@pytest.mark.parametrize(
    "raw, body",
    [
        ("自治区人民医院派出专家团队赴边境县义诊。", "自治区人民医院"),
        ("自治区卫生健康委副主任孙明远一行到县里调研。", "自治区卫生健康委"),
        ("自治州中医医院院长吴立平出席仪式。", "自治州中医医院"),
    ],
)
def test_autonomous_jurisdiction_opens_a_body(raw, body):
    assert body in orgs(raw)


def test_autonomous_jurisdiction_level_is_no_body():
    assert not orgs("该院被评为自治区级示范医院。")


@pytest.mark.parametrize(
    "raw, body",
    [
        ("城管局、市场监管局等部门开展联合检查。", "市场监管局"),
        ("县市场监督管理局局长钱文波介绍了情况。", "县市场监督管理局"),
        ("市政管理局负责道路维护。", "市政管理局"),
    ],
)
def test_market_and_city_works_departments(raw, body):
    assert body in orgs(raw)


@pytest.mark.parametrize("raw", ["市场监管中心将于明年建成。", "推进区域医疗中心建设。"])
def test_everyday_word_after_jurisdiction_still_no_body(raw):
    assert not orgs(raw)


def test_visit_verb_ends_the_body_before_it():
    """某指挥部慰问某医院: the verb of a visit is in no body's name; the hospital is a body of its own."""
    raw = "援藏工作队慰问青山医院一线医务人员。"
    found = orgs(raw)
    assert "青山医院" in found
    assert not any("慰问" in name for name in found), found


@pytest.mark.parametrize(
    "raw, body",
    [
        ("由国家卫生健康委人才交流和继续教育中心主办。", "国家卫生健康委人才交流和继续教育中心"),
        ("省妇幼与老年卫生协会会长邓立群致辞。", "省妇幼与老年卫生协会"),
    ],
)
def test_conjunction_joining_two_fields_of_one_name(raw, body):
    assert body in orgs(raw)


@pytest.mark.parametrize(
    "raw, bodies",
    [
        ("省卫健委和省医保局联合发文。", {"省卫健委", "省医保局"}),  # a jurisdiction after it: two bodies
        ("北京大学和清华大学的学者出席。", {"北京大学", "清华大学"}),  # a body's suffix before it
    ],
)
def test_conjunction_between_two_bodies_still_splits(raw, bodies):
    assert bodies <= orgs(raw)


def test_conjunction_after_a_zone_joins_no_fields():
    """某实验区和某某中心: a zone before 和 joins no fields; the two are no one body."""
    assert not any("和" in name for name in orgs("白石高新实验区和人才服务中心联合举办招聘会。"))


@pytest.mark.parametrize(
    "raw, body",
    [
        ("呼和浩特市第三医院专家赶赴牧区巡诊。", "呼和浩特市第三医院"),  # 和 of 呼和浩特
        ("青海省共和县中医院与省级医院签约。", "青海省共和县中医院"),  # 和 of 共和县
    ],
)
def test_conjunction_character_inside_a_place_is_no_stop(raw, body):
    places = make_place_rules()(raw, frozenset(), [])
    assert body in {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG"}


def test_hospital_named_again_without_its_place():
    """某县总医院 … 总医院: the hospital's tail written alone is the hospital again."""
    raw = "青云县总医院挂牌成立。总医院下设三个分院。"
    places = make_place_rules()(raw, frozenset(), [])
    found = [raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG"]
    assert found.count("总医院") == 1 and "县总医院" in "".join(found)


def test_bare_head_left_by_a_place_is_no_tail():
    """某镇|卫生院: what is left after the place is the kind of body, written alone it names none."""
    raw = "大石镇卫生院开展义诊。卫生院医生为群众量血压。"
    places = make_place_rules()(raw, frozenset(), [])
    assert "卫生院" not in [raw[c.start : c.end] for c in find_organizations(raw, places)]


def test_no_tail_cut_through_a_word():
    """某市立医院: 市 is the place's and the hospital's (市立), so 立医院 is no tail, and 公立医院 holds none."""
    raw = "瑞安市立医院开展义诊。公立医院改革持续推进。"
    places = make_place_rules()(raw, frozenset(), [])
    assert "立医院" not in [raw[c.start : c.end] for c in find_organizations(raw, places)]


@pytest.mark.parametrize(
    "raw, body",
    [
        # a county the gazetteer does not list, named by a word jieba knows as a place
        ("青岗县卫生健康局局长李明说。", "青岗县卫生健康局"),
        # a listed county (云县) cut out of such a word: the word names the county
        ("来自青云县人民医院的专家。", "青云县人民医院"),
    ],
)
def test_county_named_by_a_place_word(raw, body):
    places = make_place_rules()(raw, frozenset(), [])
    assert body in {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG" and c.mention}


@pytest.mark.parametrize(
    "raw, body",
    [("海西州白沙县县委常委出席。", "海西州白沙县县委"), ("玉树州白沙县县委书记出席。", "玉树州白沙县县委")],
)
def test_county_committee_keeps_its_named_county(raw, body):
    """某州某县|县委: the county is named already; 县 opens its committee, not a county's name."""
    places = make_place_rules()(raw, frozenset(), [])
    assert body in {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG"}


@pytest.mark.parametrize(
    "raw, body, not_body",
    [
        ("南山大学党委专职副书记王博出席。", "南山大学", "南山大学党委"),
        ("南山大学党委常务副书记陈宝出席。", "南山大学", "南山大学党委"),
        ("青云县人民医院党组副书记李华出席。", "青云县人民医院", "青云县人民医院党组"),
    ],
)
def test_party_committee_before_a_title_is_part_of_the_title(raw, body, not_body):
    """NOTES: parent-organ titles (某大学党委常委): the body is the one before the committee."""
    places = make_place_rules()(raw, frozenset(), [])
    found = {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG" and c.mention}
    assert body in found and not_body not in found


def test_party_committee_written_alone_is_a_body():
    raw = "青云县人民医院党委召开专题会议。"
    places = make_place_rules()(raw, frozenset(), [])
    assert "青云县人民医院党委" in {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG"}


@pytest.mark.parametrize(
    "raw, body",
    [
        ("江南省人民医院、解放军海防保障部队第九七七医院参加义诊。", "解放军海防保障部队第九七七医院"),
        ("武警江南总队医院的专家到场。", "武警江南总队医院"),
        ("中国人民解放军东部战区总医院专家到场。", "中国人民解放军东部战区总医院"),
    ],
)
def test_armed_forces_open_their_units_names(raw, body):
    """解放军 and 武警 open the names of their hospitals and units, as a party opens its bodies'."""
    places = make_place_rules()(raw, frozenset(), [])
    assert body in {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG" and c.mention}
