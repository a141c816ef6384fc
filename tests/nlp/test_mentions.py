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
        # a region and 地区 are one mention (shared gold 000: 闽西南地区)
        ("该院作为闽西南地区基础条件好的医院", "闽西南地区"),
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
    "raw, name, cut",
    [
        ("记者从江苏省人民医院了解到，该院新开设了睡眠门诊。", "江苏省人民医院", "省人民医院"),
        ("记者从江西省卫健委获悉，全省秋冬季流感疫苗接种已经启动。", "江西省卫健委", "省卫健委"),
        ("记者昨日从江山市人民政府获悉，新院区将于年底投用。", "江山市人民政府", "市人民政府"),
    ],
)
def test_mentions_a_full_place_name_wins_over_a_short_one_it_overlaps(nlp, raw, name, cut):
    """从江 is a county's short name; after 从 it would cut the full name of a province or city."""
    found = ents(nlp, raw)
    assert (name, "ORG") in found
    assert (cut, "ORG") not in found


@pytest.mark.parametrize(
    "raw, name",
    [
        ("宁化县民政局局长邱某某在会上作了部署。", "宁化县民政局"),
        ("据三明市财政局统计，今年已下达补助资金一亿元。", "三明市财政局"),
        ("会议由江西省财政厅副厅长主持。", "江西省财政厅"),
    ],
)
def test_mentions_a_department_whose_name_ends_in_an_everyday_word(nlp, raw, name):
    """民政局 and 财政局 end in 政局 (a political situation), an everyday word that is no body."""
    assert (name, "ORG") in ents(nlp, raw)


def test_mentions_the_everyday_word_alone_is_no_body(nlp):
    assert not {text for text, label in ents(nlp, "当前国内政局总体稳定，经济持续恢复。") if label == "ORG"}


@pytest.mark.parametrize(
    "raw, name",
    [
        ("浙江省政协副主席周建华一行来院调研。", "浙江省政协"),
        ("南平市政协召开专题协商会，聚焦基层医疗。", "南平市政协"),
    ],
)
def test_mentions_a_places_political_consultative_conference(nlp, raw, name):
    """政协 after a place is that place's conference, as 省政协 alone is the story's province's."""
    assert (name, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, name",
    [
        ("国家卫生健康委员会医政司司长刘某平在发布会上介绍。", "国家卫生健康委员会医政司"),
        ("南岭医科大学药学研究所所长陈立华研究员作报告。", "南岭医科大学药学研究所"),
    ],
)
def test_mentions_a_unit_before_its_heads_title(nlp, raw, name):
    """司 and 所 are also verbs or particles; before 司长 or 所长 they end a unit's name."""
    assert (name, "ORG") in ents(nlp, raw)


def test_mentions_a_suffix_character_in_an_everyday_word_stays_out(nlp):
    assert not {text for text, label in ents(nlp, "该公司长期从事医疗器械研发。") if label == "ORG"}


def test_mentions_the_county_itself_is_still_found(nlp):
    assert ("从江县人民医院", "ORG") in ents(nlp, "从江县人民医院今年接诊患者逾十万人次。")


def test_mentions_a_villages_name_does_not_cut_a_citys_short_name(nlp):
    """京中 is a village's full name: it must not take 京 from 北京 (a county or higher level's does)."""
    assert ("北京中医药大学", "ORG") in ents(nlp, "北京中医药大学教授团队发布了研究成果。")


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


# Issue 11: entity rules for unseen articles. Sentences written for these tests.


