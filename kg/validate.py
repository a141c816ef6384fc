"""SHACL validation of a built graph against ``kg/ontology/shapes.ttl``.

Every build is checked, and ``kg validate`` checks a graph already written. A
violation is reported as the node, the property and the rule's message, so a
user can find the offending triple.

The shapes are compiled once into plain checks and run over one index of the
data (each subject's values per property, each node's classes), built in a single
pass over the triples: the cost is linear in the triples (pySHACL, which queries
rdflib's store focus node by focus node, took 41 s at 1,000 articles; issue 13).
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
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from kg.errors import E_UNREADABLE, InputError
from kg.graphfiles import find_graph_file, parse_error
from kg.namespaces import rdflib_term

__all__ = ["Violation", "read_build", "shapes", "validate"]

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


class _Index:
    """The data, once: values of each (subject, property), classes of each node, and the
    subjects and objects of each property."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.values: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self.subjects_of: dict[Node, set[Node]] = defaultdict(set)
        self.objects_of: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o in triples:
            self.values[s, p].append(o)
            self.subjects_of[p].add(s)
            self.objects_of[p].add(o)
        self.superclasses: dict[Node, set[Node]] = defaultdict(set)
        for sub in self.subjects_of.get(RDFS.subClassOf, ()):
            self.superclasses[sub].update(self.values[sub, RDFS.subClassOf])

    def classes(self, node: Node) -> set[Node]:
        """The node's classes and all their superclasses."""
        out: set[Node] = set()
        todo = list(self.values.get((node, RDF.type), ()))
        while todo:
            cls = todo.pop()
            if cls not in out:
                out.add(cls)
                todo.extend(self.superclasses.get(cls, ()))
        return out

    def instances(self, cls: Node) -> set[Node]:
        return {s for s in self.subjects_of.get(RDF.type, ()) if cls in self.classes(s)}


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


def _focus_nodes(index: _Index, targets: tuple[tuple[URIRef, Node], ...]) -> set[Node]:
    out: set[Node] = set()
    for kind, target in targets:
        if kind == SH.targetClass:
            out |= index.instances(target)
        elif kind == SH.targetSubjectsOf:
            out |= index.subjects_of.get(target, set())
        elif kind == SH.targetObjectsOf:
            out |= index.objects_of.get(target, set())
        else:
            out.add(target)
    return out


def validate(data: Graph | Iterable[Triple]) -> list[Violation]:
    """Every violation of the shapes by ``data`` (an rdflib graph, or its triples as rdflib
    terms), sorted (empty when it conforms)."""
    checks = _compiled()
    if checks is None:
        return _validate_with_pyshacl(data if isinstance(data, Graph) else _graph(data))
    index = _Index(data)
    focus_of: dict[tuple, set[Node]] = {}
    out: list[Violation] = []
    for check in checks:
        if check.targets not in focus_of:
            focus_of[check.targets] = _focus_nodes(index, check.targets)
        for focus in focus_of[check.targets]:
            values = index.values.get((focus, check.path), [])
            if check.count is not None:
                if not check.count(len(set(values))):
                    out.append(Violation(str(focus), str(check.path), check.message))
                continue
            for value in values:
                ok = check.value in index.classes(value) if isinstance(check.value, URIRef) else check.value(value)
                if not ok:
                    out.append(Violation(str(focus), str(check.path), check.message))
    return sorted(out)


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
