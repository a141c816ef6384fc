"""Bodies under bodies as the text states it (``kg.nlp.relations.structure``), on sentences written
for these tests (invented bodies, one shape each)."""

from __future__ import annotations

from relation_tuples import relations


def suborgs(nlp, raw: str) -> set[tuple[str, str | None]]:
    return {(head, tail) for kind, head, tail, _ in relations(nlp, raw) if kind == "suborg"}


def test_structure_a_society_supervised_by_a_commission_is_under_it(nlp):
    """``A是B主管的社会团体``: as ``A由B主管``."""
    raw = "江西省老年保健协会是江西省卫生健康委员会主管的社会团体。"
    assert suborgs(nlp, raw) == {("江西省老年保健协会", "江西省卫生健康委员会")}


def test_structure_a_body_under_the_umbrella_of_another(nlp):
    raw = "江西省健康教育中心是江西省卫生健康委员会旗下的事业单位。"
    assert suborgs(nlp, raw) == {("江西省健康教育中心", "江西省卫生健康委员会")}


def test_structure_the_supervisor_named_first_is_the_parent(nlp):
    """``B是A的主管部门``: the supervisor comes first; A is under B, not the other way round."""
    raw = "江西省卫生健康委员会是江西省胸科医院的主管部门。"
    assert suborgs(nlp, raw) == {("江西省胸科医院", "江西省卫生健康委员会")}
    raw = "江西省卫生健康委员会是江西省老年保健协会的业务主管单位。"
    assert suborgs(nlp, raw) == {("江西省老年保健协会", "江西省卫生健康委员会")}


def test_structure_a_hospital_said_to_be_another_s_branch_is_under_it(nlp):
    raw = "吉安市第三人民医院是江西省胸科医院的分院。"
    assert suborgs(nlp, raw) == {("吉安市第三人民医院", "江西省胸科医院")}
