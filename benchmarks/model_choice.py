"""Which statistical tagger: kg's character CRF against spaCy's own trainable NER, on the same data.

Issue 11 asks that the model be chosen by measurement. This trains both model families on one
training set that is small enough to train spaCy's NER on a CPU in minutes: the People's Daily dev
set, Weibo NER train and the development split of the domain articles (``*_01``..``*_07``, repeated
``--repeat`` times, all five types), and scores each *alone* (no rule, no filter; exact spans,
micro F1) on

* the domain articles' check split (``*_08``..``*_10``; gold spans found as ``train_ner.py`` finds
  them, aggregate figures only: no check error is printed),
* the first ``--limit`` sentences of the People's Daily and MSRA test sets (PER/LOC/ORG; aggregates),

and times each on one core (characters per CPU-second, tagging only). The CRF uses kg's features
(``kg.nlp.features``, the word lists frozen with today's model); spaCy's NER uses its default CPU
recipe (``spacy init config --lang zh --pipeline ner --optimize {efficiency|accuracy}``), one token per
character, so neither has seen more than the other.

    python benchmarks/model_choice.py --work /tmp/model-choice       # about 20-40 CPU-minutes
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pycrfsuite
import spacy
from spacy.tokens import Doc, DocBin

from kg.evaluate import read_bio
from kg.nlp.features import FeatureLexicon, Featurizer
from kg.nlp.tagger import bio_spans

ROOT = Path(__file__).resolve().parents[1]
NER = ROOT.parent / "shared" / "data" / "ner"
TESTS = (NER / "peoples_daily.test.bio", NER / "msra.test.bio")
Sentence = tuple[str, list[tuple[int, int, str]]]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "training" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def training_set(repeat: int) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, check-split sentences), the latter for aggregate scoring only."""
    train = _train_module()
    general = [s for path in (train.DEFAULT_DATA, train.WEIBO) for s in read_bio(path)]
    dev = train.domain_sentences(train.DOMAIN, "dev")
    everything = train.domain_sentences(train.DOMAIN, "all")
    check = [s for s in everything if s not in dev]  # the check split's sentences
    return general + dev * repeat, check


def prf(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]], labels: set[str]) -> str:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        g_set = {s for s in g if s[2] in labels}
        p_set = {s for s in p if s[2] in labels}
        tp += len(g_set & p_set)
        fp += len(p_set - g_set)
        fn += len(g_set - p_set)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"


class Crf:
    name = "CRF (kg features)"

    def __init__(self, work: Path, sentences: list[Sentence]) -> None:
        train = _train_module()
        path = work / "crf.crfsuite"
        featurize = Featurizer(FeatureLexicon.current())
        if not path.exists():
            trainer = pycrfsuite.Trainer(verbose=False)
            for text, spans in sentences:
                text = train.nfkc_chars(text)
                trainer.append(featurize(text), train.bio_labels(len(text), spans))
            trainer.set_params(train.PARAMS)
            trainer.train(str(path))
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.featurize = featurize
        self.nfkc = train.nfkc_chars

    def __call__(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        return [bio_spans(self.tagger.tag(self.featurize(self.nfkc(t)))) if t else [] for t in texts]


class SpacyNer:
    def __init__(self, work: Path, sentences: list[Sentence], optimize: str, epochs: int) -> None:
        self.name = f"spaCy NER ({optimize})"
        folder = work / f"spacy-{optimize}"
        best = folder / "out" / "model-last"
        if not best.exists():
            folder.mkdir(parents=True, exist_ok=True)
            nlp = spacy.blank("zh")
            split = len(sentences) // 20
            for name, part in (("train", sentences[split:]), ("dev", sentences[:split])):
                docs = DocBin()
                for text, spans in part:
                    doc = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
                    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
                    docs.add(doc)
                docs.to_disk(folder / f"{name}.spacy")
            config = folder / "config.cfg"
            subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(config), "--lang", "zh",
                            "--pipeline", "ner", "--optimize", optimize, "--force"], check=True)
            subprocess.run([sys.executable, "-m", "spacy", "train", str(config), "--output", str(folder / "out"),
                            "--paths.train", str(folder / "train.spacy"), "--paths.dev", str(folder / "dev.spacy"),
                            "--training.max_epochs", str(epochs), "--training.max_steps", "0",
                            "--training.patience", "0", "--system.seed", "0"], check=True)
        self.nlp = spacy.load(best)

    def __call__(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in self.nlp.pipe(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20, help="times each domain sentence is seen")
    parser.add_argument("--limit", type=int, default=1000, help="sentences of each public test set")
    parser.add_argument("--epochs", type=int, default=10, help="spaCy's epochs")
    parser.add_argument("--optimize", nargs="+", default=["efficiency"])
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    sentences, check = training_set(args.repeat)
    print(f"training set: {len(sentences)} sentences, {sum(len(t) for t, _ in sentences)} characters", flush=True)
    sets = {"domain check (9 articles)": (check, {"PER", "ORG", "LOC", "PROG", "DOC"})}
    for path in TESTS:
        sets[f"{path.stem} first {args.limit}"] = (read_bio(path)[: args.limit], {"PER", "ORG", "LOC"})
    results = {}
    models = []
    started = time.process_time()
    models.append(Crf(args.work, sentences))
    print(f"CRF trained/loaded in {time.process_time() - started:.0f} CPU-s", flush=True)
    for optimize in args.optimize:
        started = time.process_time()
        models.append(SpacyNer(args.work, sentences, optimize, args.epochs))
        print(f"spaCy {optimize} trained/loaded (main process {time.process_time() - started:.0f} CPU-s;"
              " training runs in a subprocess, see its log)", flush=True)
    for model in models:
        for name, (data, labels) in sets.items():
            texts = [t for t, _ in data]
            started = time.process_time()
            pred = model(texts)
            seconds = time.process_time() - started
            chars = sum(map(len, texts))
            scores = prf([s for _, s in data], pred, labels)
            line = f"{model.name:24} {name:32} {scores}  {chars / seconds:,.0f} chars/CPU-s"
            print(line, flush=True)
            results[f"{model.name} | {name}"] = line
    (args.work / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
