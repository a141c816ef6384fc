"""Extraction speed, peak memory and F1: kg's spaCy pipeline against jieba's POS tagger (issue 3).

Each system runs in a fresh subprocess pinned to one core (``--worker NAME``, hidden), so
peak RSS covers that system only. See ``benchmarks/README.md`` for what each column means.

    python benchmarks/extraction.py [--mb 2] [--gold ../shared/gold] [--bio FILE ...] [--limit N] [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DEFAULT_GOLD = REPO.parent / "shared" / "gold"
NER = REPO.parent / "shared" / "data" / "ner"
BIO_NAMES = {"peoples_daily.test.bio": "People's Daily test", "msra.test.bio": "MSRA test"}
JIEBA_TYPES = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
LIKE_TYPES = ("PER", "ORG", "LOC")  # the types both systems have (jieba has no PROG)
SYSTEMS = ("kg", "jieba")
RESULT = "@@RESULT@@ "  # prefix of the worker's JSON line on stdout
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
               "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS")

Spans = list[tuple[int, int, str]]


def current_rss_kib() -> int:
    """Resident set size now, from ``/proc/self/status`` (KiB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux >= 4.0) to the current RSS; False if not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def seed_documents() -> list[Any]:
    from kg.normalise import normalise

    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"no seeds/*.txt under {REPO}")
    return [normalise(p.name, str(p), p.read_text(encoding="utf-8-sig")) for p in paths]


def corpus(seeds: list[Any], mb: float) -> list[Any]:
    """The normalised seed documents, repeated until their UTF-8 text reaches ``mb`` MB (10**6 bytes)."""
    documents, size, target = [], 0, mb * 1_000_000
    while size < target:
        for doc in seeds:
            documents.append(doc)
            size += len(doc.text.encode("utf-8"))
    return documents


def jieba_spans(text: str) -> Spans:
    """Words jieba tags ``nr``/``ns``/``nt`` as (start, end, PER/LOC/ORG), offsets by summing word lengths."""
    import jieba.posseg

    spans: Spans = []
    offset = 0
    for pair in jieba.posseg.cut(text):
        end = offset + len(pair.word)
        if pair.flag in JIEBA_TYPES:
            spans.append((offset, end, JIEBA_TYPES[pair.flag]))
        offset = end
    return spans


def counts_dict(c: Any) -> dict[str, Any]:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}


def gold_scores(system: str, gold_dir: Path) -> dict[str, Any]:
    """Mention F1 on the gold files: distinct (doc, type, normalised mention) triples, per type and micro."""
    from kg.evaluate import Counts, load_gold, normalise_mention

    gold = load_gold(gold_dir)
    if system == "kg":
        from kg.build import BuildSettings, make_graph
        from kg.evaluate import score_mentions

        graph, _ = make_graph([SEEDS], BuildSettings())
        per_type = dict(score_mentions(graph, gold).per_type)
    else:
        seeds = {d.doc_id: d for d in seed_documents()}
        docs = {doc_id: g for doc_id, g in gold.items() if doc_id in seeds}
        predicted: dict[str, set[tuple[str, str]]] = defaultdict(set)
        expected: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for doc_id, g in docs.items():
            text = seeds[doc_id].text
            for start, end, label in jieba_spans(text):
                if mention := normalise_mention(text[start:end]):
                    predicted[label].add((doc_id, mention))
            for (label, _), mentions in g.entities.items():
                expected[label].update((doc_id, m) for m in mentions if m)
        per_type = {t: Counts(len(predicted[t] & expected[t]), len(predicted[t] - expected[t]),
                              len(expected[t] - predicted[t])) for t in LIKE_TYPES}
    like = sum((per_type[t] for t in LIKE_TYPES), Counts())
    out = {"per_type": {t: counts_dict(c) for t, c in per_type.items()}, "micro_like": counts_dict(like)}
    if system == "kg":
        out["micro_all"] = counts_dict(sum(per_type.values(), Counts()))
    return out


