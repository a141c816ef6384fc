"""The parent a body's name carries in its own structure, whether or not the corpus names it.

``厦门大学附属第一医院`` -> ``厦门大学``, ``某省人大教科文卫委员会`` -> the congress, ``中共某市委组织部``
-> the city's Party committee (``中国共产党某市委员会``), ``某医院党委`` -> the hospital, ``某局某分局``
-> the bureau; and the official form a parent is listed in (``full_name``). ``kg.link.suborgs``
finds these parents among the corpus's bodies, or makes them.
"""

from __future__ import annotations

import re

from kg.gazetteer import load_gazetteer
from kg.link.names import PARTY_NAMES, PARTY_SHORT_NAMES
from kg.link.posts import BODY_SUFFIXES, PARTY_BODIES, unit_of_party_body

__all__ = [
    "AFFILIATED",
    "BRANCH",
    "CONGRESS",
    "CORPUS_BODY_ENDS",
    "MIN_PARENT",
    "NOT_PARTY_UNITS",
    "TITLE_AFTER_BODY",
    "full_name",
    "parent_by_structure",
    "party_committee_parent",
]

AFFILIATED = "附属"
MIN_PARENT = 4
_ORDINAL_END = re.compile("第[一二三四五六七八九十]+$")
#: Bodies that have affiliated hospitals and schools of their own.
_ACADEMIC = ("大学", "学院", "科学院", "医学院", "医科大学")
_GROUPS = ("集团",)
#: Research institutes with an affiliated hospital (某中医药研究院附属医院): parents after 附属 only.
_INSTITUTES = ("研究院", "研究所")
_AFFILIATED_ENDS = ("医院", "中医院", "卫生院")
_SCHOOLS = ("学院", "医学部", "研究院", "研究所", "中学", "小学", "学校")
#: Endings of a named unit or branch of the body written before it.
_UNIT_ENDS = ("分局", "分院", "分中心", "分会", "分社", "支部", "院区", "办公室", "办公厅", "处", "科", "司")
#: Branches of a station, school, firm, institute, library or bank (某急救中心|某某分站), named by a place
#: or a word with no body's ending of its own (某市中心|血站某分站 is no branch of 某市中心).
_BRANCH_ENDS = ("分站", "分校", "分公司", "分所", "分馆", "分行", "支行")
_NOT_IN_BRANCH = "站院校所馆行司局会部厅委"
#: A department (部) of a body written in full (某委员会|社会服务部, 某大学|医学部); not of a short
#: form (某省委会), which a clipped mention may be.
_DEPARTMENT_OWNERS = ("委员会", "学会", "协会", "工会", "联合会", "大学", "学院", "集团", "公司")
#: Bodies of administration and societies whose centres and institutes are their units
#: (某卫生健康委员会|统计信息中心, 某医疗保障局|医保中心, 某红十字会|救护培训中心).
_ADMINISTRATIONS = ("委员会", "局", "厅", "政府", "学会", "协会", "红十字会", "联合会", "基金会")
_CENTRES = ("中心", "所")
#: Bodies named by a one-character ending the suffix lists leave out (某市卫生健康局, 某妇幼保健院,
#: 某急救中心) and the desks, offices and institutes written after them (疾控科, 儿科, 传染病防治所).
_PLAIN_BODIES = ("局", "厅", "院", "中心")
_DESKS = ("科", "处", "室", "所", "办公室")
#: Places and a centre of a place (某镇中心|卫生院): a plain ending after one is no body.
_PLACE_CHARS = "省市县区镇乡村"
#: A society's or union's committee (某医学会|骨科学专业委员会, 某总工会|女职工委员会), not a
#: joint committee that only carries its name (某基金会第一联合委员会).
_SOCIETIES = ("学会", "协会", "工会", "联合会", "促进会", "红十字会", "基金会")
_SOCIETY_COMMITTEES = ("专业委员会", "专门委员会", "工作委员会", "职工委员会")
#: A branch of a society and the committees and study groups it has (某学会某分会|青年委员会, |某学组).
_BRANCH_GROUPS = ("委员会", "学组")
#: A 九三学社 branch: named after the unit or place its members work in, it is no unit of
#: that body but of the society's committee of the city (``kg.link.party_units.branch_committee``).
BRANCH = "支社"
#: Units no Communist Party committee has (``_not_a_party_unit``).
NOT_PARTY_UNITS = ("专委会", "专门委员会", BRANCH)
#: A department of a place's Party committee: 中共X委组织部, X委统战部, X委老干部局, X委办公室.
_PARTY_DEPARTMENT = re.compile(r"^(?:中共)?(.{2,8}?[省市县区州])委(?!员会|会)(?:[^委]{1,8}(?:部|局|办公室|室|委员会))$")
#: A unit's Party organ written in the official form: 中共X委员会组织部, 中共X纪律检查委员会 (X a unit).
_UNIT_PARTY_ORGAN = re.compile(
    r"^(?:中共(.{2,20}?)(?:委员会[^委]{1,8}(?:部|办公室)|纪律检查委员会)|(.{2,20}?)党委[^委]{0,8}(?:部|办公室))$"
)
#: The people's congress and its standing committee, written in full or short (人大, 人大常委会).
CONGRESS = re.compile(r"^(.{2,12}?)(人民代表大会|人大)(常务委员会|常委会)?(.*)$")
#: The consultative conference: X政协Y委员会 and 政协X委员会Y委员会.
_CONFERENCE = re.compile(r"^(?:(.{2,12}?)政协|政协(.{2,12}?)委员会)(.+(?:委员会|委))$")
#: An army hospital: 某部队第N医院 is a unit of the force.
_FORCE_HOSPITAL = re.compile(r"^(.{2,}?部队)(?:第.{1,6})?.*医院$")
#: Characters that make a body's ending into a word (校长, 会员, 院士) instead of ending it.
TITLE_AFTER_BODY = "长员士会"
#: Endings of a complete body (a parent), from the organization suffix lists (words of two
#: characters or more: 社会 is no 会), and the heads of a force, a congress and a conference.
_BODY_ENDS = (
    *(w for w in BODY_SUFFIXES if len(w) >= 2),
    *("部队", "人大", "政协", "工会", "省委", "市委", "县委", "区委", "州委"),
)
#: Endings of a body of the corpus that may be a parent (its name is known whole, so one
#: character will do: 某某局, 某某委, 九三学社).
CORPUS_BODY_ENDS = (*BODY_SUFFIXES, "会", "队", "人大", "政协")
#: Bodies with a Party group or committee of their own that the organization suffix lists may
#: lack (某县总工会党组 is the union's).
_PARTY_GROUP_UNITS = ("工会", "总工会", "妇联", "共青团", "团委", "残联", "文联", "侨联")
#: Organs a unit has inside it, written after its name (某医院团委, 某大学工会, 某委直属机关党委), and
#: its Party committee written in full (中共某大学委员会): bodies of the unit, as its 党委 is.
_UNIT_ORGANS = ("直属机关党委", "机关党委", "党总支", "团委", "工会", "纪委")
_UNIT_COMMITTEE = re.compile(r"^中共(.{2,20}?)委员会$")
#: Campuses of a hospital named by their side (某医院南院).
_CAMPUSES = ("东院", "西院", "南院", "北院")
#: A place's Party committee (某市委): its organs are the committee's, read by ``party_committee_parent``.
_PLACE_BODIES = ("省委", "市委", "县委", "区委", "州委")
_GOVERNMENT = re.compile(r"^(.{2,12}?[省市县区州旗])政府$")
#: A democratic party's central committee (民革中央, 中国民主同盟中央委员会): a body of the party.
_PARTY_CENTRE = re.compile("^(" + "|".join((*PARTY_SHORT_NAMES, *PARTY_NAMES)) + ")(?:中央委员会|中央)$")
_COMMITTEE_SHORT = re.compile(r"^(.+?[省市县区州])委会?$")


