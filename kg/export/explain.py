"""``explain.jsonl``: what ``kg explain`` shows, computed once by the build.

Why a file of its own rather than more RDF: what explain prints is an account for a
person (the linker's rule in words, the sentence it read, the places that voted for an
article's province), not facts about the world, and reading it must be quick: a line
per entity, found by a substring test and ``json``, with no RDF parser or store (the
layout is in ``kg.explain``, which reads it). The graph files keep the data; this file
keeps the reasons, from the same ``model.Graph`` of the same build.

Article settings are decided here with the build's ``--province`` (``Graph.province``),
as linking decided them, so ``kg explain`` needs neither the gazetteer nor the option.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import IO, Any

from kg.explain import FORMAT, VERSION, Explanation
from kg.export.reuse import SETTINGS_FILE, Reused, input_key, store_of
from kg.gazetteer import load_gazetteer
from kg.link.jurisdiction import article_setting
from kg.model import Document, Entity, Graph, Mention, Relation
from kg.namespaces import iri_for_entity

__all__ = ["explanation", "explanations", "settings", "write_explain"]


def settings(graph: Graph, doc_ids: set[str] | None = None) -> dict[str, tuple[str, ...]]:
    """doc_id -> where the article is set, in words (``Setting.describe``), from the mentions
    of the graph's entities in it and the build's ``--province``; ``doc_ids``: only these.

    Where the build keeps writers' values (``kg.export.reuse``), an article's lines come from
    the last build's if every input is the same (its text, its mentions, the province), and
    the whole graph's are kept for the next build."""
    fallback = load_gazetteer().resolve(graph.province) if graph.province else None
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for entity in graph.entities:
        for mention in entity.mentions:
            mentions[mention.doc_id].append(mention)
    folder = store_of(graph)
    kept = Reused(folder / SETTINGS_FILE if folder is not None else None)

    def described(doc: Document) -> tuple[str, ...]:
        found = mentions[doc.doc_id]
        if kept.path is None:
            return tuple(article_setting(found, fallback, doc.text).describe())
        # every input article_setting reads, as plain data: the province, the text, each mention
        key = input_key(graph.province, doc.text, [(m.doc_id, m.start, m.end, m.label, m.text, m.sentence)
                                                   for m in found])
        return kept.get(key, lambda: tuple(article_setting(found, fallback, doc.text).describe()), _lines)

    described_settings = {d.doc_id: described(d) for d in graph.documents if doc_ids is None or d.doc_id in doc_ids}
    if doc_ids is None:  # the whole graph's: what the next build can reuse
        kept.save()
    return described_settings


def _lines(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(line, str) for line in value)


def explanation(entity: Entity, base: str, texts: Mapping[str, str], relations: Iterable[Relation]) -> Explanation:
    """What ``kg explain`` shows of ``entity``; ``texts``: doc_id -> normalised text (the
    provenance's offsets count in it); ``relations``: those ``entity`` takes part in."""
    return Explanation(
        key=entity.key,
        label=entity.label,
        name=entity.name,
        iri=iri_for_entity(base, entity.label, entity.local_name),
        mentions=len(entity.mentions),
        attributes=entity.attributes,
        variants=entity.variants,
        why=tuple((variant, rule, doc_id, texts.get(doc_id, "")[start:end])
                  for variant, rule, doc_id, start, end in entity.provenance),
        articles=tuple(sorted({m.doc_id for m in entity.mentions})),
        relations=tuple((r.kind, r.role, r.head, r.tail)
                        for r in sorted(relations, key=lambda r: (r.kind, r.head, r.tail or "", r.role))),
    )


def explanations(graph: Graph, base: str) -> list[Explanation]:
    """Every entity's explanation, sorted by key."""
    texts = {d.doc_id: d.text for d in graph.documents}
    involved: dict[str, list[Relation]] = defaultdict(list)
    for rel in graph.relations:
        if rel.kind != "cooccur":
            for key in {rel.head, rel.tail} - {None}:
                involved[key].append(rel)
    return [explanation(e, base, texts, involved[e.key]) for e in sorted(graph.entities, key=lambda e: e.key)]


def _line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def write_explain(graph: Graph, stream: IO[bytes], base: str) -> None:
    """Header, one line per entity, one per article (the layout: ``kg.explain``)."""
    stream.write(_line({"format": FORMAT, "version": VERSION, "province": graph.province, "base": base}))
    for entry in explanations(graph, base):
        stream.write(_line(entry.to_json()))
    for doc_id, lines in sorted(settings(graph).items()):
        stream.write(_line({"article": doc_id, "setting": lines}))
