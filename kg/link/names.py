"""Canonical names: how a surface form becomes the full official name of what it names.

These are general rules of Chinese official naming, applied one mention at a
time with only the article's context (which province the paper is in):

* organizations: standard abbreviations expand (``卫健委`` -> ``卫生健康委员会``,
  ``医保局`` -> ``医疗保障局``); a bare ``省`` prefix takes the province
  (``省医保局`` -> ``福建省医疗保障局``), ``省委X部`` takes the Party prefix
  (``中共福建省委组织部``); a newspaper is its press (``福建卫生报`` -> ``福建卫生报社``);
  a second name in brackets inside a unit's name is left out
  (``福建卫生报社(每周文摘报社)综合部`` -> ``福建卫生报社综合部``);
* a government written without 人民 is its 人民政府 (``县政府`` -> ``县人民政府``, then the article's county);
* places: the gazetteer's full name, homonyms resolved by the province;
* programs: quotes, a leading year or round and a place or ``全国`` prefix (written before the
  quotes: ``“博爱送万家”活动`` keeps 博爱), and a
  trailing ``活动`` are not part of the name (``2023年度万名医师支援农村`` -> ``万名医师支援农村``);
* documents: the title without 《》 and without an edition or status bracket at its end
  (``某市控烟办法(试行)`` -> ``某市控烟办法``).

Which mentions of one article are short forms of another is the linker's job.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import lru_cache

from kg.conventions import canonical_document
from kg.gazetteer import Place, load_gazetteer
from kg.normalise import comparison_form

#: Abbreviation -> full form of the body's head, applied at the end of a name.
#: Order matters: longer abbreviations first. ``卫计委`` (a predecessor body) is
#: deliberately absent: it is a different organization.
ORG_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("卫生健康委员会", "卫生健康委员会"),
    ("卫生健康委", "卫生健康委员会"),
    ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("医保局", "医疗保障局"),
    ("人社厅", "人力资源和社会保障厅"),
    ("人社局", "人力资源和社会保障局"),
    ("药监局", "药品监督管理局"),
    ("市监局", "市场监督管理局"),
    ("疾控中心", "疾病预防控制中心"),
    ("纪委监委", "纪律检查委员会监察委员会"),
    ("人大常委会", "人民代表大会常务委员会"),
    ("爱卫办", "爱国卫生运动委员会办公室"),
    ("爱卫会", "爱国卫生运动委员会"),
    ("老科协", "老科学技术工作者协会"),
    ("老龄办", "老龄工作委员会办公室"),
    ("计生协会", "计划生育协会"),
    ("文明办", "精神文明建设委员会办公室"),
    ("统战部", "统一战线工作部"),
    ("工商联", "工商业联合会"),
)
#: Abbreviations read only at the very end of a name: ``省疾控`` is the centre, but ``疾控处``
#: inside a commission is a unit of it.
END_ABBREVIATIONS: tuple[tuple[str, str], ...] = (("疾控", "疾病预防控制中心"),)
#: Abbreviations inside a longer name (``省卫健委医政管理处``).
_INNER = tuple(sorted(((a, f) for a, f in ORG_ABBREVIATIONS if a != f), key=lambda af: -len(af[0])))
#: A bracketed second name with more of the name after it.
_INNER_BRACKET = re.compile(r"\([^()]*\)(?=[\u4e00-\u9fff])")
_YEAR = re.compile(r"^(?:\d{4}年度?|第[〇零一二三四五六七八九十百两\d]+(?:批|届|期|轮|个|次|季)|首届|新一轮)")
_ROUND = re.compile(r"^第[一二三四五六七八九十百\d]+批")


#: The comparison form of a mention (NFKC, no whitespace, no quote marks), as ANNOTATION.md says.
clean = comparison_form


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(load_gazetteer().names()) | {"全国", "全省"}


@lru_cache(maxsize=65536)
def leading_place(name: str) -> str:
    """The longest place name (or 全国/全省) that ``name`` starts with, by set look-ups."""
    names = _place_names()
    return next((name[:n] for n in range(min(len(name), 16), 1, -1) if name[:n] in names), "")


#: Bare jurisdiction prefixes, longest first (自治区 before 区), and the name ending of
#: the division each can stand for.
BARE_PREFIXES: tuple[str, ...] = ("自治区", "省", "市", "州", "县", "区")
#: Words that start with a prefix character but are no jurisdiction (市场监管局, 省会, 区域…).
NOT_JURISDICTION: tuple[str, ...] = (
    "市场", "区域", "县域", "市级", "县级", "区级", "省级", "市民", "县城", "市区", "省会", "省内", "市内",
    "省外", "市外", "区县", "县区", "省市", "市县", "省部",
)


def bare_prefix(name: str) -> str | None:
    """The bare jurisdiction prefix ``name`` starts with (``省卫健委`` -> ``省``), or None."""
    if name.startswith(NOT_JURISDICTION):
        return None
    prefix = next((p for p in BARE_PREFIXES if name.startswith(p)), None)
    return prefix if prefix is not None and len(name) > len(prefix) else None


#: Endings that are also a body's whole name (新华社 is Xinhua itself, not a generic press).
_PROPER_HEADS = frozenset({"新华社"})


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """The organization name endings of ``kg/resources/org_suffixes_*.txt`` (the same lists
    the extractor reads), read here without loading the pipeline."""
    words: set[str] = set()
    for name in ("org_suffixes_strong.txt", "org_suffixes_weak.txt"):
        text = importlib.resources.files("kg.resources").joinpath(name).read_text(encoding="utf-8")
        words.update(w for w in (line.strip() for line in text.splitlines()) if w and not w.startswith("#"))
    return frozenset(words - _PROPER_HEADS)


def bare_head(name: str) -> bool:
    """A body named by its head alone (``政府``, ``中医院``, ``党委``): which one it is depends
    on the article, like a bare prefix."""
    return name in _heads()


#: A democratic party's committees, written with its one-character form (社省委: 九三学社's) or the
#: party's name, then a division and 委 or 委会 (九三学社某市委会): the party's 委员会 there.
_PARTY_SHORT = {"社": "九三学社", "盟": "民盟"}
#: The democratic parties' usual short names -> their full names (kg/resources/parties.txt lists
#: both for the extractor); 九三学社 has one name.
PARTY_SHORT_NAMES = {
    "民革": "中国国民党革命委员会",
    "民盟": "中国民主同盟",
    "民建": "中国民主建国会",
    "民进": "中国民主促进会",
    "农工党": "中国农工民主党",
    "致公党": "中国致公党",
    "台盟": "台湾民主自治同盟",
}
#: The democratic parties' full names.
PARTY_NAMES = ("九三学社", *PARTY_SHORT_NAMES.values())
_PARTY_COMMITTEE = re.compile(
    "^(" + "|".join(("九三学社", *PARTY_SHORT_NAMES)) + r")(.{0,8}?[省市县区州])委(?:会)?(?!员)"
)


def _party_body(name: str, province: Place | None) -> str:
    """``社省委``, ``九三学社某市委会`` -> ``九三学社福建省委员会``, ``九三学社某市委员会``: the
    committee of a democratic party in a division (not 中共's: 某省委 alone is the Party's)."""
    if name[:1] in _PARTY_SHORT and (name[1:2] in "省市县区" or leading_place(name[1:])):
        name = _PARTY_SHORT[name[0]] + name[1:]
    m = _PARTY_COMMITTEE.match(name)
    if not m:
        return name
    division = m.group(2)
    if division == "省" and province is not None and province.name.endswith("省"):
        division = province.name
    elif len(division) == 1:
        return name  # 社市委 with no city named: left as written
    return m.group(1) + division + "委员会" + name[m.end() :]


def canonical_org(surface: str, province: Place | None) -> str:
    # 第十一批某某援疆医疗队: the round is part of the mention, not of the team's name.
    name = _ROUND.sub("", _INNER_BRACKET.sub("", clean(surface)))
    name = _party_body(name, province)
    for abbr, full in _INNER:
        if full in name:
            break  # already the full form (卫生健康委员会 contains 卫生健康委)
        if abbr in name:
            name = name.replace(abbr, full, 1)
            break
    for abbr, full in END_ABBREVIATIONS:
        if name.endswith(abbr) and len(name) > len(abbr):
            name = name[: -len(abbr)] + full
    if province is not None and province.name.endswith("省"):  # 重庆市 has no 省
        if name.startswith(("省委", "市委")) and not name.startswith(("省委员会", "市委员会", "省委会", "市委会")):
            # 省委组织部 is the Party committee's department: 中共福建省委组织部.
            return "中共" + province.name + name[1:] if name.startswith("省委") else name
        if bare_prefix(name) == "省":
            name = province.name + name[1:]
    name = _party_committee(name)
    name = _people_s_government(name)
    name = _AFFILIATED_N.sub(r"附属第\1医院", name)  # 福医大附一院 -> 福医大附属第一医院
    if name.endswith("报"):
        name += "社"
    return name


def _party_committee(name: str) -> str:
    """``四川省委``, ``靖西市委组织部``: a division's 委 is its Party committee, named with
    中共 as a bare ``省委`` becomes (中共四川省委); not 委员会 or 委会 (民革浙江省委会). Written
    after the divisions above it (``某州某县县委``, ``某省某市委``), it is the innermost one's."""
    place = leading_place(name)
    rest = name[len(place):]
    inner = place
    while (lead := leading_place(rest)) and lead not in ("全国", "全省"):  # 某州|某县|县委: the county's
        inner, rest = lead, rest[len(lead):]
    if inner and rest.startswith(inner[-1] + "委"):
        rest = rest[1:]  # 某县县委: the division's character written again
    division = inner.endswith(("省", "市", "县", "区", "州", "旗")) and inner not in ("全省",)
    if division and rest.startswith("委") and not rest.startswith(("委员会", "委会")):
        return "中共" + inner + rest
    return name


