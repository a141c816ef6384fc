"""A small, real linked graph for the exporters, built by hand from seed 000.

Offsets are computed with ``str.index`` on the real text, so a fixture typo
shows up as an exception here, not as a confusing exporter failure.
"""

from __future__ import annotations

import pytest

from kg import model

DOC_ID = "000_2bd2ab5580cfad16.txt"
SENTENCE_1 = "7日，福建省医保基金监管集中宣传月活动在福州启动。"
SENTENCE_2 = "省医保局副局长刘家城表示，2023年，我省各级医保部门将紧紧围绕“医保基金监管安全规范年行动”目标任务"
TEXT = SENTENCE_1 + SENTENCE_2
S1 = (0, len(SENTENCE_1))
S2 = (len(SENTENCE_1), len(TEXT))

PER = "PER:刘家城"
ORG = "ORG:福建省医疗保障局"
PROG = "PROG:医保基金监管安全规范年行动"
FUJIAN = "LOC:福建省"
FUZHOU = "LOC:福州"


def mention(label: str, surface: str, sentence: tuple[int, int]) -> model.Mention:
    start = TEXT.index(surface, sentence[0])
    return model.Mention(DOC_ID, start, start + len(surface), label, surface, sentence)


def build_graph() -> model.Graph:
    document = model.Document(
        doc_id=DOC_ID,
        source=f"seeds/{DOC_ID}",
        raw=TEXT,
        text=TEXT,
        offsets=tuple(range(len(TEXT) + 1)),
    )
    entities = (
        model.Entity(
            key=ORG,
            label="ORG",
            name="福建省医疗保障局",
            variants=("省医保局",),
            mentions=(mention("ORG", "省医保局", S2),),
        ),
        model.Entity(
            key=PER,
            label="PER",
            name="刘家城",
            variants=("刘家城",),
            mentions=(mention("PER", "刘家城", S2),),
        ),
        model.Entity(
            key=PROG,
            label="PROG",
            name="医保基金监管安全规范年行动",
            variants=("医保基金监管安全规范年行动",),
            mentions=(mention("PROG", "医保基金监管安全规范年行动", S2),),
        ),
        model.Entity(
            key=FUJIAN,
            label="LOC",
            name="福建省",
            variants=("福建省",),
            mentions=(mention("LOC", "福建省", S1),),
            attributes=(("adminCode", "350000000000"),),
        ),
        model.Entity(
            key=FUZHOU,
            label="LOC",
            name="福州",
            variants=("福州",),
            mentions=(mention("LOC", "福州", S1),),
            attributes=(("adminCode", "350100000000"), ("parent", FUJIAN)),
        ),
    )
    evidence_2 = ((DOC_ID, *S2),)
    relations = (
        model.Relation("role", PER, ORG, role="副局长", evidence=evidence_2),
        model.Relation("cooccur", PER, ORG, weight=1, evidence=evidence_2),
        model.Relation("cooccur", PER, PROG, weight=1, evidence=evidence_2),
        model.Relation("cooccur", FUJIAN, FUZHOU, weight=1, evidence=((DOC_ID, *S1),)),
        model.Relation("located", FUZHOU, FUJIAN, evidence=((DOC_ID, *S1),)),
    )
    return model.Graph(documents=(document,), entities=entities, relations=relations)


@pytest.fixture
def graph() -> model.Graph:
    return build_graph()
