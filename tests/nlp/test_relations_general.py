"""General shapes of posts, co-organizers and partners (issue 12), each on a sentence written for
this test with invented people and bodies: what the relations must read on unseen articles."""

from __future__ import annotations

import pytest
from relation_tuples import relations


def roles(nlp, raw: str) -> set[tuple[str, str, str | None]]:
    return {(h, role, t) for kind, h, t, role in relations(nlp, raw) if kind == "role"}


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a council's term between the society and the title: the post is the society's
        ("江南省护理学会第九届理事会理事长张海燕致辞。", {("张海燕", "理事长", "江南省护理学会")}),
        ("张海燕当选为江南省护理学会第九届理事会理事长。", {("张海燕", "理事长", "江南省护理学会")}),
        # 现任 is a verb of office
        ("张建华现任江南省肿瘤医院副院长。", {("张建华", "副院长", "江南省肿瘤医院")}),
        # a second post after 兼任, following the first one's object
        (
            "据悉，黄志伟任海城市中西医结合医院院长，兼任海城市医学会会长。",
            {("黄志伟", "院长", "海城市中西医结合医院"), ("黄志伟", "会长", "海城市医学会")},
        ),
        # the body of an appointment written as a word for it (该校)
        ("江南医科大学聘请孙立平为该校客座教授。", {("孙立平", "客座教授", "江南医科大学")}),
        # a list of names after a verb of appointment: each one takes the post
        (
            "江南医科大学聘请张建国、李明华为江南医科大学客座教授。",
            {("张建国", "客座教授", "江南医科大学"), ("李明华", "客座教授", "江南医科大学")},
        ),
        # a list of names before a verb of office: each one takes the post
        (
            "吴海涛、郑玉兰任江南省医学会副会长。",
            {("吴海涛", "副会长", "江南省医学会"), ("郑玉兰", "副会长", "江南省医学会")},
        ),
        # a description after a colon, or a profile's clauses after the sex
        ("张伟：江南省医学会会长", {("张伟", "会长", "江南省医学会")}),
        (
            "专家简介：张伟，男，主任医师，江南省人民医院心内科主任。",
            {("张伟", "主任医师", None), ("张伟", "主任", "江南省人民医院")},
        ),
        # general posts of courts, teams and villages
        ("海城市人民检察院检察长王海峰出席。", {("王海峰", "检察长", "海城市人民检察院")}),
        ("江南省援疆医疗队领队陈立新介绍情况。", {("陈立新", "领队", "江南省援疆医疗队")}),
        ("乡村医生李春花每天为村民测量血压。", {("李春花", "乡村医生", None)}),
        # a qualified title with no body after 为: the body that appoints
        ("江南医科大学聘请孙立平为客座教授。", {("孙立平", "客座教授", "江南医科大学")}),
        (
            "江南医科大学聘请张建国、李明华为客座教授。",
            {("张建国", "客座教授", "江南医科大学"), ("李明华", "客座教授", "江南医科大学")},
        ),
        # 系/是 before a body and its titles
        ("陈国平系海城市中医院院长。", {("陈国平", "院长", "海城市中医院")}),
        (
            "陈国平是海城市中医院副院长、主任医师。",
            {("陈国平", "副院长", "海城市中医院"), ("陈国平", "主任医师", "海城市中医院")},
        ),
        # a profile's clauses (sex, birth, origin, party, degree) between the name and 现任
        ("黄振宇，男，1972年生，中共党员，现任海城市中医院院长。", {("黄振宇", "院长", "海城市中医院")}),
        # a qualified title after a verb of office
        ("孙立平被聘为江南医科大学兼职教授。", {("孙立平", "兼职教授", "江南医科大学")}),
        # the passive of appointing and electing
        ("李文华被任命为海城市第二人民医院院长。", {("李文华", "院长", "海城市第二人民医院")}),
        ("周晓东被选举为江南省护理学会会长。", {("周晓东", "会长", "江南省护理学会")}),
    ],
)
def test_relations_general_posts(nlp, raw, expected):
    assert expected <= roles(nlp, raw)


