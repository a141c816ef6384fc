"""People: full names found by their context, not from a list of people.

A name is a known surname plus one or two given-name characters, accepted
only where the context says it is a person: right after a title
(``副局长张明``), right before one (``赵强院长``), after a byline word
(``本报记者 孙丽``), or as a piece of a bracketed credit line
(``（王明 李华 陈刚）``) whose pieces OCR separated by spaces.
Surname + honorific (``许先生``) is not a name.
"""

from __future__ import annotations

import itertools
import re

from spacy.util import registry

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate, Rule
from kg.nlp.rules import minority_names

_TITLE_RE = re.compile("|".join(map(re.escape, lx.TITLES)))
_BYLINE_RE = re.compile("|".join(map(re.escape, sorted(lx.BYLINE, key=lambda w: (-len(w), w)))))
_CREDIT_RE = re.compile(r"[(]([\u4e00-\u9fff]{4,40})[)]")
_HAN = lx.HAN
# Words that commonly follow a name: when the third character starts one, the name has two.
_AFTER_NAME = (
    "表示", "出席", "主持", "发现", "介绍", "指出", "强调", "认为", "讲话", "致辞", "带领", "一行", "同志", "参加",
    "参观", "调研", "看望", "慰问", "签署", "宣布", "提出", "回答", "告诉", "坦言", "透露", "说", "等", "和", "与",
    "在", "的", "是", "为", "作", "也", "就", "对", "向", "从", "率", "到", "来", "去", "及", "同", "所", "还", "则",
    "指", "称", "讲", "受", "获", "被", "将", "已", "曾", "现", "于", "以", "用", "把", "让", "给", "跟", "教授", "都",
)
#: The words of ``_AFTER_NAME`` of two characters or more (表示, 出席): seen right after three
#: characters, they end a name of three even where the third and the next make a word (华|表示).
_AFTER_NAME_WORDS = tuple(w for w in _AFTER_NAME if len(w) > 1)
#: Syllables of transliterated names that end no Chinese given name (贾斯|蒂卡, 尤尔|科夫).
_TRANSLITERATION_ENDS = frozenset("斯尔兹娃耶蒂")
_NOT_GIVEN = set("先生女士老师同志师傅某们各位该这那此其等")
#: Titles too loose to mark the words before them as a name (名医专家, 各位专家).
_WEAK_AFTER = frozenset(("专家", "首席专家", "委员", "编辑", "摄影"))


def _surname_len(text: str, i: int) -> int:
    if text[i : i + 2] in lx.SURNAMES_2:
        return 2
    return 1 if i < len(text) and text[i] in lx.SURNAMES_1 else 0


def _is_given(text: str, i: int, j: int) -> bool:
    if j > len(text) or not all(_HAN.match(c) and c not in lx.NAME_STOP and c not in _NOT_GIVEN for c in text[i:j]):
        return False
    # 关于加: a surname glued to a function word is no name.
    return text[i - 1 : i + 1] not in lx.function_words()


def name_at(text: str, i: int, titles_after: bool = True) -> int:
    """End of a person name starting at ``i``, or 0. Prefers three characters unless context says two."""
    s = _surname_len(text, i)
    if not s or _TITLE_RE.match(text, i + s):
        return 0
    two, three = i + s + 1, i + s + 2
    if not _is_given(text, i + s, two):
        return 0
    if i not in lx.word_starts(text):
        return 0  # 心血管|内科医师: a name starts where a word does
    words = lx.dictionary_words()
    if text[i] in lx.AMBIGUOUS_SURNAMES and {text[i + s : three], text[i:three], text[i:two]} & words:
        return 0  # 和秘书, 向北京, 全科医生: a function character before a word
    if s == 1 and text[i:two] in lx.everyday_words():
        return 0  # 国家主席, 强调, 公司: an everyday word, not surname + given name
    if not _is_given(text, i + s, three) or text.startswith(_AFTER_NAME, two):
        return two
    if titles_after and _TITLE_RE.match(text, two) and not _TITLE_RE.match(text, three):
        return two
    starts = lx.word_starts(text)
    if text.startswith(_AFTER_NAME_WORDS, three):
        return three  # 何晓华|表示: a verb of speech after three characters, though 华表 is a word
    if three not in starts and two in starts and text[two : two + 2] in words:
        return two  # 曾坤|报道: the third character opens a dictionary word
    return three


