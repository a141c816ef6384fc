"""The statistical tagger on its own: micro F1 (PER/LOC/ORG, exact spans) of the CRF's spans,
with no rule and no filter, on the public BIO test sets. The pipeline's figures are
``kg eval --bio FILE``; this says how much of them the CRF carries by itself.

    python benchmarks/tagger_alone.py ../shared/data/ner/peoples_daily.test.bio ../shared/data/ner/msra.test.bio
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.evaluate import BIO_TYPES, score_bio
from kg.nlp import load_nlp


@Language.component("kg_tagger_spans_as_mentions")
def tagger_spans_as_mentions(doc: Doc) -> Doc:
    """Every span the CRF proposed becomes a mention, unfiltered."""
    spans = list(doc.spans.get("kg_statistical", []))
    doc.spans["kg_mentions"] = spans
    doc.ents = spans
    return doc


def main(paths: list[str]) -> None:
    nlp = load_nlp()
    for name in [n for n in nlp.pipe_names if n != "kg_tagger"]:
        nlp.remove_pipe(name)
    nlp.add_pipe("kg_tagger_spans_as_mentions")
    for path in paths:
        scores = score_bio(nlp, Path(path)).scores
        counts = [scores.per_type[t] for t in BIO_TYPES]
        tp, fp, fn = (sum(getattr(c, field) for c in counts) for field in ("tp", "fp", "fn"))
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{Path(path).name}: CRF alone, micro P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
