"""Partners named by an agreement's title: ``《A、B全面战略合作协议》`` says A and B signed it.

A news report often names the parties of an agreement only in its title (``四川省人民政府、北京大学
全面深化战略合作协议``) while the text calls one of them by a deictic (``我省``) or not at all. The
title's parties are partners (ANNOTATION.md: agreements signed), each the body of the article of that
name (or of its official form, ``full_name``), else a body kept with no mentions, as a parent known
only from inside a longer name is (``kg.link.suborgs``). Read by the graph model; no pipeline is loaded.
"""

from __future__ import annotations

from itertools import combinations

from kg.conventions import BODY_SUFFIXES
from kg.link.corpus import entity_key
from kg.link.names import bare_prefix
from kg.link.suborgs import full_name
from kg.model import Entity, Relation

__all__ = ["agreement_partners", "parties"]

#: Endings of an agreement's title.
_AGREEMENTS = ("协议", "协议书", "备忘录")
#: Words joining the parties of a title (、, 与, 和, 及), after a party's complete name.
_JOINS = "、与和及"
#: Endings of a complete body: two characters or more, or a government department's (财政厅, 教育局);
#: 社, 所, 部 alone end too many words.
_ENDS = (*(s for s in BODY_SUFFIXES if len(s) >= 2), "局", "厅", "委", "院")
_MIN_PARTY = 4


def parties(title: str) -> list[str]:
    """``A、B…合作协议`` -> ``[A, B]``: each party but the last is a complete body's name followed by a
    join; the last is the longest complete body's name that opens the rest. Fewer than two: ``[]``."""
    if not title.endswith(_AGREEMENTS):
        return []
    found: list[str] = []
    rest = title
    while True:
        cut = next(
            (k for k in range(_MIN_PARTY, len(rest) - 1) if rest[k] in _JOINS and rest[:k].endswith(_ENDS)),
            None,
        )
        if cut is None:
            break
        found.append(rest[:cut])
        rest = rest[cut + 1 :]
    last = next((rest[:k] for k in range(len(rest) - 2, _MIN_PARTY - 1, -1) if rest[:k].endswith(_ENDS)), None)
    if not found or last is None:
        return []
    return [*found, last]


def _body(name: str, docs: set[str], orgs: dict[str, list[Entity]]) -> Entity | None:
    """The body of the corpus a party's name stands for: one of that name or official form that the
    agreement's article names, else one of that name anywhere; None if there is none."""
    for key in (name, full_name(name)):
        here = [e for e in orgs.get(key, []) if {m.doc_id for m in e.mentions} & docs]
        if here:
            return here[0]
    return next(iter(orgs.get(name, [])), None)


def agreement_partners(entities: dict[str, Entity]) -> list[Relation]:
    """``partner`` between every two parties an agreement's title names (``parties``), citing the
    sentences that name the agreement; a party the corpus does not name is added with no mentions,
    in official form, unless its name needs a place the title does not write (``市政府``)."""
    orgs: dict[str, list[Entity]] = {}
    for key in sorted(entities):
        e = entities[key]
        if e.label == "ORG":
            orgs.setdefault(e.name, []).append(e)
            orgs.setdefault(full_name(e.name), []).append(e)
    out: list[Relation] = []
    for key in sorted(entities):
        doc = entities[key]
        names = parties(doc.name) if doc.label == "DOC" else []
        if not names or any(bare_prefix(n) for n in names):
            continue
        docs = {m.doc_id for m in doc.mentions}
        evidence = tuple(sorted({(m.doc_id, *m.sentence) for m in doc.mentions if m.sentence[0] < m.sentence[1]}))
        keys = []
        for name in names:
            body = _body(name, docs, orgs)
            if body is None:
                official = full_name(name)
                body = Entity(entity_key("ORG", official), "ORG", official, (), ())
                entities[body.key] = body
                orgs.setdefault(official, []).append(body)
            keys.append(body.key)
        out.extend(Relation("partner", a, b, evidence=evidence) for a, b in combinations(sorted(set(keys)), 2))
    return out
