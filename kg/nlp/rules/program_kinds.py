"""What kind of thing an unquoted program head names (issue 11): checks written from ANNOTATION.md's
definition of a program (a named, bounded initiative someone runs) rather than from errors, and
tried on general news (People's Daily, Weibo) that nobody tuned on.

* 活动 alone is the commonest word of news (爱国活动, 业务活动, 演出活动, 有奖活动): unquoted, it
  heads a program's name only after a word that says what kind of initiative the activity is
  (义诊, 宣传, 帮扶, 志愿服务, 主题, 实践 ... , or going somewhere: 下乡, 进社区);
* 模式 unquoted names a model only after the place it is named for (三明模式, 某县医改模式); a
  model named by its content (企业管理模式, 社会福利模式) is a generic policy idea. Quoted names and
  formulas (“某某带某”模式, 1+X+1某某模式) are read elsewhere;
* a touring campaign's 行 never follows an adverb or conjunction (就行, 才行, 且行) or 限 (限行);
* a count in Chinese numerals (一个, 上万个, 三项) ends a name on its left, as a count in digits does;
* a year or round before a deictic whole (第三届全省某某竞赛, 2024年度全省某某项目) opens the name,
  which the deictic runs into, as 全国 does in 第N届全国某某宣传周;
* a campaign year (某某建设年活动, 某某服务年行动): 年 after a word of work (建设, 服务, 管理) heads
  the campaign's name, as the listed 提升年, 攻坚年 do.
"""

from __future__ import annotations

import re

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate

#: Last words of an activity's name that say it is an initiative someone runs: a service, campaign,
#: aid or outreach (ANNOTATION.md: campaign, project, action). Going somewhere (下乡, 进社区) too.
EVENT_KINDS = (
    "义诊", "巡诊", "宣传", "宣讲", "科普", "服务", "帮扶", "援助", "救助", "关爱", "公益", "志愿", "主题",
    "实践", "竞赛", "筛查", "体检", "健康", "教育", "下乡", "基层", "万家", "社区", "校园", "乡村", "农村",
    # campaigns of work: cleaning up, drilling, checking (专项整治活动, 岗位练兵活动, 某某清洁活动,
    # 安全生产大检查活动)
    "整治", "治理", "比武", "练兵", "健步走", "清洁", "大扫除", "排查", "大检查", "攻坚", "提升",
    "示范", "推广",
)  # fmt: skip
_EVENT = "活动"
_ANNIVERSARY = "周年"


def kind_of_event(head: str, name: str) -> bool:
    """Whether an unquoted ``活动`` after ``name`` heads a program's name: the name ends in a word of
    ``EVENT_KINDS`` (某会巡回义诊活动, 某某志愿服务活动), not in any noun or verb (爱国活动), and
    marks no anniversary (建院某某周年宣传活动: a one-off celebration, ANNOTATION.md's one-off event)."""
    return head != _EVENT or (name.endswith(EVENT_KINDS) and _ANNIVERSARY not in name)


_MODEL = "模式"
#: Lengths of a place's name at the start of a model's (三明, 井陉县, 黔东南).
_PLACE_LENGTHS = (2, 3, 4)


def named_model(head: str, name: str) -> bool:
    """Whether an unquoted ``模式`` after ``name`` may name a model: the name opens with a place of
    the gazetteer (某市模式, 某县医改模式), as models are named for where they were made."""
    return head != _MODEL or place_model(head, name)


def place_model(head: str, name: str) -> bool:
    """``某市模式``, ``某县医改模式``: a model named for its place, however short its name (a weak
    head otherwise needs a long one)."""
    if head != _MODEL or not all(lx.HAN.match(c) for c in name):
        return False
    gazetteer = load_gazetteer()
    return any(gazetteer.lookup(name[:k]) for k in _PLACE_LENGTHS if k < len(name))


#: Adverbs and conjunctions of one character that 行 follows as "will do" (就行, 才行, 也行, 且行),
#: and 限 (限行, traffic restriction): 行 is then no tour's head.
_NOT_BEFORE_TOUR = "就才也还不可能且并又再亦皆均即便只限"


def tour_after(text: str, head_start: int) -> bool:
    """The character before a tour's 行 may end the tour's name (not 就行, 且行, 限行)."""
    return text[head_start - 1 : head_start] not in _NOT_BEFORE_TOUR


#: A count written in Chinese numerals and a measure (一个, 上万个, 两项, 几个): many things, no name.
_CN_COUNT = re.compile("[一二三四五六七八九十百千万两几数多每各整某][个项]$")