def test_relations_general_our_school_is_the_university_the_article_names_by_its_short_form(nlp):
    """``我校`` and a bare ``副校长`` in an article that names its university only as ``某师大``: that
    university (a short form ending in 大 is a school's), not a congress (``某人大``)."""
    text = "近日，我校与海城市人民政府签署合作协议。副校长陈建华致辞。海城市人大代表参加。滨江师大将发挥优势。"
    found = relations(nlp, text)
    assert ("role", "陈建华", "滨江师大", "副校长") in found
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert partners == {frozenset(("滨江师大", "海城市人民政府"))}


def test_relations_general_a_campus_written_after_its_body_holds_the_post(nlp):
    """``某医院东院区副院长甲``: the campus, a unit the graph names and puts under the hospital (kept,
    unlike a hospital's department); before, the title after an unmentioned campus was dropped."""
    found = relations(nlp, "滨海医科大学第二附属医院东院区副院长孙立新介绍了情况。")
    assert ("unit_role", "孙立新", "滨海医科大学第二附属医院", "东院区|副院长") in found


def test_relations_general_a_post_before_a_colon_is_the_name_s(nlp):
    """``某医院党委书记：甲`` in a list of officials; a byline's word before a colon stays a byline's,
    and a verb of speech before a colon gives the next name nothing."""
    found = roles(nlp, "出席人员名单。海城市东湖医院党委书记：蔡文博；海城市东湖医院院长：王志强。")
    assert found == {("蔡文博", "党委书记", "海城市东湖医院"), ("王志强", "院长", "海城市东湖医院")}
    assert roles(nlp, "海城市东湖医院院长蔡文博表示：韩立新同志工作认真。") == {("蔡文博", "院长", "海城市东湖医院")}


def test_relations_general_an_organ_written_after_its_unit_holds_the_post(nlp):
    """``某医院工会主席甲``: a post in the organ (the graph names it 某医院工会, under the hospital),
    not dropped as a hospital's department is; ``副院长、工会主席`` in a chain stays the hospital's."""
    found = relations(nlp, "海城市第五人民医院工会主席孙红梅出席。")
    assert ("unit_role", "孙红梅", "海城市第五人民医院", "工会|主席") in found


def test_relations_general_shi_before_no_title_gives_no_post(nlp):
    assert not roles(nlp, "陈国平是一名医生，在海城市中医院工作。")


def test_relations_general_a_title_after_a_verb_of_office_that_a_name_follows_is_that_name_s(nlp):
    """``甲是某院院长乙的学生``: the 院长 is 乙's, 甲 holds nothing."""
    assert roles(nlp, "李文涛是海城市中医院院长陈国平的学生。") == {("陈国平", "院长", "海城市中医院")}


def test_relations_general_a_verb_of_office_with_no_title_after_it_gives_no_post(nlp):
    """``甲任职以来``: 任 is no verb of office when no body or title follows it."""
    assert not roles(nlp, "张建华任职以来，江南省肿瘤医院发展很快。")


def test_relations_general_co_organizers_joined_by_lianhe_after_you(nlp):
    """``X由A、B联合举办``: both organize X and, having organised it together, are partners."""
    found = relations(nlp, "本次“爱心义诊周”活动由海城市红十字会、海城市医学会联合举办。")
    organizers = {h for kind, h, _, _ in found if kind == "organizer"}
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert organizers == {"海城市红十字会", "海城市医学会"}
    assert partners == {frozenset(("海城市红十字会", "海城市医学会"))}


def test_relations_general_the_article_s_own_body_signs_with_a_list(nlp):
    """``我院与B、C签订…协议``: the body 我院 stands for is a party with each of the list."""
    found = relations(nlp, "海城市第三人民医院召开职工大会。我院与江南省人民医院、江南省肿瘤医院签订协作协议。")
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert partners == {
        frozenset(("海城市第三人民医院", "江南省人民医院")),
        frozenset(("海城市第三人民医院", "江南省肿瘤医院")),
    }


def test_relations_general_bodies_that_cooperate_are_partners(nlp):
    found = relations(nlp, "江南省妇幼保健院与海城市妇幼保健院开展合作。")
    assert ("partner", "江南省妇幼保健院", "海城市妇幼保健院", "") in found


@pytest.mark.parametrize(
    "raw, pair",
    [
        ("江南省人民医院与海城市中心人民医院建立对口帮扶关系。", ("江南省人民医院", "海城市中心人民医院")),
        (
            "江南省卫生健康委员会、江南省医疗保障局联合开展“清朗医保”专项行动。",
            ("江南省卫生健康委员会", "江南省医疗保障局"),
        ),
    ],
)
def test_relations_general_aid_and_joint_launches_make_partners(nlp, raw, pair):
    partners = {frozenset((h, t)) for kind, h, t, _ in relations(nlp, raw) if kind == "partner"}
    assert partners == {frozenset(pair)}


