"""Which body a body is part of, from the structure of names (``kg.graph`` adds it to the graph).

A name often carries its parent: ``厦门大学附属第一医院`` (厦门大学), ``某省人大教科文卫委员会``
(the congress), ``中共某市委组织部`` (the city's Party committee), ``某医院党委`` (the hospital),
``某局某分局`` (``kg.link.name_parents`` reads it). The parent is the body of the corpus it names, looked
up by each start of the child's name, in its official form (``full_name``) and, for a bare ``市``/``区``
prefix, in the child's own article; else it is made with no mentions, in official form, when the child's
name writes it (``老龄办`` writes no committee). Each relation cites the sentences naming the child.
"""

from __future__ import annotations

from collections import defaultdict

from kg.link.corpus import entity_key
from kg.link.name_parents import (
    AFFILIATED,
    BRANCH,
    CONGRESS,
    CORPUS_BODY_ENDS,
    MIN_PARENT,
    NOT_PARTY_UNITS,
    TITLE_AFTER_BODY,
    full_name,
    parent_by_structure,
    party_committee_parent,
)
from kg.link.names import PARTY_NAMES, bare_prefix
from kg.link.party_units import CITY_COMMITTEE, branch_committee, committee_of_unit, party_of_place_committee
from kg.model import Entity, Relation

__all__ = ["full_name", "parent_by_structure", "suborganizations"]


def _corpus_parent(name: str, names: set[str]) -> str | None:
    """The longest body of the corpus whose whole name starts ``name`` and ends like a body,
    the rest being no word run on from it (``某委员会`` is no unit of ``某委``); found by looking
    up each start of ``name``, so the cost does not grow with the corpus."""
    for cut in range(len(name) - 1, MIN_PARENT - 1, -1):
        prefix = name[:cut]
        if prefix in names and prefix.endswith(CORPUS_BODY_ENDS) and name[cut] not in TITLE_AFTER_BODY:
            return prefix
    return None


def _written_in_child(child: Entity) -> bool:
    """Whether a parent the corpus does not name is written inside a name of the child: a short
    form that leaves out the child's own head (``某县人大`` for its standing committee, ``某某办``
    for a committee's office) names no structure, so no parent is made up from it."""
    return not child.mentions or any(v.endswith(child.name[-1]) for v in child.variants)


def _standing_committee(name: str) -> bool:
    """A congress's standing committee: news calls it the congress itself (某县人大 for its
    standing committee), so it is under the congress only when the corpus names the congress
    or another of its organs does (a special committee), never a congress made up from it alone."""
    m = CONGRESS.match(name)
    return bool(m and m.group(3) and not m.group(4))


def _docs(entity: Entity) -> set[str]:
    return {m.doc_id for m in entity.mentions}


class _Bodies:
    """The corpus's organizations by name, by official form and by article, as parents are looked up."""

    def __init__(self, entities: dict[str, Entity], left_out: set[str]) -> None:
        self.entities = entities
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_full: dict[str, list[str]] = defaultdict(list)
        self.by_doc: dict[str, list[str]] = defaultdict(list)
        for key in sorted(entities):
            if entities[key].label == "ORG" and key not in left_out:
                self.add(key)

    def add(self, key: str) -> None:
        entity = self.entities[key]
        self.by_name[entity.name].append(key)
        self.by_full[full_name(entity.name)].append(key)
        for doc in sorted(_docs(entity)):
            self.by_doc[doc].append(key)

    def find(self, parent: str, docs: set[str]) -> str | None:
        """The entity a parent's name stands for: one of that name (in the child's article, if the
        name is kept to its article), else one of the child's article whose official form it is
        (福建省政协 for 中国人民政治协商会议福建省委员会; in another article a namesake needs evidence
        the linker did not find), else one of the child's article whose name ends with a name left
        with a bare prefix (区卫生健康局 -> 某新区卫生健康局); None if there is none."""
        keys = self.by_name.get(parent, [])
        here = [k for k in keys if _docs(self.entities[k]) & docs]
        if here or (keys and not bare_prefix(parent)):
            return (here or keys)[0]
        here = [k for k in self.by_full.get(full_name(parent), []) if _docs(self.entities[k]) & docs]
        if here:
            return here[0]
        if not bare_prefix(parent):
            return None
        local = sorted(
            {
                k
                for doc in docs
                for k in self.by_doc.get(doc, [])
                if self.entities[k].name.endswith(parent) and len(self.entities[k].name) > len(parent)
            }
        )
        return local[0] if len(local) == 1 else None


def _evidence(entity: Entity, named_in: dict[str, set[tuple[str, int, int]]]) -> tuple[tuple[str, int, int], ...]:
    """The sentences that name a body: the first of each article its mentions are in, else (a body
    known only from a title or a longer name) the evidence of the relations that name it."""
    first: dict[str, tuple[int, int]] = {}
    for m in sorted(entity.mentions):
        first.setdefault(m.doc_id, m.sentence)
    if first:
        return tuple(sorted((doc, *span) for doc, span in first.items() if span[0] < span[1]))
    return tuple(sorted(named_in.get(entity.key, ())))


