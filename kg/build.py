"""The one place that knows the stage order: read -> normalise -> nlp -> link -> graph -> export.

Output files are written to temporary names and moved into place only when
every one of them is complete, so a failed build never leaves a half-written
file behind, and an earlier build's files stay until the new ones are ready.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.aliases import Aliases
from kg.atomic import file_mode, stage
from kg.errors import InputError, KgError, NoDocumentsError
from kg.export import EXTENSIONS, WRITERS
from kg.export.rdf import to_rdflib
from kg.extract import extract
from kg.graph import build_graph
from kg.link import LinkSettings, link
from kg.model import Document, Graph
from kg.namespaces import DEFAULT_BASE
from kg.nlp import load_nlp
from kg.normalise import normalise
from kg.read import read_all
from kg.validate import Violation, validate


@dataclass(frozen=True)
class BuildSettings:
    base: str = DEFAULT_BASE
    province: str = "福建省"
    formats: tuple[str, ...] = tuple(sorted(WRITERS))  # every format, as `kg build` writes by default
    nlp_overrides: dict = field(default_factory=dict)
    aliases: Aliases = field(default_factory=Aliases)
    publisher: str | None = None


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


def make_graph(
    paths: list[Path],
    settings: BuildSettings,
    progress: Callable[[Iterable[Document]], Iterable[Document]] = lambda docs: docs,
) -> tuple[Graph, list[InputError]]:
    """Read, extract and link; raise ``KgError`` if no document could be read."""
    texts, errors = read_all(paths)
    if not texts:
        raise NoDocumentsError(errors)
    documents = [normalise(t.doc_id, t.source, t.text) for t in texts]
    nlp = load_nlp(settings.nlp_overrides)
    results = list(extract(nlp, progress(documents)))
    link_settings = LinkSettings(province=settings.province, aliases=settings.aliases, publisher=settings.publisher)
    entities, relations = link(results, link_settings)
    return build_graph(documents, entities, relations, settings.province), errors


def write_outputs(graph: Graph, out_dir: Path, settings: BuildSettings) -> tuple[Path, ...]:
    """Write every requested format atomically into ``out_dir``."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc})") from exc
    staged: list[tuple[Path, Path]] = []
    try:
        for fmt in settings.formats:
            target = out_dir / EXTENSIONS[fmt]
            fd, tmp = stage(target)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as stream:
                WRITERS[fmt](graph, stream, settings.base)
            os.chmod(tmp, file_mode())
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        where = staged[-1][1] if staged else out_dir
        raise KgError(f"{where}: cannot write ({exc.strerror or exc})") from exc
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return tuple(target for _, target in staged)


def build(
    paths: list[Path],
    out_dir: Path,
    settings: BuildSettings | None = None,
    progress: Callable[[Iterable[Document]], Iterable[Document]] = lambda docs: docs,
) -> BuildReport:
    settings = settings or BuildSettings()
    unknown = [f for f in settings.formats if f not in WRITERS]
    if unknown:
        raise KgError(f"unknown output format {unknown[0]!r} (choose from {', '.join(sorted(WRITERS))})")
    started = time.perf_counter()
    graph, errors = make_graph(paths, settings, progress)
    written = write_outputs(graph, out_dir, settings)
    rdf = to_rdflib(graph, settings.base)
    violations = tuple(validate(rdf))
    return BuildReport(graph, tuple(errors), written, time.perf_counter() - started, len(rdf), violations)


