"""The user's corrections to linking, read from ``--aliases FILE`` (TOML or TSV).

TOML::

    [[merge]]                    # these names are one entity ...
    names = ["省立医院", "福建省立医院"]
    canonical = "福建省立医院"   # ... named so (optional)

    [[split]]                    # these are never one entity
    names = ["第一医院", "厦门大学附属第一医院"]

TSV, one correction per line (``#`` starts a comment)::

    省立医院<TAB>福建省立医院                                   # merge: name -> canonical
    第一医院<TAB>!厦门大学附属第一医院                              # split: never one entity

Names are compared as ``ANNOTATION.md`` normalises mentions (no spaces or
quote marks). A merge without ``canonical`` takes the longest name.

An article's own declarations of equal names (``A（B）``, ``A（以下简称B）``) are read by
``bracket_aliases`` here too, for ``kg.link.article_names``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from kg.errors import InputError
from kg.link.names import clean
from kg.model import Mention


@dataclass(frozen=True)
class Aliases:
    """``merge``: name -> canonical name; ``split``: pairs of names never linked together."""

    merge: dict[str, str] = field(default_factory=dict)
    split: frozenset[frozenset[str]] = frozenset()

    def canonical(self, *names: str) -> str | None:
        """The forced canonical name of the first of ``names`` that has one."""
        return next((self.merge[n] for n in names if n in self.merge), None)

    def apart(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.split


def _from_groups(path: Path, merges: list, splits: list) -> Aliases:
    merge: dict[str, str] = {}
    split: set[frozenset[str]] = set()
    for i, group in enumerate(merges, 1):
        names = [clean(n) for n in group.get("names", []) if isinstance(n, str) and clean(n)]
        canonical = clean(group.get("canonical") or max(names, key=len, default=""))
        if len(names) < 1 or not canonical:
            raise InputError(path, f"merge #{i}: needs a list `names` of at least one name")
        for name in {*names, canonical}:
            merge[name] = canonical
    for i, group in enumerate(splits, 1):
        names = sorted({clean(n) for n in group.get("names", []) if isinstance(n, str)})
        if len(names) < 2:
            raise InputError(path, f"split #{i}: needs a list `names` of at least two names")
        split.update(frozenset((a, b)) for a in names for b in names if a < b)
    return Aliases(merge, frozenset(split))


def _read_tsv(path: Path, text: str) -> Aliases:
    merges, splits = [], []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 2 or not all(parts):
            raise InputError(path, f"line {number}: expected `name<TAB>canonical` or `name<TAB>!other`")
        name, target = parts
        if target.startswith("!"):
            splits.append({"names": [name, target[1:]]})
        else:
            merges.append({"names": [name, target], "canonical": target})
    return _from_groups(path, merges, splits)


def load_aliases(path: Path) -> Aliases:
    """Read a TOML (``.toml``) or TSV (anything else) corrections file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from exc
    if path.suffix.lower() != ".toml":
        return _read_tsv(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"not valid TOML ({exc})") from exc
    return _from_groups(path, data.get("merge", []), data.get("split", []))


_OPEN, _CLOSE = "(（", ")）"
_SO_CALLED = ("以下简称", "下称", "简称")


def bracket_aliases(text: str, mentions: list[Mention], names: dict[Mention, str]) -> dict[tuple[str, str], str]:
    """Names an article itself declares equal, short name -> full name:

    * ``国家卫健委（国家卫生健康委员会）``: a name and its
      full form in brackets right after it;
    * ``福建省医疗保障局（以下简称“省医保局”）``: a full name and the short name it
      will go by.
    """
    aliases: dict[tuple[str, str], str] = {}
    for a, b in pairwise(mentions):
        if a.label != b.label or names[a] == names[b]:
            continue
        between = text[a.end : b.start].strip("“”\"'")
        closes = text[b.end : b.end + 1] in _CLOSE or text[b.end : b.end + 2].lstrip("“”\"'")[:1] in _CLOSE
        if not closes or not between or between[0] not in _OPEN:
            continue
        inside = between[1:].strip("“”\"'")
        if not inside and _expands(names[a], names[b]):
            aliases[(a.label, names[a])] = names[b]  # short (FULL)
        elif inside in _SO_CALLED and _expands(names[b], names[a]):
            aliases[(b.label, names[b])] = names[a]  # FULL (以下简称 short)
        elif not inside and any(names[a].endswith(k) and names[b] == v for k, v in _SECOND_NAMES.items()):
            aliases[(b.label, names[b])] = names[a]  # 某市工商联(总商会)
    return aliases


#: Bodies that bear a second name by statute, written in brackets after the first: each 工商业联合会
#: is also its place's 总商会 (某市工商联(总商会)), so the bracket names the same body.
_SECOND_NAMES: dict[str, str] = {"工商业联合会": "总商会"}


def _expands(short: str, full: str) -> bool:
    """A full form is longer and repeats some of the short form's characters;
    ``福建卫生报社（每周文摘报社）`` names a second body, not a full form."""
    return len(full) > len(short) and len(set(short[:-1]) & set(full)) >= 2