@pytest.mark.parametrize(
    "raw, name",
    [
        # a democratic party opens the name of its provincial committee and of that committee's units
        ("民盟湖南省委会副主委刘某某出席会议。", "民盟湖南省委会"),
        ("致公党广东省委会社会服务处处长王某某介绍了情况。", "致公党广东省委会社会服务处"),
        # a party on its own
        ("会上，九三学社的专家作了发言。", "九三学社"),
        # bare jurisdictions' Party committees and governments are bodies (the story's jurisdiction)
        ("会议传达了省委、省政府的部署要求。", "省委"),
        ("会议传达了省委、省政府的部署要求。", "省政府"),
        ("县委书记陈某某在会上讲话。", "县委"),
        # a government written right after the Party committee of the same jurisdiction
        ("在自治区党委、政府的领导下，各项工作稳步推进。", "政府"),
        ("自治区卫生健康委副主任赵某某一行到医院调研。", "自治区卫生健康委"),
        # a branch after its parent body and its own place
        ("活动由南平市医保局建阳分局承办。", "南平市医保局建阳分局"),
        # abbreviated offices and associations of a jurisdiction
        ("泉州市爱卫办、泉州市科协、泉州市工商联共同参与。", "泉州市爱卫办"),
        ("泉州市爱卫办、泉州市科协、泉州市工商联共同参与。", "泉州市科协"),
        ("泉州市爱卫办、泉州市科协、泉州市工商联共同参与。", "泉州市工商联"),
        ("漳州市晋江商会组织会员开展捐赠。", "漳州市晋江商会"),
        # a paper named as the source of an article
        ("（记者：某某 来源：海沧报）", "海沧报"),
        # a party department of a city committee
        ("三明市委组织部副部长黄某某介绍了人才工作。", "三明市委组织部"),
    ],
)
def test_mentions_organization_shapes_of_unseen_articles(nlp, raw, name):
    assert (name, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, body, not_body",
    [
        # 党委书记 is the title: the body is the hospital, not its Party committee
        ("宁德市医院党委书记吴某某主持会议。", "宁德市医院", "宁德市医院党委"),
        ("科技部党组成员、副部长孙某某出席。", "科技部", "科技部党组"),
    ],
)
def test_mentions_party_committee_before_a_title_belongs_to_the_title(nlp, raw, body, not_body):
    found = ents(nlp, raw)
    assert (body, "ORG") in found and (not_body, "ORG") not in found, found


@pytest.mark.parametrize(
    "raw, not_org",
    [
        ("张某某办厂以来，先后安排了三十名工人就业。", "张某某办"),
        ("该县当地政府高度重视义诊工作。", "该县当地政府"),
        ("他们为受援医院的发展出谋划策。", "受援医院"),
        ("要把三明中心城市打造成区域医疗高地。", "三明中心"),
    ],
)
def test_mentions_no_organization_from_verbs_or_generic_bodies(nlp, raw, not_org):
    orgs = {text for text, label in ents(nlp, raw) if label == "ORG"}
    assert not any(not_org in org for org in orgs), orgs


@pytest.mark.parametrize(
    "raw, place",
    [
        # zones named after the place they lie in
        ("义诊团队前往厦门市翔安新区开展服务。", "厦门市翔安新区"),
        ("为满足南平地区群众的就医需求", "南平地区"),
        # a named venue, with a full place name in front
        ("活动在龙岩市新罗区中山公园举行。", "龙岩市新罗区中山公园"),
        ("签约仪式在科技园学术交流中心举行。", "科技园学术交流中心"),
        # an autonomous prefecture written as short name + 州
        ("医疗队抵达甘孜州开展巡回医疗。", "甘孜州"),
        # a village after its township; a county's short name after its prefecture's
        ("专家来到洪山镇大坪村开展义诊。", "洪山镇大坪村"),
        ("甘孜德格一带交通不便。", "甘孜德格"),
    ],
)
def test_mentions_zones_and_venues_are_places(nlp, raw, place):
    assert (place, "LOC") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, not_place",
    [
        ("以中国式现代化全面推进卫生健康事业发展。", "中国"),
        ("新中国成立以来，爱国卫生运动持续开展。", "中国"),
        # a lone one-character abbreviation is no place in running text
        ("在榕专家团队十余人参加义诊。", "榕"),
    ],
)
def test_mentions_fixed_expressions_and_one_character_forms_are_not_places(nlp, raw, not_place):
    places = {text for text, label in ents(nlp, raw) if label == "LOC"}
    assert not_place not in places, places


def test_mentions_policy_document_title_holds_no_mention(nlp):
    # The title is one DOC mention; the body and the place written inside it are none.
    raw = "会上解读了《宁德市人民政府关于推进紧密型县域医共体建设的实施方案》。"
    assert ents(nlp, raw) == {("宁德市人民政府关于推进紧密型县域医共体建设的实施方案", "DOC")}


@pytest.mark.parametrize(
    "raw, program",
    [
        ("今年是第35个全国爱眼宣传月。", "第35个全国爱眼宣传月"),
        ("第30届全国肿瘤防治宣传周在京启动。", "第30届全国肿瘤防治宣传周"),
        ("市疾控中心推出“全民控烟健康行动”，引导市民戒烟。", "“全民控烟健康行动”"),
        ("坚持以人民为中心，加快推进健康南平建设。", "健康南平"),
    ],
)
def test_mentions_program_boundaries(nlp, raw, program):
    assert (program, "PROG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, not_program",
    [
        ("市卫健委副主任李某某出席活动并讲话。", "出席活动"),
        ("本届宣传周以“健康生活 你我同行”为主题。", "本届宣传周"),
        ("今年的主题是“科学防癌早早行动”。", "科学防癌早早行动"),
    ],
)
def test_mentions_no_program_across_verbs_people_or_themes(nlp, raw, not_program):
    programs = {text for text, label in ents(nlp, raw) if label == "PROG"}
    assert not any(not_program in p for p in programs), programs


