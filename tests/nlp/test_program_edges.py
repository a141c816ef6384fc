"""Where a program's name ends (kg/nlp/rules/program_edges.py), on sentences written for these tests
(issue 11): events of a campaign, days and festivals, 系列, quoted whole names, verbs of an object."""

from __future__ import annotations

import pytest

from kg.nlp.rules.programs import make_program_rules


def rule_programs(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in make_program_rules()(raw, frozenset(), []) if c.label == "PROG"}


def programs(nlp, raw: str) -> set[str]:
    return {e.text for e in nlp(raw).ents if e.label_ == "PROG"}


@pytest.mark.parametrize(
    "raw, program, event",
    [
        # a numbered observance, then its event: the observance is the program
        ("青云县举行第十九个全国近视防控月现场咨询活动。", "第十九个全国近视防控月", "现场咨询活动"),
        # a period head, then an event at one venue
        ("白石区承办了第十二届全国口腔健康宣传周白石分会场活动。", "第十二届全国口腔健康宣传周", "分会场活动"),
    ],
)
def test_event_of_a_campaign_is_the_campaign(raw, program, event):
    found = rule_programs(raw)
    assert program in found
    assert not any(p.endswith(event) for p in found), found


def test_event_of_a_movement_names_the_movement():
    """某某运动宣传活动: the movement is the program (its head 运动 is read only so)."""
    found = rule_programs("各街道开展以“洁净家园”为主题的城乡清洁家园运动宣传活动。")
    assert found == {"城乡清洁家园运动"}


@pytest.mark.parametrize(
    "raw",
    [
        "2026年“中国药师节”庆祝活动在白石市举行。",  # a festival's event
        "青云市红十字会开展“5·8”世界红十字日系列活动。",  # a day's series of events
        "市疾控中心举行2026年世界防治结核病日宣传活动。",  # an unnumbered day's event
    ],
)
def test_event_of_a_day_or_festival_is_no_program(raw):
    assert not rule_programs(raw)


def test_campaign_head_right_before_activity_keeps_it():
    """某某宣传月活动 (no event word between): the campaign's name as written, 活动 and all."""
    assert "医保便民服务宣传月活动" in rule_programs("白石市医保局启动医保便民服务宣传月活动。")


@pytest.mark.parametrize(
    "raw, program",
    [
        ("白石县卫健委参加“送药进山”系列活动。", "“送药进山”系列活动"),
        ("今年以来，白石县深入开展“净网护苗”系列专项行动。", "“净网护苗”系列专项行动"),
    ],
)
def test_series_before_a_head_belongs_to_the_name(raw, program):
    assert program in rule_programs(raw)


def test_a_series_alone_names_nothing():
    assert not rule_programs("医院开展了一系列活动。")


def test_quotes_hold_the_whole_name_before_more_words():
    """国家“某某工程”县医院…: what stands before the opening quote is no part of the name."""
    assert "百城工程" in rule_programs("我院积极参与国家“百城工程”县医院能力提升工作。")


@pytest.mark.parametrize("verb", ["配合", "响应", "督导", "解读", "观摩"])
def test_verb_of_an_object_opens_no_program_name(verb):
    raw = f"白石市卫健委{verb}城乡居民口腔健康促进行动，取得实效。"
    assert rule_programs(raw) == {"城乡居民口腔健康促进行动"}


def test_verb_right_before_the_head_is_the_programs_own():
    assert "医疗质量专项督导行动" in rule_programs("白石市启动医疗质量专项督导行动。")


def test_verb_of_an_object_in_the_pipeline(nlp):
    """The body before the verb is a body again, not swallowed by the program."""
    raw = "白石市卫生健康委员会督导城乡居民口腔健康促进行动。"
    ents = {(e.text, e.label_) for e in nlp(raw).ents}
    assert ("城乡居民口腔健康促进行动", "PROG") in ents
    assert any(label == "ORG" and text.endswith("卫生健康委员会") for text, label in ents), ents


def test_health_and_long_life_is_no_strategy():
    """健康长寿 is a word of the dictionary (health and long life), though 长寿 also names a district."""
    assert not rule_programs("社区医生上门服务，促进老年人健康长寿。")


def test_health_strategy_of_a_place_still_found():
    assert "健康青岛" in rule_programs("全力推进健康青岛建设。")


def _sure_tagger_span(raw: str, surface: str) -> bool:
    from kg.nlp.rules.statistical import make_statistical_filter

    keep = make_statistical_filter(["PER", "LOC", "ORG", "PROG", "DOC"])
    start = raw.index(surface)
    return keep(raw, start, start + len(surface), "PROG", 0.97)


def test_theme_words_are_no_program_however_sure():
    raw = "开展以“绿色社区清新空气”为主题的宣传活动。"
    assert not _sure_tagger_span(raw, "绿色社区")


def test_health_and_a_common_noun_is_no_strategy_however_sure():
    """健康 + a common noun (健康校园, 健康食堂) names a goal; the strategy is named after a place."""
    assert not _sure_tagger_span("推进健康校园建设。", "健康校园")
    assert _sure_tagger_span("推进健康青岛建设。", "健康青岛")


@pytest.mark.parametrize(
    "raw, program",
    [
        ("省医保局部署开展2025年定点药店违规问题专项整治工作。", "2025年定点药店违规问题专项整治"),
        ("扎实推进乡村医生签约服务试点工作。", "乡村医生签约服务试点"),
        ("开展“智慧药房”试点工作。", "“智慧药房”试点"),
    ],
)
def test_named_program_before_its_work(raw, program):
    """某某专项整治工作: 工作 after a named program's head is the work of it, not a generic head."""
    assert program in rule_programs(raw)


@pytest.mark.parametrize("raw", ["积极开展试点工作。", "稳步推进改革试点工作。"])
def test_head_before_work_without_a_name_stays_generic(raw):
    assert not rule_programs(raw)


@pytest.mark.parametrize(
    "raw, program, wrong",
    [
        # a body, then a verb (组织, 倡导), then the quoted name: the verb opens no name
        ("市妇联组织“巾帼护绿”主题实践活动。", "“巾帼护绿”主题实践活动", "市妇联组织“巾帼护绿”主题实践活动"),
        ("县红十字会倡导“一元捐”爱心公益行动。", "“一元捐”爱心公益行动", "县红十字会倡导“一元捐”爱心公益行动"),
    ],
)
def test_verb_before_a_quoted_name_opens_no_name(raw, program, wrong):
    found = rule_programs(raw)
    assert program in found
    assert wrong not in found


@pytest.mark.parametrize(
    "raw, program",
    [
        # a noun before the quotation is part of the name, as written
        ("县医院“结对帮扶”医疗援助行动正式启动。", "县医院“结对帮扶”医疗援助行动"),
    ],
)
def test_noun_before_a_quoted_name_stays_in_it(raw, program):
    assert program in rule_programs(raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        # words that end a name elsewhere (在, 同, 与) are the name's own inside its quotes
        ("县里全面推进“良医在村口工程”建设。", "良医在村口工程"),
        ("该站加入了“同心护苗计划”之列。", "同心护苗计划"),
        # an enumeration comma inside the quotes too
        ("某医院坚持开展“暖心、守护行动”三年。", "暖心、守护行动"),
    ],
)
def test_quotes_holding_the_whole_name_keep_its_inner_stops(raw, program):
    assert program in rule_programs(raw)


def test_quoted_speech_ending_in_a_head_is_no_name():
    # a clause mark inside the quotes: speech, not a name
    assert not any("，" in p for p in rule_programs("他说：“我们会好好做，推动这个项目”。"))