def count_ends_at(text: str, i: int) -> bool:
    """A count in Chinese numerals ends at ``i`` (一个|某某项目, 上万个|某某项目); a round
    (第三个) is read before this as the name's opener."""
    return bool(_CN_COUNT.search(text, max(0, i - 2), i)) and text[i - 3 : i - 2] != "第"


#: Deictic wholes that a program's name may hold right after its year or round (第三届全省某某竞赛).
_WHOLES = ("全省", "全市", "全县", "全区", "全州", "全军")


def whole_after_round(text: str, i: int, opener_ending_at) -> int:
    """Where the year or round before the deictic whole ending at ``i`` starts, else -1:
    ``第三届全省某某竞赛`` is one name (the round runs into it), ``全省某某竞赛`` alone is read
    without the deictic (ANNOTATION.md: 全省 is no mention)."""
    word = next((w for w in _WHOLES if text.endswith(w, 0, i)), "")
    return opener_ending_at(text, i - len(word)) if word else -1


def whole_after_quote(text: str, i: int) -> bool:
    """A deictic whole ending at ``i`` right after a closing quote (``“某某杯”全省某某竞赛``): the
    quoted words open the name and the whole runs on inside it, so it ends nothing there."""
    word = next((w for w in _WHOLES if text.endswith(w, 0, i)), "")
    return bool(word) and text[i - len(word) - 1 : i - len(word)] == "”"


#: A campaign year: 年 after a word of work, before 活动 or 行动 (某某作风建设年活动, 基层服务年行动).
CAMPAIGN_YEAR_RE = r"(?<=[\u4e00-\u9fff]{2})年(?=活动|行动)"
#: Tags of the word before 年 in a campaign year: verbs of work (建设, 服务, 管理) and their nouns.
_WORK_TAGS = ("v", "vn", "n")
_YEAR = "年"
_MIN_YEAR_NAME = 4


def campaign_year(text: str, head_start: int, name: str) -> bool:
    """Whether the 年 at ``head_start`` heads a campaign year: the two characters before it are a
    word of jieba's dictionary for work (v, vn, n: 建设, 服务, 质量), not a time (今年, 新年, 周年,
    老年, 少年, 多年: those are one word with 年, or a time word), and the name runs on for four."""
    word = text[head_start - 2 : head_start]
    tags = lx.word_tags()
    return (
        tags.get(word, "") in _WORK_TAGS
        and text[head_start - 1 : head_start + 1] not in lx.dictionary_words()
        and len(name) >= _MIN_YEAR_NAME
    )


def is_campaign_year(head: str) -> bool:
    return head == _YEAR



#: A crowd sent somewhere, named by its round number (千名某某下基层, 百名某某进社区, 万名某某支援农村):
#: ANNOTATION.md's own example of a program with no head noun. The number is a round one (百, 千,
#: 万 alone), not a count (数千名, 上万名, 两千名, 1000名), and the crowd is a short noun.
_CROWD = re.compile(
    r"(?<![\d数上近约余多几一二三四五六七八九十两])(?:\d{4}年度?)?[百千万]名[\u4e00-\u9fff]{2,4}?"
    r"(?:下基层|进基层|走基层|到基层|下乡|进乡村|进农村|进社区|进万家|进校园|进企业|支援农村|支援基层)"
)
#: Words that may follow the crowd's destination, the name ending there (千名某某下基层工作, ...等).
_AFTER_CROWD = ("工作", "等", "对口", "活动", "行动", "项目", "计划", "工程")


def crowds(text: str) -> list[Candidate]:
    """``千名某某下基层``: a crowd of a round number sent to the grassroots, the countryside or the
    community is a program by that name, written with no head; a year before it is its prefix."""
    return [
        Candidate(m.start(), m.end(), "PROG", "crowd")
        for m in _CROWD.finditer(text)
        if not lx.HAN.match(text[m.end() : m.end() + 1] or " ") or text.startswith(_AFTER_CROWD, m.end())
    ]


#: Words that end a program's name on its left that neither stop list holds: a verb of doing (搞,
#: 展开, as 开展 is), an adverb of haste (尽快), times shorter or longer than a year (上半年|某某项目,
#: 本月|某某活动, 每周|某某活动: a time, not a year prefix), as 今年 and 近日 already are.
LEFT_STOPS = (
    "搞", "展开", "尽快", "上半年", "下半年", "本月", "上月", "下月", "当月", "每月", "本周", "上周", "下周",
    "每周", "今天", "昨天", "明天",
)  # fmt: skip


