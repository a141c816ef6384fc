"""Where an article is set: votes of the places and bodies it names, read off its mentions."""

from __future__ import annotations

import pytest

from kg.gazetteer import load_gazetteer
from kg.link.jurisdiction import article_setting
from kg.link.names import bare_prefix
from kg.model import Mention
from kg.sentences import sentences

FUJIAN = load_gazetteer().resolve("福建省")


def mentions(text: str, labelled: list[tuple[str, str]]) -> list[Mention]:
    spans, out, pos = sentences(text), [], 0
    for surface, label in labelled:
        start = text.index(surface, pos)
        sentence = next(s for s in spans if s[0] <= start < s[1])
        out.append(Mention("a.txt", start, start + len(surface), label, surface, sentence))
        pos = start + 1
    return out


def test_jurisdiction_places_and_bodies_vote_for_their_province():
    text = "南昌市第三医院的专家来到赣州,赣州市人民医院与省卫健委签约。"
    found = mentions(text, [("南昌市第三医院", "ORG"), ("赣州", "LOC"), ("赣州市人民医院", "ORG"), ("省卫健委", "ORG")])
    setting = article_setting(found, FUJIAN)
    assert setting.province.name == "江西省"
    assert setting.divisions["市"].name == "赣州市"  # named twice, 南昌市 once
    assert setting.tally(setting.divisions["市"]) == "赣州×1, 赣州市×1"  # the place, and a body named after it


def test_jurisdiction_fallback_only_when_no_other_province_is_named():
    assert article_setting(mentions("省卫健委召开会议。", [("省卫健委", "ORG")]), FUJIAN).province == FUJIAN
    one_other = mentions("专家从杭州赶来,省卫健委召开会议。", [("杭州", "LOC"), ("省卫健委", "ORG")])
    setting = article_setting(one_other, FUJIAN)
    assert setting.province is None and "浙江省 1" in setting.reason


def test_jurisdiction_fallback_named_as_often_as_another_province():
    text = "福州的医疗队抵达昌吉,在昌吉开展义诊,福州市卫健委表示支持。"
    found = mentions(text, [("福州", "LOC"), ("昌吉", "LOC"), ("昌吉", "LOC"), ("福州市卫健委", "ORG")])
    assert article_setting(found, FUJIAN).province == FUJIAN  # 2 : 2, and 福建 is the paper's province


def test_jurisdiction_two_provinces_named_alike_give_no_province():
    text = "苏州市中医院与遵义市中医院签约,苏州、遵义两地专家出席。"
    labelled = [("苏州市中医院", "ORG"), ("遵义市中医院", "ORG"), ("苏州", "LOC"), ("遵义", "LOC")]
    setting = article_setting(mentions(text, labelled), FUJIAN)
    assert setting.province is None and "市" not in setting.divisions


def test_jurisdiction_same_sentence_province_when_the_article_has_none():
    text = "上海交通大学与湖北省签约。上海市长出席,湖北省委书记、省人大常委会主任致辞。"
    labelled = [("上海交通大学", "ORG"), ("湖北省", "LOC"), ("上海", "LOC"), ("湖北省委", "ORG"),
                ("省人大常委会", "ORG")]
    found = mentions(text, labelled)
    setting = article_setting(found, FUJIAN)
    assert setting.province is None
    place, why = setting.place_for("省", found[-1])
    assert place.name == "湖北省" and "same clause" in why


def test_jurisdiction_municipality_is_province_and_city():
    text = "重庆市召开会议,重庆市江北区和重庆市渝中区参加,市卫生健康委主持。"
    labelled = [("重庆市", "LOC"), ("重庆市江北区", "LOC"), ("重庆市渝中区", "LOC"), ("市卫生健康委", "ORG")]
    found = mentions(text, labelled)
    setting = article_setting(found, FUJIAN)
    assert setting.province.name == "重庆市"
    assert setting.place_for("市", found[-1])[0].name == "重庆市"
    assert setting.place_for("省", found[-1]) is None  # a municipality has no 省


def test_jurisdiction_autonomous_region_prefix():
    text = "广西医疗队到南宁调研,自治区卫生健康委主任出席。"
    found = mentions(text, [("广西", "LOC"), ("南宁", "LOC"), ("自治区卫生健康委", "ORG")])
    setting = article_setting(found, FUJIAN)
    assert setting.place_for("自治区", found[-1])[0].name == "广西壮族自治区"
    assert setting.place_for("省", found[-1]) is None


@pytest.mark.parametrize("name, prefix", [
    ("省卫健委", "省"), ("自治区党委", "自治区"), ("区卫健局", "区"), ("县人民医院", "县"),
    ("市场监管局", None), ("省会医院", None), ("区域医疗中心", None), ("省", None), ("福建省卫健委", None),
])
def test_jurisdiction_bare_prefix(name, prefix):
    assert bare_prefix(name) == prefix


def test_jurisdiction_a_clause_mark_ends_the_look_back():
    text = "宿迁市举行义诊。上海肺科医院专家到宿迁义诊,市政府领导看望专家。宿迁市民受益。"
    labelled = [("宿迁市", "LOC"), ("上海肺科医院", "ORG"), ("宿迁", "LOC"), ("市政府", "ORG")]
    found = mentions(text, labelled)
    assert article_setting(found, FUJIAN, text).place_for("市", found[-1])[0].name == "宿迁市"
    glued = text.replace("到宿迁义诊,", "的")  # 上海…医院的市政府: no clause mark in between
    found = mentions(glued, [("宿迁市", "LOC"), ("上海肺科医院", "ORG"), ("市政府", "ORG")])
    assert article_setting(found, FUJIAN, glued).place_for("市", found[-1])[0].name == "上海市"
