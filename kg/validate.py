"""SHACL validation of a built graph against ``kg/ontology/shapes.ttl``.

Every build is checked, and ``kg validate`` checks a graph already written. A
violation is reported as the node, the property and the rule's message, so a
user can find the offending triple.

The shapes are compiled once into plain checks and run over the numbered triple
table the build's writers share (``kg.export.quads.Quads``: sorted rows of term
numbers), one property at a time with numpy selections, each distinct value
tested once: the cost is linear in the triples, and no rdflib term or index is
made for the data (pySHACL, which queries rdflib's store focus node by focus
node, took 41 s at 1,000 articles, and a dict index of rdflib terms about 1 KiB a
triple; issue 13). Triples given as rdflib terms are numbered first (``table_of``).

The compiler is generic, reading the shapes graph, for the SHACL Core parts the
shapes use: targets ``sh:targetClass`` (with the data's ``rdfs:subClassOf``),
``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``; property
shapes with an IRI ``sh:path`` and ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:class``, ``sh:nodeKind``, ``sh:pattern`` (+ ``sh:flags``,
read as Python regular expressions), ``sh:minInclusive``, ``sh:message``. A
shapes graph using anything else is handed to pySHACL whole, so an added shape is
never silently skipped; ``tests/export/test_validate_compiled.py`` checks that both
report the same violations. ``sh:message`` is the message; a constraint without
one gets a message naming it (pySHACL's wording differs).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.errors import E_UNREADABLE, InputError
from kg.export.quads import Quads
from kg.graphfiles import find_graph_file, parse_error
from kg.namespaces import rdflib_term

__all__ = ["Violation", "read_build", "shapes", "table_of", "validate", "validate_quads"]

Node = URIRef | Literal | BNode
Triple = tuple[Node, Node, Node]


@dataclass(frozen=True, order=True)
class Violation:
    node: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.node}: {self.message}" + (f" ({self.path})" if self.path else "")


def shapes() -> Graph:
    """The shapes graph shipped with the package."""
    return Graph().parse(data=files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")


#: what a node shape and a property shape may say for the compiler to cover it
_NODE_KEYS = {RDF.type, RDFS.comment, SH.name, SH.description, SH.property, SH.targetClass, SH.targetSubjectsOf,
              SH.targetObjectsOf, SH.targetNode}
_PROPERTY_KEYS = {RDF.type, RDFS.comment, SH.name, SH.description, SH.path, SH.message, SH.minCount, SH.maxCount,
                  SH.datatype, SH["class"], SH.nodeKind, SH.pattern, SH.flags, SH.minInclusive}
_NODE_KINDS: dict[URIRef, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.Literal: (Literal,),
    SH.BlankNode: (BNode,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


class Unsupported(Exception):
    """The shapes use a SHACL feature the compiler does not cover."""


def _datatype(value: Node) -> Node | None:
    if not isinstance(value, Literal):
        return None
    if value.language:
        return RDF.langString
    return value.datatype or XSD.string


def _at_least(low: Literal) -> Callable[[Node], bool]:
    def test(value: Node) -> bool:
        try:
            return isinstance(value, Literal) and value.toPython() >= low.toPython()
        except TypeError:  # incomparable: a violation, as in SHACL
            return False

    return test


@dataclass(frozen=True)
class _Check:
    """One constraint of one property shape: ``count`` checks the number of distinct values,
    ``value`` each value; ``targets`` selects the focus nodes."""

    targets: tuple[tuple[URIRef, Node], ...]
    path: URIRef
    message: str
    count: Callable[[int], bool] | None = None
    value: Callable[[Node], bool] | None = None


def _property_checks(graph: Graph, prop: Node, targets: tuple[tuple[URIRef, Node], ...]) -> list[_Check]:
    extra = set(graph.predicates(prop, None)) - _PROPERTY_KEYS
    path = graph.value(prop, SH.path)
    if extra or not isinstance(path, URIRef):
        raise Unsupported(f"property shape with {sorted(extra) or 'a complex path'}")
    message = graph.value(prop, SH.message)
    out: list[_Check] = []

    def add(default: str, **test: Callable) -> None:
        out.append(_Check(targets, path, str(message or default), **test))

    if (low := graph.value(prop, SH.minCount)) is not None:
        add(f"fewer than {low} values", count=lambda n, low=int(low): n >= low)
    if (high := graph.value(prop, SH.maxCount)) is not None:
        add(f"more than {high} values", count=lambda n, high=int(high): n <= high)
    if (datatype := graph.value(prop, SH.datatype)) is not None:
        add(f"not of datatype {datatype}", value=lambda v, d=datatype: _datatype(v) == d)
    if (cls := graph.value(prop, SH["class"])) is not None:
        out.append(_Check(targets, path, str(message or f"not an instance of {cls}"), value=cls))  # needs the index
    if (kind := graph.value(prop, SH.nodeKind)) is not None:
        if kind not in _NODE_KINDS:
            raise Unsupported(f"sh:nodeKind {kind}")
        add(f"not of node kind {kind}", value=lambda v, kinds=_NODE_KINDS[kind]: isinstance(v, kinds))
    if (pattern := graph.value(prop, SH.pattern)) is not None:
        flags = sum(_FLAGS[f] for f in str(graph.value(prop, SH.flags) or ""))
        regex = re.compile(str(pattern), flags)
        add(f"does not match {pattern}", value=lambda v: not isinstance(v, BNode) and bool(regex.search(str(v))))
    if (low := graph.value(prop, SH.minInclusive)) is not None:
        add(f"less than {low}", value=_at_least(low))
    return out


@cache
def _compiled() -> tuple[_Check, ...] | None:
    """Every check of the shipped shapes, or None if they need pySHACL."""
    graph = shapes()
    out: list[_Check] = []
    kinds = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    try:
        for shape in set(graph.subjects(RDF.type, SH.NodeShape)):
            extra = set(graph.predicates(shape, None)) - _NODE_KEYS
            if extra or (shape, SH.deactivated, None) in graph:
                raise Unsupported(f"node shape with {sorted(extra)}")
            targets = tuple((kind, t) for kind in kinds for t in graph.objects(shape, kind))
            for prop in graph.objects(shape, SH.property):
                out += _property_checks(graph, prop, targets)
    except Unsupported:
        return None
    return tuple(out)


def _ox(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the Oxigraph term ``rdflib_term`` turns back into it."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD.string)))


def table_of(triples: Iterable[Triple]) -> Quads:
    """rdflib triples as the numbered table the build's writers share (``kg.export.quads``)."""
    numbers: dict[Node, int] = {}
    rows: list[int] = []
    for triple in triples:
        for node in triple:
            rows.append(numbers.setdefault(node, len(numbers)))
    terms = [_ox(node) for node in numbers]
    flat = np.asarray(rows, dtype=np.int64).reshape(-1, 3)
    return Quads.from_rows(terms, np.hstack([np.zeros((len(flat), 1), dtype=np.int64), flat]))


