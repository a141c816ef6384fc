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
from stable keys in ``kg.namespaces``), rdflib's Turtle serializer sorts
subjects, predicates and objects, and N-Triples/N-Quads lines are sorted. Equal
input therefore gives byte-identical output whatever the order of entities and
relations.

Not supported: relative IRIs, and the ``weight`` of ``cooccur`` relations (RDF
only says the two co-occur; GraphML keeps the count). A relation or mention
that points at an unknown entity or document raises ``ValueError``, as does a
mention whose text is not the document's text at its offsets.
"""

from __future__ import annotations

from typing import IO

from rdflib import Dataset, Literal, URIRef
from rdflib import Graph as RDFGraph

from kg import model
from kg.labels import CLASS_OF
from kg.namespaces import (
    DCTERMS,
    ITSRDF,
    KG,
    NIF,
    ORG,
    PREFIXES,
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

__all__ = ["to_dataset", "to_rdflib", "write_nq", "write_nt", "write_trig", "write_ttl"]



def _source(source: str) -> URIRef | Literal:
    """``dcterms:source`` of an article: a URL it was fetched from stays an IRI; a file's
    source (its path relative to the folder given, see ``kg.read.find_sources``) is a
    string, never an absolute ``file:`` IRI, which would publish the user's folders and
    make the same corpus give different bytes in another place."""
    if "://" in source:
        return URIRef(source)
    return Literal(source)


def _index(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


class _Builder:
    """Holds the lookups one export needs; ``build()`` adds every triple."""

    def __init__(self, graph: model.Graph, base: str) -> None:
        self.graph = graph
        self.base = base
        self.docs = {d.doc_id: d for d in graph.documents}
        self.entities = {e.key: e for e in graph.entities}
        self.out = RDFGraph(bind_namespaces="core")
        for prefix, ns in PREFIXES.items():
            self.out.bind(prefix, ns, override=True, replace=True)
        self.out.bind("kgid", base, override=True, replace=True)
        self.corpus = iri_for_graph(base, None)
        self.targets: tuple[URIRef, ...] = (self.corpus,)  # the named graphs ``add`` writes to
        self.quads: set[tuple[URIRef, URIRef, URIRef | Literal, URIRef]] = set()

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.out.add((s, p, o))
        self.quads.update((s, p, o, g) for g in self.targets)

    def into(self, doc_ids: list[str] | tuple[str, ...] = ()) -> None:
        """Send the next triples to these articles' graphs (none: the corpus graph)."""
        ids = sorted(set(doc_ids))
        self.targets = tuple(iri_for_graph(self.base, d) for d in ids) or (self.corpus,)

    def entity_iri(self, key: str) -> URIRef:
        entity = self.entities.get(key)
        if entity is None:
            raise ValueError(f"relation or attribute refers to unknown entity {key!r}")
        return iri_for_entity(self.base, entity.label, entity.local_name)

    def span(self, doc_id: str, start: int, end: int) -> URIRef:
        """A ``nif:String`` for ``text[start:end]`` of a document; returns its IRI."""
        doc = self.docs.get(doc_id)
        if doc is None:
            raise ValueError(f"span refers to unknown document {doc_id!r}")
        if not 0 <= start <= end <= len(doc.text):
            raise ValueError(f"span [{start}, {end}) outside document {doc_id!r}")
        iri = iri_for_mention(self.base, doc_id, start, end)
        self.add(iri, RDF.type, NIF.String)
        self.add(iri, NIF.referenceContext, iri_for_document(self.base, doc_id))
        self.add(iri, NIF.beginIndex, _index(start))
        self.add(iri, NIF.endIndex, _index(end))
        self.add(iri, NIF.anchorOf, Literal(doc.text[start:end]))
        return iri

    def build(self) -> RDFGraph:
        for doc in self.graph.documents:
            self.document(doc)
        for entity in self.graph.entities:
            self.entity(entity)
        for relation in self.graph.relations:
            self.relation(relation)
        return self.out

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
        iri = iri_for_entity(self.base, entity.label, entity.local_name)
        self.add(iri, RDF.type, KG[CLASS_OF[entity.label]])
        self.add(iri, SKOS.prefLabel, Literal(entity.name, lang="zh"))
        for variant in entity.variants:
            if variant != entity.name:
                self.add(iri, SKOS.altLabel, Literal(variant, lang="zh"))
        self.add(iri, KG.mentionCount, Literal(len(entity.mentions)))
        code = entity.attribute("adminCode")
        if code is not None and entity.label == "LOC":
            self.add(iri, KG.adminCode, Literal(code))
        parent = entity.attribute("parent")
        if parent is not None:
            if entity.label == "LOC":
                self.add(iri, SDO.containedInPlace, self.entity_iri(parent))
            elif entity.label == "ORG":
                self.add(iri, ORG.subOrganizationOf, self.entity_iri(parent))
        for mention in entity.mentions:
            self.into([mention.doc_id])
            span = self.span(mention.doc_id, mention.start, mention.end)
            anchor = self.docs[mention.doc_id].text[mention.start : mention.end]
            if mention.text != anchor:
                raise ValueError(
                    f"mention {mention.text!r} of {entity.key!r} does not match "
                    f"{anchor!r} at [{mention.start}, {mention.end}) in {mention.doc_id!r}"
                )
            self.add(span, RDF.type, NIF.Phrase)
            self.add(span, ITSRDF.taIdentRef, iri)
            start, end = mention.sentence
            if start < end:  # the sentence it was read in, so a reader sees the mention in context
                sentence = self.span(mention.doc_id, start, end)
                self.add(sentence, RDF.type, NIF.Sentence)
                self.add(span, NIF.sentence, sentence)

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
            self.add(sentence, RDF.type, NIF.Sentence)
            self.add(iri, KG.evidence, sentence)

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
            self.add(role, RDF.type, ORG.Role)
            self.add(role, SKOS.prefLabel, Literal(rel.role, lang="zh"))
        for doc_id, start, end in rel.evidence:
            self.into([doc_id])
            sentence = self.span(doc_id, start, end)
            self.add(sentence, RDF.type, NIF.Sentence)
            self.add(iri, KG.evidence, sentence)