#: A government and its general office written without 人民 (not 政府采购中心: a body of its own name).
_GOVERNMENT_SHORT = ("政府", "政府办公室", "政府办公厅")


def _people_s_government(name: str) -> str:
    """``县政府``, ``福州市政府``, ``省政府办公厅``: a division's government is officially its 人民政府
    (every level, by the Constitution), so the short form and the full one are one body."""
    place = leading_place(name) or (name[: len(p)] if (p := bare_prefix(name)) else "")
    if place and place not in ("全国", "全省") and name[len(place):] in _GOVERNMENT_SHORT:
        return place + "人民" + name[len(place):]
    return name


#: 附一, 附二院, 附三医院 at the end of a name: the university's affiliated hospital number N.
_AFFILIATED_N = re.compile(r"附([一二三四五六七八九])(?:院|医院)?$")


def canonical_place(surface: str, province: Place | None) -> tuple[str, Place | None]:
    """Full name and gazetteer entry of a place mention (None for addresses and unknowns)."""
    name = clean(surface)
    gazetteer = load_gazetteer()
    context = province.code if province else None
    for candidate in (name, name.removesuffix("地区")):
        place = gazetteer.resolve(candidate, context)
        if place is not None:
            return place.name, place
    # Nested divisions written together (昌吉市阿什里哈萨克民族乡, 南平建瓯市) name the
    # innermost one; the outer part picks among its homonyms.
    for cut in range(1, len(name) - 1):
        outer = gazetteer.resolve(name[:cut], context)
        inner = gazetteer.lookup(name[cut:])
        if outer is not None and inner:
            inside = [p for p in inner if outer.code in {a.code for a in gazetteer.ancestors(p.code)}]
            place = min(inside or inner, key=lambda p: p.code)
            return place.name, place
    return name, None


