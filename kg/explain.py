"""Why the graph says what it says about one entity: its variants, the rule that linked
each one, the sentence it was read in, and where each of its articles is set
(``kg explain NAME``)."""

from __future__ import annotations

from kg.gazetteer import Place
from kg.jurisdiction import article_setting
from kg.labels import CLASS_OF
from kg.model import Entity, Graph, Mention
from kg.names import clean
from kg.namespaces import iri_for_entity

_CONTEXT = 60  # characters of the evidence sentence shown


def find(graph: Graph, name: str) -> list[Entity]:
    """Entities named ``name``, or having it as a variant (several for namesakes or homonyms)."""
    wanted = clean(name)
    exact = [e for e in graph.entities if e.name == wanted]
    return exact or [e for e in graph.entities if wanted in e.variants]


def _mentions_of(graph: Graph, doc_id: str) -> list[Mention]:
    return [m for e in graph.entities for m in e.mentions if m.doc_id == doc_id]


def settings(graph: Graph, entity: Entity, fallback: Place | None) -> list[str]:
    """Where each article of ``entity`` is set, as the linker inferred it (``kg.jurisdiction``),
    with the places and bodies that voted; ``fallback``: the ``--province`` of the build."""
    lines: list[str] = []
    texts = {d.doc_id: d.text for d in graph.documents}
    for doc_id in sorted({m.doc_id for m in entity.mentions}):
        setting = article_setting(_mentions_of(graph, doc_id), fallback, texts.get(doc_id, ""))
        lines.append(f"  where {doc_id} is set:")
        lines += [f"      {line}" for line in setting.describe()]
    return lines


def explain(graph: Graph, entity: Entity, base: str, fallback: Place | None = None) -> str:
    """A plain-text account of ``entity``; ``fallback``: the build's ``--province``."""
    texts = {d.doc_id: d.text for d in graph.documents}
    lines = [
        f"{entity.name}  ({CLASS_OF[entity.label]}, {len(entity.mentions)} mentions)",
        f"  iri: {iri_for_entity(base, entity.label, entity.local_name)}",
    ]
    lines += [f"  {key}: {value}" for key, value in entity.attributes]
    lines.append("  variants: " + ", ".join(entity.variants or ("(none: known only from a longer name)",)))
    for variant, rule, doc_id, start, end in entity.provenance:
        sentence = texts.get(doc_id, "")[start:end]
        if len(sentence) > _CONTEXT:
            at = max(0, sentence.find(variant) - _CONTEXT // 3)
            sentence = ("…" if at else "") + sentence[at : at + _CONTEXT] + "…"
        lines.append(f"  {variant} <- {rule}")
        lines.append(f"      {doc_id}: {sentence}")
    lines += settings(graph, entity, fallback)
    related = [r for r in graph.relations if r.kind != "cooccur" and entity.key in (r.head, r.tail)]
    for rel in related:
        other = rel.tail if rel.head == entity.key else rel.head
        lines.append(f"  {rel.kind}{' ' + rel.role if rel.role else ''}: {rel.head} -> {rel.tail or '-'}"
                     if other else f"  {rel.kind} {rel.role}")
    return "\n".join(lines)
