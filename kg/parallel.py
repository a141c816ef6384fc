"""The per-document map (normalise + extract) in this process, in worker processes, or on a Dask cluster.

Extraction is a pure map: each ``DocResult`` depends on its text only, so where
it runs cannot change the build. Three places:

* ``jobs == 1``: in this process, the pipeline loaded once, lazily (a build whose
  documents all come from the cache never loads it).
* ``jobs > 1``: a ``ProcessPoolExecutor`` of ``jobs`` processes started with
  ``spawn`` (a fork would copy the parent's threads and locks), each loading the
  pipeline once in its initializer (~300 MiB each: the parent never loads it).
  Documents go out in chunks, so the pickling cost is paid per chunk.
* ``scheduler`` (``tcp://HOST:8786``): the chunks are Dask ``distributed`` tasks;
  each worker process loads the pipeline once, on its first chunk, and keeps it
  in a module global. Only the texts travel: workers need no shared file system.

With ``jobs > 1`` the build also writes its files in two processes (``SideWriter``):
while this one makes the quad table and writes the RDF files, a second spawned
process, started with the build so that its start-up overlaps extraction, lays out
the network and writes the Gephi files and the explanations (``SIDE_FORMATS``),
which need no quad table (``kg.sidewriter``, re-exported here). Both run the same writer
functions, so the bytes are the same as one process's.

Results come back as plain model types (``DocResult``: ``Document`` offsets are an
``array``, so a result pickles compactly). A document whose normalising or
extraction raises is returned as ``Failed`` with its one-line reason; it never
ends the map. ``extract_map`` yields ``(index, outcome)`` as chunks finish; the
caller puts them back in input order, so the output is the same whatever
finished first.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.extract import extract_one
from kg.link.corpus import LinkSettings, link_article, settings_digest
from kg.model import DocResult, Document
from kg.normalise import normalise
from kg.read import RawText
from kg.sidewriter import QUAD_SIDE_FORMATS, SIDE_FORMATS, SideWriter, side_writer

__all__ = ["QUAD_SIDE_FORMATS", "SIDE_FORMATS", "Ahead", "Failed", "Outcome", "SideWriter", "extract_map",
           "load_pipeline", "side_writer"]

#: How long an exception's message may get in a per-document error line.
_MAX_REASON = 300
#: At most this many documents per task; fewer as the documents left run short (``chunks``).
MAX_CHUNK = 32
_TASKS_PER_JOB = 4
#: Characters a worker process must get to be worth starting: loading the pipeline (~5 s)
#: costs about as much as extracting this many (~50 µs a character, measured on dev articles).
MIN_CHARS_PER_JOB = 100_000

E_WORKER_DIED = "a worker process died ({why}); memory may be short: try fewer --jobs"
E_NO_DASK = "--scheduler needs Dask's distributed package: pip install 'kg[dask]'"


@dataclass(frozen=True)
class Failed:
    """A document the map could not process: the file to name and the reason."""

    where: str
    reason: str


Outcome = DocResult | Failed


def default_jobs() -> int:
    """The cores this process may use (``os.process_cpu_count`` from Python 3.13)."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def failure(stage: str, exc: BaseException) -> str:
    """An unexpected exception as one short line: what failed and the exception's own words."""
    words = " ".join(str(exc).split())
    if len(words) > _MAX_REASON:
        words = words[: _MAX_REASON - 1] + "…"
    return f"{stage} failed ({type(exc).__name__}{': ' + words if words else ''})"


def normalised(text: RawText) -> Document:
    """Normalise one text, keeping what the reader learnt about its file."""
    return normalise(text.doc_id, text.source, text.text, encoding=text.encoding, sha256=text.sha256)


def process(nlp: Any, text: RawText, linking: LinkSettings | None = None) -> Outcome:
    """Normalise and extract one text; an exception becomes that document's ``Failed``.

    With ``linking``, the result also carries its article's step of linking (``DocResult.linked``,
    ``kg.link.corpus.link_article``): made here, it runs in the workers and is cached with the
    extraction, and the build's linking does only the corpus-wide steps. If it raises, the result
    goes without it, and linking makes it again (and reports what it raises, as it always did)."""
    try:
        document = normalised(text)
    except Exception as exc:  # any bug on one text must not stop the others
        return Failed(text.source, failure("normalising", exc))
    try:
        result = extract_one(nlp, document)
    except Exception as exc:  # as above: one document's line, not the build's end
        return Failed(text.source, failure("extraction", exc))
    if linking is None:
        return result
    try:
        return replace(result, linked=(settings_digest(linking), link_article(result, linking)))
    except Exception:  # linking makes it again, and raises there
        return result


