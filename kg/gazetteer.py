"""Chinese administrative divisions, shared by the extractor and the linker.

Both stages must agree on what counts as a place name and which division it
means, so the knowledge lives here once. The divisions come from
``kg/resources/divisions.tsv``, an extract of the Ministry of Civil Affairs'
place-name database (12-digit codes whose first six are GB/T 2260, province
down to township); this module adds only general rules: how Chinese division
names shorten (suffix words, ethnic names of autonomous areas) and the
one-character province abbreviations that form region names (闽南, 闽西南).
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.warm import kept

#: Division suffix words, longest first so 自治县 wins over 县 and 林区 over 区.
#: 新区 is added so that 浦东新区 shortens to 浦东 rather than 浦东新.
SUFFIXES: tuple[str, ...] = tuple(sorted(
    ("省", "市", "自治区", "特别行政区", "自治州", "地区", "盟", "自治县",
     "自治旗", "县", "区", "旗", "林区", "特区", "新区"),
    key=len, reverse=True))

#: Standard one-character abbreviation (简称) -> province-level code; the
#: primary form where the State Council lists two (川 not 蜀, 滇 not 云).
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "110000000000", "津": "120000000000", "冀": "130000000000",  # 北京 天津 河北
    "晋": "140000000000", "蒙": "150000000000", "辽": "210000000000",  # 山西 内蒙古 辽宁
    "吉": "220000000000", "黑": "230000000000", "沪": "310000000000",  # 吉林 黑龙江 上海
    "苏": "320000000000", "浙": "330000000000", "皖": "340000000000",  # 江苏 浙江 安徽
    "闽": "350000000000", "赣": "360000000000", "鲁": "370000000000",  # 福建 江西 山东
    "豫": "410000000000", "鄂": "420000000000", "湘": "430000000000",  # 河南 湖北 湖南
    "粤": "440000000000", "桂": "450000000000", "琼": "460000000000",  # 广东 广西 海南
    "渝": "500000000000", "川": "510000000000", "黔": "520000000000",  # 重庆 四川 贵州
    "滇": "530000000000", "藏": "540000000000", "陕": "610000000000",  # 云南 西藏 陕西
    "甘": "620000000000", "青": "630000000000", "宁": "640000000000",  # 甘肃 青海 宁夏
    "新": "650000000000", "台": "710000000000", "港": "810000000000",  # 新疆 台湾 香港
    "澳": "820000000000",  # 澳门
}

#: Direction words that follow an abbreviation in region names (闽东, 闽西南).
DIRECTIONS: tuple[str, ...] = ("东", "西", "南", "北", "中", "东南", "西南", "东北", "西北")

#: Abbreviations that are everyday morphemes, so abbreviation + direction is
#: mostly some other word (新中国, 新西兰, 台中 = 舞台中, 港北区 is in 广西,
#: 澳中 = Australia-China); they form no region names.
_NO_REGION_ABBREVIATIONS = frozenset("新台港澳")

LEVELS: tuple[str, ...] = ("province", "prefecture", "county", "township", "region")
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
#: First digit 1-8 are the GB/T 2260 regions; some data sets also have 99… pseudo
#: rows (苏鲁交界, 海域) that are not divisions.
_CODE = re.compile(r"[1-8]\d{11}")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True, order=True)
class Place:
    """A division (or region), identified by its code; ordered by code."""

    code: str
    name: str
    level: str
    parent: str | None

    @property
    def gb2260(self) -> str:
        """The 6-digit GB/T 2260 code most other data sets use."""
        return self.code[:6]


def level_of(code: str) -> str:
    """Level of a 12-digit division code, read off its trailing zeros."""
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "prefecture"
    if code[6:] == "0" * 6:
        return "county"
    return "township"


def _full(code: str) -> str:
    """Pad a short numeric code (35, 3501, 350102) to 12 digits."""
    return code.ljust(12, "0") if code.isdigit() and len(code) < 12 else code


def short_name(name: str, nations: Iterable[str] = ()) -> str | None:
    """The usual short form of a division name, or None if it has none.

    One suffix word is stripped (福州市 -> 福州, 沙市区 -> 沙市); then, as
    people never say them, trailing ethnic names (昌吉回族 -> 昌吉). Names
    without 族 (维吾尔, 蒙古) are stripped only in autonomous areas, and only
    while two characters remain (内蒙古 stays). Results under two characters
    are dropped: one character is never a place name on its own.
    """
    nations = tuple(nations)
    stem = next((name[: -len(s)] for s in SUFFIXES if name.endswith(s)), name)
    stripped = True
    while stripped:
        stripped = False
        for word in _ethnic_words(nations, "自治" in name):
            if stem.endswith(word) and len(stem) - len(word) >= 2:
                stem, stripped = stem[: -len(word)], True
                break
    if stem.endswith("族") and stem in nations:  # 鄂温克族 -> 鄂温克
        stem = stem[:-1]
    return stem if len(stem) >= 2 and stem != name else None


@lru_cache(maxsize=8)
def _ethnic_words(nations: tuple[str, ...], autonomous: bool) -> tuple[str, ...]:
    """Ethnic names to strip, longest first (蒙古族 before 蒙古)."""
    bare = {n[:-1] for n in nations if len(n) > 2} if autonomous else set()
    return tuple(sorted({n for n in nations if n} | bare | {"各族"}, key=len, reverse=True))


#: An autonomous prefecture, county or banner is also called by its short name and the
#: plain division word (阿坝州, 新晃县, 玉树州): autonomous suffix -> the plain word.
_PLAIN_WORDS: dict[str, str] = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def _informal(name: str, short: str) -> tuple[str, ...]:
    """阿坝藏族羌族自治州 -> 阿坝州: the short name and the plain division word."""
    return tuple(short + plain for suffix, plain in _PLAIN_WORDS.items() if name.endswith(suffix))


def region_names() -> Iterator[tuple[str, str]]:
    """Yield (region name, province code) for abbreviation + direction."""
    for abbreviation, province in PROVINCE_ABBREVIATIONS.items():
        if abbreviation not in _NO_REGION_ABBREVIATIONS:
            for direction in DIRECTIONS:
                yield abbreviation + direction, province


class Gazetteer:
    """Divisions and regions with the surface forms that name them.

    ``places`` holds divisions and regions, sorted by code. A region's code is
    its province's code + ``R`` + the 1-based index of its direction in
    ``DIRECTIONS`` (闽西南 -> ``350000000000R7``), so it never clashes with a
    GB code.
    """

    def __init__(self, places: Iterable[Place], nations: Iterable[str] = ()) -> None:
        nations = tuple(nations)
        self.places: tuple[Place, ...] = tuple(sorted(places))
        self._by_code = {place.code: place for place in self.places}
        names: dict[str, list[str]] = {}
        for place in self.places:
            if place.level == "township":
                # Townships go by their full name only; an ethnic township (哈萨克族乡)
                # is also written with 民族乡 (阿什里哈萨克民族乡).
                surfaces = {place.name}
                if place.name.endswith("族乡") and not place.name.endswith("民族乡"):
                    surfaces.add(place.name[:-2] + "民族乡")
            else:
                short = None if place.level == "region" else short_name(place.name, nations)
                surfaces = {place.name} if short is None else {place.name, short, *_informal(place.name, short)}
            for surface in surfaces:
                names.setdefault(surface, []).append(place.code)
        self._names = {surface: tuple(codes) for surface, codes in names.items()}

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]],
                  nations: Iterable[str] = ()) -> Gazetteer:
        """Build from (code, name) rows, skipping malformed and repeated codes."""
        named: dict[str, str] = {}
        for code, name in rows:
            code, name = code.strip(), name.strip()
            if _CODE.fullmatch(code) and _NAME.fullmatch(name):
                named.setdefault(code, name)
        places = [Place(code, name, level_of(code), _parent(code, named))
                  for code, name in named.items()]
        directions = {direction: i for i, direction in enumerate(DIRECTIONS, 1)}
        for name, province in region_names():
            if province in named:
                code = f"{province}R{directions[name[1:]]}"
                places.append(Place(code, name, "region", province))
        return cls(places, nations)

    def by_code(self, code: str) -> Place:
        """The place with this code (short numeric codes are zero-padded)."""
        return self._by_code[_full(code)]

    def lookup(self, surface: str) -> tuple[Place, ...]:
        """Every place whose full or short name is ``surface``, by code."""
        if len(surface) < 2:
            return ()
        return tuple(self._by_code[code] for code in self._names.get(surface, ()))

    def names(self) -> dict[str, tuple[str, ...]]:
        """Surface form -> codes it may name, for building matchers."""
        return dict(self._names)

    def ancestors(self, code: str) -> tuple[Place, ...]:
        """Containing places, nearest first."""
        chain: list[Place] = []
        parent = self.by_code(code).parent
        while parent is not None:
            chain.append(self._by_code[parent])
            parent = chain[-1].parent
        return tuple(chain)

    def province_of(self, code: str) -> Place:
        """The province-level division containing (or being) ``code``."""
        return self._by_code[code[:2] + "0" * 10]

    def resolve(self, surface: str, context_province: str | None = None) -> Place | None:
        """Pick one place for ``surface``, deterministically.

        Prefers the context province (2-digit or full code), then the higher
        level (province, prefecture, county, region last since regions are
        informal), then the lowest code.
        """
        candidates = self.lookup(surface)
        if not candidates:
            return None
        context = context_province[:2] if context_province else None
        return min(candidates,
                   key=lambda p: (p.code[:2] != context, _RANK[p.level], p.code))


def _parent(code: str, known: dict[str, str]) -> str | None:
    """Nearest existing ancestor: county, prefecture, else province (4290xx -> 42)."""
    for candidate in (code[:6] + "0" * 6, code[:4] + "0" * 8, code[:2] + "0" * 10):
        if candidate != code and candidate in known:
            return candidate
    return None


def _resource_lines(name: str) -> list[str]:
    text = importlib.resources.files("kg.resources").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@kept
def load_gazetteer() -> Gazetteer:
    """The gazetteer from ``kg/resources/divisions.tsv``, loaded once per process.

    That file is an extract of the Ministry of Civil Affairs' place-name
    database (province to township, end of 2025); ``scripts/make_divisions.py``
    regenerates it and names its source.
    """
    rows = (tuple(line.split("\t")[:2]) for line in _resource_lines("divisions.tsv"))
    nations = _resource_lines("nations.txt")
    return Gazetteer.from_rows(((code, name) for code, name in rows), nations)
