"""kg.export.reuse: per-article values a rebuild reuses, keyed by every input, never stale."""

from __future__ import annotations

import pickle

import kg.export.explain
from kg.build import BuildSettings, build
from kg.export.reuse import SETTINGS_FILE, Reused, input_key


def test_reuse_a_kept_value_comes_back_only_for_the_same_inputs(tmp_path):
    path = tmp_path / "kept.pickle"
    first = Reused(path)
    assert first.get(input_key("省", "文本", [(1, 2)]), lambda: ("一",)) == ("一",)
    first.get(input_key("省", "其他", []), lambda: ("二",))
    first.save()
    second = Reused(path)
    assert second.get(input_key("省", "文本", [(1, 2)]), lambda: ("computed",)) == ("一",)
    assert second.get(input_key("省", "文本", [(1, 3)]), lambda: ("computed",)) == ("computed",)  # one input differs
    assert second.get(input_key("省", "其他", []), lambda: ("again",), lambda v: False) == ("again",)  # not valid
    second.save()
    assert len(pickle.loads(path.read_bytes())) == 3  # only what this build asked for
    path.write_bytes(b"not a pickle")
    assert Reused(path).old == {}


def test_reuse_explain_settings_rebuild_is_byte_identical_and_reuses(seeds_dir, tmp_path, monkeypatch):
    formats = ("explain-jsonl",)
    build([seeds_dir], tmp_path / "plain", BuildSettings(formats=formats))
    settings = BuildSettings(formats=formats, cache=tmp_path / "cache")
    build([seeds_dir], tmp_path / "first", settings)
    assert next((tmp_path / "cache").glob(f"*/{SETTINGS_FILE}")).is_file()
    calls: list[int] = []
    real = kg.export.explain.article_setting
    monkeypatch.setattr(kg.export.explain, "article_setting", lambda *a: calls.append(1) or real(*a))
    build([seeds_dir], tmp_path / "second", settings)
    assert calls == []  # every article's setting came from the first build's
    plain = (tmp_path / "plain" / "explain.jsonl").read_bytes()
    assert (tmp_path / "first" / "explain.jsonl").read_bytes() == plain
    assert (tmp_path / "second" / "explain.jsonl").read_bytes() == plain
    # another province: every key differs, so every setting is computed again
    build([seeds_dir], tmp_path / "third", BuildSettings(formats=formats, cache=tmp_path / "cache", province="江苏省"))
    assert calls
