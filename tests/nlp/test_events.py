"""Who runs a program, read by ``kg.nlp.relations.events`` on sentences written for these tests
(invented bodies and programs, one shape each)."""

from __future__ import annotations

import pytest
from relation_tuples import relations

from kg.conventions import in_purpose_clause
from kg.labels import NAMED_AFTER


def organizers(nlp, raw: str) -> set[tuple[str, str | None, str]]:
    return {(head, tail, role) for kind, head, tail, role in relations(nlp, raw) if kind == "organizer"}


def test_events_a_program_named_as_the_aim_of_a_clause_of_purpose_has_no_organizer(nlp):
    """The headline's body is no subject of the next line's ``为…，全面开展X``: X is the aim."""
    raw = "江北市卫生健康委员会组织专家义诊\n为贯彻落实有关要求，全面开展全民健康促进行动，江北市医学会派出专家。"
    assert organizers(nlp, raw) == set()


def test_events_the_body_before_a_purpose_runs_the_program(nlp):
    """``A为…，开展X``: A is the subject of ``为`` and of the verb, so A runs X."""
    raw = "江北市卫生健康委员会为进一步提升群众健康素养，全面开展全民健康促进行动。"
    assert organizers(nlp, raw) == {("江北市卫生健康委员会", "全民健康促进行动", "全面开展")}


def test_events_a_program_named_after_a_body_is_its_own_when_no_one_is_said_to_run_it(nlp):
    raw = "江北市红十字会表示，江北市红十字会“博爱光明”行动已帮助千人。"
    assert organizers(nlp, raw) == {("江北市红十字会", "江北市红十字会“博爱光明”行动", NAMED_AFTER)}


def test_events_a_program_named_after_a_society_is_run_by_the_committees_the_text_names(nlp):
    """Two of the society's committees hold the activity: they organize it, the society does not."""
    raw = "5月2日，九三学社东湖省委员会联合九三学社江北市委员会举办九三学社“同心·光明行”活动。九三学社社员参加。"
    found = organizers(nlp, raw)
    assert {body for body, _, _ in found} == {"九三学社东湖省委员会", "九三学社江北市委员会"}
    assert not any(role == NAMED_AFTER for *_, role in found)


def test_events_a_list_whose_sentence_names_no_program_is_left_to_the_linker(nlp):
    raw = "今年4月是第12个健康生活月。本次活动由江北市健康促进委员会主办，江北市疾病预防控制中心承办。"
    assert organizers(nlp, raw) == {("江北市健康促进委员会", None, "主办"), ("江北市疾病预防控制中心", None, "承办")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("甲会组织义诊。为落实要求，开展乙行动", True),  # after a sentence end
        ("甲会组织义诊，为进一步落实要求，开展乙行动", True),  # after a comma
        ("为落实要求，开展乙行动", True),  # the text's first word
        ("甲会为进一步落实要求，开展乙行动", False),  # 甲会 is the subject of 为
        ("甲会，活动为期三天，开展乙行动", False),  # 为期 is no purpose
    ],
)
def test_events_a_clause_of_purpose(text, expected):
    start = text.index("会") + 1 if text.startswith("甲会") else 0
    assert in_purpose_clause(text, start, text.index("乙")) is expected


def test_events_a_clause_of_purpose_after_a_line_break():
    text = "甲会组织义诊为落实要求开展乙行动"  # a headline whose line break the normalised text lost
    assert in_purpose_clause(text, 2, text.index("乙"), frozenset({6}))
    assert not in_purpose_clause(text, 2, text.index("乙"))


def test_events_a_body_where_a_program_starts_is_the_venue_and_the_body_before_it_starts_it(nlp):
    raw = "5月3日，江北市医学会在江北市人民医院启动“光明江北”行动。"
    assert organizers(nlp, raw) == {("江北市医学会", "“光明江北”行动", "启动")}
    assert organizers(nlp, "5月3日，在江北市人民医院启动“光明江北”行动。") == set()  # no subject named


def test_events_bodies_hosting_a_ceremony_organize_no_program(nlp):
    """A ceremony is no program: its co-hosts are partners, not organizers of the article's program."""
    program = "江北市卫生健康委员会推进“光明江北”行动。"
    assert organizers(nlp, program + "5月3日，签约仪式由江北市医学会、江北日报社共同承办。") == set()
    assert organizers(nlp, program + "本次活动由江北市医学会主办。") == {("江北市医学会", None, "主办")}


