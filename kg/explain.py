"""Why the graph says what it says about one entity: its variants, the rule that linked
each one, the sentence it was read in, where each of its articles is set, and its
relations (``kg explain NAME``).

The build keeps all of it in ``explain.jsonl`` beside the graph (written by
``kg.export.explain``), so explaining reads one file of the build: no spaCy, no
extraction, no RDF library (issue 14: it used to extract the whole corpus again, 11 s
for the five seed articles). This module only reads that file and prints; the writer
computes what it holds from the linked ``model.Graph``.

``explain.jsonl`` is UTF-8 JSON, one object a line, in a fixed order:

* a header: ``{"format": "kg-explain", "version": 1, "province": P, "base": B}``, the
  build's ``--province`` and ``--base``;
* one line per entity, sorted by key: ``{"entity": KEY, "label", "name", "iri",
  "mentions": N, "attributes": [[k, v]], "variants": [...], "why": [[variant, rule,
  doc_id, sentence]], "articles": [doc_id], "relations": [[kind, role, head, tail]]}``;
* one line per article, sorted: ``{"article": DOC_ID, "setting": [line, ...]}``, where
  it is set as ``kg.link.jurisdiction`` decided it, with the places that voted.

Entities come before articles, so one pass reads the matching entities and then only
the settings of their articles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from kg.errors import E_UNREADABLE, InputError, KgError
from kg.labels import CLASS_OF
from kg.normalise import comparison_form

if TYPE_CHECKING:
    from kg.link.aliases import Aliases
    from kg.model import Graph

__all__ = ["FILE_NAME", "FORMAT", "VERSION", "Explanation", "explain_build", "explain_graph", "explain_paths",
           "find", "read_explanations", "render"]

#: The file of a build that ``kg explain`` reads (``kg.export.EXTENSIONS`` names it from here).
FILE_NAME = "explain.jsonl"
#: The header's ``format`` and ``version``: a file of another layout is refused in one line.
FORMAT = "kg-explain"
VERSION = 1

_CONTEXT = 60  # characters of the evidence sentence shown
_NO_VARIANTS = "(none: known only from a longer name)"


@dataclass(frozen=True)
class Explanation:
    """What ``kg explain`` shows of one entity, as the build wrote it.

    ``why``: ``(variant, rule, doc_id, sentence)`` for each variant and article, the
    sentence being the text ``Entity.provenance`` points to; ``relations``: ``(kind,
    role, head key, tail key or None)`` of every relation but co-occurrence."""

    key: str
    label: str
    name: str
    iri: str
    mentions: int
    attributes: tuple[tuple[str, str], ...]
    variants: tuple[str, ...]
    why: tuple[tuple[str, str, str, str], ...]
    articles: tuple[str, ...]
    relations: tuple[tuple[str, str, str, str | None], ...]

    def to_json(self) -> dict[str, Any]:
        return {"entity": self.key, "label": self.label, "name": self.name, "iri": self.iri,
                "mentions": self.mentions, "attributes": self.attributes, "variants": self.variants,
                "why": self.why, "articles": self.articles, "relations": self.relations}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Explanation:
        return cls(
            data["entity"], data["label"], data["name"], data["iri"], data["mentions"],
            tuple((k, v) for k, v in data["attributes"]), tuple(data["variants"]),
            tuple((v, r, d, s) for v, r, d, s in data["why"]), tuple(data["articles"]),
            tuple((k, r, h, t) for k, r, h, t in data["relations"]),
        )


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def variants(self) -> tuple[str, ...]: ...


N = TypeVar("N", bound=_Named)


def find(entities: Iterable[N], name: str) -> list[N]:
    """Entities named ``name``, or having it as a variant (several for namesakes or homonyms);
    of a build (``Explanation``) or of a graph in memory (``model.Entity``)."""
    wanted = comparison_form(name)
    entities = list(entities)
    exact = [e for e in entities if e.name == wanted]
    return exact or [e for e in entities if wanted in e.variants]


def render(entity: Explanation, settings: Mapping[str, Iterable[str]]) -> str:
    """A plain-text account of ``entity``; ``settings``: doc_id -> lines saying where it is set."""
    lines = [
        f"{entity.name}  ({CLASS_OF[entity.label]}, {entity.mentions} mentions)",
        f"  iri: {entity.iri}",
    ]
    lines += [f"  {key}: {value}" for key, value in entity.attributes]
    lines.append("  variants: " + ", ".join(entity.variants or (_NO_VARIANTS,)))
    for variant, rule, doc_id, sentence in entity.why:
        if len(sentence) > _CONTEXT:
            at = max(0, sentence.find(variant) - _CONTEXT // 3)
            sentence = ("…" if at else "") + sentence[at : at + _CONTEXT] + "…"
        lines.append(f"  {variant} <- {rule}")
        lines.append(f"      {doc_id}: {sentence}")
    for doc_id in entity.articles:
        lines.append(f"  where {doc_id} is set:")
        lines += [f"      {line}" for line in settings.get(doc_id, ())]
    for kind, role, head, tail in entity.relations:
        other = tail if head == entity.key else head
        lines.append(f"  {kind}{' ' + role if role else ''}: {head} -> {tail or '-'}" if other else f"  {kind} {role}")
    return "\n".join(lines)


def _lines(path: Path) -> Iterator[str]:
    try:
        with open(path, encoding="utf-8") as stream:
            yield from stream
    except FileNotFoundError:
        hint = ("run `kg build` first" if not path.parent.is_dir() else
                "this build was made with --format and without explain-jsonl; build again, or give PATHS")
        raise InputError(path, f"no such file ({hint})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, E_UNREADABLE.format(why=getattr(exc, "strerror", None) or exc)) from exc


def _check_header(path: Path, line: str | None) -> None:
    try:
        header = json.loads(line) if line else {}
    except ValueError:
        header = {}
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise InputError(path, f"not a {FORMAT} file of version {VERSION}; build again with this kg")


def read_explanations(out_dir: Path, name: str) -> tuple[list[Explanation], dict[str, tuple[str, ...]]]:
    """The entities of the build in ``out_dir`` that ``name`` names (``find``), and the
    settings of their articles; an ``InputError`` naming the file if it is missing or not ours.

    Only the lines holding ``name`` as JSON writes it are parsed, so a large build is
    searched at the speed of reading the file."""
    path = out_dir / FILE_NAME
    lines = _lines(path)
    _check_header(path, next(lines, None))
    needle = json.dumps(comparison_form(name), ensure_ascii=False)[1:-1]
    candidates: list[Explanation] = []
    found: list[Explanation] = []
    settings: dict[str, tuple[str, ...]] = {}
    wanted: set[str] = set()
    try:
        for line in lines:
            if line.startswith('{"entity"'):
                if needle in line:
                    candidates.append(Explanation.from_json(json.loads(line)))
            elif line.startswith('{"article"'):
                if not found and candidates:
                    found = find(candidates, name)
                    wanted = {doc_id for e in found for doc_id in e.articles}
                if not wanted:
                    break
                record = json.loads(line)
                if record["article"] in wanted:
                    settings[record["article"]] = tuple(record["setting"])
                    if len(settings) == len(wanted):
                        break
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"not a valid {FORMAT} file ({exc})") from exc
    return found or find(candidates, name), settings


def explain_build(out_dir: Path, name: str) -> str:
    """``kg explain NAME --out OUT``: the account of every entity ``name`` names, or a ``KgError``."""
    found, settings = read_explanations(out_dir, name)
    if not found:
        raise KgError(f"{name}: no entity has this name or variant")
    return "\n\n".join(render(entity, settings) for entity in found)


def explain_graph(graph: Graph, name: str, base: str) -> str:
    """The same account from a graph in memory (``kg explain NAME PATHS...``: extracted
    for the occasion), or a ``KgError``. Imports the writer's stack only when called."""
    from kg.export.explain import explanation, settings

    found = find(graph.entities, name)
    if not found:
        raise KgError(f"{name}: no entity has this name or variant")
    keys = {e.key for e in found}
    texts = {d.doc_id: d.text for d in graph.documents}
    relations = [r for r in graph.relations if r.kind != "cooccur" and keys & {r.head, r.tail}]
    entries = [explanation(e, base, texts, [r for r in relations if e.key in (r.head, r.tail)]) for e in found]
    described = settings(graph, {doc_id for e in entries for doc_id in e.articles})
    return "\n\n".join(render(entry, described) for entry in entries)


def explain_paths(paths: list[Path], name: str, province: str | None, base: str | None,
                  aliases: Aliases) -> tuple[str, list[InputError]]:
    """``kg explain NAME PATHS...``: extract and link ``paths`` now (slow: the whole pipeline),
    then explain; ``None`` options take the build's defaults. Returns the account and the
    inputs that could not be used."""
    from kg.build import BuildSettings, make_graph
    from kg.namespaces import DEFAULT_BASE

    settings = BuildSettings(province=province or BuildSettings.province, aliases=aliases)
    graph, errors = make_graph(paths, settings)
    return explain_graph(graph, name, base or DEFAULT_BASE), errors
