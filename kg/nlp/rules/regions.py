"""Regions named by provinces' one-character forms written together (京津冀, 粤港澳大湾区).

A province's one-character form alone is no place in running text (ANNOTATION.md); several of
them in a run name the region they make up, a place of its own.
"""

from __future__ import annotations

import re

from kg.gazetteer import PROVINCE_ABBREVIATIONS, load_gazetteer
from kg.nlp import lexicon
from kg.nlp.candidate import Candidate

#: One-character forms of provinces (and 疆 for Xinjiang): no place alone (赴京, 来闽), nor after 援 (援藏, 援疆).
PROVINCE_FORMS = frozenset(PROVINCE_ABBREVIATIONS) | {"疆"}
_RUN = re.compile("([" + "".join(sorted(PROVINCE_FORMS | {"云", "贵", "江"})) + "]{2,4})(大湾区|地区)?")


def province_runs(text: str) -> list[Candidate]:
    """``京津冀``, ``粤港澳大湾区``, ``川渝地区``: provinces' one-character forms written together
    name a region (ANNOTATION.md: named regions), three or more of them, or two with a region's
    head; not a division (新疆, 辽宁) that only looks like a run. 云, 贵 and 江 join such runs
    too (云贵川, 江浙沪), as everyday writing has them."""
    out = []
    for m in _RUN.finditer(text):
        run, head = m.group(1), m.group(2) or ""
        if len(run) + bool(head) < 3 or load_gazetteer().lookup(run):
            continue
        words = lexicon.word_starts(text)
        if text[m.start() - 1 : m.start()] in PROVINCE_FORMS or not {m.start(), m.end()} <= words:
            continue  # part of a longer run, or of a word (江苏|苏州 is no run 江苏苏)
        out.append(Candidate(m.start(), m.end(), "LOC", "province-run", priority=1))
    return out