@pytest.mark.parametrize(
    "raw, expected",
    [
        # 举行 starts a program as 举办 does; the body after 在 is the venue
        (
            "3月2日，南溪市卫生健康委员会在南溪市中心医院举行“健康乡村”行动启动仪式。",
            {("南溪市卫生健康委员会", "“健康乡村”行动", "举行")},
        ),
        # 携手 joins two subjects of one verb: both run the program
        (
            "南溪市疾病预防控制中心携手南溪市教育局推出“营养校园”项目。",
            {
                ("南溪市疾病预防控制中心", "“营养校园”项目", "携手"),
                ("南溪市疾病预防控制中心", "“营养校园”项目", "推出"),
                ("南溪市教育局", "“营养校园”项目", "携手"),
                ("南溪市教育局", "“营养校园”项目", "推出"),
            },
        ),
        # 主办方为A: the program named before it in the sentence
        ("“爱眼护眼”公益活动的主办方为南溪市眼科医院。", {("南溪市眼科医院", "“爱眼护眼”公益活动", "主办")}),
        # A作为主办方: a field written after its body, the program left to the linker
        ("南溪市卫生健康委员会作为主办方全程参与。", {("南溪市卫生健康委员会", None, "主办")}),
        # X是A打造的…: a relative clause of running
        ("“银龄健康”工程是南溪市卫生健康委员会打造的惠民品牌。", {("南溪市卫生健康委员会", "“银龄健康”工程", "打造")}),
        # 由A牵头，…开展X: the agent leads what the rest of the sentence names
        (
            "由南溪市卫生健康委员会牵头，开展“医保便民”专项行动。",
            {("南溪市卫生健康委员会", "“医保便民”专项行动", "牵头")},
        ),
        # 由A牵头组织，B具体实施: the second clause's agent drops its 由
        (
            "“健康进万家”行动由南溪市卫生健康委员会牵头组织，南溪市疾病预防控制中心具体实施。",
            {
                ("南溪市卫生健康委员会", "“健康进万家”行动", "组织"),
                ("南溪市疾病预防控制中心", "“健康进万家”行动", "实施"),
            },
        ),
        # 由A指导，B与C联合举办: the guide organizes nothing, the joint hosts the article's program
        (
            "活动由南溪市卫生健康委员会指导，南溪市第一人民医院与南溪市中医院联合举办。",
            {(body, None, verb) for body in ("南溪市第一人民医院", "南溪市中医院") for verb in ("举办", "联合举办")},
        ),
    ],
)
def test_events_organizers_of_general_shapes(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


def test_events_a_body_that_only_takes_part_organizes_nothing(nlp):
    assert organizers(nlp, "南溪市第一人民医院派出专家参加“健康乡村”行动。") == set()
    # a body that runs something in a clause with no agent before it is no agent of a program
    assert organizers(nlp, "南溪市第一人民医院组织专家，南溪市第二人民医院实施手术。") == set()


@pytest.mark.parametrize(
    "raw, expected",
    [
        # the article's word for itself as the subject: the body it stands for runs the program
        (
            "南溪市中心医院召开职工大会。近日，我院开展“送医下乡”义诊活动。",
            {("南溪市中心医院", "“送医下乡”义诊活动", "开展")},
        ),
        ("南溪市红十字会召开会议。本会启动“博爱家园”项目。", {("南溪市红十字会", "“博爱家园”项目", "启动")}),
        # 该院: the body of that kind named just before
        (
            "南溪市中心医院新院区投入使用。近日，该院开展“送医下乡”义诊活动。",
            {("南溪市中心医院", "“送医下乡”义诊活动", "开展")},
        ),
        # 在我院: the venue, no subject
        ("南溪市中心医院召开职工大会。“送医下乡”义诊活动在我院举办。", set()),
    ],
)
def test_events_the_article_s_own_body_as_subject(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a field's bodies separated by spaces, and the next field on its own line
        (
            "“健康南溪”行动启动\n主办单位：南溪市卫生健康委员会 南溪市医疗保障局\n承办单位：南溪市第一人民医院",
            {
                ("南溪市卫生健康委员会", None, "主办"),
                ("南溪市医疗保障局", None, "主办"),
                ("南溪市第一人民医院", None, "承办"),
            },
        ),
        # a field written without 单位
        (
            "“健康南溪”行动启动\n主办：南溪市卫生健康委员会\n承办：南溪市第一人民医院",
            {("南溪市卫生健康委员会", None, "主办"), ("南溪市第一人民医院", None, "承办")},
        ),
        # 主办单位为A: the program of its sentence
        (
            "“健康南溪”行动的主办单位为南溪市卫生健康委员会，承办单位为南溪市第一人民医院。",
            {("南溪市卫生健康委员会", "“健康南溪”行动", "主办"), ("南溪市第一人民医院", "“健康南溪”行动", "承办")},
        ),
    ],
)
def test_events_fields_of_a_listing(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "在由南溪市医学会主办的学术研讨会上，南溪市卫生健康委员会启动了“健康南溪”行动。",
        "南溪市医学会承办了本次座谈会，会上南溪市卫生健康委员会启动“健康南溪”行动。",
        "在由南溪市医学会组织的座谈会上，南溪市卫生健康委员会启动“健康南溪”行动。",
    ],
)
def test_events_the_host_of_a_meeting_organizes_no_program_launched_at_it(nlp, raw):
    assert organizers(nlp, raw) == {("南溪市卫生健康委员会", "“健康南溪”行动", "启动了" if "启动了" in raw else "启动")}


