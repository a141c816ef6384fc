"""The Communist Party's bodies named in full (issue 11), on sentences written for these tests: a
place written before 中共 locates the body and is no part of its name; the committee's organ
(机关) written right after it as a word of its own is part of the name."""

from __future__ import annotations

import pytest

from kg.nlp.rules.organizations import find_organizations
from kg.nlp.rules.places import make_place_rules


def orgs(raw: str) -> set[str]:
    places = make_place_rules()(raw, frozenset(), [])
    return {raw[c.start : c.end] for c in find_organizations(raw, places) if c.label == "ORG"}


@pytest.mark.parametrize(
    "raw, body",
    [
        ("青山中共赣南特委机关旧址等遗址被列为保护单位。", "中共赣南特委机关"),
        ("位于梅岭的中共皖南特委机关旧址已修缮完毕。", "中共皖南特委机关"),
        ("这里是中共湘西特委机关所在地。", "中共湘西特委机关"),
        ("井冈山中共湘赣边界特委旧址对外开放。", "中共湘赣边界特委"),
    ],
)
def test_party_committee_named_in_full_after_a_place(raw, body):
    found = orgs(raw)
    assert body in found
    assert not any(o.endswith(body) and o != body for o in found)  # the place before stays out


@pytest.mark.parametrize(
    "raw, body",
    [
        ("中共江西省委机关报刊发评论员文章。", "中共江西省委"),  # 机关报: the committee's paper
        ("中共江西省委机关干部下乡走访农户。", "中共江西省委"),  # 机关干部: its cadres
    ],
)
def test_organ_word_in_a_longer_word_stays_out(raw, body):
    found = orgs(raw)
    assert not any(o.startswith(body) and o != body for o in found)


def test_no_party_across_words():
    """其中|共建: 中共 read across two words opens no body."""
    assert not any(o.startswith("中共") for o in orgs("其中共建医院有五家。"))
