"""kg's pipeline used as spaCy users use any pipeline: evaluate, save and load, DocBin, other tokenizers.

The sentences are written for these tests (invented bodies and people), not taken from the articles.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

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


def test_spacy_api_raw_ocr_text_through_the_documented_normaliser(nlp):
    # The README's recipe for raw text: a name the OCR cut with a line break comes out whole, and a
    # break between two paragraphs still ends the name before it.
    from kg.normalise import normalise

    raw = "湖南省卫生健康委\n员会副主任陈立新表示，长沙市将开展“爱国卫生月”活动。\n\n湘潭市疾控中心\n\n" \
          "湘潭市卫生健康委员会"
    document = normalise("id", "a.txt", raw)
    doc = nlp.make_doc(document.nlp_text or document.text)
    doc._.kg_breaks = document.breaks
    found = {(e.text, e.label_) for e in nlp(doc).ents}
    assert ("湖南省卫生健康委员会", "ORG") in found and ("陈立新", "PER") in found
    assert ("湘潭市卫生健康委员会", "ORG") in found
    assert not any(text.startswith("湘潭市疾控中心湘潭") for text, _ in found)


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


# ---- spaCy's own command line on a saved pipeline -------------------------------------------------


def spacy_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m spacy ARGS`` as a user types it, in a fresh interpreter (rc checked by the caller)."""
    return subprocess.run([sys.executable, "-m", "spacy", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600, check=False)


@pytest.fixture(scope="module")
def saved_pipeline(nlp, tmp_path_factory) -> Path:
    """kg's pipeline saved as a spaCy user saves one, named and versioned for ``spacy package``."""
    folder = tmp_path_factory.mktemp("saved") / "pipeline"
    own = {"name": "kg_test", "version": "0.0.1", "requirements": ["kg"]}
    before = {key: nlp.meta[key] for key in own if key in nlp.meta}
    nlp.meta.update(own)
    try:
        nlp.to_disk(folder)
    finally:  # the session's pipeline keeps its own meta
        for key in own:
            nlp.meta.pop(key, None)
        nlp.meta.update(before)
    return folder


@pytest.mark.slow
def test_spacy_api_spacy_evaluate_cli_reports_entity_scores(nlp, saved_pipeline, tmp_path):
    # The gold leaves out the place, so the pipeline's 长沙市 is its one false positive: 3 of 4 found are right.
    gold = nlp.make_doc(TEXT)
    gold.ents = [gold.char_span(begin, end, label=label) for begin, end, label in GOLD if label != "LOC"]
    DocBin(docs=[gold]).to_disk(tmp_path / "gold.spacy")
    done = spacy_cli("evaluate", str(saved_pipeline), "gold.spacy", "--output", "metrics.json", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["ents_p"] == pytest.approx(3 / 4) and metrics["ents_r"] == pytest.approx(1.0)
    assert metrics["ents_per_type"]["LOC"]["p"] == 0 and metrics["ents_per_type"]["PER"]["f"] == pytest.approx(1.0)


@pytest.mark.slow
def test_spacy_api_spacy_debug_config_cli_accepts_the_shipped_config(tmp_path):
    from kg.nlp import CONFIG

    done = spacy_cli("debug", "config", str(CONFIG), "--paths.train", "train.spacy", "--paths.dev", "dev.spacy",
                     cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Config is valid" in done.stdout


@pytest.mark.slow
def test_spacy_api_spacy_package_makes_a_package_spacy_load_finds_by_name(saved_pipeline, tmp_path):
    (tmp_path / "packages").mkdir()
    done = spacy_cli("package", str(saved_pipeline), "packages", cwd=tmp_path)
    # spaCy loads the pipeline first, in a fresh process: every registered function the config names
    # (tokenizer, factories, rule sets) must be found through kg's entry points (pyproject.toml)
    assert done.returncode == 0, done.stdout + done.stderr
    (sdist,) = (tmp_path / "packages").glob("*/dist/zh_kg_test-0.0.1.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        assert "zh_kg_test-0.0.1/zh_kg_test/zh_kg_test-0.0.1/kg_tagger/model.crfsuite" in names
        archive.extractall(tmp_path / "unpacked", filter="data")
    # The unpacked source on the path stands in for `pip install` (which would build it with setuptools):
    # spaCy finds the package by its name and loads the pipeline from the data inside it.
    script = ("import json, spacy; nlp = spacy.load('zh_kg_test'); doc = nlp(" + json.dumps(TEXT) + ");"
              "print(json.dumps([nlp.get_pipe('kg_tagger').model, [[e.start_char, e.end_char, e.label_] "
              "for e in doc.ents], [list(r) for r in doc._.kg_relations]]))")
    source = tmp_path / "unpacked" / "zh_kg_test-0.0.1"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=600,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(
                              [str(source), *filter(None, [os.environ.get("PYTHONPATH")])])}, check=False)
    assert done.returncode == 0, done.stderr
    model, ents, relations = json.loads(done.stdout.strip().splitlines()[-1])
    assert model.startswith(str(source / "zh_kg_test")) and model.endswith("model.crfsuite")
    assert [tuple(e) for e in ents] == GOLD
    assert ["role", 14, 17, 0, 11, "副主任"] in relations