def test_relations_general_a_clause_of_aid_is_its_sentence_s_subject_s(nlp):
    """``A将派出专家团队，对口帮扶B和C``: the clause of aid has no body before its verb; A aids B and C."""
    found = relations(nlp, "根据协议，海城市第四医院将派出专家团队，对口帮扶东湖区人民医院和东湖区中医医院。")
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert partners == {
        frozenset(("海城市第四医院", "东湖区人民医院")),
        frozenset(("海城市第四医院", "东湖区中医医院")),
    }


def test_relations_general_both_sides_sign_what_the_bodies_named_before_them_sign(nlp):
    """``A与B举行座谈。会上，双方签署…协议``: the two bodies joined by 与 before sign it; a 双方 that
    signs nothing (达成共识) makes no partners."""
    found = relations(nlp, "6月5日，滨海市中心医院与西湖区人民政府举行座谈。会上，双方签署了紧密型医联体合作协议。")
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert partners == {frozenset(("滨海市中心医院", "西湖区人民政府"))}
    found = relations(nlp, "滨海市中心医院与西湖区人民政府举行座谈，双方就合作达成共识。")
    assert not {r for r in found if r[0] == "partner"}


def test_relations_general_an_exclamation_mark_ends_the_sentence_of_a_host(nlp):
    """The normalised text writes ``！`` as ``!``: the host of one sentence does not organize the
    program the next one launches."""
    found = relations(nlp, "欢迎参加由海城市红十字会主办的义诊！海城市医学会当天启动“健康快车”项目。")
    assert ("organizer", "海城市红十字会", "“健康快车”项目", "主办") not in found
    assert ("organizer", "海城市医学会", "“健康快车”项目", "启动") in found


def test_relations_general_a_host_said_in_a_clause_shares_no_list_with_the_next_clause(nlp):
    """``主办方为A，B承办``: A hosts, B runs it; the comma ends the clause, so they are no co-hosts."""
    found = relations(nlp, "本次活动的主办方为海城市卫生健康委员会，海城市第一医院承办。")
    assert ("organizer", "海城市第一医院", None, "主办") not in found
    assert not {r for r in found if r[0] == "partner"}


def test_relations_general_the_body_in_a_clause_of_what_it_is_owns_nothing(nlp):
    """``A作为B的附属医院，下设C``: A is the subject of 下设, B only what A is."""
    found = relations(nlp, "海城市人民医院作为江南大学的附属医院，下设海城市人民医院北城分院。")
    assert ("suborg", "海城市人民医院北城分院", "海城市人民医院", "") in found
    assert ("suborg", "海城市人民医院北城分院", "江南大学", "") not in found


def test_relations_general_a_body_acting_as_host_organizes_the_program_of_its_sentence(nlp):
    found = relations(nlp, "江南省人民医院作为承办单位，全程参与“健康快车”项目。")
    assert ("organizer", "江南省人民医院", "“健康快车”项目", "承办") in found


def test_relations_general_a_guiding_body_organizes_nothing(nlp):
    found = relations(nlp, "在江南省卫生健康委员会的指导下，海城市第一医院开展“百医进百村”活动。")
    assert {h for kind, h, _, _ in found if kind == "organizer"} == {"海城市第一医院"}


