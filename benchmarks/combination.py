"""How the rules' spans and the statistical tagger's spans are combined, chosen by measurement.

The mention ruler takes a tagger span only if ``kg.statistical_filter.v1``
finds it plausible (a surname, a body's suffix...) unless the tagger is
``sure`` of it (``sure_org`` for organizations); where a rule's span and a
tagger's span overlap, the rule wins unless the tagger is at least
``statistical_equal_at`` sure. Those three numbers decide how much of the
CRF's recall survives, and how many of its guesses get in.

This script scores a fixed grid of them with one tagger model and prints, for
each, the micro F1 on the domain articles' development and check splits and
on the first ``--limit`` sentences of each public BIO set, then the setting
with the best mean of the check and BIO figures: the criterion is fixed here,
before looking at any figure, and only aggregate figures are used (no error
of the check split or of the public sets is read).

Score the model whose check figure is honest, i.e. one trained on the
development split only::

    python training/train_ner.py --domain-split dev --out /tmp/ner-dev/ner.crfsuite
    python benchmarks/combination.py --model /tmp/ner-dev/ner.crfsuite

Each setting builds the domain graph and tags the BIO slices once: about
15 CPU-seconds a setting with the defaults.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from kg.build import BuildSettings, make_graph
from kg.evaluate import Scores, load_gold, score_bio, score_mentions, split_gold
from kg.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ROOT.parent / "shared" / "data" / "domain"
NER = ROOT.parent / "shared" / "data" / "ner"
BIO = (NER / "peoples_daily.test.bio", NER / "msra.test.bio")
CHECK = "*_08.*,*_09.*,*_10.*"
FILTER = "components.kg_mentions.statistical_filter."
GRID = {
    FILTER + "sure": (0.6, 0.8),
    FILTER + "sure_org": (0.7, 0.85, 0.98),
    "components.kg_mentions.statistical_equal_at": (0.9, 1.01),
}


def micro(scores: Scores) -> float:
    return scores.micro.f1


def evaluate(overrides: dict, domain: Path, bio: list[Path], limit: int) -> tuple[float, float, list[float]]:
    gold = load_gold(domain / "gold")
    graph, _ = make_graph([domain / "texts"], BuildSettings(nlp_overrides=overrides))
    dev, check = split_gold(gold, CHECK)
    nlp = load_nlp(overrides)
    bio_f1 = [micro(score_bio(nlp, path, limit).scores) for path in bio]
    return micro(score_mentions(graph, dev)), micro(score_mentions(graph, check)), bio_f1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="CRF model (its ner.features.json beside it); default: shipped")
    parser.add_argument("--domain", type=Path, default=DOMAIN)
    parser.add_argument("--bio", type=Path, nargs="*", default=[p for p in BIO if p.exists()])
    parser.add_argument("--limit", type=int, default=1000, help="sentences of each BIO set")
    args = parser.parse_args(argv)
    base = {"components.kg_tagger.model": str(args.model.resolve())} if args.model else {}
    names = [Path(p).stem for p in args.bio]
    print("| sure | sure_org | equal_at | dev | check | " + " | ".join(names) + " | mean(check, BIO) |")
    print("|---:|---:|---:|---:|---:|" + "---:|" * len(names) + "---:|")
    best: tuple[float, tuple] | None = None
    for values in itertools.product(*GRID.values()):
        overrides = {**base, **dict(zip(GRID, values, strict=True))}
        dev, check, bio = evaluate(overrides, args.domain, args.bio, args.limit)
        mean = (check + sum(bio)) / (1 + len(bio))
        cells = " | ".join(f"{v:.3f}" for v in (dev, check, *bio, mean))
        print(f"| {' | '.join(map(str, values))} | {cells} |", flush=True)
        if best is None or mean > best[0]:
            best = (mean, values)
    assert best is not None
    print("best (mean of check and BIO micro F1): " + ", ".join(f"{k}={v}" for k, v in zip(GRID, best[1], strict=True)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