def full_name(name: str) -> str:
    """The official form of a body's name as a parent is listed (``浙江省人大`` ->
    ``浙江省人民代表大会``, ``福建省政协`` -> ``中国人民政治协商会议福建省委员会``,
    ``农工党某省委会`` -> ``中国农工民主党某省委员会``, ``中共某市委`` -> ``中国共产党某市委员会``,
    ``某县政府`` -> ``某县人民政府``, ``解放军某部队`` -> ``中国人民解放军某部队``); other names as they are."""
    if name.endswith("人大"):
        return name[:-2] + "人民代表大会"
    if name.endswith("人大常委会"):
        return name[:-5] + "人民代表大会常务委员会"
    m = re.match(r"^(?:(.{2,12}?)政协|政协(.{2,12}?)委员会)$", name)
    if m:
        return f"中国人民政治协商会议{m.group(1) or m.group(2)}委员会"
    if name.startswith("中共") and _COMMITTEE_SHORT.match(name[2:]):
        return f"中国共产党{_COMMITTEE_SHORT.match(name[2:]).group(1)}委员会"
    m = _GOVERNMENT.match(name)
    if m:
        return f"{m.group(1)}人民政府"
    if name.startswith("解放军"):
        return "中国人民" + name
    party = next((p for p in (*PARTY_SHORT_NAMES, "九三学社") if name.startswith(p)), None)
    if party is not None:
        rest = name[len(party) :]
        m = _COMMITTEE_SHORT.match(rest)
        return PARTY_SHORT_NAMES.get(party, party) + (f"{m.group(1)}委员会" if m else rest)
    return name