def left_stop(text: str, i: int) -> bool:
    """A word of ``LEFT_STOPS`` ends at ``i``: the name starts after it."""
    return text.endswith(LEFT_STOPS, 0, i)


#: A phase of building (一期, 二期, 3期) right before 工程/项目: a construction site, not an initiative
#: (某某污水处理厂一期工程); a round of a program is written 第N期 before its name instead.
_PHASE = re.compile(r"(?<!第)[一二三四五六七八九十\d]期$")
_WORKS = ("工程", "项目")


def building_phase(head: str, name: str) -> bool:
    """``某某二期工程``, ``某院一期项目``: a phase of a building works, no program."""
    return head in _WORKS and bool(_PHASE.search(name))


#: Words after a head that make it part of a body's name (某某工程协会, 某某计划署, 某某项目办公室,
#: 某某专项治理领导小组): the body is an organization, its head word no program's.
BODY_AFTER_HEAD = (
    "协会", "学会", "委员会", "联合会", "基金会", "办公室", "领导小组", "工作组", "指挥部", "研究院", "研究所",
    "学院", "署",
)  # fmt: skip


def in_body_name(text: str, end: int) -> bool:
    """The head ending at ``end`` is followed by a body's suffix (协会, 办公室, 署 ...)."""
    return text.startswith(BODY_AFTER_HEAD, end)


#: A campaign's week or month (某某宣传周, “某某博爱周”, 全民某某周) written before the words of one of
#: its events and 活动 (宣传, 现场宣传, 义诊): the campaign is the program, the event is not, as with
#: the listed period heads (program_edges.campaign_before_event). The period char is not part of a
#: longer word (周年, 月份, 周末, 月报), nor after a numeral or a time word (本月, 每周, 五月).
_PERIOD_EVENT = re.compile(
    r"(“?)([\u4e00-\u9fff]{3,12}?)([周月])(”?)(?![份年末期报常前后内刊度底初])([\u4e00-\u9fff]{1,6})$"
)
_NOT_BEFORE_PERIOD = "0123456789〇零一二三四五六七八九十百两几个本上下每这该此当次同整全半岁年"


def period_before_event(text: str, start: int, head_start: int) -> tuple[int, int] | None:
    """The span of a campaign period named before an event of it and 活动 (``“某某博爱周”宣传活动``,
    ``全民某某周义诊活动``), quotes and all; None if the words before 活动 name no such period."""
    m = _PERIOD_EVENT.search(text, start, head_start)
    if m is None or not m.group(5).endswith(EVENT_KINDS) or m.group(2)[-1] in _NOT_BEFORE_PERIOD:
        return None
    if bool(m.group(1)) != bool(m.group(4)):
        return None  # a quote that opens or closes elsewhere: no name of its own
    return m.start(), m.end(4)


#: Last words of a research project's name (某某自然科学基金项目, 某某科研项目, 某某课题研究项目): a
#: grant won or a study, not an initiative someone runs for the public; hospital news lists them
#: among its achievements, as it does awards (ANNOTATION.md: awards and rankings are no programs).
_RESEARCH = ("基金", "科研", "研究", "课题", "科技计划", "研发计划", "攻关")
_PROJECT = "项目"


def research_project(head: str, name: str) -> bool:
    """``某某科学基金项目``, ``某某科技计划项目``: a funded research project, no program."""
    return head == _PROJECT and name.endswith(_RESEARCH)


#: A campaign's month or week named in quotes (全国“敬老月”, “某某服务月”期间, “某某周”启动): the quotes
#: bound the name, so no listed head is needed; 全国 or a numbered edition before it opens it. Not a
#: holiday week (黄金周), nor a time (“五月”: a numeral or time word before the period).
_QUOTED_PERIOD = re.compile(
    r"(?:全国|第[0-9一二三四五六七八九十百]+(?:个|届))?“([\u4e00-\u9fff]{2,8})([月周])”"
    r"(?=[^\u4e00-\u9fff]|$|期间|活动|系列|宣传|主题|启动|以来|开幕)"
)
_HOLIDAYS = ("黄金",)


def quoted_periods(text: str) -> list[Candidate]:
    """``全国“某某月”期间``: a quoted campaign month or week is a program by that name."""
    return [
        Candidate(m.start(), m.end(), "PROG", "quoted-period")
        for m in _QUOTED_PERIOD.finditer(text)
        if m.group(1)[-1] not in _NOT_BEFORE_PERIOD and not m.group(1).endswith(_HOLIDAYS)
    ]
