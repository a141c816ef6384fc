"""Venues (kg/nlp/rules/venues.py): what stands before a venue's head and is no part of its name.
Sentences written for this test, with invented places."""

from __future__ import annotations

import pytest

from kg.normalise import normalise


def places(nlp, raw: str) -> set[str]:
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    return {e.text for e in nlp(doc).ents if e.label_ == "LOC"}


@pytest.mark.parametrize(
    "raw, head",
    [
        ("救护车经过飞机场时放慢了速度。", "机场"),  # a preposition (经过) before the head
        ("青云新区近年筑起一座座大厦。", "大厦"),  # a reduplicated count right before the head
        ("白石市今年将新建30个口袋公园。", "公园"),  # a classifier after digits
    ],
)
def test_venues_a_preposition_or_a_count_before_the_head_is_no_name(nlp, raw, head):
    assert not any(place.endswith(head) for place in places(nlp, raw))


def test_venues_a_named_venue_after_a_preposition_keeps_its_name(nlp):
    assert places(nlp, "义诊队伍经过青云县人民广场时停下。") == {"青云县人民广场"}


@pytest.mark.parametrize(
    "raw, kind",
    [
        # a manner (开放式, 花园式) or qualities and honours (安全文明, 生态) before the head: a kind
        ("镇里新建了开放式公园，供村民休闲。", "开放式公园"),
        ("该楼盘获评平安文明小区称号。", "平安文明小区"),
        ("这里将建成花园式广场。", "花园式广场"),
    ],
)
def test_venues_a_kind_or_an_honour_is_no_name(nlp, raw, kind):
    assert kind not in places(nlp, raw)


@pytest.mark.parametrize(
    "raw, venue",
    [
        ("居民们常在绿色家园小区散步。", "绿色家园小区"),
        ("游客来到青湖生态公园赏花。", "青湖生态公园"),
    ],
)
def test_venues_a_name_before_a_quality_keeps_it(nlp, raw, venue):
    assert venue in places(nlp, raw)