def _runs_on(text: str, end: int) -> bool:
    """The name runs on past ``end``: into ``·`` (罗朗·雷斯), or into a character that is a word of
    its own and neither a verb, particle nor title that ends names (贾亚拉|莉|达, 尤尔|科|夫). A
    transliterated name only looks like surname + given name; its whole is the tagger's to find."""
    nxt = text[end : end + 1]
    if nxt == "·":
        return True
    if text.startswith(_AFTER_NAME_WORDS, end):
        return False  # 何晓华|表示: a verb of speech follows, though 华表 is a word of the dictionary
    if end not in lx.word_starts(text):
        return True  # 谢列兹|尼奥夫: the name stops inside a dictionary word, which goes on past it
    return (
        bool(nxt)
        and bool(_HAN.match(nxt))
        and nxt not in lx.NAME_STOP
        and not text.startswith(_AFTER_NAME, end)
        and not _TITLE_RE.match(text, end)
        # 贾斯|蒂卡: a syllable of transliteration (斯, 尔) ends no Chinese given name.
        and (end + 1 in lx.word_starts(text) or text[end - 1] in _TRANSLITERATION_ENDS)
    )


def _after_titles(text: str) -> list[Candidate]:
    out = []
    for m in _TITLE_RE.finditer(text):
        end = name_at(text, m.end())
        if end and not _runs_on(text, end):
            out.append(Candidate(m.end(), end, "PER", "title-before"))
    return out


def _opens_with_place(text: str, start: int) -> bool:
    """``伊朗总统``, ``印度前总理``: a title after a country's or region's name is that place's
    officer; the dictionary's place word is no surname and given name."""
    return lx.word_tags().get(text[start : start + 2], "").startswith("ns")


def _before_titles(text: str) -> list[Candidate]:
    out = []
    for m in _TITLE_RE.finditer(text):
        if m.group() in _WEAK_AFTER:
            continue
        for length in (3, 2, 4):
            start = m.start() - length
            if start >= 0 and _opens_with_place(text, start):
                continue
            if text.endswith(lx.GENERAL_DETERMINERS, 0, max(start, 0)):
                continue  # 有关|司局负责人: a kind of unit after 有关, 相关, 各; no person
            if (start >= 0 and name_at(text, start, titles_after=False) == m.start()) or (
                start >= 0 and length == 2 and name_at(text, start) == m.start()
            ):
                out.append(Candidate(start, m.start(), "PER", "title-after"))
                break
    return out


def _piece_names(text: str, start: int, end: int, breaks: frozenset[int]) -> list[Candidate]:
    """Names in ``text[start:end]`` split at OCR breaks; each piece must be a whole name."""
    cuts = [start, *sorted(b for b in breaks if start < b < end), end]
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    out = []
    for a, b in pieces:
        if 2 <= b - a <= 3 and _surname_len(text, a) and _is_given(text, a + _surname_len(text, a), b):
            out.append(Candidate(a, b, "PER", "credit", priority=1))
        else:
            return []
    return out


#: Words that close a byline right after its name (记者某某报道, 某某摄).
_BYLINE_ENDS = ("报道", "摄影", "摄")


def _bylines(text: str, breaks: frozenset[int]) -> list[Candidate]:
    out = []
    for m in _BYLINE_RE.finditer(text):
        i = m.end()
        nxt = min((b for b in breaks if i + 2 <= b <= i + 3), default=None)
        end = nxt if nxt is not None and _surname_len(text, i) and _is_given(text, i + 1, nxt) else name_at(text, i)
        if end == i + 2 and text.startswith(_BYLINE_ENDS, i + 3) and _is_given(text, i + 1, i + 3):
            end = i + 3  # 记者张玉来报道: a byline's name runs to its 报道, though 来 may end a name elsewhere
        if end:
            out.append(Candidate(i, end, "PER", "byline", priority=1))
    return out


#: A credit that names writers and photographers by their work (（甲 乙/文 丙/摄）): each run of names
#: before a ``/文``, ``/摄`` … is read as a bracketed credit's names are.
_WORK_CREDIT = re.compile(r"[(]((?:[\u4e00-\u9fff]{2,16}/(?:文|摄影|摄|图|供图|视频|编辑))+)[)]")
_WORK = re.compile(r"([\u4e00-\u9fff]{2,16})/(?:文|摄影|摄|图|供图|视频|编辑)")


