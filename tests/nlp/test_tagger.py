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
    from kg.nlp import load_nlp

    nlp = load_nlp({"components.kg_tagger.model": str(out)})
    assert isinstance(list(nlp("福建省卫生健康委员会").spans["kg_statistical"]), list)


@pytest.mark.slow
def test_tagger_training_script_reproduces_the_shipped_model(tmp_path):
    if not SHARED_DEV.exists():
        pytest.skip("no shared NER training data beside the project")
    out = tmp_path / "ner.crfsuite"
    digest = _train_module().train([SHARED_DEV], out)
    shipped = files("kg.resources").joinpath("ner.crfsuite").read_bytes()
    assert digest == hashlib.sha256(shipped).hexdigest()
