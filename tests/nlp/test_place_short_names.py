"""Short names of prefectures that jieba files under another tag but barely knows (issue 11), on
sentences written for these tests: the dictionary's rare entry is the city, so the name is a place."""

from __future__ import annotations

import pytest

from kg.nlp.rules.places import make_place_rules


def places(raw: str) -> set[str]:
    rule = make_place_rules()
    return {raw[c.start : c.end] for c in rule(raw, frozenset(), []) if c.label == "LOC" and c.mention}


@pytest.mark.parametrize(
    "raw, place",
    [
        ("医疗队从周口出发，赶赴外省开展帮扶。", "周口"),
        ("两地签约后，专家组赶赴新余坐诊。", "新余"),
        ("他在林芝工作了五年。", "林芝"),
    ],
)
def test_rare_dictionary_entry_of_a_prefecture_is_the_place(raw, place):
    assert place in places(raw)


@pytest.mark.parametrize("raw, word", [("各位来宾请入座。", "来宾"), ("孝感是一种情感。", "孝感")])
def test_everyday_word_that_names_a_prefecture_is_no_place_alone(raw, word):
    """来宾 (guests) and 孝感 are words jieba counts often: no place on their own."""
    assert word not in places(raw)
