"""Linking's step inside one article: what its mentions name before any look at the corpus.

Each article's setting comes first (``kg.link.jurisdiction``: the province, city,
county its places and bodies name), so a bare ``省``/``市``/``县`` means that
article's own division. Each mention then gets a canonical name from
``kg.link.names`` (abbreviations, the province, gazetteer full names), then
``kg.link.article_names`` applies what its article says (a short form of exactly one
longer name there, a second name in brackets, the division a bare prefix takes), and
the user's aliases file has the last word.

The step reads one ``DocResult`` and the ``LinkSettings`` only, so the per-document map
makes it beside extraction (``kg.parallel.process``: in the workers, cached with the
extraction) and ``kg.link.corpus.link`` joins the articles' steps, in doc_id order,
with the corpus-wide ones.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from itertools import pairwise

from kg.gazetteer import Place, load_gazetteer
from kg.labels import NAMED_AFTER
from kg.link.aliases import Aliases
from kg.link.article_names import name_in_article
from kg.link.jurisdiction import article_setting
from kg.link.names import bare_prefix, canonical, canonical_place, canonical_program, clean, leading_place, why
from kg.link.posts import BODY_SUFFIXES
from kg.model import DocResult, Mention

__all__ = ["ArticleLinks", "LinkSettings", "entity_key", "link_article", "settings_digest"]


@dataclass(frozen=True)
class LinkSettings:
    """``province``: the jurisdiction a bare ``省`` means in an article that names no other
    province about as often (the paper's province);
    ``aliases``: the user's corrections (``kg.link.aliases``); ``publisher``: the paper's
    canonical name, for bylines (inferred from the articles when None)."""

    province: str = "福建省"
    aliases: Aliases = field(default_factory=Aliases)
    publisher: str | None = None


def entity_key(label: str, name: str) -> str:
    return f"{label}:{name}"


def _province(settings: LinkSettings) -> Place | None:
    return load_gazetteer().resolve(settings.province)


@dataclass(frozen=True)
class ArticleLinks:
    """What linking decides inside one article, before any step that looks at the corpus:
    each mention's entity key and the rule behind it, in the order they were decided, the
    places its names resolved to, and the province the article is set in.

    It depends on the article's ``DocResult`` and the ``LinkSettings`` only (``digest``), so the
    per-document map computes it beside extraction (in the workers, and kept in the extraction
    cache: ``DocResult.linked``) and ``link`` does only the corpus-wide steps for those."""

    doc_id: str
    keys: tuple[tuple[Mention, str], ...]
    rules: tuple[tuple[Mention, str], ...]
    places: tuple[tuple[str, Place], ...]
    province: Place | None


def settings_digest(settings: LinkSettings) -> str:
    """The hex SHA-256 of what ``link_article`` reads from ``settings`` (the province and the
    aliases file's merges and splits): an ``ArticleLinks`` made with other settings is not used."""
    aliases = settings.aliases
    head = {"province": settings.province, "merge": sorted(aliases.merge.items()),
            "split": sorted(sorted(pair) for pair in aliases.split)}
    return hashlib.sha256(json.dumps(head, ensure_ascii=False).encode()).hexdigest()


def link_article(result: DocResult, settings: LinkSettings, province: Place | None = None) -> ArticleLinks:
    """One article's setting, each mention's canonical name, what the article itself says
    (``name_in_article``) and the aliases file's word; ``province``: ``settings.province``
    resolved (looked up when None)."""
    province = province if province is not None else _province(settings)
    mention_key: dict[Mention, str] = {}
    rule_of: dict[Mention, str] = {}
    places: dict[str, Place] = {}
    setting = article_setting(result.mentions, province, result.document.nlp_text)
    here = setting.province
    names: dict[Mention, str] = {}
    for m in result.mentions:
        if m.label == "LOC":  # the place itself is kept too: its code and parents
            names[m], place = canonical_place(m.text, here)
            if place is not None:
                places[names[m]] = place
        else:
            names[m] = canonical(m.label, m.text, here)
    for raw in result.relations:
        if raw.kind == "organizer" and raw.role == NAMED_AFTER and raw.tail is not None:
            names[raw.tail] = canonical_program(raw.tail.text, keep_place=True)  # 上海某医院…行动 keeps 上海
    own_names = dict(names)  # before the article's own rules: what each mention names alone
    where = f"{here.name}: {setting.reason}" if here else ""
    for m, name in names.items():
        rule_of[m] = why(m.label, m.text, name, where)
    resolved, rules = name_in_article(result.document.nlp_text, names, setting)
    rule_of.update(rules)
    _listed_units(result.document.nlp_text, resolved, rule_of)
    for m, name in resolved.items():
        own = own_names[m]
        written = clean(m.text)
        forced = settings.aliases.canonical(written, own, name)
        if forced is not None:
            name, rule_of[m] = forced, "the aliases file"
        elif settings.aliases.apart(written, name) or settings.aliases.apart(own, name):
            name, rule_of[m] = own, "kept apart by the aliases file"
        mention_key[m] = entity_key(m.label, name)
    return ArticleLinks(result.document.doc_id, tuple(mention_key.items()), tuple(rule_of.items()),
                        tuple(places.items()), here)


#: Endings of a unit of a body (a department, an office), as written bare in a list.
_UNIT_ENDS = ("处", "科", "室", "办公室", "部")
#: Endings of the body a listed unit belongs to: the organization suffix lists (two characters
#: or more) and a place's Party committee (中共某市委组织部、宣传部).
_BODY_ENDS = (*(w for w in BODY_SUFFIXES if len(w) >= 2), "省委", "市委", "县委", "区委", "州委")
_BARE_UNIT_MAX = 5


def _body_of_unit(name: str) -> str | None:
    """``某市卫生健康委员会委机关人事处`` -> ``某市卫生健康委员会``: the body a unit is written after
    (the longest start of the name ending like a body, the rest ending like a unit), else None."""
    if not name.endswith(_UNIT_ENDS):
        return None
    return next((name[:cut] for cut in range(len(name) - 2, 1, -1) if name[:cut].endswith(_BODY_ENDS)), None)


def _listed_units(text: str, names: dict[Mention, str], rule_of: dict[Mention, str]) -> None:
    """``某市卫健委人事处、体改处、基层处``: a unit written bare (no body, no place) right after
    another unit in a ``、`` list is a unit of the same body (its name takes the body)."""
    orgs = sorted(m for m in names if m.label == "ORG")
    for before, m in pairwise(orgs):
        name = names[m]
        if (
            before.end + 1 != m.start
            or text[before.end] != "、"
            or len(name) > _BARE_UNIT_MAX
            or not name.endswith(_UNIT_ENDS)
            or leading_place(name)
            or bare_prefix(name)
        ):
            continue
        body = _body_of_unit(names[before])
        if body:
            names[m] = body + name
            rule_of[m] = "a unit listed bare after another unit of a body (人事处、体改处) is of the same body"