# Sentences written for these tests (issue 11: long and nested names, venues, programs of unseen articles).


@pytest.mark.parametrize(
    "raw, org",
    [
        # a body of a new district outranks the district as a place
        ("会议由浙江舟山群岛新区卫生健康局主办。", "浙江舟山群岛新区卫生健康局"),
        # a clinical centre after its hospital: the hospital is the name (院生 is no word)
        ("四川大学华西医院生殖医学中心主任张某某介绍了经验。", "四川大学华西医院"),
        # a group's member hospital, and its named campus
        ("患者转入武汉协和医院集团襄阳医院治疗。", "武汉协和医院集团襄阳医院"),
        ("义诊在江苏省人民医院浦口院区举行。", "江苏省人民医院浦口院区"),
        # 同 that opens a proper name of the dictionary is no stop; a hospital after 附属 named
        # like a place (东方) is still the university's
        ("专家来自上海同济大学附属东方医院。", "上海同济大学附属东方医院"),
        # a round runs into the team's name
        ("第九批援疆医疗队抵达哈密。", "第九批援疆医疗队"),
    ],
)
def test_mentions_nested_and_zone_bodies(nlp, raw, org):
    assert (org, "ORG") in ents(nlp, raw)


def test_mentions_hospital_centre_is_not_an_organization(nlp):
    orgs = {t for t, label in ents(nlp, "四川大学华西医院生殖医学中心主任张某某介绍了经验。") if label == "ORG"}
    assert not any(o.endswith("中心") for o in orgs), orgs


def test_mentions_units_listed_after_the_first_one(nlp):
    found = ents(nlp, "省卫健委医政医管处、基层卫生处、疾控处负责同志参加会议。")
    assert {("省卫健委医政医管处", "ORG"), ("基层卫生处", "ORG"), ("疾控处", "ORG")} <= found


@pytest.mark.parametrize(
    "raw, not_org",
    [
        # a campus that is no name: new, or each one
        ("江苏省人民医院新院区将于年底启用。", "新院区"),
        # 中心 + 城市 is one word: no body ends at 中心
        ("要把赣州中心城市建成区域医疗高地。", "赣州中心"),
    ],
)
def test_mentions_no_campus_or_body_from_generic_words(nlp, raw, not_org):
    orgs = {text for text, label in ents(nlp, raw) if label == "ORG"}
    assert not any(not_org in o for o in orgs), orgs


def test_mentions_province_short_name_before_its_city_is_a_place(nlp):
    found = ents(nlp, "河南洛阳市中心医院专家团队前来坐诊。")
    assert {("河南", "LOC"), ("洛阳市中心医院", "ORG")} <= found


def test_mentions_province_full_name_stays_in_the_body(nlp):
    found = ents(nlp, "湖南省长沙市第一医院专家团队前来坐诊。")
    assert ("河南", "LOC") not in found and not any(label == "LOC" for _, label in found), found


def test_mentions_venue_keeps_its_zone_and_city(nlp):
    assert ("天津滨海新区文化中心公园", "LOC") in ents(nlp, "宣传活动在天津滨海新区文化中心公园举行。")


def test_mentions_spirit_named_after_a_place_is_no_place(nlp):
    places = {t for t, label in ents(nlp, "大家表示要传承好延安精神和井冈山精神。") if label == "LOC"}
    assert not places, places


@pytest.mark.parametrize(
    "raw, program",
    [
        # quoted whole, head and all
        ("县里全力推进“万企兴万村”工程。", "万企兴万村”工程"),
        ("各地要落实“健康中国行动”部署。", "健康中国行动"),
        # a scheme named by a formula
        ("全面推行2+3+N家庭医生签约服务模式。", "2+3+N家庭医生签约服务模式"),
    ],
)
def test_mentions_quoted_and_formula_programs(nlp, raw, program):
    programs = {text.strip("“”") for text, label in ents(nlp, raw) if label == "PROG"}
    assert program.strip("“”") in programs, programs


def test_mentions_each_citys_activity_is_no_program(nlp):
    programs = {t for t, label in ents(nlp, "展板展示了各市全民健身宣传活动风采。") if label == "PROG"}
    assert not programs, programs


def test_mentions_department_of_a_ministry(nlp):
    assert ("国家卫生健康委医政司", "ORG") in ents(nlp, "国家卫生健康委医政司负责人介绍了情况。")


