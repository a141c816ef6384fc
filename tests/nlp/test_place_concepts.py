"""Phrases that hold a place's name but name no place (issue 11): a spirit or quality named after
it (某某精神, 中国特色), an honorary title (中国某某之乡, 世界长寿乡) and a province's one-character
form after 在 (在京专家). Vetoed by the place rule, so that even a sure tagger's span there is no
mention. Sentences invented for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.candidate import Candidate, choose
from kg.nlp.rules.places import make_place_rules


def kept(raw: str, surface: str) -> bool:
    """Whether a tagger's LOC of ``surface`` survives the place rule's candidates in ``choose``."""
    start = raw.index(surface)
    tagged = Candidate(start, start + len(surface), "LOC", "statistical", priority=-1)
    chosen = choose([*make_place_rules()(raw, frozenset(), []), tagged])
    return any((c.start, c.end, c.label) == (tagged.start, tagged.end, "LOC") for c in chosen)


@pytest.mark.parametrize(
    "raw, place",
    [
        ("大家要发扬塞北精神。", "塞北"),  # a place word of the dictionary before 精神, not found by the rules
        ("走出一条具有中国特色的道路。", "中国"),
        ("这里的菜有岭南特色。", "岭南"),
        ("青山县被评为“中国长寿之乡”。", "中国"),
        ("青山县是中国书画之乡。", "中国"),
        ("青山县是世界长寿乡。", "长寿乡"),
        ("组织在京医疗专家回乡义诊。", "京"),
    ],
)
def test_no_place_in_a_concept_an_honour_or_after_zai(raw, place):
    assert not kept(raw, place)


@pytest.mark.parametrize(
    "raw, place",
    [("专家们来到中国福建开展交流。", "中国"), ("长寿乡卫生院的医生出诊。", "长寿乡")],
)
def test_the_place_elsewhere_is_still_a_place(raw, place):
    assert kept(raw, place)
