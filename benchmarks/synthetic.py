"""A corpus of article-sized texts made from the public NER sentences, for tests and benchmarks
that need thousands of entities (``tests/test_large_corpus.py``, ``benchmarks/export.py``).

The sentences of ``../shared/data/ner/peoples_daily.dev.bio`` and ``weibo.train.bio`` (the
splits that may be used freely; see that folder's README) are rebuilt from their characters
and laid end to end, one per line, into articles of about ``chars`` characters, in file
order, so the same call writes the same files. Past the last sentence they start again
from the first, so any number of articles can be made (later ones repeat earlier text).
"""

from __future__ import annotations

from pathlib import Path

from kg.evaluate import read_bio

#: the shared data folder beside the repository
NER_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"
SOURCES = ("peoples_daily.dev.bio", "weibo.train.bio")


def sentences(ner_dir: Path = NER_DIR) -> list[str]:
    """Every sentence of ``SOURCES``, in file order."""
    return [text for name in SOURCES for text, _ in read_bio(ner_dir / name)]


def write_articles(folder: Path, count: int, chars: int = 2000, ner_dir: Path = NER_DIR) -> list[Path]:
    """Write ``count`` articles ``a0000.txt`` … of at least ``chars`` characters into ``folder``."""
    pool = sentences(ner_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    taken = 0
    for number in range(count):
        lines: list[str] = []
        size = 0
        while size < chars:
            line = pool[taken % len(pool)]
            lines.append(line)
            size += len(line) + 1
            taken += 1
        path = folder / f"a{number:04d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
