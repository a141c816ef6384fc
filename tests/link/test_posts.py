"""The graph model's half of posts and structure: Party committees, governments, parents in names.

Entities and relations are built by hand (invented bodies and people), so each
test fixes one rule of ``kg.link.posts`` or ``kg.graph`` and nothing upstream.
"""

from __future__ import annotations

import pytest

from kg.graph import _parent_by_structure, build_graph
from kg.link.posts import (
    UNIT_MARK,
    UNIT_ROLE,
    government_level,
    party_department,
    resolve_posts,
    unit_name,
    unit_of_party_body,
)
from kg.model import Entity, Mention, Relation


def entity(label: str, name: str, *docs: str) -> Entity:
    mentions = tuple(Mention(d, 0, len(name), label, name, (0, 10)) for d in docs)
    return Entity(f"{label}:{name}", label, name, (name,) if docs else (), mentions)


def role(person: str, title: str, tail: str | None, doc: str = "a.txt") -> Relation:
    return Relation("role", f"PER:{person}", tail, title, evidence=((doc, 0, 10),))


def unit_role(person: str, unit: str, title: str, body: str) -> Relation:
    return Relation(UNIT_ROLE, f"PER:{person}", body, f"{unit}{UNIT_MARK}{title}", evidence=(("a.txt", 0, 10),))


def resolved(entities: list[Entity], relations: list[Relation]) -> tuple[set[tuple], dict[str, Entity], set[str]]:
    by_key = {e.key: e for e in entities}
    out, committees = resolve_posts(by_key, relations)
    return {(r.head, r.role, r.tail) for r in out}, by_key, committees


@pytest.mark.parametrize(
    "name, unit",
    [("东湖大学党委", "东湖大学"), ("江南省教育厅党组", "江南省教育厅"), ("自治区党委", None), ("海城市党委", None)],
)
def test_posts_unit_of_party_body(name, unit):
    assert unit_of_party_body(name) == unit


@pytest.mark.parametrize(
    "title, level", [("副县长", "县"), ("市长", "市"), ("常务副省长", "省"), ("代市长", "市"), ("院长", None)]
)
def test_posts_government_level(title, level):
    assert government_level(title) == level


def test_posts_party_committee_posts_move_to_the_unit_created_without_mentions():
    found, entities, committees = resolved(
        [entity("PER", "林一鸣", "a.txt"), entity("ORG", "东湖大学党委", "a.txt")],
        [role("林一鸣", "党委常委", "ORG:东湖大学党委"), role("林一鸣", "副校长", "ORG:东湖大学党委")],
    )
    assert found == {("PER:林一鸣", "党委常委", "ORG:东湖大学"), ("PER:林一鸣", "副校长", "ORG:东湖大学")}
    assert entities["ORG:东湖大学"].mentions == ()
    assert committees == {"ORG:东湖大学党委"}


def test_posts_a_regional_party_committee_keeps_its_posts():
    found, _, committees = resolved([entity("ORG", "自治区党委", "a.txt")], [role("韦明", "书记", "ORG:自治区党委")])
    assert found == {("PER:韦明", "书记", "ORG:自治区党委")} and not committees


def test_posts_head_of_government_goes_to_the_government_named_in_the_article():
    entities = [
        entity("ORG", "北山县人民政府", "a.txt"),
        entity("ORG", "北山县政府", "a.txt"),
        entity("ORG", "南山县人民政府", "b.txt"),
        entity("ORG", "海城市人民政府", "a.txt"),
        entity("LOC", "海城市", "a.txt"),
        entity("LOC", "江北市", "a.txt"),
    ]
    found, _, _ = resolved(
        entities,
        [
            role("朱立", "县长", None),  # the one county government of the article (two names of it)
            role("林华", "副市长", "LOC:海城市"),  # the government of the place written before the title
            role("陈晨", "副市长", "LOC:江北市"),  # no government of 江北市 in the text: no body
            role("吴凡", "副县长", None, doc="c.txt"),  # an article naming no government
        ],
    )
    assert found == {
        ("PER:朱立", "县长", "ORG:北山县人民政府"),
        ("PER:林华", "副市长", "ORG:海城市人民政府"),
        ("PER:陈晨", "副市长", None),
        ("PER:吴凡", "副县长", None),
    }


def test_posts_two_governments_of_one_level_leave_the_post_without_a_body():
    entities = [entity("ORG", "北山县人民政府", "a.txt"), entity("ORG", "南山县人民政府", "a.txt")]
    found, _, _ = resolved(entities, [role("朱立", "县长", None)])
    assert found == {("PER:朱立", "县长", None)}


