"""Document rules (kg/nlp/rules/documents.py) and DOC end to end, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.build import BuildSettings, make_graph
from kg.conventions import canonical_document
from kg.normalise import normalise


def mentions(nlp, raw: str) -> set[tuple[str, str]]:
    """(text, label) of every mention, nested ones included."""
    document = normalise("t.txt", "t.txt", raw)
    doc = nlp.make_doc(document.text)
    doc._.kg_breaks = document.breaks
    return {(s.text, s.label_) for s in nlp(doc).spans["kg_mentions"]}


def documents(nlp, raw: str) -> set[str]:
    return {text for text, label in mentions(nlp, raw) if label == "DOC"}


def test_documents_a_notice_is_a_mention_without_its_marks(nlp):
    found = mentions(nlp, "市卫健委近日印发《关于做好秋冬季学校传染病防控工作的通知》，要求各校落实晨检制度。")
    assert ("关于做好秋冬季学校传染病防控工作的通知", "DOC") in found
    assert ("市卫健委", "ORG") in found  # outside the title, a body is still a body


def test_documents_bodies_and_places_inside_a_title_are_no_mentions(nlp):
    raw = "会议传达了《南平市人民政府关于印发南平市紧密型县域医共体建设实施方案的通知》精神。"
    found = mentions(nlp, raw)
    assert found == {("南平市人民政府关于印发南平市紧密型县域医共体建设实施方案的通知", "DOC")}


def test_documents_a_plan_keeps_its_edition_bracket_and_its_name_drops_it(nlp):
    raw = "区政府常务会议审议通过了《某区基层卫生人才队伍建设三年行动计划(试行)》。"
    assert documents(nlp, raw) == {"某区基层卫生人才队伍建设三年行动计划(试行)"}
    assert canonical_document("某区基层卫生人才队伍建设三年行动计划(试行)") == "某区基层卫生人才队伍建设三年行动计划"
    assert canonical_document("《“十五五”全民健身规划（2026—2030年）》") == "十五五全民健身规划"


def test_documents_a_list_and_an_agreement_are_documents(nlp):
    assert documents(nlp, "该村入选《第三批全国乡村旅游重点村名单》。") == {"第三批全国乡村旅游重点村名单"}
    agreement = "省中医院与某县人民政府医疗合作协议"
    assert documents(nlp, f"双方签署了《{agreement}》。") == {agreement}


def test_documents_a_title_without_a_kind_is_a_document_unless_it_reads_as_a_work(nlp):
    # In the news 《》 mostly holds documents, whatever their last word.
    assert documents(nlp, "会议审议了《某县城乡居民健康素养提升三年攻坚》。") == {"某县城乡居民健康素养提升三年攻坚"}
    assert documents(nlp, "两国签署了《关于传统医药领域合作的谅解备忘录》。") == {"关于传统医药领域合作的谅解备忘录"}


def test_documents_a_newspaper_in_title_marks_is_an_organization(nlp):
    found = mentions(nlp, "据《东南健康日报》报道，该院去年接诊患者十万余人次。")
    assert ("东南健康日报", "ORG") in found
    assert not {text for text, label in found if label == "DOC"}


@pytest.mark.parametrize(
    "raw",
    [
        "联欢会上，护士合唱团以一曲《我们的白衣誓言》获得一等奖。",  # a song
        "市图书馆新近出版了《闽江口历史文化丛书》。",  # a book series
        "张主任作了题为《基层慢病管理的几点体会》的讲座。",  # a talk, by 题为
        "李院长作《深化医改，我们在路上》专题报告。",  # a talk, by 专题报告 (and a comma inside)
        "五位分会负责人分别以《学科协同》《人才为本》为题作交流发言。",  # a run of talks
        "电视连续剧《山海情深》剧组昨日来到该县取景。",  # a series, by the words before and after it
        "作家王晓梅的《白衣天使的一天》近日与读者见面。",  # a book, by its author's name before it
    ],
)
def test_documents_songs_books_and_talks_are_no_documents(nlp, raw):
    assert not documents(nlp, raw)


def test_documents_a_bare_kind_of_document_is_no_mention_and_vetoes_its_inside(nlp):
    # 《实施意见》 is the short form of a document named in full elsewhere: it names none by itself.
    assert not documents(nlp, "《实施意见》明确，各地要在年底前完成任务。")
    assert not documents(nlp, "《意见》提出了十项重点任务。")


def test_documents_one_title_in_two_articles_is_one_entity_named_without_the_bracket(tmp_path):
    title = "某省医疗机构检查检验结果互认管理办法"
    (tmp_path / "a.txt").write_text(f"省卫健委印发《{title}(试行)》。\n", "utf-8")
    (tmp_path / "b.txt").write_text(f"记者从市卫健委获悉，《{title}》已于近日实施。\n", "utf-8")
    graph, _ = make_graph([tmp_path], BuildSettings())
    docs = [e for e in graph.entities if e.label == "DOC"]
    assert [e.name for e in docs] == [title]
    assert {m.doc_id for m in docs[0].mentions} == {"a.txt", "b.txt"}
    assert {m.text for m in docs[0].mentions} == {f"{title}(试行)", title}


@pytest.mark.parametrize(
    "raw, title",
    [
        ("两院签订了“市立医院对口帮扶山区县人民医院责任书”。", "市立医院对口帮扶山区县人民医院责任书"),
        ("会上，双方签署“闽宁两地医疗卫生人才交流合作协议”。", "闽宁两地医疗卫生人才交流合作协议"),
    ],
)
def test_documents_quoted_title_after_a_verb_of_signing(nlp, raw, title):
    assert title in documents(nlp, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "两院签订了“对口支援协议书”。",  # an agreement of a kind
        "市政府印发了“实施方案”。",  # a kind alone
        "双方开展“健康扶贫合作”交流。",  # no verb of signing, no kind of paper
    ],
)
def test_documents_quoted_kinds_are_no_titles(nlp, raw):
    assert not documents(nlp, raw)
