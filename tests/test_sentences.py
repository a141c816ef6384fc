"""Sentence spans of normalised seed text."""

from __future__ import annotations

from kg.sentences import sentence_start, sentences

TEXT = "7日,福建省医保基金监管集中宣传月活动在福州启动。省、市相关部门领导共同启动按钮!据了解"


def test_sentences_end_at_final_marks_and_cover_the_text():
    spans = sentences(TEXT)
    assert [TEXT[a:b] for a, b in spans] == [
        "7日,福建省医保基金监管集中宣传月活动在福州启动。",
        "省、市相关部门领导共同启动按钮!",
        "据了解",
    ]
    assert sentences("") == ((0, 0),)


def test_sentences_start_of_the_sentence_holding_a_position():
    assert sentence_start(TEXT, TEXT.index("福州")) == 0
    assert sentence_start(TEXT, TEXT.index("领导")) == TEXT.index("省、市")
    assert sentence_start(TEXT, TEXT.index("了解")) == TEXT.index("据了解")
