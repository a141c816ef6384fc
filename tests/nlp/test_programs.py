"""Program rules (kg/nlp/rules/programs.py) on sentences written for these tests (issue 11)."""

from __future__ import annotations

import pytest

from kg.link.names import canonical_program
from kg.nlp.rules.programs import make_program_rules
from kg.normalise import normalise


def ents(nlp, raw: str) -> set[tuple[str, str]]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    return {(e.text, e.label_) for e in nlp(doc).ents}


def programs(nlp, raw: str) -> set[str]:
    return {text for text, label in ents(nlp, raw) if label == "PROG"}


@pytest.mark.parametrize(
    "raw, program",
    [
        # a year written with 年度 opens the name (ANNOTATION.md: year prefixes belong to the mention)
        ("市卫健委启动2024年度“优质服务基层行”活动。", "2024年度“优质服务基层行”活动"),
        # a round in Chinese numerals opens it too, and the province before it is no part of it
        ("浙江省第三批医用耗材集中带量采购在杭州开标。", "第三批医用耗材集中带量采购"),
        # 国家组织 names the national rounds; 中选 after the head leaves it a program
        ("国家组织第十批药品集中带量采购中选结果在我省落地。", "国家组织第十批药品集中带量采购"),
        ("今年是第十五届全国科技活动周。", "第十五届全国科技活动周"),
    ],
)
def test_programs_year_and_round_prefixes(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("会议强调，要全力打好医保基金监管攻坚战。", "医保基金监管攻坚战"),
        ("该课题被列入国家重点研发计划。", "国家重点研发计划"),
        # a count stays out (a research grant, 某某科学基金项目, is no program: program_kinds.research_project)
        ("他参与了多项农村适龄妇女免费筛查项目的督导。", "农村适龄妇女免费筛查项目"),
    ],
)
def test_programs_verbs_and_counts_stay_out_on_the_left(nlp, raw, program):
    found = programs(nlp, raw)
    assert program in found, found


@pytest.mark.parametrize(
    "raw, program",
    [
        ("今天是第37个全国爱牙日。", "第37个全国爱牙日"),
        ("山东省暨济南市第36个爱国卫生月活动启动。", "第36个爱国卫生月活动"),
    ],
)
def test_programs_numbered_observances(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "这是本月的第3个工作日。",  # a count of days, no campaign
        "第二届中医药文化节明日开幕。",  # 日 of 明日, not an observance's head
        "医院制定了2024年工作计划。",  # a year and a head, no name between them
        "活动以“全民健康 共同行动”为主题。",  # a theme, though it ends in 行动
        "社区老年活动中心正式启用。",  # a venue named after its activities
    ],
)
def test_programs_not_programs(nlp, raw):
    assert not programs(nlp, raw)


def test_programs_strategy_action_of_the_country(nlp):
    assert "健康中国行动" in programs(nlp, "我省扎实推进健康中国行动。")


def test_programs_head_followed_by_zhong(nlp):
    """``在某某行动中``: 中 after a head is "during", not the start of 中心."""
    assert "爱国卫生专项行动" in programs(nlp, "在爱国卫生专项行动中，该县表现突出。")


@pytest.mark.parametrize(
    "raw, program",
    [
        ("市卫健委启动优质服务基层行活动。", "优质服务基层行活动"),
        ("该院开展健康快车光明行，为白内障患者免费手术。", "健康快车光明行"),
    ],
)
def test_programs_touring_campaigns(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize("raw", ["居民要养成良好的健康行为。", "他长期从事中国行政法研究。"])
def test_programs_tour_head_inside_a_word(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "我市被确定为国家级改革试点。",  # a pilot named by no more than its level
        "下一步将扩大试点范围。",
        "我省将创建国家级示范区。",
    ],
)
def test_programs_pilots_and_zones_need_a_name(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("该县扎实推进国家慢性病综合防控示范区创建。", "国家慢性病综合防控示范区创建"),
        ("该院获批国家自然科学基金青年项目3项。", "国家自然科学基金青年项目"),
        ("我县被确定为家庭医生签约服务试点。", "家庭医生签约服务试点"),
    ],
)
def test_programs_named_pilots_zones_and_projects(nlp, raw, program):
    found = programs(nlp, raw)
    assert program in found, found


