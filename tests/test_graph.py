"""The graph model's structure read from names (``kg.graph``): which body a body is part of,
on names written for these tests (invented bodies, real divisions where the rule needs one)."""

from __future__ import annotations

import pytest

from kg.graph import build_graph
from kg.link.suborgs import full_name
from kg.model import Entity, Mention


def org(name: str, doc: str | None = "a.txt", written: str | None = None, sentence=(0, 20)) -> Entity:
    """An organization mentioned once in ``doc`` as ``written`` (its name by default); none if ``doc`` is None."""
    written = written or name
    mentions = (Mention(doc, 0, len(written), "ORG", written, sentence),) if doc else ()
    return Entity(f"ORG:{name}", "ORG", name, (written,) if doc else (), mentions)


def suborgs(*entities: Entity) -> set[tuple[str, str]]:
    graph = build_graph([], list(entities), [])
    return {(r.head.removeprefix("ORG:"), r.tail.removeprefix("ORG:")) for r in graph.relations if r.kind == "suborg"}


def test_graph_a_chain_of_parents_each_cites_the_sentence_naming_the_child():
    """Parents known only inside the longer name are made (no mentions), and each link of the
    chain cites where the name was written, so it can be checked and scored per article."""
    graph = build_graph([], [org("江北大学医学院附属第二医院", sentence=(5, 40))], [])
    found = {(r.head, r.tail): r.evidence for r in graph.relations if r.kind == "suborg"}
    assert found == {
        ("ORG:江北大学医学院附属第二医院", "ORG:江北大学医学院"): (("a.txt", 5, 40),),
        ("ORG:江北大学医学院", "ORG:江北大学"): (("a.txt", 5, 40),),
    }
    assert graph.entity("ORG:江北大学").mentions == ()


def test_graph_a_shorter_name_that_is_no_body_is_no_parent():
    """``东湖省立`` (a nickname linked to a name) is no body: 东湖省立医院 is not its unit."""
    assert suborgs(org("东湖省立医院"), org("东湖省立", written="省立")) == set()


@pytest.mark.parametrize(
    "child, parent",
    [
        ("东湖省人大教科文卫委员会", "东湖省人民代表大会"),  # a congress's special committee
        ("东湖省人民代表大会常务委员会法制工作委员会", "东湖省人民代表大会常务委员会"),
        ("东湖省政协教科卫体委员会", "中国人民政治协商会议东湖省委员会"),
        ("政协东湖省委员会提案委员会", "中国人民政治协商会议东湖省委员会"),
        ("解放军联勤保障部队第九八八医院", "中国人民解放军联勤保障部队"),  # an army hospital's force
        ("江北县人民政府党组", "江北县人民政府"),  # a unit's Party group
        ("中共江北县人民政府党组", "江北县人民政府"),
        ("江北县政府党组", "江北县人民政府"),
        ("中共江北县总工会党组", "江北县总工会"),  # a union, missing from the suffix lists
        ("江北大学党委", "江北大学"),  # a unit's Party committee (ANNOTATION.md)
        ("中共江北大学委员会组织部", "江北大学"),  # a unit's Party organs: posts are the unit's
        ("中共江北大学纪律检查委员会", "江北大学"),
        ("农工党江北市委会社会服务处", "中国农工民主党江北市委员会"),  # a democratic party in full
        ("民盟江北市委办公室", "中国民主同盟江北市委员会"),
    ],
)
def test_graph_parent_from_the_structure_of_a_name(child, parent):
    assert (child, parent) in suborgs(org(child))


@pytest.mark.parametrize(
    "child, parent",
    [
        ("东湖省人民政府办公厅", "东湖省人民政府"),  # an office of a government
        ("东湖省卫生健康委员会统计信息中心", "东湖省卫生健康委员会"),  # a centre of an administration
        ("东湖市医疗保障局医保中心", "东湖市医疗保障局"),
        ("东湖省红十字会救护培训中心", "东湖省红十字会"),
        ("东湖省卫生健康委员会卫生监督所", "东湖省卫生健康委员会"),
        ("东湖省医学会骨科学专业委员会", "东湖省医学会"),  # a society's and a union's committees
        ("东湖省总工会女职工委员会", "东湖省总工会"),
        ("东湖省社会主义学院社会服务部", "东湖省社会主义学院"),  # a department of a body in full
        ("东湖医科大学附属第一医院滨海院区", "东湖医科大学附属第一医院"),  # a campus of an affiliated hospital
        ("东湖省立医院南院", "东湖省立医院"),  # a campus named by its side
        ("中共东湖医科大学委员会", "东湖医科大学"),  # a unit's Party committee in full, and its organs
        ("东湖省立医院团委", "东湖省立医院"),
        ("东湖省立医院工会", "东湖省立医院"),
        ("东湖省卫生健康委员会直属机关党委", "东湖省卫生健康委员会"),
    ],
)
def test_graph_units_of_administrations_societies_and_affiliated_hospitals(child, parent):
    assert (child, parent) in suborgs(org(child))


