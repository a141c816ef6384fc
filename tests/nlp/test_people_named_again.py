"""A two-character name a title made sure of, written again before a verb whose first character
could pass for a third one of the name (issue 11); people invented for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.rules.people import make_person_rules


def spans(raw: str) -> set[tuple[int, int]]:
    return {(c.start, c.end) for c in make_person_rules()(raw, frozenset(), []) if c.label == "PER"}


@pytest.mark.parametrize(
    "raw, name",
    [
        ("市卫生健康委副主任郑海、区长李明出席会议。郑海肯定了各区县取得的成绩。", "郑海"),
        ("县长张强出席。张强调研了三个乡镇。", "张强"),
        ("院长吴凡主持会议。会上，吴凡希望大家再接再厉。", "吴凡"),
    ],
)
def test_name_written_again_before_a_verb(raw, name):
    at = raw.rfind(name)
    assert (at, at + len(name)) in spans(raw)


@pytest.mark.parametrize(
    "raw, name",
    [
        ("县长张强出席。张强华表示感谢。", "张强"),  # another person's longer name
        ("院长吴凡主持会议。他说吴凡肯定会来。", "吴凡"),  # not at a clause's start
    ],
)
def test_longer_name_or_inside_a_clause_left_alone(raw, name):
    at = raw.rfind(name)
    assert (at, at + len(name)) not in spans(raw)
