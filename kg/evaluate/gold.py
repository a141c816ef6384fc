"""Scores of a graph against hand-made gold files (``ANNOTATION.md``): mentions, linking, relations.

Mentions compare after this module's own ``normalise_mention`` (the rule in
``ANNOTATION.md``), not ``kg.link.names.clean``, so changing the extractor's helpers
can never quietly move the target it is measured against.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from fnmatch import fnmatch
from itertools import combinations
from pathlib import Path

from kg import model
from kg.errors import InputError
from kg.evaluate.scores import LINK_KINDS, RELATION_KINDS, TYPES, Scores, compare
from kg.normalise import comparison_form

Triple = tuple[str, str, str]  # (doc_id, type, normalised mention)

#: ANNOTATION.md's comparison form: NFKC, no whitespace, no quote or title marks.
normalise_mention = comparison_form


@dataclass(frozen=True)
class GoldDoc:
    """One gold file: ``entities`` maps ``(type, id)`` to the normalised mentions in this document;
    ``relations["role"]`` holds ``(person, role, org or "")``, ``relations["suborg"]`` ``(child, parent)``,
    ``relations["organizer"]`` ``(program, org)``, ``relations["partner"]`` the two bodies in sorted order.
    """

    doc: str
    entities: dict[tuple[str, str], tuple[str, ...]]
    relations: dict[str, frozenset[tuple[str, ...]]]


def _parse_gold(path: Path, data: dict) -> GoldDoc:
    """One gold file's JSON; mentions and titles normalised again, in case an annotator forgot."""
    entities = {
        (str(e["type"]), str(e["id"])): tuple(normalise_mention(str(m)) for m in e.get("mentions", []))
        for e in data.get("entities", [])
    }
    relations = data.get("relations", [])
    roles = frozenset(
        (r["person"], normalise_mention(r["role"]), r.get("org") or "") for r in relations if r["rel"] == "role"
    )
    suborgs = frozenset((r["child"], r["parent"]) for r in relations if r["rel"] == "suborg")
    organizers = frozenset((r["program"], r["org"]) for r in relations if r["rel"] == "organizer")
    partners = frozenset(tuple(sorted((r["a"], r["b"]))) for r in relations if r["rel"] == "partner")
    kinds = {"role": roles, "suborg": suborgs, "organizer": organizers, "partner": partners}
    return GoldDoc(str(data.get("doc") or path.stem + ".txt"), entities, kinds)


