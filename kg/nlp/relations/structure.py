"""Structure: bodies under other bodies, and where bodies are, as the text states it.

``suborg`` (head the child, tail the parent) from ``由…主管``, ``隶属``, ``挂靠``, ``A是B直属/主管的…``,
``B是A的主管部门``,
``A作为B的附属医院``, ``B(及其)所属A``, ``A下设B、C``; ``located`` from ``位于``. Parents implied by the structure of
names alone (``X大学附属Y``, ``X党委``) are the graph model's business (``kg.graph``),
since the parent is often written nowhere as a mention of its own.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kg.sentences import sentence_start

Rel = tuple[str, int, int, str]

#: Between a unit and its parent: 由 (before 主管), 隶属(于), 归属(于), 挂靠(在/于) (a society attached to a body).
_GOVERNED = re.compile(r"^(?:由|归|隶属于?|归属于?|挂靠(?:在|于)?)$")
#: Words that, like 由, make the body after them a parent only with a verb of governing after it (A归B管理).
_AGENTS = ("由", "归")
_GOVERNS = re.compile(r"^(?:主管|主办|管理|领导|直属|下属)")


_IS = ("是", "为", "系", "作为")
#: What a body is to the parent after 是 (A是B直属的…, A是B主管的社会团体, A是B旗下的…, A是B的分院).
#: Not 主管 before the word for a supervisor: A是B的主管部门 says B is under A (``_SUPERVISOR``).
_UNDER = re.compile(r"^的?(?:直属|下属|所属|直管|附属|主管(?!部门|单位|机关)|旗下|内设|分院|院区|分会|分中心|分支机构)")
_SUPERVISOR = re.compile(r"^的?(?:业务)?主管(?:部门|单位|机关)")
_UNDER_BETWEEN = re.compile(r"^(?:及其|及|其)?的?(?:直属|下属|所属|属下|旗下|主管)的?(?:事业)?(?:单位|机构)?$")
_CLOSING = ")）”’\"'"
_OPENING = ("(", "（")
#: A note on the body before the bracket: what it is to the body in the bracket (A（B直属事业单位）).
_UNDER_IN_BRACKET = re.compile(r"的?(?:直属|下属|所属|属下|主管)的?(?:事业|公益[一二]类事业)?(?:单位|机构|企业)?[)）]")


def governed(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A由B主管``, ``A隶属于B``, ``A挂靠B``, ``A是B直属的…``: A is a body under B (``suborg``, head A,
    tail B); ``B所属(的)A``, ``B直属A``: the same, the parent first, for each body of a list
    (``B所属A、C和D``)."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for k, ((i, a), (j, b)) in enumerate(pairwise(orgs)):
        between = text[a.end_char : b.start_char]
        after_b = text[b.end_char :]
        if _GOVERNED.match(between) and (between not in _AGENTS or _GOVERNS.match(after_b)):
            out.append(("suborg", i, j, ""))
        elif between.lstrip(_CLOSING) in _IS and _UNDER.match(after_b):
            # 江苏省疾病预防控制中心是江苏省卫生健康委员会直属的…单位, 某医院作为某大学的附属医院
            out.append(("suborg", i, j, ""))
        elif between.lstrip(_CLOSING) in _IS and _SUPERVISOR.match(after_b):
            out.append(("suborg", j, i, ""))  # 某卫生健康委员会是某医院的主管部门
        elif between in _OPENING and _UNDER_IN_BRACKET.match(after_b):
            out.append(("suborg", i, j, ""))  # 某所（某委下属单位）: a note in brackets after the unit
        elif _UNDER_BETWEEN.match(between):
            out.append(("suborg", j, i, ""))  # 长航集团所属长江轮船海外旅游总公司
            out.extend(("suborg", n, i, "") for n in _listed_after(text, orgs, k + 1))  # 所属A、B
    out.extend(_referred_governed(text, orgs))
    return out


#: Words joining the bodies of a list under one parent (B所属A、C和D); not 与, which may join the
#: sides of what the bodies do next (B所属A与C签约).
_UNDER_LIST_JOINS = ("、", "和", "及", "以及")


def _listed_after(text: str, orgs: list, first: int) -> list[int]:
    """The bodies listed after ``orgs[first]`` (``B所属A、C和D``: C and D), as far as the list goes."""
    out = []
    for (_, a), (j, b) in pairwise(orgs[first:]):
        if text[a.end_char : b.start_char] not in _UNDER_LIST_JOINS:
            break
        out.append(j)
    return out


#: A clause about the body just named, by a word for it: ``（该）医院由B主管``, ``该中心隶属于B``.
_REFERRED = re.compile(r"(?:^|[，,；;。])(该院|该中心|该所|该校|医院|中心)(?:由|隶属于?|归属于?)$")
_REFERRED_ENDS = {"该院": "院", "医院": "医院", "该中心": "中心", "中心": "中心", "该所": "所", "该校": ("学", "校")}


def _referred_governed(text: str, orgs: list) -> list[tuple[str, int, int, str]]:
    """``某医院党委书记甲介绍，医院由B主管``: the word stands for the last body named before it
    that ends like it (a 医院 for 医院/该院, a 中心 for 中心/该中心), within two sentences."""
    out = []
    for k, (j, b) in enumerate(orgs):
        m = _REFERRED.search(text, max(0, b.start_char - 8), b.start_char)
        if not m or (m.group().endswith("由") and not _GOVERNS.match(text[b.end_char : b.end_char + 4])):
            continue
        here = sentence_start(text, m.start() + 1)
        window = sentence_start(text, here - 1) if here > 0 else 0
        named = [i for i, a in orgs[:k] if a.start_char >= window and a.text.endswith(_REFERRED_ENDS[m.group(1)])]
        if named:
            out.append(("suborg", named[-1], j, ""))
    return out


_OWNS = re.compile(r"(?:的)?(?:旗下(?:拥有|有|设有|包括|管理)?|下设(?!立)|下辖|内设(?!立))")
_LIST_JOINS = ("及", "和", "与", "、", "以及", "")
#: Words before a body that make it no subject: the agent of a passive (由X主管), a complement
#: (A作为X的附属医院，下设B: A owns B).
_NOT_OWNER = ("由", "作为", "是")


def owned(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A下设B、C``, ``A由X主管，旗下拥有B及C``: B and C are bodies under A (``suborg``).

    A is the nearest organization before the verb in its sentence that is not the
    agent of a passive (``由X``), so the subject of ``A由X主管，旗下…`` owns the list."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for m in _OWNS.finditer(text):
        start = sentence_start(text, m.start())
        before = [
            i
            for i, s in orgs
            if start <= s.start_char and s.end_char <= m.start() and not text.endswith(_NOT_OWNER, 0, s.start_char)
        ]
        if not before:
            continue
        owner, pos = before[-1], m.end()
        for i, span in orgs:
            if span.start_char < pos or i == owner:
                continue
            if text[pos : span.start_char] not in _LIST_JOINS:
                break  # the list ended
            out.append(("suborg", i, owner, ""))
            pos = span.end_char
    return out


_SITED = ("位于", "坐落于", "坐落在", "地处")
_AREA = re.compile(r"^(?:地区|一带|境内|市区|城区)?的$")


def located(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A位于P``, ``位于P地区的A``: the text says where body A is (``located``, head A, tail P)."""
    out = []
    for (i, a), (j, b) in pairwise(enumerate(spans)):
        if a.label_ == "ORG" and b.label_ == "LOC" and text[a.end_char : b.start_char] in _SITED:
            out.append(("located", i, j, ""))
        if (
            a.label_ == "LOC"
            and b.label_ == "ORG"
            and text.endswith(_SITED, 0, a.start_char)
            and _AREA.match(text[a.end_char : b.start_char])
        ):
            out.append(("located", j, i, ""))
    return out
