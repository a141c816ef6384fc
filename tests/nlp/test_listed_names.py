"""Names listed with 、 after a title's name, or after 领导 (issue 11): each whole item of the list
is a person. People invented for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.rules.people import make_person_rules


def people(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in make_person_rules()(raw, frozenset(), []) if c.label == "PER"}


@pytest.mark.parametrize(
    "raw, names",
    [
        ("副院长张海明、李红、王建国出席。", {"张海明", "李红", "王建国"}),
        ("市领导高立新、钟勇、修华分别参加调研。", {"高立新", "钟勇", "修华"}),
        ("主任王明、张华等参加。", {"王明", "张华"}),
    ],
)
def test_names_listed_after_a_title_or_leaders(raw, names):
    assert names <= people(raw)


@pytest.mark.parametrize("raw", ["院领导高度重视、精心组织。", "在领导关心、支持下完成。", "市领导李明出席。"])
def test_no_list_of_names_no_people_from_it(raw):
    """A list of verbs is no list of names; one name after 领导 is no list (and no title)."""
    assert not people(raw)
