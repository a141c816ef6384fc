"""Which spans of the statistical tagger the mention ruler may use.

The tagger was trained on general news; in the health press it also tags
fragments of policy phrases. A span is offered only if it is plausible by the
same general knowledge the rules use: a person name starts with a surname
(or is a transliterated name) and is no everyday word; a place is a known
division, a dictionary place word, or ends in a place suffix; an organization
ends in a body's suffix; a program ends in a program's head word (``行动``,
``工程``) or is quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.util import registry

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon as lx
from kg.nlp.rules.program_edges import in_theme, unnamed_strategy
from kg.nlp.rules.regions import PROVINCE_FORMS

_PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|州|镇|乡|村|街道|路|街|岛|山|河|湖|江|港|湾|国|洲)$")
_ORG_SUFFIXES = tuple(
    sorted({*lx.ORG_SUFFIX_STRONG, *lx.ORG_SUFFIX_WEAK, "党", "军", "队", "会", "团", "组"}, key=len, reverse=True)
)
_HONORIFIC = re.compile("先生|女士|老师|同志|师傅")
_PUNCT = re.compile(r"[^\w·]")
_QUOTE_MARKS = re.compile(r"[“”‘’\"'《》]")
_DEPARTMENT_ENDS = "科室院局处部"

Filter = Callable[[str, int, int, str, float], bool]
#: How sure the tagger must be of a place that jieba lists as a common noun (measured: People's Daily
#: and MSRA test LOC up, the domain check split unchanged).
_SURE_FOREIGN_PLACE = 0.9



#: Verbs that open a program (宣布启动某某行动, 实行某某工程): the tagger sometimes runs a program's
#: name over them; the name starts after them (ANNOTATION.md: "no verbs swallowed on the left").
_PROGRAM_VERBS = (
    "宣布", "实行", "推行", "开展", "启动", "实施", "推进", "举办", "举行", "组织", "参加", "参与", "推出",
    "发起", "开启", "深入", "全面", "积极", "持续", "扎实", "大力", "正式", "落实", "部署",
)  # fmt: skip


def program_start(text: str, start: int, end: int) -> int:
    """Where a tagger's program span starts once the verbs it swallowed on its left are cut off
    (``宣布启动|某某行动`` -> ``某某行动``); ``start`` if it opens with none."""
    while end - start > 2:
        verb = next((v for v in _PROGRAM_VERBS if text.startswith(v, start)), "")
        if not verb:
            break
        start += len(verb)
    return start


def _split_by_punctuation(surface: str, label: str) -> bool:
    """A span across punctuation is two things (``串联▲心血管病医学中心``); a program's
    name may hold the quotes of its core (``“青苗护航”关爱行动``)."""
    return bool(_PUNCT.search(_QUOTE_MARKS.sub("", surface) if label == "PROG" else surface))


def _program(text: str, start: int, end: int) -> bool:
    """Ends in a program's head word, or is the whole of a quotation."""
    surface = text[start:end]
    if text.startswith(lx.PROG_HEAD_BLOCKERS, end):
        return False  # 试点城市, 项目建设: the head is generic here
    quoted = text[start - 1 : start] == "“" and text[end : end + 1] == "”"
    return quoted or surface.endswith(lx.PROG_HEADS)


def _department(text: str, start: int, end: int) -> bool:
    """``麻醉科`` (a department, though jieba tags some nr), or an item of a 、-list of departments
    (``麻醉科、普外等``): items of one list are things of one kind."""
    return (text[end - 1] in _DEPARTMENT_ENDS and _named_by_words(text[start:end])) or (
        text[start - 1 : start] == "、" and text[start - 2 : start - 1] in tuple(_DEPARTMENT_ENDS)
    )


def _named_by_words(surface: str) -> bool:
    """A department is named by words (``麻醉``+科, ``内科``, ``办公``+室); a transliterated name that
    ends in the same character (基里延科, 赫里斯坚科) is made of syllables no dictionary holds."""
    words = lx.dictionary_words()
    head = surface[:-1]
    return surface[-2:] in words or any(head[i:] in words for i in range(len(head) - 1))


def _division(surface: str, label: str) -> bool:
    """``合肥``, ``孝感``, ``大连``: a division's name that jieba's dictionary also lists as a common
    word is a place when the tagger is sure of it (the gazetteer is general knowledge)."""
    return label == "LOC" and len(surface) >= 2 and bool(load_gazetteer().lookup(surface))


def _full_name(surface: str, label: str) -> bool:
    """``周恩来``: a surname and two given-name characters that jieba's dictionary happens to list
    (with a tag other than a name's) are a person when the tagger is sure of it."""
    return label == "PER" and len(surface) == 3 and surface[0] in lx.SURNAMES_1


def _place_team(surface: str) -> bool:
    """``古巴队``, ``智利队``: a team named after its country or city is a body, though the
    dictionary lists some such words as common nouns (its ``医疗队`` is no one team)."""
    return surface.endswith("队") and lx.word_tags().get(surface[:-1], "").startswith("ns")


def _named_body(surface: str, label: str) -> bool:
    """``保守党``, ``路透社``, ``五牛队``: a party, agency or team that jieba lists as a common noun is a
    body when the tagger is sure of it, unless the word is a kind (执政党) or the part before the
    suffix is an everyday word (合作社, 出版社, 代表队); a ministry (人事部) always is."""
    if label == "ORG" and surface in lx.STATE_BODIES:
        return True  # 国会, 内阁, 海军: a state's body
    if label != "ORG" or len(surface) < 3:
        return False
    if surface.endswith("党"):
        return surface not in lx.GENERIC_PARTIES
    if surface.endswith(("社", "队")):
        return surface[:-1] not in lx.everyday_words()
    return surface in lx.MINISTRIES


