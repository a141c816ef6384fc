"""The featurizer's speed-ups keep its output: the per-word table (also when it is full and starts
again), the characters made once per text, and place names found from the featurizer's own character
pairs. The oracle is the per-character version the shipped model was trained with (test_features.py)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from test_features import EDGE_CASES, _seed_texts, oracle_features

from kg.nlp import features
from kg.nlp.features import FeatureLexicon, Featurizer, lexicon_path

# Written for this test: the same dictionary words again and again (the word table's hits), words of
# one to four characters, unknown names, Latin letters, digits and a line break between words.
REPEATS = [
    "卫生院卫生院卫生院院长院长主任医师主任医师",
    "他们说他们说，我们做我们做。\n他们说ABC他们说123",
    "张小明和李小红在县城里开会，县城里的人都来了。",
]


@pytest.fixture(scope="module")
def shipped() -> FeatureLexicon:
    return FeatureLexicon.read(lexicon_path(Path(str(files("kg.resources").joinpath("ner.crfsuite")))))


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_features_same_when_the_word_table_starts_again(shipped, monkeypatch, limit):
    """A word table that forgets everything every ``limit`` words still gives each word its features."""
    monkeypatch.setattr(features, "WORD_LIMIT", limit)
    featurize = Featurizer(shipped)
    assert featurize._word.limit == limit
    for text in [*REPEATS, *EDGE_CASES, "\n".join(_seed_texts()[:2])]:
        assert featurize(text) == oracle_features(shipped, text)
        assert featurize(text) == oracle_features(shipped, text)  # the table's hits, after its misses


def test_features_word_table_shares_one_entry_per_word(shipped):
    """A word seen twice is looked up, not made again: the table holds each word once."""
    featurize = Featurizer(shipped)
    featurize(REPEATS[0])
    size = len(featurize._word)
    assert featurize(REPEATS[0] * 3) == oracle_features(shipped, REPEATS[0] * 3)
    assert len(featurize._word) == size


@pytest.mark.parametrize("text", [*REPEATS, *EDGE_CASES])
def test_features_place_spans_from_given_pairs(shipped, text):
    """Place names found from the caller's character pairs are those found from the text alone."""
    pairs = [text[i] + text[i + 1] for i in range(len(text) - 1)]
    assert shipped.place_spans(text, iter(pairs)) == shipped.place_spans(text)
    assert shipped.place_spans(text, iter([*pairs, text[-1:] + "$"])) == shipped.place_spans(text)


def test_features_place_spans_from_given_pairs_on_real_names(shipped):
    text = "福建省福州市鼓楼区人民医院和厦门大学附属第一医院"
    pairs = map(str.__add__, text, text[1:])
    assert shipped.place_spans(text, pairs) == shipped.place_spans(text) != []
