"""How often ``kg.link.jurisdiction`` infers the province an article is set in, against a table
of true provinces (``sources.tsv``: file, address, title, province or ``-`` for national news).

The table is used only to count here, never as input to kg. Only totals are printed, per
split, so the check split's articles are never shown one by one:

    python benchmarks/jurisdiction.py ../shared/data/domain/texts ../shared/data/domain/sources.tsv
"""

from __future__ import annotations

import sys
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.link.jurisdiction import article_setting
from kg.nlp import load_nlp
from kg.normalise import normalise
from kg.read import read_all

CHECK = ("*_08.*", "*_09.*", "*_10.*")


def main(texts: Path, table: Path, fallback: str = "福建省") -> None:
    truth = dict(line.split("\t")[0:4:3] for line in table.read_text(encoding="utf-8").splitlines() if line)
    read, _ = read_all([texts])
    documents = [normalise(t.doc_id, t.source, t.text) for t in read]
    province = load_gazetteer().resolve(fallback)
    tally: dict[str, Counter[str]] = {"development": Counter(), "check": Counter()}
    for result in extract(load_nlp(), documents):
        doc_id = result.document.doc_id
        if doc_id not in truth:
            continue
        found = article_setting(result.mentions, province, result.document.text).province
        want = truth[doc_id]
        if want == "-":
            outcome = "national, none inferred" if found is None else "national, a province inferred"
        else:
            outcome = "undecided" if found is None else "right" if found.name == want else "wrong"
        tally["check" if any(fnmatch(doc_id, p) for p in CHECK) else "development"][outcome] += 1
    for split, counts in tally.items():
        outcomes = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
        print(f"{split:12} {sum(counts.values()):3d} articles: {outcomes}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:4])
