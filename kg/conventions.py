"""Conventions of Chinese official names that both the extractor and the linker apply.

The extractor (``kg.nlp``: rules and relation patterns, per document) and the linker
(``kg.link``, corpus-wide) must read a unit's Party committee, a level of government, a
clause of purpose or a document's title the same way. These conventions live here, in a
module of neither stage, so that neither stage imports the other. Plain Python and the
``kg/resources`` word lists: importing it loads no pipeline.
"""

from __future__ import annotations

import re
from importlib.resources import files

from kg.normalise import comparison_form

#: Party bodies of a unit that carry its staff's posts (党委书记 of X is a post of X).
PARTY_BODIES: tuple[str, ...] = ("党委", "党组")
#: The relation kind of a post in a unit of a body (``kg.nlp.relations.posts`` reads it), and the
#: mark between the unit and the title in its ``role``: ``组织部|部长``.
UNIT_ROLE = "unit_role"
UNIT_MARK = "|"
#: Departments of a Party committee, as written before a title -> as the department's name has it.
PARTY_DEPARTMENTS: dict[str, str] = {
    "组织部": "组织部",
    "宣传部": "宣传部",
    "统战部": "统一战线工作部",
    "统一战线工作部": "统一战线工作部",
    "政法委": "政法委员会",
    "纪委": "纪律检查委员会",
}
#: Heads of a level of government: the character is the level the government's name ends with.
_GOVERNMENT_HEAD = re.compile(r"^(?:常务)?代?副?(省|市|县|区|州|镇|乡|旗)长$")
#: ``为`` opening a clause of purpose (为贯彻…, 为进一步…), not the verb or preposition of
#: 为主, 为期, 为止, 为此, 为题.
_PURPOSE = re.compile(r"为(?!主|期|止|此|题)")
#: Marks after which a clause begins.
_CLAUSE_MARKS = ",，;；:：。!?！？"
#: An edition, status or period bracket at the end of a document's title: ``(送审稿)``,
#: ``(试行)``, ``(2023年版)``, ``(2019—2030年)``. The same document is cited with and without it.
_EDITION_BRACKET = re.compile(r"\([^()]*\)$")


def _suffixes() -> tuple[str, ...]:
    """The organization name endings of ``kg/resources`` (the lists the entity rules use), read
    here without the pipeline so that the graph stage does not load spaCy."""
    words: set[str] = set()
    for name in ("org_suffixes_strong.txt", "org_suffixes_weak.txt"):
        text = files("kg.resources").joinpath(name).read_text(encoding="utf-8")
        words.update(w for w in (line.strip() for line in text.splitlines()) if w and not w.startswith("#"))
    return tuple(sorted(words, key=len, reverse=True))


BODY_SUFFIXES = _suffixes()


def government_level(title: str) -> str | None:
    """``副县长`` -> ``县``: the level of government whose head the title names, else None."""
    m = _GOVERNMENT_HEAD.match(title)
    return m.group(1) if m else None


def unit_of_party_body(name: str) -> str | None:
    """``北京大学党委`` -> ``北京大学``: the unit whose Party committee (or 党组) the name is.

    Only when the rest is itself a complete body (it ends like one): ``自治区党委``
    is a committee of a region, not of a unit, and keeps the posts written with it."""
    for body in PARTY_BODIES:
        if name.endswith(body):
            unit = name[: -len(body)]
            if len(unit) >= 2 and unit.endswith(BODY_SUFFIXES) and unit not in BODY_SUFFIXES:
                return unit
    return None


def in_purpose_clause(text: str, start: int, end: int, breaks: frozenset[int] = frozenset()) -> bool:
    """Whether ``text[start:end]`` (the stretch before a program, after its sentence's last body)
    holds a clause of purpose: ``为`` opening a clause (after a clause mark, at a line break or at
    the start of the text), as in ``某委组织义诊⏎为贯彻…，全面开展X`` (X is the aim, not a program
    the headline's body runs). ``A为…开展X``, with the body the subject of ``为``, is no such clause."""
    for m in _PURPOSE.finditer(text, start, end):
        at = m.start()
        if at == 0 or text[at - 1] in _CLAUSE_MARKS or at in breaks:
            return True
    return False


def canonical_document(surface: str) -> str:
    """A document is named by its title: the comparison form (no 《》 or quotes) without an
    edition or status bracket at the end (``…若干措施(送审稿)`` -> ``…若干措施``), so that the
    draft, the trial version and the final text cited in two articles are one entity."""
    return _EDITION_BRACKET.sub("", comparison_form(surface))
