"""Where the pipeline's errors on a BIO set come from: the rule or tagger span behind each false
positive, and for each missed gold span whether the tagger had it (and the filter dropped it, or a
rule's span won the overlap) or not. ``kg eval --bio FILE --errors`` lists the errors; this says
which stage to change.

    python benchmarks/bio_errors.py ../shared/data/ner/peoples_daily.dev.bio [--limit N] [--model M]

Only for development sets (People's Daily dev): the test sets are scored in aggregate only. The
counts per (error, type, cause) go to stderr, one error a line to stdout:
``FP ORG organizations 某某  gold=...  context`` or ``FN LOC filtered0.97 某某  pred=...  context``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kg.evaluate import BIO_TYPES, read_bio
from kg.nlp import load_nlp
from kg.nlp.candidate import Candidate
from kg.normalise import normalise

Span = tuple[int, int, str]


def _recording(name: str, rule, log: list[tuple[int, int, str, str]]):
    """The rule, noting which spans it proposed (as mentions) under its name."""

    def rule_and_log(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        out = rule(text, breaks, found)
        log.extend((c.start, c.end, c.label, name) for c in out if c.mention)
        return out

    return rule_and_log


def _context(text: str, s: int, e: int) -> str:
    return f"{text[max(0, s - 8) : s]}[{text[s:e]}]{text[e : e + 8]}"


def _near(text: str, spans: set[Span], s: int, e: int) -> str:
    """The spans of the other side that overlap ``[s, e)``: what was found or expected instead."""
    return ",".join(f"{text[a:b]}/{c}" for a, b, c in sorted(spans) if a < e and s < b) or "-"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--model", help="another tagger model (components.kg_tagger.model)")
    args = parser.parse_args(argv)
    nlp = load_nlp({"components.kg_tagger.model": args.model} if args.model else {})
    ruler = nlp.get_pipe("kg_mentions")
    log: list[tuple[int, int, str, str]] = []
    ruler.rules = {name: _recording(name, rule, log) for name, rule in ruler.rules.items()}
    counts: Counter[tuple[str, str, str]] = Counter()
    for i, (raw, gold_spans) in enumerate(read_bio(args.path)[: args.limit]):
        document = normalise(f"s{i}", str(args.path), raw)
        log.clear()
        doc = nlp.make_doc(document.nlp_text)
        doc.user_data["kg_text"] = document.nlp_text
        doc._.kg_breaks = document.breaks
        doc = nlp(doc)
        text = document.text
        predicted: set[Span] = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in BIO_TYPES}
        gold: set[Span] = set(gold_spans)
        tagged = {(s.start_char, s.end_char, s.label_): s._.kg_confidence for s in doc.spans.get("kg_statistical", [])}

        for s, e, label in sorted(predicted - gold):
            rule = next((r for a, b, c, r in log if (a, b, c) == (s, e, label)), None)
            cause = rule or f"tagger{tagged.get((s, e, label), 0):.2f}"
            print(f"FP {label} {cause:12} {text[s:e]:12} gold={_near(text, gold, s, e)}   {_context(text, s, e)}")
            counts["FP", label, rule or "tagger"] += 1
        for s, e, label in sorted(gold - predicted):
            confidence = tagged.get((s, e, label))
            if confidence is None:
                cause = "untagged"
            elif not ruler.statistical_filter(text, s, e, label, confidence):
                cause = "filtered"
            else:
                cause = "overlap"
            shown = cause if confidence is None else f"{cause}{confidence:.2f}"
            print(f"FN {label} {shown:12} {text[s:e]:12} pred={_near(text, predicted, s, e)}   {_context(text, s, e)}")
            counts["FN", label, cause] += 1
    for key, n in sorted(counts.items()):
        print(*key, n, file=sys.stderr)


if __name__ == "__main__":
    main()