def chunks(count: int, jobs: int) -> list[range]:
    """Index ranges covering ``count`` documents in order, each at most ``MAX_CHUNK`` long and
    shrinking towards the end: a chunk is ``1 / (jobs * _TASKS_PER_JOB)`` of the documents not
    yet in a chunk (guided scheduling), so the last tasks are one or a few documents.

    The map ends when its slowest worker ends: with equal chunks, one worker took the last
    chunk while the others, done with theirs, had nothing left to do for up to a chunk's time
    (32 articles, about 1.5 s of a 1,000-article ``--jobs 2`` build's serial part); with small
    chunks last, the workers end within about a document of each other. Many small chunks
    cost one task each (pickling a few texts), only at the end."""
    ranges, start = [], 0
    while start < count:
        size = max(1, min(MAX_CHUNK, -(-(count - start) // (jobs * _TASKS_PER_JOB))))
        ranges.append(range(start, min(start + size, count)))
        start += size
    return ranges


def extract_map(
    texts: Sequence[RawText],
    overrides: dict[str, Any] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
    load: Callable[[dict[str, Any] | None], Any] | None = None,
    linking: LinkSettings | None = None,
    away: bool = False,
    lexicons: Path | None = None,
) -> Iterator[tuple[int, Outcome]]:
    """``(index into texts, outcome)`` for every text, in completion order (see the module docstring);
    ``linking``: also make each article's step of linking with these settings (``process``);
    ``away``: never in this process (one worker process however few the texts: ``Ahead``);
    ``lexicons``: where loading the pipeline keeps what it computes (``load_pipeline``)."""
    if not texts:
        return
    if scheduler is not None:
        yield from _on_dask(texts, overrides, scheduler, jobs, linking)
        return
    jobs = worth_starting(texts, jobs)
    if jobs <= 1 and away:
        yield from _in_pool(texts, overrides, 1, linking=linking, lexicons=lexicons)
    elif jobs <= 1:
        nlp = load(overrides) if load is not None else load_pipeline(overrides, lexicons)
        for index, text in enumerate(texts):
            yield index, process(nlp, text, linking)
    else:
        yield from _in_pool(texts, overrides, jobs, linking=linking, lexicons=lexicons)


def worth_starting(texts: Sequence[RawText], jobs: int) -> int:
    """How many of ``jobs`` processes to start for ``texts`` (1: extract in this process)."""
    chars = sum(len(t.text) for t in texts)
    return max(1, min(jobs, len(texts), chars // MIN_CHARS_PER_JOB if MIN_CHARS_PER_JOB else jobs))


def load_pipeline(overrides: dict[str, Any] | None, lexicons: Path | None = None) -> Any:
    """The pipeline, loaded with the cyclic collector paused (``kg.memory.collector_paused``):
    its lexicons are millions of objects that live as long as the process, and ``load_nlp``
    collects and freezes them at the end; the collector's passes meanwhile walked every one
    of them again (3.0 -> 2.0 s of CPU for one load, measured alone; output unchanged).

    ``lexicons``: the file in the extraction cache where what loading computes from the word
    lists is kept between builds (``kg.warm``): read first if there, written after if not."""
    from kg import warm
    from kg.memory import collector_paused
    from kg.nlp import load_nlp  # spaCy and the models: imported where the pipeline is needed

    with collector_paused():
        restored = lexicons is not None and warm.restore(lexicons)
        nlp = load_nlp(overrides)
    if lexicons is not None and not restored and not lexicons.exists():
        warm.save(lexicons)
    return nlp


# --- worker processes -------------------------------------------------------------------------

_WORKER_NLP: Any = None
_WORKER_LINKING: LinkSettings | None = None


def _init_worker(
    overrides: dict[str, Any] | None, linking: LinkSettings | None = None, lexicons: Path | None = None
) -> None:
    global _WORKER_NLP, _WORKER_LINKING
    _WORKER_NLP = load_pipeline(overrides, lexicons)
    _WORKER_LINKING = linking


def _run_chunk(chunk: list[RawText]) -> list[Outcome]:
    return [process(_WORKER_NLP, text, _WORKER_LINKING) for text in chunk]


def _in_pool(
    texts: Sequence[RawText], overrides: dict[str, Any] | None, jobs: int, *, linking: LinkSettings | None = None,
    lexicons: Path | None = None,
) -> Iterator[tuple[int, Outcome]]:
    ranges = chunks(len(texts), jobs)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(min(jobs, len(ranges)), mp_context=context, initializer=_init_worker,
                               initargs=(overrides, linking, lexicons))
    try:
        futures = {pool.submit(_run_chunk, [texts[i] for i in r]): r for r in ranges}
        for future in as_completed(futures):
            yield from zip(futures[future], future.result(), strict=True)
    except BrokenProcessPool as exc:
        raise KgError(E_WORKER_DIED.format(why=exc)) from exc
    finally:
        end_pool(pool, wait=False)


def end_pool(pool: ProcessPoolExecutor, *, wait: bool = True) -> None:
    """End ``pool``'s processes at once and shut it down, its pending tasks cancelled.

    Called once every result is in (or the map failed): a worker holds nothing of use then
    (the results, the cache entries and the saved lexicons are this process's or already
    renamed into place). Asked to exit, a worker first freed its pipeline, millions of
    objects, and ran its interpreter's exit while the build waited (``shutdown(wait=True)``,
    0.6 to 1.2 s at the end of a ``--jobs 2`` map on a loaded machine); killed, it is gone at
    once. ``wait``: also wait until the system has taken back each process (its memory:
    0.6 s for two workers of about 450 MiB each on a loaded machine); without it, that
    happens on the other core while this process goes on (linking), and the pool's own thread
    reaps them. The pool has no public way to end its processes (3.14 adds ``kill_workers``),
    hence its ``_processes``; without them it is shut down as before."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):  # already ended
            process.kill()
    pool.shutdown(wait=wait or not processes, cancel_futures=True)


class Ahead:
    """``extract_map`` started now, away from this process, its outcomes read later by iterating.

    A rebuild has few documents to extract and many cached results to read: a thread here
    waits on the worker processes (or the Dask cluster) while this thread reads the cache, so
    loading the pipeline over there (about 3 s) overlaps the reading. The outcomes are the
    map's, so the build's output is the same; an exception of the map is raised by the iteration."""

    _END = object()

    def __init__(
        self, texts: Sequence[RawText], overrides: dict[str, Any] | None, jobs: int, scheduler: str | None,
        linking: LinkSettings | None, lexicons: Path | None = None,
    ) -> None:
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._run, args=(texts, overrides, jobs, scheduler, linking, lexicons),
                                       name="kg-extract-ahead", daemon=True)
        self.thread.start()

    def _run(self, texts: Sequence[RawText], overrides: dict[str, Any] | None, jobs: int, scheduler: str | None,
             linking: LinkSettings | None, lexicons: Path | None) -> None:
        try:
            for item in extract_map(texts, overrides, jobs, scheduler, linking=linking, away=True,
                                    lexicons=lexicons):
                self.queue.put(item)
            self.queue.put(self._END)
        except BaseException as exc:  # handed to the reader, which raises it
            self.queue.put(exc)

    def __iter__(self) -> Iterator[tuple[int, Outcome]]:
        while (item := self.queue.get()) is not self._END:
            if isinstance(item, BaseException):
                self.thread.join()
                raise item
            yield item
        self.thread.join()


# --- Dask ---------------------------------------------------------------------------------------

_DASK_NLP: dict[str, Any] = {}
_DASK_LOCK = threading.Lock()


def _dask_chunk(
    chunk: list[RawText], overrides: dict[str, Any] | None, linking: LinkSettings | None = None
) -> list[Outcome]:
    """One task on a Dask worker: the pipeline is loaded on the worker's first task and kept.

    The lock makes a worker with several threads run one chunk at a time (spaCy
    pipelines are not thread-safe); start workers with ``--nthreads 1`` and one
    process per core instead.
    """
    key = json.dumps(overrides or {}, sort_keys=True)
    with _DASK_LOCK:
        nlp = _DASK_NLP.get(key)
        if nlp is None:
            nlp = _DASK_NLP[key] = load_pipeline(overrides)
        return [process(nlp, text, linking) for text in chunk]


def _on_dask(
    texts: Sequence[RawText], overrides: dict[str, Any] | None, scheduler: str, jobs: int,
    linking: LinkSettings | None = None,
) -> Iterator[tuple[int, Outcome]]:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as exc:
        raise KgError(E_NO_DASK) from exc
    try:
        client = Client(scheduler)
    except OSError as exc:
        raise KgError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
    with client:
        workers = max(jobs, sum(client.nthreads().values()), 1)
        ranges = chunks(len(texts), workers)
        futures = {client.submit(_dask_chunk, [texts[i] for i in r], overrides, linking, pure=False): r
                   for r in ranges}
        try:
            for future in dask_completed(futures):
                yield from zip(futures[future], future.result(), strict=True)
        finally:
            client.cancel(list(futures))
