"""Write a ``model.Graph`` as JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/), flattened.

The document is ``{"@context": …, "@graph": [node, …]}``: one node object per
subject, sorted by ``@id``, its properties and values sorted, every literal an
explicit ``{"@value", "@language" | "@type"}`` object. That is the form every
bulk loader (Oxigraph, Jena's riot, GraphDB, rdflib) reads without fetching
anything: the context is written inline, and is the same as the context file
shipped in ``ontology/context.jsonld`` for the default base, which a user can
reference from JSON-LD of their own. The triples are exactly those of the
Turtle/N-Triples output: the same sorted table (``rdf.rdf_quads``), so each
subject's triples arrive together and in order.

Not supported: named graphs (use N-Quads or TriG for those).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import numpy as np
import pyoxigraph as ox

from kg import model
from kg.export.quads import NUMBER
from kg.export.rdf import rdf_quads
from kg.namespaces import PREFIXES, RDF, XSD

__all__ = ["context", "write_jsonld"]


def context(base: str) -> dict[str, str]:
    """The JSON-LD context: the graph's prefixes, instance IRIs under ``kgid``."""
    return {"@version": 1.1, **dict(sorted({**PREFIXES, "kgid": base}.items()))}


class _Compactor:
    """IRIs to ``prefix:local`` where a prefix of the context covers them (longest first)."""

    def __init__(self, ctx: dict[str, Any]) -> None:
        self.prefixes = sorted(
            ((ns, p) for p, ns in ctx.items() if not p.startswith("@")), key=lambda np: -len(np[0])
        )

    def __call__(self, iri: str) -> str:
        for ns, prefix in self.prefixes:
            if iri.startswith(ns):
                local = iri[len(ns) :]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri


def _value(term: ox.NamedNode | ox.Literal, compact: _Compactor) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value != str(XSD.string):
            return {"@value": term.value, "@type": compact(term.datatype.value)}
        return {"@value": term.value}
    return {"@id": compact(term.value)}


#: a JSON string as ``json.dumps(..., ensure_ascii=False)`` writes it (json's C encoder)
_string = json.encoder.encode_basestring
#: compact IRIs kept by the writer before it starts afresh (bounds its memory on a large graph)
_NAMES_KEPT = 100_000