@pytest.mark.parametrize(
    "raw, child, parent",
    [
        ("江南省药品监督管理局直属单位江南省药品审评中心开展培训。", "江南省药品审评中心", "江南省药品监督管理局"),
        ("江南省医学会旗下的江南省医学会心血管病学分会参加。", "江南省医学会心血管病学分会", "江南省医学会"),
        (
            "江南省卫生健康委员会主管的江南省卫生健康宣传教育中心发布通知。",
            "江南省卫生健康宣传教育中心",
            "江南省卫生健康委员会",
        ),
        # an affiliated hospital said of a body in the text, and 及其所属
        ("海城市第一医院作为江南大学的附属医院，承担教学任务。", "海城市第一医院", "江南大学"),
        ("海城市中心医院为江南医科大学的附属医院。", "海城市中心医院", "江南医科大学"),
        ("海城市卫生健康委员会及其所属海城市急救中心参加演练。", "海城市急救中心", "海城市卫生健康委员会"),
        # a word for the body just named (医院, 该中心) as the subject of 由…主管 / 隶属于
        ("海城市第一医院院长林海介绍，医院由海城市卫生健康局主管。", "海城市第一医院", "海城市卫生健康局"),
        ("海城市急救中心成立于2010年。该中心隶属于海城市卫生健康委员会。", "海城市急救中心", "海城市卫生健康委员会"),
        # a society attached to a body (挂靠)
        ("江南省康复医学会挂靠在江南省卫生健康委员会。", "江南省康复医学会", "江南省卫生健康委员会"),
    ],
)
def test_relations_general_a_unit_named_after_its_parent_and_zhishu(nlp, raw, child, parent):
    assert ("suborg", child, parent, "") in relations(nlp, raw)


def test_relations_general_each_body_of_a_list_after_suoshu_is_under_the_parent(nlp):
    """``B所属A、C``, ``B直属单位A、C和D``: every body of the list is B's, not only the first."""
    found = relations(nlp, "江南省卫生健康委员会直属单位江南省血液中心、江南省急救中心和江南省职业病医院参加演练。")
    children = {h for kind, h, t, _ in found if kind == "suborg" and t == "江南省卫生健康委员会"}
    assert children == {"江南省血液中心", "江南省急救中心", "江南省职业病医院"}


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            "江南省卫生健康委员会启动为期一个月的“健康江南行”活动。",
            ("江南省卫生健康委员会", "“健康江南行”活动", "启动"),
        ),
        (
            "江南省医学会开展以“关爱心脏”为主题的“健康心脏”义诊活动。",
            ("江南省医学会", "“健康心脏”义诊活动", "开展"),
        ),
    ],
)
def test_relations_general_a_length_or_theme_between_the_verb_and_the_program(nlp, raw, expected):
    assert ("organizer", *expected) in relations(nlp, raw)


@pytest.mark.parametrize(
    "raw, expected",
    [
        # the agent of 牵头 alone, not the body that takes part
        (
            "“健康江南行”活动由江南省卫生健康委员会牵头，江南省医学会参与。",
            {("江南省卫生健康委员会", "“健康江南行”活动", "牵头")},
        ),
        # a relative clause before the program, or the subject before 是
        ("江南省红十字会发起的“博爱光明”行动已帮助千人。", {("江南省红十字会", "“博爱光明”行动", "发起")}),
        (
            "“健康江南行”活动是江南省卫生健康委员会推出的一项举措。",
            {("江南省卫生健康委员会", "“健康江南行”活动", "推出")},
        ),
        # a body in such a clause before something else organizes nothing
        ("江南省卫生健康委员会组织的专家团队参加了“健康江南行”活动。", set()),
    ],
)
def test_relations_general_organizers_of_lead_and_relative_clauses(nlp, raw, expected):
    assert {(h, t, role) for kind, h, t, role in relations(nlp, raw) if kind == "organizer"} == expected


def test_relations_general_a_reporter_under_the_paper_s_own_dateline_is_its_byline(nlp):
    """``本报讯（记者 甲）`` says what ``本报记者 甲`` says: the linker names the paper."""
    found = relations(nlp, "本报讯（记者 王晓明 通讯员 李红）近日，江南省人民医院开展义诊。")
    assert ("byline", "王晓明", None, "记者") in found
    assert ("role", "王晓明", None, "记者") not in found


def test_relations_general_a_profile_that_goes_on_with_no_post_describes_nothing(nlp):
    assert not roles(nlp, "张伟，男，今年四十五岁，江南省人民医院的病人。")


def test_relations_general_a_count_closes_a_list_of_hosts(nlp):
    found = relations(nlp, "本次活动由江南省医学会、江南省护理学会两家单位联合主办。")
    assert {h for kind, h, _, _ in found if kind == "organizer"} == {"江南省医学会", "江南省护理学会"}
    assert ("partner", "江南省医学会", "江南省护理学会", "") in found


