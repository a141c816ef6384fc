"""The one place where namespaces are declared and IRIs are made.

IRIs are derived only from stable keys (entity type + canonical name, document
id, character offsets, or a hash of a relation's parts), never from counters or
iteration order, so two builds of the same corpus name everything alike.
``KG`` lists exactly the terms of ``ontology/kg.ttl``; ``_fail = True`` turns a
typo such as ``KG.Persn`` into an error instead of a silently new IRI.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    RDF,
    RDFS,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)

from kg.labels import TYPE_OF

__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "ITSRDF",
    "KG",
    "NIF",
    "ORG",
    "OWL",
    "PREFIXES",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "XSD",
    "iri_for_document",
    "iri_for_entity",
    "iri_for_graph",
    "iri_for_membership",
    "iri_for_mention",
    "iri_for_relation",
    "iri_for_role",
    "rdflib_term",
    "sparql_prologue",
]

#: Where instance IRIs live unless the caller gives another base.
DEFAULT_BASE = "https://w3id.org/kg-zh/id/"

#: NIF 2.0 Core (https://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core/nif-core.html).
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
#: ITS 2.0 RDF mapping (https://www.w3.org/TR/its20/#conversion-to-nif).
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
#: schema.org, https form (rdflib's ``SDO`` is closed and lags schema.org releases).
SDO = Namespace("https://schema.org/")



class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl`` (https://w3id.org/kg-zh/ontology#)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-zh/ontology#")

    # Classes
    Person: URIRef  # a named person (PER), subclass of schema:Person
    Organization: URIRef  # an organization (ORG), subclass of schema:/org:Organization
    Place: URIRef  # a place (LOC), subclass of schema:Place
    Program: URIRef  # a programme or campaign (PROG), subclass of schema:Project
    PolicyDocument: URIRef  # a policy document, notice, plan or list (DOC), subclass of schema:CreativeWork

    # Properties
    adminCode: URIRef  # GB/T 2260 administrative division code
    mentionCount: URIRef  # number of linked mentions, xsd:integer
    sha256: URIRef  # hex SHA-256 of an article's source file, xsd:string
    cooccursWith: URIRef  # symmetric: mentioned in one sentence
    partnerOf: URIRef  # symmetric: the text says the two work together
    evidence: URIRef  # relation node -> nif:String sentence span


#: The prefixes every output and query uses for the vocabularies (not for instances: ``--base``
#: varies): bound in Turtle/TriG, the JSON-LD context, ``kg query`` tables and the page's queries.
PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS),
    "itsrdf": str(ITSRDF),
    "kg": str(KG._NS),
    "nif": str(NIF),
    "org": str(ORG),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SDO),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def sparql_prologue() -> str:
    """``PREFIX`` lines for every entry of ``PREFIXES``, to put before a query."""
    return "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


def _check_base(base: str) -> str:
    if not base.endswith(("/", "#")):
        raise ValueError(f"IRI base must end with '/' or '#': {base!r}")
    return base


def _quote(text: str) -> str:
    # safe="" so a '/' or '#' in a name can never add a path segment or fragment
    return quote(text, safe="")


def _digest(*parts: str | None) -> str:
    joined = "\x1f".join("" if p is None else p for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


def iri_for_entity(base: str, label: str, name: str) -> URIRef:
    """``<base><type>/<name>``, e.g. ``…/id/person/%E5%88%98%E5%AE%B6%E5%9F%8E``."""
    if label not in TYPE_OF:
        raise ValueError(
            f"unknown entity label {label!r}; expected one of {sorted(TYPE_OF)}"
        )
    if not name:
        raise ValueError("entity name must not be empty")
    return URIRef(_check_base(base) + TYPE_OF[label] + "/" + _quote(name))


def iri_for_document(base: str, doc_id: str) -> URIRef:
    """``<base>doc/<doc_id>``: one article (a ``nif:Context``)."""
    if not doc_id:
        raise ValueError("document id must not be empty")
    return URIRef(_check_base(base) + "doc/" + _quote(doc_id))


def iri_for_graph(base: str, doc_id: str | None) -> URIRef:
    """The named graph of one article's mentions and facts, ``<base>graph/doc/<doc_id>``,
    or (``None``) of the corpus-level entities and what names imply, ``<base>graph/corpus``."""
    if doc_id is None:
        return URIRef(_check_base(base) + "graph/corpus")
    if not doc_id:
        raise ValueError("document id must not be empty")
    return URIRef(_check_base(base) + "graph/doc/" + _quote(doc_id))


def iri_for_mention(base: str, doc_id: str, start: int, end: int) -> URIRef:
    """A span of a document as an RFC 5147 fragment, ``<doc>#char=start,end``.

    This is NIF's offset-based scheme. With a ``#`` base the document IRI
    already has a fragment and a second ``#`` would be an invalid IRI, so the
    span is appended as ``_char=start,end`` instead.
    """
    if not 0 <= start <= end:
        raise ValueError(f"bad span [{start}, {end}) in {doc_id!r}")
    doc = iri_for_document(base, doc_id)
    sep = "_" if "#" in doc else "#"
    return URIRef(f"{doc}{sep}char={start},{end}")


def iri_for_role(base: str, title: str) -> URIRef:
    """``<base>role/<title>``: one ``org:Role`` per title as written."""
    if not title:
        raise ValueError("role title must not be empty")
    return URIRef(_check_base(base) + "role/" + _quote(title))


def iri_for_membership(
    base: str, person_key: str, org_key: str | None, title: str
) -> URIRef:
    """``<base>membership/<hash>``: stable for the same person, organization and title."""
    return URIRef(
        _check_base(base) + "membership/" + _digest(person_key, org_key, title)
    )


def iri_for_relation(base: str, kind: str, head: str, tail: str | None) -> URIRef:
    """``<base>relation/<hash>``: stable for the same kind, head and tail keys."""
    return URIRef(_check_base(base) + "relation/" + _digest(kind, head, tail))


def rdflib_term(term) -> URIRef | BNode | Literal:
    """An Oxigraph term as the rdflib term rdflib's own parser would make of it (a plain
    ``xsd:string`` literal without a datatype): the exporter's and the validator's bridge."""
    import pyoxigraph as ox  # imported here: kg's commands that never touch RDF stay light

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