def test_programs_period_head_names_the_campaign_again(nlp):
    raw = "第20届全国心理健康宣传周在京启动。本届宣传周由多家单位共同主办。"
    assert {"第20届全国心理健康宣传周", "宣传周"} <= programs(nlp, raw)
    found = {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), []) if c.rule == "anaphor"}
    assert found == {"宣传周"}


def test_programs_period_head_alone_names_nothing():
    """Without a campaign of that head in the text, 宣传周 refers to none (the rule alone: the
    statistical tagger has its own say)."""
    text = "学校将于下月举办宣传周。"
    assert not [c for c in make_program_rules()(text, frozenset(), []) if c.label == "PROG"]


def test_programs_round_lets_a_weak_head_take_a_short_name(nlp):
    assert "第二批中医药传承项目" in programs(nlp, "第二批中医药传承项目正式启动。")


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("坚持医疗人才“组团式”援藏。", ["“组团式”援藏"]),
        ("我省选派“组团式”援藏医疗队员20名。", []),  # the aid's doctors, not the program
        ("河南卫生援疆取得实效。", []),  # no quoted scheme names it
    ],
)
def test_programs_quoted_aid_scheme(raw, expected):
    found = [raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), []) if c.rule == "aid"]
    assert found == expected


def test_programs_a_brand_to_build_is_no_program():
    """``打造“某某”``: a brand or goal to be built (ANNOTATION review: outcome labels), not a launch."""
    raw = "全省上下着力打造“闽护安康”，让群众得实惠。"
    assert not [c for c in make_program_rules()(raw, frozenset(), []) if c.rule == "launched-quote"]


def test_programs_observance_is_no_date():
    raw = "第八届世界杯拳击赛六月十三日在重庆举行。"
    assert not [c for c in make_program_rules()(raw, frozenset(), []) if c.rule == "observance"]


def test_programs_formula_scheme_named_again_without_its_formula():
    raw = "全县推行2+5+N家庭医生签约服务模式。各乡镇对照家庭医生签约服务模式逐项落实。"
    found = {(raw[c.start : c.end], c.rule) for c in make_program_rules()(raw, frozenset(), []) if c.label == "PROG"}
    assert {("2+5+N家庭医生签约服务模式", "formula"), ("家庭医生签约服务模式", "formula-short")} <= found


def test_programs_a_policy_put_in_force_is_no_program():
    """``实行“某某”``: a policy or system in force (general news: 实行“一国两制”), not a launch."""
    raw = "特区将继续实行“一国两制”。"
    assert not [c for c in make_program_rules()(raw, frozenset(), []) if c.label == "PROG"]


@pytest.mark.parametrize(
    "surface, name",
    [
        ("第三十六个爱国卫生月活动", "爱国卫生月"),
        ("首届优质服务基层行活动", "优质服务基层行"),
        ("新一轮医疗人才组团式帮扶项目", "医疗人才组团式帮扶项目"),
    ],
)
def test_programs_linking_name_leaves_rounds_and_activity_out(surface, name):
    assert canonical_program(surface) == name


@pytest.mark.parametrize("raw", ["全市开展打击欺诈骗保、医疗乱象整治两大专项行动。", "我省深入实施健康乡村五大工程。"])
def test_programs_counted_heads_name_no_one_program(raw):
    assert not [c for c in make_program_rules()(raw, frozenset(), []) if c.label == "PROG"]


@pytest.mark.parametrize(
    "raw, program",
    [
        ("省卫健委启动基层卫生人才能力提升工程，计划培训医师五百名。", "基层卫生人才能力提升工程"),
        ("市里部署护理服务质量提高行动，为期一年。", "护理服务质量提高行动"),
    ],
)
def test_programs_verb_of_improvement_before_the_head_is_part_of_the_name(nlp, raw, program):
    assert program in programs(nlp, raw)


def test_programs_verb_right_before_the_head_without_an_object_is_no_name(nlp):
    assert not programs(nlp, "县里宣布启动工程，各方积极响应。")