def _sort_key(value: dict[str, str]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _subjects(
    graph: model.Graph, base: str, ctx: dict[str, Any]
) -> tuple[_Compactor, list, int, Iterator[tuple[str, list[list[int]]]]]:
    """The compactor, the sorted table's terms, rdf:type's term number (-1 if absent), and each
    subject's compact IRI with its ``(s, p, o)`` rows, in the order of those IRIs: what both the
    node objects and their streamed texts are made from."""
    compact = _Compactor(ctx)
    quads = rdf_quads(graph, base)
    terms, rows = quads.terms, quads.triples
    a = ox.NamedNode(str(RDF.type))
    rdf_type = next((i for i, t in enumerate(terms) if t == a), -1)
    subjects = np.unique(rows[:, 0])
    starts = np.searchsorted(rows[:, 0], subjects, "left").tolist()
    ends = np.searchsorted(rows[:, 0], subjects, "right").tolist()
    ids = [compact(terms[s].value) for s in subjects.tolist()]
    order = sorted(range(len(ids)), key=ids.__getitem__)
    return compact, terms, rdf_type, ((ids[at], rows[starts[at] : ends[at]].tolist()) for at in order)


def _nodes(graph: model.Graph, base: str, ctx: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The node objects of ``graph``, one at a time, sorted by ``@id``.

    Made one by one from the sorted table's rows, so a writer holds one node at a time, not
    the document (which took about 0.5 KiB a triple, issue 13)."""
    compact, terms, rdf_type, subjects = _subjects(graph, base, ctx)
    names: dict[int, str] = {}  # compact IRIs of predicates, classes and objects, asked for again and again

    def name(number: int) -> str:
        found = names.get(number)
        if found is None:
            if len(names) >= _NAMES_KEPT:
                names.clear()
            found = names[number] = compact(terms[number].value)
        return found

    for subject, rows in subjects:
        types: list[str] = []
        props: dict[str, list[dict[str, str]]] = {}
        for _, p, o in rows:
            if p == rdf_type:
                types.append(name(o))
            else:
                term = terms[o]
                value = {"@id": name(o)} if isinstance(term, ox.NamedNode) else _value(term, compact)
                props.setdefault(name(p), []).append(value)
        node: dict[str, Any] = {"@id": subject}
        if types:
            node["@type"] = sorted(types)
        for key in sorted(props):
            node[key] = sorted(props[key], key=_sort_key)
        yield node


def to_jsonld(graph: model.Graph, base: str) -> dict[str, Any]:
    """The flattened JSON-LD document of ``graph`` (what ``write_jsonld`` writes, as one object)."""
    ctx = context(base)
    return {"@context": ctx, "@graph": list(_nodes(graph, base, ctx))}


def _indented(value: Any, depth: int) -> str:
    """``value`` as ``json.dumps(indent=1)`` writes it ``depth`` levels down in a document."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


class _Objects:
    """Each object term's ``(sort key, text)`` in a node written ``_DEPTH`` levels down: the
    ``_sort_key`` of its value object and its text as ``json.dumps(indent=1)`` writes it there, made once per term
    (classes, places and common literals are the objects of thousands of triples).

    The sort key is the string ``json.dumps(value, ensure_ascii=False, sort_keys=True)`` gives
    for a flat object of strings, built directly; the cache starts afresh past ``_NAMES_KEPT``."""

    def __init__(self, terms: list, compact: _Compactor, depth: int) -> None:
        self.terms, self.compact = terms, compact
        self.pad2 = "\n" + " " * (depth + 2)
        self.pad3 = self.pad2 + " "
        self.kept: dict[int, tuple[str, str]] = {}
        self.datatypes: dict[str, str] = {}

    def __call__(self, number: int) -> tuple[str, str]:
        found = self.kept.get(number)
        if found is None:
            if len(self.kept) >= _NAMES_KEPT:
                self.kept.clear()
            found = self.kept[number] = self._make(self.terms[number])
        return found

    def _make(self, term: ox.NamedNode | ox.Literal) -> tuple[str, str]:
        encoded = self._encoded(term)
        return self._key(encoded), self._text(encoded)

    def key(self, number: int) -> str:
        """The sort key of term ``number``'s value object (not kept: ``_write_nodes`` asks once)."""
        return self._key(self._encoded(self.terms[number]))

    def text(self, number: int) -> str:
        """The text of term ``number``'s value object (not kept)."""
        return self._text(self._encoded(self.terms[number]))

    @staticmethod
    def _key(encoded: list[tuple[str, str]]) -> str:
        return "{" + ", ".join(f"{k}: {v}" for k, v in sorted(encoded)) + "}"

    def _text(self, encoded: list[tuple[str, str]]) -> str:
        return "{" + ",".join(f"{self.pad3}{k}: {v}" for k, v in encoded) + self.pad2 + "}"

    def _encoded(self, term: ox.NamedNode | ox.Literal) -> list[tuple[str, str]]:
        """The value object's pairs, each key and value as a JSON string, in ``_value``'s order."""
        if not isinstance(term, ox.Literal):
            pairs = [("@id", self.compact(term.value))]
        elif term.language:
            pairs = [("@value", term.value), ("@language", term.language)]
        elif (datatype := term.datatype.value) != _XSD_STRING:
            short = self.datatypes.get(datatype)
            if short is None:
                short = self.datatypes[datatype] = self.compact(datatype)
            pairs = [("@value", term.value), ("@type", short)]
        else:
            pairs = [("@value", term.value)]
        return [(_string(k), _string(v)) for k, v in pairs]


_XSD_STRING = str(XSD.string)
#: how deep the writer's node objects sit in the document (``{"@graph": [node …]}``)
_DEPTH = 2


def _rank(keys: list) -> np.ndarray:
    """Each key's place in the sorted keys (equal keys: in the order given, as a stable sort)."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys))
    return rank


def _write_nodes(graph: model.Graph, base: str, ctx: dict[str, Any], stream: IO[bytes]) -> bool:
    """Write the node objects ``_nodes`` yields, in its order, as ``json.dumps(indent=1)`` writes
    them inside ``write_jsonld``'s document; return whether there was any.

    No node is made: the sorted table's rows are put in the document's order with numpy
    (subjects by compact ``@id``, then ``@type`` before the properties by name, then values
    by ``_sort_key``), and each row is written as the text before it (what closes the previous
    value, property or node and opens the next), the subject's, property's and value's texts,
    each made once per term (``_Objects``) and joined in C, as ``kg.export.serial`` joins RDF."""
    compact = _Compactor(ctx)
    quads = rdf_quads(graph, base)
    terms, rows = quads.terms, quads.triples
    if not len(rows):
        return False
    a = ox.NamedNode(str(RDF.type))
    rdf_type = next((i for i, t in enumerate(terms) if t == a), -1)
    # Every array over the rows is int32 (term and table numbers fit, as in the quad table) and
    # each is dropped once the next is made: at 10,000 articles (6 M rows) the int64 arrays held
    # at once were the biggest part of the build's peak memory.
    is_type = rows[:, 1] == rdf_type
    subjects, subject_at = np.unique(rows[:, 0], return_inverse=True)
    subject_at = subject_at.astype(NUMBER)
    ids = [compact(terms[i].value) for i in subjects.tolist()]
    # the subjects ranked by @id, then each @id replaced in place by its JSON text, the table's
    # first entries: a second list of a million texts beside the @ids was part of the peak
    subject_rank = _rank(ids).astype(NUMBER)
    for at, name in enumerate(ids):
        ids[at] = _string(name)
    predicates, predicate_at = np.unique(rows[:, 1], return_inverse=True)
    predicate_at = predicate_at.astype(NUMBER)
    keys = [(n, _string(n)) for n in (compact(terms[i].value) for i in predicates.tolist())]
    types, type_at = np.unique(rows[is_type, 2], return_inverse=True)
    type_at = type_at.astype(NUMBER)
    type_names = [(n, _string(n)) for n in (compact(terms[i].value) for i in types.tolist())]
    values, value_at = np.unique(rows[~is_type, 2], return_inverse=True)
    value_at = value_at.astype(NUMBER)
    del subjects, predicates, types
    # each value's sort key, then (once they are ranked and dropped) its text: both at once were
    # the largest part of the writer's peak
    objects = _Objects(terms, compact, _DEPTH)
    value_rank = _rank([objects.key(i) for i in values.tolist()]).astype(NUMBER)
    value_texts = [objects.text(i) for i in values.tolist()]
    del values
    # the table the pieces index: subjects' and groups' texts, values' texts, then the separators
    pad1 = "\n" + " " * (_DEPTH + 1)
    pad2 = pad1 + " "
    close = "\n" + " " * _DEPTH + "}"
    open_node = "{" + pad1 + '"@id": '
    at_group, at_value = len(ids), len(ids) + len(keys) + 1
    table = ids  # the @ids' texts, and after them:
    table += [
        *(f"{pad1}{k}: [" for _, k in keys), f'{pad1}"@type": [',
        *(t for _, t in type_names), *value_texts,
        "\n" + " " * _DEPTH + open_node, f"{pad1}]{close},\n" + " " * _DEPTH + open_node, f"{pad1}],", ",", "", pad2,
    ]
    del ids
    first, next_node, next_group, next_value, nothing, pad = range(len(table) - 6, len(table))
    # the order of the rows in the document: node, then group (-1: @type), then value
    group = np.where(is_type, -1, _rank(keys)[predicate_at]).astype(NUMBER)
    within = np.empty(len(rows), dtype=NUMBER)
    within[is_type] = _rank(type_names)[type_at]
    within[~is_type] = value_rank[value_at]
    text_of = np.empty(len(rows), dtype=NUMBER)
    text_of[is_type] = at_value + type_at
    text_of[~is_type] = at_value + len(type_names) + value_at
    del type_at, value_at, value_texts, value_rank, is_type
    order = np.lexsort((within, group, subject_rank[subject_at]))
    del within, subject_rank
    rows_in_order = subject_at[order]
    del subject_at
    new_node = np.ones(len(rows), dtype=bool)
    new_node[1:] = rows_in_order[1:] != rows_in_order[:-1]
    groups_in_order = group[order]
    del group
    new_group = new_node.copy()
    new_group[1:] |= groups_in_order[1:] != groups_in_order[:-1]
    text_of = text_of[order]
    group_text = np.where(groups_in_order < 0, at_value - 1, at_group + predicate_at[order]).astype(NUMBER)
    del order, predicate_at, groups_in_order
    before = np.where(new_node, next_node, np.where(new_group, next_group, next_value)).astype(NUMBER)
    before[0] = first
    for start in range(0, len(rows), _CHUNK):  # pieces a chunk at a time: 48 bytes a row
        chunk = slice(start, start + _CHUNK)
        node, grouped = new_node[chunk], new_group[chunk]
        pieces = np.full((len(node), 6), nothing, dtype=np.int64)
        pieces[:, 0] = before[chunk]
        pieces[node, 1] = rows_in_order[chunk][node]
        pieces[node, 2] = next_value  # the comma after "@id"
        pieces[grouped, 3] = group_text[chunk][grouped]
        pieces[:, 4] = pad
        pieces[:, 5] = text_of[chunk]
        stream.write("".join(map(table.__getitem__, pieces.ravel().tolist())).encode("utf-8"))
    stream.write(f"{pad1}]{close}".encode())
    return True


#: rows joined into one string at a time
_CHUNK = 65_536


#: rows joined into one string at a time
_CHUNK = 65_536


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


def write_jsonld(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 JSON-LD, context inline, in a canonical order: the bytes of
    ``json.dumps(to_jsonld(graph, base), ensure_ascii=False, indent=1)``, written a chunk of rows at a time."""
    ctx = context(base)
    stream.write(f'{{\n "@context": {_indented(ctx, 1)},\n "@graph": ['.encode())
    any_node = _write_nodes(graph, base, ctx, stream)
    stream.write(b"\n ]\n}\n" if any_node else b"]\n}\n")
