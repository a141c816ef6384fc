"""都 and 由 are surnames and frequent function characters (all; by): a name starting with one
needs a given name that is no dictionary word (issue 11), as 和, 向 already did. Sentences invented."""

from __future__ import annotations

import pytest

from kg.nlp.rules.people import make_person_rules


def people(raw: str) -> set[str]:
    rule = make_person_rules()
    return {raw[c.start : c.end] for c in rule(raw, frozenset(), []) if c.label == "PER"}


@pytest.mark.parametrize(
    "raw, wrong",
    [("乡村医生都愿意留下来。", "都愿意"), ("这次讲座由医学教授主讲。", "由医学")],
)
def test_function_character_before_a_word_is_no_name(raw, wrong):
    assert wrong not in people(raw)


def test_a_name_with_such_a_surname_is_still_found():
    assert "由晓岚" in people("主任医师由晓岚介绍了病例。")
