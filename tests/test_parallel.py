"""Issue 13: the per-document map in worker processes and on Dask, the extraction cache, progress.

Each spread of the map must give the very bytes a one-process build gives; the
cache must extract only what changed and never return a stale result.
"""

from __future__ import annotations

import io
import pickle
import re
import shutil
from array import array
from pathlib import Path

import pytest

import kg.build
import kg.parallel
from kg.build import BuildSettings, build, write_outputs
from kg.cache import ExtractionCache, entry_key, fingerprint
from kg.errors import KgError
from kg.model import Document
from kg.normalise import normalise
from kg.progress import STAGES, TerminalProgress
from kg.read import RawText

# the graph files a build writes (RDF, GraphML, GEXF, CSV), not the hidden folders beside them
FORMATS = ("ttl", "nt", "graphml", "nodes-csv", "edges-csv")


def files_of(out_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out_dir.iterdir())}


def counting_extractions(monkeypatch) -> list[str]:
    """Record the doc_id of every document extracted in this process."""
    calls: list[str] = []
    real = kg.parallel.extract_one

    def counted(nlp, document):
        calls.append(document.doc_id)
        return real(nlp, document)

    monkeypatch.setattr(kg.parallel, "extract_one", counted)
    return calls


@pytest.fixture(scope="module")
def one_process(seeds_dir, tmp_path_factory):
    """The seeds built in this process, without a cache: what every other spread must equal."""
    out_dir = tmp_path_factory.mktemp("one") / "out"
    report = build([seeds_dir], out_dir, BuildSettings(jobs=1))
    return report, files_of(out_dir)


@pytest.mark.slow
def test_parallel_two_processes_write_the_same_files_as_one(seeds_dir, tmp_path, monkeypatch, one_process):
    monkeypatch.setattr(kg.parallel, "MIN_CHARS_PER_JOB", 0)  # the seeds are too small to start workers for
    pools: list[int] = []
    events: list[str] = []
    real = kg.parallel._in_pool

    def spy(texts, overrides, jobs, **options):
        pools.append(jobs)
        yield from real(texts, overrides, jobs, **options)
        events.append("workers ended")

    monkeypatch.setattr(kg.parallel, "_in_pool", spy)
    real_side = kg.build.side_writer

    def spy_side(*args):
        events.append("side writer started")
        return real_side(*args)

    monkeypatch.setattr(kg.build, "side_writer", spy_side)
    sent: list[list[str]] = []
    real_submit = kg.parallel.SideWriter.submit

    def spy_submit(self, graph, folder, formats, base):
        sent.append(formats)
        return real_submit(self, graph, folder, formats, base)

    monkeypatch.setattr(kg.parallel.SideWriter, "submit", spy_submit)
    real_quads = kg.parallel.SideWriter.submit_quads

    def spy_quads(self, quads, folder, formats, base):
        sent.append(formats)
        assert len(quads) == one_process[0].triples  # the very table this process made, not a new one
        return real_quads(self, quads, folder, formats, base)

    monkeypatch.setattr(kg.parallel.SideWriter, "submit_quads", spy_quads)
    calls = counting_extractions(monkeypatch)
    report = build([seeds_dir], tmp_path / "out", BuildSettings(jobs=2))
    assert pools == [2] and calls == []  # extracted in the two workers, not here
    # the second writer starts once the workers are done, on a core they no longer use
    assert events == ["workers ended", "side writer started"]
    # these files written by the side writer: its own, then N-Quads from this process's quad table
    # (no cache: the side describes every article's setting anew, so N-Triples is written here)
    assert sent == [sorted(kg.parallel.SIDE_FORMATS), ["nq"]]
    assert report.extracted == len(report.graph.documents) == len(one_process[0].graph.documents)
    assert files_of(tmp_path / "out") == one_process[1]


@pytest.mark.parametrize("name", ["graph.gexf", "graph.nq"])  # one of its own files, one from the quad table
def test_parallel_side_writer_reports_a_file_it_cannot_write(seed_build, tmp_path, name):
    """A file the second writer process cannot create is the build's error naming that file,
    as in one process; the files this process writes are written."""
    graph = seed_build[0].graph
    (tmp_path / name).write_text("in the way")
    side = kg.parallel.SideWriter()
    try:
        with pytest.raises(KgError, match=rf"shown/{re.escape(name)}: cannot write \(File exists\)"):
            write_outputs(graph, tmp_path, BuildSettings(), shown_as=Path("shown"), side=side)
    finally:
        side.close()
    assert (tmp_path / "graph.ttl").stat().st_size > 0
    assert (tmp_path / name).read_text() == "in the way"


