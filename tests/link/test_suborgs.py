"""Parents read from the structure of names (``kg.link.suborgs``), on names written for these tests
(invented bodies); the graph-level cases of the same module are in ``tests/test_graph.py``."""

from __future__ import annotations

import pytest

from kg.graph import build_graph
from kg.model import Entity, Mention


def org(name: str) -> Entity:
    """An organization mentioned once, by its name, in one article."""
    return Entity(f"ORG:{name}", "ORG", name, (name,), (Mention("a.txt", 0, len(name), "ORG", name, (0, 20)),))


def suborgs(*entities: Entity) -> set[tuple[str, str]]:
    graph = build_graph([], list(entities), [])
    return {(r.head.removeprefix("ORG:"), r.tail.removeprefix("ORG:")) for r in graph.relations if r.kind == "suborg"}


@pytest.mark.parametrize(
    "child, parent",
    [
        ("东湖市急救中心滨江分站", "东湖市急救中心"),  # a station's branch
        ("东湖师范大学临江分校", "东湖师范大学"),  # a school's branch campus
        ("东湖省医学会骨科学分会青年委员会", "东湖省医学会骨科学分会"),  # a branch's committee
        ("东湖省医学会骨科学分会关节外科学组", "东湖省医学会骨科学分会"),  # and its study group
    ],
)
def test_suborgs_branches_and_the_groups_of_a_society_s_branch(child, parent):
    assert (child, parent) in suborgs(org(child))


def test_suborgs_a_branch_is_of_the_whole_body_before_it_not_of_a_shorter_body_in_its_name():
    """``某市中心血站某分站``: 血站 is no body ending the suffix lists know, but the branch is not
    of ``某市中心`` (the word before the branch has a body's ending of its own)."""
    assert ("东湖市中心血站滨江分站", "东湖市中心") not in suborgs(org("东湖市中心血站滨江分站"))


@pytest.mark.parametrize(
    "child, parent",
    [("民进中央", "中国民主促进会"), ("致公党中央委员会", "中国致公党"), ("九三学社中央委员会", "九三学社")],
)
def test_suborgs_a_democratic_party_s_central_committee_is_the_party_s(child, parent):
    """The party itself is written nowhere alone: it is made with no mentions, as the gold lists it."""
    assert (child, parent) in suborgs(org(child))


def test_suborgs_the_communist_party_s_centre_is_left_alone():
    assert suborgs(org("中共中央")) == set()


def test_suborgs_a_party_s_committee_of_a_place_is_under_the_party_its_article_has():
    """``民盟某省委员会`` with ``民盟中央`` in the same article: the party made for the central
    committee is the place committee's parent too; alone, the committee names no party."""
    found = suborgs(org("民盟中央"), org("民盟东湖省委员会"))
    assert ("民盟东湖省委员会", "中国民主同盟") in found
    assert ("民盟中央", "中国民主同盟") in found
    assert not any(child == "民盟东湖省委员会" for child, _ in suborgs(org("民盟东湖省委员会")))



@pytest.mark.parametrize(
    "child, parent",
    [
        ("东湖市第一医院党委宣传部", "东湖市第一医院"),  # a department of a unit's Party committee
        ("东湖医科大学附属第二医院党委办公室", "东湖医科大学附属第二医院"),  # its office
    ],
)
def test_suborgs_a_department_of_a_unit_s_party_committee_is_the_unit_s(child, parent):
    """As 中共某大学委员会组织部 is the university's: the unit's Party committee is no body of its own."""
    assert (child, parent) in suborgs(org(child))


@pytest.mark.parametrize(
    "child, parent",
    [
        ("东湖省中医药研究院附属医院", "东湖省中医药研究院"),  # a research institute's hospital
        ("东湖省血液病研究所附属医院", "东湖省血液病研究所"),
    ],
)
def test_suborgs_a_research_institute_s_affiliated_hospital_is_its_unit(child, parent):
    assert suborgs(org(child)) == {(child, parent)}


def test_suborgs_a_branch_named_after_a_place_starting_like_a_title_is_the_body_s():
    """``某管理局|长江分局``: 局长 reads as a title, but with no other cut the branch is the bureau's."""
    child = "东湖省药品监督管理局长江分局"
    assert suborgs(org(child)) == {(child, "东湖省药品监督管理局")}


def test_suborgs_a_title_word_at_the_cut_still_prefers_the_shorter_body():
    """``某大学|校长办公室``: the office of the president is the university's, not 某大学校's."""
    child = "东湖师范大学校长办公室"
    assert suborgs(org(child)) == {(child, "东湖师范大学")}
