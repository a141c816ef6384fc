"""benchmarks/prog_diff.py: what a program rule change adds and removes, read from two dumps."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _module():
    # a helper of the benchmarks, loaded by path: the benchmarks folder is not a package
    spec = importlib.util.spec_from_file_location("prog_diff", ROOT / "benchmarks" / "prog_diff.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_diff_lists_spans_gone_and_new(tmp_path, capsys):
    before, after = tmp_path / "before.tsv", tmp_path / "after.tsv"
    before.write_text("s:1\t0\t4\t某某活动\thead\t[某某活动]\ns:2\t3\t9\t某某专项行动\thead\tx\n", encoding="utf-8")
    after.write_text("s:2\t3\t9\t某某专项行动\thead\tx\ns:3\t0\t5\t某某宣传周\thead\ty\n", encoding="utf-8")
    _module().diff(before, after)
    out = capsys.readouterr()
    assert out.out.splitlines() == ["-\ts:1\t某某活动\thead\t[某某活动]", "+\ts:3\t某某宣传周\thead\ty"]
    assert "1 gone, 1 new" in out.err


def test_sources_read_only_the_development_split(tmp_path):
    texts = tmp_path / "data" / "domain" / "texts"
    texts.mkdir(parents=True)
    for stem in ("abc_01", "abc_07", "abc_08", "abc_10"):
        (texts / f"{stem}.txt").write_text("正文", encoding="utf-8")
    keys = [key for key, _ in _module().sources(tmp_path) if not key.startswith("seeds:")]
    assert keys == ["abc_01", "abc_07"]