class _Table:
    """The data as sorted rows of term numbers (``Quads.triples``), read one property at a time:
    every lookup is a numpy selection or binary search, so the cost is linear in the triples."""

    def __init__(self, quads: Quads) -> None:
        self.terms = quads.terms
        self.rows = quads.triples
        self._of: dict[int, np.ndarray] = {}
        self.type = self.number(RDF.type)
        subclass = self.number(RDFS.subClassOf)
        self.parents: dict[int, set[int]] = defaultdict(set)
        for child, _, parent in self.with_path(subclass).tolist():
            self.parents[child].add(parent)

    def number(self, node: Node) -> int | None:
        """The term number of ``node`` in the data, or None if the data never uses it."""
        key = str(_ox(node))
        at = bisect_left(self.terms, key, key=str)
        return at if at < len(self.terms) and str(self.terms[at]) == key else None

    def node(self, number: int) -> Node:
        return rdflib_term(self.terms[number])

    def with_path(self, path: int | None) -> np.ndarray:
        """The rows whose property is ``path``, sorted by subject."""
        if path is None:
            return self.rows[:0]
        if path not in self._of:
            self._of[path] = self.rows[self.rows[:, 1] == path]
        return self._of[path]

    def instances(self, cls: int | None) -> np.ndarray:
        """Sorted numbers of the nodes typed ``cls`` or one of its subclasses in the data."""
        if cls is None:
            return np.zeros(0, dtype=np.int64)
        kinds, todo = {cls}, [cls]
        children: dict[int, set[int]] = defaultdict(set)
        for child, parents in self.parents.items():
            for parent in parents:
                children[parent].add(child)
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in kinds:
                    kinds.add(child)
                    todo.append(child)
        typed = self.with_path(self.type)
        return np.unique(typed[np.isin(typed[:, 2], list(kinds)), 0])

    def focus_nodes(self, targets: tuple[tuple[URIRef, Node], ...]) -> tuple[np.ndarray, list[Node]]:
        """The focus nodes of ``targets``: numbers of those in the data, and ``sh:targetNode``
        nodes the data never mentions (which have no values)."""
        found: list[np.ndarray] = []
        absent: list[Node] = []
        for kind, target in targets:
            number = self.number(target)
            if kind == SH.targetClass:
                found.append(self.instances(number))
            elif kind == SH.targetSubjectsOf:
                found.append(self.with_path(number)[:, 0])
            elif kind == SH.targetObjectsOf:
                found.append(self.with_path(number)[:, 2])
            elif number is None:
                absent.append(target)
            else:
                found.append(np.array([number], dtype=np.int64))
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64), absent

    def passing(self, check: _Check, values: np.ndarray) -> np.ndarray:
        """A mask of ``values`` (term numbers) that pass ``check``'s value test: each distinct
        value is tested once."""
        if isinstance(check.value, URIRef):
            return np.isin(values, self.instances(self.number(check.value)))
        distinct = np.unique(values)
        good = [v for v in distinct.tolist() if check.value(self.node(v))]
        return np.isin(values, good)


