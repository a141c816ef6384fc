"""``kg`` on the command line (click's ``CliRunner``, in an isolated folder): what it prints,
what it writes, and what it leaves alone when inputs or writers fail."""

from __future__ import annotations

import errno
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import cli
from kg.errors import E_MISSING
from kg.export import EXTENSIONS, WRITERS
from kg.labels import LABELS

# Click 8.5 deprecates ``isolated_filesystem`` (removal planned for Click 9.0, and pyproject
# allows ``click>=8.1`` with no upper bound); its replacement is ``monkeypatch.chdir(tmp_path)``.
pytestmark = pytest.mark.filterwarnings("ignore:'isolated_filesystem' is deprecated:DeprecationWarning")

GRAPH_FILES = sorted(EXTENSIONS.values())  # graph.ttl, graph.nt, ..., nodes.csv, edges.csv
#: The build's one-line summary: a count for each entity label kg.labels lists, in its order.
SUMMARY = re.compile(
    r"^(?P<documents>\d+) documents, " + ", ".join(rf"(?P<{label}>\d+) {label}" for label in LABELS)
    + r" entities, (?P<links>\d+) links, (?P<triples>\d+) triples, (?P<violations>\d+) SHACL violations, \d+\.\d s$",
    re.MULTILINE,
)
ERROR_LINE = re.compile(r"^Error: (?P<path>.+?): (?P<reason>.+)$")
IDENTIFIER = '<http://purl.org/dc/terms/identifier> "'
SOURCE = '<http://purl.org/dc/terms/source> "'


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def copy_seeds(seeds_dir: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for path in sorted(seeds_dir.glob("*.txt")):
        shutil.copyfile(path, dest / path.name)
    return dest


def write_undecodable(path: Path) -> Path:
    """A file no text encoding explains (a PNG's first bytes: GBK and Big5 are read now)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return path


def nt_values(nt_file: Path, predicate: str) -> set[str]:
    """The objects of ``predicate`` in a sorted N-Triples file (our own output: one triple a line)."""
    values = set()
    for line in nt_file.read_text(encoding="utf-8").splitlines():
        if predicate in line:
            values.add(line.split(predicate, 1)[1].rsplit(" .", 1)[0][:-1])
    return values


def error_lines(stderr: str) -> list[re.Match]:
    lines = [line for line in stderr.splitlines() if line.startswith("Error:")]
    matches = [ERROR_LINE.match(line) for line in lines]
    assert all(matches), lines
    return matches


def test_cli_help_says_what_is_written(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    assert "build" in result.output
    for words in ("RDF", "Turtle", "N-Triples", "GraphML", "out/"):
        assert words in result.output

    result = runner.invoke(cli, ["build", "--help"])
    assert result.exit_code == 0, result.output
    assert "--out" in result.output
    for name in GRAPH_FILES:
        assert name in result.output


def test_cli_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kg, version {__version__}"


def test_cli_build_prints_summary_and_writes_every_format(runner, seeds_dir, tmp_path):
    with runner.isolated_filesystem(temp_dir=tmp_path):
        copy_seeds(seeds_dir, Path("articles"))
        result = runner.invoke(cli, ["build", "articles", "--out", "out"])
        assert result.exit_code == 0, result.output
        assert "Error" not in result.output

        summary = SUMMARY.search(result.stdout)
        assert summary, result.stdout
        assert summary["documents"] == "5"
        for label in ("PER", "ORG", "LOC", "PROG"):
            assert int(summary[label]) > 0, label
        out = Path("out")
        assert sorted(p.name for p in out.iterdir()) == GRAPH_FILES
        nt_lines = [line for line in (out / "graph.nt").read_bytes().splitlines() if line.strip()]
        assert int(summary["triples"]) == len(nt_lines)
        for name in GRAPH_FILES:
            assert f"wrote {Path('out', name)}" in result.stdout
            assert (out / name).stat().st_size > 0
        assert nt_values(out / "graph.nt", IDENTIFIER) == {p.name for p in seeds_dir.glob("*.txt")}


def test_cli_build_reports_each_bad_input_and_builds_the_rest(runner, seeds_dir, tmp_path):
    with runner.isolated_filesystem(temp_dir=tmp_path):
        copy_seeds(seeds_dir, Path("articles"))
        bad = write_undecodable(Path("bad", "image.txt"))
        result = runner.invoke(cli, ["build", "articles", "missing.txt", str(bad), "--out", "out"])

        assert result.exit_code == 1, result.output
        errors = error_lines(result.stderr)
        assert len(errors) == 2, result.stderr
        by_file = {Path(m["path"]).resolve(): m["reason"] for m in errors}
        assert by_file[Path("missing.txt").resolve()] == E_MISSING
        assert by_file[bad.resolve()].startswith("not text in UTF-8, GB18030, Big5")
        assert "Traceback" not in result.output

        summary = SUMMARY.search(result.stdout)
        assert summary and summary["documents"] == "5", result.stdout
        out = Path("out")
        assert sorted(p.name for p in out.iterdir()) == GRAPH_FILES
        assert nt_values(out / "graph.nt", IDENTIFIER) == {p.name for p in seeds_dir.glob("*.txt")}


def test_cli_build_with_only_bad_inputs_exits_nonzero_and_writes_nothing(runner, tmp_path):
    with runner.isolated_filesystem(temp_dir=tmp_path):
        bad = write_undecodable(Path("bad", "image.txt"))
        Path("empty_folder").mkdir()
        result = runner.invoke(cli, ["build", "missing.txt", str(bad), "empty_folder", "--out", "out"])

        assert result.exit_code != 0
        assert isinstance(result.exception, SystemExit), result.exception  # a message, not a traceback
        named = {Path(m["path"]).resolve() for m in error_lines(result.stderr)}
        assert named == {Path(p).resolve() for p in ("missing.txt", bad, "empty_folder")}
        assert "nothing was written" in result.stderr
        assert not Path("out").exists() or list(Path("out").iterdir()) == []
        assert [p.name for p in Path().iterdir() if p.name.startswith(tuple("." + n for n in GRAPH_FILES))] == []


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_cli_build_failing_midway_leaves_previous_files(runner, seed_build, seeds_dir, tmp_path, monkeypatch, fmt):
    _, previous_out = seed_build
    real_writer = WRITERS[fmt]
    calls = []

    def disk_full(graph, stream, base):
        calls.append(fmt)
        buffer = io.BytesIO()
        real_writer(graph, buffer, base)
        stream.write(buffer.getvalue()[:1000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setitem(WRITERS, fmt, disk_full)
    with runner.isolated_filesystem(temp_dir=tmp_path):
        out = Path("out")
        out.mkdir()
        for name in GRAPH_FILES:
            shutil.copyfile(previous_out / name, out / name)
        before = {name: (out / name).read_bytes() for name in GRAPH_FILES}

        # one article only, so a completed build would change every file
        article = copy_seeds(seeds_dir, Path("articles")) / "000_2bd2ab5580cfad16.txt"
        result = runner.invoke(cli, ["build", str(article), "--out", "out"])

        assert calls == [fmt]
        assert result.exit_code != 0
        assert isinstance(result.exception, SystemExit), result.exception  # a message, not a traceback
        written_as = re.escape(EXTENSIONS[fmt])
        assert re.search(rf"^Error: \S*{written_as}: cannot write \(No space left on device\)$", result.stderr, re.M)
        assert sorted(p.name for p in out.iterdir()) == GRAPH_FILES  # no .graph.* temp files
        assert {name: (out / name).read_bytes() for name in GRAPH_FILES} == before


def test_cli_build_without_paths_reads_seeds_in_current_folder(runner, seeds_dir, tmp_path):
    with runner.isolated_filesystem(temp_dir=tmp_path):
        copy_seeds(seeds_dir, Path("seeds"))
        result = runner.invoke(cli, ["build"])

        assert result.exit_code == 0, result.output
        summary = SUMMARY.search(result.stdout)
        assert summary and summary["documents"] == "5", result.stdout
        out = Path("out")
        assert sorted(p.name for p in out.iterdir()) == GRAPH_FILES
        here = Path.cwd().resolve() / "seeds"
        assert nt_values(out / "graph.nt", SOURCE) == {p.name for p in here.glob("*.txt")}  # relative to seeds/


# --- shell conventions (issue 14): stdout for results, stderr for diagnostics, -, -o, -q, -v ---

ROLE = "<http://www.w3.org/ns/org#role>"


def test_cli_validate_prints_violations_on_stderr_and_the_count_on_stdout(runner, seed_build, tmp_path):
    _, out = seed_build
    lines = (out / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if ROLE not in line]
    (tmp_path / "graph.nt").write_text("".join(kept), encoding="utf-8")
    result = runner.invoke(cli, ["validate", "--out", str(tmp_path)])
    assert result.exit_code == 1
    violations = result.stderr.splitlines()
    assert len(violations) == len(lines) - len(kept) > 0
    assert all(v.startswith("Violation: ") and v.endswith("a membership has one role (http://www.w3.org/ns/org#role)")
               for v in violations), violations
    assert result.stdout == f"{tmp_path / 'graph.nt'}: {len(kept)} triples, {len(violations)} SHACL violations\n"


def test_cli_validate_reads_turtle_when_there_is_no_ntriples(runner, seed_build, tmp_path):
    _, out = seed_build
    shutil.copyfile(out / "graph.ttl", tmp_path / "graph.ttl")
    result = runner.invoke(cli, ["validate", "--out", str(tmp_path)])
    triples = len((out / "graph.nt").read_bytes().splitlines())
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / 'graph.ttl'}: {triples} triples, 0 SHACL violations\n"


@pytest.mark.parametrize("args", [["-o", "{out}"], ["-o{out}"]])
def test_cli_short_o_for_the_build_folder_still_works_with_a_warning(runner, seed_build, args):
    _, out = seed_build
    result = runner.invoke(cli, ["validate", *(a.format(out=out) for a in args)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "kg validate: -o for the build folder is deprecated; use --out\n"
    assert result.stdout.startswith(f"{out / 'graph.nt'}: ")
    result = runner.invoke(cli, ["load", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "5", "-o",
                                 str(out.parent / "elsewhere")])
    assert result.exit_code == 1
    deprecated, error = result.stderr.splitlines()
    assert deprecated == "kg load: -o for the build folder is deprecated; use --out"
    assert error.startswith(f"Error: {out.parent / 'elsewhere'}")  # -o DIR was taken as --out DIR


def test_cli_build_takes_out_and_no_longer_lists_short_o(runner, tmp_path):
    result = runner.invoke(cli, ["build", "--help"])
    assert "--out DIRECTORY" in result.stdout and "-o," not in result.stdout
    with runner.isolated_filesystem(temp_dir=tmp_path):
        result = runner.invoke(cli, ["build", "missing.txt", "-o", "elsewhere"])
        assert result.exit_code == 1
        assert result.stderr.startswith("kg build: -o for the build folder is deprecated; use --out\n")
        assert "Error: missing.txt: no such file or folder" in result.stderr


def test_cli_build_quiet_prints_the_summary_only(runner, seeds_dir, tmp_path):
    with runner.isolated_filesystem(temp_dir=tmp_path):
        article = copy_seeds(seeds_dir, Path("articles")) / "000_2bd2ab5580cfad16.txt"
        result = runner.invoke(cli, ["-q", "build", str(article), "--out", "out"])
        assert result.exit_code == 0, result.output
        assert SUMMARY.fullmatch(result.stdout.rstrip("\n")), result.stdout  # one line: no 'wrote' lines
        assert result.stderr == ""  # no progress
        assert sorted(p.name for p in Path("out").iterdir()) == GRAPH_FILES


def test_cli_view_dash_writes_the_page_to_stdout(runner, seed_build, tmp_path):
    _, out = seed_build
    page = tmp_path / "page.html"
    to_file = runner.invoke(cli, ["view", "--out", str(out), "-o", str(page)])
    assert to_file.exit_code == 0, to_file.output
    assert to_file.stdout.endswith(f"-> wrote {page}\n") and to_file.stderr == ""
    to_stdout = runner.invoke(cli, ["view", "--out", str(out), "--output", "-"])
    assert to_stdout.exit_code == 0, to_stdout.output
    assert to_stdout.stdout_bytes == page.read_bytes()
    assert to_stdout.stderr.endswith("-> wrote stdout\n")
    assert not Path("-").exists()
    quiet = runner.invoke(cli, ["view", "-q", "--out", str(out), "-o", str(page)])
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_cli_verbosity_options_on_group_and_command(runner, seed_build):
    _, out = seed_build
    for args in (["-v", "validate"], ["validate", "--verbose"], ["-q", "validate", "-v"]):
        result = runner.invoke(cli, [*args, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert re.search(r"^kg: read \d+ triples from \S+graph\.nt in \d+\.\d\d s$", result.stderr, re.M), args
    result = runner.invoke(cli, ["-v", "validate", "--quiet", "--out", str(out)])  # the command's word wins
    assert result.stderr == ""


def test_cli_shell_completion(runner):
    script = runner.invoke(cli, [], prog_name="kg", env={"_KG_COMPLETE": "bash_source"})
    assert script.exit_code == 0
    assert "_kg_completion()" in script.stdout and "complete -o nosort -F _kg_completion kg" in script.stdout
    commands = runner.invoke(cli, [], prog_name="kg",
                             env={"_KG_COMPLETE": "bash_complete", "COMP_WORDS": "kg qu", "COMP_CWORD": "1"})
    assert commands.stdout.split() == ["plain,query"]
    formats = runner.invoke(cli, [], prog_name="kg",
                            env={"_KG_COMPLETE": "bash_complete", "COMP_WORDS": "kg build --format g",
                                 "COMP_CWORD": "3"})
    assert formats.stdout.split() == ["plain,gexf", "plain,graphml"]
    assert "_KG_COMPLETE=bash_source kg" in runner.invoke(cli, ["--help"]).stdout


def test_python_dash_m_kg_is_named_kg():
    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, check=True)
    assert done.stdout.startswith(b"Usage: kg [OPTIONS] COMMAND [ARGS]...")
