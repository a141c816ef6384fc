"""Credits that name writers and photographers by their work, (甲 乙/文 丙 丁/摄) (issue 11), on
credits written for these tests: every name of each run before /文, /摄 … is a person."""

from __future__ import annotations

from kg.nlp.rules.people import make_person_rules
from kg.normalise import normalise


def people(raw: str) -> set[str]:
    d = normalise("t.txt", "t.txt", raw)
    return {d.text[c.start : c.end] for c in make_person_rules()(d.text, d.breaks, []) if c.label == "PER"}


def test_writers_and_photographers_by_their_work():
    raw = "双方互赠了纪念品。(郑晓岚 侯文斌/文 邱明远 关立新/摄)"
    assert people(raw) >= {"郑晓岚", "侯文斌", "邱明远", "关立新"}


def test_one_writer_and_one_photographer():
    assert people("仪式结束后合影留念。(魏子涵/文 方永康/摄)") >= {"魏子涵", "方永康"}


def test_run_that_is_no_list_of_names_gives_none():
    """A run that does not split into whole names (no breaks between them) names nobody."""
    assert not people("详见下文。(本报综合整理/文)")
