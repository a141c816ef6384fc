"""Session fixtures shared by every test: the pipeline, the bundled seeds, one build of them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.build import build
from kg.nlp import load_nlp

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The extraction pipeline exactly as ``kg build`` loads it (``pipeline.cfg``)."""
    return load_nlp()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's ``seeds/`` folder, wherever pytest is started from."""
    assert SEEDS_DIR.is_dir(), SEEDS_DIR
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seed_build(seeds_dir, tmp_path_factory):
    """One build of the seeds for the whole session: ``(report, out_dir)``."""
    out_dir = tmp_path_factory.mktemp("seed_build") / "out"
    report = build([seeds_dir], out_dir)
    return report, out_dir


#: Runs ``kg ARGS...`` like the console script in a fresh interpreter, then writes the names of the
#: modules it imported: how tests see which commands load spaCy, without timing anything.
KG_DRIVER = """
import sys
from kg.cli import cli
try:
    cli.main(sys.argv[2:], prog_name="kg")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(sys.argv[1], "w", encoding="utf-8") as stream:
    stream.write("\\n".join(sorted(sys.modules)))
sys.exit(code)
"""

RunKg = Callable[..., tuple[subprocess.CompletedProcess, set[str]]]


@pytest.fixture
def run_kg(tmp_path) -> RunKg:
    """``run_kg(*args, stdin="")``: the finished process and the set of modules it imported."""

    def run(*args: str, stdin: str = "") -> tuple[subprocess.CompletedProcess, set[str]]:
        modules_file = tmp_path / "modules.txt"
        modules_file.unlink(missing_ok=True)
        done = subprocess.run([sys.executable, "-c", KG_DRIVER, str(modules_file), *args], input=stdin.encode(),
                              capture_output=True, cwd=tmp_path, timeout=300, check=False)
        assert modules_file.exists(), done.stderr.decode()
        return done, set(modules_file.read_text(encoding="utf-8").split())

    return run
