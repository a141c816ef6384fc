"""``kg view``: one self-contained HTML page for browsing a graph that ``kg build`` wrote.

The page has to open from a plain file with no network (a reviewer's laptop, a mail
attachment, an archive), so its script, style and data are all inlined. The data is
JSON inside ``<script type="application/json">`` that the page's own script parses:
no name read from the input is ever parsed as HTML. The same graph gives
byte-identical HTML, because every list here is sorted and the layout is the build's
seeded one (``kg.export.layout``, the same algorithm that places the Gephi files' nodes).

The drawing is sigma.js (WebGL) over a graphology graph, with ForceAtlas2 run in a Web
Worker (``kg/resources/view/vendor.min.js``, vendored from npm by
``scripts/vendor_view.py``; versions, licences and the bundle's hash in ``vendor.json``,
the licence texts inlined as plain text). The first frame uses the positions computed
here: a force layout in page script before the first paint left the page blank for
seconds at 3,500 entities, while the grid Fruchterman-Reingold of ``kg.export.layout``
costs well under a second of numpy. The worker then refines them while the page is in use.

A sentence that recurs word for word (a boilerplate line repeated in many articles)
is listed once with the number of times and the documents it occurs in.

The graph is read back from the RDF files (not from a rebuild), so the page shows
exactly what was published, and any graph that follows the README's RDF contract
can be viewed.
"""

from __future__ import annotations

import bisect
import html
import json
import math
import re
from collections import defaultdict
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import pyoxigraph as ox

from kg.atomic import write_atomically
from kg.export.layout import SCALE, layout
from kg.labels import CLASS_OF, COLOUR_OF, DIRECTED, LABELS, RELATIONS, TYPE_OF
from kg.namespaces import KG, ORG, SDO, sparql_prologue
from kg.query import load_store
from kg.sentences import sentences

__all__ = ["DEFAULT_PAGE", "page_data", "radius", "render", "write_view"]

#: The page's name inside the graph folder unless ``--output`` says otherwise.
DEFAULT_PAGE = "graph.html"

#: Class IRI -> the type word the page (and GraphML) uses.
_TYPE_OF_CLASS = {str(KG[CLASS_OF[label]]): TYPE_OF[label] for label in LABELS}
_TYPE_ORDER = [TYPE_OF[label] for label in LABELS]

#: Predicate -> relation kind (``kg.labels.RELATIONS``); roles come from ``org:Membership`` nodes.
#: ``schema:containedInPlace`` is how the build writes ``located`` for a place inside a place.
_KIND_OF = {
    str(ORG.subOrganizationOf): "suborg",
    str(SDO.location): "located",
    str(SDO.containedInPlace): "located",
    str(SDO.organizer): "organizer",
    str(KG.partnerOf): "partner",
    str(KG.cooccursWith): "cooccur",
}

#: A sentence longer than this is cut to ``_CONTEXT`` characters either side of its marks:
#: OCR'd pages can lack punctuation for hundreds of characters.
_LONG_SENTENCE = 240
_CONTEXT = 80
_ELLIPSIS = "…"

#: World units between linked neighbours in the first frame (the layout's unit length): the
#: radii that ``_spread`` keeps apart (``radius``) are in the same units, so the starting
#: drawing keeps its proportions at any size and the page's zoom-to-fit does the rest.
_SPACING = 60.0
_MARGIN = 2.0  # world units left between the rims of two nodes
_SPREAD_STEPS = 12
_SPREAD_WINDOW = 48

#: what two copies of one sentence may differ in (``\W`` keeps letters, digits and CJK characters)
_NOT_WORDS = re.compile(r"[\W_]+")

_PREFIXES = sparql_prologue()
_Q_DOCUMENTS = "SELECT ?doc ?id ?text WHERE { ?doc nif:isString ?text OPTIONAL { ?doc dcterms:identifier ?id } }"
_Q_SENTENCES = """SELECT ?doc ?b ?e WHERE {
  ?s a nif:Sentence ; nif:referenceContext ?doc ; nif:beginIndex ?b ; nif:endIndex ?e }"""
