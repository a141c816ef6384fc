"""The SPARQL queries in queries/ run against the seeds' graph with the answers the README shows."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

QUERIES = Path(__file__).resolve().parents[1] / "queries"


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
    }
    assert all("主办单位" in sentence for _, _, sentence in rows)