def test_parallel_side_writer_takes_n_triples_only_when_the_settings_are_kept(tmp_path):
    """The side writer computes explain.jsonl's settings unless a last build kept them; then it
    is the longer of the two writers, and N-Triples is written by the build process instead."""
    from kg.export.reuse import SETTINGS_FILE
    from kg.sidewriter import quad_side_formats

    every = ("explain-jsonl", "nq", "nt", "ttl")
    assert quad_side_formats(every, None) == {"nq"}
    assert quad_side_formats(every, tmp_path) == {"nq"}  # a first build: nothing kept yet
    (tmp_path / SETTINGS_FILE).write_bytes(b"")
    assert quad_side_formats(every, tmp_path) == {"nq", "nt"}
    assert quad_side_formats(("nq", "nt"), None) == {"nq", "nt"}  # no explanations to write


def test_parallel_small_corpus_is_extracted_in_this_process(seeds_dir):
    texts = [RawText("a.txt", "a.txt", "福建省卫生健康委员会。" * 10)]
    assert kg.parallel.worth_starting(texts, 8) == 1
    many = [RawText(f"{i}.txt", f"{i}.txt", "字" * kg.parallel.MIN_CHARS_PER_JOB) for i in range(3)]
    assert kg.parallel.worth_starting(many, 2) == 2
    assert kg.parallel.worth_starting(many, 8) == 3


def test_parallel_chunks_cover_every_document_once():
    for count, jobs in ((1, 2), (5, 2), (100, 2), (1000, 3)):
        ranges = kg.parallel.chunks(count, jobs)
        assert [i for r in ranges for i in r] == list(range(count))
        assert max(len(r) for r in ranges) <= kg.parallel.MAX_CHUNK


def test_parallel_chunks_shrink_towards_the_end_so_workers_end_together():
    """Guided chunks: full-size while many documents are left, then smaller and smaller, the
    last ones a document each, so no worker is left alone with a whole chunk at the end."""
    for count, jobs in ((1000, 2), (10_000, 2), (600, 4)):
        sizes = [len(r) for r in kg.parallel.chunks(count, jobs)]
        assert sizes[0] == kg.parallel.MAX_CHUNK
        assert sizes == sorted(sizes, reverse=True)
        assert sizes[-jobs:] == [1] * jobs


def _worker_that_is_slow_to_exit(*_args) -> None:
    """A worker's initializer (in a spawned process): its exit sleeps, as a worker freeing a
    pipeline's millions of objects took seconds to; no pipeline (``process`` reports each
    document as failed)."""
    import atexit
    import time

    atexit.register(time.sleep, 30)


def test_parallel_pool_ends_its_workers_without_waiting_for_them_to_wind_down(monkeypatch):
    """Once every result is in, the extraction workers are ended, not asked to exit: the build
    waited for them to free everything and run their interpreter's exit (here: sleep)."""
    import time

    monkeypatch.setattr(kg.parallel, "_init_worker", _worker_that_is_slow_to_exit)
    texts = [RawText(f"{i}.txt", f"{i}.txt", "某某。") for i in range(4)]
    outcomes, last = {}, 0.0
    for index, outcome in kg.parallel._in_pool(texts, None, 2):
        outcomes[index], last = outcome, time.perf_counter()
    assert time.perf_counter() - last < 10  # from the last result to the map's end
    assert sorted(outcomes) == [0, 1, 2, 3]
    assert all(isinstance(o, kg.parallel.Failed) for o in outcomes.values())


def test_parallel_a_document_that_raises_is_its_own_error_line(seeds_dir, tmp_path, monkeypatch):
    corpus = tmp_path / "texts"
    shutil.copytree(seeds_dir, corpus)
    victim = sorted(corpus.iterdir())[1].name
    real = kg.parallel.extract_one

    def crash_on_victim(nlp, document):
        if document.doc_id == victim:
            raise RuntimeError("boom\nsecond line")
        return real(nlp, document)

    monkeypatch.setattr(kg.parallel, "extract_one", crash_on_victim)
    report = build([corpus], tmp_path / "out", BuildSettings(formats=FORMATS))
    assert [str(e) for e in report.errors] == [f"{victim}: extraction failed (RuntimeError: boom second line)"]
    assert victim not in {d.doc_id for d in report.graph.documents}
    assert len(report.graph.documents) == len(list(corpus.iterdir())) - 1