_Q_ENTITIES = (
    "SELECT ?e ?class ?name ?count WHERE { VALUES ?class { " + " ".join(f"<{c}>" for c in _TYPE_OF_CLASS) + " }"
    " ?e a ?class . OPTIONAL { ?e skos:prefLabel ?name } OPTIONAL { ?e kg:mentionCount ?count } }"
)
_Q_VARIANTS = "SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
_Q_MENTIONS = """SELECT ?e ?doc ?b ?end ?sb ?se WHERE {
  ?m itsrdf:taIdentRef ?e ; nif:referenceContext ?doc ; nif:beginIndex ?b ; nif:endIndex ?end .
  OPTIONAL { ?m nif:sentence ?s . ?s nif:beginIndex ?sb ; nif:endIndex ?se } }"""
_Q_MEMBERSHIPS = """SELECT ?m ?person ?org ?title WHERE {
  ?m a org:Membership ; org:member ?person .
  OPTIONAL { ?m org:organization ?org } OPTIONAL { ?m org:role/skos:prefLabel ?title } }"""
_Q_LINKS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o VALUES ?p { " + " ".join(f"<{p}>" for p in _KIND_OF) + " } }"
_Q_STATEMENTS = "SELECT ?r ?s ?p ?o WHERE { ?r a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"
_Q_EVIDENCE = """SELECT ?r ?doc ?b ?e WHERE {
  ?r kg:evidence ?span . ?span nif:referenceContext ?doc ; nif:beginIndex ?b ; nif:endIndex ?e }"""

Span = tuple[str, int, int]  # (document IRI, begin, end)
Parts = list[list[Any]]  # [[text, 0 | 1], ...]: 1 for a marked mention


def _rows(store: ox.Store, query: str) -> list[tuple[Any, ...]]:
    """Solutions as tuples of plain values (``None`` for unbound), ordered so the page is reproducible."""
    rows = []
    for solution in store.query(_PREFIXES + query):
        rows.append(tuple(None if term is None else term.value for term in solution))
    return sorted(rows, key=lambda row: tuple(("", "") if v is None else (type(v).__name__, v) for v in row))


class _Text:
    """One document's text and where its sentences are: the graph's ``nif:Sentence`` spans first,
    else the split ``kg build`` uses (so a mention's sentence is the one evidence would cite)."""

    def __init__(self, ident: str, text: str) -> None:
        self.ident = ident
        self.text = text
        self.cited: list[tuple[int, int]] = []
        self._split = sentences(text)
        self._starts = [start for start, _ in self._split]

    def sentence(self, begin: int, end: int) -> tuple[int, int]:
        inside = [(b, e) for b, e in self.cited if b <= begin and end <= e]
        if inside:
            return min(inside, key=lambda span: (span[1] - span[0], span))
        first = self._split[max(bisect.bisect_right(self._starts, begin) - 1, 0)]
        last = self._split[max(bisect.bisect_right(self._starts, max(end - 1, begin)) - 1, 0)]
        return first[0], last[1]

    def parts(self, begin: int, end: int, marks: list[tuple[int, int]]) -> Parts:
        """``text[begin:end]`` as ``[piece, marked]`` pairs, cut around the marks if it is long."""
        marks = sorted((max(b, begin), min(e, end)) for b, e in marks if b < end and e > begin)
        merged: list[list[int]] = []
        for b, e in marks:
            if merged and b <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([b, e])
        lo, hi = begin, end
        if merged and end - begin > _LONG_SENTENCE:
            lo, hi = max(begin, merged[0][0] - _CONTEXT), min(end, merged[-1][1] + _CONTEXT)
        out: Parts = [[_ELLIPSIS, 0]] if lo > begin else []
        pos = lo
        for b, e in merged:
            if b > pos:
                out.append([self.text[pos:b], 0])
            out.append([self.text[b:e], 1])
            pos = e
        if hi > pos:
            out.append([self.text[pos:hi], 0])
        if hi < end:
            out.append([_ELLIPSIS, 0])
        return out


