"""kg's char tokenization: the same tokens and spaces as spaCy's Chinese char segmenter, faster."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.lang.zh import ChineseTokenizer

from kg.nlp import load_nlp
from kg.nlp.tokenizer import make_doc


def _tokens(doc) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("zh")


# Written for this test: spaces after a character, runs of spaces, line breaks, ideographic and
# no-break spaces, whitespace at both ends, a text of whitespace only.
CASES = ["", " ", "  ", " 王", "王 ", "王  李", "\n\n", "福 建\n 省  ", "\u3000\u3000福建省。\n", "a\xa0b\tc 1 2"]


@pytest.mark.parametrize("text", CASES)
def test_tokenizer_char_segmenter_same_as_spacy(nlp, text):
    assert _tokens(make_doc(nlp, text)) == _tokens(nlp.make_doc(text))


def test_tokenizer_char_segmenter_same_as_spacy_on_random_text(nlp):
    rng = random.Random(7)
    alphabet = list("王福建省市。，“”a1 \n\u3000\t\xa0")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        assert _tokens(make_doc(nlp, text)) == _tokens(nlp.make_doc(text)), text


def test_tokenizer_other_segmenters_are_the_pipelines_own():
    assert isinstance(load_nlp().tokenizer, ChineseTokenizer)
    jieba = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    text = "福建省卫生健康委员会"
    assert _tokens(make_doc(jieba, text)) == _tokens(jieba.make_doc(text))
    assert len(make_doc(jieba, text)) < len(text)
