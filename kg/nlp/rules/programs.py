"""Programs: named initiatives, by a head noun (行动, 项目, 试点, 宣传月 ...) or by quotation.

These shapes cover most of them:

* a name that runs into a head noun, possibly with a quoted core
  (``某医院“结对帮扶”医疗援助行动``, ``家庭医生签约服务试点``); the
  left edge is the nearest stop, verb or time word (``推进``, ``今年``,
  ``打好``, ``列入``), or a year or round, which opens the name and keeps
  what is left of it out (``某省第三批…采购`` -> ``第三批…采购``);
* a quoted name right after a verb that launches it, with its year prefix
  (``开展2023年度“万名医师支援农村”``);
* a numbered edition of a yearly observance (``第36个某某月``, ``第37个某某日``);
* a touring campaign (``优质服务基层行``) and a quoted aid scheme (``“组团式”医疗援疆``);
* a named show in 《》 (``《名医大讲堂·健康直播间》``);
* a program of the same text named again: a period head alone (``本届宣传周``), a
  formula scheme's words without the formula.

Heads followed by a word that makes them generic (``试点城市``, ``项目建设``)
are skipped, and so are names that are nothing but a head (``活动``) or a level
(``国家级试点``). Not programs: themes (``以“某某”为主题``), brands to build
(``打造“某某”``) and policies put in force (``实行“某某”``).
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate, Rule
from kg.nlp.rules import program_forms as pf
from kg.nlp.rules import program_kinds as pk
from kg.nlp.rules import program_names as pn
from kg.nlp.rules.program_edges import HAN as _HAN
from kg.nlp.rules.program_edges import NUMERALS as _NUMERALS
from kg.nlp.rules.program_edges import OBSERVANCE as _OBSERVANCE
from kg.nlp.rules.program_edges import PERIOD_HEAD_RE as _PERIOD_HEAD_RE
from kg.nlp.rules.program_edges import SERIES as _SERIES
from kg.nlp.rules.program_edges import campaign_before_event, quoted_whole, verb_before_quote, verb_opens

#: Heads; a tour's 行 ends a word only before 活动, 主题, 启动 ... or where the words end.
_TOUR = "(?:" + "|".join(map(re.escape, lx.PROG_TOUR_HEADS)) + r")(?=活动|主题|启动|系列|专场|[^\u4e00-\u9fff]|$)"
_HEAD_RE = re.compile(
    "|".join([_TOUR, *map(re.escape, lx.PROG_HEADS), pn.TOUR_RE, pn.PERIOD_RE, pk.CAMPAIGN_YEAR_RE])
)
#: A quoted scheme, up to four more characters and an aid head, ending the phrase.
_AID = re.compile(
    r"“[^“”]{2,12}”[\u4e00-\u9fff]{0,4}?(?:" + "|".join(lx.PROG_AID_HEADS) + r")(?![\u4e00-\u9fff])"
)
#: Heads of a campaign's period (宣传周, 宣传月): written alone, they name a campaign of the text again.
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff·“”‘’\"'+\dA-Za-z]")
#: Verbs that launch or carry out a program named in quotes after them. Not 打造: what is built is a
#: brand or goal (打造“某某”), an outcome label rather than a program (ANNOTATION review, rule 2);
#: not 实行/推行, which put a policy in force (实行“一国两制”: general news has many).
_LAUNCH = ("开展", "启动", "实施", "推进", "参加", "参与", "举办", "推出", "发起", "开启")
_QUOTED_AFTER_VERB = re.compile(
    # 开展了“某某”: 了 marks the aspect, after verbs that only launch (推出了 also brings out books)
    "(?:" + "|".join(_LAUNCH) + r"|(?:开展|启动|实施|发起|开启)了)((?:\d{4}年度?)?“[^“”]{2,20}”)"
)
_SHOW = re.compile(r"《([^《》]{2,30}?(?:直播间|讲堂|课堂|开讲|节目|栏目|大讲堂))》")
#: Words after 健康 + a place that show the phrase names the strategy (推进健康某地建设).
_STRATEGY_AFTER = ("建设", "战略", "行动", "”", "\"", ",", "、", "。")
_MEASURE = "个家项名次余"
_STRATEGY_ACTION = "行动"
_YEAR_OR_ROUND = re.compile(r"\d{4}年|\d+(?:批|届|期|轮)|(?<=第)\d+个")
#: A year or round that opens a program's name, matched where it ends (the name follows).
_ROUND = rf"(?:\d{{4}}年度?|第[{_NUMERALS}]+(?:届|批|期|轮|个|次|季)|首届|新一轮)"
_OPENER = re.compile(_ROUND + "$")
#: Who names national procurement rounds (国家组织第九批…采购): part of the round's name.
_ROUND_OWNER = "国家组织"
_PREFIX = re.compile(f"^(?:{_ROUND_OWNER})?{_ROUND}")
#: Words after a quotation that make it a theme or slogan (以“某某行动”为主题).
_THEME_AFTER = ("为主题", "为口号")
#: Verbs that end a program's name on its left but not a body's (促进 opens 某某促进会).
_PROGRAM_STOPS = ("促进",)
_PROGRAM_STOP_NOUN = "会"
#: A quotation introduced as a theme or slogan is not a program (主题是“某某行动”).
_THEME = ("主题是", "主题为", "口号是", "口号为", "主题:", "主题:")
#: Words before a would-be program that make it each one's own (各市…活动, 各县…行动).
_DISTRIBUTIVE = ("各",)
_MIN_NAME = 4
_MIN_WEAK_NAME = 6
#: Characters that never sit in a program's name outside quotes; 为 ends 作为, 列为, 确定为 ...
_NOT_IN_NAME = "的了在是与及等对向把被将为"
#: A pilot or model zone is named by what it tries or shows (某某大数据应用监管试点, 健康促进示范区);
#: 改革试点, 国家级示范区 name none.
_PILOT = ("试点", "示范区")
_MIN_PILOT_NAME = 4
_LEVEL = re.compile("^(?:国家级|省级|市级|县级|全国|全省|全市)")
_MAX_LEFT = 26
#: A head's blocker that a program's name may still stand before (某某专项整治工作): the work of it.
_WORK = "工作"
#: Verbs of improvement right before a program's head (某某能力提升工程, 某某质量提高行动): what
#: the program does, written as part of its name.
_AIM_VERBS = frozenset(("提升", "提高", "加强", "推进", "推动", "深化", "拓展", "创新"))
#: A count just before the head (某某、某某两大专项行动, 某某五大工程): several programs named at once
#: (the items are named before it, if at all), no one program.
_COUNTED = re.compile(r"[一二三四五六七八九十两几多数]+(?:大|项|个|类|场)$")


def _left_edge(text: str, head_start: int, lists: bool = False, stops: frozenset[int] = frozenset()) -> int:
    """Walk left over name characters; stop at punctuation or before a verb/time word.

    A year or round (``2024年度``, ``第十批``, ``首届``) opens the name: it belongs to
    the mention (ANNOTATION.md) and nothing left of it does (``某省第五批…采购``).
    With ``lists``, an enumeration comma inside the name is allowed
    (``第五批药品、医用耗材集中带量采购``: a procurement names what it buys).
    ``stops`` are ends of person names: a program's name never holds a person
    (``某局主任某某出席活动``).
    """
    i = head_start
    in_quote = False
    while i > 0 and head_start - i < _MAX_LEFT and (in_quote or i not in stops):
        ch = text[i - 1]
        if ch == "”":
            in_quote = True
        elif ch == "“":
            in_quote = False
        elif lists and ch == "、" and _HAN.match(text[i - 2 : i - 1] or " "):
            pass
        elif not in_quote:
            opener = _opener_ending_at(text, i) if i < head_start else -1
            if opener >= 0:
                return opener
            if not _NAME_CHAR.match(ch) or (ch in _NOT_IN_NAME and not pn.stop_inside_noun(text, i)):
                break
            if ch.isdigit() and not (text[i : i + 1].isascii() and text[i : i + 1].isalpha()):  # 5G, 3D: a token
                first = _digits_start(text, i - 1)
                if not _YEAR_OR_ROUND.match(text, first):
                    break  # 6200余项次项目: a count, not part of the name
            if ch in _MEASURE and text[i - 2 : i - 1].isdigit() and not _YEAR_OR_ROUND.match(
                text, _digits_start(text, i - 1)
            ):
                break  # 121个省级…项目 (but 第36个…月 is a round)
            if pk.count_ends_at(text, i):
                break  # 一个|某某项目, 上万个|某某项目: a count, as in digits
            stop = lx.boundary_ending_at(text, i)
            if (whole := pk.whole_after_round(text, i, _opener_ending_at)) >= 0:
                return whole  # 第三届全省某某竞赛: the round runs into the deictic whole
            # “某某杯”全省某某竞赛: the deictic whole inside a name that a quote opens ends nothing
            ends = not pk.whole_after_quote(text, i)
            if ends and (
                (stop and not _names_aim(text, i, head_start) and not (stop == 1 and pn.stop_inside_noun(text, i)))
                or (_program_stop(text, i, head_start) or pk.left_stop(text, i))
            ):
                break
        i -= 1
    return i


def _names_aim(text: str, i: int, head_start: int) -> bool:
    """``某某能力提升工程``, ``某某质量提高行动``: a verb of improvement right before the head,
    after its object, is part of the name (what the program improves), not a verb that opens it
    (``推进|某某工程``); ``启动工程`` has no object and stays out (the verb is then a boundary)."""
    verb = text[i - 2 : i]
    return (
        i == head_start
        and verb in _AIM_VERBS
        and i >= 4
        and _HAN.match(text[i - 3])
        and text[i - 3] not in _NOT_IN_NAME
        and not lx.boundary_ending_at(text, i - 2)
    )


def _opener_ending_at(text: str, i: int) -> int:
    """Start of a year or round written just before ``i`` (``2024年度``, ``第36个``, ``首届``), else -1.

    A national procurement round keeps the words that name it so (``国家组织第九批``)."""
    m = _OPENER.search(text, max(0, i - 12), i)
    if m is None:
        return -1
    start = m.start()
    if text.endswith(_ROUND_OWNER, 0, start):
        start -= len(_ROUND_OWNER)
    return start


def _program_stop(text: str, i: int, head_start: int) -> bool:
    """A program-only stop ends at ``i``: 促进|某模式 (but 素养促进行动 and 某促进会 keep
    theirs), 打好|某攻坚战, 列入|某计划; 组织 only where it is no national round's name."""
    if i < head_start and text.endswith(_PROGRAM_STOPS, 0, i) and text[i] not in _PROGRAM_STOP_NOUN:
        return True
    word = next((w for w in _left_stops_by_last().get(text[i - 1 : i], ()) if text.endswith(w, 0, i)), "")
    return (bool(word) or verb_opens(text, i, head_start)) and not text.endswith(_ROUND_OWNER, 0, i)