def load_gold(gold_dir: Path) -> dict[str, GoldDoc]:
    """Read every ``*.json`` gold file of ``gold_dir`` by document; raise ``InputError`` naming a bad one."""
    if not gold_dir.is_dir():
        raise InputError(gold_dir, "not a folder" if gold_dir.exists() else "no such folder")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(gold_dir, "folder holds no .json gold files")
    gold: dict[str, GoldDoc] = {}
    for path in files:
        try:
            doc = _parse_gold(path, json.loads(path.read_text(encoding="utf-8")))
        except json.JSONDecodeError as exc:
            raise InputError(path, f"invalid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from exc
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(path, f"not a gold file ({type(exc).__name__}: {exc})") from exc
        if doc.doc in gold:
            raise InputError(path, f"second gold file for {doc.doc}")
        gold[doc.doc] = doc
    return gold


def _in_scope(graph: model.Graph, gold: Mapping[str, GoldDoc]) -> dict[str, GoldDoc]:
    """Gold documents the graph was built from: a gold file for an article not read scores nothing."""
    built = {d.doc_id for d in graph.documents}
    return {doc_id: g for doc_id, g in gold.items() if doc_id in built}


def _graph_triples(graph: model.Graph, docs: Mapping[str, GoldDoc]) -> Iterator[tuple[Triple, str]]:
    """Each graph mention in a gold document, as its triple and the key of the entity holding it."""
    for entity in graph.entities:
        for m in entity.mentions if entity.label in TYPES else ():
            text = normalise_mention(m.text)
            if m.doc_id in docs and text:
                yield (m.doc_id, entity.label, text), entity.key


def score_mentions(graph: model.Graph, gold: Mapping[str, GoldDoc]) -> Scores:
    """P/R/F1 of distinct (document, type, normalised mention) triples, per type; errors ``(doc, mention)``.

    Only documents with a gold file (and in the graph) count; a mention found
    twice in one document counts once, as gold lists distinct surface forms.
    """
    docs = _in_scope(graph, gold)
    predicted: dict[str, set[tuple]] = defaultdict(set)
    expected: dict[str, set[tuple]] = defaultdict(set)
    for (doc_id, label, text), _ in _graph_triples(graph, docs):
        predicted[label].add((doc_id, text))
    for g in docs.values():
        for (label, _), mentions in g.entities.items():
            expected[label].update((g.doc, m) for m in mentions if m)
    return compare(predicted, expected, TYPES)


def score_linking(graph: model.Graph, gold: Mapping[str, GoldDoc]) -> Scores:
    """Pairwise linking scores over the correctly found mentions, keyed ``within`` and ``across``.

    Definition: take the triples (doc, type, normalised mention) present both
    in gold and in the graph. Each has a gold entity (the ``(type, id)`` whose
    ``mentions`` in that document list it; if several, the first) and a graph
    entity (the key of the entity holding it; if several, the first). Over every unordered pair of distinct
    triples: gold-linked if the gold entities are equal, graph-linked if the
    graph keys are equal. tp = both, fp = graph-linked only, fn = gold-linked
    only, so precision = tp / graph-linked and recall = tp / gold-linked.
    Pairs from one document count under ``within``, from two under ``across``;
    ``micro`` is all pairs. Errors are the pairs of triples. Missed or invented
    mentions are the business of ``score_mentions``, not of linking.
    """
    docs = _in_scope(graph, gold)
    gold_of: dict[Triple, tuple[str, str]] = {}
    for g in docs.values():
        for (label, gold_id), mentions in sorted(g.entities.items()):
            for text in mentions:
                gold_of.setdefault((g.doc, label, text), (label, gold_id))
    graph_of: dict[Triple, str] = {}
    for triple, key in sorted(_graph_triples(graph, docs), key=lambda tk: tk[1]):
        graph_of.setdefault(triple, key)
    found = sorted(gold_of.keys() & graph_of.keys())
    predicted: dict[str, set[tuple]] = defaultdict(set)
    expected: dict[str, set[tuple]] = defaultdict(set)
    for a, b in combinations(found, 2):
        kind = LINK_KINDS[a[0] != b[0]]
        for linked, side in ((graph_of, predicted), (gold_of, expected)):
            if linked[a] == linked[b]:
                side[kind].add((a, b))
    return compare(predicted, expected, LINK_KINDS)


def map_entities(graph: model.Graph, gold: Mapping[str, GoldDoc]) -> dict[str, str]:
    """Graph entity key -> gold id, so relations compare although names differ: the gold entity
    of its type sharing the most (document, normalised mention) pairs (ties: the one its name
    equals, then the first id); with none shared, the gold id equal to its name (how entities
    with no mentions, such as parent bodies, are credited); else its own name (a false positive).
    """
    gold_pairs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for g in gold.values():
        for entity, mentions in g.entities.items():
            gold_pairs[entity].update((g.doc, m) for m in mentions)
    mapping: dict[str, str] = {}
    for entity in graph.entities:
        name = normalise_mention(entity.name)
        pairs = {(m.doc_id, normalise_mention(m.text)) for m in entity.mentions}
        ids = sorted(i for t, i in gold_pairs if t == entity.label)
        best = max(ids, key=lambda i: (len(pairs & gold_pairs[(entity.label, i)]), i == name), default="")
        shared = bool(best and pairs & gold_pairs[(entity.label, best)])
        mapping[entity.key] = best if shared else name if name in ids else entity.name
    return mapping


def score_relations(graph: model.Graph, gold: Mapping[str, GoldDoc]) -> Scores:
    """P/R/F1 of ``role`` ``(person, role, org or "")``, ``suborg`` ``(child, parent)``,
    ``organizer`` ``(program, org)`` and ``partner`` (unordered pair) tuples.

    Entities become gold ids by ``map_entities``; titles compare normalised. A graph relation
    counts if its evidence cites a gold document or (``suborg`` has none) its head is mentioned in one.
    """
    docs = _in_scope(graph, gold)
    to_gold = map_entities(graph, docs)
    mentioned_in = {e.key: {m.doc_id for m in e.mentions} for e in graph.entities}
    predicted: dict[str, set[tuple]] = defaultdict(set)
    for r in graph.relations:
        cited = {doc_id for doc_id, _, _ in r.evidence} or mentioned_in.get(r.head, set())
        if r.kind not in RELATION_KINDS or not cited & docs.keys():
            continue
        head = to_gold.get(r.head, r.head)
        tail = to_gold.get(r.tail, r.tail) if r.tail is not None else ""
        if r.kind == "role":
            predicted[r.kind].add((head, normalise_mention(r.role), tail))
        else:
            predicted[r.kind].add(tuple(sorted((head, tail))) if r.kind == "partner" else (head, tail))
    expected = {kind: {t for g in docs.values() for t in g.relations[kind]} for kind in RELATION_KINDS}
    return compare(predicted, expected, RELATION_KINDS)


def split_gold(gold: Mapping[str, GoldDoc], check: str) -> tuple[dict[str, GoldDoc], dict[str, GoldDoc]]:
    """(development, check) gold documents: ``check`` is comma-separated shell patterns
    matched against each document's name and its gold file's name (``fjt_08.txt``,
    ``fjt_08.json``); every other document is development."""
    patterns = [p.strip() for p in check.split(",") if p.strip()]

    def held_out(doc: str) -> bool:
        return any(fnmatch(name, p) for p in patterns for name in (doc, Path(doc).stem + ".json"))

    dev = {d: g for d, g in gold.items() if not held_out(d)}
    return dev, {d: g for d, g in gold.items() if held_out(d)}


@dataclass(frozen=True)
class Report:
    """The three scores of one gold set against one graph, and how many documents were scored."""

    mentions: Scores
    links: Scores
    relations: Scores
    documents: int


def score_all(graph: model.Graph, gold: Mapping[str, GoldDoc]) -> Report:
    docs = _in_scope(graph, gold)
    return Report(score_mentions(graph, gold), score_linking(graph, gold), score_relations(graph, gold), len(docs))
