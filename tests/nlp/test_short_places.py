"""Short names of counties, districts and townships the same text names in full
(kg/nlp/rules/short_places.py, issue 11), on sentences written for these tests."""

from __future__ import annotations

from kg.nlp.rules.places import make_place_rules


def places(raw: str) -> set[str]:
    return {raw[c.start : c.end] for c in make_place_rules()(raw, frozenset(), []) if c.label == "LOC" and c.mention}


def test_county_short_name_after_its_full_name():
    raw = "洪雅县召开卫生健康工作会议。会议在洪雅举行，全县各乡镇参加。"
    assert {"洪雅县", "洪雅"} <= places(raw)


def test_district_short_name_after_a_body_named_with_it():
    """The full name inside a body's name (双流区人民医院) is evidence enough."""
    raw = "双流区人民医院专家走进社区。双流群众在家门口看上了名医。"
    assert "双流" in places(raw)


def test_county_short_name_alone_stays_an_anchor():
    assert "丹棱" not in places("专家团队赴丹棱开展义诊。")


def test_township_stem_after_its_full_name():
    raw = "第三场义诊在黄龙溪镇卫生院举行。目前已开展黄龙溪、城区两个专场。"
    assert "黄龙溪" in places(raw)


def test_township_stem_without_its_full_name_is_nothing():
    assert "黄龙溪" not in places("目前已开展黄龙溪、城区两个专场。")


def test_short_name_as_an_origin_is_no_place():
    """洪雅籍: where someone comes from, not a mention of the place (the gold's convention)."""
    assert "洪雅" not in places("洪雅县人民医院邀请洪雅籍专家回乡坐诊。")


def test_township_named_only_as_a_title_gives_no_stem():
    """A township's full name with none of its bodies or villages after it may be a title (an
    honour such as 某某之乡): its stem elsewhere is not read as the town."""
    assert "黄龙溪" not in places("该县获评黄龙溪镇称号。黄龙溪之名由此而来。")
