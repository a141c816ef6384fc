"""Session fixtures shared by every test: the pipeline, the bundled seeds, one build of them."""

from __future__ import annotations

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