@pytest.mark.parametrize(
    "name",
    [
        "东湖市卫生健康监督所",  # a body of its own, no unit
        "东湖基金会第一联合委员会",  # a joint committee that carries a foundation's name
        "东湖省委会社会服务部",  # a department of a short form (a clipped mention) is not read
        "中共福建省委员会",  # a place's Party committee in full is no unit's
        "福州市纪委",  # a place's discipline committee
        "东湖省教育工会",  # a union of a sector, no unit's organ
    ],
)
def test_graph_no_parent_from_a_name_that_writes_none(name):
    assert suborgs(org(name)) == set()


def test_graph_a_place_committees_department_is_under_the_committee_of_its_article():
    """The committee written ``南平市委`` in the same article is the parent, not a second node."""
    found = suborgs(org("中共南平市委组织部"), org("中共南平市委", written="南平市委"))
    assert found == {("中共南平市委组织部", "中共南平市委")}


def test_graph_a_parent_in_official_form_is_the_body_the_article_names_short():
    found = suborgs(org("东湖省政协教科卫体委员会"), org("东湖省政协", written="省政协"))
    assert found == {("东湖省政协教科卫体委员会", "东湖省政协")}


def test_graph_a_standing_committee_alone_makes_no_congress():
    """News calls a standing committee the congress itself (县人大): no congress is made up from it,
    but it is under the congress when another organ names it."""
    assert suborgs(org("东湖省人民代表大会常务委员会", written="东湖省人大常委会")) == set()
    both = suborgs(org("东湖省人民代表大会常务委员会"), org("东湖省人大教科文卫委员会"))
    assert ("东湖省人民代表大会常务委员会", "东湖省人民代表大会") in both


@pytest.mark.parametrize(
    "written, expected",
    [
        ("省老龄办", set()),  # the short form names no committee
        ("东湖省老龄工作委员会办公室", {("东湖省老龄工作委员会办公室", "东湖省老龄工作委员会")}),
    ],
)
def test_graph_an_office_written_short_makes_up_no_committee(written, expected):
    assert suborgs(org("东湖省老龄工作委员会办公室", written=written)) == expected


def test_graph_an_office_written_short_is_under_a_committee_the_corpus_names():
    found = suborgs(org("江北市爱国卫生运动委员会办公室", written="市爱卫办"), org("江北市爱国卫生运动委员会"))
    assert found == {("江北市爱国卫生运动委员会办公室", "江北市爱国卫生运动委员会")}


def test_graph_a_bare_prefix_parent_is_the_body_of_the_childs_article():
    """``区爱卫办`` of an article about a new district: its ``区爱卫会`` is the district's
    committee the article names, not a body named ``区…`` of its own, nor another city's."""
    district = org("江北新区爱国卫生运动委员会", written="区爱卫会")
    city = org("江北市爱国卫生运动委员会")
    office = org("区爱国卫生运动委员会办公室", written="区爱卫办")
    assert suborgs(office, district, city) == {("区爱国卫生运动委员会办公室", "江北新区爱国卫生运动委员会")}
    assert suborgs(office, org("江北新区爱国卫生运动委员会", doc="b.txt")) == set()


def test_graph_a_jiusan_branch_is_under_the_societys_committee_of_its_city():
    """永安市 is in 三明市: the branch is the society's, under its 三明 committee, not a unit of a body
    its name starts with; with no committee of that city in the article, it has no parent."""
    branch = org("永安市支社")
    assert suborgs(branch, org("九三学社三明市委会")) == {("永安市支社", "九三学社三明市委会")}
    assert suborgs(branch, org("九三学社福州市委员会")) == set()
    hospital_branch = org("永安市立医院支社")
    assert suborgs(hospital_branch, org("永安市立医院"), org("九三学社三明市委员会")) == {
        ("永安市立医院支社", "九三学社三明市委员会")
    }


@pytest.mark.parametrize(
    "name, full",
    [
        ("东湖省人大", "东湖省人民代表大会"),
        ("东湖省人大常委会", "东湖省人民代表大会常务委员会"),
        ("东湖省政协", "中国人民政治协商会议东湖省委员会"),
        ("中共江北市委", "中国共产党江北市委员会"),
        ("江北县政府", "江北县人民政府"),
        ("致公党东湖省委会", "中国致公党东湖省委员会"),
        ("九三学社江北市委会", "九三学社江北市委员会"),
        ("江北大学", "江北大学"),
    ],
)
def test_graph_full_name(name, full):
    assert full_name(name) == full


def test_graph_parents_in_a_large_corpus_cost_no_scan_of_every_name():
    """A parent is looked up by each start of a child's name: 3,000 bodies take well under a second
    (a scan of every name for every child took minutes at this size)."""
    import time

    bodies = [org(f"江北{i}市第{i}医院") for i in range(1500)] + [org(f"江北{i}市第{i}医院科教处") for i in range(1500)]
    started = time.perf_counter()
    found = suborgs(*bodies)
    assert len(found) == 1500 and ("江北7市第7医院科教处", "江北7市第7医院") in found
    assert time.perf_counter() - started < 10


def test_graph_a_special_committee_is_no_unit_of_the_party_committee_its_name_starts_with():
    """``省委医卫专委会`` clipped from ``社省委医卫专委会`` (a 九三学社 committee): not the Party's."""
    assert suborgs(org("中共东湖省委医卫专委会"), org("中共东湖省委")) == set()
    assert ("中共东湖省委宣传处", "中共东湖省委") in suborgs(org("中共东湖省委宣传处"), org("中共东湖省委"))