def _work_credits(text: str, breaks: frozenset[int]) -> list[Candidate]:
    out = []
    for m in _WORK_CREDIT.finditer(text):
        for w in _WORK.finditer(text, m.start(1), m.end(1)):
            out.extend(_piece_names(text, w.start(1), w.end(1), breaks))
    return out


def _credits(text: str, breaks: frozenset[int]) -> list[Candidate]:
    out = []
    for m in _CREDIT_RE.finditer(text):
        start = m.start(1)
        # (记者 甲 乙): the credit's role word, cut off by a break, is not one of its names
        role = _BYLINE_RE.match(text, start)
        if role and role.end() in breaks:
            start = role.end()
        out.extend(_piece_names(text, start, m.end(1), breaks))
    return out


#: Words that introduce a list of officials' names (市领导甲、乙、丙分别…), like a title does for one.
_LIST_OPENERS = ("领导",)
#: What may close an item of a list of names: the next item, punctuation, or a word after names.
_ITEM_ENDS = "、，,。；;"
_AFTER_LIST = ("分别", "共同", "一同", "先后")


def _item_end(text: str, i: int) -> int:
    """End of a whole name listed at ``i`` (the item ends where the name does), or 0."""
    end = name_at(text, i)
    nxt = text[end : end + 1]
    if end and (nxt in _ITEM_ENDS or not nxt or text.startswith(_AFTER_NAME, end) or text.startswith(_AFTER_LIST, end)):
        return end
    return 0


def _items(text: str, at: int, first: bool) -> list[Candidate]:
    """The names of a list from ``at`` (its first item there if ``first``, else after a 、), each a
    whole item, up to the first item that is no name."""
    items = []
    while first or text[at : at + 1] == "、":
        at += 0 if first else 1
        first = False
        end = _item_end(text, at)
        if not end:
            break
        items.append(Candidate(at, end, "PER", "listed"))
        at = end
    return items


def _listed(text: str, named: list[Candidate]) -> list[Candidate]:
    """``副院长甲、乙、丙出席``, ``市领导甲、乙、丙分别参加``: names listed with 、 after a title's name (or
    after 领导, when two names or more follow) are people too, each a whole item of the list."""
    out = [item for c in named for item in _items(text, c.end, first=False)]
    for m in re.finditer("|".join(_LIST_OPENERS), text):
        items = _items(text, m.end(), first=True)
        if len(items) >= 2:
            out += items
    return out


#: jieba's tags of words a subject's verb opens with (肯定, 强调; 充分, 明确 before a verb).
_VERB_TAGS = ("v", "d", "ad")
#: What stands before a clause's subject: the start of a sentence or clause.
_CLAUSE_OPENS = frozenset("。，,；;！!？?：:、“”\n ")


def _named_again(text: str, named: list[Candidate]) -> list[Candidate]:
    """``副主任甲乙……。甲乙肯定了……``: a name of two characters that a title made sure of, written
    again at a clause's start before a verb whose first character could pass for a third one of
    the name (甲乙|肯定, 丙丁|强调), is that person again; the rule's span keeps the tagger from
    reading 甲乙肯. Only before an everyday verb or adverb, so a longer name that starts alike
    (甲乙丙 of another person) is left as it is."""
    everyday, tags = lx.everyday_words(), lx.word_tags()
    out = []
    for name in sorted({text[c.start : c.end] for c in named if c.end - c.start == 2}):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            word = text[end : end + 2]
            if (
                (at == 0 or text[at - 1] in _CLAUSE_OPENS)
                and word in everyday
                and tags.get(word, "").startswith(_VERB_TAGS)
                and not any(c.start == at for c in named)
            ):
                out.append(Candidate(at, end, "PER", "named-again"))
            at = text.find(name, end)
    return out


@registry.misc("kg.person_rules.v1")
def make_person_rules() -> Rule:
    def person_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        found = _after_titles(text) + _before_titles(text) + _bylines(text, breaks) + _credits(text, breaks)
        found += _listed(text, [c for c in found if c.rule == "title-before"])
        found += _named_again(text, [c for c in found if c.rule in ("title-before", "title-after")])
        titles = [m.end() for m in _TITLE_RE.finditer(text)]
        return found + _work_credits(text, breaks) + minority_names.after_titles(text, titles, _AFTER_NAME)

    return person_rules