def validate_quads(quads: Quads) -> list[Violation]:
    """Every violation of the shapes by the triples of ``quads`` (the table a build's writers
    share), sorted; the same findings as ``validate`` on the same triples."""
    checks = _compiled()
    if checks is None:
        return _validate_with_pyshacl(_graph(quads_triples(quads)))
    table = _Table(quads)
    focus_of: dict[tuple, tuple[np.ndarray, list[Node]]] = {}
    out: list[Violation] = []
    for check in checks:
        if check.targets not in focus_of:
            focus_of[check.targets] = table.focus_nodes(check.targets)
        foci, absent = focus_of[check.targets]
        rows = table.with_path(table.number(check.path))
        bad: list[int] = []
        if check.count is not None:
            counts = np.searchsorted(rows[:, 0], foci, "right") - np.searchsorted(rows[:, 0], foci, "left")
            for count in np.unique(counts).tolist():
                if not check.count(count):
                    bad += foci[counts == count].tolist()
            out += [Violation(str(node), str(check.path), check.message) for node in absent if not check.count(0)]
        else:
            chosen = rows[np.isin(rows[:, 0], foci)]
            bad += chosen[~table.passing(check, chosen[:, 2]), 0].tolist()
        out += [Violation(str(table.node(node)), str(check.path), check.message) for node in bad]
    return sorted(out)


def quads_triples(quads: Quads) -> Iterator[Triple]:
    terms = quads.terms
    for s, p, o in quads.triples.tolist():
        yield rdflib_term(terms[s]), rdflib_term(terms[p]), rdflib_term(terms[o])


def validate(data: Graph | Iterable[Triple]) -> list[Violation]:
    """Every violation of the shapes by ``data`` (an rdflib graph, or its triples as rdflib
    terms), sorted (empty when it conforms)."""
    if _compiled() is None:
        return _validate_with_pyshacl(data if isinstance(data, Graph) else _graph(data))
    return validate_quads(table_of(data))


def read_build(out_dir: Path) -> tuple[Path, list[Triple]]:
    """The triples a build wrote (``graph.nt``, else ``graph.ttl``: ``kg.graphfiles``) as rdflib
    terms, for ``kg validate``; or an ``InputError`` naming the file.

    Oxigraph parses them (rdflib's Turtle parser took 0.47 s for the seeds' 4,185 triples,
    Oxigraph 0.01 s, so a large build is checked in seconds rather than minutes)."""
    path, graph_file = find_graph_file(out_dir)
    try:
        triples = [(rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object))
                   for t in ox.parse(path=str(path), format=graph_file.rdf_format)]
    except SyntaxError as exc:
        raise parse_error(path, graph_file, exc) from exc
    except OSError as exc:
        raise InputError(path, E_UNREADABLE.format(why=exc.strerror or exc)) from exc
    return path, triples


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _validate_with_pyshacl(data: Graph) -> list[Violation]:
    from pyshacl import validate as shacl_validate  # imported here: slow to import, needed only here

    _, report, _ = shacl_validate(data, shacl_graph=shapes(), inference="none", abort_on_first=False)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        node = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(node), str(path or ""), str(message or "violates a shape")))
    return sorted(out)
