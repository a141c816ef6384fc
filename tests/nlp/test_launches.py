"""The subject of a verb that starts a program (``kg.nlp.relations.launches``), on sentences written
for these tests (invented bodies and programs, one shape each)."""

from __future__ import annotations

from relation_tuples import relations


def organizers(nlp, raw: str) -> set[tuple[str, str | None]]:
    return {(head, tail) for kind, head, tail, _ in relations(nlp, raw) if kind == "organizer"}


def test_launches_the_body_its_hosts_travel_to_is_no_subject(nlp):
    """``A组织专家赴B开展X``: B is where X is held, A runs it."""
    raw = "江西省人民医院组织专家团队赴赣州市第五人民医院开展“名医进山村”义诊活动。"
    assert organizers(nlp, raw) == {("江西省人民医院", "“名医进山村”义诊活动")}


def test_launches_a_body_visited_with_zoujin_is_no_subject(nlp):
    raw = "江西省肿瘤医院专家走进南昌市青山湖区卫生健康局举办“科学防癌”讲座活动。"
    assert organizers(nlp, raw) == {("江西省肿瘤医院", "“科学防癌”讲座活动")}


def test_launches_the_body_whose_call_is_answered_is_no_subject(nlp):
    """``A响应B号召，开展X``: A runs X; B only called for it."""
    raw = "南昌市第三医院积极响应江西省卫生健康委员会号召，开展“暖心护老”活动。"
    assert organizers(nlp, raw) == {("南昌市第三医院", "“暖心护老”活动")}


def test_launches_helpers_in_a_clause_of_their_own_are_no_subjects(nlp):
    """``A牵头，B、C配合，实施X``: the lead runs X, the bodies that help are not its subject."""
    raw = "江西省卫生健康委员会牵头，江西省财政厅、江西省民政厅配合，在全省实施“银发健康守护”项目。"
    assert organizers(nlp, raw) == {("江西省卫生健康委员会", "“银发健康守护”项目")}


def test_launches_a_helping_word_right_before_the_verb_leaves_the_subject(nlp):
    """``A配合开展X`` has no clause of its own for the helping word: A is still the verb's subject
    (a guard: the rule above takes only a helping clause ended by a comma)."""
    raw = "南昌市第三医院配合开展“暖心护老”活动。"
    assert organizers(nlp, raw) == {("南昌市第三医院", "“暖心护老”活动")}


def test_launches_the_reach_between_verb_and_program_is_read_over(nlp):
    """``A组织开展全省X``, ``A启动了全市“X”``: 全省/全市 is where X runs, the verb still launches it."""
    raw = "江西省医学会组织开展全省“基层医生科普月”活动。"
    assert organizers(nlp, raw) == {("江西省医学会", "“基层医生科普月”活动")}
    raw = "赣州市红十字会于近日启动了全市“博爱送万家”项目。"
    assert organizers(nlp, raw) == {("赣州市红十字会", "“博爱送万家”项目")}
