"""Short names a body goes by, generated from the structure of its full name.

A university's short forms (厦门大学 -> 厦大, its numbered hospitals as people write them) and a
body's proper name alone (…附属协和医院 -> 协和, 湘雅二院, a city's 二院). Both the article's
step of linking (``kg.link.article_names``: a short form of one longer name in the same
article) and the corpus-wide one (``kg.link.corpus``: the one body of the corpus it can
stand for) ask for them; ``kg.link.names`` makes each mention's canonical name and this
module reads its place names only. The patterns hold for every university and every city,
so no body is listed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.link.names import leading_place

__all__ = ["CONTRACTION_HEADS", "contractions", "university_abbreviations"]


#: A university's own name: two characters of place, then a kind of two characters (医科, 师范,
#: 交通) or 中医药, or none (北京大学); a longer place (内蒙古) or kind gives no short forms.
_UNIVERSITY = re.compile(r"^([\u4e00-\u9fff]{2})(中医药|[\u4e00-\u9fff]{2})?大学(.*)$")
_N = "一二三四五六七八九"
#: A university's numbered hospital, through its medical school or not, in its three usual orders.
_NUMBERED_HOSPITAL = re.compile(
    rf"^(?:医学院)?(?:附属第([{_N}])医院|第([{_N}])附属医院|第([{_N}])医院)$"
)


@lru_cache(maxsize=65536)
def university_abbreviations(name: str) -> tuple[str, ...]:
    """The usual short forms of a university's name (or of a body under it):
    厦门大学附属第一医院 -> 厦大附属第一医院, 福建医科大学 -> 福建医大 / 福医大, 西安交通大学 ->
    西安交大 / 西交大; its numbered hospital as people write it, the short university name then
    the number (浙江大学医学院附属第二医院 -> 浙大二院, 浙大附属第二医院; 西安交通大学第一附属医院
    -> 西安交大一附院; 北京大学第三医院 -> 北大三院). Why generated from the name's structure:
    the same few patterns hold for every university, so no university is listed."""
    m = _UNIVERSITY.match(name)
    if not m:
        return ()
    place, kind, rest = m.group(1), m.group(2) or "", m.group(3)
    kind = kind[:2] if len(kind) == 3 else kind[:1]  # 中医药 -> 中医 (福建中医大), 医科 -> 医 (福建医大)
    shorts = [place + kind + "大", place[0] + kind + "大"] if kind else [place[0] + "大"]
    out = [short + rest for short in shorts]
    numbered = _NUMBERED_HOSPITAL.match(rest)
    if numbered:
        n = next(g for g in numbered.groups() if g)
        for short in shorts:
            out += [short + n + "院", short + n + "附院", short + "附属第" + n + "医院"]
    return tuple(dict.fromkeys(out))


#: Heads of bodies commonly called by their proper name alone (协和 for …附属协和医院, 省立
#: for 福建省立医院, 湘雅二院 for 中南大学湘雅二医院).
CONTRACTION_HEADS: tuple[str, ...] = ("医院", "保健院", "大学")
_NUMBERED = "一二三四五六七八九"
#: Words that belong to a qualifier or a head, never to a proper name.
_NOT_PROPER = ("附属", "大学", "学院", "医院", "集团")


@lru_cache(maxsize=65536)
def contractions(name: str) -> tuple[str, ...]:
    """The short names a body goes by from its proper name: name = qualifier + proper + head,
    the qualifier a place (福建|省立|医院) or a parent ending in 附属 or 大学
    (福建医科大学附属|协和|医院, 中南大学|湘雅二|医院); the short names are the proper name
    (协和, 省立), a numbered hospital's proper name + 院 (湘雅二院) and a university's kind with
    大 (福建|师范|大学: 师大, which ``university_abbreviations`` also shortens so, 福建师大). A proper name of one
    character, or one with 第 (第一医院, 市第二 of 龙岩|市第二|医院), is not one a body goes by."""
    out: list[str] = list(_numbered_short_names(name))
    for head in (h for h in CONTRACTION_HEADS if name.endswith(h)):
        body = name[: -len(head)]
        for cut in range(2, len(body) - 1):
            qualifier, proper = body[:cut], body[cut:]
            if "第" in proper or any(w in proper for w in _NOT_PROPER) or not _is_qualifier(qualifier):
                continue
            out.append(proper)
            if head == "大学" and len(proper) == 2:  # 福建|师范|大学 is also 师大, as in 福建师大
                out.append(proper[0] + "大")
            if head == "医院" and proper[-1] in _NUMBERED:
                out.append(proper + "院")
    return tuple(dict.fromkeys(out))


#: A numbered hospital: what comes before the number, the number, then 医院 or 人民医院.
_NUMBERED_HOSPITAL_OF = re.compile(rf"^(.+?)(第?)([{_N}])(?:人民)?医院$")
#: Endings of a division that people leave out of a short name (龙岩市 -> 龙岩).
_DIVISION_ENDS = ("市", "县", "区")


def _numbered_short_names(name: str) -> tuple[str, ...]:
    """A numbered hospital is written with 院 for 医院 and without 第: 湘雅二医院 -> 湘雅二院,
    龙岩市第二医院 (or 第二人民医院) -> 龙岩市二院 and 龙岩二院 (the city without 市). Why a rule:
    every city numbers its hospitals so, and the short form keeps both the place and the number,
    so it names one hospital wherever the full name is known."""
    m = _NUMBERED_HOSPITAL_OF.match(name)
    if not m:
        return ()
    before, di, n = m.groups()
    if di and before.endswith("附属") and before[:-2].endswith(("大学", "学院")):
        return ("附属第" + n + "医院",)  # 附一 (canonical 附属第一医院) of 福建医科大学附属第一医院
    if not di:  # 湘雅二医院: the number is part of the proper name
        return (name[: m.end(3)] + "院",) if len(before) >= 2 and not before.endswith(_NOT_PROPER) else ()
    place = leading_place(before)
    if place != before or len(before) < 2:  # only a place's own numbered hospital (龙岩市第二医院)
        return ()
    out = [before + n + "院"]
    if before.endswith(_DIVISION_ENDS) and len(before) >= 3:
        out.append(before[:-1] + n + "院")
    return tuple(out)


def _is_qualifier(part: str) -> bool:
    if part.endswith(("附属", "大学")):
        return True
    while place := leading_place(part):
        part = part[len(place):]
    return part == ""
