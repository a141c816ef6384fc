"""What a post's title says about the body it belongs to, known without the pipeline.

Two general rules of Chinese officialdom that the extractor can only half see
(the body they point to is often not written as a mention of its own):

* a unit's Party committee or leading Party group (``北京大学党委``, ``教育部党组``)
  is where its title is written, but the post is in the unit itself: the
  ``党委书记`` of a university is a post *of the university* (ANNOTATION.md);
* a head of government (``县长``, ``副市长``, ``省长``) holds a post in that
  jurisdiction's government, which the text names as ``X人民政府``/``县政府``
  somewhere else (a document's title counts), or not at all (then the post has no body);
* ``X市委书记``: the post is in place X's Party committee, 中国共产党X委员会;
* a post in a hospital's department (``某医院某中心主任``) is the hospital's;
* a post in a unit written as a bare word after its body (``某市委常委、组织部部长``,
  ``某大学党委常委、医学部主任``) is in a body named from the two: a department of a Party
  committee by its official form (``中共某市委组织部``, ``中共某大学委员会组织部``,
  ``中共某大学纪律检查委员会``), another unit after its parent (``某大学医学部``).

The extractor records what it sees (the committee, the place before the title);
the graph model resolves it with these helpers, since only it knows every
entity of a document.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from kg.conventions import (  # noqa: F401 (the linker's modules read them from here too)
    BODY_SUFFIXES,
    PARTY_BODIES,
    PARTY_DEPARTMENTS,
    UNIT_MARK,
    UNIT_ROLE,
    government_level,
    unit_of_party_body,
)
from kg.gazetteer import load_gazetteer
from kg.link.names import clean, leading_place
from kg.model import Entity, Mention, Relation
from kg.normalise import comparison_form

#: The Party's discipline committee sits beside the committee, not in it: 中共X纪律检查委员会.
_DISCIPLINE = "纪委"
_PLACE_COMMITTEE = re.compile(r"^(?:中国共产党|中共)?(.{2,12}?[省市县区州旗])(?:委员会|委)$")
_PLACE_MAX = 8
_DEPARTMENT = re.compile(r"^(.{3,}医院)[^院]{2,10}(?:中心|科|病区|门诊)$")
_GOVERNMENT = re.compile(r"^(.*?)(?:人民)?政府$")


def hospital_of_department(name: str) -> str | None:
    """``某医院生殖免疫诊疗中心`` -> ``某医院``: posts in a hospital's department are the hospital's
    (ANNOTATION.md drops the department from a role)."""
    m = _DEPARTMENT.match(name)
    return m.group(1) if m else None


def government_jurisdiction(name: str) -> str | None:
    """``永济市人民政府`` -> ``永济市``, ``县政府`` -> ``县``; None for a name that is no government."""
    m = _GOVERNMENT.match(name)
    return m.group(1) if m and m.group(1) else None


def unit_name(body: Entity, unit: str) -> str:
    """The body of a unit written as a bare word after ``body``: ``组织部`` of 中共某市委 (or of
    the place 某市, whose Party committee the title named) -> ``中共某市委组织部``; of 某大学党委 ->
    ``中共某大学委员会组织部`` (``纪委`` -> ``中共某大学纪律检查委员会``); ``医学部`` of 某大学党委
    -> ``某大学医学部`` (not a Party department: the unit's); of any other body, body + unit."""
    m = None if body.label == "LOC" else _PLACE_COMMITTEE.match(body.name)
    place = body.name if body.label == "LOC" else m.group(1) if m else None
    department = PARTY_DEPARTMENTS.get(unit)
    if place:
        return f"中共{place}{department}" if unit == _DISCIPLINE else f"中共{place}委{department or unit}"
    owner = unit_of_party_body(body.name) or body.name
    if department:  # 某大学党委副书记、纪委书记: the title named the committee, the department is its
        return f"中共{owner}{department}" if unit == _DISCIPLINE else f"中共{owner}委员会{department}"
    return owner + unit


def party_department(committee: str, unit: str) -> str | None:
    """``宣传部`` written bare after its committee in a chain of titles (``某县委常委、宣传部部长``):
    the department by its official name, ``中共某县委宣传部``. ``committee``: the committee's name as
    the article resolved it (``中共某县委``, ``中国共产党某县委员会``, ``某州某县县委``, ``某大学党委``);
    None if ``unit`` is no Party department or ``committee`` no Party committee."""
    if unit not in PARTY_DEPARTMENTS:
        return None
    if unit_of_party_body(committee):
        return unit_name(Entity("", "ORG", committee, (), ()), unit)
    m = _ANY_COMMITTEE.match(committee)
    rest, place = (m.group(1), "") if m else ("", "")
    while (lead := leading_place(rest)) and lead not in ("全国", "全省"):
        place, rest = lead, rest[len(lead):]
    # 某州某县县委: the division's character written again before 委 is the same committee.
    if place.endswith(_DIVISION_ENDS) and rest in ("", place[-1]):
        return unit_name(Entity("", "LOC", place, (), ()), unit)
    known = _PLACE_COMMITTEE.match(committee)
    if known and not known.group(1).startswith(("中共", "中国共产党")):  # a place the gazetteer does not know
        return unit_name(Entity("", "ORG", committee, (), ()), unit)
    return None


#: A Party committee's name: what is before 委 or 委员会 (with 中共 or 中国共产党 before it or not).
_ANY_COMMITTEE = re.compile(r"^(?:中国共产党|中共)?(.+?)(?:委员会|委)$")
_DIVISION_ENDS = ("省", "市", "县", "区", "州", "旗")


#: Titles separated by 、 between a Party committee and its department (常委、, 副书记、).
_TITLE_CHAIN = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}、)+$")


