"""Linking: the corpus-wide reduce from mentions to one entity per real-world thing.

Each article's own step comes first (``kg.link.article``: its setting, each mention's
canonical name, what the article itself says, the aliases file), made beside extraction
when the map was given the settings. Mentions with the same type and canonical name are
one entity across the corpus, except namesakes with no evidence that they are one person,
and bodies left with a bare prefix (no clear jurisdiction), which stay in their article.
A body's proper name alone (协和) links to the one body of the corpus it fits.

The result depends only on the set of documents, not their order: every
grouping is keyed and sorted."""

from __future__ import annotations

from collections import defaultdict

from kg.gazetteer import Place, load_gazetteer
from kg.link.article import ArticleLinks, LinkSettings, _province, entity_key, link_article, settings_digest
from kg.link.names import bare_head, bare_prefix, clean, leading_place
from kg.link.programs import editions, main_programs
from kg.link.short_names import contractions, university_abbreviations
from kg.model import DocResult, Entity, Mention, RawRelation, Relation


def link(results: list[DocResult], settings: LinkSettings | None = None) -> tuple[list[Entity], list[Relation]]:
    """Group every mention into entities and lift raw relations onto them.

    A result whose ``linked`` was made with the same settings (``settings_digest``) gives its
    article's step as made; the others' are made here, in the same order, so the entities
    are the same either way."""
    settings = settings or LinkSettings()
    province = _province(settings)
    digest = settings_digest(settings)
    mention_key: dict[Mention, str] = {}
    rule_of: dict[Mention, str] = {}
    places: dict[str, Place] = {}
    provinces: dict[str, Place | None] = {}  # where each article is set
    for result in sorted(results, key=lambda r: r.document.doc_id):
        made = result.linked
        article = made[1] if made is not None and made[0] == digest else link_article(result, settings, province)
        provinces[result.document.doc_id] = article.province
        places.update(article.places)
        rule_of.update(article.rules)
        mention_key.update(article.keys)

    _university_short_names(mention_key, rule_of)
    _contracted_names(mention_key, rule_of, provinces)
    _keep_in_article(mention_key, rule_of)
    _separate_namesakes(results, mention_key)
    grouped: dict[str, list[Mention]] = defaultdict(list)
    for m, key in mention_key.items():
        grouped[key].append(m)
    entities = [_entity(key, sorted(ms, key=_order), places, rule_of) for key, ms in sorted(grouped.items())]
    relations = _lift(results, mention_key, settings)
    return entities, relations


def _order(m: Mention) -> tuple[str, int, int, str, str, tuple[int, int]]:
    """``Mention``'s own order (its fields in turn) as one tuple a mention: sorting by it made
    a tuple per mention, where the dataclass's ``<`` made two per comparison."""
    return m.doc_id, m.start, m.end, m.label, m.text, m.sentence


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


def _contracted_names(
    mention_key: dict[Mention, str], rule_of: dict[Mention, str], provinces: dict[str, Place | None]
) -> None:
    """``协和`` in a list of Fuzhou hospitals is 福建医科大学附属协和医院 named in another article:
    a body's proper name alone (``kg.link.short_names.contractions``) links to the one body of the corpus
    it can stand for that is named in the same article or placed in the article's province
    (a wrong province, none, or two such bodies leave the short name alone)."""
    gazetteer = load_gazetteer()
    full_of: dict[str, set[str]] = defaultdict(set)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m, key in mention_key.items():
        if m.label == "ORG":
            docs_of[key].add(m.doc_id)
    for key in docs_of:
        for short in contractions(key.split(":", 1)[1]):
            full_of[short].add(key)
    def fits(target: str, doc_id: str) -> bool:
        place = gazetteer.resolve(leading_place(target.split(":", 1)[1]) or "-")
        here = provinces.get(doc_id)
        same_province = place is not None and here is not None and place.code[:2] == here.code[:2]
        return doc_id in docs_of[target] or same_province

    for m, key in list(mention_key.items()):
        targets = full_of.get(key.split(":", 1)[1], set()) if m.label == "ORG" else set()
        fitting = sorted(t for t in targets if fits(t, m.doc_id))
        if len(fitting) == 1:
            mention_key[m] = fitting[0]
            rule_of[m] = "a body's proper name alone (协和 = …附属协和医院), the one body it fits in the corpus"


