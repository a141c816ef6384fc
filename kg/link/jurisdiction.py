"""Where an article is set: the province, city, county and district its bare prefixes mean.

``省卫健委`` in a Jiangxi article is 江西省卫生健康委员会, in a Hebei article the
Hebei one; ``市医保局`` at a Fuzhou event is Fuzhou's. The article says where it
is set by the places it names (``南昌``, ``靖西市``), by the full names of its
bodies (``四川省骨科医院``, ``宿迁市发展促进会``, ``青海新闻网`` in a dateline) and
by its paper's name. Each such mention is a vote for a division (and for the
province holding it); a bare prefix takes the division that is clearly named
most. The reading is conservative, since a wrong jurisdiction merges two bodies
while none only leaves one unmerged: the user's ``--province`` (the paper's
province) is taken only when the article names no other province about as
often, and a prefix with no clear division stays as written.

The inference reads only an article's mentions (label and text), so ``kg
explain`` can recompute and show it from a built graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.gazetteer import Place, load_gazetteer
from kg.link.names import BARE_PREFIXES, canonical_place, clean, leading_place
from kg.model import Mention

__all__ = ["Setting", "Vote", "article_setting"]

_CLAUSE_MARKS = frozenset(",，;；:：")
#: A division named at least this often (and more than any other) is where the article is set.
MIN_VOTES = 2
#: The winning province must have at least this many times the votes of the runner-up.
MARGIN = 2


def _fits(prefix: str, place: Place) -> bool:
    """Whether a bare ``prefix`` can stand for ``place``: 省 a province named …省, 自治区 an
    autonomous region, 市 any city (a municipality such as 重庆市 too), 县 a county, 区 a
    district (not an autonomous region), 州 an autonomous prefecture."""
    name = place.name
    if prefix in ("省", "自治区"):
        return place.level == "province" and name.endswith(prefix)
    if prefix == "区":
        return place.level == "county" and name.endswith("区")
    return place.level != "township" and name.endswith(prefix)


@dataclass(frozen=True)
class Vote:
    """One mention naming a division: a place itself, or a body whose name starts with it."""

    mention: Mention
    surface: str
    place: Place


@dataclass(frozen=True)
class Setting:
    """Where one article is set. ``province``: what a bare 省 means (None: the article does
    not say clearly); ``divisions``: bare prefix -> division for the lower levels;
    ``reason``: in words, why (for ``kg explain``); ``votes``: every mention that named a division."""

    province: Place | None
    divisions: dict[str, Place]
    reason: str
    votes: tuple[Vote, ...] = ()
    #: Offsets of the article's clause marks (，；：), which end what a bare prefix can refer back to.
    clause_marks: frozenset[int] = frozenset()

    def place_for(self, prefix: str, mention: Mention) -> tuple[Place, str] | None:
        """The division a bare ``prefix`` in ``mention`` stands for, and why.

        The nearest fitting division named before it in the same clause comes first
        (``邵武市卫健局局长兼市总医院…``; ``四川省委书记、省人大常委会主任``), then the
        article's own. A province named in the clause is used only when the article
        has no clear province of its own, or that one."""
        before = [v.place for v in self.votes if v.mention.sentence == mention.sentence
                  and v.mention.end <= mention.start and _fits(prefix, v.place)
                  and not any(v.mention.end <= i < mention.start for i in self.clause_marks)]
        if prefix in ("省", "自治区"):
            if self.province is not None and _fits(prefix, self.province):
                return self.province, self.reason
            if self.province is None and before:
                return before[-1], f"named before it in the same clause ({before[-1].name})"
            return None
        if before and (self.province is None or before[-1].code[:2] == self.province.code[:2]):
            return before[-1], f"named before it in the same clause ({before[-1].name})"
        place = self.divisions.get(prefix)
        if place is None:
            return None
        return place, f"the article is set in {place.name} ({self.tally(place)})"

    def tally(self, place: Place, inside: bool = False) -> str:
        """Which mentions named ``place`` (``inside``: or a place inside it), e.g. ``南昌×2, 江西省×1``."""
        seen = Counter(v.surface for v in self.votes if place.code in (_chain(v.place) if inside else {v.place.code}))
        return ", ".join(f"{s}×{n}" for s, n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])))

    def describe(self) -> list[str]:
        """For ``kg explain``: the province and why, each division a bare prefix takes,
        and which mentions voted for each province named."""
        province = self.province.name if self.province else "none"
        lines = [f"province {province}: {self.reason}"]
        lines += [f"bare {p} = {place.name} ({self.tally(place)})" for p, place in sorted(self.divisions.items())]
        gazetteer = load_gazetteer()
        named = sorted({gazetteer.province_of(v.place.code) for v in self.votes}, key=lambda p: p.code)
        lines += [f"votes for {p.name}: {self.tally(p, inside=True)}" for p in named]
        return lines


def _chain(place: Place) -> set[str]:
    return {place.code, *(a.code for a in load_gazetteer().ancestors(place.code))}


def _named(surface: str, place: Place) -> bool:
    """A body's leading place counts by its full name, or by a short name of a province,
    prefecture or city (福建医科大学, 宿迁市发展促进会, 龙岩人民医院; not 红星医院)."""
    return surface == place.name or place.level in ("province", "prefecture") or place.name.endswith("市")


def _places_in(mention: Mention) -> list[tuple[str, Place]]:
    """The divisions a mention names: a place, or the places a body's name starts with
    (漳州市东山县总医院 names 漳州市 and 东山县)."""
    gazetteer = load_gazetteer()
    text = clean(mention.text)
    if mention.label == "LOC":
        place = canonical_place(text, None)[1]
        return [(text, place)] if place is not None else []
    if mention.label != "ORG":
        return []
    out: list[tuple[str, Place]] = []
    while (prefix := leading_place(text)) and prefix not in ("全国", "全省") and len(prefix) < len(text):
        candidates = list(gazetteer.lookup(prefix))
        if out:  # 漳州市东山县: the inner division is one inside the outer
            inside = [p for p in candidates if out[-1][1].code in _chain(p)]
            candidates = inside or candidates
        if len({p.code[:2] for p in candidates}) != 1 or not _named(prefix, candidates[0]):
            break
        out.append((prefix, min(candidates, key=lambda p: p.code)))
        text = text[len(prefix):]
    return out


def _decide(votes: list[Vote], fallback: Place | None) -> tuple[Place | None, str]:
    gazetteer = load_gazetteer()
    counts = Counter(gazetteer.province_of(v.place.code).code for v in votes)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return fallback, "the article names no place: --province" if fallback else "no place named"
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    province = gazetteer.by_code(top)
    if n >= MIN_VOTES and n >= MARGIN * second:
        return province, f"named most: {n} of {sum(counts.values())} mentions of places"
    if fallback is not None and MARGIN * counts.get(fallback.code, 0) >= n:
        return fallback, f"--province, named about as often as any other ({counts[fallback.code]} of {n})"
    others = ", ".join(f"{gazetteer.by_code(c).name} {k}" for c, k in ranked[:3])
    return None, f"no clear province ({others})"


def _division(prefix: str, votes: list[Vote], province: Place | None) -> Place | None:
    """The division of this prefix's kind the article names most (at least twice, more
    than any other), inside its province if it has one."""
    counts: dict[Place, int] = defaultdict(int)
    for v in votes:
        if _fits(prefix, v.place) and (province is None or v.place.code[:2] == province.code[:2]):
            counts[v.place] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].code))
    if ranked and ranked[0][1] >= MIN_VOTES and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0][0]
    if province is not None and _fits(prefix, province) and prefix == "市":
        return province  # 重庆市: a municipality is the province and the city at once
    return None


def article_setting(mentions: Iterable[Mention], fallback: Place | None, text: str = "") -> Setting:
    """Infer where the article of ``mentions`` is set; ``fallback`` is the user's ``--province``;
    ``text``: the article's text, whose clause marks bound a bare prefix's look-back."""
    votes = [Vote(m, surface, place) for m in sorted(mentions) for surface, place in _places_in(m)]
    province, reason = _decide(votes, fallback)
    divisions = {p: d for p in BARE_PREFIXES[2:] if (d := _division(p, votes, province)) is not None}
    marks = frozenset(i for i, ch in enumerate(text) if ch in _CLAUSE_MARKS)
    return Setting(province, divisions, reason, tuple(votes), marks)