@pytest.mark.parametrize(
    "raw, not_org",
    [
        ("各部门要各司其职，形成合力。", "司"),
        # designations: counted, or a jurisdiction with a generic word
        ("我国已设置国家医学中心13个。", "国家医学中心"),
        ("该院正在创建国家区域医疗中心。", "国家区域医疗中心"),
    ],
)
def test_mentions_designations_and_verbs_are_no_bodies(nlp, raw, not_org):
    orgs = {text for text, label in ents(nlp, raw) if label == "ORG"}
    assert not any(not_org in o for o in orgs), orgs


def test_mentions_strategy_action_is_the_longer_name(nlp):
    assert ("健康丽水行动", "PROG") in ents(nlp, "全市深入实施健康丽水行动，取得明显成效。")


def test_mentions_no_zone_from_a_name_cut_out_of_a_word(nlp):
    places = {t for t, label in ents(nlp, "沿海的瓯江口新区也同步开展了义诊。") if label == "LOC"}
    assert "江口新区" not in places, places


def test_mentions_integrated_medicine_hospital_is_one_name(nlp):
    assert ("市中西医结合医院", "ORG") in ents(nlp, "专家来自市人民医院、市中西医结合医院等单位。")


@pytest.mark.parametrize(
    "raw, org",
    [
        # a team named after the pairing it serves keeps both sides
        ("烟台市对口支援安顺市医疗队抵达当天即开展义诊。", "烟台市对口支援安顺市医疗队"),
        # a university's hospital named after its city
        ("专家来自中山大学深圳医院和南京大学附属鼓楼医院。", "中山大学深圳医院"),
    ],
)
def test_mentions_teams_and_university_hospitals_named_after_places(nlp, raw, org):
    assert (org, "ORG") in ents(nlp, raw)


def test_mentions_full_division_name_after_a_conjunction(nlp):
    places = {t for t, label in ents(nlp, "医疗队前往凌云县和乐业县开展带教。") if label == "LOC"}
    assert {"凌云县", "乐业县"} <= places, places


def test_mentions_aid_to_a_province_names_no_place(nlp):
    places = {t for t, label in ents(nlp, "他主动报名参加援藏工作，随后又三次援疆。") if label == "LOC"}
    assert not places & {"藏", "疆"}, places


def test_mentions_community_after_its_district_is_one_place(nlp):
    found = ents(nlp, "医疗队还走访了开福区四方坪社区和岳麓区望月湖社区。")
    assert {("开福区四方坪社区", "LOC"), ("岳麓区望月湖社区", "LOC")} <= found, found


# General news (issue 11): rule classes that misfired on People's Daily's development file.


def _sure(label: str, text: str, surface: str) -> bool:
    """Whether ``kg.statistical_filter.v1`` keeps a tagger span it is fully sure of."""
    from kg.nlp.rules.statistical import make_statistical_filter

    start = text.index(surface)
    return make_statistical_filter(["PER", "LOC", "ORG"], sure=0.8, sure_org=0.7)(
        text, start, start + len(surface), label, 1.0
    )


def test_filter_keeps_transliterated_name_ending_like_a_department():
    # 萨莫连科 ends in 科 like 麻醉科, but no dictionary word names it: a name, not a department.
    assert _sure("PER", "外交部长萨莫连科在会上发言。", "萨莫连科")
    assert not _sure("PER", "他转到麻醉科继续治疗。", "麻醉科")
    assert not _sure("PER", "病人先去了神经内科。", "神经内科")


def test_filter_keeps_team_named_after_its_country():
    text = "葡萄牙队在小组赛中战胜了土耳其队。"
    assert _sure("ORG", text, "葡萄牙队") and _sure("ORG", text, "土耳其队")
    assert not _sure("ORG", "各省代表队陆续抵达赛区。", "代表队")  # a kind of team, named by no place


@pytest.mark.parametrize(
    "raw, name",
    [
        ("而国际滑雪联合会决定推迟比赛。", "国际滑雪联合会"),
        ("因光明乳业集团的捐赠，学校建起了新食堂。", "光明乳业集团"),
    ],
)
def test_org_name_does_not_open_with_a_particle(nlp, raw, name):
    found = ents(nlp, raw)
    assert (name, "ORG") in found
    assert not any(label == "ORG" and text != name and text.endswith(name) for text, label in found)


def test_org_name_that_is_one_word_with_the_particle_is_kept(nlp):
    assert ("比利时", "LOC") in ents(nlp, "他曾在比利时工作多年。")


