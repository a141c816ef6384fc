"""The graph model: linked entities and relations, completed with what their names imply.

Linking knows which mentions are one thing; this stage adds the structure that
names carry by themselves, and knows no file format:

* a place's containing divisions (``建瓯市`` -> ``南平市`` -> ``福建省``), from the
  gazetteer, as entities with no mentions when the text never names them;
* ``located``: where a body is, from the place its name starts with
  (``南平市第一医院`` -> ``南平市``);
* ``suborg`` for an affiliated body (``厦门大学附属第一医院`` -> ``厦门大学``) and for
  a named unit written with its parent (``福建省医学会神经外科学分会`` ->
  ``福建省医学会``, ``福建省立医院党委`` -> ``福建省立医院``) when the parent is
  itself an organization of the corpus;
* ``cooccur`` between entities mentioned near each other in one sentence, by the
  bounded rule of ``kg.cooccurrence`` (a long list of names is not every pair).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.cooccurrence import cooccurrences
from kg.gazetteer import Place, load_gazetteer
from kg.link import entity_key, place_attributes
from kg.model import Document, Entity, Graph, Relation
from kg.names import leading_place
from kg.posts import BODY_SUFFIXES, resolve_posts

_AFFILIATED = "附属"
_MIN_PARENT = 4
_ORDINAL_END = re.compile("第[一二三四五六七八九十]+$")
#: Bodies that have affiliated hospitals and schools of their own.
_ACADEMIC = ("大学", "学院", "科学院", "医学院", "医科大学")
_GROUPS = ("集团",)
_AFFILIATED_ENDS = ("医院", "中医院", "卫生院")
_SCHOOLS = ("学院", "医学部", "研究院", "研究所", "中学", "小学", "学校")
#: Endings of a named unit or branch of the body written before it.
_UNIT_ENDS = ("分局", "分院", "分中心", "分会", "分社", "支社", "支部", "院区", "办公室", "处", "科")
#: A department of a place's Party committee: 中共X委组织部, X委统战部, X委老干部局, X委办公室.
_PARTY_DEPARTMENT = re.compile(r"^(?:中共)?(.{2,8}?[省市县区州])委(?!员会|会)(?:[^委]{1,8}(?:部|局|办公室|室|委员会))$")
#: Characters that make a body's ending into a word (校长, 会员, 院士) instead of ending it.
_TITLE_AFTER_BODY = "长员士"
#: Endings of a complete body (a parent), from the organization suffix lists.
_BODY_ENDS = tuple(w for w in BODY_SUFFIXES if len(w) >= 2)


def _with_place_hierarchy(entities: dict[str, Entity]) -> None:
    gazetteer = load_gazetteer()
    for key in sorted(entities):
        entity = entities[key]
        code = entity.attribute("placeCode")
        while code is not None:
            parents = gazetteer.ancestors(code)
            if not parents:
                break
            parent = parents[0]
            parent_key = entity_key("LOC", parent.name)
            entities[key] = replace(entity, attributes=(*entity.attributes, ("parent", parent_key)))
            if parent_key in entities:
                break
            entity = Entity(parent_key, "LOC", parent.name, (), (), place_attributes(parent))
            entities[parent_key] = entity
            key, code = parent_key, parent.code


def _party_committee_parent(name: str) -> str | None:
    """``(中共)X委组织部``, ``X委统战部``, ``X委老干部局``: a department of place X's Party
    committee, whose official name is 中国共产党X委员会 (X a full place name of the gazetteer)."""
    m = _PARTY_DEPARTMENT.match(name)
    if not m:
        return None
    place = load_gazetteer().resolve(m.group(1))
    return f"中国共产党{place.name}委员会" if place is not None and place.name == m.group(1) else None


def _parent_by_structure(name: str) -> str | None:
    """The parent a name carries in its own structure, whether or not the corpus names it.

    ``X大学医学院附属(第一)Y医院`` -> ``X大学医学院`` (the ordinal belongs to the hospital);
    ``X大学医学院`` -> ``X大学``; ``X科学院肿瘤医院``, ``X集团Y医院`` -> the academy, the group;
    ``X局Y分局``, ``X会Y分会``, ``X委员会Y处/办公室``, ``X医院Y院区`` -> X. The parent must end
    like a complete body (``湖医附属…`` names no parent: 湖医 is a short form)."""
    committee = _party_committee_parent(name)
    if committee:
        return committee
    at = name.find(_AFFILIATED, 2)
    if at > 0:
        parent = _ORDINAL_END.sub("", name[:at])
        rest = name[at + len(_AFFILIATED) :]
        return parent if parent.endswith(_ACADEMIC) and rest.endswith(_AFFILIATED_ENDS) else None
    for cut in range(len(name) - 2, _MIN_PARENT - 1, -1):
        parent, unit = name[:cut], name[cut:]
        if not parent.endswith(_BODY_ENDS) or unit[0] in _TITLE_AFTER_BODY:
            continue  # 某大学校|长办公室: 校长 is a word, the body is 某大学
        if parent.endswith("医院") and unit.endswith("中心"):
            return parent  # 某医院|生殖医学中心: a centre of the hospital
        if parent.endswith(("委员会", "部")) and unit.endswith("局"):
            return parent  # 某卫生健康委员会|综合监督执法局, 某部|某局
        if unit.endswith(_UNIT_ENDS) or (
            parent.endswith(_ACADEMIC + _GROUPS) and unit.endswith(_AFFILIATED_ENDS + _SCHOOLS)
        ):
            return parent
        if parent.endswith("委员会") and unit.endswith("委员会"):
            return parent  # 某人大常务委员会|教育科学文化卫生工作委员会
    return None


def _suborganizations(entities: dict[str, Entity], titles_only: set[str] = frozenset()) -> list[Relation]:
    """``suborg`` from the structure of names: a body of the corpus whose name starts another
    one's (the longest), else the parent the name's own structure gives (``_parent_by_structure``),
    created with no mentions if the text never names it alone; parents get theirs in turn.

    ``titles_only``: Party committees written only before their members' titles
    (``北京大学党委常委``), whose posts ``kg.posts`` moved to the unit: no body of their own."""
    # (name, key): a body kept within its article (key ``…#2``) shares its name with others
    orgs = sorted((e.name, e.key) for e in entities.values() if e.label == "ORG" and e.key not in titles_only)
    names = {name for name, _ in orgs}
    out: list[Relation] = []
    queue = list(orgs)
    while queue:
        name, key = queue.pop(0)
        prefixes = [p for p in names if len(p) >= _MIN_PARENT and p != name and name.startswith(p)]
        parent = _parent_by_structure(name) if _AFFILIATED in name[2:] else _party_committee_parent(name)
        parent = parent or (max(prefixes, key=len) if prefixes else _parent_by_structure(name))
        if not parent:
            continue
        parent_key = entity_key("ORG", parent)
        if parent_key not in entities:
            entities[parent_key] = Entity(parent_key, "ORG", parent, (), ())
        if parent not in names:
            names.add(parent)
            queue.append((parent, parent_key))
        out.append(Relation("suborg", key, parent_key))
    return out


def _names_a_place(prefix: str, place: Place) -> bool:
    """A full name always does; a short one only for a province, prefecture or county-level
    city (厦门大学 is in 厦门市; 新华社 is not in 新华区, nor 金山医院 in 金山区)."""
    return prefix == place.name or place.level in ("province", "prefecture") or place.name.endswith("市")


def _locations(entities: dict[str, Entity], province: str | None) -> list[Relation]:
    """Where a body is, from the place its name starts with (南平市第一医院 is in 南平市):
    ``located`` relations, and the place as an entity (no mentions) if the text never names it alone."""
    gazetteer = load_gazetteer()
    context = gazetteer.resolve(province) if province else None
    out: list[Relation] = []
    for key in sorted(k for k, e in entities.items() if e.label == "ORG"):
        prefix = leading_place(entities[key].name)
        if prefix in ("", "全国", "全省"):
            continue
        place = gazetteer.resolve(prefix, context.code if context else None)
        if place is None or not _names_a_place(prefix, place):
            continue
        place_key = entity_key("LOC", place.name)
        if place_key not in entities:
            entities[place_key] = Entity(place_key, "LOC", place.name, (), (), place_attributes(place))
        out.append(Relation("located", key, place_key))
    return out


def _unsaid(implied: list[Relation], said: list[Relation]) -> list[Relation]:
    """Relations implied by names that the text does not already state (with its evidence)."""
    stated = {(r.kind, r.head, r.tail) for r in said}
    return [r for r in implied if (r.kind, r.head, r.tail) not in stated]


def build_graph(
    documents: list[Document], entities: list[Entity], relations: list[Relation], province: str | None = None
) -> Graph:
    """Assemble the ``Graph`` every exporter reads, in a canonical order."""
    # co-occurrence by the bounded rule of kg.cooccurrence, whatever pairs linking offers
    relations = [*(r for r in relations if r.kind != "cooccur"), *cooccurrences(entities)]
    by_key = {e.key: e for e in entities}
    relations, committees = resolve_posts(by_key, relations, {d.doc_id: d.text for d in documents})
    extra = _locations(by_key, province)
    _with_place_hierarchy(by_key)
    extra += _suborganizations(by_key, committees)
    return Graph(
        documents=tuple(sorted(documents, key=lambda d: d.doc_id)),
        entities=tuple(by_key[k] for k in sorted(by_key)),
        relations=tuple(
            sorted({*relations, *_unsaid(extra, relations)}, key=lambda r: (r.kind, r.head, r.tail or "", r.role))
        ),
        province=province,
    )
