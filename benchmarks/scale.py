"""Scale benchmark (issue 13): a whole `kg build` of N synthetic articles, stage by stage.

    python benchmarks/scale.py                       # 1,000 articles: --jobs 1, --jobs 2, +1 article, jieba
    python benchmarks/scale.py --articles 1000 2000 10000 --json /tmp/scale.json

The corpus is ``benchmarks/synthetic.py``'s: ~2,000-character articles laid out from
the public NER sentences (``../shared/data/ner``), the same files for the same N.
For each N, each run is a fresh interpreter (the script calls itself with ``--run``)
importing one copy of the ``kg`` package made at the start (see ``snapshot``):

1. a full build with ``--jobs J`` for each J of ``--jobs`` (default 1 then 2), each
   starting from an empty cache and filling it;
2. one article added, the last J, with that cache: the incremental build;
3. jieba's POS tagger (``jieba.posseg.cut``) over the same normalised texts on one
   core: the public baseline (its dictionary load timed apart).

It prints wall and CPU seconds (this process and its children: the machine is
shared, so CPU seconds are the steadier figure), each stage's wall seconds and
per-article milliseconds, the peak resident memory of the process tree (the
sum over the build and its workers, sampled every 0.25 s with psutil: a sample costs about
3 ms of CPU, which at 10 a second took 3 % of a core from a build using both), and what
the build process holds at the end of each stage (where memory is kept).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", HERE / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class PeakMemory:
    """The largest sum of RSS over this process and all its descendants, sampled in a thread;
    also the largest sum while each stage ran (``stage`` is set by the build's progress) and
    which processes made it up then (the build process, the side writer, extraction workers)."""

    def __init__(self, interval: float = 0.25) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak = 0
        self.stage = "start"
        #: stage -> (peak of the tree's sum, the build process's RSS then, the others' RSS then)
        self.stages: dict[str, tuple[int, int, list[int]]] = {}
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = []
            for proc in [self.me, *self.me.children(recursive=True)]:
                with contextlib.suppress(Exception):  # a worker that just ended
                    sizes.append(proc.memory_info().rss)
            total = sum(sizes)
            self.peak = max(self.peak, total)
            if total > self.stages.get(self.stage, (0,))[0]:
                self.stages[self.stage] = (total, sizes[0] if sizes else 0, sorted(sizes[1:], reverse=True))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_build(corpus: Path, out: Path, jobs: int, cache: Path | None) -> dict:
    """One build in this interpreter; the figures as a dict."""
    import psutil

    from kg.build import BuildSettings, build

    stage_cpu: dict[str, list[float]] = {}
    stage_rss: dict[str, float] = {}
    me = psutil.Process()

    def progress(stage: str, done: int, total: int) -> None:
        # the write stage by the build process's file being written (its files in order; the
        # side writer's run meanwhile), so the peak can be put down to a writer
        memory.stage = f"{stage} {done + 1}/{total}" if stage == "write" and done < total else stage
        # this process's CPU seconds from a stage's first call to its last (with --jobs 1: all of it)
        now = time.process_time()
        stage_cpu.setdefault(stage, [now, now])[1] = now
        if done == total:  # what the build process holds once the stage is over (MiB)
            stage_rss[stage] = me.memory_info().rss / 2**20

    started, cpu = time.perf_counter(), os.times()
    with PeakMemory() as memory:
        report = build([corpus], out, BuildSettings(jobs=jobs, cache=cache), progress=progress)
    ended = os.times()
    return {
        "documents": len(report.graph.documents), "entities": len(report.graph.entities),
        "triples": report.triples, "errors": len(report.errors),
        "wall": time.perf_counter() - started,
        "cpu": (ended.user - cpu.user) + (ended.system - cpu.system)
        + (ended.children_user - cpu.children_user) + (ended.children_system - cpu.children_system),
        "stages": dict(report.stages), "extracted": report.extracted, "cached": report.cached,
        "peak_mib": memory.peak / 2**20,
        "stages_cpu_main": {stage: end - begin for stage, (begin, end) in stage_cpu.items()},
        "stages_rss_main": stage_rss,
        "stages_peak_mib": {stage: [total / 2**20, main / 2**20, [o / 2**20 for o in others]]
                            for stage, (total, main, others) in memory.stages.items()},
    }


def run_jieba(corpus: Path) -> dict:
    """jieba.posseg.cut over every normalised article, on this one core."""
    import jieba
    import jieba.posseg

    from kg.normalise import normalise
    from kg.read import read_all

    texts, _ = read_all([corpus])
    documents = [normalise(t.doc_id, t.source, t.text).text for t in texts]
    started = time.perf_counter()
    jieba.initialize()
    load = time.perf_counter() - started
    cpu = time.process_time()
    started = time.perf_counter()
    words = sum(1 for text in documents for _ in jieba.posseg.cut(text))
    return {"load": load, "wall": time.perf_counter() - started, "cpu": time.process_time() - cpu,
            "words": words, "chars": sum(map(len, documents))}


#: A copy of the kg package the runs import (see ``snapshot``); None: the installed one.
SNAPSHOT: Path | None = None


def snapshot(work: Path) -> Path:
    """Copy the ``kg`` package into ``work`` for every run to import.

    The cache's key covers every file of the package (``kg.cache``), so on a tree
    being edited the incremental run would rightly extract everything again; the
    runs of one benchmark must see one version of the code.
    """
    import kg

    target = work / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(Path(kg.__file__).parent, target / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def in_fresh_process(*args: str) -> dict:
    env = dict(os.environ)
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SNAPSHOT), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, __file__, "--run", *args], check=True, capture_output=True, text=True,
                          env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def stage_line(name: str, figures: dict, articles: int) -> str:
    stages = "  ".join(f"{k} {v:.1f}s ({1000 * v / articles:.1f} ms/art)" for k, v in figures["stages"].items())
    cpu = "  ".join(f"{k} {v:.1f}s" for k, v in figures.get("stages_cpu_main", {}).items())
    rss = "  ".join(f"{k} {v:.0f}" for k, v in figures.get("stages_rss_main", {}).items())
    peaks = "  ".join(f"{k} {total:.0f} (build {main:.0f}" + "".join(f" + {o:.0f}" for o in others) + ")"
                      for k, (total, main, others) in figures.get("stages_peak_mib", {}).items())
    return (f"  {name:<14} wall {figures['wall']:7.1f} s  cpu {figures['cpu']:7.1f} s  "
            f"peak {figures['peak_mib']:6.0f} MiB  extracted {figures['extracted']:>5}  | {stages}"
            f"\n  {'':<14} cpu of the main process by stage: {cpu}"
            f"\n  {'':<14} resident MiB of the main process after each stage: {rss}"
            f"\n  {'':<14} peak MiB of the process tree while each stage ran (build process + others): {peaks}")


def bench(articles: int, jobs_list: list[int], work: Path, jieba: bool = True) -> dict:
    synthetic = _synthetic()
    corpus = work / f"texts-{articles}"
    synthetic.write_articles(corpus, articles)
    cache = work / f"cache-{articles}"
    figures: dict = {"articles": articles}
    print(f"{articles} articles ({sum(p.stat().st_size for p in corpus.iterdir()) / 1e6:.1f} MB)", flush=True)
    for jobs in jobs_list:
        shutil.rmtree(cache, ignore_errors=True)  # every full build starts from an empty cache and fills it
        figures[f"jobs{jobs}"] = in_fresh_process("build", str(corpus), str(work / f"out-{jobs}"), str(jobs),
                                                  str(cache))
        print(stage_line(f"--jobs {jobs}", figures[f"jobs{jobs}"], articles), flush=True)
        if jobs != 1 and "jobs1" in figures:
            speedup = figures["jobs1"]["wall"] / figures[f"jobs{jobs}"]["wall"]
            print(f"  speed-up --jobs {jobs} over --jobs 1: {speedup:.2f}x (wall)", flush=True)
    last = jobs_list[-1]
    synthetic.write_articles(corpus, articles + 1)  # the same N files again, and one more
    figures["incremental"] = in_fresh_process("build", str(corpus), str(work / f"out-{last}"), str(last), str(cache))
    print(stage_line("+1 article", figures["incremental"], articles + 1), flush=True)
    for jobs in jobs_list:  # against each full build: the same --jobs as the incremental one, and the others
        full = figures[f"jobs{jobs}"]
        print(f"  incremental (--jobs {last}) / full build --jobs {jobs}: "
              f"{figures['incremental']['wall'] / full['wall']:.1%} wall, "
              f"{figures['incremental']['cpu'] / full['cpu']:.1%} cpu", flush=True)
    (corpus / f"a{articles:04d}.txt").unlink()
    if not jieba:
        return figures
    figures["jieba"] = in_fresh_process("jieba", str(corpus))
    j = figures["jieba"]
    first = figures[f"jobs{jobs_list[0]}"]
    print(f"  jieba.posseg  load {j['load']:.1f} s, tagging wall {j['wall']:.1f} s cpu {j['cpu']:.1f} s "
          f"({j['chars'] / max(j['cpu'], 1e-9) / 1000:.0f} k chars/s); kg --jobs {jobs_list[0]} cpu / jieba cpu: "
          f"{first['cpu'] / max(j['cpu'], 1e-9):.2f}x", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, help="folder for corpora, outputs, caches (default: a temp folder)")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--no-jieba", action="store_true", help="skip the jieba baseline")
    parser.add_argument("--run", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        kind, *rest = args.run
        if kind == "build":
            corpus, out, jobs, cache = rest
            print(json.dumps(run_build(Path(corpus), Path(out), int(jobs), Path(cache) if cache else None)))
        else:
            print(json.dumps(run_jieba(Path(rest[0]))))
        return
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}")
    global SNAPSHOT
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        SNAPSHOT = snapshot(work)
        results = [bench(n, args.jobs, work, not args.no_jieba) for n in args.articles]
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