@pytest.mark.parametrize(
    "surface, name",
    [
        ("宣布启动银龄关爱行动", "银龄关爱行动"),
        ("实行家庭药箱进社区工程", "家庭药箱进社区工程"),
        ("银龄关爱行动", "银龄关爱行动"),
        ("启动行动", "行动"),  # never cut to nothing: two characters stay
    ],
)
def test_programs_tagger_span_starts_after_the_verbs_it_swallowed(surface, name):
    from kg.nlp.rules.statistical import program_start

    text = f"市卫健委{surface}。"
    start = program_start(text, 4, 4 + len(surface))
    assert text[start : 4 + len(surface)] == name


@pytest.mark.parametrize(
    "raw, program",
    [
        ("发言人表示，该国不打算采取任何联合行动。", None),  # 采取 takes an action as its object
        ("会上有人透露上述扩建计划的细节。", None),  # a report of a plan, no name
        ("院里的城乡供水保障工程师们很忙。", None),  # 工程师: the head inside a word
        # the verb stays out (a model is named for its place: program_kinds.named_model)
        ("该局将借鉴桐乡市农村养老互助服务模式。", "桐乡市农村养老互助服务模式"),
    ],
)
def test_programs_verbs_of_report_and_heads_inside_words(nlp, raw, program):
    found = programs(nlp, raw)
    assert found == ({program} if program else set())


@pytest.mark.parametrize(
    "raw, program",
    [
        ("市医保局持续开展打击欺诈骗保专项整治。", "打击欺诈骗保专项整治"),
        ("我市组织开展“送医下乡”义诊，惠及群众。", "“送医下乡”义诊"),
    ],
)
def test_programs_campaign_heads(nlp, raw, program):
    assert program in programs(nlp, raw)


def test_programs_unquoted_free_clinic_is_no_program(nlp):
    """义诊 names a program only around a quoted name: 大型义诊 is an event of a kind."""
    assert not programs(nlp, "县医院组织专家开展大型义诊，惠及群众。")


@pytest.mark.parametrize(
    "raw, program",
    [
        ("今年是全市医疗服务质量提升年。", "医疗服务质量提升年"),  # 全市 is deictic, no part of it
        ("省卫健委部署开展基层卫生服务能力提升年活动。", "基层卫生服务能力提升年活动"),
        ("明年是全县作风建设攻坚年。", "作风建设攻坚年"),
    ],
)
def test_programs_campaign_years(nlp, raw, program):
    assert program in programs(nlp, raw)


def test_programs_year_head_inside_a_phrase_is_no_program(nlp):
    assert not programs(nlp, "该项目提升年产能两成。")


def test_programs_organizer_before_a_program_named_alone_elsewhere(nlp):
    """The program's own words stand alone later in the text: the body before them is its
    organizer, a mention of its own, and no part of the program's name."""
    raw = (
        "5月8日，南平市老年健康促进会名医专家助乡邻秋季行活动在县医院举行。"
        "据介绍，名医专家助乡邻四季行由市老年健康促进会发起。"
    )
    found = ents(nlp, raw)
    assert ("南平市老年健康促进会", "ORG") in found
    assert ("名医专家助乡邻秋季行活动", "PROG") in found


def test_programs_organizer_kept_without_evidence(nlp):
    """Written only with the body before it (again), the whole is the program's name."""
    raw = "晋江商会回乡义诊活动在石狮举行。晋江商会回乡义诊活动已连续举办五年。"
    assert "晋江商会回乡义诊活动" in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        # a touring campaign named after a region no list holds: <what it brings><where>行
        ("本次“眼科名医青峰行”共走访五个乡镇。", "眼科名医青峰行"),
        ("该院专家参加了口腔健康服务青峰行，义诊三百人。", "口腔健康服务青峰行"),
        ("护理技能培训青峰行启动仪式昨日举行。", "护理技能培训青峰行"),
        # the tour as the subject of 是 (…行是由某会推动的一项活动)
        ("据了解，眼科专家暖乡亲青峰行是由市侨联推动的公益活动。", "眼科专家暖乡亲青峰行"),
    ],
)
def test_programs_touring_campaign_of_any_region(raw, program):
    assert program in {raw[c.start : c.end].strip("“”") for c in make_program_rules()(raw, frozenset(), [])}


@pytest.mark.parametrize(
    "raw",
    [
        # 行 in a word of its own: a journey or a bank, no campaign
        "表彰大会在县城隆重举行。",
        "代表团一行参观了新建的门诊楼。",
        "让我们与健康同行。",
        "倡导市民绿色出行。",
    ],
)
def test_programs_xing_inside_a_word_is_no_tour(raw):
    assert not [c for c in make_program_rules()(raw, frozenset(), []) if raw[c.end - 1 : c.end] == "行"]