def test_relations_general_a_body_qualifying_a_word_of_an_earlier_clause_runs_nothing(nlp):
    """``学习A的经验，全面推进X``: A is no subject of the later clause's verb."""
    raw = "会议要求学习江南省人民医院的先进经验，持续推进改革，全面实施“健康守门人”行动。"
    assert not {h for kind, h, _, _ in relations(nlp, raw) if kind == "organizer"}


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a title after the last name of a list is each one's, in the body before the list
        ("张建国、李明华教授作专题报告。", {("张建国", "教授", None), ("李明华", "教授", None)}),
        (
            "江南省人民医院张建国、李明华主任为群众义诊。",
            {("张建国", "主任", "江南省人民医院"), ("李明华", "主任", "江南省人民医院")},
        ),
        # a name with a title of its own does not share the one before the list
        (
            "江南省人民医院院长张建国、李明华教授出席。",
            {("张建国", "院长", "江南省人民医院"), ("李明华", "教授", None)},
        ),
    ],
)
def test_relations_general_a_title_after_a_list_of_names(nlp, raw, expected):
    assert roles(nlp, raw) == expected


def test_relations_general_each_of_the_bodies_after_yu_signs_with_the_first(nlp):
    """``A与B、C分别签订…协议``: A signs with B and with C; B and C sign nothing with each other."""
    found = relations(nlp, "会上，海城市人民医院与东湖区人民医院、东湖区中医医院分别签订帮扶协议。")
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert partners == {
        frozenset(("海城市人民医院", "东湖区人民医院")),
        frozenset(("海城市人民医院", "东湖区中医医院")),
    }


def test_relations_general_an_aid_pairing_over_the_fields_it_covers(nlp):
    """``A将在…方面帮扶B``: the fields between the two sides leave the pairing as it is."""
    found = relations(nlp, "根据协议，海城市人民医院将在人才培养等方面帮扶东湖区人民医院。")
    partners = {frozenset((h, t)) for kind, h, t, _ in found if kind == "partner"}
    assert partners == {frozenset(("海城市人民医院", "东湖区人民医院"))}


@pytest.mark.parametrize(
    "raw",
    [
        "海城市血液中心归海城市卫生健康委员会管理。",  # 归B管理: B governs, as 由B主管
        "海城市血液中心（海城市卫生健康委员会直属事业单位）承担采供血任务。",  # a note in brackets
    ],
)
def test_relations_general_a_unit_under_the_body_that_governs_it(nlp, raw):
    found = {(h, t) for kind, h, t, _ in relations(nlp, raw) if kind == "suborg"}
    assert found == {("海城市血液中心", "海城市卫生健康委员会")}


def test_relations_general_a_body_that_only_owns_or_was_renamed_is_no_parent(nlp):
    """``归B所有`` names no governing; ``A（原B）`` is a former name, no parent."""
    for raw in ("海城市中心医院归海城市卫生健康委员会所有。", "海城市中心医院（原海城市第一医院）开展义诊。"):
        assert not any(kind == "suborg" for kind, *_ in relations(nlp, raw))


def test_relations_general_a_post_held_before_is_read_after_cengren(nlp):
    """``甲曾任某院院长``: a former post, written as the title (the text writes no 原)."""
    assert roles(nlp, "张建华曾任海城市中医院院长。") == {("张建华", "院长", "海城市中医院")}


def test_relations_general_a_verb_of_office_opening_a_clause_after_the_name(nlp):
    """``甲，现任某院院长``: 现任 after a comma (no profile clause) still puts 甲 in the post."""
    assert roles(nlp, "李国强，现任海城市第二人民医院院长。") == {("李国强", "院长", "海城市第二人民医院")}


def test_relations_general_a_clause_after_the_name_not_of_office_gives_no_post(nlp):
    """A guard: ``甲，是某院的一名医生`` names no title; the comma rule takes only verbs of office."""
    assert roles(nlp, "李国强，是海城市第二人民医院的一名医生。") == set()


def test_relations_general_the_word_of_address_before_the_verb_of_office(nlp):
    assert roles(nlp, "李国强同志任海城市卫生健康局副局长。") == {("李国强", "副局长", "海城市卫生健康局")}


def test_relations_general_a_second_post_after_a_year_and_jianren(nlp):
    raw = "2018年，李国强任海城市第二人民医院副院长，2022年兼任海城市医师协会副会长。"
    assert roles(nlp, raw) == {("李国强", "副院长", "海城市第二人民医院"), ("李国强", "副会长", "海城市医师协会")}