def party_committee_parent(name: str) -> str | None:
    """``(中共)X委组织部``, ``X委统战部``, ``X委老干部局``: a department of place X's Party
    committee, whose official name is 中国共产党X委员会 (X a full place name of the gazetteer);
    ``中共X委员会组织部``, ``中共X纪律检查委员会``, ``X党委宣传部``, ``X党委办公室`` of a unit X (a
    university, a hospital): the unit, whose Party committee is no body of its own (ANNOTATION.md: its
    posts are the unit's)."""
    m = _PARTY_DEPARTMENT.match(name)
    if m:
        place = load_gazetteer().resolve(m.group(1))
        return f"中国共产党{place.name}委员会" if place is not None and place.name == m.group(1) else None
    m = _UNIT_PARTY_ORGAN.match(name)
    unit = m and (m.group(1) or m.group(2))
    if unit and unit.endswith(_BODY_ENDS) and load_gazetteer().resolve(unit) is None:
        return unit  # 中共某大学委员会组织部, 某医院党委宣传部: the unit's
    return None


def _unit_of_organ(name: str) -> str | None:
    """``某医院团委``, ``某大学工会``, ``中共某大学委员会`` -> the unit, when the rest is a complete body
    that is no place (``某市纪委`` is the city's, ``中共某省委员会`` the province's: not read here)."""
    m = _UNIT_COMMITTEE.match(name)
    rest = m.group(1) if m else next((name[: -len(o)] for o in _UNIT_ORGANS if name.endswith(o)), None)
    if not rest or len(rest) < MIN_PARENT or not rest.endswith(_BODY_ENDS) or rest.endswith(_PLACE_BODIES):
        return None
    return rest if load_gazetteer().resolve(rest) is None else None


def _parent_by_rule(name: str) -> str | None:
    """Parents of bodies named after a known institution: a congress's standing and special
    committees, the consultative conference's committees, an army hospital's force, and the
    unit a Party group or committee is written with (``某县政府党组`` -> ``某县政府``), and a democratic
    party's central committee (``民革中央`` -> ``中国国民党革命委员会``)."""
    m = _PARTY_CENTRE.match(name)
    if m:
        return PARTY_SHORT_NAMES.get(m.group(1), m.group(1))
    m = CONGRESS.match(name)
    if m and (m.group(3) or m.group(4)):
        congress = m.group(1) + m.group(2)
        if m.group(3) and m.group(4):
            return congress + m.group(3)  # 某省人大常委会|某工作委员会: the standing committee's
        return congress if (m.group(3) or m.group(4).endswith(("委员会", "委"))) else None
    m = _CONFERENCE.match(name)
    if m:
        return f"中国人民政治协商会议{m.group(1) or m.group(2)}委员会"
    m = _FORCE_HOSPITAL.match(name)
    if m and len(m.group(1)) >= MIN_PARENT:
        return m.group(1)
    organ = _unit_of_organ(name)
    if organ:
        return organ
    name = name.removeprefix("中共")
    unit = unit_of_party_body(name) or next(
        (name[: -len(b)] for b in PARTY_BODIES if name.endswith(b) and name[: -len(b)].endswith(_PARTY_GROUP_UNITS)),
        None,
    )
    return unit if unit is not None and len(unit) >= MIN_PARENT else None


