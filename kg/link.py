"""Linking: the corpus-wide reduce from mentions to one entity per real-world thing.

Each mention first gets a canonical name from ``kg.names`` (abbreviations,
jurisdiction prefixes, gazetteer full names). Within one article, a name that
is the tail of exactly one longer name of the same type is a short form of it
(``卫生月`` -> ``爱国卫生月``, ``第一医院`` ->
``厦门大学附属第一医院``, ``市医疗保障局`` -> ``福州市医疗保障局``); with two
candidates it stays apart, so look-alikes are never merged on a guess.
Mentions with the same type and canonical name are one entity across the corpus.

The result depends only on the set of documents, not their order: every
grouping is keyed and sorted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from kg.aliases import Aliases
from kg.gazetteer import Place, load_gazetteer
from kg.model import DocResult, Entity, Mention, RawRelation, Relation
from kg.names import canonical, canonical_place, canonical_program, clean, leading_place, university_abbreviations, why

#: Labels whose short forms may stand for a longer name in the same article.
_SHORT_FORM_LABELS = ("ORG", "PROG")
_MIN_SHORT_FORM = 3


@dataclass(frozen=True)
class LinkSettings:
    """``province``: the jurisdiction a bare ``省`` means (the paper's province);
    ``aliases``: the user's corrections (``kg.aliases``); ``publisher``: the paper's
    canonical name, for bylines (inferred from the articles when None)."""

    province: str = "福建省"
    aliases: Aliases = field(default_factory=Aliases)
    publisher: str | None = None


def entity_key(label: str, name: str) -> str:
    return f"{label}:{name}"


_ARTICLE_RULES = {
    "abbreviation": "abbreviation of a longer name in the same article (characters in order)",
    "tail": "short form of a longer name in the same article (its tail)",
}


def _short_forms(names: dict[Mention, str]) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """Resolve an article's abbreviations, then its tail short forms, to unique longer names.

    Returns the resolved names and, for each mention that changed, which rule did it."""
    resolved = dict(names)
    rules: dict[Mention, str] = {}
    for kind, rule in (("abbreviation", _abbreviates), ("tail", str.endswith)):
        by_label: dict[str, set[str]] = defaultdict(set)
        for mention, name in resolved.items():
            by_label[mention.label].add(name)
        for mention, name in list(resolved.items()):
            if mention.label not in _SHORT_FORM_LABELS or len(name) < _MIN_SHORT_FORM:
                continue
            longer = [n for n in by_label[mention.label] if len(n) > len(name) and _holds(rule, n, name)]
            # Only the longest count: 第一医院 < 附属第一医院 < 厦门大学附属第一医院 is one chain.
            heads = [n for n in longer if not any(o != n and o.endswith(n) for o in longer)]
            if len(heads) == 1:
                resolved[mention] = heads[0]
                rules[mention] = _ARTICLE_RULES[kind]
    return resolved, rules


def _holds(rule, full: str, short: str) -> bool:
    return rule(full, short) if rule is str.endswith else rule(short, full)


_OPEN, _CLOSE = "(（", ")）"
_SO_CALLED = ("以下简称", "下称", "简称")


def _bracket_aliases(text: str, mentions: list[Mention], names: dict[Mention, str]) -> dict[tuple[str, str], str]:
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
    return aliases


_SHARED = "附属"
_LOCAL_PREFIXES = "市县区州"
_MIN_SETTING_MENTIONS = 2
_NOT_JURISDICTION = ("市场", "区域", "县域", "市级", "县级", "区级", "市民", "县城", "市区")


def _place_in(name: str, label: str) -> str | None:
    """The division a name is or starts with by its full name (邵武市卫健局 -> 邵武市)."""
    if label == "LOC":
        return name
    prefix = leading_place(name)
    full = prefix and prefix != name and any(p.name == prefix for p in load_gazetteer().lookup(prefix))
    return prefix if full else None


def _local_jurisdiction(names: dict[Mention, str]) -> dict[Mention, str]:
    """``市医保局`` at a Fuzhou event is 福州市医疗保障局: a bare 市, 县 or 区 prefix left
    after the article's own full forms takes the nearest division of that level named
    before it in the same sentence (邵武市卫健局局长兼市总医院…), else the one the
    article is clearly set in (named at least twice, more often than any other)."""
    placed = sorted((m, place) for m, name in names.items() if (place := _place_in(name, m.label)))
    counts: dict[str, dict[str, int]] = {p: defaultdict(int) for p in _LOCAL_PREFIXES}
    for m, place in placed:
        if m.label == "LOC" and place[-1:] in counts:
            counts[place[-1]][place] += 1
    setting: dict[str, str] = {}
    for prefix, seen in counts.items():
        ranked = sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))
        clear = len(ranked) == 1 or (ranked and ranked[1][1] < ranked[0][1])
        if ranked and ranked[0][1] >= _MIN_SETTING_MENTIONS and clear:
            setting[prefix] = ranked[0][0]
    out: dict[Mention, str] = {}
    for m, name in names.items():
        prefix = name[:1]
        if m.label != "ORG" or prefix not in _LOCAL_PREFIXES or name.startswith(_NOT_JURISDICTION):
            continue
        before = [p for o, p in placed if o.sentence == m.sentence and o.end <= m.start and p.endswith(prefix)]
        place = before[-1] if before else setting.get(prefix)
        if place:
            out[m] = "中共" + place + name[1:] if name[1:2] == "委" and len(name) > 2 else place + name[1:]
    return out


def _shared_heads(text: str, mentions: list[Mention], names: dict[Mention, str]) -> dict[Mention, str]:
    """``福建医科大学附属协和医院、附属第一医院``: the second body is 福建医科大学附属第一医院."""
    out: dict[Mention, str] = {}
    for a, b in pairwise(mentions):
        first, second = out.get(a, names[a]), names[b]
        coordinated = a.label == b.label == "ORG" and text[a.end : b.start] == "、"
        if coordinated and second.startswith(_SHARED) and _SHARED in first[1:]:
            out[b] = first[: first.index(_SHARED, 1)] + second
    return out


def _named_after_a_body(mentions: tuple[Mention, ...]) -> list[Mention]:
    """Programs whose name starts with the name of a body the article writes (北京医联党委…行动)."""
    bodies = {clean(m.text) for m in mentions if m.label == "ORG" and len(clean(m.text)) >= 3}
    return [m for m in mentions if m.label == "PROG" and clean(m.text).startswith(tuple(bodies))]


def _presses(names: dict[Mention, str]) -> dict[Mention, str]:
    """``《每周文摘》`` and ``《每周文摘报》社`` in one article: a paper's title names the press
    that prints it, whose name the article gives (X社 or X报社)."""
    orgs = {name for m, name in names.items() if m.label == "ORG"}
    out = {}
    for m, name in names.items():
        if m.label == "ORG" and m.text.startswith("《") and m.text.endswith("》") and not name.endswith("社"):
            press = [p for p in (name + "报社", name + "社") if p in orgs]
            if press:
                out[m] = press[0]
    return out


def _expands(short: str, full: str) -> bool:
    """A full form is longer and repeats some of the short form's characters;
    ``福建卫生报社（每周文摘报社）`` names a second body, not a full form."""
    return len(full) > len(short) and len(set(short[:-1]) & set(full)) >= 2


def _abbreviates(short: str, full: str) -> bool:
    """``厦大附属第一医院`` abbreviates ``厦门大学附属第一医院``: same first and last three
    characters (the head and what qualifies it: ``医学会`` is no short form of ``医师学会``),
    and the short form's characters appear in the full name in order."""
    if len(short) < 4 or short[0] != full[0] or short[-3:] != full[-3:]:
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def _province(settings: LinkSettings) -> Place | None:
    return load_gazetteer().resolve(settings.province)


def link(results: list[DocResult], settings: LinkSettings | None = None) -> tuple[list[Entity], list[Relation]]:
    """Group every mention into entities and lift raw relations onto them."""
    settings = settings or LinkSettings()
    province = _province(settings)
    mention_key: dict[Mention, str] = {}
    rule_of: dict[Mention, str] = {}
    places: dict[str, Place] = {}
    for result in sorted(results, key=lambda r: r.document.doc_id):
        names: dict[Mention, str] = {}
        for m in result.mentions:
            if m.label == "LOC":  # the place itself is kept too: its code and parents
                names[m], place = canonical_place(m.text, province)
                if place is not None:
                    places[names[m]] = place
            else:
                names[m] = canonical(m.label, m.text, province)
        for m in _named_after_a_body(result.mentions):
            names[m] = canonical_program(m.text, keep_place=True)
        own_names = dict(names)  # before the article's own rules: what each mention names alone
        for m, name in names.items():
            rule_of[m] = why(m.label, m.text, name)
        aliases = _bracket_aliases(result.document.text, sorted(result.mentions), names)
        for m, name in _shared_heads(result.document.text, sorted(result.mentions), names).items():
            names[m] = name
            rule_of[m] = "coordinated with the name before it, whose head it shares (X附属A、附属B)"
        for m, name in _presses(names).items():
            names[m] = name
            rule_of[m] = "a paper's title names its press, which the article names (《X》 = X报社)"
        for m, name in names.items():
            if (m.label, name) in aliases:
                names[m] = aliases[(m.label, name)]
                rule_of[m] = "the article gives it as another name of this one (brackets, 以下简称)"
        resolved, rules = _short_forms(names)
        rule_of.update(rules)
        for m, name in _local_jurisdiction(resolved).items():
            resolved[m] = name
            rule_of[m] = "bare 市/县/区 = the city, county or district the article is set in"
        for m, name in resolved.items():
            own = own_names[m]
            written = clean(m.text)
            forced = settings.aliases.canonical(written, own, name)
            if forced is not None:
                name, rule_of[m] = forced, "the aliases file"
            elif settings.aliases.apart(written, name) or settings.aliases.apart(own, name):
                name, rule_of[m] = own, "kept apart by the aliases file"
            mention_key[m] = entity_key(m.label, name)

    _university_short_names(mention_key, rule_of)
    _separate_namesakes(results, mention_key)
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m, key in mention_key.items():
        grouped[key].append(m)
    entities = [_entity(key, sorted(ms), places, rule_of) for key, ms in sorted(grouped.items())]
    relations = _lift(results, mention_key, settings)
    return entities, relations


def _university_short_names(mention_key: dict[Mention, str], rule_of: dict[Mention, str]) -> None:
    """厦大附属第一医院 in one article is 厦门大学附属第一医院 named in another: a
    university's short form links to the one full name in the corpus it can stand for."""
    full_of: dict[str, set[str]] = defaultdict(set)
    for m, key in mention_key.items():
        if m.label == "ORG":
            for short in university_abbreviations(key.split(":", 1)[1]):
                full_of[short].add(key)
    for m, key in list(mention_key.items()):
        targets = full_of.get(key.split(":", 1)[1], set())
        if m.label == "ORG" and len(targets) == 1:
            mention_key[m] = next(iter(targets))
            rule_of[m] = "usual short form of a university's name (厦大 = 厦门大学)"


def _separate_namesakes(results: list[DocResult], mention_key: dict[Mention, str]) -> None:
    """People of one name in several articles are one person only with evidence.

    Within an article a name is one person. Across articles, two are merged
    when they share an organization or a title in their roles (张明 副局长 of
    福建省医疗保障局 in both); otherwise each stays its own entity, keyed
    ``PER:name#2``, ``#3`` ... in order of first appearance, so that
    namesakes never become one node.
    """
    evidence: dict[tuple[str, str], set[str]] = defaultdict(set)  # (key, doc) -> orgs and titles
    for result in results:
        for raw in result.relations:
            if raw.kind == "role" and raw.head.label == "PER":
                key = mention_key[raw.head]
                if raw.tail is not None:
                    evidence[(key, result.document.doc_id)].add("org:" + mention_key[raw.tail])
                if raw.role:
                    evidence[(key, result.document.doc_id)].add("title:" + raw.role)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m, key in mention_key.items():
        if m.label == "PER":
            docs_of[key].add(m.doc_id)
    renamed: dict[tuple[str, str], str] = {}
    for key, docs in docs_of.items():
        if len(docs) < 2:
            continue
        clusters: list[tuple[set[str], set[str]]] = []  # (docs, evidence), in document order
        for doc in sorted(docs):
            seen = evidence.get((key, doc), set())
            joined = [c for c in clusters if c[1] & seen]
            merged = (set().union({doc}, *(c[0] for c in joined)), set().union(seen, *(c[1] for c in joined)))
            clusters = [c for c in clusters if not any(c is j for j in joined)] + [merged]
        clusters.sort(key=lambda c: min(c[0]))
        for n, (cluster_docs, _) in enumerate(clusters[1:], start=2):
            for doc in cluster_docs:
                renamed[(key, doc)] = f"{key}#{n}"
    for m, key in list(mention_key.items()):
        if (key, m.doc_id) in renamed:
            mention_key[m] = renamed[(key, m.doc_id)]


def place_attributes(place: Place) -> tuple[tuple[str, str], ...]:
    """``placeCode``: the gazetteer's code, which places the entity in the hierarchy;
    ``adminCode``: the official code, which informal regions (闽西南) do not have."""
    official = (("adminCode", place.code),) if place.code.isdigit() else ()
    return (*official, ("placeCode", place.code))


def _entity(key: str, mentions: list[Mention], places: dict[str, Place], rule_of: dict[Mention, str]) -> Entity:
    label, name = key.split(":", 1)
    name = name.split("#", 1)[0] if label == "PER" else name  # a namesake keeps the name
    attributes: tuple[tuple[str, str], ...] = ()
    place = places.get(name) if label == "LOC" else None
    if place is not None:
        attributes = place_attributes(place)
    variants = tuple(sorted({clean(m.text) for m in mentions}))
    first: dict[tuple[str, str, str], tuple[int, int]] = {}
    for m in mentions:  # sorted: the first sentence of each (variant, rule, document) is its evidence
        first.setdefault((clean(m.text), rule_of.get(m, "as written"), m.doc_id), m.sentence)
    provenance = tuple(sorted((v, r, d, *sentence) for (v, r, d), sentence in first.items()))
    return Entity(key, label, name, variants, tuple(mentions), attributes, provenance)


def _publisher(results: list[DocResult], mention_key: dict[Mention, str], settings: LinkSettings) -> str | None:
    """The paper that prints the articles, whose reporters the bylines (本报记者) name:
    ``settings.publisher`` if given, else the newspaper (an organization named …报社)
    mentioned in the most articles that have such a byline; None if there is none."""
    if settings.publisher:
        return entity_key("ORG", settings.publisher)
    articles: dict[str, set[str]] = defaultdict(set)
    with_byline = {r.document.doc_id for r in results if any(x.kind == "byline" for x in r.relations)}
    for m, key in mention_key.items():
        if m.label == "ORG" and key.endswith("报社") and with_byline:
            articles[key].add(m.doc_id)
    ranked = sorted(articles.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return ranked[0][0] if ranked else None


def _main_program(result: DocResult, mention_key: dict[Mention, str]) -> str | None:
    """The program an article is about: the one named most often in it (first named on a tie)."""
    counts: dict[str, list[int]] = {}
    for m in sorted(result.mentions):
        if m.label == "PROG":
            entry = counts.setdefault(mention_key[m], [0, m.start])
            entry[0] += 1
    return min(counts, key=lambda k: (-counts[k][0], counts[k][1])) if counts else None


def _lift(
    results: list[DocResult], mention_key: dict[Mention, str], settings: LinkSettings | None = None
) -> list[Relation]:
    """Raw per-document relations onto entities, with sentence evidence; plus sentence co-occurrence.

    A byline becomes a role in the paper (``_publisher``); an organizer listed under
    主办单位/协办单位 organizes the article's main program (``_main_program``)."""
    publisher = _publisher(results, mention_key, settings or LinkSettings())
    evidence: dict[tuple[str, str, str | None, str], set[tuple[str, int, int]]] = defaultdict(set)
    for result in results:
        doc_id = result.document.doc_id
        program = _main_program(result, mention_key)
        for raw in result.relations:
            kind, head = raw.kind, mention_key[raw.head]
            tail = mention_key[raw.tail] if raw.tail is not None else None
            if kind == "byline":
                kind, tail = "role", publisher
            elif kind == "organizer" and tail is not None:
                head, tail = tail, head  # (program, body), as 主办单位 lines give it
            elif kind == "organizer":
                if program is None:
                    continue
                head, tail = program, head
            if head == tail:
                continue  # 《福建卫生报》社旗下《福建卫生报》: the paper is its press
            evidence[(kind, head, tail, raw.role)].add((doc_id, *raw.head.sentence))
        by_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
        for m in result.mentions:
            by_sentence[m.sentence].add(mention_key[m])
        for sentence, keys in by_sentence.items():
            ordered = sorted(keys)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    evidence[("cooccur", a, b, "")].add((doc_id, *sentence))
    return [
        Relation(kind=kind, head=head, tail=tail, role=role, weight=len(ev), evidence=tuple(sorted(ev)))
        for (kind, head, tail, role), ev in sorted(
            evidence.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "", kv[0][3])
        )
    ]


__all__ = ["LinkSettings", "RawRelation", "entity_key", "link"]