@pytest.mark.parametrize(
    "raw, cut",
    [
        ("代表团团长贾亚拉莉达称赞两国合作。", "贾亚拉"),  # the name runs on in syllables
        ("市长罗朗·雷斯出席了开幕式。", "罗朗"),  # and over a middle dot
    ],
)
def test_title_before_does_not_cut_a_transliterated_name(nlp, raw, cut):
    assert (cut, "PER") not in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, name", [("副院长张明表示，", "张明"), ("局长王小红说，", "王小红"), ("主任李华昨天在会上", "李华")]
)
def test_title_before_still_finds_chinese_names(nlp, raw, name):
    assert (name, "PER") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, name",
    [
        ("他毕业于南平市第八中学，后来参军。", "南平市第八中学"),
        ("三明市机床厂今年扩建了两个车间。", "三明市机床厂"),
        ("龙岩市第二小学的学生参观了展览。", "龙岩市第二小学"),
        ("厦门市蓝天救援队赶到现场。", "厦门市蓝天救援队"),  # a team named after its city
    ],
)
def test_school_or_works_named_after_its_place_is_one_body(nlp, raw, name):
    assert (name, "ORG") in ents(nlp, raw)


def test_team_suffix_needs_a_whole_word(nlp):
    assert not any(label == "ORG" for _, label in ents(nlp, "市医疗专家队伍不断壮大。"))


def test_filter_keeps_sure_division_that_is_also_a_common_word():
    # jieba's dictionary lists some divisions' short names as common words; the gazetteer knows them.
    assert _sure("LOC", "我们在孝感召开了现场会。", "孝感")
    assert not _sure("LOC", "他们在中心召开了现场会。", "中心")


def test_paper_is_named_inside_its_title_marks(nlp):
    # General news annotates the paper's name, not its marks; its press (《…报》社) keeps them.
    found = ents(nlp, "据《南方晨报》报道，《东海晚报》社也派出了记者。")
    assert ("南方晨报", "ORG") in found and ("《东海晚报》社", "ORG") in found


def test_filter_keeps_sure_full_name_that_the_dictionary_lists():
    # jieba lists 周恩来 as a common word (tag t); surname + two characters, sure: a person.
    assert _sure("PER", "纪念周恩来诞辰的展览今天开幕。", "周恩来")
    assert not _sure("PER", "他转到麻醉科继续治疗。", "麻醉科")  # three characters, but no surname


# General news, issue 11 (second round): sentences written for these tests.


def test_whole_country_opens_national_bodies_but_whole_province_is_generic():
    from kg.nlp import lexicon as lx

    # 全 is generic only before a jurisdiction: 全|市医保局 is every city's bureau, 全国 a national body.
    assert lx.generic_before("全市医保局开展检查。", 1)
    assert not lx.generic_before("全国总工会发出通知。", 2)
    assert _sure("ORG", "全国总工会发出通知。", "全国总工会")
    assert _sure("ORG", "全球疫苗基金会宣布捐款。", "全球疫苗基金会")
    assert not _sure("ORG", "法国全国性日报发表评论。", "全国性日报")


@pytest.mark.parametrize(
    "text, surface, kept",
    [
        ("保守党领袖昨天发表讲话。", "保守党", True),  # jieba: a common noun; a party when the tagger is sure
        ("执政党提出了新的议案。", "执政党", False),  # a kind of party, not one
        ("据路透社消息，会谈将推迟。", "路透社", True),  # an agency, the part before 社 no everyday word
        ("村里办起了合作社。", "合作社", False),  # 合作 is an everyday word: a kind of body
    ],
)
def test_filter_keeps_sure_parties_and_agencies_the_dictionary_calls_common_nouns(text, surface, kept):
    assert _sure("ORG", text, surface) is kept


def test_filter_keeps_very_sure_foreign_places_the_dictionary_calls_common_nouns():
    from kg.nlp.rules.statistical import make_statistical_filter

    text = "代表团昨天抵达基辅。"
    start = text.index("基辅")
    keep = make_statistical_filter(["LOC"], sure=0.8)
    assert keep(text, start, start + 2, "LOC", 0.99)
    assert not keep(text, start, start + 2, "LOC", 0.85)  # a common noun needs more certainty
    assert not _sure("LOC", "他们在中心召开了现场会。", "中心")  # an everyday word, not a place noun


def test_place_after_a_generic_word_is_still_a_place():
    # 有关, 其他 make bodies generic (有关部门); before a place they are a preposition or a determiner.
    assert _sure("LOC", "他写过有关委内瑞拉石油的文章。", "委内瑞拉")
    assert not _sure("ORG", "请有关卫生院尽快整改。", "卫生院")


