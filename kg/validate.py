"""SHACL validation of a built graph against ``kg/ontology/shapes.ttl`` (pySHACL).

Every build is checked, and ``kg validate`` checks a graph already written. A
violation is reported as the node, the property and the rule's message, so a
user can find the offending triple.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from rdflib import Graph
from rdflib.namespace import RDF, SH


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


def validate(data: Graph) -> list[Violation]:
    """Every violation of the shapes by ``data``, sorted (empty when it conforms)."""
    from pyshacl import validate as shacl_validate  # imported here: slow to import, needed only here

    _, report, _ = shacl_validate(data, shacl_graph=shapes(), inference="none", abort_on_first=False)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        node = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(node), str(path or ""), str(message or "violates a shape")))
    return sorted(out)
