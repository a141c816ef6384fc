"""The one place that knows the stage order: read -> normalise -> nlp -> link -> graph -> export.

A build is all or nothing for each document and for the output folder:

* Any exception while normalising or extracting one document becomes that
  document's ``InputError`` (one line naming the file), and the others build.
* ``--out`` is locked, repaired and staged (``kg.atomic.OutputFolder``) right
  after reading, before any extraction, so an unwritable folder or a build
  already running there is reported at once; every file is written into the
  staging folder, and the finished build replaces the previous one in a single
  rename, so a reader never sees files of two builds, even across ``kill -9``.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.aliases import Aliases
from kg.atomic import OutputFolder, file_mode
from kg.errors import InputError, KgError, NoDocumentsError
from kg.export import EXTENSIONS, WRITERS
from kg.export.rdf import rdf_quads, rdflib_triples
from kg.extract import extract_one
from kg.graph import build_graph
from kg.link import LinkSettings, link
from kg.model import Document, Graph
from kg.namespaces import DEFAULT_BASE
from kg.nlp import load_nlp
from kg.normalise import normalise
from kg.read import RawText, read_all
from kg.validate import Violation, validate

#: The encoding most files are in; the summary names only files read as something else.
UTF8 = "utf-8"

#: How long an exception's message may get in a per-document error line.
_MAX_REASON = 300


@dataclass(frozen=True)
class BuildSettings:
    base: str = DEFAULT_BASE
    province: str = "福建省"
    formats: tuple[str, ...] = tuple(sorted(WRITERS))  # every format, as `kg build` writes by default
    nlp_overrides: dict = field(default_factory=dict)
    aliases: Aliases = field(default_factory=Aliases)
    publisher: str | None = None
    encoding: str | None = None  # force one codec for every input; None: detect per file


@dataclass(frozen=True)
class BuildReport:
    graph: Graph
    errors: tuple[InputError, ...]
    written: tuple[Path, ...]
    seconds: float
    triples: int
    violations: tuple[Violation, ...] = ()

    def entity_counts(self) -> Counter[str]:
        return Counter(e.label for e in self.graph.entities if e.mentions)

    @property
    def links(self) -> int:
        """Surface forms linked to an entity whose canonical name differs from them."""
        return sum(sum(1 for v in e.variants if v != e.name) for e in self.graph.entities)

    def not_utf8(self) -> list[tuple[str, str]]:
        """``(source, encoding)`` of each document that was not read as UTF-8, in input order."""
        return [(d.source, d.encoding) for d in self.graph.documents if d.encoding != UTF8]


Progress = Callable[[Iterable[Document]], Iterable[Document]]


def failure(stage: str, exc: BaseException) -> str:
    """An unexpected exception as one short line: what failed and the exception's own words."""
    words = " ".join(str(exc).split())
    if len(words) > _MAX_REASON:
        words = words[: _MAX_REASON - 1] + "…"
    return f"{stage} failed ({type(exc).__name__}{': ' + words if words else ''})"


def read_inputs(paths: list[Path], settings: BuildSettings) -> tuple[list[RawText], list[InputError]]:
    """Read every input file; raise ``NoDocumentsError`` if not one could be read."""
    texts, errors = read_all(paths, encoding=settings.encoding)
    if not texts:
        raise NoDocumentsError(errors)
    return texts, errors


def _normalised(text: RawText) -> Document:
    """Normalise one text, keeping what the reader learnt about its file."""
    return normalise(text.doc_id, text.source, text.text, encoding=text.encoding, sha256=text.sha256)


def _where(item: RawText | Document) -> str:
    """The file to name in an error line: its path where the reader kept one, else its source."""
    return str(getattr(item, "path", None) or item.source)


def graph_of(
    texts: list[RawText], settings: BuildSettings, progress: Progress = lambda docs: docs
) -> tuple[Graph, list[InputError]]:
    """Normalise, extract and link; a document that raises is left out and reported.

    Raises ``NoDocumentsError`` (with those errors) if every document failed.
    """
    errors: list[InputError] = []
    documents: list[Document] = []
    for text in texts:
        try:
            documents.append(_normalised(text))
        except Exception as exc:  # any bug on one text must not stop the others
            errors.append(InputError(_where(text), failure("normalising", exc)))
    nlp = load_nlp(settings.nlp_overrides) if documents else None
    results = []
    for document in progress(documents):
        try:
            results.append(extract_one(nlp, document))
        except Exception as exc:  # as above: one document's line, not the build's end
            errors.append(InputError(_where(document), failure("extraction", exc)))
    if not results:
        raise NoDocumentsError(errors)
    link_settings = LinkSettings(province=settings.province, aliases=settings.aliases, publisher=settings.publisher)
    entities, relations = link(results, link_settings)
    kept = [r.document for r in results]
    return build_graph(kept, entities, relations, settings.province), errors


def make_graph(
    paths: list[Path], settings: BuildSettings, progress: Progress = lambda docs: docs
) -> tuple[Graph, list[InputError]]:
    """Read, extract and link (nothing is written); raise ``KgError`` if no document could be used."""
    texts, read_errors = read_inputs(paths, settings)
    try:
        graph, errors = graph_of(texts, settings, progress)
    except NoDocumentsError as exc:
        raise NoDocumentsError(read_errors + exc.errors) from exc
    return graph, read_errors + errors


def write_outputs(
    graph: Graph, folder: Path, settings: BuildSettings, shown_as: Path | None = None
) -> tuple[Path, ...]:
    """Write every requested format into ``folder`` (a staging folder); errors name ``shown_as``'s files."""
    shown_as = shown_as or folder
    written: list[Path] = []
    for fmt in settings.formats:
        name = EXTENSIONS[fmt]
        try:
            with open(folder / name, "xb") as stream:
                WRITERS[fmt](graph, stream, settings.base)
            os.chmod(folder / name, file_mode())
        except OSError as exc:
            raise KgError(f"{shown_as / name}: cannot write ({exc.strerror or exc})") from exc
        written.append(shown_as / name)
    return tuple(written)


def build(
    paths: list[Path],
    out_dir: Path,
    settings: BuildSettings | None = None,
    progress: Progress = lambda docs: docs,
) -> BuildReport:
    """Build the graph of ``paths`` and publish it whole as ``out_dir`` (see ``kg.atomic``)."""
    settings = settings or BuildSettings()
    unknown = [f for f in settings.formats if f not in WRITERS]
    if unknown:
        raise KgError(f"unknown output format {unknown[0]!r} (choose from {', '.join(sorted(WRITERS))})")
    started = time.perf_counter()
    texts, read_errors = read_inputs(paths, settings)
    with OutputFolder(out_dir, EXTENSIONS.values()) as folder:
        try:
            graph, errors = graph_of(texts, settings, progress)
        except NoDocumentsError as exc:
            raise NoDocumentsError(read_errors + exc.errors) from exc
        written = write_outputs(graph, folder.staging, settings, shown_as=out_dir)
        # validated from the quad table the writers shared: no rdflib store is built
        violations = tuple(validate(rdflib_triples(graph, settings.base)))
        triples = len(rdf_quads(graph, settings.base).triples)
        folder.publish()
    return BuildReport(
        graph, tuple(read_errors + errors), written, time.perf_counter() - started, triples, violations
    )
