"""Checks of kg.gazetteer against the shipped division data (kg/resources/divisions.tsv)."""

from __future__ import annotations

import pytest

from kg.gazetteer import (
    PROVINCE_ABBREVIATIONS,
    Gazetteer,
    Place,
    load_gazetteer,
    region_names,
    short_name,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_loaded_once(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz
    assert len(gaz.places) > 3000


def test_fuzhou_short_name(gaz: Gazetteer) -> None:
    (fuzhou,) = gaz.lookup("福州")
    assert fuzhou == Place("350100000000", "福州市", "prefecture", "350000000000")
    assert fuzhou.gb2260 == "350100"
    assert gaz.by_code(fuzhou.parent or "").name == "福建省"
    assert gaz.lookup("福州市") == (fuzhou,)
    assert gaz.by_code("3501") == fuzhou


def test_levels_and_parents(gaz: Gazetteer) -> None:
    assert gaz.by_code("350000000000").level == "province"
    assert gaz.by_code("350000000000").parent is None
    assert gaz.by_code("350102000000").level == "county"
    # 省直辖县级行政区: no 429000 row, so the parent is the province itself.
    (xiantao,) = gaz.lookup("仙桃")
    assert xiantao.parent == "420000000000"


def test_jianou_ancestors(gaz: Gazetteer) -> None:
    (jianou,) = gaz.lookup("建瓯市")
    assert [p.name for p in gaz.ancestors(jianou.code)] == ["南平市", "福建省"]
    assert gaz.province_of(jianou.code).name == "福建省"


def test_changji_homonyms(gaz: Gazetteer) -> None:
    found = gaz.lookup("昌吉")
    assert [p.name for p in found] == ["昌吉回族自治州", "昌吉市"]
    assert [p.code for p in found] == sorted(p.code for p in found)
    chosen = gaz.resolve("昌吉", None)
    assert chosen is not None and chosen.level == "prefecture"
    assert chosen.name == "昌吉回族自治州"


@pytest.mark.parametrize(
    ("surface", "name"),
    [("新疆", "新疆维吾尔自治区"), ("广西", "广西壮族自治区"), ("宁夏", "宁夏回族自治区"),
     ("内蒙古", "内蒙古自治区"), ("西藏", "西藏自治区"), ("浦东", "浦东新区"),
     ("神农架", "神农架林区"), ("延边", "延边朝鲜族自治州"), ("龙胜", "龙胜各族自治县")],
)
def test_short_names_of_autonomous_and_special(gaz: Gazetteer, surface: str, name: str) -> None:
    assert [p.name for p in gaz.lookup(surface)] == [name]


def test_short_name_rules() -> None:
    nations = ("回族", "蒙古族", "鄂温克族")
    assert short_name("昌吉回族自治州", nations) == "昌吉"
    assert short_name("巴音郭楞蒙古自治州", nations) == "巴音郭楞"
    assert short_name("内蒙古自治区", nations) == "内蒙古"
    assert short_name("鄂温克族自治旗", nations) == "鄂温克"
    assert short_name("沙市区") == "沙市"
    assert short_name("城区") is None  # would be one character
    assert short_name("海域") is None


def test_gulou_resolves_by_context(gaz: Gazetteer) -> None:
    found = gaz.lookup("鼓楼区")
    provinces = {p.code[:2] for p in found}
    assert {"32", "35", "41"} <= provinces
    assert gaz.lookup("鼓楼") == found
    for context in ("35", "350000000000"):
        chosen = gaz.resolve("鼓楼", context)
        assert chosen is not None and chosen.code == "350102000000"
        assert gaz.ancestors(chosen.code)[0].name == "福州市"
    # without context the rule is deterministic: lowest code among equals
    assert gaz.resolve("鼓楼", None) == min(found)


def test_resolve_prefers_higher_level(gaz: Gazetteer) -> None:
    chosen = gaz.resolve("河南", None)  # 河南省 and 青海's 河南蒙古族自治县
    assert chosen is not None and chosen.code == "410000000000"
    assert len(gaz.lookup("河南")) == 2
    assert gaz.resolve("河南", "63") == gaz.lookup("河南蒙古族自治县")[0]


def test_regions(gaz: Gazetteer) -> None:
    (region,) = gaz.lookup("闽西南")
    assert region.level == "region"
    assert region.parent == "350000000000"
    assert gaz.province_of(region.code).name == "福建省"
    assert [p.name for p in gaz.ancestors(region.code)] == ["福建省"]
    assert {"闽东", "闽西", "闽南", "闽北", "闽中", "闽东北"} <= set(gaz.names())
    assert ("闽北", "350000000000") in set(region_names())
    assert PROVINCE_ABBREVIATIONS["闽"] == "350000000000"
    # a prefecture beats an informal region of the same name
    chosen = gaz.resolve("湘西", None)
    assert chosen is not None and chosen.level == "prefecture"


def test_no_one_character_names(gaz: Gazetteer) -> None:
    assert all(len(surface) >= 2 for surface in gaz.names())
    assert gaz.lookup("闽") == ()
    assert gaz.lookup("市") == ()
    assert gaz.resolve("京", None) is None


def test_non_places(gaz: Gazetteer) -> None:
    assert gaz.lookup("医院") == ()
    assert gaz.resolve("医院", "35") is None
    assert gaz.lookup("苏鲁交界") == ()  # pseudo-division row (code 99…) is skipped


def test_names_map_to_codes(gaz: Gazetteer) -> None:
    names = gaz.names()
    assert names["福州"] == ("350100000000",)
    assert names["北京"] == ("110000000000",)


def test_bad_rows_are_skipped() -> None:
    rows = [("adcode", "name"), ("350000000000", "福建省"), ("35010000000", "短码"),
            ("350100000000", ""), ("350100000000", "福州市"), ("x", "y"),
            ("350100000000", "重复市"), ("990000000000", "苏鲁交界")]
    gaz = Gazetteer.from_rows(rows)
    assert [p.name for p in gaz.places if p.level != "region"] == ["福建省", "福州市"]
    with pytest.raises(KeyError):
        gaz.by_code("990000000000")


def test_townships_have_full_names_codes_and_parents(gaz: Gazetteer) -> None:
    town = gaz.resolve("徐墩镇")
    assert (town.code, town.level) == ("350783100000", "township")
    assert [p.name for p in gaz.ancestors(town.code)] == ["建瓯市", "南平市", "福建省"]
    # An ethnic township is also written with 民族乡.
    assert gaz.resolve("阿什里哈萨克民族乡").code == gaz.resolve("阿什里哈萨克族乡").code == "652301205000"
    # 东街街道 is in many cities; the province in context picks Fuzhou's.
    assert gaz.resolve("东街街道", "35").code == "350102004000"
    assert gaz.lookup("徐墩") == ()  # townships go by their full name only


def test_divisions_file_names_its_source() -> None:
    from importlib.resources import files

    head = files("kg.resources").joinpath("divisions.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("国家地名信息库" in line for line in head)


@pytest.mark.parametrize("surface, name", [
    ("阿坝州", "阿坝藏族羌族自治州"), ("黔东南州", "黔东南苗族侗族自治州"), ("新晃县", "新晃侗族自治县"),
    ("鄂伦春旗", "鄂伦春自治旗"),
])
def test_autonomous_area_by_short_name_and_plain_word(gaz: Gazetteer, surface: str, name: str) -> None:
    assert [p.name for p in gaz.lookup(surface)] == [name]


def test_plain_word_only_for_autonomous_areas(gaz: Gazetteer) -> None:
    assert gaz.lookup("福州州") == () and gaz.lookup("建瓯县") == ()
