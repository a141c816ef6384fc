"""Programs: named initiatives, by a head noun (行动, 项目, 试点, 宣传月 ...) or by quotation.

Three shapes cover most of them:

* a name that runs into a head noun, possibly with a quoted core
  (``某医院“结对帮扶”医疗援助行动``, ``家庭医生签约服务试点``); the
  left edge is the nearest stop, verb or time word (``推进``, ``今年``);
* a quoted name right after a verb that launches it, with its year prefix
  (``开展2023年度“万名医师支援农村”``);
* a named show in 《》 (``《名医大讲堂·健康直播间》``).

Heads followed by a word that makes them generic (``试点城市``, ``项目建设``)
are skipped, and so are names that are nothing but a head (``活动``).
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate, Rule

_HEAD_RE = re.compile("|".join(map(re.escape, lx.PROG_HEADS)))
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff·“”‘’\"'+\dA-Za-z]")
_LAUNCH = ("开展", "启动", "实施", "推进", "参加", "参与", "举办", "推出", "发起", "打造")
_QUOTED_AFTER_VERB = re.compile(
    "(?:" + "|".join(_LAUNCH) + r")((?:\d{4}年度?)?“[^“”]{2,20}”)"
)
#: A policy document's title in 《》: its last words say what kind of paper it is.
_DOC_HEADS = (
    "通知", "意见", "纲要", "规划", "办法", "方案", "规定", "条例", "协议", "决定", "报告", "指南", "细则",
    "措施", "目录", "清单", "名单", "白皮书", "公告", "通告", "批复", "备忘录", "责任书", "标准",
    "共识", "规范", "法", "章程", "要点", "意见书", "计划", "行动",
)  # fmt: skip
_TITLE = re.compile(r"《([^《》]{2,60})》")
_SHOW = re.compile(r"《([^《》]{2,30}?(?:直播间|讲堂|课堂|开讲|节目|栏目|大讲堂))》")
_YEAR = re.compile(r"\d{4}年")
#: Words after 健康 + a place that show the phrase names the strategy (推进健康某地建设).
_STRATEGY_AFTER = ("建设", "战略", "行动", "”", "\"", ",", "、", "。")
_MEASURE = "个家项名次余"
_STRATEGY_ACTION = "行动"
_YEAR_OR_ROUND = re.compile(r"\d{4}年|\d+(?:批|届|期|轮)|(?<=第)\d+个")
#: Verbs that end a program's name on its left but not a body's (促进 opens 某某促进会).
_PROGRAM_STOPS = ("促进",)
_PROGRAM_STOP_NOUN = "会"
#: A quotation introduced as a theme or slogan is not a program (主题是“某某行动”).
_THEME = ("主题是", "主题为", "口号是", "口号为", "主题:", "主题:")
#: Words before a would-be program that make it each one's own (各市…活动, 各县…行动).
_DISTRIBUTIVE = ("各",)
#: A scheme named by a formula (1+4+4, 1+X+1, 5G+): the formula and the words up to its head.
_FORMULA = re.compile(
    r"“?[\dA-Za-z]+(?:\+[\dA-Za-z]+)+”?[\u4e00-\u9fff]{2,14}?(?:框架|模式|体系|工程|行动|计划|格局)"
)
_MIN_NAME = 4
_MIN_WEAK_NAME = 6
_MAX_LEFT = 26


def _left_edge(text: str, head_start: int, lists: bool = False, stops: frozenset[int] = frozenset()) -> int:
    """Walk left over name characters; stop at punctuation or before a verb/time word.

    With ``lists``, an enumeration comma inside the name is allowed
    (``第五批药品、医用耗材集中带量采购``: a procurement names what it buys).
    ``stops`` are ends of person names: a program's name never holds a person
    (``某局主任某某出席活动``).
    """
    i = head_start
    in_quote = False
    while i > 0 and head_start - i < _MAX_LEFT and i not in stops:
        ch = text[i - 1]
        if ch == "”":
            in_quote = True
        elif ch == "“":
            in_quote = False
        elif lists and ch == "、" and _HAN.match(text[i - 2 : i - 1] or " "):
            pass
        elif not in_quote:
            if not _NAME_CHAR.match(ch) or ch in "的了在是与及等对向把被将":
                break
            if ch.isdigit():
                first = _digits_start(text, i - 1)
                if _YEAR.match(text, first):
                    i = first  # a year opens the name: nothing left of it belongs
                    break
                if text[first - 1 : first] == "第" and _YEAR_OR_ROUND.match(text, first):
                    i = first - 1  # so does a round (某市第36个…月: the city is no part of it)
                    break
                if not _YEAR_OR_ROUND.match(text, first):
                    break  # 6200余项次项目: a count, not part of the name
            if ch in _MEASURE and text[i - 2 : i - 1].isdigit() and not _YEAR_OR_ROUND.match(
                text, _digits_start(text, i - 1)
            ):
                break  # 121个省级…项目 (but 第36个…月 is a round)
            if lx.boundary_ending_at(text, i) or (
                i < head_start and text.endswith(_PROGRAM_STOPS, 0, i) and text[i] not in _PROGRAM_STOP_NOUN
            ):
                break  # 促进|某模式, but 素养促进行动 and 某促进会 keep theirs
        i -= 1
    return i


def _digits_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    return i


def _headed(text: str, people: frozenset[int] = frozenset()) -> list[Candidate]:
    out = []
    for m in _HEAD_RE.finditer(text):
        if text.startswith(lx.PROG_HEAD_BLOCKERS, m.end()):
            continue
        end = m.end()
        if text.startswith("活动", end) and m.group() != "活动":
            end += 2
        start = _left_edge(text, m.start(), lists=m.group().endswith("采购"), stops=people)
        if start < m.start() and text[start] == "“" and "”" not in text[start : m.start()]:
            start += 1  # an opening quote whose name closes after the head: 围绕“X行动”
        name = text[start : m.start()].strip("“”‘’\"'")
        # “千县工程”: the quotes hold the whole name, head and all.
        quoted = "“" in text[start:end] or (text[start - 1 : start] == "“" and text[end : end + 1] == "”")
        if len(name) < 2 or end - start < _MIN_NAME or text[start] == "”" or _theme(text, start):
            continue
        if text[start - 1 : start] in _DISTRIBUTIVE:  # 各市某某活动: each city's own, no one program
            continue
        if not quoted and (m.group() in lx.PROG_QUOTED_ONLY_HEADS or (
            m.group() in lx.PROG_WEAK_HEADS and len(name) < _MIN_WEAK_NAME
        )):
            continue
        out.append(Candidate(start, end, "PROG", "quoted-head" if quoted else "head", priority=0))
    return out


def _formulas(text: str) -> list[Candidate]:
    """``1+4+4某某改革框架``, ``“1+X+1”某某模式``: a formula opens a named scheme (ANNOTATION.md,
    "named scheme or model"); the words between formula and head hold no stop."""
    out = []
    for m in _FORMULA.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalnum():
            continue  # part of a longer number or word
        if not any(ch in lx.NAME_STOP for ch in m.group().strip("“”")):
            out.append(Candidate(m.start(), m.end(), "PROG", "formula"))
    return out


def _theme(text: str, start: int) -> bool:
    """The name opens a theme or slogan (``主题是“某某早早行动”``): a theme is no program."""
    before = text[max(0, start - 4) : start].rstrip("“\"")
    return before.endswith(_THEME)


def _launched(text: str) -> list[Candidate]:
    """A quoted name right after a launching verb, when the quote ends the phrase."""
    return [
        Candidate(m.start(1), m.end(1), "PROG", "launched-quote")
        for m in _QUOTED_AFTER_VERB.finditer(text)
        if m.end() == len(text) or not _HAN.match(text[m.end()])
    ]


def _shows(text: str) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "PROG", "show", priority=1) for m in _SHOW.finditer(text)]


def _documents(text: str) -> list[Candidate]:
    """A policy document's title (``《关于推进某市医联体建设的通知》``) holds no mention: the
    bodies, places and programs named in it are part of the title (ANNOTATION.md, ``DOC``).
    Emitted as vetoes, so nothing inside becomes a mention; a bracketed edition or year
    after the head (``…行动(2019—2030年)``) still ends a title."""
    out = []
    for m in _TITLE.finditer(text):
        title = re.sub(r"\([^()]*\)$", "", m.group(1))
        if title.endswith(_DOC_HEADS):
            out.append(Candidate(m.start(), m.end(), "DOC", "document", priority=3, mention=False, veto=True))
    return out


def _strategies(text: str, found: list[Candidate]) -> list[Candidate]:
    """``健康中国``, ``健康福建``: national and provincial strategies named 健康 + a place."""
    places = {(c.start, c.end) for c in found if c.label == "LOC"}
    gazetteer = load_gazetteer()
    out = []
    for m in re.finditer(r"健康(?=[\u4e00-\u9fff])", text):
        ends = {e for s, e in places if s == m.end() and e - s <= 3}
        # A division's short name that is also an everyday word (怀化, 集美) still names the
        # strategy when the phrase ends with it (推进健康某地建设).
        ends |= {
            m.end() + k
            for k in (2, 3)
            if gazetteer.lookup(text[m.end() : m.end() + k]) and text.startswith(_STRATEGY_AFTER, m.end() + k)
        }
        # 健康某地行动: the action named after the strategy is the longer name as written.
        ends |= {e + len(_STRATEGY_ACTION) for e in ends if text.startswith(_STRATEGY_ACTION, e)}
        out.extend(Candidate(m.start(), e, "PROG", "strategy") for e in ends)
        if text.startswith("中国", m.end()):
            out.append(Candidate(m.start(), m.end() + 2, "PROG", "strategy"))
    return out


@registry.misc("kg.program_rules.v1")
def make_program_rules() -> Rule:
    def program_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        people = frozenset(c.end for c in found if c.label == "PER")
        named = _headed(text, people) + _formulas(text) + _launched(text) + _shows(text)
        return named + _strategies(text, found) + _documents(text)

    return program_rules