def test_events_a_body_quoted_with_ju_is_no_subject(nlp):
    assert organizers(nlp, "据南溪市卫生健康委员会介绍，全市已开展“健康家庭”行动。") == set()


def test_events_the_source_of_a_report_runs_what_its_sentence_launches_with_no_subject(nlp):
    """``记者从A获悉，全市将启动X``: A is no grammatical subject, but the one body whose news the article
    relays, which ``kg.nlp.relations.launches._source`` makes the organizer of a launch with no subject
    (as ../shared/gold lists a bureau's press-conference report); before 2916cdc this gave nothing."""
    raw = "记者从南溪市卫生健康委员会获悉，全市将启动“健康家庭”行动。"
    assert organizers(nlp, raw) == {("南溪市卫生健康委员会", "“健康家庭”行动", "启动")}


@pytest.mark.parametrize(
    "raw, expected",
    [
        # 组织 right before the program runs it, as 开展 does, with 牵头 before it or alone
        (
            "南溪市疾病预防控制中心牵头组织“全民控烟行动”。",
            {("南溪市疾病预防控制中心", "全民控烟行动", "牵头组织")},
        ),
        ("南溪市总工会组织“职工健康守护计划”。", {("南溪市总工会", "职工健康守护计划", "组织")}),
        # a relative clause of running with when it started between the body and the verb
        (
            "据了解，“心脑健康工程”是南溪市卫生健康委员会于2020年启动的民生项目。",
            {("南溪市卫生健康委员会", "心脑健康工程", "启动")},
        ),
    ],
)
def test_events_organizers_by_organizing_verbs_and_relative_clauses(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


def test_events_organizing_to_take_part_runs_nothing(nlp):
    """``组织参加X``: the body sends people to X, it does not run it."""
    assert organizers(nlp, "南溪市人民医院积极组织参加“全国护理技能大赛”。") == set()


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a hospital's news calls it 医院 at the head of a clause
        (
            "今年以来，南溪市人民医院持续开展“健康大讲堂”活动。医院还组织开展“健康进校园”活动。",
            {
                ("南溪市人民医院", "“健康大讲堂”活动", "开展"),
                ("南溪市人民医院", "“健康进校园”活动", "组织开展"),
            },
        ),
        # 在医院: the venue, no subject
        ("南溪市人民医院召开职工大会。“健康讲座”活动在医院举办。", set()),
    ],
)
def test_events_a_bare_hospital_opening_a_clause_is_the_article_s_own(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        # A的“X”: the body the program is written after with 的
        ("南溪市人民医院的“健康快车”项目已走进20个乡镇。", {("南溪市人民医院", "“健康快车”项目", "的")}),
        # A召开“X”总结会: the body convening a meeting on the program runs it
        ("近日，南溪市红十字会召开“博爱光明”行动总结会。", {("南溪市红十字会", "“博爱光明”行动", "召开")}),
        # a meeting on building a strategy (X建设推进会) says nothing of who runs X
        ("南溪市卫生健康委员会召开“健康南溪”建设推进会。", set()),
    ],
)
def test_events_programs_owned_by_the_body_written_before_them(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        # A是“X”的主办单位, each body of a list
        (
            "南溪市卫生健康委员会、南溪市医学会是“健康南溪行”活动的主办单位。",
            {
                ("南溪市卫生健康委员会", "“健康南溪行”活动", "主办"),
                ("南溪市医学会", "“健康南溪行”活动", "主办"),
            },
        ),
        # A作为X的牵头单位
        (
            "南溪市医学会作为“名医进社区”活动的牵头单位，组织专家深入社区。",
            {("南溪市医学会", "“名医进社区”活动", "牵头")},
        ),
        # a field of running other than hosting: 发起单位为A
        ("“博爱光明”行动的发起单位为南溪市红十字会。", {("南溪市红十字会", "“博爱光明”行动", "发起")}),
    ],
)
def test_events_bodies_the_text_calls_a_program_s_host_or_lead(nlp, raw, expected):
    assert organizers(nlp, raw) == expected


