"""The one place that knows the stage order: read -> normalise -> nlp -> link -> graph -> export.

A build is all or nothing for each document and for the output folder:

* Any exception while normalising or extracting one document becomes that
  document's ``InputError`` (one line naming the file), and the others build.
* ``--out`` is locked, repaired and staged (``kg.atomic.OutputFolder``) right
  after reading, before any extraction, so an unwritable folder or a build
  already running there is reported at once; every file is written into the
  staging folder, and the finished build replaces the previous one in a single
  rename, so a reader never sees files of two builds, even across ``kill -9``.

The per-document map (normalise + extract) runs where ``BuildSettings`` says
(``jobs`` processes or a Dask ``scheduler``: ``kg.parallel``) and skips the
documents the extraction cache (``kg.cache``) already holds; linking, the graph
and the writers always run here, over every document, so the output does not
depend on how the map was spread or what the cache held.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.atomic import OutputFolder, file_mode
from kg.cache import ExtractionCache, fingerprint
from kg.errors import InputError, KgError, NoDocumentsError
from kg.export import EXTENSIONS, WRITERS, Writer
from kg.export.rdf import rdf_quads
from kg.export.reuse import store_of, use_store
from kg.graph import build_graph
from kg.link.aliases import Aliases
from kg.link.corpus import LinkSettings, link
from kg.memory import collector_paused, release
from kg.model import DocResult, Graph
from kg.namespaces import DEFAULT_BASE
from kg.parallel import (
    SIDE_FORMATS,
    Ahead,
    Failed,
    Outcome,
    SideWriter,
    extract_map,
    side_writer,
    worth_starting,
)
from kg.progress import Progress, silent
from kg.read import RawText, read_all
from kg.sidewriter import quad_side_formats
from kg.validate import Violation, validate_quads
from kg.warm import FILE_NAME as LEXICONS

#: Characters of cached articles from which a rebuild with ``--jobs`` above 1 extracts what is new
#: in a worker process (``kg.parallel.Ahead``) rather than here: a process start (about 1.5 s)
#: costs about what reading the cache of 10,000 articles (20 M characters) does, and from there
#: this process holding the pipeline (about 250 MiB) as well as the corpus is what limits memory
#: (measured with benchmarks/scale.py: at 1,000 articles extracting here was 1 to 1.5 s quicker).
AHEAD_MIN_CHARS = 10_000_000
#: The encoding most files are in; the summary names only files read as something else.
UTF8 = "utf-8"


@dataclass(frozen=True)
class BuildSettings:
    base: str = DEFAULT_BASE
    province: str = "福建省"
    formats: tuple[str, ...] = tuple(sorted(WRITERS))  # every format, as `kg build` writes by default
    nlp_overrides: dict = field(default_factory=dict)
    aliases: Aliases = field(default_factory=Aliases)
    publisher: str | None = None
    encoding: str | None = None  # force one codec for every input; None: detect per file
    jobs: int = 1  # processes for the per-document map (kg.parallel); 1: this process
    scheduler: str | None = None  # a Dask scheduler's address: run the map on its workers instead
    cache: Path | None = None  # folder of the extraction cache (kg.cache); None: extract everything


@dataclass(frozen=True)
class BuildReport:
    #: What was written: each document's normalised text (and simplified form), not the text as
    #: read nor its offsets (``as_written``).
    graph: Graph
    errors: tuple[InputError, ...]
    written: tuple[Path, ...]
    seconds: float
    triples: int
    violations: tuple[Violation, ...] = ()
    #: Wall seconds of each stage (read, extract, link, write, validate), in order.
    stages: tuple[tuple[str, float], ...] = ()
    #: Documents extracted in this build, and documents whose result came from the cache.
    extracted: int = 0
    cached: int = 0

    def entity_counts(self) -> Counter[str]:
        return Counter(e.label for e in self.graph.entities if e.mentions)

    @property
    def links(self) -> int:
        """Surface forms linked to an entity whose canonical name differs from them."""
        return sum(sum(1 for v in e.variants if v != e.name) for e in self.graph.entities)

    def not_utf8(self) -> list[tuple[str, str]]:
        """``(source, encoding)`` of each document that was not read as UTF-8, in input order."""
        return [(d.source, d.encoding) for d in self.graph.documents if d.encoding != UTF8]


@dataclass
class _Timer:
    """Wall seconds per stage, in the order the stages ran."""

    stages: dict[str, float] = field(default_factory=dict)
    extracted: int = 0
    cached: int = 0
    #: the extraction cache's fingerprint folder, where writers keep what a rebuild reuses (``kg.export.reuse``)
    store: Path | None = None

    def add(self, stage: str, started: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - started


def link_settings(settings: BuildSettings) -> LinkSettings:
    """What linking reads of the build's settings (the map makes each article's step with them)."""
    return LinkSettings(province=settings.province, aliases=settings.aliases, publisher=settings.publisher)


def read_inputs(paths: list[Path], settings: BuildSettings) -> tuple[list[RawText], list[InputError]]:
    """Read every input file; raise ``NoDocumentsError`` if not one could be read."""
    texts, errors = read_all(paths, encoding=settings.encoding)
    if not texts:
        raise NoDocumentsError(errors)
    return texts, errors


def extract_all(
    texts: list[RawText], settings: BuildSettings, progress: Progress = silent, timer: _Timer | None = None,
    when_free: Callable[[], object] | None = None,
) -> tuple[list[DocResult], list[InputError]]:
    """The per-document map over ``texts``, results from the cache where it has them.

    Results and errors come back in input order however the map was spread. ``when_free()`` is
    called once, when a core is free beside this process for the second writer to start on
    (``build``): at once if the map runs here (reading the cache, extracting a few articles: the
    other core idles), else once the worker processes, one per core, have ended.
    """
    timer = timer or _Timer()
    started = False

    def free() -> None:
        nonlocal started
        if when_free is not None and not started:
            started = True
            when_free()

    cache = ExtractionCache(settings.cache, fingerprint(settings.nlp_overrides)).open() if settings.cache else None
    timer.store = cache.folder if cache is not None else None
    linking = link_settings(settings)
    lexicons = cache.folder / LEXICONS if cache is not None else None  # what loading the pipeline computes
    outcomes: list[Outcome | None] = [None] * len(texts)
    done, total = 0, len(texts)

    def record(index: int, outcome: Outcome) -> None:
        nonlocal done
        outcomes[index] = outcome
        if cache is not None and isinstance(outcome, DocResult):
            cache.put(texts[index], outcome)
        done += 1
        progress("extract", done, total)

    progress("extract", 0, total)  # started: reading the cache is part of the stage
    # A rebuild of a large corpus sends what the cache lacks to worker processes first, so that
    # loading the pipeline there overlaps reading the cache here and the pipeline's memory is
    # not added to this process's, which holds the corpus (kg.parallel.Ahead, AHEAD_MIN_CHARS)
    missing = [i for i, t in enumerate(texts) if not cache.has(t)] if cache is not None else []
    cached_chars = sum(len(t.text) for t in texts) - sum(len(texts[i].text) for i in missing)
    ahead = None
    if missing and cached_chars >= AHEAD_MIN_CHARS and (settings.jobs > 1 or settings.scheduler):
        ahead = Ahead([texts[i] for i in missing], settings.nlp_overrides, settings.jobs, settings.scheduler, linking,
                      lexicons)
    sent = set(missing) if ahead is not None else set()
    pending = [texts[i] for i in missing] if cache is not None else texts
    if ahead is not None or settings.scheduler or worth_starting(pending, settings.jobs) <= 1:
        free()  # no worker process on this machine's cores, or one for a few articles (Ahead)
    if cache is not None:
        with collector_paused():  # millions of objects that live on, and no cycles among them
            for i, text in enumerate(texts):
                if i not in sent:
                    outcomes[i] = cache.get(text)
    done = timer.cached = sum(o is not None for o in outcomes)
    progress("extract", done, total)
    if ahead is not None:
        for j, outcome in ahead:
            record(missing[j], outcome)
    todo = [i for i, outcome in enumerate(outcomes) if outcome is None]  # no entry, or one unreadable
    for j, outcome in extract_map([texts[i] for i in todo], settings.nlp_overrides, settings.jobs,
                                  settings.scheduler, linking=linking, lexicons=lexicons):
        record(todo[j], outcome)
    free()  # the worker processes have ended
    todo += sorted(sent)
    timer.extracted = len(todo)
    if cache is not None:
        cache.prune(texts)
    results = [o for o in outcomes if isinstance(o, DocResult)]
    errors = [InputError(o.where, o.reason) for o in outcomes if isinstance(o, Failed)]
    return results, errors


def graph_of(
    texts: list[RawText], settings: BuildSettings, progress: Progress = silent, timer: _Timer | None = None,
    when_free: Callable[[], object] | None = None,
) -> tuple[Graph, list[InputError]]:
    """Normalise, extract and link; a document that raises is left out and reported.

    Raises ``NoDocumentsError`` (with those errors) if every document failed. ``when_free``:
    as ``extract_all``'s.
    """
    timer = timer or _Timer()
    started = time.perf_counter()
    results, errors = extract_all(texts, settings, progress, timer, when_free)
    timer.add("extract", started)
    if not results:
        raise NoDocumentsError(errors)
    started = time.perf_counter()
    progress("link", 0, 1)
    with collector_paused():  # as reading the cache: the graph is made of objects that live on
        entities, relations = link(results, link_settings(settings))
        kept = [r.document for r in results]
        graph = build_graph(kept, entities, relations, settings.province)
    progress("link", 1, 1)
    timer.add("link", started)
    return graph, errors


def as_written(graph: Graph) -> Graph:
    """``graph`` with only what the files are made of: each document without its text as read,
    the offsets into it and its breaks (``raw``, ``offsets``, ``breaks``), which extraction and
    linking read and no writer does. They stayed to the end of a build, about 15 MiB per 1,000
    articles (raw 4.0, offsets 8.2, breaks 2.2), under the writers' peak. ``simplified`` stays
    (only articles in traditional characters have it, and the report shows what was read)."""
    documents = tuple(replace(d, raw="", offsets=(), breaks=frozenset()) for d in graph.documents)
    return replace(graph, documents=documents)


def make_graph(
    paths: list[Path], settings: BuildSettings, progress: Progress = silent
) -> tuple[Graph, list[InputError]]:
    """Read, extract and link (nothing is written); raise ``KgError`` if no document could be used."""
    texts, read_errors = read_inputs(paths, settings)
    try:
        graph, errors = graph_of(texts, settings, progress)
    except NoDocumentsError as exc:
        raise NoDocumentsError(read_errors + exc.errors) from exc
    return graph, read_errors + errors


def write_file(graph: Graph | None, folder: Path, fmt: str, base: str, writer: Writer | None = None) -> str | None:
    """Write one format of ``graph`` into ``folder``: None, or why the file could not be written
    (the caller names the file; a side writer's process returns the reason, not an exception).
    ``writer``: what writes the format instead of ``WRITERS[fmt]`` (the side writer's line
    formats, written from a quad table without the graph)."""
    name = EXTENSIONS[fmt]
    try:
        with open(folder / name, "xb") as stream:
            (writer or WRITERS[fmt])(graph, stream, base)
        os.chmod(folder / name, file_mode())
        flush_soon(folder / name)
    except OSError as exc:
        return str(exc.strerror or exc)
    finally:
        release()  # the writer's temporaries: the next writer's peak must not stack on them
    return None


def flush_soon(path: Path) -> None:
    """Start writing ``path`` to disk in a thread while the next file is made: publishing
    (``kg.atomic``) fsyncs every file before the rename, and a file flushed already costs it
    nothing (at 1,000 articles the fsyncs of 420 MB took 0.24 s at the end of the build).
    Best effort: whatever this misses, publishing flushes."""
    def flush() -> None:
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    threading.Thread(target=flush, name="kg-flush", daemon=True).start()


def write_outputs(
    graph: Graph, folder: Path, settings: BuildSettings, shown_as: Path | None = None, progress: Progress = silent,
    side: SideWriter | None = None, meanwhile: Callable[[], object] | None = None,
) -> tuple[Path, ...]:
    """Write every requested format into ``folder`` (a staging folder); errors name ``shown_as``'s files.

    With a ``side`` writer, that process writes ``SIDE_FORMATS`` meanwhile (``kg.parallel``), then
    ``QUAD_SIDE_FORMATS`` (``quad_side_formats``) from the quad table this process makes first and sends it.
    ``meanwhile()`` is called once this process has written its files, before it waits for the
    side writer's (the build validates there, rather than after both)."""
    shown_as = shown_as or folder
    total = len(settings.formats)
    progress("write", 0, total)
    elsewhere = [f for f in settings.formats if side is not None and f in SIDE_FORMATS]
    futures = [side.submit(graph, folder, elsewhere, settings.base)] if side is not None and elsewhere else []
    quad_side = quad_side_formats(settings.formats, store_of(graph))
    by_quads = [f for f in settings.formats if futures and f in quad_side]
    if side is not None and by_quads:
        futures.append(side.submit_quads(rdf_quads(graph, settings.base), folder, by_quads, settings.base))
        release()  # what sorting the quad table took
        elsewhere = [*elsewhere, *by_quads]  # a new list: the side writer was handed the first
    outcomes: dict[str, str | None] = {}
    for fmt in settings.formats:
        if fmt not in elsewhere:
            outcomes[fmt] = write_file(graph, folder, fmt, settings.base)
            if outcomes[fmt] is not None:
                break
            progress("write", len(outcomes), total)
    if meanwhile is not None and all(e is None for e in outcomes.values()):
        meanwhile()
    for future in futures:
        outcomes.update(SideWriter.result(future))
    for fmt in settings.formats:
        if outcomes.get(fmt) is not None:
            raise KgError(f"{shown_as / EXTENSIONS[fmt]}: cannot write ({outcomes[fmt]})")
    progress("write", total, total)
    return tuple(shown_as / EXTENSIONS[fmt] for fmt in settings.formats)


def build(
    paths: list[Path],
    out_dir: Path,
    settings: BuildSettings | None = None,
    progress: Progress = silent,
) -> BuildReport:
    """Build the graph of ``paths`` and publish it whole as ``out_dir`` (see ``kg.atomic``).

    ``progress(stage, done, total)`` is called as each long stage advances (``kg.progress``).
    """
    settings = settings or BuildSettings()
    unknown = [f for f in settings.formats if f not in WRITERS]
    if unknown:
        raise KgError(f"unknown output format {unknown[0]!r} (choose from {', '.join(sorted(WRITERS))})")
    started = time.perf_counter()
    timer = _Timer()
    texts, read_errors = read_inputs(paths, settings)
    timer.add("read", started)
    side: SideWriter | None = None
    chars = sum(len(t.text) for t in texts)

    def start_side() -> None:
        # started when a core is free (extract_all): its start-up (about a second of CPU) overlaps
        # reading the cache, or linking, rather than taking a core from the extraction workers
        nonlocal side
        side = side_writer(chars, settings.jobs, settings.formats)

    try:
        with OutputFolder(out_dir, EXTENSIONS.values()) as folder:
            try:
                graph, errors = graph_of(texts, settings, progress, timer, start_side)
            except NoDocumentsError as exc:
                raise NoDocumentsError(read_errors + exc.errors) from exc
            del texts  # the documents live on in the graph; the texts as read are not needed again
            graph = as_written(graph)
            use_store(graph, timer.store)
            release()  # what linking took, and the documents' sources
            checked: list[tuple[Violation, ...] | int] = []

            def validate() -> None:
                # validated from the quad table the writers shared: no rdflib store is built
                step = time.perf_counter()
                progress("validate", 0, 1)
                quads = rdf_quads(graph, settings.base)
                checked.extend((tuple(validate_quads(quads)), len(quads)))
                progress("validate", 1, 1)
                timer.add("validate", step)

            step = time.perf_counter()
            timer.stages["write"] = 0.0  # listed before validate, which runs inside it
            with collector_paused():  # the quad table and the writers' texts: no cycles either
                written = write_outputs(graph, folder.staging, settings, out_dir, progress, side,
                                        meanwhile=validate)
            timer.add("write", step)
            timer.stages["write"] -= timer.stages["validate"]  # validation ran inside, while the side writer wrote
            folder.publish()
    finally:
        if side is not None:
            side.close()
    violations, triples = checked
    return BuildReport(
        graph, tuple(read_errors + errors), written, time.perf_counter() - started, triples, violations,
        tuple(timer.stages.items()), timer.extracted, timer.cached,
    )
