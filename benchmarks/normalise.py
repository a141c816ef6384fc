"""How long ``kg.normalise.normalise`` takes on 1 MB of text, ordinary and adversarial.

Each case is ``--mb`` MB (10⁶ bytes) of UTF-8 text, normalised once untimed (to warm
caches) and then timed as the best of ``--repeat`` runs, in wall and in CPU seconds of
this process (on a shared machine the CPU figure is the one to compare):

- ``seeds``: the seeds' articles repeated (ordinary news text, lines and all);
- ``no whitespace``: the same text with every whitespace character removed: one line;
- ``traditional``: the seeds in traditional characters (OpenCC ``s2t``), which also get
  their simplified copy for extraction (``kg.script``);
- ``张三 repeated``: one line of a two-character word, which made the old doubled-line
  search quadratic (it never finished);
- ``doubled lines``: lines of headline length that are wholly doubled headlines, so the
  doubled-line rule's search runs on every line (its worst realistic case);
- ``pairs lines``: lines of 200 characters made of random adjacent pairs of three
  characters (``甲甲丙丙甲甲乙乙…``, seeded), which pass the rule's cheap filters and make
  its bounded search do the most work: the worst case, made up.

    python benchmarks/normalise.py            # prints a Markdown table
    python benchmarks/normalise.py --mb 4     # bigger inputs: time should grow linearly
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from collections.abc import Callable
from pathlib import Path

import opencc

from kg.normalise import normalise

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def to_size(unit: str, size: int) -> str:
    """``unit`` repeated (and cut) to ``size`` bytes of UTF-8."""
    per = len(unit.encode("utf-8")) / max(len(unit), 1)
    text = unit * (int(size / per / len(unit)) + 1)
    return text[: int(size / per)]


def cases(size: int) -> dict[str, str]:
    seeds = "".join(p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt")))
    headline = "北京医联党委与厦门大学附属第一医院"
    rng = random.Random(0)
    pairs = ["".join(rng.choice("甲乙丙") * 2 for _ in range(100)) for _ in range(1000)]
    return {
        "seeds": to_size(seeds, size),
        "no whitespace": to_size("".join(seeds.split()), size),
        "traditional": to_size(opencc.OpenCC("s2t").convert(seeds), size),
        "张三 repeated": to_size("张三", size),
        "doubled lines": to_size(headline * 2 + "\n", size),
        "pairs lines": to_size("\n".join(pairs) + "\n", size),
    }


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best wall and CPU seconds of ``repeat`` timed runs, after one untimed run."""
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return min(wall), min(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input, MB of UTF-8 (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per case; the best is shown (default 3)")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.mb:g} MB per case\n")
    print("| case | code points | lines | wall s | CPU s | MB/CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, raw in cases(int(args.mb * 1_000_000)).items():
        wall, cpu = best_of(lambda raw=raw: normalise("bench.txt", "bench.txt", raw), args.repeat)
        mb = len(raw.encode("utf-8")) / 1e6
        lines = raw.count("\n") + 1
        print(f"| {name} | {len(raw):,} | {lines:,} | {wall:.3f} | {cpu:.3f} | {mb / cpu:.1f} |")


if __name__ == "__main__":
    main()
