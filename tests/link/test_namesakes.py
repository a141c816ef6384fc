"""People of one name across articles (``kg.link.corpus._separate_namesakes``): which articles'
namesakes are one person, and that the grouping grows linearly with the articles a name is in."""

from __future__ import annotations

import time

from kg.link.corpus import _clusters, _separate_namesakes, link
from kg.model import DocResult, Document, Mention, RawRelation
from kg.sentences import sentences


def _article(doc_id: str, text: str, person: str, org: str | None, title: str) -> DocResult:
    """One invented article naming ``person`` (and ``org``), with a role if ``org`` or ``title``."""
    document = Document(doc_id, doc_id, text, text, tuple(range(len(text) + 1)))
    spans = sentences(text)

    def mention(surface: str, label: str) -> Mention:
        start = text.index(surface)
        return Mention(doc_id, start, start + len(surface), label, surface, spans[0])

    who = mention(person, "PER")
    body = mention(org, "ORG") if org else None
    mentions = tuple(m for m in (body, who) if m is not None)
    roles = (RawRelation("role", who, body, title),) if org or title else ()
    return DocResult(document, mentions, roles, spans)


def _people(results: list[DocResult]) -> dict[str, str]:
    """doc_id -> the key of the person its article names."""
    entities, _ = link(results)
    return {m.doc_id: e.key for e in entities if e.label == "PER" for m in e.mentions}


def test_namesakes_joined_through_a_third_article_are_one_person():
    # a and b share nothing; c shares the body with a and the title with b: all three are one
    a = _article("a.txt", "青禾县园林局蔺舒禾说。", "蔺舒禾", "青禾县园林局", "")
    b = _article("b.txt", "总工程师蔺舒禾说。", "蔺舒禾", None, "总工程师")
    c = _article("c.txt", "青禾县园林局总工程师蔺舒禾说。", "蔺舒禾", "青禾县园林局", "总工程师")
    d = _article("d.txt", "蔺舒禾说。", "蔺舒禾", None, "")
    people = _people([d, c, b, a])
    assert people["a.txt"] == people["b.txt"] == people["c.txt"] == "PER:蔺舒禾"
    assert people["d.txt"] == "PER:蔺舒禾#2"


def test_namesakes_numbered_in_order_of_their_first_article():
    a = _article("a.txt", "蔺舒禾说。", "蔺舒禾", None, "")
    b = _article("b.txt", "总工程师蔺舒禾说。", "蔺舒禾", None, "总工程师")
    c = _article("c.txt", "蔺舒禾表示。", "蔺舒禾", None, "")
    d = _article("d.txt", "副总工程师蔺舒禾说。", "蔺舒禾", None, "总工程师")
    people = _people([a, b, c, d])
    assert people == {"a.txt": "PER:蔺舒禾", "b.txt": "PER:蔺舒禾#2", "c.txt": "PER:蔺舒禾#3",
                      "d.txt": "PER:蔺舒禾#2"}


def test_clusters_are_the_connected_groups_in_order_of_their_first_document():
    docs = ["a", "b", "c", "d", "e"]
    evidence = [{"x"}, {"y"}, set(), {"y", "z"}, {"z", "x"}]
    assert _clusters(docs, evidence) == [({"a", "b", "d", "e"}, {"x", "y", "z"}), ({"c"}, set())]
    assert _clusters(["a", "b"], [set(), set()]) == [({"a"}, set()), ({"b"}, set())]


def _seconds_for(articles: int) -> float:
    """CPU seconds of the namesakes' step over ``articles`` articles naming one person with no
    role, every tenth one with the same title (best of three)."""
    results, keys = [], {}
    for n in range(articles):
        doc_id = f"{n:05d}.txt"
        titled = n % 10 == 0
        result = _article(doc_id, "总工程师蔺舒禾说。" if titled else "蔺舒禾说。", "蔺舒禾", None,
                          "总工程师" if titled else "")
        results.append(result)
        keys.update({m: "PER:蔺舒禾" for m in result.mentions})
    best = float("inf")
    for _ in range(3):
        mention_key = dict(keys)
        started = time.process_time()
        _separate_namesakes(results, mention_key)
        best = min(best, time.process_time() - started)
    assert len(set(mention_key.values())) == articles - articles // 10 + 1
    return best


def test_namesakes_step_grows_linearly_with_the_articles_a_name_is_in():
    # 8x the articles: about 8x the time when each article is looked at once; comparing each
    # article with every group before it made it about 64x (2 s of 10,000 articles' linking)
    small, large = _seconds_for(500), _seconds_for(4000)
    assert large < 24 * max(small, 1e-3)
