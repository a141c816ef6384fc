"""The second writer process of a build with ``--jobs`` above 1 (``SideWriter``; ``kg.parallel``
re-exports it).

While the build process makes the quad table and writes the RDF files, a second spawned
process, started with the build so that its start-up overlaps extraction, lays out the
network and writes the Gephi files and the explanations (``SIDE_FORMATS``), which need no
quad table, then N-Quads from the quad table the build process sends it
(``QUAD_SIDE_FORMATS``). Both run the same writer functions (``kg.build.write_file``), so
the bytes are the same as one process's.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kg.errors import KgError
from kg.model import Graph

if TYPE_CHECKING:
    import numpy as np

    from kg.export.quads import Quads

__all__ = ["QUAD_SIDE_FORMATS", "SIDE_FORMATS", "SideWriter", "quad_side_formats", "side_writer"]


#: The formats ``SideWriter`` writes: made from the network (layout included) and the linking's
#: reasons, not from the quad table, so the two processes share no work. At 1,000 articles they
#: take about as long as the quad table and the RDF files.
SIDE_FORMATS = frozenset({"graphml", "gexf", "nodes-csv", "edges-csv", "explain-jsonl"})
#: RDF formats the side writer writes after those, from the quad table this process made and
#: sends it (``submit_quads``). At 1,000 articles the side's own files took 4.2 s against 6.6 s
#: here (quad table 1.8 s, five RDF files); N-Quads (1.0 s) costs 0.35 s to pickle here, 0.25 s
#: to unpickle there, so moving it balances the two processes best (measured, benchmarks/scale.py).
#: N-Triples went too once the explanations' settings were reused in a rebuild (``kg.export.reuse``):
#: its rows are a small array beside the term texts already sent, and this process (quad table,
#: Turtle, TriG, JSON-LD, validation) was the one the build waited for (a one-article rebuild of
#: 1,000: 3.9 s of files here against 3.0 s there).
QUAD_SIDE_FORMATS = frozenset({"nq", "nt"})
#: Of those, the one that stays in this process when the side writer describes every article's
#: setting anew (``quad_side_formats``).
_STAYS_WHEN_EXPLAINED_ANEW = "nt"


def quad_side_formats(formats: Sequence[str], store: Path | None) -> frozenset[str]:
    """Which of ``QUAD_SIDE_FORMATS`` the side writer writes for a build of ``formats`` whose
    writers keep their values in ``store`` (``kg.export.reuse``).

    Where ``explain.jsonl``'s article settings are not kept from a last build (a first build,
    ``--no-cache``), the side writer computes them (about 1.5 s of CPU at 1,000 articles) and
    was the process the build waited for: at 1,000 articles, files timed on a loaded machine,
    the side's last file came 5.2 s after this process's validation (45.6 s against 40.5 s of
    writing, about 4.5 times the quiet machine's); N-Triples (1.05 s of CPU) is then written
    here. In a rebuild the settings are reused and both ways were within the noise of each
    other (50.6 s against 47.8 s), as the last session's quiet figures had the side shorter."""
    from kg.export.reuse import SETTINGS_FILE

    anew = "explain-jsonl" in formats and (store is None or not (store / SETTINGS_FILE).is_file())
    return QUAD_SIDE_FORMATS - {_STAYS_WHEN_EXPLAINED_ANEW} if anew else QUAD_SIDE_FORMATS


def _init_writer() -> None:
    """Paid while the build extracts: the writers' imports, and the gazetteer that
    ``explain.jsonl`` describes each article's setting with (about a second to load).

    The cyclic collector is off for the process's life (one build): it unpickles a graph and
    writes from it, making large structures and no cycles to speak of, as the build process
    does with the collector paused (``kg.memory.collector_paused``)."""
    import gc

    import kg.export  # noqa: F401
    from kg.gazetteer import load_gazetteer

    gc.disable()
    load_gazetteer()


def _write_side(
    graph: Graph, folder: Path, formats: list[str], base: str, store: Path | None = None
) -> list[tuple[str, str | None]]:
    from kg.build import write_file  # the one place that writes a format into a build's folder
    from kg.export.reuse import use_store

    use_store(graph, store)  # the build's (``kg.export.reuse``): the graph came without its memo

    return [(fmt, write_file(graph, folder, fmt, base)) for fmt in formats]


#: The line formats the side writer can write from a quad table's texts, and whether each is a
#: dataset (N-Quads: the ``quads`` rows) or a graph (N-Triples: the ``triples`` rows).
_LINE_FORMATS = {"nq": True, "nt": False}


def _write_lines(
    texts: list[str | bytes], rows: dict[str, np.ndarray], folder: Path, formats: list[str]
) -> list[tuple[str, str | None]]:
    """Write line formats from the build's quad table as sent: each term's N-Triples text and the
    rows of numbers, which is all ``Quads.write_lines`` reads (the same function writes them)."""
    from kg.build import write_file
    from kg.export.serial import write_lines
    from kg.memory import release

    release()  # what the first task's graph took, before these texts are used
    for at, text in enumerate(texts):  # in UTF-8 once for both formats, one at a time (serial.encoded)
        texts[at] = text.encode("utf-8")

    def writer(fmt: str) -> Callable[[Graph, IO[bytes], str], None]:
        return lambda _graph, stream, _base: write_lines(texts, rows[fmt], stream, dataset=_LINE_FORMATS[fmt])

    return [(fmt, write_file(None, folder, fmt, "", writer(fmt))) for fmt in formats]


def _slim(graph: Graph) -> Graph:
    """``graph`` without what no side format reads: each document's raw text, offsets and breaks,
    and each relation's evidence (the network and the explanations use the kinds, ends, titles
    and weights). About half of the graph: the second process's copy is part of the build's peak.
    A new object, so no writer's memo travels with it."""
    documents = tuple(replace(d, raw="", offsets=(), breaks=frozenset()) for d in graph.documents)
    relations = tuple(replace(r, evidence=()) if r.evidence else r for r in graph.relations)
    return replace(graph, documents=documents, relations=relations)


class SideWriter:
    """One spawned process that writes ``SIDE_FORMATS`` of a build while the build writes the rest.

    Started before extraction (the interpreter and the writers' imports take about a second);
    ``submit`` sends it the linked graph. ``close`` ends it."""

    def __init__(self) -> None:
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_init_writer)
        self.pool.submit(int)  # a pool starts its process with the first task: start it now

    def submit(self, graph: Graph, folder: Path, formats: list[str], base: str) -> Future:
        """Write ``formats`` of ``graph`` into ``folder``; the future's result is ``(format,
        error or None)`` per format, as ``kg.build.write_file`` returns them."""
        from kg.export.reuse import store_of

        return self.pool.submit(_write_side, _slim(graph), folder, formats, base, store_of(graph))

    def submit_quads(self, quads: Quads, folder: Path, formats: list[str], base: str) -> Future:
        """Write ``formats`` (of ``QUAD_SIDE_FORMATS``) from ``quads``, the build's ``rdf_quads``,
        once the files ``submit`` asked for are written (one process: tasks run in turn).

        Only the terms' texts and the rows travel, not the pyoxigraph terms: half the bytes to
        pickle, and the other process never holds both forms of every term."""
        rows = {fmt: quads.quads if _LINE_FORMATS[fmt] else quads.triples for fmt in formats}
        return self.pool.submit(_write_lines, quads.texts, rows, folder, formats)

    @staticmethod
    def result(future: Future) -> list[tuple[str, str | None]]:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            from kg.parallel import E_WORKER_DIED

            raise KgError(E_WORKER_DIED.format(why=exc)) from exc

    def close(self) -> None:
        """End the process at once: by now it has written and closed its files (or the build
        failed, and the staging folder goes), so nothing it holds is of use. Asked to exit, it
        first freed its copy of the graph and the last task's term texts and ended its
        interpreter, which took 0.7 to 2.1 s at the end of a 1,000-article rebuild (load
        average 3.7 to 7), against 0.1 s killed. The pool has no public way to end its process (3.14 adds
        ``kill_workers``), hence its ``_processes``; without them it is shut down as before."""
        from kg.parallel import end_pool

        end_pool(self.pool)


def side_writer(chars: int, jobs: int, formats: Sequence[str]) -> SideWriter | None:
    """A started ``SideWriter`` if the build may use more than one process and writes some of
    ``SIDE_FORMATS``; None for a corpus of ``chars`` characters under ``MIN_CHARS_PER_JOB``,
    whose files take less time to write than a process takes to start."""
    from kg import parallel  # its threshold, read when asked (tests lower it)

    small = chars < parallel.MIN_CHARS_PER_JOB
    if jobs <= 1 or not SIDE_FORMATS.intersection(formats) or small:
        return None
    return SideWriter()