def bio_scores(system: str, path: Path, limit: int | None, nlp: Any) -> dict[str, Any]:
    """Exact (start, end, type) span micro F1 over PER/LOC/ORG on one BIO file."""
    from kg.evaluate import BIO_TYPES, Counts, read_bio, score_bio

    if system == "kg":
        bio = score_bio(nlp, path, limit)
        per_type, sentences, chars, seconds = bio.scores.per_type, bio.sentences, bio.chars, bio.seconds
    else:
        data = read_bio(path)[:limit]
        predicted: dict[str, set[tuple[int, int, int]]] = defaultdict(set)
        expected: dict[str, set[tuple[int, int, int]]] = defaultdict(set)
        started = time.perf_counter()
        for i, (text, gold_spans) in enumerate(data):
            for side, spans in ((predicted, jieba_spans(text)), (expected, gold_spans)):
                for start, end, label in spans:
                    side[label].add((i, start, end))
        seconds = time.perf_counter() - started
        per_type = {t: Counts(len(predicted[t] & expected[t]), len(predicted[t] - expected[t]),
                              len(expected[t] - predicted[t])) for t in BIO_TYPES}
        sentences, chars = len(data), sum(len(t) for t, _ in data)
    micro = sum(per_type.values(), Counts())
    return {"file": str(path), "sentences": sentences, "chars": chars, "chars_per_s": chars / max(seconds, 1e-9),
            "per_type": {t: counts_dict(c) for t, c in per_type.items()}, "micro": counts_dict(micro)}


def worker(system: str, args: argparse.Namespace) -> dict[str, Any]:
    """One system in this (fresh, pinned) process: speed and peak memory first, then the F1 scores."""
    os.environ.update(dict.fromkeys(THREAD_VARS, "1"))  # before spaCy/numpy are imported
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    seeds = seed_documents()
    documents = corpus(seeds, args.mb)
    nlp: Any = None
    run: Callable[[list[Any]], list[Any]]
    if system == "kg":
        from kg.extract import extract
        from kg.nlp import load_nlp

        nlp = load_nlp()
        run = lambda docs: list(extract(nlp, docs))  # noqa: E731
    else:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
        run = lambda docs: [jieba_spans(d.text) for d in docs]  # noqa: E731
    run(seeds)  # warm-up: lazy dictionaries and caches load here, not in the timed pass
    load_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    reset = reset_peak()  # so the peak read below is the timed pass's own, not a load-time spike
    baseline = current_rss_kib()
    started, cpu_started = time.perf_counter(), time.process_time()
    results = run(documents)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started  # what a shared machine cannot inflate
    run_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = max(load_peak, run_peak)
    chars = sum(len(d.text) for d in documents)
    out: dict[str, Any] = {
        "system": system, "cpu": cpu, "documents": len(documents), "chars": chars,
        "utf8_bytes": sum(len(d.text.encode("utf-8")) for d in documents), "seconds": seconds,
        "chars_per_s": chars / seconds, "cpu_seconds": cpu_seconds, "chars_per_cpu_s": chars / cpu_seconds,
        "baseline_rss_mib": baseline / 1024, "peak_rss_mib": peak / 1024,
        "load_peak_rss_mib": load_peak / 1024, "run_peak_rss_mib": run_peak / 1024, "peak_reset": reset,
        "rss_increase_mib": (run_peak - baseline) / 1024,
    }
    del results  # counted by the peak above; the scores below need not share memory with it
    gold_dir = Path(args.gold)
    out["gold"] = gold_scores(system, gold_dir) if gold_dir.is_dir() else None
    out["bio"] = [bio_scores(system, Path(p), args.limit, nlp) for p in args.bio]
    return out