def test_events_co_hosts_called_so_are_partners(nlp):
    found = relations(nlp, "南溪市卫生健康委员会、南溪市医学会是“健康南溪行”活动的主办单位。")
    assert ("partner", "南溪市卫生健康委员会", "南溪市医学会", "") in found


def test_events_a_body_led_by_the_agent_is_no_program_of_the_article(nlp):
    """``由A牵头的B(联盟)成立``: A leads a body; the article's program gets no organizer from it."""
    raw = "由赣州市人民医院牵头的“赣南胸痛救治联盟”正式成立。"
    assert organizers(nlp, raw) == set()


def test_events_a_journal_hosted_by_a_society_is_no_program_of_the_article(nlp):
    raw = "由赣州市医学会主办的《赣南医学杂志》社召开编委会。"
    assert organizers(nlp, raw) == set()


def test_events_the_body_deploying_a_campaign_runs_it(nlp):
    """``X由A统一部署，各地组织实施``: A runs the campaign it deploys."""
    raw = "“清源护苗”行动由赣州市市场监督管理局统一部署，各县区组织实施。"
    assert organizers(nlp, raw) == {("赣州市市场监督管理局", "“清源护苗”行动", "部署")}


def test_events_the_agent_with_a_time_before_its_verb_runs_the_program(nlp):
    """``X由A于2019年发起``: a time between the agent and its verb, as in ``A于2019年发起的X``."""
    raw = "据了解，“杏林春暖”义诊周活动由赣州市医学会于2019年发起。"
    assert organizers(nlp, raw) == {("赣州市医学会", "“杏林春暖”义诊周活动", "发起")}


def test_events_a_program_named_after_its_body_written_short_elsewhere(nlp):
    """``江南省人民医院“X”活动`` with the body written ``省人民医院`` in the article: the program is named
    after it (its place, then the rest of the body's short name)."""
    raw = "近日，湖北省肿瘤医院“粉红守护”公益活动走进湖北省咸宁市。省肿瘤医院乳腺科专家为居民免费筛查。"
    assert organizers(nlp, raw) == {("省肿瘤医院", "湖北省肿瘤医院“粉红守护”公益活动", NAMED_AFTER)}


def test_events_no_body_short_name_is_read_inside_a_program_of_a_place_the_article_does_not_name(nlp):
    """A guard: with 湖北省 named only inside the program, 省肿瘤医院 may be linked to the province the
    article is set in, another one: no organizer is read."""
    raw = "近日，湖北省肿瘤医院“粉红守护”公益活动走进社区。省肿瘤医院乳腺科专家为居民免费筛查。"
    assert organizers(nlp, raw) == set()


@pytest.mark.parametrize("how", ["组织开展", "牵头实施", "具体负责实施"])
def test_events_a_relative_clause_with_a_compound_verb_names_the_organizer(nlp, how):
    """``A组织开展的X``, ``A牵头实施的X``: words of how before the verb of the clause, as 重点 in ``A重点打造的X``."""
    raw = f"赣州市卫生健康委员会{how}的“百医进百村”活动成效显著。"
    assert {(body, prog) for body, prog, _ in organizers(nlp, raw)} == {("赣州市卫生健康委员会", "“百医进百村”活动")}