@pytest.mark.parametrize(
    "raw, cut",
    [
        ("部长贾斯蒂卡表示，合作将继续。", "贾斯"),  # 斯 ends no Chinese given name: the name runs on
        ("主席尤尔科夫出席了会议。", "尤尔"),
        ("议长谢列兹尼奥夫会见了代表团。", "谢列兹"),  # the dictionary's word runs on past 兹
    ],
)
def test_title_before_leaves_transliterated_names_whole(nlp, raw, cut):
    assert (cut, "PER") not in ents(nlp, raw)


def test_byline_name_runs_to_its_report_word(nlp):
    # 来 often ends a name (王海|来到), but in 记者…报道 the name is everything between.
    assert ("王海来", "PER") in ents(nlp, "本报北京电 记者王海来报道：")


def test_adverb_after_a_two_character_name_ends_it(nlp):
    found = ents(nlp, "总编辑刘明都表示赞同。")
    assert ("刘明", "PER") in found and ("刘明都", "PER") not in found


@pytest.mark.parametrize(
    "raw, name",
    [
        ("这件事也感动了南平市教委。", "南平市教委"),  # 教委 is an everyday word, and one body after its city
        ("共青团宁德市委和市科委联合开展活动。", "共青团宁德市委"),  # the Youth League opens its committee's name
    ],
)
def test_committee_written_as_an_everyday_word_is_a_body_after_its_place(nlp, raw, name):
    assert (name, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize("raw", ["国家部委联合发文。", "他担任部队政委多年。"])
def test_committee_kinds_and_titles_are_no_body(nlp, raw):
    assert not any(label == "ORG" for _, label in ents(nlp, raw))


def test_capital_time_is_no_place(nlp):
    assert not any(label == "LOC" for _, label in ents(nlp, "决赛将于北京时间明晨4时开始。"))


@pytest.mark.parametrize("raw", ["我院三名医生赴京进修学习。", "省医师协会组团赴台交流。", "他结束援疆任务后返沪。"])
def test_province_form_after_a_verb_of_travel_is_no_place(nlp, raw):
    # ANNOTATION: the one-character forms are not places on their own in running text.
    assert not any(label == "LOC" and len(text) == 1 for text, label in ents(nlp, raw))


def test_province_forms_written_together_are_still_a_place(nlp):
    assert ("京津冀", "LOC") in ents(nlp, "京津冀三地卫生部门签署协议。")


@pytest.mark.parametrize(
    "raw, name", [("据人事部统计，去年共录用公务员两万人。", "人事部"), ("国台办发言人回答了记者提问。", "国台办")]
)
def test_former_ministries_and_central_offices_are_bodies(nlp, raw, name):
    assert (name, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, place",
    [
        ("据通讯社报道，伊朗总统昨日会见了来访的代表团。", "伊朗"),
        ("印度前总理昨天抵达北京访问。", "印度"),
    ],
)
def test_mentions_place_before_a_title_is_no_person(nlp, raw, place):
    """A country's officer (伊朗总统): the place word is no surname + given name."""
    found = ents(nlp, raw)
    assert not any(label == "PER" and text.startswith(place) for text, label in found)


def test_mentions_sure_tagger_person_completes_a_title_rules_shorter_name():
    """局长方某|连上任: the title rule stops at two characters; a sure tagger span of three
    from the same start (or to the same end) wins, a less sure or unrelated one does not."""
    from kg.nlp.candidate import Candidate
    from kg.nlp.mentions import _completes_person

    rule = [Candidate(10, 12, "PER", "title-before")]
    assert _completes_person("PER", 10, 13, 0.97, rule)
    assert _completes_person("PER", 8, 12, 0.99, rule)
    assert not _completes_person("PER", 10, 13, 0.80, rule)  # not sure enough
    assert not _completes_person("PER", 9, 13, 0.99, rule)  # the rule's name in its middle
    assert not _completes_person("ORG", 10, 13, 0.99, rule)
    assert not _completes_person("PER", 10, 12, 0.99, rule)  # the same span: nothing to complete


@pytest.mark.parametrize(
    "raw, place",
    [
        # a short name the gazetteer only anchors (a common word) opens the venue's name
        ("专家们来到滨江湿地公园开展健康宣教。", "滨江湿地公园"),
        # a level's one character before a hall names the division's building
        ("市体育馆内，一场健康知识竞赛正在进行。", "市体育馆"),
        ("本次培训在县会展中心举办。", "县会展中心"),
    ],
)
def test_mentions_venues_are_places(nlp, raw, place):
    assert (place, "LOC") in ents(nlp, raw)


def test_mentions_level_and_park_is_no_one_place(nlp):
    assert not any(label == "LOC" for _, label in ents(nlp, "大家在市公园里散步。"))


def test_mentions_counted_event_is_no_program(nlp):
    """一场某某竞赛: one event of a kind, not a named program."""
    assert not any(label == "PROG" for _, label in ents(nlp, "市体育馆内，一场健康知识竞赛正在进行。"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("会长何晓华表示，将继续支持。", "何晓华"),  # 华表 is a word, yet 表示 follows three characters
        ("主任张三表示同意。", "张三"),  # 表示 after two: a name of two
        ("主任曾坤报道称，", "曾坤"),  # 报道 is no verb of speech after three
    ],
)
def test_mentions_person_length_before_a_verb_of_speech(text, name):
    from kg.nlp.rules.people import name_at

    assert text[2 : name_at(text, 2)] == name


@pytest.mark.parametrize(
    "raw, unit",
    [
        ("市卫健委基层卫生健康科科长黄明辉带队检查。", "市卫健委基层卫生健康科"),
        ("市疾控中心传染病防制所的专家赶到现场。", "市疾控中心传染病防制所"),
        ("省疾控中心免疫规划所所长郑明华说，接种率稳步提高。", "省疾控中心免疫规划所"),
    ],
)
def test_mentions_section_of_a_government_body_is_one_name_with_it(nlp, raw, unit):
    assert (unit, "ORG") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, absent",
    [
        ("据新华社莫斯科4月28日电，", "新华社莫斯科"),  # a dateline's city, not a section
        ("她曾在市卫健委任医政科副科长。", "市卫健委任医政科"),  # a post taken there
        ("宁德市医院健康管理中心主任林晓燕主持会议。", "宁德市医院健康管理中心"),  # a hospital's department
    ],
)
def test_mentions_no_section_where_none_is_written(nlp, raw, absent):
    assert not any(text == absent for text, _ in ents(nlp, raw))