def spawn(system: str, argv: list[str]) -> dict[str, Any]:
    """Run ``--worker system`` in a fresh interpreter with single-threaded maths libraries."""
    env = {**os.environ, **dict.fromkeys(THREAD_VARS, "1")}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *argv, "--worker", system],
                          env=env, capture_output=True, text=True, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT)]
    if proc.returncode or not lines:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"worker {system} failed (exit {proc.returncode})")
    return json.loads(lines[-1][len(RESULT):])


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.processor() or "unknown")
    from importlib.metadata import version

    versions = {name: version(name) for name in ("spacy", "jieba")}
    digest = hashlib.sha256()  # which kg the figures belong to (no git here): its sources and config
    for path in sorted(p for p in (REPO / "kg").rglob("*") if p.suffix in (".py", ".cfg", ".txt")):
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    versions["kg_source_sha256"] = digest.hexdigest()[:12]
    return {"cpu_model": model, "cpus_allowed": len(os.sched_getaffinity(0)), "python": platform.python_version(),
            "platform": platform.platform(), "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            **versions}


def f1(score: dict[str, Any] | None, key: str) -> str:
    return "n/a" if not score or key not in score else f"{score[key]['f1']:.3f}"


def table(results: dict[str, dict[str, Any]], bio_files: list[str]) -> str:
    bio_cols = [BIO_NAMES.get(Path(p).name, Path(p).name) for p in bio_files]
    head = ["system", "chars/s", "chars per CPU-s", "peak RSS MiB", "RSS increase MiB", "gold micro F1 (PER/ORG/LOC)",
            "gold micro F1 (all types)", *[f"{c} micro F1" for c in bio_cols]]
    rows = []
    for name, label in (("kg", "kg (kg.nlp pipeline)"), ("jieba", "jieba posseg nr/ns/nt")):
        r = results[name]
        rows.append([label, f"{r['chars_per_s']:,.0f}", f"{r['chars_per_cpu_s']:,.0f}",
                     f"{r['peak_rss_mib']:.1f}", f"{r['rss_increase_mib']:.1f}",
                     f1(r["gold"], "micro_like"), f1(r["gold"], "micro_all"), *[f1(b, "micro") for b in r["bio"]]])
    rule = "|---|" + "---:|" * (len(head) - 1)
    lines = ["| " + " | ".join(head) + " |", rule]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def report(results: dict[str, dict[str, Any]], info: dict[str, Any], args: argparse.Namespace) -> str:
    r = results["kg"]
    lines = [f"Machine: {info['cpu_model']} ({info['cpus_allowed']} CPUs allowed, benchmark pinned to 1); "
             f"Python {info['python']}; spaCy {info['spacy']}; jieba {info['jieba']}; {info['date']}; "
             f"kg sources sha256 {info['kg_source_sha256']}",
             f"Corpus: seeds/*.txt normalised, repeated to {r['utf8_bytes'] / 1e6:.2f} MB UTF-8 "
             f"({r['documents']} documents, {r['chars']:,} characters); one warm-up pass, load time excluded.",
             "", table(results, args.bio), ""]
    if not all(results[name]["peak_reset"] for name in SYSTEMS):
        lines.append("Note: /proc/self/clear_refs not writable: RSS increase counts load-time peaks too.")
    for name in SYSTEMS:
        g = results[name]["gold"]
        if g:
            per = ", ".join(f"{t} {c['f1']:.3f}" for t, c in g["per_type"].items())
            lines.append(f"Gold per-type F1, {name}: {per}" + ("" if name == "kg" else ", PROG n/a"))
    if not results["kg"]["gold"]:
        lines.append(f"Gold F1 skipped: no folder {args.gold}")
    for b in results["kg"]["bio"]:
        lines.append(f"BIO {Path(b['file']).name}: {b['sentences']} sentences, {b['chars']:,} characters"
                     + (f" (first {args.limit})" if args.limit else ""))
    if not args.bio:
        lines.append("BIO F1 skipped: no test sets given or found")
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of UTF-8 text (default 2)")
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold folder (default ../shared/gold)")
    parser.add_argument("--bio", nargs="*", default=None, help="BIO test sets (default: People's Daily, MSRA test)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences of each BIO file")
    parser.add_argument("--json", type=Path, default=None, help="also write all figures to this JSON file")
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bio is None:
        args.bio = [str(p) for p in (NER / "peoples_daily.test.bio", NER / "msra.test.bio") if p.exists()]
    return args


def main() -> None:
    args = parse()
    if args.worker:
        print(RESULT + json.dumps(worker(args.worker, args), ensure_ascii=False), flush=True)
        return
    argv = ["--mb", str(args.mb), "--gold", args.gold, "--bio", *args.bio]
    argv += ["--limit", str(args.limit)] if args.limit else []
    info = machine()
    results = {name: spawn(name, argv) for name in SYSTEMS}  # one after the other: no contention for the core
    print(report(results, info, args))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "args": {k: v for k, v in vars(args).items()
                                         if k not in ("worker", "json")}, "results": results},
                                        ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
