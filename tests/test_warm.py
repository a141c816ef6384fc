"""kg.warm: what loading the pipeline computes from its word lists, kept between builds."""

from __future__ import annotations

import pickle

from kg import warm
from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon


def test_warm_saved_values_come_back_without_computing(tmp_path, monkeypatch):
    made = {name: warm._VALUES.get(name) for name in warm._NAMES}
    path = tmp_path / warm.FILE_NAME
    for loader in (load_gazetteer, lexicon.word_tags, lexicon.dictionary_words, lexicon.segment):
        loader() if loader is not lexicon.segment else loader("福州市卫生健康委员会")
    warm.save(path)
    before = (load_gazetteer().lookup("福州"), lexicon.word_tags(), lexicon.dictionary_words(),
              lexicon.segment("厦门市某某区卫生院"))
    try:
        for name in warm._NAMES:
            warm._VALUES.pop(name, None)
        monkeypatch.setattr(lexicon, "_tokenizer", lambda: (_ for _ in ()).throw(AssertionError("computed")))
        assert warm.restore(path)
        lexicon.segment.cache_clear()
        after = (load_gazetteer().lookup("福州"), lexicon.word_tags(), lexicon.dictionary_words(),
                 lexicon.segment("厦门市某某区卫生院"))
        assert after == before
    finally:
        for name, value in made.items():
            if value is not None:
                warm._VALUES[name] = value


def test_warm_a_file_of_other_loaders_or_unreadable_is_ignored(tmp_path):
    assert not warm.restore(tmp_path / "missing.pickle")
    (tmp_path / "broken.pickle").write_bytes(b"not a pickle")
    assert not warm.restore(tmp_path / "broken.pickle")
    (tmp_path / "other.pickle").write_bytes(pickle.dumps({"some.other.loader": 1}))
    assert not warm.restore(tmp_path / "other.pickle")
