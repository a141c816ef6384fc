"""A county's or district's short name, once the same text names the division in full (issue 11).

Short names of counties and districts (青云 for 青云县, 白石 for 白石区) are mostly ordinary
words elsewhere, so the gazetteer match keeps them only as anchors of bodies' names
(``places._short_name_usable``). Within one article that names the division in full (as a
place, or inside a body's name: 青云县总医院), the short name written again is that division:
news shortens a place it has introduced (在白石召开, 青云百姓), and the domain gold counts these
as place mentions. The short name must stand as a word of its own (not 青云 cut from the
longer word 青云直上) and be no everyday word of the dictionary (清水, 白云); jieba's tag is not
asked (it calls 双流 a common noun). Townships, which the gazetteer knows by full name only
(某某镇, 某某街道), are read the same way: 在某某镇卫生院 … 某某专场.
"""

from __future__ import annotations

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon
from kg.nlp.candidate import Candidate

#: Divisions whose short names this reads: counties and districts (higher levels' are usable anyway).
_LEVELS = ("county",)
#: Suffixes of townships' full names, whose stem the text may write alone after the full name.
_TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")
_MIN_STEM = 2
#: What follows a township's full name where it certainly names the town: its bodies and villages.
_TOWN_BODIES = ("卫生院", "人民政府", "政府", "党委", "人大", "村", "社区", "中心", "中学", "小学", "派出所")
#: After a short name, a word that makes it an origin, not a place (某某籍: NOTES, no LOC).
_ORIGIN = "籍"


def named_in_full(text: str, places: list[Candidate]) -> list[Candidate]:
    """``places`` with each anchor-only short name made a mention where its division's full name
    is also in ``text``."""
    gazetteer = load_gazetteer()
    everyday = lexicon.everyday_words()
    out = []
    for c in places:
        surface = text[c.start : c.end]
        if c.mention or c.rule != "gazetteer" or surface in everyday or text.startswith(_ORIGIN, c.end):
            out.append(c)
            continue
        divisions = [p for p in gazetteer.lookup(surface) if p.name != surface and p.level in _LEVELS]
        if any(p.name in text for p in divisions):
            out.append(c._replace(mention=True, rule="short-named-in-full"))
        else:
            out.append(c)
    return out


def townships_named_again(text: str, places: list[Candidate]) -> list[Candidate]:
    """The stem of a township named in full in ``text`` (某某镇 -> 某某), written again as a word of
    its own outside any place found (某某、某某专场), is that township."""
    gazetteer = load_gazetteer()
    everyday = lexicon.everyday_words()
    starts = lexicon.word_starts(text)
    covered = {i for c in places if c.mention for i in range(c.start, c.end)}
    stems = set()
    for c in places:
        if not text.startswith(_TOWN_BODIES, c.end):
            continue  # 世界某某乡: a township's name used as a title; 某某镇卫生院 shows the town
        for p in gazetteer.lookup(text[c.start : c.end]):
            suffix = next((s for s in _TOWNSHIP_SUFFIXES if p.name.endswith(s)), "")
            if p.level == "township" and suffix and len(p.name) - len(suffix) >= _MIN_STEM:
                stems.add((p.name[: -len(suffix)], suffix))
    out = []
    for stem, suffix in stems:
        if stem in everyday:
            continue
        at = text.find(stem)
        while at >= 0:
            end = at + len(stem)
            if (
                not covered & set(range(at, end))
                and not text.startswith(suffix, end)
                and at in starts
                and end in starts
            ):
                out.append(Candidate(at, end, "LOC", "township-named-again"))
            at = text.find(stem, end)
    return out
