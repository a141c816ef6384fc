"""Write a ``model.Graph`` as RDF: Turtle (https://www.w3.org/TR/turtle/),
N-Triples (https://www.w3.org/TR/n-triples/), and as a dataset of named graphs,
N-Quads (https://www.w3.org/TR/n-quads/) and TriG (https://www.w3.org/TR/trig/).

Terms come from ``ontology/kg.ttl`` plus NIF 2.0 Core for provenance
(https://persistence.uni-leipzig.org/nlp2rdf/), W3C ORG for roles
(https://www.w3.org/TR/vocab-org/), SKOS for names and schema.org for places.
Every mention is a ``nif:String`` pointing into its article's ``nif:isString``
with code-point offsets, so any claim can be checked against the text.

The dataset puts each triple in the graph it comes from: one named graph per
article (``iri_for_graph(base, doc_id)``: its context, its mentions, and the
facts read from it with their evidence sentences; a fact read in two articles
is in both) and one for the corpus (``iri_for_graph(base, None)``: entities,
their names and counts, and what names imply). The union of the graphs is
exactly the Turtle/N-Triples graph, so provenance survives loading into a store.

Output is canonical: the graph has no blank nodes (every node IRI is derived
from stable keys in ``kg.namespaces``), and the triples are built once per graph
into one sorted table (``kg.export.quads``), written in that order with the bytes
pyoxigraph's serialiser writes (``kg.export.serial``): N-Triples lines in byte
order, N-Quads and TriG grouped by graph, Turtle and TriG with the prefixes of
``kg.namespaces.PREFIXES`` (instance IRIs stay absolute). Equal input therefore
gives byte-identical output whatever the order of entities and relations.

Not supported: relative IRIs, and the ``weight`` of ``cooccur`` relations (RDF
only says the two co-occur; GraphML keeps the count). A relation or mention
that points at an unknown entity or document raises ``ValueError``, as does a
mention whose text is not the document's text at its offsets.
"""

from __future__ import annotations

from array import array
from typing import IO

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg import model
from kg.export.memo import memoised
from kg.export.quads import Quads, Term
from kg.labels import CLASS_OF
from kg.namespaces import (
    DCTERMS,
    ITSRDF,
    KG,
    NIF,
    ORG,
    RDF,
    SDO,
    SKOS,
    XSD,
    iri_for_document,
    iri_for_entity,
    iri_for_graph,
    iri_for_membership,
    iri_for_mention,
    iri_for_relation,
    iri_for_role,
)

__all__ = ["rdf_quads", "write_nq", "write_nt", "write_trig", "write_ttl"]


def _source(source: str) -> URIRef | Literal:
    """``dcterms:source`` of an article: a URL it was fetched from stays an IRI; a file's
    source (its path relative to the folder given, see ``kg.read.find_sources``) is a
    string, never an absolute ``file:`` IRI, which would publish the user's folders and
    make the same corpus give different bytes in another place."""
    if "://" in source:
        return URIRef(source)
    return Literal(source)


#: (lexical form, language, datatype) of a literal, or an IRI's text: what ``_Builder`` numbers
_Key = tuple[str, str, str] | str
# offsets are xsd:integer (>= 0 by the shapes): stores keep xsd:nonNegativeInteger as xsd:integer (issue 14)
_NON_NEGATIVE = str(XSD.integer)
_INTEGER = str(XSD.integer)  # what rdflib gives a Python int
# the terms of every span, resolved once (a namespace attribute makes a new URIRef each time)
_A, _STRING, _PHRASE, _SENTENCE = str(RDF.type), str(NIF.String), str(NIF.Phrase), str(NIF.Sentence)
_CONTEXT, _BEGIN, _END, _ANCHOR = str(NIF.referenceContext), str(NIF.beginIndex), str(NIF.endIndex), str(NIF.anchorOf)
_IDENT, _IN_SENTENCE = str(ITSRDF.taIdentRef), str(NIF.sentence)
# and of every entity
_PREF, _ALT, _COUNT, _CODE = str(SKOS.prefLabel), str(SKOS.altLabel), str(KG.mentionCount), str(KG.adminCode)
_IN_PLACE, _SUB_ORG = str(SDO.containedInPlace), str(ORG.subOrganizationOf)