@pytest.mark.parametrize(
    "name, parent",
    [
        ("江南医科大学第一附属医院", "江南医科大学"),
        ("东湖大学医学院附属仁和医院", "东湖大学医学院"),
        ("东湖大学医学院", "东湖大学"),
        ("东湖大学校长办公室", "东湖大学"),
        ("江南医学科学院肿瘤医院", "江南医学科学院"),
        ("海城医院集团北山医院", "海城医院集团"),
        ("海城市医疗保障局北山分局", "海城市医疗保障局"),
        ("江南省医学会心血管病学分会", "江南省医学会"),
        ("海城市卫生健康委员会综合监督执法局", "海城市卫生健康委员会"),
        ("海城市卫生健康委员会人事处", "海城市卫生健康委员会"),
        ("海城市人民医院生殖医学中心", "海城市人民医院"),
        ("中共南平市委组织部", "中国共产党南平市委员会"),
        ("南平市委统战部", "中国共产党南平市委员会"),
        ("九三学社南平市委会社会服务部", None),  # a committee of another party, not the place's
        ("海医附属第一医院", None),  # a short form names no parent
        ("海城市卫生健康委员会", None),
        ("海城市人民医院", None),
        # a desk or institute of a body whose one-character ending the suffix lists leave out
        ("海城市卫生健康局疾控科", "海城市卫生健康局"),
        ("海城市妇幼保健院儿科", "海城市妇幼保健院"),
        ("江南省疾病预防控制中心传染病防治所", "江南省疾病预防控制中心"),
        ("海城市急救中心调度科", "海城市急救中心"),
        ("北山镇中心卫生所", None),  # the town's central clinic, no unit of a 中心
        ("海城市中心血站", None),
    ],
)
def test_graph_parent_by_structure(name, parent):
    assert _parent_by_structure(name) == parent


def test_graph_parents_in_names_form_a_chain_of_entities_without_mentions():
    graph = build_graph([], [entity("ORG", "东湖大学医学院附属仁和医院", "a.txt")], [])
    suborgs = {(r.head, r.tail) for r in graph.relations if r.kind == "suborg"}
    assert suborgs == {
        ("ORG:东湖大学医学院附属仁和医院", "ORG:东湖大学医学院"),
        ("ORG:东湖大学医学院", "ORG:东湖大学"),
    }
    assert {e.key: e.mentions for e in graph.entities if e.label == "ORG"}["ORG:东湖大学"] == ()


def test_graph_a_committee_written_only_before_titles_is_no_suborganization():
    entities = [entity("PER", "林一鸣", "a.txt"), entity("ORG", "东湖大学党委", "a.txt")]
    graph = build_graph([], entities, [role("林一鸣", "党委书记", "ORG:东湖大学党委")])
    assert not [r for r in graph.relations if r.kind == "suborg"]
    assert ("role", "PER:林一鸣", "ORG:东湖大学") in {(r.kind, r.head, r.tail) for r in graph.relations}


def test_posts_a_place_before_a_party_title_is_its_party_committee():
    found, entities, _ = resolved([entity("LOC", "南平市", "a.txt")], [role("郭建华", "书记", "LOC:南平市")])
    assert found == {("PER:郭建华", "书记", "ORG:中国共产党南平市委员会")}
    assert entities["ORG:中国共产党南平市委员会"].mentions == ()


def test_posts_a_place_committee_written_in_the_article_is_used():
    committee = entity("ORG", "南平市委", "a.txt")
    found, _, _ = resolved([entity("LOC", "南平市", "a.txt"), committee], [role("郭建华", "书记", "LOC:南平市")])
    assert found == {("PER:郭建华", "书记", "ORG:南平市委")}


def test_posts_a_government_written_only_in_a_document_title_is_created_without_mentions():
    """The government is named, though in a title no mention covers (``《…人民政府…协议》``)."""
    texts = {"a.txt": "双方签署了《福建省人民政府、东湖大学战略合作协议》。福建省副省长陈立出席，省长王海讲话。"}
    by_key = {e.key: e for e in [entity("LOC", "福建省", "a.txt")]}
    out, _ = resolve_posts(by_key, [role("陈立", "副省长", "LOC:福建省"), role("王海", "省长", None)], texts)
    assert {(r.head, r.tail) for r in out} == {("PER:陈立", "ORG:福建省人民政府"), ("PER:王海", "ORG:福建省人民政府")}
    assert by_key["ORG:福建省人民政府"].mentions == ()
    assert resolve_posts({}, [role("王海", "市长", None)], texts)[0][0].tail is None  # no city government there


def test_graph_a_party_department_is_under_the_committee_not_a_shorter_name_in_the_corpus():
    entities = [entity("ORG", "中共南平市委组织部", "a.txt"), entity("ORG", "中共南平市委", "b.txt")]
    graph = build_graph([], entities, [])
    suborgs = {(r.head, r.tail) for r in graph.relations if r.kind == "suborg"}
    assert ("ORG:中共南平市委组织部", "ORG:中国共产党南平市委员会") in suborgs


