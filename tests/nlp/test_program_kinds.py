"""What an unquoted program head names (kg/nlp/rules/program_kinds.py), on sentences written for
these tests (issue 11): each would-be program of general news here was one before the rule."""

from __future__ import annotations

import pytest

from kg.normalise import normalise


def programs(nlp, raw: str) -> set[str]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    return {e.text for e in nlp(doc).ents if e.label_ == "PROG"}


@pytest.mark.parametrize(
    "raw",
    [
        # 活动 after a word that says no initiative: a show, a business, a sale
        "师生们观看了学校礼堂举办的迎新年文艺汇演演出活动。",
        "这家银行近期推出信用卡积分兑换礼品活动。",
        "代表团参观了当地企业的国际贸易业务活动。",
        # 模式 after what the model is about, with no place it is named for
        "这家企业长期沿用传统家族企业管理模式。",
        "专家比较了北欧国家全民社会福利模式。",
        # 行 after an adverb or conjunction, or 限 (限行): no tour
        "大家不用担心，有一个人去办就行。",
        "早晚高峰时段重型货车一律限行。",
    ],
)
def test_heads_that_name_no_initiative(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        # the kinds of activity that are initiatives keep their program (before and after the rule)
        ("市医师协会开展名医巡回义诊活动。", "名医巡回义诊活动"),
        ("县团委开展青年志愿者关爱留守儿童志愿服务活动。", "青年志愿者关爱留守儿童志愿服务活动"),
        # a model named for its place is still a program
        ("各地学习借鉴三明医改模式。", "三明医改模式"),
    ],
)
def test_heads_that_name_an_initiative(nlp, raw, program):
    assert program in programs(nlp, raw)


def test_count_in_chinese_numerals_ends_the_name(nlp):
    found = programs(nlp, "市里新上马了一个农村饮水安全保障项目。")
    assert "农村饮水安全保障项目" in found
    assert not any(p.startswith("一个") for p in found)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("第二届全省乡村医生技能竞赛在南昌举行。", "第二届全省乡村医生技能竞赛"),
        ("2024年度全市社区卫生人才培训项目近日启动。", "2024年度全市社区卫生人才培训项目"),
    ],
)
def test_round_runs_into_a_deictic_whole(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("县卫健局在全系统深入开展作风建设年活动。", "作风建设年活动"),
        ("市卫健委部署开展基层服务年行动。", "基层服务年行动"),
    ],
)
def test_campaign_year(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw", ["社区为老人举办重阳节敬老活动。", "学校举办庆祝新年活动。", "他们回顾了过去多年行动的成效。"]
)
def test_no_campaign_year_in_a_time_or_age(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("县里继续推进百名医生进社区，方便群众就医。", "百名医生进社区"),
        ("市卫健委部署2025年度万名护士下基层工作。", "2025年度万名护士下基层"),
    ],
)
def test_crowd_sent_somewhere(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize("raw", ["全市两千名医务人员下基层开展服务。", "今年共有上万名党员干部下基层。"])
def test_no_crowd_in_a_count(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw",
    [
        # a phase of building: a construction site
        "该市垃圾焚烧发电厂二期工程顺利完工。",
        # a head inside a body's name
        "记者从全市食品安全专项治理办公室获悉。",
        "他曾任国际海洋保护合作计划署官员。",
    ],
)
def test_heads_of_sites_and_bodies(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("大家要尽快展开秋冬季爱国卫生清洁行动。", "秋冬季爱国卫生清洁行动"),
        ("今年上半年新开工乡镇卫生院提质改造项目12个。", "新开工乡镇卫生院提质改造项目"),
        ("镇里去年搞“文明家庭评选”活动效果不错。", "“文明家庭评选”活动"),
    ],
)
def test_words_that_open_no_name(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        # a campaign's week or month before an event of it: the campaign, not the event
        ("当天，县慈善总会“慈心助学周”宣传活动在文化广场举行。", "“慈心助学周”"),
        ("社区卫生服务中心开展全民控盐周义诊活动。", "全民控盐周"),
    ],
)
def test_period_before_an_event(nlp, raw, program):
    assert programs(nlp, raw) == {program}


@pytest.mark.parametrize("raw", ["医院举行建院六十周年义诊活动。", "社区组织本月健康宣传活动。"])
def test_no_period_in_an_anniversary_or_a_month(nlp, raw):
    assert not programs(nlp, raw)


def test_deictic_whole_after_a_quoted_cup(nlp):
    found = programs(nlp, "第四届“杏林杯”全省中医药知识竞赛在太原举行。")
    assert "第四届“杏林杯”全省中医药知识竞赛" in found


@pytest.mark.parametrize(
    "raw",
    [
        "该院今年获批省自然科学基金项目12项。",
        "他主持完成了多项省级重点科研项目。",
        "团队承担了一项儿童哮喘课题研究项目。",
    ],
)
def test_research_projects(nlp, raw):
    assert not programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("市疾控中心组织开展病媒生物隐患排查活动。", "病媒生物隐患排查活动"),
        ("各乡镇卫生院开展医疗废物专项整治活动。", "医疗废物专项整治活动"),
        ("市急救中心开展院前急救岗位练兵活动。", "院前急救岗位练兵活动"),
    ],
)
def test_campaigns_of_work(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize(
    "raw, program",
    [
        ("全国“助残月”期间，县医院为残疾人免费体检。", "全国“助残月”"),
        ("第五个“家庭医生服务周”启动以来，签约人数明显增加。", "第五个“家庭医生服务周”"),
    ],
)
def test_quoted_period(nlp, raw, program):
    assert program in programs(nlp, raw)


@pytest.mark.parametrize("raw", ["“黄金周”期间，景区游客明显增多。", "他说“下个月”再来复查。"])
def test_no_quoted_period_in_a_holiday_or_a_time(nlp, raw):
    assert not programs(nlp, raw)