def party_departments(text: str, mentions: list[Mention], names: dict[Mention, str]) -> dict[Mention, str]:
    """``某县委常委、宣传部部长``: a Party department written bare in a chain of titles after its
    committee is that committee's department (``中共某县委宣传部``, ``party_department``), and
    ``某大学党委副书记、党委统战部部长`` the department of the unit's Party committee
    (``中共某大学委员会统一战线工作部``); only when nothing but titles and 、 stands between the two,
    so a bare 宣传部 elsewhere stays."""
    out: dict[Mention, str] = {}
    for before, m in pairwise(mentions):
        between = text[before.end : m.start]
        if m.label == before.label == "ORG" and m.sentence == before.sentence and _TITLE_CHAIN.match(between):
            unit, committee = clean(m.text), names[before]
            if unit.startswith(_UNIT_COMMITTEE) and unit[len(_UNIT_COMMITTEE) :] in PARTY_DEPARTMENTS:
                # 某大学党委副书记、副校长、党委统战部部长: the department of the unit's Party committee
                unit = unit[len(_UNIT_COMMITTEE) :]
                committee += "" if unit_of_party_body(committee) else _UNIT_COMMITTEE
            name = party_department(committee, unit)
            if name:
                out[m] = name
    return out


#: A unit's Party committee written before one of its departments in a chain (、党委统战部部长).
_UNIT_COMMITTEE = "党委"


def _merged(relations: list[Relation]) -> list[Relation]:
    """Relations that became one (two titles of one committee, now of its unit) keep all their evidence."""
    by_key: dict[tuple, Relation] = {}
    for r in relations:
        key = (r.kind, r.head, r.tail, r.role)
        if key in by_key:
            evidence = tuple(sorted({*by_key[key].evidence, *r.evidence}))
            by_key[key] = replace(by_key[key], evidence=evidence, weight=len(evidence))
        else:
            by_key[key] = r
    return list(by_key.values())


def _governments_in_text(text: str) -> set[str]:
    """Governments written anywhere in an article, as ``X人民政府`` with X a full place name of the
    gazetteer: in a document's title too (``《甲省人民政府、乙大学合作协议》``), where no mention is."""
    gazetteer = load_gazetteer()
    found = set()
    for m in re.finditer("人民政府", text):
        names = (text[m.start() - n : m.start()] for n in range(_PLACE_MAX, 1, -1) if m.start() >= n)
        place = next((x for x in names if (p := gazetteer.resolve(x)) is not None and p.name == x), None)
        if place:
            found.add(place)
    return found


