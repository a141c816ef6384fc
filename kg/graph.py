"""The graph model: linked entities and relations, completed with what their names imply.

Linking knows which mentions are one thing; this stage adds the structure that
names carry by themselves, and knows no file format:

* a place's containing divisions (``建瓯市`` -> ``南平市`` -> ``福建省``), from the
  gazetteer, as entities with no mentions when the text never names them;
* ``located``: where a body is, from the place its name starts with
  (``南平市第一医院`` -> ``南平市``);
* ``suborg`` from the structure of names (``厦门大学附属第一医院`` -> ``厦门大学``,
  ``福建省立医院党委`` -> ``福建省立医院``), by ``kg.link.suborgs``, each citing the
  sentences that name the child;
* ``cooccur`` between entities mentioned near each other in one sentence, by the
  bounded rule of ``kg.cooccurrence`` (a long list of names is not every pair).
"""

from __future__ import annotations

from dataclasses import replace

from kg.cooccurrence import cooccurrences
from kg.gazetteer import Place, load_gazetteer
from kg.link.agreements import agreement_partners
from kg.link.corpus import entity_key, place_attributes
from kg.link.names import leading_place
from kg.link.posts import resolve_posts
from kg.link.suborgs import parent_by_structure, suborganizations
from kg.model import Document, Entity, Graph, Relation

#: Read by tests of the parents names carry (kg.link.suborgs has it under its public name).
_parent_by_structure = parent_by_structure


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
    extra += suborganizations(by_key, committees, relations)
    extra += agreement_partners(by_key)
    return Graph(
        documents=tuple(sorted(documents, key=lambda d: d.doc_id)),
        entities=tuple(by_key[k] for k in sorted(by_key)),
        relations=tuple(
            sorted({*relations, *_unsaid(extra, relations)}, key=lambda r: (r.kind, r.head, r.tail or "", r.role))
        ),
        province=province,
    )
