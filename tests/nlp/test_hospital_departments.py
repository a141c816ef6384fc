"""A hospital's department written as a bare word before its head's title, in a list of the
hospital's officers, is no organization (issue 11; ANNOTATION.md: hospital specialties), even
where the tagger made one of it; a Party's or government's unit in such a list stays a body.
Sentences, people and bodies invented for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.candidate import Candidate, choose
from kg.nlp.rules.organizations import find_organizations

_HOSPITAL = (
    "江南省中医院日前召开座谈会。我院党委书记、院长张明远，院长助理李志刚，"
    "骨科主任、医务处处长王建国，护理部副主任赵丽华，医师规范化培训办公室副主任孙强出席。"
)


def vetoed(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in find_organizations(raw, []) if c.veto}


def kept_from_tagger(raw: str, surface: str) -> bool:
    """Whether an ORG of ``surface`` (the tagger's, or a rule's) survives the rules' candidates in ``choose``."""
    start = raw.index(surface)
    tagged = Candidate(start, start + len(surface), "ORG", "statistical")
    chosen = choose([*find_organizations(raw, []), tagged])
    return any((c.start, c.end, c.label) == (tagged.start, tagged.end, "ORG") for c in chosen)


@pytest.mark.parametrize("unit", ["医务处", "护理部", "医师规范化培训办公室"])
def test_department_in_a_hospitals_list_of_officers_is_no_body(unit):
    assert unit in vetoed(_HOSPITAL)
    assert not kept_from_tagger(_HOSPITAL, unit)


def test_department_after_a_named_hospital_is_no_body():
    raw = "海城市人民医院院长刘国庆，体检中心副主任陈静参加。"
    assert not kept_from_tagger(raw, "体检中心")


@pytest.mark.parametrize(
    "raw, unit",
    [
        ("海城县委常委、宣传部部长王立出席。", "宣传部"),  # a Party department: a body
        ("海城市人民医院院长刘国庆，教育部副部长陈静出席。", "教育部"),  # a ministry
        ("会议由青云县卫生健康局主持，办公室主任赵凯发言。", "办公室"),  # a bureau's office: no hospital
    ],
)
def test_unit_of_no_hospital_is_not_vetoed(raw, unit):
    assert unit not in vetoed(raw)
    assert kept_from_tagger(raw, unit)
