"""kg's pipeline used as spaCy users use any pipeline: evaluate, save and load, DocBin, other tokenizers.

The sentences are written for these tests (invented bodies and people), not taken from the articles.
"""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from kg.labels import LABELS
from kg.nlp import load_nlp

TEXT = "湖南省疾病预防控制中心副主任陈立新表示，长沙市将开展“爱国卫生月”活动。"
#: What the pipeline should find in TEXT, as a hand annotation would write it.
GOLD = [(0, 11, "ORG"), (14, 17, "PER"), (20, 23, "LOC"), (26, 35, "PROG")]


def _found(doc) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def _relations(doc) -> set[tuple]:
    return {tuple(r) for r in doc._.kg_relations}


def test_spacy_api_gold_matches_the_sentence(nlp):
    # The premise of the scoring tests below: the pipeline finds exactly GOLD here.
    assert _found(nlp(TEXT)) == GOLD


def test_spacy_api_evaluate_reports_entity_scores(nlp):
    perfect = Example.from_dict(nlp.make_doc(TEXT), {"entities": GOLD})
    # The same sentence annotated without the place: the pipeline's 长沙市 is then a false positive.
    no_place = Example.from_dict(nlp.make_doc(TEXT), {"entities": [g for g in GOLD if g[2] != "LOC"]})
    scores = nlp.evaluate([perfect, no_place])
    assert scores["ents_r"] == pytest.approx(1.0)
    assert scores["ents_p"] == pytest.approx(7 / 8)
    assert scores["ents_per_type"]["LOC"]["p"] == pytest.approx(0.5)
    assert scores["ents_per_type"]["PER"]["f"] == pytest.approx(1.0)
    assert "ents_f" in nlp.config["training"]["score_weights"]


def test_spacy_api_labels_listed(nlp):
    assert nlp.pipe_labels["kg_mentions"] == list(LABELS)
    assert set(LABELS) <= set(nlp.pipe_labels["kg_tagger"])
    assert nlp.meta["labels"]["kg_mentions"] == list(LABELS)


def test_spacy_api_to_disk_and_spacy_load_give_the_same_result(nlp, tmp_path):
    nlp.to_disk(tmp_path)
    assert (tmp_path / "kg_tagger" / "model.crfsuite").stat().st_size > 0
    assert json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))["labels"]["kg_mentions"] == list(LABELS)
    loaded = spacy.load(tmp_path)
    assert loaded.pipe_names == nlp.pipe_names
    assert str(tmp_path) in loaded.get_pipe("kg_tagger").model  # the saved model, not the packaged one
    original, again = nlp(TEXT), loaded(TEXT)
    assert _found(again) == _found(original) == GOLD
    assert [(s.start_char, s.end_char, s.label_) for s in again.spans["kg_statistical"]] == [
        (s.start_char, s.end_char, s.label_) for s in original.spans["kg_statistical"]
    ]
    assert _relations(again) == _relations(original)


def test_spacy_api_relations_are_character_offsets(nlp):
    doc = nlp(TEXT)
    named = {
        (kind, doc.text[hs:he], doc.text[ts:te] if ts >= 0 else None, role)
        for kind, hs, he, ts, te, role in doc._.kg_relations
    }
    assert ("role", "陈立新", "湖南省疾病预防控制中心", "副主任") in named


def test_spacy_api_relations_survive_docbin(nlp):
    doc = nlp(TEXT)
    assert doc._.kg_relations
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert _relations(back) == _relations(doc)
    spans = {(s.start_char, s.end_char) for s in back.spans["kg_mentions"]}
    for _, hs, he, ts, te, _ in back._.kg_relations:
        assert (hs, he) in spans
        assert ts < 0 or (ts, te) in spans


def test_spacy_api_relations_survive_two_processes(nlp):
    texts = [TEXT, "江西省人民医院院长李建华在南昌市主持会议。"]
    alone = [_relations(nlp(t)) for t in texts]
    assert [_relations(d) for d in nlp.pipe(texts, n_process=2)] == alone


def test_spacy_api_word_segmenter_cutting_a_name_is_an_error():
    # jieba's words (人民医院院长, 南昌市主持...) need not end where a name ends; the spans the rules
    # find there cannot be made, and that must be said, not skipped.
    jieba_nlp = load_nlp({"nlp.tokenizer.segmenter": "jieba"})
    with pytest.raises(ValueError, match=r"token boundary.*jieba"):
        jieba_nlp("江西省人民医院院长李建华在南昌市主持会议。")


def test_spacy_api_config_override_removes_a_rule(nlp):
    sentence = "通信地址：长沙市芙蓉中路218号湘江大厦六楼"
    address = ("长沙市芙蓉中路218号湘江大厦六楼", "LOC")
    without = load_nlp({"components.kg_mentions.rules.places": None})
    assert list(without.get_pipe("kg_mentions").rules) == ["people", "organizations", "programs", "documents"]
    # A whole postal address is a place only the place rules build.
    assert address in {(e.text, e.label_) for e in nlp(sentence).ents}
    assert address not in {(e.text, e.label_) for e in without(sentence).ents}


def test_spacy_api_shipped_config_passes_spacy_debug_config_checks():
    # What `python -m spacy debug config` checks: the config builds without auto-filling,
    # and its [initialize] and [training] sections resolve against spaCy's schemas.
    from spacy.schemas import ConfigSchemaInit, ConfigSchemaTraining
    from spacy.util import load_config, load_model_from_config, registry

    from kg.nlp import CONFIG

    config = load_config(CONFIG, overrides={"paths.train": "train.spacy", "paths.dev": "dev.spacy"})
    bare = load_model_from_config(config, auto_fill=False)
    assert bare.pipe_names == ["kg_tagger", "kg_mentions", "kg_relations"]
    resolved = bare.config.interpolate()
    registry.resolve(resolved["initialize"], schema=ConfigSchemaInit)
    assert registry.resolve(resolved["training"], schema=ConfigSchemaTraining)["train_corpus"] == "corpora.train"


def test_spacy_api_initialize_runs_every_rule_once_before_any_document(nlp):
    # The rules load their data on first use; initialize() must be that first use, not the user's first text.
    calls: list[str] = []

    def probe(text, breaks, found):
        calls.append(text)
        return []

    blank = spacy.blank("zh")
    blank.add_pipe("kg_mentions", config={"rules": {"probe": {"@misc": "kg.person_rules.v1"}}})
    blank.get_pipe("kg_mentions").rules = {"probe": probe}
    blank.initialize()
    assert len(calls) == 1 and calls[0]
