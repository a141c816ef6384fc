"""Scores: the graph against hand-made gold files (``ANNOTATION.md``), the extractor against public BIO sets.

Mentions compare after this module's own ``normalise_mention`` (the rule in
``ANNOTATION.md``), not ``kg.link.names.clean``, so changing the extractor's helpers
can never quietly move the target it is measured against. Zero denominators
score 0.0 (``support`` tells an empty gold side from a bad system); every score
keeps its false positives and negatives, so a developer sees *which* ones failed.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from fnmatch import fnmatch
from itertools import combinations
from pathlib import Path

from spacy.language import Language

from kg import model
from kg.errors import InputError
from kg.extract import extract
from kg.labels import LABELS
from kg.normalise import comparison_form, normalise

#: Mention types scored against gold: ANNOTATION.md's five, so ``micro`` counts ``DOC`` too.
TYPES: tuple[str, ...] = LABELS
#: Types of the public BIO sets (our PROG has no counterpart there).
BIO_TYPES: tuple[str, ...] = ("PER", "LOC", "ORG")
RELATION_KINDS: tuple[str, ...] = ("role", "suborg", "organizer", "partner")
LINK_KINDS: tuple[str, ...] = ("within", "across")  # linked mention pairs in one document, in two

_BLANK_LINE = re.compile(r"\r?\n(?:[ \t]*\r?\n)+")

Triple = tuple[str, str, str]  # (doc_id, type, normalised mention)
Span = tuple[int, int, str]  # [start, end) in the sentence, type


#: ANNOTATION.md's comparison form: NFKC, no whitespace, no quote or title marks.
normalise_mention = comparison_form


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one score."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Scores:
    """Counts per key (mention type, link or relation kind) with the sorted error tuples behind them."""

    per_type: dict[str, Counts]
    false_positives: dict[str, tuple[tuple, ...]]
    false_negatives: dict[str, tuple[tuple, ...]]

    @property
    def micro(self) -> Counts:
        return sum(self.per_type.values(), Counts())


def _compare(predicted: Mapping[str, set[tuple]], expected: Mapping[str, set[tuple]], keys: tuple[str, ...]) -> Scores:
    per_type, fps, fns = {}, {}, {}
    for key in keys:
        pred, gold = predicted.get(key, set()), expected.get(key, set())
        per_type[key] = Counts(len(pred & gold), len(pred - gold), len(gold - pred))
        fps[key], fns[key] = tuple(sorted(pred - gold)), tuple(sorted(gold - pred))
    return Scores(per_type, fps, fns)


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
    return _compare(predicted, expected, TYPES)


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
    return _compare(predicted, expected, LINK_KINDS)


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
    return _compare(predicted, expected, RELATION_KINDS)


def _spans(tags: list[str]) -> list[Span]:
    """BIO/BMES tags to ``(start, end, type)``; an I/M/E that does not continue its type starts a span."""
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start >= 0 and not (prefix in ("I", "M", "E") and label == kind):
            spans.append((start, i, kind))
            start = -1
        if start < 0 and label and prefix in ("B", "I", "M", "E", "S"):
            start, kind = i, label
        if start >= 0 and prefix in ("E", "S"):
            spans.append((start, i + 1, kind))
            start = -1
    return spans


def read_bio(path: Path) -> list[tuple[str, list[Span]]]:
    """Sentences of a character-per-line file (``CHAR TAG`` or ``CHAR<TAB>TAG``), with their spans."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from exc
    sentences: list[tuple[str, list[Span]]] = []
    for block in filter(None, _BLANK_LINE.split(text.strip("\r\n"))):
        rows = [line.rpartition("\t" if "\t" in line else " ") for line in block.splitlines()]
        if any(not sep or len(char) != 1 for char, sep, _ in rows):
            raise InputError(path, f"sentence {len(sentences) + 1}: a line is not one character, space or tab, tag")
        sentences.append(("".join(c for c, _, _ in rows), _spans([tag.strip() for _, _, tag in rows])))
    return sentences


@dataclass(frozen=True)
class BioScores:
    """Exact-span scores on a BIO file, with the extraction speed (normalise + pipeline)."""

    scores: Scores
    sentences: int
    chars: int
    seconds: float


