"""Train the statistical tagger shipped as ``kg/resources/ner.crfsuite``.

    python training/train_ner.py                      # -> kg/resources/ner.crfsuite
    python training/train_ner.py --data A.bio --data B.bio --out /tmp/ner.crfsuite

Training data: ``peoples_daily.dev.bio`` from the project's shared NER folder,
the one public set we may train on (its test split and MSRA's test split are for
evaluation only). A linear-chain CRF (CRFsuite, L-BFGS, fixed settings and
input order) over ``kg.nlp.features``: the same data gives the same model file,
byte for byte, which ``tests/nlp/test_tagger.py`` checks.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import unicodedata
from pathlib import Path

import pycrfsuite

from kg.evaluate import read_bio
from kg.nlp.features import featurize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner" / "peoples_daily.dev.bio"
DEFAULT_OUT = ROOT / "kg" / "resources" / "ner.crfsuite"
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}


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


def train(data: list[Path], out: Path, limit: int | None = None) -> str:
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = 0
    for path in data:
        for text, spans in read_bio(path)[:limit]:
            text = nfkc_chars(text)
            trainer.append(featurize(text), bio_labels(len(text), spans))
            sentences += 1
    trainer.set_params(PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    print(f"{sentences} sentences -> {out} ({out.stat().st_size} bytes, sha256 {digest})", file=sys.stderr)
    return digest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", help="BIO training file (repeatable)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each file (for tests)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    train(args.data or [DEFAULT_DATA], args.out, args.limit)
    print(f"trained in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
