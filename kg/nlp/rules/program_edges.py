"""Where a program's name ends on either side, beyond its head and its left stops (issue 11).

Two constructions of news about campaigns that the head rule alone reads wrongly:

* an event of a campaign written after the campaign (``第N个某某月现场宣传活动``,
  ``某某宣传周义诊活动``, ``某某运动宣传活动``): 活动 is then the event's head, not the
  program's, and the program is the campaign (ANNOTATION.md: one-off events are no programs;
  the domain gold reads the numbered campaign, ``第N个某某月``, out of such a headline). An
  event held for a day or festival (``某某节庆祝活动``, ``世界某某日宣传活动``) names no program
  at all. Written right before 活动 or 系列活动, a campaign's head keeps them (``某某宣传月活动``:
  the gold's form);
* a verb that takes a program as its object (``配合``, ``响应``, ``督导``, ``解读``): written as
  a word of its own before the name, it opens no program's name, so the body before it is
  not swallowed (``某市卫健委督导某某行动``). Right before the head it is what the program does
  (``某某专项督导行动``) and stays in.
"""

from __future__ import annotations

import re

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon as lx

HAN = lx.HAN
NUMERALS = "0-9〇零一二三四五六七八九十百两"
#: Heads of a campaign's period (宣传周, 宣传月): written alone, they name a campaign of the text again.
PERIOD_HEAD_RE = re.compile("|".join(re.escape(h) for h in lx.PROG_HEADS if h.endswith(("周", "月", "日"))))
#: A numbered edition of a yearly observance (第36个某某月, 第28届某某宣传周, 第37个某某日): the
#: numbering says a campaign comes back each year. Its name holds no time or function word, and
#: the head is no part of a longer word (周年, 月份, 日报) nor a date (第八届某某赛六月十三日).
OBSERVANCE = re.compile(
    rf"第[{NUMERALS}]+(?:个|届)[^\W\d_于在的是了和与及等将从到至今明昨本各该这那个届年月日]{{3,12}}?"
    rf"(?<![{NUMERALS}])[月周日](?![份年末期报常前后内])"
)
#: 系列 before a head belongs to the name (某某宣传周系列活动), though alone it opens a phrase (一系列).
SERIES = "系列"

#: The words of an event between a campaign and 活动 (宣传, 现场宣传, 义诊, 分会场), at most this long.
_MAX_EVENT_WORDS = 6
#: A movement (某某卫生运动): a campaign by this head when an event of it follows.
_MOVEMENT = "运动"
_MIN_MOVEMENT_NAME = 4
#: The heads of a named day or festival (某某节, 世界某某日): an event held for one is no program.
_DAYS = "节日"

#: Verbs that take a program as their object and sit in no program's name as a word of their own
#: before it: joining, reviewing, reporting. Not 服务, 宣传, 检查, 评估, 推广, which programs' names
#: hold (优质服务基层行, 两癌检查项目, 适宜技术推广项目), nor 组织, also a noun (软组织修补用…采购).
OBJECT_VERBS = frozenset((
    "借助", "配合", "投身", "响应", "携手", "对接", "争取", "谋划", "总结", "巩固", "启用", "参评",
    "入围", "负责", "执行", "筹备", "推介", "观摩", "督导", "调研", "考察", "验收", "介绍", "解读", "回顾",
    "报道", "点赞", "推开", "扩面", "加入", "融入", "对标", "宣讲", "亮相", "落户", "启幕", "主导",
))  # fmt: skip
_VERB_LENGTH = 2


def verb_opens(text: str, i: int, head_start: int) -> bool:
    """A verb of ``OBJECT_VERBS`` ends at ``i`` as a word of its own in jieba's segmentation (not
    the end of a longer word), and is not right before the head."""
    if i >= head_start or text[i - _VERB_LENGTH : i] not in OBJECT_VERBS:
        return False
    starts = lx.word_starts(text)
    return i - _VERB_LENGTH in starts and i in starts


def _event_words(text: str, begin: int, head_start: int, series: bool = False) -> bool:
    """``text[begin:head_start]`` is a short event word between a campaign and 活动 (宣传, 现场宣传,
    义诊, 分会场); with ``series``, 系列 counts as one (a day's 系列活动 are its events)."""
    gap = text[begin:head_start]
    return (
        0 < len(gap) <= _MAX_EVENT_WORDS
        and (series or not gap.startswith(SERIES))
        and all(HAN.match(ch) and ch not in lx.NAME_STOP for ch in gap)
    )