def to_rdflib(graph: model.Graph, base: str) -> RDFGraph:
    """The RDF view of ``graph``, with instance IRIs under ``base``."""
    return _Builder(graph, base).build()


def to_dataset(graph: model.Graph, base: str) -> Dataset:
    """The same triples as ``to_rdflib``, each in the named graph of the article it was read
    from (several if several articles say it) or in the corpus graph."""
    builder = _Builder(graph, base)
    builder.build()
    dataset = Dataset()
    for prefix, ns in builder.out.namespaces():
        dataset.bind(prefix, ns, override=True, replace=True)
    for quad in sorted(builder.quads):
        dataset.add(quad)
    return dataset


def write_ttl(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 Turtle with absolute IRIs and fixed prefixes."""
    stream.write(to_rdflib(graph, base).serialize(format="turtle", encoding="utf-8"))


def write_nt(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 N-Triples, one triple a line, lines sorted."""
    data = to_rdflib(graph, base).serialize(format="nt", encoding="utf-8")
    lines = sorted({line for line in data.splitlines() if line.strip()})
    stream.write(b"".join(line + b"\n" for line in lines))


def write_nq(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 N-Quads, one named graph per article plus the corpus graph, lines sorted."""
    data = to_dataset(graph, base).serialize(format="nquads", encoding="utf-8")
    lines = sorted({line for line in data.splitlines() if line.strip()})
    stream.write(b"".join(line + b"\n" for line in lines))


def write_trig(graph: model.Graph, stream: IO[bytes], base: str) -> None:
    """Write ``graph`` as UTF-8 TriG, the same named graphs as ``write_nq``, readable with prefixes.

    rdflib's TriG writer orders the graphs as its store iterates them (by hash), so each
    graph is written with the (sorted) Turtle writer and the graphs in IRI order."""
    dataset = to_dataset(graph, base)
    prefixes: set[str] = set()
    blocks: list[str] = []
    for named in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(named):
            continue
        one = RDFGraph(bind_namespaces="core")
        for prefix, ns in dataset.namespaces():
            one.bind(prefix, ns, override=True, replace=True)
        for triple in named:
            one.add(triple)
        lines = one.serialize(format="turtle").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        body = [line for line in lines if not line.startswith("@prefix")]  # not indented: a literal may span lines
        blocks.append(f"<{named.identifier}> {{\n" + "\n".join(body).strip("\n") + "\n}\n")
    text = "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)
    stream.write(text.encode("utf-8"))