def test_cache_second_build_extracts_only_the_added_file(seeds_dir, tmp_path, monkeypatch):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    *first, added = sorted(seeds_dir.iterdir())
    for path in first:
        shutil.copy(path, corpus)
    settings = BuildSettings(formats=FORMATS, cache=tmp_path / "cache")
    calls = counting_extractions(monkeypatch)
    build([corpus], tmp_path / "out", settings)
    assert sorted(calls) == sorted(p.name for p in first)

    calls.clear()
    shutil.copy(added, corpus)
    report = build([corpus], tmp_path / "out", settings)
    assert calls == [added.name]
    assert (report.extracted, report.cached) == (1, len(first))

    clean = build([corpus], tmp_path / "clean", BuildSettings(formats=FORMATS))
    assert files_of(tmp_path / "out") == files_of(tmp_path / "clean")
    assert clean.graph.documents == report.graph.documents


def test_cache_a_changed_file_is_extracted_again(seeds_dir, tmp_path, monkeypatch):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    path = corpus / "news.txt"
    path.write_text("福建省卫生健康委员会主任张三在福州市调研。\n", encoding="utf-8")
    settings = BuildSettings(formats=("nt",), cache=tmp_path / "cache")
    calls = counting_extractions(monkeypatch)
    build([corpus], tmp_path / "out", settings)
    path.write_text("厦门市卫生健康委员会主任李四在厦门市调研。\n", encoding="utf-8")
    report = build([corpus], tmp_path / "out", settings)
    assert calls == ["news.txt", "news.txt"]
    assert "李四" in {e.name for e in report.graph.entities}
    assert "张三" not in {e.name for e in report.graph.entities}


def test_cache_a_removed_or_changed_file_loses_its_entry(tmp_path):
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "a.txt").write_text("福建省卫生健康委员会主任张三在福州市调研。\n", encoding="utf-8")
    (corpus / "b.txt").write_text("厦门市卫生健康委员会主任李四在厦门市调研。\n", encoding="utf-8")
    settings = BuildSettings(formats=("nt",), cache=tmp_path / "cache")
    build([corpus], tmp_path / "out", settings)
    # the documents' entries (beside them, the pipeline's lexicons: kg.warm)
    entries = lambda: sorted(p.name for p in (tmp_path / "cache").glob("*/??/*.pickle"))  # noqa: E731
    assert len(entries()) == 2
    (corpus / "a.txt").unlink()
    build([corpus], tmp_path / "out", settings)
    (only,) = entries()
    (corpus / "b.txt").write_text("泉州市卫生健康委员会主任王五在泉州市调研。\n", encoding="utf-8")
    report = build([corpus], tmp_path / "out", settings)
    assert (report.extracted, report.cached) == (1, 0)
    assert len(entries()) == 1 and entries() != [only]


def test_cache_key_covers_the_name_the_package_and_the_settings(tmp_path):
    text = RawText("a.txt", "x/a.txt", "正文", sha256="0" * 64)
    assert entry_key(text) != entry_key(RawText("b.txt", "x/b.txt", "正文", sha256="0" * 64))
    assert entry_key(text) != entry_key(RawText("a.txt", "y/a.txt", "正文", sha256="0" * 64))
    assert entry_key(text) != entry_key(RawText("a.txt", "x/a.txt", "正文", encoding="gb18030", sha256="0" * 64))
    package = tmp_path / "pkg"
    (package / "nlp").mkdir(parents=True)
    (package / "nlp" / "rules.py").write_text("SUFFIXES = ('局',)\n")
    before = fingerprint(package=package)
    assert fingerprint(package=package) == before
    assert fingerprint({"components.kg_tagger.threshold": 0.5}, package=package) != before
    (package / "nlp" / "rules.py").write_text("SUFFIXES = ('局', '处')\n")
    assert fingerprint(package=package) != before


def test_cache_opening_removes_other_fingerprints_and_survives_a_bad_entry(tmp_path):
    old = ExtractionCache(tmp_path, "a" * 64).open()
    new = ExtractionCache(tmp_path, "b" * 64).open()
    assert not old.folder.exists() and new.folder.is_dir()
    text = RawText("a.txt", "a.txt", "正文", sha256="1" * 64)
    path = new._path(entry_key(text))
    path.parent.mkdir()
    path.write_bytes(b"not a pickle")
    assert new.get(text) is None