def test_posts_a_post_in_a_hospital_department_is_the_hospital_s():
    centre = entity("ORG", "海城市人民医院生殖医学中心", "a.txt")
    found, _, _ = resolved([centre], [role("赵兰", "主任", "ORG:海城市人民医院生殖医学中心")])
    assert found == {("PER:赵兰", "主任", "ORG:海城市人民医院")}


def test_graph_a_body_kept_within_its_article_keeps_its_own_key_as_a_child():
    """Two articles' ``市卫健委科教处`` are two bodies (keys ``…`` and ``…#2``): each child's
    suborg starts from its own key, not from the first body of that name, and goes to its own
    article's ``市卫健委`` (two cities' commissions), not to the first of that name."""
    def kept(name: str, doc: str) -> Entity:
        return Entity(f"ORG:{name}#2", "ORG", name, (name,), (Mention(doc, 0, len(name), "ORG", name, (0, 10)),))

    first, commission = entity("ORG", "市卫健委科教处", "a.txt"), entity("ORG", "市卫健委", "a.txt")
    graph = build_graph([], [first, kept("市卫健委科教处", "b.txt"), commission, kept("市卫健委", "b.txt")], [])
    suborgs = {(r.head, r.tail) for r in graph.relations if r.kind == "suborg"}
    assert suborgs == {("ORG:市卫健委科教处", "ORG:市卫健委"), ("ORG:市卫健委科教处#2", "ORG:市卫健委#2")}
    alone = build_graph([], [kept("市卫健委科教处", "b.txt"), commission], [])
    assert not [r for r in alone.relations if r.kind == "suborg"]  # a.txt's 市卫健委 is another city's


@pytest.mark.parametrize(
    "label, body, unit, name",
    [
        ("ORG", "中共江北市委", "组织部", "中共江北市委组织部"),
        ("ORG", "江北市委", "统战部", "中共江北市委统一战线工作部"),
        ("LOC", "江北市", "宣传部", "中共江北市委宣传部"),  # 江北市委常委、宣传部部长 with the place a mention
        ("ORG", "中国共产党江北市委员会", "纪委", "中共江北市纪律检查委员会"),
        ("ORG", "东湖大学党委", "组织部", "中共东湖大学委员会组织部"),
        ("ORG", "东湖大学", "纪委", "中共东湖大学纪律检查委员会"),  # 东湖大学党委副书记、纪委书记
        ("ORG", "东湖大学党委", "医学部", "东湖大学医学部"),  # not a Party department: the university's
        ("ORG", "江北市卫生健康委员会", "医政处", "江北市卫生健康委员会医政处"),
    ],
)
def test_posts_unit_name(label, body, unit, name):
    assert unit_name(Entity(f"{label}:{body}", label, body, (), ()), unit) == name


def test_posts_a_post_in_a_unit_goes_to_the_unit_named_from_its_body():
    entities = [entity("ORG", "江北市委", "a.txt"), entity("ORG", "东湖大学党委", "a.txt")]
    posts = [
        unit_role("周立国", "组织部", "部长", "ORG:江北市委"),
        unit_role("孙立群", "医学部", "主任", "ORG:东湖大学党委"),
    ]
    found, by_key, _ = resolved(entities, posts)
    assert found == {("PER:周立国", "部长", "ORG:中共江北市委组织部"), ("PER:孙立群", "主任", "ORG:东湖大学医学部")}
    assert by_key["ORG:中共江北市委组织部"].mentions == ()


def test_posts_a_unit_the_article_names_is_used():
    """The unit written in full elsewhere in the article (``江北市委组织部副部长…``) is that entity."""
    department = Entity("ORG:江北市委组织部", "ORG", "江北市委组织部", ("中共江北市委组织部",),
                        (Mention("a.txt", 0, 9, "ORG", "中共江北市委组织部", (0, 10)),))
    found, _, _ = resolved(
        [entity("ORG", "江北市委", "a.txt"), department],
        [unit_role("周立国", "组织部", "部长", "ORG:江北市委")],
    )
    assert found == {("PER:周立国", "部长", "ORG:江北市委组织部")}


@pytest.mark.parametrize(
    ("committee", "unit", "name"),
    [
        ("中共江北市委", "宣传部", "中共江北市委宣传部"),
        ("中国共产党江北市委员会", "统战部", "中共江北市委统一战线工作部"),
        ("黔南州荔波县县委", "组织部", "中共荔波县委组织部"),  # the county's 县委, written after its prefecture
        ("东湖大学党委", "纪委", "中共东湖大学纪律检查委员会"),
        ("江北市卫生健康委员会", "宣传部", None),  # a commission is no Party committee
        ("中共江北市委", "医政处", None),  # no Party department
        ("自治区党委", "宣传部", None),  # which region: not known from the name
        ("中共县委", "宣传部", None),  # which county: not known from the name
    ],
)
def test_posts_party_department(committee, unit, name):
    assert party_department(committee, unit) == name