def _numbered(doc_ids_of: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(key, document) -> ``key#2``, ``key#3`` … for every document but the first
    (sorted) that has the key: one entity per document, the first keeping the key."""
    renamed: dict[tuple[str, str], str] = {}
    for key, docs in doc_ids_of.items():
        for n, doc in enumerate(sorted(docs)[1:], start=2):
            renamed[(key, doc)] = f"{key}#{n}"
    return renamed


#: A hospital named without its university (附一 = 附属第一医院): whose it is depends on the article.
_PARENT_LEFT_OUT = "附属"


def _keep_in_article(mention_key: dict[Mention, str], rule_of: dict[Mention, str]) -> None:
    """A body left with a bare prefix (``省医院``, ``市委``) when its article gives no clear
    jurisdiction, named by its head alone (``政府``) or without its university (``附一``), is
    that article's own: ``市委`` of two
    articles may be two cities' committees, so such names are never linked across articles
    (keys ``#2``, ``#3`` … after the first)."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, bool] = {}  # by key: a key is named by several mentions (a name's tests, once)
    for m, key in mention_key.items():
        if m.label != "ORG":
            continue
        found = bare.get(key)
        if found is None:
            name = key.split(":", 1)[1]
            found = bare[key] = bool(bare_prefix(name) or bare_head(name) or name.startswith(_PARENT_LEFT_OUT))
        if found and rule_of.get(m) != "the aliases file":
            docs_of[key].add(m.doc_id)
    renamed = _numbered(docs_of)
    for m, key in list(mention_key.items()):
        if key in docs_of:
            rule_of[m] = rule_of.get(m, "as written") + "; no clear jurisdiction or name: kept to its article"
            mention_key[m] = renamed.get((key, m.doc_id), key)


def _separate_namesakes(results: list[DocResult], mention_key: dict[Mention, str]) -> None:
    """People of one name in several articles are one person only with evidence.

    Within an article a name is one person. Across articles, two are merged
    when they share an organization or a title in their roles (张明 副局长 of
    福建省医疗保障局 in both), or when one is named with a title one person holds in the
    country (总书记) and the other article gives the name no role; otherwise each stays its own entity, keyed
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
        ordered = sorted(docs)
        clusters = _join_public_figure(_clusters(ordered, [evidence.get((key, doc), set()) for doc in ordered]))
        clusters.sort(key=lambda c: min(c[0]))
        for n, (cluster_docs, _) in enumerate(clusters[1:], start=2):
            for doc in cluster_docs:
                renamed[(key, doc)] = f"{key}#{n}"
    for m, key in list(mention_key.items()):
        if (key, m.doc_id) in renamed:
            mention_key[m] = renamed[(key, m.doc_id)]


def _clusters(docs: list[str], evidence: list[set[str]]) -> list[tuple[set[str], set[str]]]:
    """``(docs, evidence)`` of each group of ``docs`` (sorted; ``evidence``: each one's) joined by
    shared evidence, directly or through other documents (a document with none is a group of its
    own), in order of each group's first document. The same groups as joining each document to
    every group it shares evidence with, in turn; but each piece of evidence is looked up once (a
    union-find over the documents), where comparing every document with every group grew with the
    square of the documents a common name is in (0.29 s of CPU at 1,000 synthetic articles, 12.1 s
    at 10,000; now 0.17 and 1.5: issue 13)."""
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holder: dict[str, int] = {}  # a piece of evidence -> a document that has it
    for i, items in enumerate(evidence):
        for item in items:
            first = holder.setdefault(item, i)
            a, b = root(first), root(i)
            if a != b:
                parent[max(a, b)] = min(a, b)  # the group's root is its first document
    groups: dict[int, tuple[set[str], set[str]]] = {}
    for i, doc in enumerate(docs):
        group = groups.setdefault(root(i), (set(), set()))
        group[0].add(doc)
        group[1].update(evidence[i])
    return [groups[r] for r in sorted(groups)]


#: Titles one person holds at a time in the whole country: whoever is named with one of them is
#: a public figure, whom other articles name without a title (a theory or a speech named after them).
UNIQUE_TITLES = frozenset({"title:总书记", "title:国家主席", "title:国务院总理"})


def _join_public_figure(clusters: list[tuple[set[str], set[str]]]) -> list[tuple[set[str], set[str]]]:
    """Articles that give a name no role at all join the one cluster of that name holding a
    title only one person holds (``UNIQUE_TITLES``); a namesake with a role of their own stays."""
    public = [c for c in clusters if c[1] & UNIQUE_TITLES]
    if len(public) != 1:
        return clusters
    bare = [c for c in clusters if not c[1]]
    if not bare:
        return clusters
    joined = (set().union(public[0][0], *(c[0] for c in bare)), public[0][1])
    return [c for c in clusters if c[1] and c is not public[0]] + [joined]


def place_attributes(place: Place) -> tuple[tuple[str, str], ...]:
    """``placeCode``: the gazetteer's code, which places the entity in the hierarchy;
    ``adminCode``: the official code, which informal regions (闽西南) do not have."""
    official = (("adminCode", place.code),) if place.code.isdigit() else ()
    return (*official, ("placeCode", place.code))


def _entity(key: str, mentions: list[Mention], places: dict[str, Place], rule_of: dict[Mention, str]) -> Entity:
    label, name = key.split(":", 1)
    name = name.split("#", 1)[0]  # a namesake, or a body kept to its article, keeps the name
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


def _lift(
    results: list[DocResult], mention_key: dict[Mention, str], settings: LinkSettings | None = None
) -> list[Relation]:
    """Raw per-document relations onto entities, with sentence evidence; plus sentence co-occurrence.

    A byline becomes a role in the paper (``_publisher``); an organizer listed under
    主办单位/协办单位 organizes the article's main programs (``kg.link.programs.main_programs``), and an
    organizer of an event of a campaign organizes the campaign (``kg.link.programs.editions``)."""
    publisher = _publisher(results, mention_key, settings or LinkSettings())
    evidence: dict[tuple[str, str, str | None, str], set[tuple[str, int, int]]] = defaultdict(set)
    for result in results:
        doc_id = result.document.doc_id
        events = editions(result, mention_key)
        programs = main_programs(result, mention_key, events)
        for raw in result.relations:
            kind, head = raw.kind, mention_key[raw.head]
            tail = mention_key[raw.tail] if raw.tail is not None else None
            pairs = [(head, tail)]
            if kind == "byline":
                kind, pairs = "role", [(head, publisher)]
            elif kind == "organizer" and tail is not None:
                pairs = [(events.get(tail, tail), head)]  # (program, body), as 主办单位 lines give it
            elif kind == "organizer":
                pairs = [(program, head) for program in programs]
            for head, tail in pairs:
                if head != tail:  # 《福建卫生报》社旗下《福建卫生报》: the paper is its press
                    evidence[(kind, head, tail, raw.role)].add((doc_id, *raw.head.sentence))
        # co-occurrence is the graph stage's (kg.cooccurrence: bounded by a window)
    return [
        Relation(kind=kind, head=head, tail=tail, role=role, weight=len(ev), evidence=tuple(sorted(ev)))
        for (kind, head, tail, role), ev in sorted(
            evidence.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "", kv[0][3])
        )
    ]


__all__ = ["ArticleLinks", "LinkSettings", "RawRelation", "entity_key", "link", "link_article", "settings_digest"]