def _digits_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    return i


def _headed(text: str, people: frozenset[int] = frozenset()) -> list[Candidate]:
    out = []
    for m in _HEAD_RE.finditer(text):
        blocked = next((b for b in lx.PROG_HEAD_BLOCKERS if text.startswith(b, m.end())), "")
        if blocked and blocked != _WORK:
            continue
        end = m.end()
        if text.startswith("活动", end) and m.group() != "活动":
            end += 2
        elif pk.is_campaign_year(m.group()) and text.startswith(_STRATEGY_ACTION, end):
            end += len(_STRATEGY_ACTION)  # 某某服务年行动: the campaign year's action
        # 系列 before a head belongs to it (某某宣传周系列活动, “某某”系列专项行动), though alone it opens
        # a phrase (一系列): the name is read leftwards from before it.
        series = _SERIES if text.endswith(_SERIES, 0, m.start()) else ""
        start = _left_edge(text, m.start() - len(series), lists=m.group().endswith("采购"), stops=people)
        if start < m.start() and text[start] == "“" and "”" not in text[start : m.start()]:
            start += 1  # an opening quote whose name closes after the head: 围绕“X行动”
        # 国家“某某工程”, 推进“某某在身边工程”: the quotes hold the whole name; what is before is no part
        whole = quoted_whole(text, m.start(), end)
        start = whole if whole >= 0 else start
        start = verb_before_quote(text, start, m.start())  # 某市妇联组织|“某某”主题实践活动
        # The name proper, without its year or round (2024年工作计划 names no program); a round or
        # year says the program comes back, so a weak head then needs a shorter name (第一批某某援疆项目).
        written = text[start : m.start()]
        name = _PREFIX.sub("", written).strip("“”‘’\"'")
        weak_min = _MIN_NAME if len(name) < len(written.strip("“”‘’\"'")) else _MIN_WEAK_NAME
        # “千县工程”: the quotes hold the whole name, head and all.
        quoted = "“" in text[start:end] or (text[start - 1 : start] == "“" and text[end : end + 1] == "”")
        if blocked and not (quoted or len(name) >= weak_min):
            continue  # 试点工作, 改革试点工作: the head is generic; 2024年某某专项整治工作 names the campaign
        if m.group() == pn.TOUR and not (pn.touring(text, m.start(), start, quoted) and pk.tour_after(text, m.start())):
            continue  # 举行, 同行, 一行: 行 in a word; 某某某地行: a touring campaign
        if pn.building_works(m.group(), name) or pk.building_phase(m.group(), name) or pk.in_body_name(text, end):
            continue  # 某某住院大楼项目, 某某二期工程: a building works; 某某工程协会: a body
        if pk.research_project(m.group(), name):
            continue  # 某某科学基金项目: a research grant
        if m.group() in pn.PERIODS and not pn.campaign_period(text, m.start(), name):
            continue  # 本月活动, 十月活动: a time; 某某卫生月活动: a campaign's month
        if pk.is_campaign_year(m.group()) and not pk.campaign_year(text, m.start(), name):
            continue  # 今年活动, 老年活动: a time or an age; 某某建设年活动: a campaign's year
        if not quoted and not (pk.kind_of_event(m.group(), name) and pk.named_model(m.group(), name)):
            continue  # 某某业务活动, 某某管理模式: no initiative, no place's model
        if len(name) < 2 or end - start < _MIN_NAME or text[start] == "”" or _theme(text, start, end):
            continue
        if text[start - 1 : start] in _DISTRIBUTIVE:  # 各市某某活动: each city's own, no one program
            continue
        if m.group() == "活动":
            campaign = campaign_before_event(text, start, m.start())
            if campaign == 0:
                continue
            if campaign > 0:  # 某某运动宣传活动: the movement is the program, the event is not
                out.append(Candidate(start, campaign, "PROG", "campaign-of-event", priority=0))
                continue
            if (period := pk.period_before_event(text, start, m.start())) is not None:
                out.append(Candidate(*period, "PROG", "period-of-event"))  # “某某周”宣传活动: the week
                continue
        if _COUNTED.search(text, start, m.start()):
            continue
        if not quoted and (m.group() in lx.PROG_QUOTED_ONLY_HEADS or (
            m.group() in lx.PROG_WEAK_HEADS and len(name) < weak_min and not pn.aimed(m.group(), name)
            and not pk.place_model(m.group(), name)
        ) or (
            m.group() in _PILOT and len(_LEVEL.sub("", name)) < _MIN_PILOT_NAME
        )):
            continue
        out.append(Candidate(start, end, "PROG", "quoted-head" if quoted else "head", priority=0))
    return out


