"""A body's units named in general (有关司局, 各处室, 相关科室): no one body, no person (issue 11).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.normalise import normalise


def ents(nlp, raw: str) -> set[tuple[str, str]]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    return {(e.text, e.label_) for e in nlp(doc).ents}


@pytest.mark.parametrize(
    "raw, body, wrong",
    [
        ("国家卫生健康委有关司局负责同志陪同考察。", "国家卫生健康委", "国家卫生健康委有关司局"),
        ("省卫生健康委相关处室负责同志陪同考察。", "省卫生健康委", "省卫生健康委相关处室"),
    ],
)
def test_units_in_general_are_no_unit(nlp, raw, body, wrong):
    found = ents(nlp, raw)
    assert (body, "ORG") in found
    assert wrong not in {text for text, _ in found}


def test_no_person_after_a_general_determiner(nlp):
    """有关|司局负责人: the two characters before the title are a kind of unit, not a name."""
    found = ents(nlp, "教育部有关司局负责人出席会议。")
    assert not {text for text, label in found if label == "PER"}
    assert ("教育部", "ORG") in found


def test_named_unit_after_its_body_is_kept(nlp):
    """A named unit after its parent is still one name (ANNOTATION.md: 省卫健委医政管理处)."""
    assert ("市卫健委医政医管处", "ORG") in ents(nlp, "市卫健委医政医管处处长出席。")


@pytest.mark.parametrize(
    "raw, unit",
    [
        # 所 before a title, shortly after its parent body: a unit of it, with 与 joining its fields
        ("省疾病预防控制中心环境与职业卫生所研究员陈明远介绍。", "省疾病预防控制中心环境与职业卫生所"),
        ("市农业科学院果树所研究员许文华说。", "市农业科学院果树所"),
    ],
)
def test_unit_of_a_body_before_a_title(nlp, raw, unit):
    assert (unit, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize("raw", ["我们所教授的课程很多。", "这是大家所共有的财富。"])
def test_particle_before_a_title_opens_no_body(nlp, raw):
    assert not {text for text, label in ents(nlp, raw) if label == "ORG"}


@pytest.mark.parametrize(
    "raw, branch",
    [
        # a hospital's branch, named after its place right after the hospital: one name as written
        ("东江大学附属第一医院西城医院正式开诊。", "东江大学附属第一医院西城医院"),
        ("市第一医院东区医院投入使用。", "市第一医院东区医院"),
    ],
)
def test_branch_hospital_is_one_name(nlp, raw, branch):
    found = ents(nlp, raw)
    assert (branch, "ORG") in found


def test_hospitals_listed_stay_apart(nlp):
    found = ents(nlp, "市人民医院、东区医院和西城医院联合义诊。")
    assert {("市人民医院", "ORG"), ("东区医院", "ORG"), ("西城医院", "ORG")} <= found


@pytest.mark.parametrize(
    "raw, wrong",
    [
        # a size word or a level before a common head: a kind of body
        ("大企业集团也参与了捐赠。", "大企业集团"),
        ("国家级科研院所参与合作。", "国家级科研院"),
        # a numeral before 所: a count of schools or clinics, no body named 某某三所
        ("当地新建乡镇卫生院三所。", "新建乡镇卫生院三所"),
        # a division's last character before 和 opens no body (某开发区|和某中心)
        ("青石经济开发区和人才服务中心联合举办招聘会。", "区和人才服务中心"),
    ],
)
def test_generic_phrases_are_no_bodies(nlp, raw, wrong):
    assert wrong not in {text for text, _ in ents(nlp, raw)}


@pytest.mark.parametrize(
    "raw, body",
    [
        ("新华医院专家来到现场。", "新华医院"),
        ("市第三中学和市实验小学结对共建。", "市第三中学"),
    ],
)
def test_names_before_generic_words_are_kept(nlp, raw, body):
    assert (body, "ORG") in ents(nlp, raw)