def _grouped(items: list[tuple[str, Parts]]) -> list[dict[str, Any]]:
    """``(document, parts)`` sentences with the same words and marks made one item, in the order
    each was first seen: ``{"parts", "n": times it occurs, "docs": the documents, sorted}``.

    Spaces and punctuation do not count: the same line reprinted by another paper often differs
    only in them (a full-width comma for a plain one, a line break, quotation marks)."""
    groups: dict[tuple[tuple[str, int], ...], dict[str, Any]] = {}
    for doc, parts in items:
        key = tuple((_NOT_WORDS.sub("", text), mark) for text, mark in parts if mark or _NOT_WORDS.sub("", text))
        group = groups.setdefault(key, {"parts": parts, "n": 0, "docs": []})
        group["n"] += 1
        if doc not in group["docs"]:
            group["docs"].append(doc)
    for group in groups.values():
        group["docs"].sort()
    return list(groups.values())


def radius(count: int) -> float:
    """A node's room in world units (``_SPACING`` apart) when overlaps are removed: its area grows
    with its mentions, as the page's drawn size does (in screen pixels, by ``nodeSize`` in view.js)."""
    return round(4.0 + 2.6 * math.sqrt(max(count, 1)), 1)


def _positions(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """Each node's ``(x, y)``: the build's seeded layout, scaled to ``_SPACING`` per unit, then spread
    so that no two nodes overlap (that layout piles the nodes of a crowded cell on one spot).

    The layout's springs are the relations, and co-occurrence only for a node that has no relation:
    co-occurrence is most of a news graph's edges and would pull everything into one hairball, but a
    node joined by nothing else should still sit near what it is mentioned with."""
    related = {end for edge in edges if edge["kind"] != "cooccur" for end in (edge["s"], edge["t"])}
    pairs = sorted({(min(edge["s"], edge["t"]), max(edge["s"], edge["t"])) for edge in edges
                    if edge["kind"] != "cooccur" or not {edge["s"], edge["t"]} <= related})
    pos = layout(len(nodes), pairs) * (_SPACING * math.sqrt(max(len(nodes), 1)) / (2 * SCALE))
    pos = _spread(pos, np.array([radius(node["count"]) for node in nodes], dtype=float))
    return [(round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for x, y in pos]


def _spread(pos: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """Push overlapping nodes apart (``_SPREAD_STEPS`` rounds, as d3's collision force does).

    Candidates are the ``_SPREAD_WINDOW`` nearest nodes in x order, so a round is linear in the
    nodes; a pair missed once (more nodes than that in a narrow strip) is met in a later round,
    after the first pushes have thinned the strip. Coincident nodes part along a fixed direction
    per node, so the result depends only on the input."""
    pos = pos.copy()
    count = len(pos)
    if count < 2:
        return pos
    fallback = np.stack([np.cos(np.arange(count) * 2.39996323), np.sin(np.arange(count) * 2.39996323)], axis=1)
    for _ in range(_SPREAD_STEPS):
        order = np.argsort(pos[:, 0], kind="stable")
        for k in range(1, min(_SPREAD_WINDOW, count - 1) + 1):
            i, j = order[:-k], order[k:]
            gap = radii[i] + radii[j] + _MARGIN
            delta = pos[j] - pos[i]
            distance = np.hypot(delta[:, 0], delta[:, 1])
            close = distance < gap
            if not close.any():
                continue
            i, j, gap, delta, distance = i[close], j[close], gap[close], delta[close], distance[close]
            direction = np.where((distance > 1e-6)[:, None], delta / np.maximum(distance, 1e-6)[:, None], fallback[j])
            push = direction * ((gap - distance) / 2)[:, None]
            np.add.at(pos, j, push)
            np.subtract.at(pos, i, push)
    return pos


def page_data(store: ox.Store) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data with nodes and edges in a fixed order."""
    texts: dict[str, _Text] = {}
    for doc, ident, text in _rows(store, _Q_DOCUMENTS):
        texts.setdefault(doc, _Text(ident or doc.rsplit("/", 1)[-1], text))
    for doc, b, e in _rows(store, _Q_SENTENCES):
        if doc in texts:
            texts[doc].cited.append((int(b), int(e)))

    entities: dict[str, dict[str, Any]] = {}
    for iri, cls, name, count in _rows(store, _Q_ENTITIES):
        if cls in _TYPE_OF_CLASS and iri not in entities:
            entities[iri] = {"iri": iri, "name": name or iri, "type": _TYPE_OF_CLASS[cls], "alt": [],
                             "count": None if count is None else int(count), "sents": [], "posts": []}
    for iri, alt in _rows(store, _Q_VARIANTS):
        if iri in entities and alt not in entities[iri]["alt"]:
            entities[iri]["alt"].append(alt)

    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # doc -> (begin, end, entity)
    own: dict[tuple[str, int, int], tuple[int, int]] = {}  # a mention's nif:sentence, where the graph says
    for iri, doc, b, e, sb, se in _rows(store, _Q_MENTIONS):
        b, e = int(b), int(e)
        if iri in entities and doc in texts and 0 <= b <= e <= len(texts[doc].text):
            mentions[doc].append((b, e, iri))
            if sb is not None and se is not None and int(sb) <= b and e <= int(se) <= len(texts[doc].text):
                own[(doc, b, e)] = (int(sb), int(se))

    def evidence(spans: list[Span], ends: set[str]) -> list[dict[str, Any]]:
        out = []
        for doc, b, e in sorted(set(spans)):
            if doc in texts and 0 <= b <= e <= len(texts[doc].text):
                marks = [(mb, me) for mb, me, who in mentions[doc] if who in ends and b <= mb and me <= e]
                out.append((texts[doc].ident, texts[doc].parts(b, e, marks)))
        return _grouped(out)

    by_sentence: dict[tuple[str, str, int, int], list[tuple[int, int]]] = defaultdict(list)
    for doc, found in sorted(mentions.items()):
        for b, e, iri in sorted(set(found)):
            entities[iri]["mentioned"] = entities[iri].get("mentioned", 0) + 1
            by_sentence[(iri, doc, *(own.get((doc, b, e)) or texts[doc].sentence(b, e)))].append((b, e))
    for (iri, doc, b, e), marks in sorted(by_sentence.items(), key=lambda item: (texts[item[0][1]].ident, item[0])):
        entities[iri]["sents"].append((texts[doc].ident, texts[doc].parts(b, e, marks)))

    cited: dict[str, list[Span]] = defaultdict(list)
    for rel, doc, b, e in _rows(store, _Q_EVIDENCE):
        cited[rel].append((doc, int(b), int(e)))
    # (head, tail, kind) -> titles and evidence spans; one edge per pair and kind
    edges: dict[tuple[str, str, str], tuple[set[str], list[Span]]] = {}
    for membership, person, org, title in _rows(store, _Q_MEMBERSHIPS):
        if person not in entities:
            continue
        if org in entities:
            titles, spans = edges.setdefault((person, org, "role"), (set(), []))
            titles.update([title] if title else [])
            spans.extend(cited[membership])
        elif title:
            entities[person]["posts"].append({"title": title, "evidence": evidence(cited[membership], {person})})
    statements = {(s, p, o): r for r, s, p, o in _rows(store, _Q_STATEMENTS)}
    for s, p, o in _rows(store, _Q_LINKS):
        if s in entities and o in entities and s != o:
            kind = _KIND_OF[p]
            if kind in ("cooccur", "partner") and (o, s, kind) in edges:
                s, o = o, s  # symmetric: one edge whichever way round it was written
            edges.setdefault((s, o, kind), (set(), []))[1].extend(cited.get(statements.get((s, p, o), ""), []))

    def node_key(entity: dict[str, Any]) -> tuple[Any, ...]:
        return (_TYPE_ORDER.index(entity["type"]), entity["name"], entity["iri"])

    nodes = sorted(entities.values(), key=node_key)
    index = {entity["iri"]: i for i, entity in enumerate(nodes)}
    for entity in nodes:
        mentioned = entity.pop("mentioned", 0)
        entity["count"] = mentioned if entity["count"] is None else entity["count"]
        entity["sents"] = _grouped(entity["sents"])
        entity["alt"].sort()
        entity["posts"].sort(key=lambda post: post["title"])
    edge_list = [
        {"s": index[s], "t": index[t], "kind": kind, "titles": sorted(titles), "evidence": evidence(spans, {s, t})}
        for (s, t, kind), (titles, spans) in edges.items()
    ]
    edge_list.sort(key=lambda edge: (RELATIONS.index(edge["kind"]), edge["s"], edge["t"]))
    for entity, (x, y) in zip(nodes, _positions(nodes, edge_list), strict=True):
        entity["x"], entity["y"], entity["r"] = x, y, radius(entity["count"])
    docs = sorted(text.ident for text in texts.values())
    types = {TYPE_OF[label]: "#{:02x}{:02x}{:02x}".format(*COLOUR_OF[label]) for label in LABELS}
    return {"docs": docs, "nodes": nodes, "edges": edge_list, "colours": types, "types": _TYPE_ORDER,
            "directed": dict(DIRECTED)}


def _script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment: ``<``, ``>`` and ``&`` are
    escaped (JSON.parse reads ``\\u003c`` as ``<``), as are the line separators JavaScript once rejected."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


#: the page's scripts in load order: the vendored libraries, the first frame, the panel, the drawing
_SCRIPTS = {"vendor": "vendor.min.js", "preview": "preview.js", "panel": "panel.js", "js": "view.js"}


def render(data: dict[str, Any]) -> str:
    """The page: ``kg/resources/view/template.html`` with its style (``view.css``), scripts
    (``_SCRIPTS``), the vendored libraries' licences (``LICENSES.txt``, as plain text) and data inlined."""
    folder = files("kg.resources").joinpath("view")
    template = folder.joinpath("template.html").read_text(encoding="utf-8")
    pieces = {
        "title": html.escape(f"kg — {len(data['nodes'])} entities, {len(data['docs'])} documents"),
        "css": folder.joinpath("view.css").read_text(encoding="utf-8"),
        "licences": folder.joinpath("LICENSES.txt").read_text(encoding="utf-8").strip(),
        "data": _script_json(data),
    }
    pieces.update({name: folder.joinpath(file).read_text(encoding="utf-8") for name, file in _SCRIPTS.items()})
    for name in ("css", "licences", *_SCRIPTS):
        if "</" in pieces[name] or "<!--" in pieces[name]:  # would end the inline element early
            raise ValueError(f"the view's {name} must not contain '</' or '<!--'")
    # one pass over the template only: nothing inside the pieces is ever substituted
    return re.sub(r"\{\{(\w+)\}\}", lambda match: pieces[match.group(1)], template)


def write_view(out_dir: Path, output: Path | None = None) -> tuple[Path, Path, dict[str, Any]]:
    """Read the graph in ``out_dir`` and write its page atomically (``output``, default
    ``out_dir/graph.html``): a viewer never sees half a page. Returns (graph file, page, data)."""
    store, source = load_store(out_dir)
    data = page_data(store)
    page = render(data).encode("utf-8")
    target = output if output is not None else out_dir / DEFAULT_PAGE
    write_atomically(target, page)
    return source, target, data
