"""Programs found on text nobody tuned the program rules on, to read what a rule change adds or
removes (issue 11): People's Daily dev and Weibo train (general news and social media, whose gold
has no programs), the domain articles of the development split (``*_01``-``*_07`` only: the check
split's texts are never read) and the seeds. A rule that fires on ordinary phrases shows here.

    python benchmarks/prog_diff.py dump before.tsv            # with the tree before the change
    python benchmarks/prog_diff.py dump after.tsv             # ... and after it
    python benchmarks/prog_diff.py diff before.tsv after.tsv  # spans gone (-) and new (+)

Each row: source and sentence, start, end, the span, the rule that proposed it (``tagger`` for the
statistical tagger), and a little context. ``--model`` takes another tagger model (the fold models
show unseen text best: the tagger then finds almost no programs, the rules all of them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.evaluate import read_bio

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: The development split of the domain articles: the only ones a developer may read.
DEV_SUFFIXES = tuple(f"_{n:02d}" for n in range(1, 8))
CONTEXT = 12


def sources(shared: Path) -> Iterator[tuple[str, str]]:
    """(key, raw text) of every sentence or article read."""
    for name in ("peoples_daily.dev.bio", "weibo.train.bio"):
        path = shared / "data" / "ner" / name
        if path.exists():
            for i, (raw, _) in enumerate(read_bio(path)):
                yield f"{name.split('.')[0]}:{i}", raw
    for path in sorted((shared / "data" / "domain" / "texts").glob("*.txt")):
        if path.stem.endswith(DEV_SUFFIXES):
            yield path.stem, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds:{path.stem}", path.read_text(encoding="utf-8")


def dump(out: Path, shared: Path, model: str | None) -> None:
    from kg.nlp import load_nlp
    from kg.normalise import normalise

    nlp = load_nlp({"components.kg_tagger.model": model} if model else {})
    ruler = nlp.get_pipe("kg_mentions")
    log: list[tuple[int, int, str]] = []

    def recording(rule):
        def rule_and_log(text, breaks, found):
            proposed = rule(text, breaks, found)
            log.extend((c.start, c.end, c.rule) for c in proposed if c.label == "PROG")
            return proposed

        return rule_and_log

    ruler.rules = {name: recording(rule) for name, rule in ruler.rules.items()}
    rows = []
    for key, raw in sources(shared):
        document = normalise(key, key, raw)
        log.clear()
        doc = nlp.make_doc(document.nlp_text)
        doc.user_data["kg_text"] = document.nlp_text
        doc._.kg_breaks = document.breaks
        doc = nlp(doc)
        text = document.text
        for ent in doc.ents:
            if ent.label_ == "PROG":
                s, e = ent.start_char, ent.end_char
                why = next((r for a, b, r in log if (a, b) == (s, e)), "tagger")
                context = f"{text[max(0, s - CONTEXT) : s]}[{text[s:e]}]{text[e : e + CONTEXT]}".replace("\n", " ")
                rows.append(f"{key}\t{s}\t{e}\t{text[s:e]}\t{why}\t{context}")
    out.write_text("".join(f"{row}\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} programs -> {out}", file=sys.stderr)


def diff(before: Path, after: Path) -> None:
    def spans(path: Path) -> dict[tuple[str, str, str], str]:
        rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line)
        return {(r[0], r[1], r[2]): "\t".join(r[3:]) for r in rows}

    old, new = spans(before), spans(after)
    for key in sorted(old.keys() - new.keys()):
        print("-", key[0], old[key], sep="\t")
    for key in sorted(new.keys() - old.keys()):
        print("+", key[0], new[key], sep="\t")
    print(f"{len(old.keys() - new.keys())} gone, {len(new.keys() - old.keys())} new", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump", help="write the programs found to a file")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--model", help="another tagger model (components.kg_tagger.model)")
    dumping.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    diffing = sub.add_parser("diff", help="spans gone and new between two dumps")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.shared, args.model)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
