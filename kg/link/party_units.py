"""Which committee of a democratic party a unit of the party is under, when its name does not say.

A party's committees are named by their place (``九三学社福建省委员会``, ``农工党某市委会``); its units
below them often are not: the working committee of the provincial organs (``社省直工委``) or a
grassroots committee named after the body its members work in (``九三学社某大学委员会``). Such a unit
is under the committee of its level (``省直``: the province's) or of the place its name opens with
(``福建医科大学``: the 福建省 committee; ``莆田学院``: the 莆田市 one, the lowest that holds it), when
the article names exactly one such committee. Names are compared in official form (``full_name``).
"""

from __future__ import annotations

import re

from kg.gazetteer import load_gazetteer
from kg.link.names import PARTY_NAMES, leading_place

__all__ = ["CITY_COMMITTEE", "branch_committee", "committee_of_unit", "party_of_place_committee"]

#: After the party's name: a committee of a place (福建省委员会, 莆田市委员会).
_PLACE_COMMITTEE = re.compile(r"^(.{2,12}?[省市州盟区县])委员会")
#: After the party's name: the organs of a level (省直工委: the provincial organs' working committee).
_LEVEL_ORGANS = re.compile(r"^([省市县区])直")
#: A committee of 九三学社 of a city, which its branches (支社) are under.
CITY_COMMITTEE = re.compile(r"^九三学社(.{2,8}?[市州盟])委员会$")
#: Endings of a unit that is a committee of its own (工委, 某大学委员会), not a department of one.
_COMMITTEE_ENDS = ("委员会", "工委", "委会")


def _split(full: str) -> tuple[str, str] | None:
    party = next((p for p in PARTY_NAMES if full.startswith(p)), None)
    return (party, full[len(party) :]) if party else None


def committee_of_unit(full: str, committees: dict[str, str]) -> str | None:
    """The key of the committee ``full`` (a unit's name in official form) is under, among
    ``committees`` (key -> official name of the bodies of the unit's article); None when the name
    carries its parent (``九三学社某省委员会医卫专委会``), is a place's committee itself, or the
    article names no single committee that fits."""
    split = _split(full)
    if split is None or _PLACE_COMMITTEE.match(split[1]) or not split[1].endswith(_COMMITTEE_ENDS):
        return None
    party, rest = split
    places: dict[str, list[str]] = {}
    for key, name in sorted(committees.items()):
        other = _split(name)
        m = _PLACE_COMMITTEE.fullmatch(other[1]) if other and other[0] == party else None
        if m:
            places.setdefault(m.group(1), []).append(key)
    level = _LEVEL_ORGANS.match(rest)
    if level:
        found = [k for place, keys in places.items() if place.endswith(level.group(1)) for k in keys]
        return found[0] if len(found) == 1 else None
    gazetteer = load_gazetteer()
    place = gazetteer.resolve(leading_place(rest) or "-")
    if place is None:
        return None
    for name in (place.name, *(p.name for p in gazetteer.ancestors(place.code))):  # the lowest first
        if name in places:
            return places[name][0] if len(places[name]) == 1 else None
    return None


def branch_committee(name: str, committees: dict[str, str]) -> str | None:
    """``某县支社``, ``某学院附属医院支社``: a branch of 九三学社 is under the society's committee of the
    city its place (the one its name starts with) is in, when its article names that committee
    (``committees``: key -> official name of the bodies of the branch's article)."""
    gazetteer = load_gazetteer()
    place = gazetteer.resolve(leading_place(name) or "-")
    if place is None:
        return None
    around = {place.name, *(p.name for p in gazetteer.ancestors(place.code))}
    found = sorted(k for k, full in committees.items() if (m := CITY_COMMITTEE.match(full)) and m.group(1) in around)
    return found[0] if len(found) == 1 else None


def party_of_place_committee(full: str) -> str | None:
    """The party whose committee of a place ``full`` is (``中国农工民主党某省委员会`` -> ``中国农工民主党``,
    in official form), else None (a unit of a committee, a party itself, any other body)."""
    split = _split(full)
    return split[0] if split and _PLACE_COMMITTEE.fullmatch(split[1]) else None