def test_mentions_units_a_body_has_are_bodies_of_their_own(nlp):
    """某学会下设甲分会、乙分会: the verb ends the parent's name; each unit is a body."""
    found = ents(nlp, "市医学会下设内科分会、外科分会。")
    assert {("市医学会", "ORG"), ("内科分会", "ORG"), ("外科分会", "ORG")} <= found
    assert not any("下设" in text for text, _ in found)


@pytest.mark.parametrize(
    "raw, bodies",
    [
        ("县妇联联合县卫健局开展农村妇女免费筛查。", {"县妇联", "县卫健局"}),
        ("市总工会联合市卫健委举办职工健康讲座。", {"市总工会", "市卫健委"}),
        ("某市医学会会同市医保局开展检查。", {"市医保局"}),
    ],
)
def test_mentions_bodies_acting_together_are_two(nlp, raw, bodies):
    """联合, 会同 between two bodies: each its own name, never one running over the verb."""
    found = {text for text, label in ents(nlp, raw) if label == "ORG"}
    assert bodies <= found
    assert not any(w in text for text in found for w in ("联合县", "联合市", "会同市"))


def test_mentions_division_bodies_named_by_level(nlp):
    """县妇联, 市侨联: a division has one of each, so its level names it (as 县委 does)."""
    found = ents(nlp, "团县委、县妇联、县残联共同主办，市侨联协办。")
    assert {("县妇联", "ORG"), ("县残联", "ORG"), ("市侨联", "ORG")} <= found


@pytest.mark.parametrize(
    "raw, body",
    [
        ("由省人民医院牵头组建的福建省儿科医疗联合体正式运行。", "福建省儿科医疗联合体"),
        ("宁夏省级区域医疗联合体今天成立。", "宁夏省级区域医疗联合体"),
    ],
)
def test_mentions_named_alliance_is_a_body_and_its_place_no_mention(nlp, raw, body):
    found = ents(nlp, raw)
    assert (body, "ORG") in found
    assert not any(label == "LOC" and body.startswith(text) for text, label in found)


def test_mentions_alliance_as_a_policy_is_no_body(nlp):
    assert not ents(nlp, "各地要推进紧密型县域医疗联合体建设。")


def test_mentions_party_short_form_with_the_party_named():
    """社省委: 九三学社's provincial committee, once the article names 九三学社; without it, the
    character opens nothing (the Party's 省委 stays as written)."""
    from kg.nlp.rules.organizations import find_organizations
    from kg.nlp.rules.places import make_place_rules

    def orgs(text):
        places = make_place_rules()(text, frozenset(), [])
        return {text[c.start : c.end] for c in find_organizations(text, places)}

    assert {"社省委", "社宁德市委"} <= orgs("九三学社召开会议。社省委秘书长出席，社宁德市委主委参加。")
    assert "社省委" not in orgs("报社省委宣传部门来人。")


