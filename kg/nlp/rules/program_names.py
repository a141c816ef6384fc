"""Programs named in shapes the head list alone does not hold (issue 11): touring campaigns named
after any region, not only the listed tours; a yearly campaign's month or week before 活动; and
where a one-character stop inside a noun (对口, 普及, 同心) does not end a program's name; short
unquoted names of an action against a disease or for a goal (某病防治行动); a quoted name that
is the subject of 启动 (“某某”正式启动, “某某”自某月启动以来). Not programs: buildings being built
(某某住院大楼项目, 某某综合楼工程).

A touring campaign is written ``<what it brings><where it goes>行`` (``名医义诊某地行``,
``健康知识普及某某行``): 行 is then the head, "a journey through". The region may be a province's
literary name that no gazetteer lists, so it is not looked up; instead 行 must not form a word with
the character before it (银行, 举行, 同行, 出行, 进行 are dictionary words; a region + 行 is not),
and the name must run on for a few characters before it.
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate

#: The head of a touring campaign, and what may follow it as part of the name or its event.
TOUR = "行"
TOUR_FOLLOWERS = ("活动", "主题", "启动", "系列", "专场", "义诊", "是")
TOUR_RE = rf"{TOUR}(?=" + "|".join(TOUR_FOLLOWERS) + r"|[^\u4e00-\u9fff]|$)"
#: Characters of a tour's name before 行, at least: quoted, its marks bound it; unquoted, a longer
#: name keeps a verb phrase that ends in 行 (某某组织一行) from being read as one.
_MIN_QUOTED_TOUR = 3
_MIN_TOUR = 4


def touring(text: str, head_start: int, start: int, quoted: bool) -> bool:
    """Whether the 行 at ``head_start`` ends a touring campaign whose name starts at ``start``."""
    before = text[head_start - 1 : head_start + 1]
    if not lx.HAN.match(before[:1]) or before in lx.dictionary_words():
        return False
    name = text[start:head_start].strip("“”")
    return len(name) >= (_MIN_QUOTED_TOUR if quoted else _MIN_TOUR)


#: A campaign's month or week written before 活动 (某某卫生月活动, 全民某某周活动): the period is the
#: head, as 宣传月 is, whatever word names the campaign; 活动 joins the name as after any head.
PERIODS = "月周"
PERIOD_RE = rf"(?<=[\u4e00-\u9fff])[{PERIODS}](?=活动)"
#: A date or a span of time before the period (十月, 本月, 每周, 上个月, 这周): no campaign.
_NOT_BEFORE_PERIOD = "0123456789〇零一二三四五六七八九十百两几个本上下每这该此当次同整全半岁年"
_MIN_PERIOD_NAME = 4


def campaign_period(text: str, head_start: int, name: str) -> bool:
    """Whether the 月/周 at ``head_start``, before 活动, ends a campaign named ``name`` (its round or
    year left out): four characters or more, and no date or span of time before the period."""
    return text[head_start - 1] not in _NOT_BEFORE_PERIOD and len(name.strip("“”")) >= _MIN_PERIOD_NAME


#: One-character stops (对, 同, 及, 和, 向 of ``lexicon.LEFT_BOUNDARIES``) that also start or end nouns
#: written inside programs' names: 对口, 普及, 同心, 协同, 和平, 定向.
_STOPS_IN_NOUNS = "对同及和向"
#: Nouns by jieba's tags that still open a name's object as a preposition (面向某某的计划).
_PREPOSITIONAL = ("面向",)


def stop_inside_noun(text: str, i: int) -> bool:
    """The one-character stop ending at ``i`` forms a noun of jieba's dictionary with the character
    before or after it (``“某某”对口某某行动``: 对口; ``健康知识普及某某行``: 普及), so it is no
    conjunction or preposition of its own and does not end the name there. Verbs and function
    words it forms (涉及, 以及, 共同, 针对) stay stops."""
    if text[i - 1 : i] not in _STOPS_IN_NOUNS or text[i - 2 : i] in _PREPOSITIONAL:
        return False
    tags = lx.word_tags()
    return any(tags.get(w, "").startswith(("n", "vn")) for w in (text[i - 2 : i], text[i - 1 : i + 1]))


#: Heads that a short unquoted name may still stand before when it says what the action does.
_AIMED_HEADS = ("行动", "工程", "计划")
#: What an action does, written last in its name (某病防治行动, 某某素养提升行动): with its object
#: before it, the name says which action it is.
_AIMS = ("防治", "防控", "促进", "提升", "普及", "干预", "筛查", "救治", "保护")
#: Objects so general that the phrase names a kind of work, not one action (质量提升行动, 能力提升工程).
_GENERAL_OBJECTS = ("专项", "集中", "联合", "能力", "质量", "服务", "水平", "工作", "全面", "综合", "健康")
_MIN_AIMED = 4


def aimed(head: str, name: str) -> bool:
    """``癌症防治行动``, ``某某病防治行动``: a name of four or five characters, too short for a weak
    head unquoted, that ends in what the action does after a specific object names one action
    (the national health actions are written so); a general object (质量提升行动) does not."""
    return (
        head in _AIMED_HEADS
        and len(name) >= _MIN_AIMED
        and name.endswith(_AIMS)
        and all(lx.HAN.match(c) for c in name)
        and not name[: -len(_AIMS[0])].startswith(_GENERAL_OBJECTS)
    )


#: A quotation launched as the subject of its clause: “某某”(正式)启动, “某某”自某月启动以来. Programs are
#: launched; policies put in force (实施, 落地) are not read here, nor slogans, which are not launched.
_SUBJECT_LAUNCHED = re.compile(
    r"“([^“”，。！？；：,!?;:]{2,20})”(?:(?:正式|全面|近日|日前|昨日|今日)?(?:启动|开启)|自[^，。；,;“”]{1,12}?启动)"
)


def launched_subjects(text: str) -> list[Candidate]:
    """``“某某”正式启动``: a quoted name that its clause launches is a program, as after 启动 it is."""
    return [Candidate(m.start(), m.end(1) + 1, "PROG", "launched-subject") for m in _SUBJECT_LAUNCHED.finditer(text)]


#: Heads that also name a building works (某楼工程, 某某迁建项目).
_WORKS_HEADS = ("项目", "工程")
#: What a works builds, written last before the head (住院楼, 综合大楼, 某某院区), and the verbs of
#: building (新建, 迁建, 扩建) written in its name: a construction project, not an initiative someone runs.
_BUILDINGS = ("楼", "厦", "馆", "院区", "病房")
_BUILDING_VERBS = ("新建", "迁建", "扩建", "改建", "续建")


def building_works(head: str, name: str) -> bool:
    """``某院新建住院大楼项目``, ``某医院门诊综合楼工程``: a building under construction; ANNOTATION.md's
    programs are initiatives someone runs, and a building project is a site, not one of them."""
    return head in _WORKS_HEADS and (name.endswith(_BUILDINGS) or any(v in name for v in _BUILDING_VERBS))
