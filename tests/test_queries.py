"""The SPARQL queries in queries/ run against the seeds' graph with the answers the README shows."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.gazetteer import load_gazetteer

QUERIES = Path(__file__).resolve().parents[1] / "queries"
COPY = "https://example.org/a-second-copy"


@pytest.fixture(scope="module")
def store(seed_build):
    _, out = seed_build
    store = ox.Store()
    store.load((out / "graph.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    return store


def answers(store, name: str) -> list[tuple[str, ...]]:
    rows = store.query((QUERIES / name).read_text(encoding="utf-8"))
    return [tuple(v.value if v is not None else "" for v in row) for row in rows]


@pytest.mark.slow
def test_queries_posts_in_a_body(store):
    assert answers(store, "posts_in_a_body.rq") == [("刘家城", "副局长")]


@pytest.mark.slow
def test_queries_bodies_under_a_parent(store):
    rows = answers(store, "bodies_under_a_parent.rq")
    assert ("福建日报社", "福建卫生报社") in rows  # 《福建卫生报》社由福建日报社主管
    assert ("厦门大学", "厦门大学附属第一医院") in rows  # implied by the name
    assert ("福建医科大学", "福建医科大学附属第一医院") in rows  # X附属协和医院、附属第一医院


@pytest.mark.slow
def test_queries_programs_and_organizers(store):
    rows = answers(store, "programs_and_organizers.rq")
    assert {(p, o) for p, o, _ in rows} == {
        ("医保基金监管集中宣传月", "福建省医疗保障局"),
        ("医保基金监管集中宣传月", "福州市医疗保障局"),
        ("医保基金监管集中宣传月", "福建卫生报社"),
        ("北京医联党委福建师带徒医疗帮扶行动", "中国北京市医疗健康领域基金会第一联合委员会"),  # named after it
        # launched with no subject in their sentence, in an article relaying the bureau's press conference
        ("1+X+1数据分析处理模式", "福建省医疗保障局"),
        ("5G+飞检数据保障模式", "福建省医疗保障局"),
        ("药品、医用耗材集中带量采购", "福建省医疗保障局"),
        ("血管组织闭合用结扎夹类医用耗材跨区域集中带量采购", "福建省医疗保障局"),
    }
    assert all("主办单位" in sentence for p, _, sentence in rows if p == "医保基金监管集中宣传月")


@pytest.mark.slow
def test_queries_bodies_in_a_city_and_its_counties(store):
    rows = answers(store, "bodies_in_a_city.rq")
    assert ("南平市第一医院", "南平市") in rows
    assert ("建瓯市总医院", "建瓯市") in rows  # 建瓯市 is a county-level city under 南平市
    assert ("邵武市立医院", "邵武市") in rows
    nanping = load_gazetteer().resolve("南平市")
    assert all(load_gazetteer().resolve(place, nanping.code).code.startswith("3507") for _, place in rows)


@pytest.mark.slow
def test_queries_people_who_appear_together(store):
    rows = answers(store, "people_together.rq")
    assert ("廖小勇", "陈雯", "1") in rows  # the credit line (廖小勇陈雯李欣)
    assert ("朱鹏立", "杨闽红", "1") in rows
    assert all(a != b for a, b, _ in rows)


@pytest.mark.slow
def test_queries_every_sentence_of_an_entity(store):
    rows = answers(store, "sentences_of_an_entity.rq")
    assert {written for _, written, _ in rows} == {"福建省医疗保障局", "省医保局"}
    assert all(written in sentence for _, written, sentence in rows)
    assert ("000_2bd2ab5580cfad16.txt", "省医保局") in {(a, w) for a, w, s in rows if "副局长刘家城" in s}
    assert {article for article, _, _ in rows} == {"000_2bd2ab5580cfad16.txt", "001_1d51f59310643ad7.txt"}


@pytest.mark.slow
def test_queries_names_of_an_entity(store):
    rows = answers(store, "names_of_an_entity.rq")
    names: dict[str, set[str]] = {}
    for name, written, _ in rows:
        names.setdefault(name, set()).add(written)
    counts = {name: count for name, _, count in rows}
    assert names["福建省卫生健康委员会"] == {"福建省卫健委", "省卫健委"}
    assert (names["福建省医疗保障局"], counts["福建省医疗保障局"]) == ({"省医保局"}, "5")
    assert names["每周文摘报社"] == {"每周文摘"}
    assert all(written != name for name, written, _ in rows)  # only the other names
    assert rows == sorted(rows, key=lambda row: (-int(row[2]), row[0], row[1]))  # one order, whatever the engine


@pytest.mark.slow
def test_queries_posts_of_a_person(store):
    rows = answers(store, "posts_of_a_person.rq")
    assert ("屈正", "书记", "中国北京市医疗健康领域基金会第一联合委员会") in rows
    assert ("屈正", "创始人", "北京屈正爱心基金会") in rows
    assert ("刘伟芳", "记者", "福建卫生报社") in rows  # a byline: a reporter of the paper
    assert ("姜财", "副主任医师", "") in rows  # a title with no body


@pytest.mark.slow
def test_queries_partners(store):
    rows = answers(store, "partners.rq")
    pairs = {(a, b) for a, b, _ in rows}
    assert ("中国北京市医疗健康领域基金会第一联合委员会", "厦门大学附属第一医院") in pairs  # 与…签署医疗共建战略协议
    # 推动南平市第一医院、邵武市立医院与福建医科大学附属协和医院、附属第一医院深度合作: each side with each
    for a in ("南平市第一医院", "邵武市立医院"):
        for b in ("福建医科大学附属协和医院", "福建医科大学附属第一医院"):
            assert (a, b) in pairs, (a, b)
    assert all("签署" in sentence or "合作" in sentence for _, _, sentence in rows)


@pytest.mark.slow
def test_queries_all_bodies_under_a_parent(store):
    rows = answers(store, "all_bodies_under_a_parent.rq")
    assert ("福建省医师协会胸外科医师分会", "福建省医师协会") in rows
    assert ("福建省医师协会党支部", "福建省医师协会") in rows
    assert all(body.startswith("福建省医师协会") for body, _ in rows)


@pytest.mark.slow
@pytest.mark.parametrize("query", sorted(QUERIES.glob("*.rq")), ids=lambda path: path.name)
def test_queries_answer_the_same_over_a_union_of_graphs_holding_each_triple_twice(store, seed_build, query):
    """A store whose default graph is the union of its named graphs (Oxigraph's option, Virtuoso's
    default) sees each triple once per graph it is in: the dataset's, and here a second copy. No
    query may then repeat a row (DISTINCT), and an aggregate must not count the copies."""
    _, out = seed_build
    union = ox.Store()
    union.load((out / "graph.nq").read_bytes(), format=ox.RdfFormat.N_QUADS)
    union.load((out / "graph.nt").read_bytes(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(COPY))
    text = query.read_text(encoding="utf-8")
    twice = [tuple(v.value if v is not None else "" for v in row)
             for row in union.query(text, use_default_graph_as_union=True)]
    assert twice == answers(store, query.name)


def test_queries_cookbook_has_a_test_for_every_query():
    tested = {name for name in globals() if name.startswith("test_queries_")}
    assert len(list(QUERIES.glob("*.rq"))) >= 8
    for query in QUERIES.glob("*.rq"):
        assert query.read_text(encoding="utf-8").startswith("#"), f"{query.name} says what it answers"
    assert len(tested) >= len(list(QUERIES.glob("*.rq")))
