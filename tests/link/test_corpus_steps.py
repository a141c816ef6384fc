"""Corpus-wide linking's steps (kg.link.corpus) at a cost that grows with the names, not the mentions."""

from __future__ import annotations

import random

import kg.link.corpus as corpus
from kg.model import Mention


def test_mentions_sort_by_order_as_by_their_own_comparison():
    rng = random.Random(5)
    mentions = [Mention(rng.choice(["b.txt", "a.txt"]), rng.randrange(3), rng.randrange(3), rng.choice(["ORG", "LOC"]),
                        rng.choice(["乙", "甲"]), (0, rng.randrange(2))) for _ in range(300)]
    assert sorted(mentions, key=corpus._order) == sorted(mentions)


def test_keep_in_article_tests_each_name_once(monkeypatch):
    calls: list[str] = []
    real = corpus.bare_prefix
    monkeypatch.setattr(corpus, "bare_prefix", lambda name: calls.append(name) or real(name))
    mention_key = {Mention(f"{n}.txt", 0, 3, "ORG", "市委办", (0, 5)): "ORG:市委办" for n in range(5)}
    mention_key[Mention("0.txt", 6, 9, "ORG", "园林局", (6, 12))] = "ORG:某县园林局"
    mention_key[Mention("0.txt", 0, 2, "PER", "蔺某", (0, 5))] = "PER:蔺某"
    rule_of: dict[Mention, str] = {}
    corpus._keep_in_article(mention_key, rule_of)
    assert sorted(calls) == ["市委办", "某县园林局"]  # once a name, and only bodies' names
    assert sorted(k for k in mention_key.values() if k.startswith("ORG:市委办")) == [
        "ORG:市委办", "ORG:市委办#2", "ORG:市委办#3", "ORG:市委办#4", "ORG:市委办#5"]
    assert mention_key[Mention("0.txt", 6, 9, "ORG", "园林局", (6, 12))] == "ORG:某县园林局"
