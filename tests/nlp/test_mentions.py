"""The mention ruler on real sentences from the seeds (tests/ may quote them; the package may not)."""

from __future__ import annotations

import pytest
from spacy.lang.zh import Chinese

from kg.normalise import normalise


def ents(nlp, raw: str) -> set[tuple[str, str]]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    return {(e.text, e.label_) for e in nlp(doc).ents}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("省医保局副局长刘家城表示，", ("刘家城", "PER")),
        ("厦门大学附属第一医院王占\n祥院长表示，", ("王占祥", "PER")),
        ("□本报记者 邓剑云\n4 月是全国医保基金监管集", ("邓剑云", "PER")),
        ("康复医学中心副主任医师姜\n财发现，直播后", ("姜财", "PER")),
        ("许先生第二天便现身林威医\n生所在的心内科", ("林威", "PER")),
        ("会议由省医学会、省医\n师 协 会 党 支 部 书 记 朱 鹏 立 主\n持。", ("朱鹏立", "PER")),
    ],
)
def test_mentions_person_by_context(nlp, raw, expected):
    assert expected in ents(nlp, raw)


def test_mentions_credit_line_names_split_at_ocr_spaces(nlp):
    found = ents(nlp, "客座教授/研究员5人。\n\n（廖小勇 陈雯 李欣）\n")
    assert {("廖小勇", "PER"), ("陈雯", "PER"), ("李欣", "PER")} <= found


@pytest.mark.parametrize(
    "raw",
    [
        "更有一些观众，将线上的热情延续到了线下，许先生便是其中之一。",  # surname + honorific
        "患者张女士听专家的治疗建议后，找到了对症的办法。",
        "省医学会专科分会主任委员和秘书；省医师协会专科医师分会会长和秘书等300多人参加活动。",
        # a list of departments: 普外 (general surgery) is one of them, not a person
        "参加这次义诊的援疆医疗专家涵盖了心内科、神经外科、妇科、心胸外科、针灸科、肿瘤科、麻醉科、普外等专业领域。",
    ],
)
def test_mentions_no_person_without_a_full_name(nlp, raw):
    assert not {text for text, label in ents(nlp, raw) if label == "PER"}


@pytest.mark.parametrize(
    "raw, name",
    [
        ("省医保局副局长刘家城表示", "省医保局"),
        ("来自厦门大学附属第一医院心血管内科、泌尿外科的12名骨干医师", "厦门大学附属第一医院"),
        ("2016年11月，在省委组织部和省人社厅的支持下", "省委组织部"),
        ("2016年11月，在省委组织部和省人社厅的支持下", "省人社厅"),
        ("本次培训还特邀福建省委党校马克思主义研究院院长李永杰教授作", "福建省委党校马克思主义研究院"),
        ("福建省医疗保障局在福建日报·新福建客户端开设了专题", "福建日报·新福建客户端"),
        ("主办单位：福建省医疗保障局\n协办单位：福州市医疗保障\n\n局、《福建卫生报》社", "《福建卫生报》社"),
        ("南平市人民政府副市长林湫介绍", "南平市人民政府"),
        ("为深入贯彻落实党的二十大精神，省纪委监委将整治", "省纪委监委"),
        # a headline naming one body, then a paragraph opening with another: two names, not one
        ("国家卫健委发文推广三明经验\n\n国家卫生健康委办公厅近日印发", "国家卫生健康委办公厅"),
        ("国家卫健委发文推广三明经验\n\n国家卫生健康委办公厅近日印发", "国家卫健委"),
    ],
)
def test_mentions_organization_whole_name(nlp, raw, name):
    assert (name, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, generic",
    [
        ("加强三级医院对口帮扶县医院", "三级医院"),
        ("各设区市卫健委、平潭综合实验区社会事业局、省属医疗机构以问题和需求为导向", "设区市卫健委"),
        ("是全国首家“双料”通过认证的大型综合性医院。", "大型综合性医院"),
        ("提升定点医药机构、医保经办机构以及从业人员法治意识", "定点医药机构"),
    ],
)
def test_mentions_generic_references_are_not_organizations(nlp, raw, generic):
    orgs = {text for text, label in ents(nlp, raw) if label == "ORG"}
    assert not any(generic in org or org in generic for org in orgs), orgs


@pytest.mark.parametrize(
    "raw, place",
    [
        ("7日，福建省医保基金监管集中宣传月活动在福州启动。", "福州"),
        ("该院作为闽西南地区基础条件好的医院", "闽西南"),
        ("今年以来，南平建瓯市让乡贤文化根植卫生健康", "南平建瓯市"),
        # Nested divisions written together are one mention (ANNOTATION.md).
        ("福建援疆医疗服务团继昌吉市阿什里哈萨克民族乡、玛纳斯县塔西河哈萨克民族乡之后", "昌吉市阿什里哈萨克民族乡"),
        ("福建援疆医疗服务团继昌吉市阿什里哈萨克民族乡、玛纳斯县塔西河哈萨克民族乡之后", "玛纳斯县塔西河哈萨克民族乡"),
        ("地址：福州市华林路 84\n\n号福建日报大厦三楼\n联系方式", "福州市华林路84号福建日报大厦三楼"),
    ],
)
def test_mentions_places(nlp, raw, place):
    assert (place, "LOC") in ents(nlp, raw)