def _government(
    entities: dict[str, Entity], docs: set[str], level: str, place: str | None, texts: dict[str, str]
) -> str | None:
    """The one government of ``level`` named in ``docs`` (of ``place`` if the title names one):
    an entity mentioned there, else one written in the text with no mention (created without mentions)."""
    found = _government_entities(entities, docs, level, place)
    if found is None:
        written = {w for d in sorted(docs) for w in _governments_in_text(texts.get(d, ""))}
        matching = {w for w in written if _fits(w, level, place)}
        if len(matching) != 1:
            return None
        return _unit(entities, f"{matching.pop()}人民政府", docs)
    return found


def _fits(where: str, level: str, place: str | None) -> bool:
    if not where.endswith(level) or (where.endswith("自治区") and level == "区"):
        return False
    return not place or where == place or place.endswith(where) or where.endswith(place)


def _government_entities(entities: dict[str, Entity], docs: set[str], level: str, place: str | None) -> str | None:
    found: dict[str, list[str]] = {}
    for key, e in entities.items():
        where = government_jurisdiction(e.name) if e.label == "ORG" else None
        if not where or not _fits(where, level, place) or not docs & {m.doc_id for m in e.mentions}:
            continue
        found.setdefault(where, []).append(key)
    if len(found) != 1:
        return None
    keys = next(iter(found.values()))
    return min(keys, key=lambda k: (not k.endswith("人民政府"), k))


def _unit(entities: dict[str, Entity], unit: str, docs: set[str]) -> str:
    """The entity of a unit known from its Party committee's name: one of that name, else one
    written so in the same article, else a new entity with no mentions (as the gold lists it)."""
    key = f"ORG:{unit}"
    if key in entities:
        return key
    for other, e in sorted(entities.items()):
        if e.label == "ORG" and any(m.doc_id in docs and comparison_form(m.text) == unit for m in e.mentions):
            return other
    entities[key] = Entity(key, "ORG", unit, (), ())
    return key


def _party_committee(entities: dict[str, Entity], place: str, docs: set[str]) -> str:
    """``永济市委书记``: the Party committee of the place, 中国共产党X委员会 by the official form
    of the name; an organization of the article written as ``X委``/``中共X委`` if there is one."""
    written = {f"{place}委", f"中共{place}委"}
    for key, e in sorted(entities.items()):
        if e.label == "ORG" and any(m.doc_id in docs and comparison_form(m.text) in written for m in e.mentions):
            return key
    return _unit(entities, f"中国共产党{place}委员会", docs)


def resolve_posts(
    entities: dict[str, Entity], relations: list[Relation], texts: dict[str, str] | None = None
) -> tuple[list[Relation], set[str]]:
    """Posts moved to the body they are in: to a unit named from its body (``UNIT_ROLE``), from
    a unit's Party committee to the unit, from a place (or nothing) to the government of a head
    of government's level the text names, and from a place written ``X委`` before any other
    title to the place's Party committee. Returns the relations and the committees whose posts
    moved (the names were a title's prefix, not a body the text speaks of)."""
    out: list[Relation] = []
    committees: set[str] = set()
    for r in relations:
        if r.kind == UNIT_ROLE:
            unit, title = r.role.split(UNIT_MARK, 1)
            body = entities.get(r.tail) if r.tail else None
            docs = {doc_id for doc_id, *_ in r.evidence}
            tail = _unit(entities, unit_name(body, unit), docs) if body is not None else None
            out.append(replace(r, kind="role", tail=tail, role=title))
            continue
        target = entities.get(r.tail) if r.kind == "role" and r.tail else None
        if r.kind != "role" or (target is not None and target.label not in ("ORG", "LOC")):
            out.append(r)
            continue
        docs = {doc_id for doc_id, *_ in r.evidence}
        level = government_level(r.role)
        unit = unit_of_party_body(target.name) if target is not None and target.label == "ORG" else None
        tail = r.tail
        if level and (target is None or target.label == "LOC"):
            tail = _government(entities, docs, level, target.name if target is not None else None, texts or {})
        elif unit:
            committees.add(r.tail)
            tail = _unit(entities, unit, docs)
        elif target is not None and (hospital := hospital_of_department(target.name)):
            tail = _unit(entities, hospital, docs)
        elif target is not None and target.label == "LOC":
            tail = _party_committee(entities, target.name, docs)
        out.append(replace(r, tail=tail))
    return _merged(out), committees