def _index(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _key(term: URIRef | Literal | _Key) -> _Key:
    kind = type(term)
    if kind is str or kind is tuple:
        return term
    if kind is URIRef:
        return str(term)
    if isinstance(term, Literal):
        return (str(term), term.language or "", str(term.datatype or ""))
    if isinstance(term, URIRef):
        return str(term)
    raise ValueError(f"unsupported RDF term {term!r}")  # the exporter makes no blank nodes


def _oxigraph(key: _Key) -> Term:
    if isinstance(key, str):
        return ox.NamedNode(key)
    value, language, datatype = key
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


class _Builder:
    """Holds the lookups one export needs; ``build()`` adds every triple.

    Terms are numbered as they come (``ids``) and each triple is kept as one row
    ``(graph, subject, predicate, object)`` per named graph it goes in (``rows``):
    cheaper than a store, and ``Quads`` sorts and deduplicates the rows once."""

    def __init__(self, graph: model.Graph, base: str) -> None:
        self.graph = graph
        self.base = base
        self.docs = {d.doc_id: d for d in graph.documents}
        self.entities = {e.key: e for e in graph.entities}
        self.ids: dict[_Key, int] = {}
        self.rows = array("i")  # term numbers, as Quads keeps them (NUMBER)
        self.spans: dict[tuple[str, int, int], int] = {}  # -> the span's term number
        self.doc_iris = {d.doc_id: str(iri_for_document(base, d.doc_id)) for d in graph.documents}
        self.corpus = iri_for_graph(base, None)
        self.corpus_target = (self.term(self.corpus),)
        self.targets: tuple[int, ...] = self.corpus_target  # the named graphs ``add`` writes to
        self.graph_ids: dict[tuple[str, ...], tuple[int, ...]] = {}
        self.entity_iris: dict[str, str] = {}
        # what a span's IRI starts with in each document (``iri_for_mention`` without its checks
        # and quoting per span): the document's IRI and its separator
        self.span_prefix = {
            doc_id: str(iri_for_mention(base, doc_id, 0, 0)).removesuffix("char=0,0") for doc_id in self.doc_iris
        }
        # the numbers of the terms every span and mention uses, and of each document's IRI: the
        # spans' and mentions' triples (most of a graph's) are added as numbers, with no lookup
        # of a term that is the same for all of them (``span``, ``entity``)
        self.a, self.string, self.phrase, self.sentence = map(self.term, (_A, _STRING, _PHRASE, _SENTENCE))
        self.context, self.begin, self.end, self.anchor = map(self.term, (_CONTEXT, _BEGIN, _END, _ANCHOR))
        self.ident, self.in_sentence = self.term(_IDENT), self.term(_IN_SENTENCE)
        self.evidence = self.term(KG.evidence)
        self.offsets: dict[int, int] = {}  # offset -> its literal's term number
        self.doc_ids = {doc_id: self.term(iri) for doc_id, iri in self.doc_iris.items()}

    def term(self, term: URIRef | Literal | _Key) -> int:
        # keys are plain str or tuple (``_key``): those are looked up as they are, and an rdflib
        # term (never equal to a plain key) goes through ``_key``
        found = self.ids.get(term)
        if found is None:
            key = _key(term)
            found = self.ids.get(key)
            if found is None:
                found = self.ids[key] = len(self.ids)
        return found

    def add(self, s: URIRef | str, p: URIRef | str, o: URIRef | Literal | _Key) -> None:
        self.add_numbers(self.term(s), self.term(p), self.term(o))

    def add_numbers(self, s: int, p: int, o: int) -> None:
        """``add`` for terms already numbered (``term``)."""
        rows = self.rows
        for g in self.targets:
            rows.extend((g, s, p, o))

    def into(self, doc_ids: list[str] | tuple[str, ...] = ()) -> None:
        """Send the next triples to these articles' graphs (none: the corpus graph)."""
        if not doc_ids:
            self.targets = self.corpus_target
            return
        targets = self.graph_ids.get(doc_ids if isinstance(doc_ids, tuple) else tuple(doc_ids))
        if targets is None:
            ids = tuple(self.term(iri_for_graph(self.base, d)) for d in sorted(set(doc_ids)))
            targets = self.graph_ids[tuple(doc_ids)] = ids
        self.targets = targets

    def entity_iri(self, key: str) -> str:
        found = self.entity_iris.get(key)
        if found is None:
            entity = self.entities.get(key)
            if entity is None:
                raise ValueError(f"relation or attribute refers to unknown entity {key!r}")
            found = self.entity_iris[key] = str(iri_for_entity(self.base, entity.label, entity.local_name))
        return found

    def offset(self, value: int) -> int:
        """The term number of ``value`` as an offset (``xsd:integer``), looked up by the number."""
        found = self.offsets.get(value)
        if found is None:
            found = self.offsets[value] = self.term((str(value), "", _NON_NEGATIVE))
        return found

    def span(self, doc_id: str, start: int, end: int) -> int:
        """A ``nif:String`` for ``text[start:end]`` of a document, in that document's graph
        (where every caller sends it); returns its IRI's term number. A sentence is cited by each
        of its mentions and facts: its triples are added the first time only."""
        found = self.spans.get((doc_id, start, end))
        if found is not None:
            return found
        doc = self.docs.get(doc_id)
        if doc is None:
            raise ValueError(f"span refers to unknown document {doc_id!r}")
        if not 0 <= start <= end <= len(doc.text):
            raise ValueError(f"span [{start}, {end}) outside document {doc_id!r}")
        term, offset = self.term, self.offset
        iri = self.spans[doc_id, start, end] = term(f"{self.span_prefix[doc_id]}char={start},{end}")
        objects = (self.string, self.doc_ids[doc_id], offset(start), offset(end), term((doc.text[start:end], "", "")))
        rows = self.rows
        for g in self.targets:
            rows.extend((g, iri, self.a, objects[0], g, iri, self.context, objects[1], g, iri, self.begin, objects[2],
                         g, iri, self.end, objects[3], g, iri, self.anchor, objects[4]))
        return iri

    def build(self) -> Quads:
        for doc in self.graph.documents:
            self.document(doc)
        for entity in self.graph.entities:
            self.entity(entity)
        for relation in self.graph.relations:
            self.relation(relation)
        terms = [_oxigraph(t) for t in self.ids]
        self.ids.clear()  # the lookups are done with: free them before sorting, the export's peak
        self.spans.clear()
        return Quads.from_rows(terms, self.rows, consume=True)  # emptied once ranked

    def document(self, doc: model.Document) -> None:
        self.into([doc.doc_id])
        iri = iri_for_document(self.base, doc.doc_id)
        self.add(iri, RDF.type, NIF.Context)
        self.add(iri, DCTERMS.identifier, Literal(doc.doc_id))
        self.add(iri, NIF.isString, Literal(doc.text))
        # NIF 2.0: a context spans its whole string
        self.add(iri, NIF.beginIndex, _index(0))
        self.add(iri, NIF.endIndex, _index(len(doc.text)))
        self.add(iri, DCTERMS.source, _source(doc.source))
        if doc.sha256:
            self.add(iri, KG.sha256, Literal(doc.sha256))

    def entity(self, entity: model.Entity) -> None:
        self.into()
        iri = self.entity_iri(entity.key)
        # literals as ``_Key``s: what ``_key`` makes of Literal(name, lang="zh"), Literal(count), Literal(code)
        self.add(iri, _A, str(KG[CLASS_OF[entity.label]]))
        self.add(iri, _PREF, (entity.name, "zh", ""))
        for variant in entity.variants:
            if variant != entity.name:
                self.add(iri, _ALT, (variant, "zh", ""))
        self.add(iri, _COUNT, (str(len(entity.mentions)), "", _INTEGER))
        attributes = dict(entity.attributes)
        code = attributes.get("adminCode")
        if code is not None and entity.label == "LOC":
            self.add(iri, _CODE, (code, "", ""))
        parent = attributes.get("parent")
        if parent is not None:
            if entity.label == "LOC":
                self.add(iri, _IN_PLACE, self.entity_iri(parent))
            elif entity.label == "ORG":
                self.add(iri, _SUB_ORG, self.entity_iri(parent))
        docs = self.docs
        entity_number = self.term(iri)
        add = self.add_numbers
        for mention in entity.mentions:
            self.into((mention.doc_id,))
            span = self.span(mention.doc_id, mention.start, mention.end)
            anchor = docs[mention.doc_id].text[mention.start : mention.end]
            if mention.text != anchor:
                raise ValueError(
                    f"mention {mention.text!r} of {entity.key!r} does not match "
                    f"{anchor!r} at [{mention.start}, {mention.end}) in {mention.doc_id!r}"
                )
            add(span, self.a, self.phrase)
            add(span, self.ident, entity_number)
            start, end = mention.sentence
            if start < end:  # the sentence it was read in, so a reader sees the mention in context
                sentence = self.span(mention.doc_id, start, end)
                add(sentence, self.a, self.sentence)
                add(span, self.in_sentence, sentence)

    def relation(self, rel: model.Relation) -> None:
        self.into([doc_id for doc_id, _, _ in rel.evidence])
        head = self.entity_iri(rel.head)
        tail = None if rel.tail is None else self.entity_iri(rel.tail)
        if rel.kind == "role":
            self.membership(rel, head, tail)
        elif tail is None:
            raise ValueError(f"{rel.kind!r} relation from {rel.head!r} has no tail")
        elif rel.kind == "cooccur":
            self.add(head, KG.cooccursWith, tail)
        elif rel.kind in ("suborg", "located", "organizer", "partner"):
            if rel.kind == "located":
                predicate = SDO.containedInPlace if self.entities[rel.head].label == "LOC" else SDO.location
            elif rel.kind == "organizer":
                # the programme is the subject, whichever end the extractor put it
                if self.entities[rel.head].label == "ORG" and self.entities[rel.tail].label == "PROG":
                    head, tail = tail, head
                predicate = SDO.organizer
            else:
                predicate = ORG.subOrganizationOf if rel.kind == "suborg" else KG.partnerOf
            self.add(head, predicate, tail)
            self.statement(rel, head, predicate, tail)
        else:
            raise ValueError(f"unsupported relation kind {rel.kind!r}")

    def statement(self, rel: model.Relation, head: URIRef, predicate: URIRef, tail: URIRef) -> None:
        """The sentences a relation was read in, on an ``rdf:Statement`` that reifies it."""
        if not rel.evidence:
            return  # implied by names (the place hierarchy, 附属): nothing to cite
        iri = iri_for_relation(self.base, rel.kind, rel.head, rel.tail)
        self.add(iri, RDF.type, RDF.Statement)
        self.add(iri, RDF.subject, head)
        self.add(iri, RDF.predicate, predicate)
        self.add(iri, RDF.object, tail)
        for doc_id, start, end in rel.evidence:
            self.into([doc_id])
            sentence = self.span(doc_id, start, end)
            self.add_numbers(sentence, self.a, self.sentence)
            self.add_numbers(self.term(iri), self.evidence, sentence)

    def membership(
        self, rel: model.Relation, person: URIRef, org: URIRef | None
    ) -> None:
        iri = iri_for_membership(self.base, rel.head, rel.tail, rel.role)
        self.add(iri, RDF.type, ORG.Membership)
        self.add(iri, ORG.member, person)
        if org is not None:
            self.add(iri, ORG.organization, org)
            self.add(person, ORG.memberOf, org)
        if rel.role:  # org:role is optional in W3C ORG; an empty title has no Role
            role = iri_for_role(self.base, rel.role)
            self.add(iri, ORG.role, role)
            # a Role is shared by every article that names the title: the corpus graph, once
            targets, self.targets = self.targets, self.corpus_target
            self.add(role, RDF.type, ORG.Role)
            self.add(role, SKOS.prefLabel, Literal(rel.role, lang="zh"))
            self.targets = targets
        for doc_id, start, end in rel.evidence:
            self.into([doc_id])
            sentence = self.span(doc_id, start, end)
            self.add_numbers(sentence, self.a, self.sentence)
            self.add_numbers(self.term(iri), self.evidence, sentence)


def rdf_quads(graph: model.Graph, base: str) -> Quads:
    """The sorted quads of ``graph`` with instance IRIs under ``base``, built once per graph
    and base and shared by every writer (``kg.export.memo``)."""
    return memoised(graph, ("rdf", base), lambda: _Builder(graph, base).build())


def write_ttl(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 Turtle: absolute instance IRIs, the vocabularies' prefixes,
    subjects in sorted order with their predicates and objects grouped."""
    rdf_quads(graph, base).write_turtle(stream, dataset=False)


def write_nt(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 N-Triples, one triple a line, lines sorted."""
    rdf_quads(graph, base).write_lines(stream, dataset=False)


def write_nq(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 N-Quads, one named graph per article plus the corpus graph,
    sorted by graph, then subject, predicate and object."""
    rdf_quads(graph, base).write_lines(stream, dataset=True)


def write_trig(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 TriG, the same named graphs as ``write_nq`` in the same
    order, with the prefixes of ``write_ttl``."""
    rdf_quads(graph, base).write_turtle(stream, dataset=True)