@pytest.mark.parametrize(
    "raw, program",
    [
        # a yearly campaign's month or week, not numbered, before 活动
        ("我县开展消防安全宣讲月活动。", "消防安全宣讲月活动"),
        ("某某社区举办全民护眼周活动。", "全民护眼周活动"),
    ],
)
def test_programs_campaign_month_before_activity(raw, program):
    assert program in {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}


@pytest.mark.parametrize("raw", ["据悉，冬季十二月活动已排定。", "另外，居民每个月活动一次。"])
def test_programs_date_before_activity_is_no_campaign(raw):
    assert not make_program_rules()(raw, frozenset(), [])


@pytest.mark.parametrize(
    "raw, program",
    [
        # 对 of 对口, 及 of 普及: inside a noun, no stop of their own
        ("县里继续实施“百名医师进乡村”对口支援行动。", "“百名医师进乡村”对口支援行动"),
        ("省里开展口腔保健知识普及示范行动。", "口腔保健知识普及示范行动"),
        # 向 of 定向: a noun; a digit before a Latin letter (5G) is a token of the name, no count
        ("省里下达了护理人员订单定向培养计划。", "护理人员订单定向培养计划"),
        ("该院入选5G+远程护理应用试点项目。", "5G+远程护理应用试点项目"),
    ],
)
def test_programs_stop_character_inside_a_noun_keeps_the_name(raw, program):
    assert program in {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}


def test_programs_preposition_still_ends_the_name():
    raw = "会上，面向乡村护士定向培养计划获批。"
    found = {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}
    assert not any(p.startswith("面向") for p in found)


def test_programs_conjunction_still_ends_the_name():
    # 以及 is a conjunction: the name after it is the program's, nothing before
    raw = "会议部署了医保宣传以及药品集中带量采购。"
    assert "药品集中带量采购" in {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}


@pytest.mark.parametrize(
    "raw, program",
    [
        # a short unquoted name that says what the action does to a specific object
        ("市里开展肺结核防治行动，提高发现率。", "肺结核防治行动"),
        ("县里启动龋齿防控计划。", "龋齿防控计划"),
    ],
)
def test_programs_short_name_of_an_aimed_action(raw, program):
    assert program in {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}


@pytest.mark.parametrize(
    "raw", ["会上，质量提升行动被提及。", "会上，能力提升工程被提及。", "会上，专项防治行动被提及。"]
)
def test_programs_short_name_with_a_general_object_stays_generic(raw):
    assert not make_program_rules()(raw, frozenset(), [])


@pytest.mark.parametrize(
    "raw, program",
    [
        # 了 between the launching verb and the quoted name
        ("近日，县医院开展了“送暖到田头”，受到欢迎。", "“送暖到田头”"),
        # the quoted name is the subject its clause launches
        ("据了解，“医保知识进千家”自5月启动以来，已走访百余社区。", "“医保知识进千家”"),
        ("昨天，“护齿小卫士”正式启动。", "“护齿小卫士”"),
    ],
)
def test_programs_quoted_name_launched(raw, program):
    assert program in {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}


@pytest.mark.parametrize(
    "raw",
    [
        "出版社推出了“青年诗人丛书”，共十册。",  # 推出了: a book series, no program
        "会上，“双减”政策落地以来的变化被提及。",  # a policy put in force is not launched
    ],
)
def test_programs_quoted_name_brought_out_or_in_force_is_no_program(raw):
    assert not make_program_rules()(raw, frozenset(), [])


@pytest.mark.parametrize(
    "raw",
    [
        "据悉，该院新建外科大楼项目总投资三亿元。",
        "据悉，城东医院门诊综合楼工程即将竣工。",
        "据悉，妇幼保健院迁建项目已开工。",
    ],
)
def test_programs_building_works_is_no_program(raw):
    assert not make_program_rules()(raw, frozenset(), [])


def test_programs_project_named_after_its_aim_still_found():
    raw = "据悉，某某基金会乡村儿童营养改善项目已惠及两千人。"
    found = {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), [])}
    assert "某某基金会乡村儿童营养改善项目" in found