def test_model_document_offsets_are_compact_and_pickle(seeds_dir):
    raw = "福建 省卫生\n健康委员会"
    document = normalise("a.txt", "a.txt", raw)
    assert isinstance(document.offsets, array) and document.offsets.itemsize >= 4
    assert raw[slice(*document.raw_span(0, 3))] == "福建 省"
    again = pickle.loads(pickle.dumps(document))
    assert again == document and hash(again) == hash(document)
    assert Document("b", "b", "ab", "ab", (0, 1, 2)).offsets == array("I", [0, 1, 2])


def test_progress_every_stage_starts_and_ends(seeds_dir, tmp_path):
    calls: list[tuple[str, int, int]] = []
    build([seeds_dir], tmp_path / "out", BuildSettings(formats=FORMATS),
          progress=lambda stage, done, total: calls.append((stage, done, total)))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == list(STAGES)
    for stage in stages:
        mine = [(done, total) for s, done, total in calls if s == stage]
        assert mine[0][0] == 0 and mine[-1][0] == mine[-1][1] > 0
        assert [d for d, _ in mine] == sorted(d for d, _ in mine)
    assert ("extract", 5, 5) in calls and ("write", len(FORMATS), len(FORMATS)) in calls


def test_progress_terminal_line_has_counts_and_rate(tmp_path):
    assert "523/1000" in TerminalProgress.line("extract", 523, 1000, 10.0)
    assert "52.3 docs/s" in TerminalProgress.line("extract", 523, 1000, 10.0)
    with open(tmp_path / "log", "w") as stream:
        quiet = TerminalProgress(stream)  # not a terminal: nothing written
        quiet("extract", 0, 2)
        quiet("extract", 2, 2)
    assert (tmp_path / "log").read_text() == ""
    stream = io.StringIO()
    shown = TerminalProgress(stream, interval=3600, force=True)  # as on a terminal
    for done in range(4):
        shown("extract", done, 3)
    shown("link", 0, 1)
    shown("link", 1, 1)
    extract, link, end = stream.getvalue().split("\n")
    assert [line.split()[:2] for line in extract.split("\r")[1:]] == [["extract", "0/3"], ["extract", "3/3"]]
    assert [line.split()[:2] for line in link.split("\r")[1:]] == [["link", "0/1"], ["link", "1/1"]]
    assert end == ""


@pytest.mark.slow
def test_parallel_dask_local_cluster_writes_the_same_files(seeds_dir, tmp_path, one_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=True) as cluster:
        report = build([seeds_dir], tmp_path / "out", BuildSettings(scheduler=cluster.scheduler_address))
    assert report.extracted == len(one_process[0].graph.documents)
    assert files_of(tmp_path / "out") == one_process[1]