def _theme(text: str, start: int, end: int | None = None) -> bool:
    """The name is a theme or slogan (``主题是“某某早早行动”``, ``以“某某行动”为主题``): no program."""
    before = text[max(0, start - 4) : start].rstrip("“\"")
    after = end is not None and text.startswith(_THEME_AFTER, end + (text[end : end + 1] in "”\"'"))
    return before.endswith(_THEME) or after


def _aid(text: str) -> list[Candidate]:
    """``“组团式”医疗援疆``: a quoted aid scheme to a region is the national program of that name."""
    return [Candidate(m.start(), m.end(), "PROG", "aid") for m in _AID.finditer(text) if not _theme(text, m.start())]


def _anaphors(text: str, named: list[Candidate]) -> list[Candidate]:
    """``本届宣传周``, ``今年集中宣传月``: a campaign period's head, alone or with the last words of
    a program named in the same text, is that program again (ANNOTATION.md lists such short forms)."""
    full = {text[c.start : c.end] for c in named}
    taken = {i for c in named for i in range(c.start, c.end)}
    out = []
    for m in _PERIOD_HEAD_RE.finditer(text):
        if m.start() in taken:
            continue
        start = _left_edge(text, m.start())
        short = text[start : m.end()]
        if any(name != short and name.endswith(short) for name in full):
            out.append(Candidate(start, m.end(), "PROG", "anaphor"))
    return out