def _named_in(entities: dict[str, Entity], relations: list[Relation]) -> dict[str, set[tuple[str, int, int]]]:
    """Evidence of the relations naming each body that has no mentions (a unit known from a title)."""
    out: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for r in relations:
        for key in (r.head, r.tail):
            if key in entities and not entities[key].mentions:
                out[key].update(r.evidence)
    return out


def _not_a_party_unit(child: str, parent: str) -> bool:
    """A special committee (专委会, 专门委员会) or a 九三学社 branch is a body of a democratic party,
    a congress or a conference, never of the Communist Party's committee whose short name a
    clipped mention (社省委医卫专委会 read as 省委…) happens to start with."""
    return parent.startswith(("中共", "中国共产党")) and child.endswith(NOT_PARTY_UNITS)


def suborganizations(
    entities: dict[str, Entity], titles_only: set[str] = frozenset(), relations: list[Relation] = ()
) -> list[Relation]:
    """``suborg`` from the structure of names: a body of the corpus whose name starts another
    one's (the longest), else the parent the name's own structure gives (``parent_by_structure``),
    found among the corpus's bodies (``_Bodies.find``) or created with no mentions if the text never
    names it alone, unless it is not written in the child at all (``_written_in_child``); parents get
    theirs in turn. Each relation cites the sentences that name the child (``_evidence``).

    ``titles_only``: Party committees written only before their members' titles
    (``北京大学党委常委``), whose posts ``kg.link.posts`` moved to the unit: no body of their own."""
    bodies = _Bodies(entities, set(titles_only))
    names = set(bodies.by_name)
    out: list[Relation] = []
    queue = sorted(k for keys in bodies.by_name.values() for k in keys)
    cited: dict[str, tuple[tuple[str, int, int], ...]] = {}
    named_in = _named_in(entities, [r for r in relations if r.kind != "cooccur"])
    while queue:
        key = queue.pop(0)
        child = entities[key]
        branch = child.name.endswith(BRANCH) and not CITY_COMMITTEE.match(full_name(child.name[: -len(BRANCH)]))
        full = full_name(child.name)
        if branch or full.startswith(PARTY_NAMES):
            # 某县支社, 九三学社省直工委: under its city's, level's or place's committee (kg.link.party_units)
            around = {k: full_name(entities[k].name) for d in _docs(child) for k in bodies.by_doc[d]}
            of = branch_committee(child.name, around) if branch else committee_of_unit(full, around)
            if of and of != key:
                out.append(Relation("suborg", key, of, evidence=_evidence(child, named_in)))
            if of or branch:
                continue
        structural = parent_by_structure(child.name)
        first = structural if AFFILIATED in child.name[2:] or party_committee_parent(child.name) else None
        parent = first or _corpus_parent(child.name, names) or structural
        if not parent:
            continue
        parent_key = bodies.find(parent, _docs(child))
        if parent_key is None:
            parent = full_name(parent)
            if bare_prefix(parent) or not _written_in_child(child) or _standing_committee(child.name):
                continue
            parent_key = entity_key("ORG", parent)
            entities[parent_key] = Entity(parent_key, "ORG", parent, (), ())
            bodies.add(parent_key)
            names.add(parent)
            queue.append(parent_key)
        if parent_key == key or _not_a_party_unit(child.name, entities[parent_key].name):
            continue
        evidence = cited.get(key) or _evidence(child, named_in)
        cited.setdefault(parent_key, evidence)
        out.append(Relation("suborg", key, parent_key, weight=max(1, len(evidence)), evidence=evidence))
    return out + _under_parties(entities, bodies, out, named_in)


def _under_parties(
    entities: dict[str, Entity], bodies: _Bodies, found: list[Relation], named_in: dict[str, set[tuple[str, int, int]]]
) -> list[Relation]:
    """A democratic party's committee of a place (``民革某省委会``) is under the party when its article
    has the party: named there (``九三学社``), or made as the parent of another of its bodies (``民革中央``).
    An article that names only the committee says nothing of the party (no parent is made up for it)."""
    docs_of: dict[str, set[str]] = defaultdict(set)  # each body with the articles of its mentions and its units'
    for key in bodies.by_name.values():
        for k in key:
            docs_of[k] |= _docs(entities[k])
    for r in found:
        docs_of[r.tail] |= _docs(entities[r.head])
    placed = {r.head for r in found}
    out: list[Relation] = []
    for key in sorted(k for keys in bodies.by_name.values() for k in keys):
        child = entities[key]
        party = party_of_place_committee(full_name(child.name))
        if party is None or key in placed:
            continue
        parties = sorted({*bodies.by_full.get(party, []), *bodies.by_name.get(party, [])} - {key})
        here = [k for k in parties if docs_of[k] & _docs(child)]
        if here:
            evidence = _evidence(child, named_in)
            out.append(Relation("suborg", key, here[0], weight=max(1, len(evidence)), evidence=evidence))
    return out