def test_mentions_place_inside_an_organization_is_not_a_place(nlp):
    found = ents(nlp, "北京医联党委与厦门大学附属第一医院签署医疗共建战略协议")
    assert ("厦门", "LOC") not in found
    assert ("北京", "LOC") not in found


@pytest.mark.parametrize(
    "raw, word",
    [
        ("省市级医院结合对口帮扶等工作参与对应县域内基层医疗卫生机构的支援工作", "应县"),
        ("开展医保基金监管法律、法规和政策措施的宣传教育，提升资源利用效率", "资源"),
        ("提高政治站位和政治自觉", "和政"),
    ],
)
def test_mentions_place_names_inside_words_are_not_places(nlp, raw, word):
    places = {text for text, label in ents(nlp, raw) if label == "LOC"}
    assert not any(word in p for p in places), places


@pytest.mark.parametrize(
    "raw, program",
    [
        ("4月7日，北京医联党委福建“师\n带徒”医疗帮扶行动·厦门站启动。", "北京医联党委福建“师带徒”医疗帮扶行动"),
        ("紧紧围绕“医保基金监管安全规范年行动”目标任务", "医保基金监管安全规范年行动"),
        ("稳步推进国家医保反欺诈大数据应用监管试点和药品追溯码采集应用试点。", "药品追溯码采集应用试点"),
        ("稳步推进国家医保反欺诈大数据应用监管试点和药品追溯码采集应用试点。", "国家医保反欺诈大数据应用监管试点"),
        ("即开展 2023 年度\n\n“千名医师下基层”、加强三级医院", "2023年度“千名医师下基层”"),
        ("回望过去的一年，12场《大医生开讲·省立直播间》与13场", "《大医生开讲·省立直播间》"),
        ("开展我省第五批药品、医用耗材集中带量采购，119个", "第五批药品、医用耗材集中带量采购"),
        ("为建设健康福建、健康中国作出更大贡献", "健康福建"),
    ],
)
def test_mentions_programs(nlp, raw, program):
    assert (program, "PROG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "2016年以来，三明市作为首批分级诊疗试点城市和医联体建设试点城市",  # pilot cities, no named pilot
        "推动分级诊疗和医联体建设",  # generic policy ideas
        "能够满足行动不便村民的就医需求",
    ],
)
def test_mentions_generic_policy_words_are_not_programs(nlp, raw):
    assert not {text for text, label in ents(nlp, raw) if label == "PROG"}


def test_mentions_component_works_in_a_users_own_pipeline():
    import kg.nlp  # noqa: F401  (registers the factories, as the entry points do)

    nlp = Chinese()
    nlp.add_pipe("kg_mentions")
    doc = nlp("省医保局副局长刘家城表示")
    assert ("刘家城", "PER") in {(e.text, e.label_) for e in doc.ents}
    assert list(doc.spans["kg_mentions"]) == list(doc.ents)


@pytest.mark.parametrize(
    "raw, not_expected",
    [
        # deictic words are not places
        ("2022年,全省共完成13144家定点医药机构的现场全覆盖检查", "全省"),
        ("2023年,我省各级医保部门将紧紧围绕目标任务", "我省"),
        # a theme or slogan is not a program
        ("今年集中宣传月以“安全规范用基金 守好人民‘看病钱’”为主题", "安全规范用基金守好人民‘看病钱’"),
        # rankings and awards are neither organizations nor programs
        ("已连续5年跻身“中国医院竞争力·顶级医院百强榜”,位列第85位", "中国医院竞争力·顶级医院"),
        # a one-off press conference is not a program
        ("福建省医疗保障局2024年下半年例行新闻发布会举办", "2024年下半年例行新闻发布会"),
        # hospital specialties are not organizations
        ("来自厦门大学附属第一医院心血管内科、泌尿外科、内科的12名骨干医师", "心血管内科"),
        # a document in 《》 is not a program
        ("《工作方案》要求,通过进一步加强三级医院对口帮扶县医院", "《工作方案》"),
    ],
)
def test_mentions_annotation_exclusions(nlp, raw, not_expected):
    found = {text for text, _ in ents(nlp, raw)}
    assert not_expected not in found, found


def test_mentions_titles_called_papers_are_organizations(nlp):
    raw = "旗下拥有《每周文摘》及\n\n《福建卫生报》两张报纸。"
    assert {("《每周文摘》", "ORG"), ("《福建卫生报》", "ORG")} <= ents(nlp, raw)


def test_mentions_unit_of_a_press_keeps_the_names_inside_it(nlp):
    """The unit is one mention (the longest name as written); the two presses inside are mentions too,
    in the span group, while ``doc.ents`` (which cannot overlap) holds the unit only."""
    raw = "联系人：《福建卫生报》社\n\n（《每周文摘报》社）综合部\n联系地址：福州市华林路 84"
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    doc = nlp(doc)
    unit = "《福建卫生报》社(《每周文摘报》社)综合部"
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == [unit]
    spans = {s.text for s in doc.spans["kg_mentions"] if s.label_ == "ORG"}
    assert spans == {unit, "《福建卫生报》社", "《每周文摘报》社"}


def test_mentions_adverb_after_a_title_is_no_surname(nlp):
    """People's Daily test set: 曾 (once) before a verb is an adverb, though 曾 is a surname."""
    raw = "他说，两个月前的今天，江泽民主席曾亲临我校视察，今天，克林顿总统及夫人一行又到我校访问。"
    people = {text for text, label in ents(nlp, raw) if label == "PER"}
    assert "江泽民" in people and not any(p.startswith("曾") for p in people)