def _plain_body_desk(parent: str, unit: str) -> bool:
    """``某市卫生健康局|疾控科``: a desk, office or institute of a body whose ending is one the suffix
    lists leave out; not after a place (某镇中心|卫生所 is the town's central clinic) nor a clinic."""
    ending = next((e for e in _PLAIN_BODIES if parent.endswith(e)), None)
    return (
        ending is not None
        and unit.endswith(_DESKS)
        and len(parent) > MIN_PARENT
        and parent[-len(ending) - 1] not in _PLACE_CHARS
        and not unit.startswith("卫生")
    )


def parent_by_structure(name: str) -> str | None:
    """The parent a name carries in its own structure, whether or not the corpus names it.

    ``X大学医学院附属(第一)Y医院`` -> ``X大学医学院`` (the ordinal belongs to the hospital);
    ``X大学医学院`` -> ``X大学``; ``X科学院肿瘤医院``, ``X集团Y医院`` -> the academy, the group;
    ``X局Y分局``, ``X会Y分会``, ``X委员会Y处/办公室``, ``X医院Y院区`` -> X. The parent must end
    like a complete body (``湖医附属…`` names no parent: 湖医 is a short form)."""
    committee = party_committee_parent(name) or _parent_by_rule(name)
    if committee:
        return committee
    at = name.find(AFFILIATED, 2)
    if at > 0 and name.endswith(_AFFILIATED_ENDS):
        parent = _ORDINAL_END.sub("", name[:at])
        return parent if parent.endswith(_ACADEMIC + _INSTITUTES) else None
    cuts = range(len(name) - 2, MIN_PARENT - 1, -1)
    titled = [cut for cut in cuts if name[cut] in TITLE_AFTER_BODY]
    # 某大学校|长办公室: 校长 is a word, the body is 某大学; but with no other cut, 某局|长沙分局 is one
    return _parent_at(name, [cut for cut in cuts if cut not in titled]) or _parent_at(name, titled)


def _parent_at(name: str, cuts: list[int]) -> str | None:
    """The parent at the first of ``cuts`` (longest parent first) where the name splits into a complete
    body and a unit of it (``parent_by_structure``'s rules), else None."""
    for cut in cuts:
        parent, unit = name[:cut], name[cut:]
        if _plain_body_desk(parent, unit):
            return parent  # 某市卫生健康局|疾控科, 某妇幼保健院|儿科, 某疾病预防控制中心|传染病防治所
        if not parent.endswith(_BODY_ENDS):
            continue
        if parent.endswith("医院") and unit in _CAMPUSES:
            return parent  # 某医院|南院: a campus of the hospital
        if parent.endswith("医院") and unit.endswith("中心"):
            return parent  # 某医院|生殖医学中心: a centre of the hospital
        if parent.endswith(("委员会", "部")) and unit.endswith("局"):
            return parent  # 某卫生健康委员会|综合监督执法局, 某部|某局
        branch = next((e for e in _BRANCH_ENDS if unit.endswith(e)), "")
        if branch and not any(c in _NOT_IN_BRANCH for c in unit[: -len(branch)]):
            return parent  # 某急救中心|东湖分站, 某大学|海城分校
        if unit.endswith(_UNIT_ENDS) or (
            parent.endswith(_ACADEMIC + _GROUPS) and unit.endswith(_AFFILIATED_ENDS + _SCHOOLS)
        ):
            return parent
        if parent.endswith("委员会") and unit.endswith("委员会"):
            return parent  # 某人大常务委员会|教育科学文化卫生工作委员会
        if (
            (parent.endswith(_ADMINISTRATIONS) and unit.endswith(_CENTRES))
            or (parent.endswith(_SOCIETIES) and unit.endswith(_SOCIETY_COMMITTEES))
            or (parent.endswith("分会") and unit.endswith(_BRANCH_GROUPS))
            or (parent.endswith(_DEPARTMENT_OWNERS) and unit.endswith("部"))
        ):
            return parent
    return None
