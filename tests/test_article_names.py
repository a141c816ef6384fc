"""Short forms read off one article's own names (kg.article_names), on sentences written for the test."""

from __future__ import annotations

from kg.article_names import name_in_article
from kg.gazetteer import load_gazetteer
from kg.jurisdiction import article_setting
from kg.model import Mention
from kg.names import canonical


def resolved(text: str, surfaces: list[str]) -> dict[str, str]:
    """Each surface's name after the article's rules, the article set in Fujian by default."""
    mentions, pos = [], 0
    for surface in surfaces:
        start = text.index(surface, pos)
        mentions.append(Mention("a.txt", start, start + len(surface), "ORG", surface))
        pos = start + 1
    province = load_gazetteer().resolve("福建省")
    names = {m: canonical("ORG", m.text, province) for m in mentions}
    out, _ = name_in_article(text, names, article_setting(names, province, text))
    return {m.text: out[m] for m in mentions}


def test_article_names_core_name_with_a_bare_prefix_is_the_body():
    text = "福建省立医院专家来到义诊现场。省立、协和等医院的专家为群众义诊。"
    assert resolved(text, ["福建省立医院", "省立"])["省立"] == "福建省立医院"


def test_article_names_core_name_after_a_parent_is_the_body():
    text = "中南大学湘雅医院派出专家。湘雅专家团队随后开展了查房。"
    assert resolved(text, ["中南大学湘雅医院", "湘雅"])["湘雅"] == "中南大学湘雅医院"


def test_article_names_core_name_without_its_body_in_the_article_stays():
    text = "省立、协和等医院的专家为群众义诊。"
    assert resolved(text, ["省立"])["省立"] != "福建省立医院"


def test_article_names_core_name_of_two_bodies_stays_apart():
    text = "福建医科大学附属协和医院与北京协和医院签约。协和专家介绍了经验。"
    names = resolved(text, ["福建医科大学附属协和医院", "北京协和医院", "协和"])
    assert names["协和"] not in ("福建医科大学附属协和医院", "北京协和医院")
