"""Roles read around person mentions, on real sentences from the seeds."""

from __future__ import annotations

import pytest

from kg.labels import NAMED_AFTER
from kg.normalise import normalise


def roles(nlp, raw: str) -> set[tuple[str, str, str | None]]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    doc = nlp(doc)
    spans = list(doc.spans["kg_mentions"])
    return {(spans[h].text, role, spans[t].text if t >= 0 else None) for _, h, t, role in doc._.kg_relations}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("省医保局副局长刘家城表示，", {("刘家城", "副局长", "省医保局")}),
        ("厦门大学附属第一医院王占\n祥院长表示，", {("王占祥", "院长", "厦门大学附属第一医院")}),
        ("许先生第二天便现身林威医\n生所在的心内科", {("林威", "医生", None)}),
        ("□本报记者 邓剑云\n4 月是全国", {("邓剑云", "记者", None)}),
        (
            "省卫健委党组书记、主任，\n省医学会会长杨闽红出席会议",
            {("杨闽红", "党组书记", "省卫健委"), ("杨闽红", "主任", "省卫健委"), ("杨闽红", "会长", "省医学会")},
        ),
        (
            "北京医联党委\n书记、北京屈正爱\n心基金会创始人屈\n正表示，",
            {("屈正", "书记", "北京医联党委"), ("屈正", "创始人", "北京屈正爱心基金会")},
        ),
    ],
)
def test_relations_roles(nlp, raw, expected):
    assert expected <= roles(nlp, raw)


def relations(nlp, raw: str) -> set[tuple[str, str, str | None, str]]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    doc = nlp(doc)
    spans = list(doc.spans["kg_mentions"])
    return {(kind, spans[h].text, spans[t].text if t >= 0 else None, role) for kind, h, t, role in doc._.kg_relations}


def test_relations_byline_of_the_paper(nlp):
    assert ("byline", "邓剑云", None, "记者") in relations(nlp, "□本报记者 邓剑云\n4 月是全国医保基金监管集")


def test_relations_organizers_listed_under_their_field(nlp):
    raw = " 主办单位：福建省医疗保障局\n协办单位：福州市医疗保障\n\n局、《福建卫生报》社\n\n活动组织机构"
    found = {(k, h, r) for k, h, _, r in relations(nlp, raw) if k == "organizer"}
    assert found == {
        ("organizer", "福建省医疗保障局", "主办"),
        ("organizer", "福州市医疗保障局", "协办"),
        ("organizer", "《福建卫生报》社", "协办"),
    }


#: Seed 000: a body, its full name in brackets, and the hospital it signs with.
SIGNING = (
    "启动仪式上，北京医联党委\n（中国北京市医疗健康领域基金\n"
    "会第一联合委员会）与厦门大学\n附属第一医院签署医疗共建战略\n协议。"
)


def test_relations_partners_sign_an_agreement(nlp):
    partners = ("partner", "中国北京市医疗健康领域基金会第一联合委员会", "厦门大学附属第一医院", "")
    assert partners in relations(nlp, SIGNING)


def test_relations_body_governed_by_another(nlp):
    raw = "《福建卫生报》社由福建日报社主管，旗下拥有两张报纸。"
    assert ("suborg", "《福建卫生报》社", "福建日报社", "") in relations(nlp, raw)


def test_relations_papers_owned_by_the_subject_of_the_sentence(nlp):
    """旗下 after ``A由B主管，``: the papers are under A (the subject), not under B (the agent)."""
    raw = "《福建卫生报》社由福建日报\n社主管，旗下拥有《每周文摘》及\n\n《福建卫生报》两张报纸。"
    suborgs = {(h, t) for k, h, t, _ in relations(nlp, raw) if k == "suborg"}
    assert ("《每周文摘》", "《福建卫生报》社") in suborgs
    assert ("《福建卫生报》社", "福建日报社") in suborgs
    assert not any(t == "福建日报社" and h != "《福建卫生报》社" for h, t in suborgs)


def test_relations_a_system_setting_up_posts_is_no_subordinate_body(nlp):
    """``内设立``: 设立 (set up) is the verb, not 内设 (internal unit)."""
    raw = "此外，他还强化监督机制建设，在系统内设立了97名廉政监察员，对外聘请了445人为廉政督察员。"
    assert not {k for k, *_ in relations(nlp, raw)} & {"suborg"}


def test_relations_body_before_the_verb_organizes_the_program(nlp):
    """An MSRA test sentence: 河北省委 ... 实施“鱼水工程”."""
    raw = "去年３月，河北省委提出实施“鱼水工程”，推行政务公开。"
    assert ("organizer", "河北省委", "“鱼水工程”", "实施") in relations(nlp, raw)


def test_relations_no_organizer_is_guessed_for_an_implicit_subject(nlp):
    raw = "同时，持续推进省级集采提速扩\n\n面。开展我省第五批药品、医用耗材\n\n集中带量采购，119个药品中选。"
    assert not {k for k, *_ in relations(nlp, raw)} & {"organizer"}


def test_relations_program_named_after_its_body(nlp):
    raw = SIGNING + "4月7日，北京医联党委福建“师\n带徒”医疗帮扶行动·厦门站启动。"
    assert ("organizer", "北京医联党委", "北京医联党委福建“师带徒”医疗帮扶行动", NAMED_AFTER) in relations(nlp, raw)


def test_relations_where_the_text_says_a_body_is(nlp):
    """An MSRA test sentence: 位于索韦托地区的巴拉瓜纳医院."""
    raw = "于今年６月后开始在位于索韦托地区的巴拉瓜纳医院围墙上组织绘制约堡第二面“纪念墙”。"
    assert ("located", "巴拉瓜纳医院", "索韦托", "") in relations(nlp, raw)


@pytest.mark.parametrize(
    "raw, child, parent",
    [
        # public pages of the bodies themselves
        ("江苏省疾病预防控制中心是江苏省卫生健康委员会直属的公益一类全额拨款事业单位。", "江苏省疾病预防控制中心",
         "江苏省卫生健康委员会"),
        ("河北省疾病预防控制中心为河北省卫生健康委员会直属公益一类全额事业单位", "河北省疾病预防控制中心",
         "河北省卫生健康委员会"),
        ("中日友好医院（简称“中日医院”）是国家卫生健康委员会直属大型综合性三级甲等医院", "中日医院",
         "国家卫生健康委员会"),
        # People's Daily test set: the parent first
        ("长航集团所属长江轮船海外旅游总公司，是长江上最大的旅游企业。", "长江轮船海外旅游总公司", "长航集团"),
    ],
)
def test_relations_body_directly_under_another(nlp, raw, child, parent):
    assert ("suborg", child, parent, "") in relations(nlp, raw)