def test_cli_build_second_run_takes_every_document_from_the_cache(seeds_dir, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "out"
    args = ["build", str(seeds_dir), "--out", str(out), "--format", "nt", "-j", "1", "-v"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    built = (out / "graph.nt").read_bytes()
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert "extracted 5 documents (--jobs 1), 0 from the cache" in first.stderr
    assert "extracted 0 documents (--jobs 1), 5 from the cache" in second.stderr
    assert (tmp_path / ".out.cache").is_dir()
    assert (out / "graph.nt").read_bytes() == built
    third = CliRunner().invoke(cli, [*args, "--no-cache"])
    assert "extracted 5 documents (--jobs 1), 0 from the cache (none)" in third.stderr


def test_parallel_article_links_made_beside_extraction_are_what_linking_makes(nlp, seeds_dir, monkeypatch):
    """Each article's step of linking, made by the map with the build's settings, gives the
    entities and relations linking gives when it makes every step itself; made with other
    settings (another province, an aliases file), it is not used."""
    import kg.link.corpus as corpus
    from kg.link.aliases import Aliases
    from kg.read import read_all

    texts, _ = read_all([seeds_dir])
    settings = corpus.LinkSettings()
    plain = [kg.parallel.process(nlp, t) for t in texts]
    linked = [kg.parallel.process(nlp, t, settings) for t in texts]
    assert all(r.linked is None for r in plain) and all(r.linked[0] == corpus.settings_digest(settings) for r in linked)
    expected = corpus.link(plain, settings)
    made_here: list[str] = []
    real = corpus.link_article

    def counted(result, *args):
        made_here.append(result.document.doc_id)
        return real(result, *args)

    monkeypatch.setattr(corpus, "link_article", counted)
    assert corpus.link(linked, settings) == expected and made_here == []  # every step as the map made it
    other = corpus.LinkSettings(aliases=Aliases({"某某": "某某某"}))
    assert corpus.settings_digest(other) != corpus.settings_digest(settings)
    assert corpus.settings_digest(corpus.LinkSettings(province="浙江省")) != corpus.settings_digest(settings)
    corpus.link(linked, other)
    assert sorted(made_here) == sorted(r.document.doc_id for r in linked)  # made again, not reused


@pytest.mark.slow
def test_cache_rebuild_with_jobs_extracts_the_added_file_in_a_worker_while_reading_the_cache(
    seeds_dir, tmp_path, monkeypatch
):
    """With ``--jobs`` above 1 and a large cached corpus (here: any), what the cache lacks goes
    to a worker process before the cache is read (``Ahead``), however small; an entry that exists
    but cannot be read is extracted after; the files are those of a clean build."""
    monkeypatch.setattr(kg.build, "AHEAD_MIN_CHARS", 0)
    corpus = tmp_path / "texts"
    shutil.copytree(seeds_dir, corpus)
    *first, added = sorted(corpus.iterdir())
    added.rename(tmp_path / added.name)
    settings = BuildSettings(formats=FORMATS, cache=tmp_path / "cache", jobs=2)
    build([corpus], tmp_path / "out", settings)
    broken = next((tmp_path / "cache").glob("*/??/*.pickle"))
    broken.write_bytes(b"not a pickle")
    (tmp_path / added.name).rename(added)
    ahead: list[list[str]] = []
    real = kg.parallel.Ahead.__init__

    def spy(self, texts, *args):
        ahead.append([t.doc_id for t in texts])
        real(self, texts, *args)

    monkeypatch.setattr(kg.parallel.Ahead, "__init__", spy)
    calls = counting_extractions(monkeypatch)
    report = build([corpus], tmp_path / "out", settings)
    assert ahead == [[added.name]] and len(calls) == 1 and calls != [added.name]  # the broken entry's, here
    assert (report.extracted, report.cached) == (2, len(first) - 1)
    build([corpus], tmp_path / "clean", BuildSettings(formats=FORMATS))
    assert files_of(tmp_path / "out") == files_of(tmp_path / "clean")
    monkeypatch.setattr(kg.build, "AHEAD_MIN_CHARS", 10**9)  # a small corpus: extracted here
    added.write_text(added.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    ahead.clear(), calls.clear()
    build([corpus], tmp_path / "out", settings)
    assert ahead == [] and calls == [added.name]


def test_parallel_side_writer_close_does_not_wait_for_the_process_to_wind_down():
    """Once its files are written, the second writer is ended, not asked to exit: exiting, it
    freed everything it held and ran its interpreter's exit (here an exit handler that sleeps)."""
    import atexit
    import time

    side = kg.parallel.SideWriter()
    side.pool.submit(atexit.register, time.sleep, 30).result()
    processes = list(side.pool._processes.values())
    started = time.perf_counter()
    side.close()
    assert time.perf_counter() - started < 10
    assert processes and not any(p.is_alive() for p in processes)


def test_build_flush_soon_is_best_effort(tmp_path):
    (tmp_path / "written").write_bytes(b"x")
    kg.build.flush_soon(tmp_path / "written")
    kg.build.flush_soon(tmp_path / "never written")  # no error: publishing flushes what this misses


def test_build_report_graph_is_what_was_written(seeds_dir, tmp_path, one_process):
    """The build drops each document's text as read and its offsets once linked (no writer reads
    them: kg.build.as_written); the normalised text the files cite stays."""
    report, files = one_process
    assert all(d.raw == "" and len(d.offsets) == 0 and not d.breaks for d in report.graph.documents)
    texts = {p.name: normalise(p.name, p.name, p.read_text(encoding="utf-8")).text for p in seeds_dir.iterdir()}
    assert {d.source: d.text for d in report.graph.documents} == texts
    assert b"nif:isString" in files["graph.ttl"]