def _observances(text: str) -> list[Candidate]:
    """``第36个某某卫生月``, ``第28届某某宣传周``: a numbered edition of a yearly campaign; a
    ``活动`` written right after it is part of the name, as after a head (某某宣传月活动)."""
    return [
        Candidate(m.start(), m.end() + 2 * text.startswith("活动", m.end()), "PROG", "observance")
        for m in _OBSERVANCE.finditer(text)
    ]


def _launched(text: str) -> list[Candidate]:
    """A quoted name right after a launching verb, when the quote ends the phrase."""
    return [
        Candidate(m.start(1), m.end(1), "PROG", "launched-quote")
        for m in _QUOTED_AFTER_VERB.finditer(text)
        if m.end() == len(text) or not _HAN.match(text[m.end()])
    ]


def _shows(text: str) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "PROG", "show", priority=1) for m in _SHOW.finditer(text)]


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
        if text.startswith("中国", m.end()):
            ends.add(m.end() + 2)
        # 健康长寿: a word of the dictionary (health and long life), whatever place 长寿 also names
        ends = {e for e in ends if text[m.start() : e] not in lx.dictionary_words()}
        # 健康某地行动 (健康某省行动): the action named after the strategy is the longer name as written.
        ends |= {e + len(_STRATEGY_ACTION) for e in ends if text.startswith(_STRATEGY_ACTION, e)}
        out.extend(Candidate(m.start(), e, "PROG", "strategy") for e in ends)
    return out


@registry.misc("kg.program_rules.v1")
def make_program_rules() -> Rule:
    def program_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        people = frozenset(c.end for c in found if c.label == "PER")
        named = _headed(text, people) + pf.formulas(text) + _launched(text) + _shows(text)
        named += _observances(text) + _aid(text) + pn.launched_subjects(text) + pk.crowds(text)
        named += pk.quoted_periods(text)
        named += _anaphors(text, named)
        return pf.without_organizer(text, named, found) + _strategies(text, found)

    return program_rules


_LEFT_STOPS_BY_LAST: dict[str, tuple[str, ...]] = {}


def _left_stops_by_last() -> dict[str, tuple[str, ...]]:
    """lx.PROG_LEFT_STOPS by their last character, each group in the list's order (the first match wins)."""
    if not _LEFT_STOPS_BY_LAST:
        groups: dict[str, list[str]] = {}
        for w in lx.PROG_LEFT_STOPS:
            groups.setdefault(w[-1], []).append(w)
        _LEFT_STOPS_BY_LAST.update((k, tuple(v)) for k, v in groups.items())
    return _LEFT_STOPS_BY_LAST