def _foreign_place(surface: str, label: str, confidence: float) -> bool:
    """``平壤``, ``基辅``, ``刚果``: foreign places that jieba lists as common nouns pass when the tagger
    is very sure (the gazetteer knows only China's divisions); not the nouns frequent enough to
    clash with place names (中心, 广场, 社区)."""
    return (
        label == "LOC"
        and confidence >= _SURE_FOREIGN_PLACE
        and lx.word_tags().get(surface) == "n"
        and surface not in lx.place_clashes()
    )


def _joined_bodies(text: str, start: int, end: int) -> bool:
    """A verb of acting together (联合, 会同) inside the span, followed by a jurisdiction."""
    return any(
        text.startswith(lx.JURISDICTION, i + len(w))
        for w in lx.JOINTLY
        for i in range(start + 1, end - len(w))
        if text.startswith(w, i)
    )


def plausible(text: str, start: int, end: int, label: str) -> bool:
    surface = text[start:end]
    if len(surface) < 2 or surface in lx.everyday_words() or text.startswith(lx.RANKING_WORDS, end):
        return False
    if _split_by_punctuation(surface, label):
        return False
    tag = lx.word_tags().get(surface, "")
    if label == "PER":
        if _department(text, start, end) or _HONORIFIC.search(surface):
            return False  # 麻醉科、普外: departments; 张女士 (jieba tags it nr): no full name
        if tag:
            return tag.startswith("nr")  # 蒲公英 is a dictionary word, and not a name
        chinese = surface[0] in lx.SURNAMES_1 or surface[:2] in lx.SURNAMES_2
        return chinese and len(surface) <= 4 and not _HONORIFIC.search(surface)
    if surface.startswith(lx.GENERIC_PREFIX):
        return False  # 公立医院, 乡镇卫生院: generic references
    if label == "LOC":
        return tag.startswith("ns") or bool(_PLACE_SUFFIX.search(surface))
    if label == "PROG":
        return _program(text, start, end)
    if label == "ORG":
        if tag.startswith("nt"):
            return True
        suffix = next((s for s in _ORG_SUFFIXES if surface.endswith(s)), "")
        # 格局, 布局: a one-character suffix that ends an everyday word is no body's name.
        return bool(suffix) and (len(suffix) > 1 or surface[-2:] not in lx.everyday_words())
    return False


@registry.misc("kg.statistical_filter.v1")
def make_statistical_filter(labels: list[str], sure: float = 0.8, sure_org: float = 0.98) -> Filter:
    """Keep the tagger's spans of ``labels`` that pass ``plausible``; with
    confidence ``sure`` or more, only the checks that no context can overturn
    (everyday words, rankings) apply."""
    keep = frozenset(labels)

    def statistical_filter(text: str, start: int, end: int, label: str, confidence: float = 1.0) -> bool:
        if label not in keep:
            return False
        # A body's name without its suffix (民建, 十五大) needs more certainty: the health
        # press is full of policy phrases that look like one (医保基金监管).
        # 各设区市卫健委: each city's commission, no one body (as the rules judge it). A place's name
        # after 有关, 其他 is still the place (有关中国宗教问题): those words make bodies generic, not places.
        if (label == "ORG" or (label == "LOC" and end - start < 2)) and lx.generic_before(text, start):
            return False
        if text[start - 1 : start] == lx.AID and text[start : start + 1] in PROVINCE_FORMS:
            return False  # 援|疆医疗队, 援|疆指挥部: a name cut out of the aid word (援疆), however sure
        if label == "ORG" and _joined_bodies(text, start, end):
            return False  # 某县妇联联合县卫健局: two bodies acting together, not one name
        if label == "ORG" and text.endswith(lx.GENERIC_GROUPS, start, end):
            return False  # 某某医学专家团队: a team described by its work, however sure
        if label == "PROG" and (in_theme(text, start, end) or unnamed_strategy(text[start:end])):
            return False  # 以“某某某某”为主题, 推进健康校园建设: themes and goals, however sure
        if confidence >= (sure_org if label == "ORG" else sure):
            surface = text[start:end]
            # A sure one-character place is a country or province abbreviation (中美, 京津).
            long_enough = len(surface) >= 2 or label == "LOC"
            # jieba tags abbreviations of names j (北大, 欧盟, 人大): everyday words, yet names when
            # the tagger is sure they are a body, except a committee's (党委, 纪委, 省委), which is named
            # relative to its context (the rules resolve 省委 by jurisdiction).
            abbreviation = label == "ORG" and lx.word_tags().get(surface) == "j" and not surface.endswith("委")
            return (
                long_enough
                and (
                    surface not in lx.everyday_words() or abbreviation or _division(surface, label)
                    or _full_name(surface, label) or _named_body(surface, label)
                    or _foreign_place(surface, label, confidence)
                )
                and not _split_by_punctuation(surface, label)
                and not text.startswith(lx.RANKING_WORDS, end)
                and not surface.startswith(lx.GENERIC_PREFIX)
                and not (label == "PER" and (_HONORIFIC.search(surface) or _department(text, start, end)))
                # 医学部, 检验科: a unit's common noun, named without its parent, is no body's name
                # (ANNOTATION.md: units count given with their parent); measured on the check split.
                and not (label == "ORG" and lx.word_tags().get(surface) == "n" and not _place_team(surface)
                         and not _named_body(surface, label))
            )
        return plausible(text, start, end, label)

    return statistical_filter
