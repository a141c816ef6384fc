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


def test_launches_a_verb_with_no_subject_in_a_report_is_the_source_body(nlp):
    """``记者从A获悉，…全省开展X``: the article relays A's news, A runs what it launches with no subject."""
    raw = "记者从江西省卫生健康委员会获悉，今年以来，全省共开展“健康进万家”活动三千余场。"
    assert organizers(nlp, raw) == {("江西省卫生健康委员会", "“健康进万家”活动")}


def test_launches_the_body_of_a_press_conference_runs_what_is_launched_with_no_subject(nlp):
    """``A举行…新闻发布会。…我省建立了X和Y``: both programs of the list are A's."""
    raw = "12月20日，江西省医疗保障局举行年度例行新闻发布会。会上介绍，我省建立了“智慧医保”监管模式和“双随机”抽查模式。"
    assert organizers(nlp, raw) == {
        ("江西省医疗保障局", "“智慧医保”监管模式"),
        ("江西省医疗保障局", "“双随机”抽查模式"),
    }


def test_launches_a_program_launched_in_my_province_is_read_over_the_province_word(nlp):
    raw = "记者从江西省医疗保障局获悉，开展我省第三批药品集中带量采购，平均降幅过半。"
    assert {body for body, _ in organizers(nlp, raw)} == {"江西省医疗保障局"}


def test_launches_the_press_office_hosting_a_conference_is_no_source(nlp):
    raw = "江西省人民政府新闻办公室举行新闻发布会。会上介绍，今年启动了“暖心护老”活动。"
    assert organizers(nlp, raw) == set()


def test_launches_a_national_program_is_no_provincial_source_body_s(nlp):
    """``记者从某省委员会获悉，…开展国家X``: the province carries it out, the nation runs it."""
    raw = "记者从江西省卫生健康委员会获悉，今年以来，全省开展国家医疗服务能力提升试点。"
    assert organizers(nlp, raw) == set()


def test_launches_no_source_when_two_bodies_give_the_news(nlp):
    raw = "记者从江西省卫生健康委员会获悉。江西省医疗保障局举行新闻发布会。会上介绍，全省开展“暖心护老”活动。"
    assert organizers(nlp, raw) == set()
