"""Bodies named by how the press writes them, not by a suffix the organization rule walks from.

Kept apart from ``organizations.py`` so that it stays readable:

* a source credit closing a paragraph, a body in brackets (（某省医学会）, （某委某处）);
* the medium an article is taken from (（来源：某区报）, 来源：某某新闻网);
* a paper in 《》, named inside its title marks (《某某日报》 -> 某某日报, as general news annotates
  it; the graph drops the marks anyway), its press named with them (《某某卫生报》社), the titles of
  a list of papers (主办《甲》和《乙》两份报纸), which kg.nlp.relations reads whole, and a unit
  of a press (《甲报》社（《乙报》社）综合部).
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate
from kg.nlp.rules.org_edges import SUFFIXES

_HAN = lx.NAME_HAN
# A source credit closing a paragraph: (某省医学会), (省卫健委某某处).
_CREDIT = re.compile(r"\(([\u4e00-\u9fff]{3,20})\)")
# The medium an article is taken from: (来源:某区报), 来源:某某新闻网.
_SOURCE = re.compile(r"来源[::]([\u4e00-\u9fff]{2,12}?(?:报|网|台|社|杂志|客户端))(?=$|[^\u4e00-\u9fff])")
# Newspapers printed in 《》 are organizations: 《某某卫生报》社.
_PAPER = re.compile(r"《([\u4e00-\u9fff·]{2,12}(?:报|杂志|周刊|日报|晚报))》(社)?")
# Titles that the words after them call papers: 主办《甲》和《乙》两份报纸.
_PAPER_LIST = re.compile(
    r"((?:《[\u4e00-\u9fff·]{2,12}》[及和与、]?)+)(?:[两三四五六七八九十\d]+[张份种本家])?(?:报纸|报刊|刊物|杂志|期刊)"
)
_TITLE_IN_LIST = re.compile(r"《[\u4e00-\u9fff·]{2,12}》")
# A unit of a press, the press written with a second name in brackets: 《A报》社（《B报》社）综合部.
_PRESS_UNIT = re.compile(r"《[^《》]{2,12}》社(?:\(《[^《》]{2,12}》社\))?([\u4e00-\u9fff]{1,4}?(?:部|室|处|科|中心))")


def credits(text: str) -> list[Candidate]:
    """Bodies a paragraph is credited to (（某省医学会） closing it) and the media an article is
    taken from (来源：某区报)."""
    out = []
    for m in _CREDIT.finditer(text):
        inner = m.group(1)
        closes = m.end() == len(text) or not _HAN.match(text[m.end()]) or text[m.start() - 1 : m.start()] in "。!?"
        if closes and inner.endswith(SUFFIXES) and not text.startswith(lx.GENERIC_PREFIX, m.start(1)):
            out.append(Candidate(m.start(1), m.end(1), "ORG", "credit", priority=1))
    for m in _SOURCE.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "ORG", "source", priority=1))
    return out


def papers(text: str) -> list[Candidate]:
    """Papers in 《》 (named inside the marks), their presses (《某某报》社, with them), the titles of
    a list of papers, and units of a press."""
    out = []
    for m in _PAPER.finditer(text):
        start, end = (m.start(), m.end()) if m.group(2) else (m.start(1), m.end(1))
        out.append(Candidate(start, end, "ORG", "newspaper", priority=1))
    for m in _PAPER_LIST.finditer(text):
        for t in _TITLE_IN_LIST.finditer(text, m.start(1), m.end(1)):
            out.append(Candidate(t.start(), t.end(), "ORG", "newspaper", priority=1))
    for m in _PRESS_UNIT.finditer(text):
        if not any(ch in lx.NAME_STOP for ch in m.group(1)):
            out.append(Candidate(m.start(), m.end(), "ORG", "press unit", priority=2, nests=True))
    return out