def score_bio(nlp: Language, path: Path, limit: int | None = None) -> BioScores:
    """Run each sentence (the first ``limit``) through the pipeline; compare exact (start, end, type) spans.

    Spans are mapped back to the sentence as written through ``Document.raw_span``
    (NFKC may change a character), so gold and system count the same characters.
    PROG is ignored. Errors are ``(sentence number, start, end, surface)``.
    """
    sentences = read_bio(path)[:limit]
    started = time.perf_counter()
    documents = (normalise(f"{path.name}:{i}", str(path), text) for i, (text, _) in enumerate(sentences))
    results = list(extract(nlp, documents))
    seconds = time.perf_counter() - started
    predicted: dict[str, set[tuple]] = defaultdict(set)
    expected: dict[str, set[tuple]] = defaultdict(set)
    for i, ((text, spans), result) in enumerate(zip(sentences, results, strict=True)):
        for m in result.mentions:
            if m.label in BIO_TYPES:
                start, end = result.document.raw_span(m.start, m.end)
                predicted[m.label].add((i, start, end, text[start:end]))
        for start, end, label in spans:
            expected[label].add((i, start, end, text[start:end]))
    scores = _compare(predicted, expected, BIO_TYPES)
    return BioScores(scores, len(sentences), sum(len(t) for t, _ in sentences), seconds)


_HEAD = f"{'P':>7}{'R':>7}{'F1':>7}{'support':>9}"


def _cells(c: Counts) -> str:
    return f"{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.support:9d}"


def _table(title: str, scores: Scores, rows: tuple[str, ...], total: str = "micro") -> list[str]:
    items = [(k, scores.per_type[k]) for k in rows] + ([(total, scores.micro)] if total else [])
    return [f"{title:10}{_HEAD}"] + [f"{k:10}{_cells(c)}" for k, c in items]


def _errors(scores: Scores, rows: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for key, what in ((key, what) for key in rows for what in ("positives", "negatives")):
        items = getattr(scores, f"false_{what}")[key]
        lines.append(f"{key} false {what} ({len(items)}):")  # a linking error is a pair of doc/type/mention
        lines += ["  " + "  ".join("/".join(c) if isinstance(c, tuple) else str(c) or "-" for c in i) for i in items]
    return lines


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


def _columns(title: str, reports: list[tuple[str, Report]], part: str, rows: tuple[str, ...], total: str) -> list[str]:
    """One table, a column group per report (a header naming them if there are several)."""
    heads = "".join(f"{f'{name} ({r.documents} docs)':>30}" for name, r in reports)
    lines = [f"{'':10}{heads}"] if len(reports) > 1 else []
    lines.append(f"{title:10}" + _HEAD * len(reports))
    for key in (*rows, *((total,) if total else ())):
        counts = [(s.micro if key == total else s.per_type[key]) for s in (getattr(r, part) for _, r in reports)]
        lines.append(f"{key:10}" + "".join(_cells(c) for c in counts))
    return lines


def _report_lines(reports: list[tuple[str, Report]], errors_of: Report | None) -> str:
    lines = [
        *_columns("mention", reports, "mentions", TYPES, "micro"),
        "",
        *_columns("linking", reports, "links", LINK_KINDS, "all"),
        "",
        *_columns("relation", reports, "relations", RELATION_KINDS, ""),
    ]
    if errors_of is not None:
        e = errors_of
        lines += ["", *_errors(e.mentions, TYPES), *_errors(e.relations, RELATION_KINDS), *_errors(e.links, LINK_KINDS)]
    return "\n".join(lines)


def format_gold(mentions: Scores, links: Scores, relations: Scores, show_errors: bool = False) -> str:
    """The ``kg eval GOLD_DIR`` report: mention, linking-pair and relation tables, and the errors if asked."""
    report = Report(mentions, links, relations, 0)
    return _report_lines([("", report)], report if show_errors else None)


def format_split(dev: Report, check: Report, show_errors: bool = False) -> str:
    """``kg eval --check``: development and check figures side by side, per mention type,
    linking kind and relation kind; errors (if asked) of the development split only,
    since the check split's texts and errors must not be read while writing rules."""
    return _report_lines([("development", dev), ("check", check)], dev if show_errors else None)


def format_bio(bio: BioScores, show_errors: bool = False) -> str:
    """The ``kg eval --bio FILE`` report: exact-span table and extraction speed."""
    speed = f"{bio.sentences} sentences, {bio.chars} chars, {bio.chars / max(bio.seconds, 1e-9):,.0f} chars/s"
    lines = [speed, *_table("type", bio.scores, BIO_TYPES)]
    if show_errors:
        lines += ["", *_errors(bio.scores, BIO_TYPES)]
    return "\n".join(lines)
