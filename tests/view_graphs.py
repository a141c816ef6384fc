"""Graphs written for the tests of ``kg view`` without a build: N-Triples of made-up entities,
documents, mentions and relations, shaped as kg's writers shape them.

``synthetic_graph`` writes a corpus-like graph of thousands of entities (the size at which a page
must stay readable); ``literal`` and ``span_lines`` help tests write small graphs by hand.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

from kg.namespaces import ITSRDF, NIF, SKOS

E = "https://example.org/id/"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永春海宁志国荣晓亮林斌波宇浩凯"
PLACE_CHARS = "东西南北中安平宁清泉山河湖江海云岭阳城源丰乐昌兴华新长永德福龙溪川桥石"
ORG_HEADS = ("卫生健康委员会", "人民医院", "第一中学", "医疗保障局", "科技有限公司", "研究所", "人民政府", "妇幼保健院")
PROG_HEADS = ("行动", "工程", "计划", "示范项目")
TITLES = ("主任", "院长", "局长", "副主任", "校长", "所长")
BOILERPLATE = 20  # documents that open with the same sentence
RDF_NS, KG_NS, ORG_NS, SDO_NS = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "https://w3id.org/kg-zh/ontology#",
                                 "http://www.w3.org/ns/org#", "https://schema.org/")
CLASS = {"person": "Person", "organization": "Organization", "place": "Place", "program": "Program"}
#: kind -> (words between the two names, words after the second, predicate)
SENTENCE = {
    "role": ("担任", "", None),
    "suborg": ("隶属于", "。", f"{ORG_NS}subOrganizationOf"),
    "located": ("位于", "。", f"{SDO_NS}location"),
    "contained": ("位于", "。", f"{SDO_NS}containedInPlace"),
    "organizer": ("由", "主办。", f"{SDO_NS}organizer"),
    "cooccur": ("与", "一同出席会议。", f"{KG_NS}cooccursWith"),
}


def literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def span_lines(where: str, doc: str, begin: int, end: int) -> list[str]:
    xsd = "^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"
    return [f"{where} <{NIF.referenceContext}> <{E}doc/{doc}> .",
            f'{where} <{NIF.beginIndex}> "{begin}"{xsd} .', f'{where} <{NIF.endIndex}> "{end}"{xsd} .']


def synthetic_names(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    """``count`` distinct made-up names and their types: 9 people, 5 bodies, 5 places, 1 program in 20."""
    kinds = ["person"] * 9 + ["organization"] * 5 + ["place"] * 5 + ["program"]
    names: list[str] = []
    types: list[str] = []
    taken: set[str] = set()
    while len(names) < count:
        kind = kinds[len(names) % len(kinds)]
        place = "".join(rng.sample(PLACE_CHARS, 2))
        name = {"person": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2)))),
                "organization": place + rng.choice(ORG_HEADS),
                "place": place + rng.choice("市县区镇"),
                "program": "".join(rng.sample(PLACE_CHARS + GIVEN, 3)) + rng.choice(PROG_HEADS)}[kind]
        if name not in taken:
            taken.add(name)
            names.append(name)
            types.append(kind)
    return names, types


def synthetic_graph(folder: Path, entities: int = 3200, documents: int = 500, seed: int = 14) -> dict[str, Any]:
    """Write ``folder/graph.nt``: a corpus-like graph of ``entities`` people, bodies, places and
    programs, mentioned with Zipf-like frequency in ``documents`` articles made of sentences that
    state roles, units, locations, organizers or just name two entities together; the first
    ``BOILERPLATE`` articles open with one identical sentence. Returns what the page must show."""
    rng = random.Random(seed)
    names, types = synthetic_names(rng, entities)
    weight = [1.0 / (rank + 1) ** 0.9 for rank in range(entities)]
    rng.shuffle(weight)
    by_type = {kind: [i for i in range(entities) if types[i] == kind] for kind in CLASS}
    cumulative = {kind: list(itertools.accumulate(weight[i] for i in pool)) for kind, pool in by_type.items()}

    def pick(kind: str) -> int:
        return rng.choices(by_type[kind], cum_weights=cumulative[kind])[0]

    top_person = max(by_type["person"], key=weight.__getitem__)
    top_org = max(by_type["organization"], key=weight.__getitem__)
    ent = [f"<{E}{types[i]}/{i}>" for i in range(entities)]
    lines: list[str] = []
    for i in range(entities):
        lines += [f"{ent[i]} <{RDF_NS}type> <{KG_NS}{CLASS[types[i]]}> .",
                  f"{ent[i]} <{SKOS.prefLabel}> {literal(names[i])}@zh ."]
        if types[i] == "organization":  # a short name, as 福安卫生健康委员会 is 福安卫健委
            lines.append(f"{ent[i]} <{SKOS.altLabel}> {literal(names[i][:2] + '委' + str(i))}@zh .")
    mentioned: set[int] = set()
    for d in range(documents):
        doc, text = f"a{d:04d}.txt", ""
        sentences = [("role", top_person, top_org)] if d < BOILERPLATE else []
        for _ in range(14):
            sentences.append(rng.choice([
                ("role", pick("person"), pick("organization")), ("suborg", pick("organization"), pick("organization")),
                ("located", pick("organization"), pick("place")), ("contained", pick("place"), pick("place")),
                ("organizer", pick("program"), pick("organization")), ("cooccur", pick("person"), pick("person")),
                ("cooccur", pick("organization"), pick("place"))]))
        if d >= documents - 40:  # the last articles name everyone not named yet
            rest = list(itertools.islice((i for i in range(entities) if i not in mentioned), entities // 40 + 1))
            sentences += [("cooccur", i, pick("place")) for i in rest]
        for kind, a, b in sentences:
            if a == b:
                continue
            middle, tail, predicate = SENTENCE[kind]
            tail = tail or TITLES[a % len(TITLES)] + "。"
            start = len(text)
            text += names[a] + middle + names[b] + tail
            where = f"<{E}doc/{doc}#char={start},{len(text)}>"
            lines += span_lines(where, doc, start, len(text))
            b_start = start + len(names[a]) + len(middle)
            for who, begin in ((a, start), (b, b_start)):
                mention = f"<{E}doc/{doc}#char={begin},{begin + len(names[who])}>"
                lines += [f"{mention} <{ITSRDF.taIdentRef}> {ent[who]} .",
                          *span_lines(mention, doc, begin, begin + len(names[who]))]
                mentioned.add(who)
            if kind == "role":
                member, post = f"<{E}membership/{doc}/{start}>", f"<{E}post/{a % len(TITLES)}>"
                lines += [f"{member} <{RDF_NS}type> <{ORG_NS}Membership> .", f"{member} <{ORG_NS}member> {ent[a]} .",
                          f"{member} <{ORG_NS}organization> {ent[b]} .", f"{member} <{ORG_NS}role> {post} .",
                          f"{post} <{SKOS.prefLabel}> {literal(TITLES[a % len(TITLES)])}@zh .",
                          f"{member} <{KG_NS}evidence> {where} ."]
            else:
                rel = f"<{E}rel/{doc}/{start}>"
                lines += [f"{ent[a]} <{predicate}> {ent[b]} .", f"{rel} <{RDF_NS}type> <{RDF_NS}Statement> .",
                          f"{rel} <{RDF_NS}subject> {ent[a]} .", f"{rel} <{RDF_NS}predicate> <{predicate}> .",
                          f"{rel} <{RDF_NS}object> {ent[b]} .", f"{rel} <{KG_NS}evidence> {where} ."]
        lines += [f"<{E}doc/{doc}> <{NIF.isString}> {literal(text)} .",
                  f'<{E}doc/{doc}> <http://purl.org/dc/terms/identifier> "{doc}" .']
    (folder / "graph.nt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    org = by_type["organization"][0]
    return {"mentioned": len(mentioned), "top_person": names[top_person], "top_org": names[top_org],
            "org": names[org], "org_variant": names[org][:2] + "委" + str(org)}
