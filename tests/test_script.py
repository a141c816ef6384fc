"""``kg.script``: traditional characters read as simplified, offsets shared with the original."""

from __future__ import annotations

import opencc
import pytest

import kg.script
from kg.build import BuildSettings, build, make_graph
from kg.normalise import comparison_form, normalise
from kg.script import to_simplified

# written for these tests
TRADITIONAL = "市衛生健康委員會今天在會議中心舉行義診活動，來自三家醫院的醫生為群眾提供諮詢。"
SIMPLIFIED = "市卫生健康委员会今天在会议中心举行义诊活动，来自三家医院的医生为群众提供咨询。"


def test_script_to_simplified_converts_and_keeps_the_length():
    assert to_simplified(TRADITIONAL) == SIMPLIFIED
    assert to_simplified("ABC 2023年 «x»") == "ABC 2023年 «x»"


def test_script_to_simplified_converts_phrase_by_phrase():
    # 乾 is 干 in 乾淨 but stays in the name 乾隆: a per-character table gets one of them wrong
    assert to_simplified("乾隆年間，乾淨整潔") == "乾隆年间，干净整洁"


def test_script_simplified_text_is_left_as_it_is(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = normalise(path.name, path.name, path.read_text(encoding="utf-8")).text
        assert to_simplified(text) == text


def test_script_a_run_whose_conversion_changes_length_falls_back_per_character(monkeypatch):
    class Lengthening:
        """A converter that, like some phrase tables, turns 醫院 into three characters."""

        def convert(self, text: str) -> str:
            return text.replace("醫院", "医疗院").replace("醫", "医").replace("會", "会")

    monkeypatch.setattr(kg.script, "_t2s", lambda: Lengthening())
    assert to_simplified("會議在醫院，醫院開會") == "会議在医院，医院開会"  # 議, 開: not in its table


def test_script_normalise_keeps_the_original_and_adds_a_simplified_copy():
    doc = normalise("t.txt", "t.txt", TRADITIONAL)
    assert doc.text == TRADITIONAL.replace("，", ",")  # NFKC
    assert doc.nlp_text == doc.simplified == SIMPLIFIED.replace("，", ",")
    plain = normalise("s.txt", "s.txt", SIMPLIFIED)
    assert plain.simplified is None
    assert plain.nlp_text == plain.text == SIMPLIFIED.replace("，", ",")


def test_script_comparison_form_is_simplified():
    assert comparison_form("“衛生健康委員會”") == "卫生健康委员会"
    assert comparison_form("卫生 健康委员会") == "卫生健康委员会"


@pytest.mark.slow
def test_script_traditional_seeds_give_the_same_entities_named_in_simplified(seed_build, seeds_dir, tmp_path):
    to_traditional = opencc.OpenCC("s2t")
    corpus = tmp_path / "traditional"
    corpus.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        text = to_traditional.convert(path.read_text(encoding="utf-8"))
        assert text != path.read_text(encoding="utf-8")
        (corpus / path.name).write_text(text, encoding="utf-8")
    simplified, _ = seed_build
    traditional = build([corpus], tmp_path / "out", BuildSettings(formats=("ttl",)))
    assert traditional.violations == ()

    counts, expected = traditional.entity_counts(), simplified.entity_counts()
    assert set(counts) == set(expected)
    for label, n in expected.items():
        assert abs(counts[label] - n) <= 0.05 * n, (label, counts[label], n)

    def names(report) -> set[tuple[str, str]]:
        return {(e.label, e.name) for e in report.graph.entities if e.mentions}

    assert names(traditional) == names(simplified)
    # the graph keeps the original script: the text and the mention surfaces are traditional
    docs = {d.doc_id: d for d in traditional.graph.documents}
    surfaces = [m.text for e in traditional.graph.entities for m in e.mentions]
    assert all(m.text == docs[m.doc_id].text[m.start : m.end] for e in traditional.graph.entities for m in e.mentions)
    assert sum(s != to_simplified(s) for s in surfaces) > len(surfaces) / 3
    assert all(d.simplified is not None and len(d.simplified) == len(d.text) for d in docs.values())


def test_script_traditional_article_declares_its_short_names(tmp_path):
    # The article's own words (以下簡稱) are read in simplified too, by the linker.
    simplified = "厦门市海沧区社会事务局（以下简称“区社事局”）今天召开会议。会上，区社事局通报了今年的工作情况。\n"
    (tmp_path / "a.txt").write_text(opencc.OpenCC("s2t").convert(simplified), encoding="utf-8")
    graph, errors = make_graph([tmp_path], BuildSettings())
    assert errors == []
    (body,) = [e for e in graph.entities if e.label == "ORG" and e.mentions]
    assert body.name == "厦门市海沧区社会事务局"
    assert body.variants == ("区社事局", "厦门市海沧区社会事务局")
    assert sorted({m.text for m in body.mentions}) == ["區社事局", "廈門市海滄區社會事務局"]