def campaign_before_event(text: str, start: int, head_start: int) -> int:
    """Where a campaign named before an event of it ends, for the 活动 at ``head_start`` whose
    name starts at ``start``: 0 when the campaign's own rule names it (a period head, a numbered
    observance) or a day's event names none, the movement's end (某某运动宣传活动), else -1."""
    words = text[start:head_start]
    inner = [m.end() for m in PERIOD_HEAD_RE.finditer(words)] + [m.end() for m in OBSERVANCE.finditer(words)]
    if any(_event_words(text, start + e, head_start) for e in inner):
        return 0
    for e in range(head_start - 1, max(start + 2, head_start - _MAX_EVENT_WORDS - 2), -1):
        day = text[e - 2 : e - 1] if text[e - 1] in "”\"" else text[e - 1]  # “某某节”庆祝活动
        if day in _DAYS and _event_words(text, e, head_start, series=True):
            return 0
    at = words.rfind(_MOVEMENT)
    end = start + at + len(_MOVEMENT)
    if at >= _MIN_MOVEMENT_NAME and _event_words(text, end, head_start) and all(HAN.match(c) for c in words[:at]):
        return end
    return -1


#: A quotation given as a theme or slogan: words before its opening mark and after its closing one.
_THEME_BEFORE = ("主题是", "主题为", "口号是", "口号为", "主题:", "主题：")
_THEME_AFTER = ("为主题", "为口号")


def in_theme(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` lies inside a quotation given as a theme or slogan (以“某某某某”为主题,
    主题是“…”): ANNOTATION.md counts slogans and themes as no programs, whatever words they hold."""
    opening = text.rfind("“", 0, start + 1)
    closing = text.find("”", max(start, end - 1))
    if opening < 0 or closing < 0 or "”" in text[opening + 1 : start] or "“" in text[end:closing]:
        return False
    return text.startswith(_THEME_AFTER, closing + 1) or text.endswith(_THEME_BEFORE, 0, opening)


#: A strategy named 健康 + a place (健康中国, 健康某省); 中国 is no division of the gazetteer.
_STRATEGY = "健康"
_COUNTRY = "中国"


def unnamed_strategy(surface: str) -> bool:
    """``健康校园``, ``健康食堂``: 健康 + a common noun, with no program head after it, names a theme
    or goal, not the strategy, which is named after a place (健康中国, 健康某地: ANNOTATION.md)."""
    rest = surface[len(_STRATEGY) :]
    return (
        surface.startswith(_STRATEGY)
        and not surface.endswith(lx.PROG_HEADS)
        and not rest.startswith(_COUNTRY)
        and not any(load_gazetteer().lookup(rest[:k]) for k in (2, 3, 4))
    )


#: How far before a head a quotation holding the whole name may open (“某某某某某某工程”).
_MAX_QUOTED = 16
#: Marks that end a clause or a quoted speech; a quotation holding one is no program's name.
_CLAUSE_MARKS = frozenset("，。！？；：,!?;:“”")


def quoted_whole(text: str, head_start: int, end: int) -> int:
    """``推进“名医在身边工程”``, ``参与“健康同行计划”``: where the quotation opens when a program's
    whole name, head and all, stands in quotes that close right after the head; -1 otherwise.
    Inside the marks the words are the name's own, so what ends a name elsewhere (在, 同, 与, 、)
    does not cut it there, as it does not in a quoted core before a head (“某某在身边”行动).
    A quotation holding a clause mark is speech, not a name."""
    if text[end : end + 1] != "”":
        return -1
    opening = text.rfind("“", max(0, head_start - _MAX_QUOTED), head_start)
    if opening < 0 or head_start - opening < 2 or _CLAUSE_MARKS & set(text[opening + 1 : head_start]):
        return -1
    return opening + 1


#: A verb before a quoted name this long or longer is a word of its own (组织, 发起, 倡导).
_MIN_QUOTE_VERB = 2


def verb_before_quote(text: str, start: int, head_start: int) -> int:
    """``某市妇联组织“某某”主题实践活动``: a verb written as a word of its own right before the
    opening quote of a program's name (jieba's v: 组织, 发起, 倡导) is what the body does to the
    program, so the name opens at the quote and the body before the verb is its organizer, not
    part of it. Returns the new start (the quote), or ``start`` when no such verb is there."""
    opening = text.find("“", start, head_start)
    if opening <= start:
        return start
    starts = lx.word_starts(text[start:opening])
    tags = lx.word_tags()
    last = max((s for s in starts if s < opening - start), default=0)
    word = text[start + last : opening]
    if len(word) >= _MIN_QUOTE_VERB and tags.get(word) == "v":
        return opening
    return start
