"""What a build survives: any length of article, one article's crash, kills and signals
mid-write, two builds into one folder, an unwritable folder, and updates sent to ``kg query``.

Other rows of the reliability table live beside the code they test: a corpus of more than
2,000 entities (tests/test_large_corpus.py), whitespace-free lines (tests/test_normalise.py),
GBK/Big5/UTF-16, traditional script, ``b.TXT`` and the same bytes in another folder
(tests/test_read*.py).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg.build
import kg.extract
import kg.parallel
from kg.atomic import OutputFolder
from kg.build import BuildSettings, build
from kg.cli import cli
from kg.export import EXTENSIONS
from kg.extract import MAX_PIECE, extract_one, pieces
from kg.normalise import normalise
from kg.query import E_UPDATE
from kg.sentences import sentences

pytestmark = pytest.mark.filterwarnings("ignore:'isolated_filesystem' is deprecated:DeprecationWarning")

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ERROR_LINE = re.compile(r"^Error: (?P<path>.+?): (?P<reason>.+)$", re.MULTILINE)
KG = [sys.executable, "-m", "kg"]


def copy_articles(seeds_dir: Path, dest: Path, count: int = 5) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(seeds_dir.glob("*.txt"))[:count]:
        copied.append(dest / path.name)
        shutil.copyfile(path, copied[-1])
    return copied


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def debris(out: Path) -> list[str]:
    """What lies in ``out``'s hidden builds folder besides the lock and the published build."""
    home = out.parent / f".{out.name}.builds"
    current = os.readlink(out).split("/", 1)[1] if out.is_symlink() else None
    return sorted(p.name for p in home.iterdir() if p.name not in ("lock", current)) if home.is_dir() else []


# --- any length ------------------------------------------------------------------------------