@pytest.mark.parametrize(
    "raw, region",
    [
        ("粤港澳大湾区卫生健康合作持续推进。", "粤港澳大湾区"),
        ("京津冀三地医保实现互认。", "京津冀"),
        ("川渝地区医疗合作加强。", "川渝地区"),
        ("云贵川三省开展合作。", "云贵川"),
    ],
)
def test_mentions_run_of_province_forms_names_a_region(nlp, raw, region):
    assert (region, "LOC") in ents(nlp, raw)


def test_mentions_province_then_city_is_no_run(nlp):
    """江苏|苏州: a run must start and end where words do."""
    assert not any(text == "江苏苏" for text, _ in ents(nlp, "他出生在江苏苏州的一个医学世家。"))


@pytest.mark.parametrize(
    "raw, place",
    [
        ("专家们走进阳光小区，为居民提供健康咨询。", "阳光小区"),  # a verb before the name
        ("患者从长乐国际机场转运至医院。", "长乐国际机场"),  # 至 ends the hospital's name
        ("义诊队伍深入武夷山风景区开展服务。", "武夷山风景区"),
        ("旅客在宁德火车站接受检测。", "宁德火车站"),
    ],
)
def test_mentions_more_venues(nlp, raw, place):
    assert (place, "LOC") in ents(nlp, raw)


@pytest.mark.parametrize(
    "raw, body",
    [("团县委、县妇联共同主办。", "团县委"), ("他曾任团市委副书记。", "团市委")],
)
def test_mentions_youth_league_committee_is_not_the_partys(nlp, raw, body):
    """团县委: the Youth League's committee, a body of its own (never the Party's 县委)."""
    assert (body, "ORG") in ents(nlp, raw)


def test_mentions_team_before_a_committee_is_no_league(nlp):
    assert not any(text.startswith("团") for text, _ in ents(nlp, "医疗服务团市委领导看望队员。"))


@pytest.mark.parametrize(
    "surface, kept",
    [("国会", True), ("内阁", True), ("海军", True), ("办公室", False), ("医学部", False)],
)
def test_mentions_sure_state_body_passes_the_filter(surface, kept):
    """A state's legislature, cabinet or armed service is one body though jieba lists it as a common
    noun; a unit's common noun (医学部) named without its parent stays out."""
    from kg.nlp.rules.statistical import make_statistical_filter

    keep = make_statistical_filter(["ORG"])
    text = f"据报道，{surface}昨天通过了这项法案。"
    start = text.index(surface)
    assert keep(text, start, start + len(surface), "ORG", 0.99) is kept


def test_mentions_name_cut_by_ocr_before_a_verb_of_speech(nlp):
    """会长何某\\n华表示: a line break inside the name (the tagger's span may not cross it) and 华表
    a dictionary word; the title rule still reads the whole name before 表示."""
    assert ("何晓华", "PER") in ents(nlp, "江西省医师协会会长何晓\n华表示，将继续支持。")


@pytest.mark.parametrize(
    "surface, context",
    [
        ("青年志愿服务团队", "学院组建了青年志愿服务团队，深入社区。"),
        ("医学专家团队", "市里的医学专家团队十余人来到乡里。"),
    ],
)
def test_statistical_team_described_by_its_work_is_no_body(surface, context):
    """团队, 队伍: a team described by its work, no named body (issue 11), even when the tagger is sure."""
    from kg.nlp.rules.statistical import make_statistical_filter

    keep = make_statistical_filter(["ORG"], sure=0.8, sure_org=0.7)
    start = context.index(surface)
    assert not keep(context, start, start + len(surface), "ORG", 0.9)
    assert not keep(context, start, start + len(surface), "ORG", 0.5)


@pytest.mark.parametrize(
    "surface, context",
    [("疆医疗队", "今年援疆医疗队出发了。"), ("藏工作队", "全体援藏工作队员合影。")],
)
def test_statistical_name_cut_out_of_the_aid_word_is_no_body(surface, context):
    """援|疆医疗队: a span that starts with the province form the aid verb takes is cut out of 援疆 (issue 11)."""
    from kg.nlp.rules.statistical import make_statistical_filter

    keep = make_statistical_filter(["ORG"], sure=0.8, sure_org=0.7)
    start = context.index(surface)
    assert not keep(context, start, start + len(surface), "ORG", 0.9)
    assert not keep(context, start, start + len(surface), "ORG", 0.5)
