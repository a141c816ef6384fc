"""How linking's cost grows with the corpus: seeds' extraction results copied under new
document names, linked at 1x, 10x and 100x (the linker blocks by article and by key,
so time per mention should stay flat).

    python benchmarks/linking.py
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from kg.extract import extract
from kg.link.corpus import link
from kg.model import DocResult
from kg.nlp import load_nlp
from kg.normalise import normalise

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def copies(results: list[DocResult], n: int) -> list[DocResult]:
    out = []
    for i in range(n):
        for r in results:
            doc_id = f"{i:04d}_{r.document.doc_id}"
            mentions = tuple(replace(m, doc_id=doc_id) for m in r.mentions)
            by_old = dict(zip(r.mentions, mentions, strict=True))
            relations = tuple(
                replace(x, head=by_old[x.head], tail=by_old[x.tail] if x.tail else None) for x in r.relations
            )
            out.append(DocResult(replace(r.document, doc_id=doc_id), mentions, relations, r.sentences))
    return out


def main() -> None:
    nlp = load_nlp()
    docs = [normalise(p.name, str(p), p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    results = list(extract(nlp, docs))
    print("| copies | documents | mentions | seconds | microseconds per mention |")
    print("|---:|---:|---:|---:|---:|")
    for n in (1, 10, 100):
        corpus = copies(results, n)
        mentions = sum(len(r.mentions) for r in corpus)
        started = time.perf_counter()
        link(corpus)
        seconds = time.perf_counter() - started
        print(f"| {n} | {len(corpus)} | {mentions} | {seconds:.2f} | {seconds / mentions * 1e6:.0f} |")


if __name__ == "__main__":
    main()