def test_reliability_pieces_cover_the_text_and_end_at_sentence_ends():
    text = "".join(f"第{i}句话说的是福州市的一件事。" for i in range(500))
    spans = sentences(text)
    cuts = pieces(text, spans, limit=1000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(0 < end - start <= 1000 for start, end in cuts)
    assert {end for _, end in cuts} <= {end for _, end in spans}
    assert len(cuts) >= len(text) // 1000


def test_reliability_a_sentence_longer_than_a_piece_is_cut_after_a_clause_mark():
    text = "，".join("福州市鼓楼区的一条街道" for _ in range(300)) + "。"
    cuts = pieces(text, sentences(text), limit=1000)
    assert len(cuts) > 1 and cuts[-1][1] == len(text)
    assert all(text[end - 1] == "，" for _, end in cuts[:-1])
    assert all(end - start <= 1000 for start, end in cuts)


def test_reliability_extraction_in_pieces_finds_the_mentions_of_the_whole(nlp, seeds_dir, monkeypatch):
    path = sorted(seeds_dir.glob("*.txt"))[2]
    document = normalise(path.name, str(path), path.read_text(encoding="utf-8"))
    whole = extract_one(nlp, document)
    monkeypatch.setattr(kg.extract, "MAX_PIECE", 1000)
    expected = pieces(document.text, sentences(document.text), 1000)
    assert len(expected) > 2
    made = []
    make_doc = kg.extract.make_doc  # what extract_one makes each piece's Doc with
    monkeypatch.setattr(kg.extract, "make_doc", lambda nlp, text: made.append(len(text)) or make_doc(nlp, text))
    cut = extract_one(nlp, document)
    assert made == [end - start for start, end in expected]
    assert cut.mentions == whole.mentions
    assert all(document.text[m.start : m.end] == m.text for m in cut.mentions)
    assert {(r.kind, r.head, r.tail) for r in cut.relations} <= {(r.kind, r.head, r.tail) for r in whole.relations}


@pytest.mark.slow
def test_reliability_article_over_a_million_characters_builds_with_exact_offsets(seeds_dir, tmp_path):
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    # Normalising removes the line breaks and spaces: a raw 1.2 million gives over a million.
    article = "\n".join([body] * (1_200_000 // len(body) + 1))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(article, encoding="utf-8")

    report = build([tmp_path / "in"], tmp_path / "out", BuildSettings(formats=("nt",)))

    assert report.errors == ()
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    [context] = list(store.query(f"SELECT ?s WHERE {{ ?c <{NIF}isString> ?s }}"))
    text = context["s"].value
    assert len(text) > 1_000_000 > MAX_PIECE  # spaCy's max_length, ten pieces
    rows = list(store.query(f"""SELECT ?b ?e ?a WHERE {{
        ?m <{NIF}anchorOf> ?a ; <{NIF}beginIndex> ?b ; <{NIF}endIndex> ?e }}"""))
    assert len(rows) > 10_000
    assert max(int(r["e"].value) for r in rows) > len(text) - MAX_PIECE  # mentions from the last piece too
    wrong = [(r["b"].value, r["a"].value) for r in rows if text[int(r["b"].value) : int(r["e"].value)] != r["a"].value]
    assert wrong == []


# --- one document's failure ------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["normalising", "extraction"])
def test_reliability_one_failing_document_is_one_error_line(seeds_dir, tmp_path, monkeypatch, stage):
    articles = copy_articles(seeds_dir, tmp_path / "in", 3)
    doomed = articles[1]
    marker = normalise(doomed.name, str(doomed), doomed.read_text(encoding="utf-8")).text[:12]
    if stage == "normalising":
        real = kg.parallel.normalise

        def normalise_or_fail(doc_id, source, raw, **facts):
            if marker in real(doc_id, source, raw).text:
                raise ValueError("cannot normalise\nthis text")
            return real(doc_id, source, raw, **facts)

        monkeypatch.setattr(kg.parallel, "normalise", normalise_or_fail)
    else:
        from kg.nlp.relations import RelationExtractor

        real_call = RelationExtractor.__call__

        def relations_or_fail(self, doc):
            if marker in doc.text:
                raise IndexError("list index out of range")
            return real_call(self, doc)

        monkeypatch.setattr(RelationExtractor, "__call__", relations_or_fail)

    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--format", "nt"])

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [error] = ERROR_LINE.findall(result.stderr)
    assert Path(error[0]).name == doomed.name  # the file's path, or its source (relative to its folder)
    assert error[1].startswith(f"{stage} failed (")
    assert "\n" not in error[1]
    built = (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")
    assert all(f'"{a.name}"' in built for a in articles if a != doomed)
    assert f'"{doomed.name}"' not in built


# --- encodings (the reader detects them; the build reports them) ---------------------------------

#: Written for this test: two sentences of a local health news item.
NEWS = "福建省卫生健康委员会今天在福州市召开全省卫生健康工作会议，部署今年的重点工作。会议由副主任李明主持。\n"


def test_reliability_summary_names_the_files_that_were_not_utf8(seeds_dir, tmp_path):
    copy_articles(seeds_dir, tmp_path / "in", 1)
    (tmp_path / "in" / "b_gbk.txt").write_bytes(NEWS.encode("gbk"))
    (tmp_path / "in" / "c_utf16.txt").write_bytes(NEWS.encode("utf-16"))  # with its byte-order mark

    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                                      "--format", "nt"])

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    counts = next(i for i, line in enumerate(lines) if line.startswith("3 documents, "))
    assert lines[counts + 1] == "2 files were not UTF-8: b_gbk.txt (gb18030), c_utf16.txt (utf-16-le)"


def test_reliability_forced_encoding_reads_every_file_so(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.txt").write_bytes(NEWS.encode("gbk"))
    settings = BuildSettings(formats=("nt",), encoding="GBK")
    report = build([tmp_path / "in"], tmp_path / "out", settings)
    assert report.not_utf8() == [("news.txt", "gbk")]  # the codec forced, not the one detection picks (gb18030)
    # the graph keeps the normalised text (kg.build.as_written): read as GBK, it is NEWS's
    assert report.graph.documents[0].text == normalise("news.txt", "news.txt", NEWS).text
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--encoding", "no-such-codec",
                                      "--out", str(tmp_path / "out2")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "no-such-codec" in result.stderr
    assert not os.path.lexists(tmp_path / "out2")


# --- the output folder -----------------------------------------------------------------------

#: A process that publishes a two-file build into OUT and is SIGKILLed at its STEP-th rename,
#: symlink or rmtree: the steps of kg.atomic.OutputFolder.publish, without a whole build around them.
PUBLISH_AND_DIE = """
import os, shutil, signal, sys
from pathlib import Path
import kg.atomic as atomic

out, version, step = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
calls = [0]

def dying(real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == step:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call

os.rename, os.symlink, shutil.rmtree = dying(os.rename), dying(os.symlink), dying(shutil.rmtree)
with atomic.OutputFolder(out, ["a.txt", "b.txt"]) as folder:
    for name in ("a.txt", "b.txt"):
        (folder.staging / name).write_text(version)
    folder.publish()
"""


@pytest.mark.parametrize("plain_folder", [False, True], ids=["link", "plain-folder"])
def test_reliability_kill_9_at_each_step_of_publishing_leaves_one_whole_build(tmp_path, plain_folder):
    old, new = {"a.txt": b"old", "b.txt": b"old"}, {"a.txt": b"new", "b.txt": b"new"}
    seen = set()
    for step in range(1, 8):
        root = tmp_path / f"step{step}"
        out = root / "out"
        if plain_folder:  # an OUT written by an older kg: a plain folder with a temp file of a killed write
            out.mkdir(parents=True)
            (out / ".graph.ttl.k2x9_a1").write_bytes(b"half")
            for name, data in old.items():
                (out / name).write_bytes(data)
        else:
            root.mkdir()
            with OutputFolder(out, ["a.txt", "b.txt"]) as folder:
                for name, data in old.items():
                    (folder.staging / name).write_bytes(data)
                folder.publish()

        done = subprocess.run([sys.executable, "-c", PUBLISH_AND_DIE, str(out), "new", str(step)],
                              capture_output=True, text=True, timeout=60)

        killed = done.returncode == -signal.SIGKILL
        assert killed or done.returncode == 0, done.stderr
        state = {k: v for k, v in snapshot(out).items() if not k.startswith(".")}
        # A plain folder is moved aside just before the link takes its place: killed there, OUT is
        # missing (never mixed) until the next build moves it back.
        assert state in (old, new) or (plain_folder and not os.path.lexists(out)), (step, state)
        seen.add("old" if state == old else "new" if state == new else "missing")

        with OutputFolder(out, ["a.txt", "b.txt"]):  # the next build: repairs, then fails
            pass
        after = {k: v for k, v in snapshot(out).items() if not k.startswith(".")}
        assert after in (old, new) and (state == after or state not in (old, new)), (step, after)
        assert debris(out) == [], step
        if after == new:  # the temporary file a killed writer left in the plain folder went with it
            assert [name for name in snapshot(out) if name.startswith(".")] == [], step
        assert out.is_symlink() or after == old
    assert seen == ({"old", "new", "missing"} if plain_folder else {"old", "new"})


def test_reliability_unpublished_staging_is_removed_and_the_lock_released(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(RuntimeError), OutputFolder(out, ["a.txt"]) as folder:
        (folder.staging / "a.txt").write_text("half")
        raise RuntimeError("writer failed")
    assert not os.path.lexists(out)
    assert debris(out) == []
    with OutputFolder(out, ["a.txt"]) as folder:  # not locked any more
        (folder.staging / "a.txt").write_text("whole")
        folder.publish()
    assert (out / "a.txt").read_text() == "whole"


def test_reliability_a_second_build_into_one_folder_stops_at_once(seeds_dir, tmp_path, monkeypatch):
    copy_articles(seeds_dir, tmp_path / "in", 1)

    def no_extraction(*args, **kwargs):
        raise AssertionError("extraction must not start")

    monkeypatch.setattr(kg.parallel, "load_pipeline", no_extraction)
    with OutputFolder(tmp_path / "out", EXTENSIONS.values()):
        result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'out'}: another kg build (pid {os.getpid()}) is writing here"


def test_reliability_a_folder_of_other_files_is_not_replaced(seeds_dir, tmp_path, monkeypatch):
    copy_articles(seeds_dir, tmp_path / "in", 1)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.md").write_text("mine")
    monkeypatch.setattr(kg.parallel, "load_pipeline", lambda *a, **k: pytest.fail("extraction must not start"))
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "holds files kg build did not write (notes.md)" in result.stderr
    assert snapshot(tmp_path / "out") == {"notes.md": b"mine"}


@pytest.mark.parametrize("how", ["under-a-file", "read-only-folder"])
def test_reliability_unwritable_out_is_reported_before_extraction(seeds_dir, tmp_path, monkeypatch, how):
    copy_articles(seeds_dir, tmp_path / "in", 1)
    if how == "under-a-file":
        (tmp_path / "file").write_text("not a folder")
        out = tmp_path / "file" / "out"
    elif os.geteuid() == 0:
        # root writes into a mode-0o500 folder anyway; /proc refuses new folders even to root
        out = Path("/proc/self/kg-out")
    else:
        (tmp_path / "ro").mkdir(mode=0o500)
        out = tmp_path / "ro" / "out"
    monkeypatch.setattr(kg.parallel, "load_pipeline", lambda *a, **k: pytest.fail("extraction must not start"))

    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(out)])

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.fullmatch(rf"Error: {re.escape(str(out))}: cannot create the output folder \(.+\)\n", result.stderr)


def _wait_for(predicate, timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


@pytest.fixture
def two_builds(seeds_dir, tmp_path):
    """An old build of one seed in OUT, and what a build of all seeds writes there (``old``, ``new``)."""
    inputs = tmp_path / "in"
    articles = copy_articles(seeds_dir, inputs)
    out = tmp_path / "out"
    build([articles[0]], out)
    reference = tmp_path / "reference"
    build([inputs], reference)
    return out, snapshot(out), snapshot(reference)


def _staging_has_files(out: Path, pid: int):
    staging = out.parent / f".{out.name}.builds" / f"staging-{pid}"
    return lambda: staging.is_dir() and any(staging.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"])
def test_reliability_build_killed_while_writing_leaves_the_old_build(two_builds, tmp_path, sig):
    out, old, new = two_builds
    assert old != new
    process = subprocess.Popen([*KG, "build", str(tmp_path / "in"), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert _wait_for(_staging_has_files(out, process.pid)), process.communicate()
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)

    assert snapshot(out) == old
    if sig != signal.SIGKILL:
        assert process.returncode == 128 + sig
        assert f"kg: stopped by {sig.name}; nothing half-written is left in {out}" in stderr
        assert "Traceback" not in stderr
        assert debris(out) == []
    else:
        assert process.returncode == -signal.SIGKILL
        assert debris(out) == [f"staging-{process.pid}"]

    build([tmp_path / "in"], out)  # the next build removes what the killed one left
    assert snapshot(out) == new
    assert debris(out) == []


@pytest.mark.slow
def test_reliability_two_builds_into_one_folder(two_builds, tmp_path):
    out, _, new = two_builds
    first = subprocess.Popen([*KG, "build", str(tmp_path / "in"), "--out", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = out.parent / f".{out.name}.builds" / "lock"
    assert _wait_for(lambda: lock.read_text().strip() == str(first.pid)), first.communicate()

    second = subprocess.run([*KG, "build", str(tmp_path / "in"), "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    _, stderr = first.communicate(timeout=300)

    assert second.returncode == 1
    assert second.stderr == f"Error: {out}: another kg build (pid {first.pid}) is writing here\n"
    assert first.returncode == 0, stderr
    assert snapshot(out) == new
    assert debris(out) == []


# --- kg query ---------------------------------------------------------------------------------


@pytest.mark.parametrize("update", [
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/#>\nINSERT DATA { ex:a ex:b ex:c }",
    "# drop it all\nDROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://example.org/graph.ttl>",
    "CREATE GRAPH <http://example.org/g>",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_reliability_query_refuses_updates_and_leaves_the_build(seed_build, update):
    _, out = seed_build
    before = snapshot(out)
    result = CliRunner().invoke(cli, ["query", "--out", str(out), update])
    assert result.exit_code == 1
    assert result.stderr == f"Error: QUERY: {E_UPDATE}\n"
    assert snapshot(out) == before
