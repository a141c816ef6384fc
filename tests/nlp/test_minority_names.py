"""Tibetan names after a title (kg/nlp/rules/minority_names.py, issue 11), on sentences written for
these tests: names of syllables with no surname, kept whole and only where a name ends."""

from __future__ import annotations

import pytest

from kg.nlp.rules.people import make_person_rules


def people(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in make_person_rules()(raw, frozenset(), []) if c.label == "PER"}


@pytest.mark.parametrize(
    "raw, name",
    [
        ("带队的是牧区医疗队队长格桑顿珠。", "格桑顿珠"),  # 格 opens no surname+given name here
        ("小学校长央金卓玛，教导主任何平陪同参观。", "央金卓玛"),
        ("乡卫生院院长次仁旺堆接受了采访。", "次仁旺堆"),  # a verb standing as a word after it
        ("兽医站站长扎西表示，冬季防疫将持续到三月。", "扎西"),
    ],
)
def test_tibetan_name_after_a_title(raw, name):
    assert name in people(raw)


def test_syllables_cut_from_a_longer_word_name_nobody():
    """平措|施工: 措 belongs to 措施, so the syllables end no name."""
    assert not any(n.startswith("平措") for n in people("项目经理平措施工现场检查。"))
