"""Co-occurrence is bounded: a mention pairs with the next WINDOW mentions of its sentence."""

from __future__ import annotations

from itertools import pairwise

from kg.build import BuildSettings, make_graph
from kg.cooccurrence import WINDOW, cooccurrences
from kg.graph import build_graph
from kg.model import Document, Entity, Mention, Relation

CITIES = [
    *("福州", "厦门", "泉州", "漳州", "莆田", "三明", "南平"),
    *("龙岩", "宁德", "广州", "深圳", "杭州", "南京", "武汉"),
]


def entities_of(text: str, names: list[str], doc_id: str = "t.txt") -> list[Entity]:
    """One LOC entity per name, with a mention at each place the name occurs in ``text``;
    sentences end at 。"""
    sentences, start = [], 0
    for end, char in enumerate(text, 1):
        if char == "。":
            sentences.append((start, end))
            start = end
    out = []
    for name in names:
        mentions = []
        at = text.find(name)
        while at >= 0:
            sentence = next(s for s in sentences if s[0] <= at < s[1])
            mentions.append(Mention(doc_id, at, at + len(name), "LOC", name, sentence))
            at = text.find(name, at + 1)
        out.append(Entity(f"LOC:{name}", "LOC", name, (name,), tuple(mentions)))
    return out


def pairs(relations: list[Relation]) -> set[tuple[str, str]]:
    return {(r.head.split(":")[1], r.tail.split(":")[1]) for r in relations if r.kind == "cooccur"}


def test_cooccurrence_short_sentence_keeps_every_pair():
    names = CITIES[: WINDOW + 1]
    text = "代表团先后访问了" + "、".join(names) + "等地。"
    found = pairs(cooccurrences(entities_of(text, names)))
    assert len(found) == len(names) * (len(names) - 1) // 2


def test_cooccurrence_long_list_pairs_only_neighbours():
    text = "参加交流的城市有" + "、".join(CITIES) + "。"
    relations = cooccurrences(entities_of(text, CITIES))
    found = {frozenset(p) for p in pairs(relations)}
    n = len(CITIES)
    assert len(found) == sum(min(WINDOW, n - 1 - i) for i in range(n)) < n * (n - 1) // 2
    assert all(frozenset(p) in found for p in pairwise(CITIES))  # each name keeps its neighbours
    assert frozenset((CITIES[0], CITIES[-1])) not in found  # the two ends of the list are not a pair
    assert frozenset((CITIES[0], CITIES[WINDOW])) in found
    assert frozenset((CITIES[0], CITIES[WINDOW + 1])) not in found


def test_cooccurrence_weight_counts_sentences_and_cites_them():
    text = "福州和厦门签约。会后福州与厦门又见面。泉州未到。"
    (relation,) = cooccurrences(entities_of(text, ["福州", "厦门", "泉州"]))
    assert (relation.head, relation.tail) == ("LOC:厦门", "LOC:福州")  # by key
    assert relation.weight == 2
    assert [text[s:e] for _, s, e in relation.evidence] == ["福州和厦门签约。", "会后福州与厦门又见面。"]


def test_cooccurrence_replaces_the_pairs_linking_offers():
    text = "参加交流的城市有" + "、".join(CITIES) + "。"
    entities = entities_of(text, CITIES)
    every_pair = [Relation("cooccur", a.key, b.key) for a in entities for b in entities if a.key < b.key]
    document = Document("t.txt", "t.txt", text, text, tuple(range(len(text) + 1)))
    graph = build_graph([document], entities, every_pair, province=None)
    assert pairs(list(graph.relations)) == pairs(cooccurrences(entities))


def test_cooccurrence_of_a_built_name_list(tmp_path):
    # the real pipeline: a sentence listing fourteen cities gives the bounded number of pairs
    (tmp_path / "list.txt").write_text(
        "本次活动的分会场设在" + "、".join(CITIES) + "。\n各地代表随后在福州召开总结会。\n", encoding="utf-8"
    )
    graph, _ = make_graph([tmp_path], BuildSettings())
    places = {e.name for e in graph.entities if e.mentions and e.label == "LOC"}
    assert len(places) >= 10
    cooccur = [r for r in graph.relations if r.kind == "cooccur"]
    n = sum(1 for e in graph.entities if e.mentions)
    assert len(cooccur) <= WINDOW * n < n * (n - 1) // 2
