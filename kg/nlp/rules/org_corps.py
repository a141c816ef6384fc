"""The Xinjiang Production and Construction Corps' divisions, each one body with its city (issue 11).

Each of the corps' numbered divisions (师) and the city it runs are one administration (师市合一),
and the press names it so: 第某师 + the city (十三师某市党委, 某师某市卫健委). The city alone is a
place; the numbered division written right before it makes the pair a body, as the domain gold
counts it. Read from the pattern, a numbered 师 right before a city the gazetteer or the rules
found, never from a list of divisions; an army's division (某军某师) is followed by no city.
"""

from __future__ import annotations

import re

from kg.nlp.candidate import Candidate

_DIVISION = re.compile(r"第?[一二三四五六七八九十]{1,3}师")
_CITY = "市"


def corps_divisions(text: str, places: list[Candidate]) -> list[Candidate]:
    """``十三师某市``: a numbered division right before a city found as a place is one body."""
    cities = {c.start: c for c in places if c.label == "LOC" and c.mention and text[c.end - 1] == _CITY}
    out = []
    for m in _DIVISION.finditer(text):
        city = cities.get(m.end())
        if city is not None:
            out.append(Candidate(m.start(), city.end, "ORG", "corps division", priority=city.priority))
    return out