#: A program name that opens with its quoted core (after any year or round).
_OPENS_QUOTED = re.compile(r"^\s*[“\"「『]")


def canonical_program(surface: str, keep_place: bool = False) -> str:
    """``keep_place``: the name starts with a body's name that starts with a place
    (``上海某医院“健康快车”行动``), so the place is part of the name."""
    name = clean(surface)
    name = _YEAR.sub("", name)
    # “博爱送万家”活动: a place word (博爱, 长安, 平安) that opens the quoted name is part of the
    # name; only a place written before the quotes (福建省“健康快车”) is where the program runs.
    quoted_from_start = _OPENS_QUOTED.match(_YEAR.sub("", surface.strip()))
    prefix = "" if keep_place or quoted_from_start else leading_place(name)
    if prefix and len(name) - len(prefix) >= 4:
        name = name[len(prefix) :]
    name = _YEAR.sub("", name)
    if name.endswith("活动") and len(name) > 4 and not name.endswith("行动活动"):
        stem = name[:-2]
        if stem.endswith(("月", "周", "日", "行", "义诊")):  # a period or tour: 某某卫生月活动, 某某基层行活动
            name = stem
    return name


def canonical(label: str, surface: str, province: Place | None) -> str:
    """The canonical name of one mention (places: see ``canonical_place`` for the code)."""
    if label == "ORG":
        return canonical_org(surface, province)
    if label == "LOC":
        return canonical_place(surface, province)[0]
    if label == "PROG":
        return canonical_program(surface)
    if label == "DOC":
        return canonical_document(surface)
    return clean(surface)


def why(label: str, surface: str, name: str, where: str = "") -> str:
    """In words, which general rule made ``name`` of ``surface`` (for ``kg explain``);
    ``where``: the province a bare 省 took, and why (``kg.link.jurisdiction``)."""
    written = clean(surface)
    if written == name:
        return "as written"
    if label == "LOC":
        return "full name of the division in the gazetteer"
    if label == "PROG":
        return "program name without year, round, place or 活动"
    if label == "DOC":
        return "document title without its edition or status bracket"
    reasons = []
    expanded = any(written.endswith(abbr) for abbr, _ in END_ABBREVIATIONS)
    if expanded or any(abbr in written for abbr, _ in _INNER) or _AFFILIATED_N.search(written):
        reasons.append("standard abbreviation expanded")
    if written.startswith("省"):
        reasons.append(f"bare 省 = {where or 'the paper province'}")
    if "人民政府" in name and "人民政府" not in written:
        reasons.append("a government is officially its 人民政府")
    if name.startswith("中共") and not written.startswith("中共") and "委" in written:
        reasons.append("a division's 委 is its Party committee (中共…委)")
    if written.endswith("报") and name.endswith("报社"):
        reasons.append("a newspaper is its press")
    return "; ".join(reasons) or "canonical form"
