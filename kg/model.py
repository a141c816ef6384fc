"""Plain data passed between the stages of a build.

Every stage hands the next one frozen dataclasses, so a stage can be tested
without any other and none of them can reach back and change an earlier
stage's output. Nothing here knows about files, spaCy or RDF.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: ``array`` type code of ``Document.offsets``: unsigned, at least 4 bytes (raw texts under 4 G characters).
_OFFSET_TYPE = "I" if array("I").itemsize >= 4 else "L"


@dataclass(frozen=True)
class Document:
    """One source article after reading and normalising.

    ``text`` is the normalised text that every offset counts in (Unicode code
    points); ``offsets[i]`` is the index in ``raw`` of ``text[i]``, with one
    extra entry for the end, so provenance can point into the original file.
    ``breaks`` are the positions in ``text`` where whitespace was removed:
    OCR glued words there, and extractors may use them as soft boundaries.
    ``source`` is the file's path relative to the folder it was found in (or its
    name), ``encoding`` the codec it was decoded with (``raw`` is its text) and
    ``sha256`` the hex SHA-256 of its bytes ("" when not read from a file).
    ``simplified`` is ``text`` in simplified characters when it differs (an article
    in traditional characters), of the same length so offsets are shared; the
    pipeline reads ``nlp_text`` while mentions are slices of ``text``.

    ``offsets`` is kept as an unsigned ``array`` (4 bytes a character, where a tuple
    of ints takes about 36): a build holds every document at once, and the per-document
    map sends them between processes. It is left out of the hash (arrays have none).
    """

    doc_id: str
    source: str
    raw: str
    text: str
    offsets: Sequence[int] = field(hash=False)
    breaks: frozenset[int] = frozenset()
    encoding: str = "utf-8"
    sha256: str = ""
    simplified: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.offsets, array):
            object.__setattr__(self, "offsets", array(_OFFSET_TYPE, self.offsets))

    @property
    def nlp_text(self) -> str:
        """What extraction reads: ``text`` in simplified characters (the same length)."""
        return self.text if self.simplified is None else self.simplified

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the raw file's offsets."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, order=True)
class Mention:
    """A span of a document's normalised text labelled PER, ORG, LOC, PROG or DOC.

    ``sentence`` is the ``[start, end)`` span of the sentence it sits in, which
    relations and co-occurrence edges cite as their evidence.
    """

    doc_id: str
    start: int
    end: int
    label: str
    text: str
    sentence: tuple[int, int] = (0, 0)


@dataclass(frozen=True, order=True)
class RawRelation:
    """A relation found inside one document, between two of its mentions.

    ``kind`` is one of ``labels.RELATIONS``; ``head`` and ``tail`` are mentions of
    the same document; ``role`` is the title as written for ``role`` relations.
    """

    kind: str
    head: Mention
    tail: Mention | None
    role: str = ""


@dataclass(frozen=True)
class DocResult:
    """What the per-document NLP map gives the corpus-wide linker."""

    document: Document
    mentions: tuple[Mention, ...]
    relations: tuple[RawRelation, ...]
    sentences: tuple[tuple[int, int], ...]
    #: The article's own step of linking, made beside extraction: ``(settings digest,
    #: kg.link.corpus.ArticleLinks)``, or None; linking uses it only for the same settings.
    linked: tuple[str, Any] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Entity:
    """One real-world thing, however many ways the texts name it.

    ``key`` is stable (type + canonical name) and is what IRIs are made from.
    ``variants`` are the distinct surface forms seen, sorted; ``attributes``
    holds typed extras such as a place's administrative code.
    """

    key: str
    label: str
    name: str
    variants: tuple[str, ...]
    mentions: tuple[Mention, ...]
    attributes: tuple[tuple[str, str], ...] = ()
    #: Why each variant was linked here: ``(variant, rule, doc_id, sentence start, sentence end)``.
    provenance: tuple[tuple[str, str, str, int, int], ...] = ()

    def attribute(self, name: str) -> str | None:
        return dict(self.attributes).get(name)

    @property
    def local_name(self) -> str:
        """What names the entity in its IRI: the key after its label, i.e. the canonical
        name, plus ``#2``, ``#3`` ... for namesakes kept apart (two people of one name)."""
        return self.key.split(":", 1)[1] if ":" in self.key else self.name


@dataclass(frozen=True, order=True)
class Relation:
    """A relation between linked entities, with the sentence it came from.

    ``kind``: ``role`` (head person, tail organization or None, ``role`` the
    title), ``suborg`` (head child, tail parent), ``located`` (head inside
    tail), ``cooccur`` (two entities in one sentence; ``weight`` counts them).
    ``evidence`` lists ``(doc_id, start, end)`` sentence spans.
    """

    kind: str
    head: str
    tail: str | None
    role: str = ""
    weight: int = 1
    evidence: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Graph:
    """The linked corpus: what every exporter reads, and nothing else."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    #: The build's ``--province`` (the paper's): what a bare 省 means in an article that names no
    #: other. Linking used it; kept here so a writer can say how each article's setting was decided.
    province: str | None = None

    def entity(self, key: str) -> Entity:
        return self._index()[key]

    def _index(self) -> dict[str, Entity]:
        index = self.__dict__.get("_entity_index")
        if index is None:
            index = {e.key: e for e in self.entities}
            object.__setattr__(self, "_entity_index", index)
        return index
