"""Relations read around the mentions: on sentences of the seeds and of public test sets, and on
sentences written for these tests (invented bodies and people, one shape each)."""

from __future__ import annotations

import pytest
from relation_tuples import relations

from kg.labels import NAMED_AFTER


def roles(nlp, raw: str) -> set[tuple[str, str, str | None]]:
    return {(head, role, tail) for _, head, tail, role in relations(nlp, raw)}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("省医保局副局长刘家城表示，", {("刘家城", "副局长", "省医保局")}),
        ("厦门大学附属第一医院王占\n祥院长表示，", {("王占祥", "院长", "厦门大学附属第一医院")}),
        ("许先生第二天便现身林威医\n生所在的心内科", {("林威", "医生", None)}),
        ("□本报记者 邓剑云\n4 月是全国", {("邓剑云", "记者", None)}),
        (
            "省卫健委党组书记、主任，\n省医学会会长杨闽红出席会议",
            {("杨闽红", "党组书记", "省卫健委"), ("杨闽红", "主任", "省卫健委"), ("杨闽红", "会长", "省医学会")},
        ),
        (
            "北京医联党委\n书记、北京屈正爱\n心基金会创始人屈\n正表示，",
            {("屈正", "书记", "北京医联党委"), ("屈正", "创始人", "北京屈正爱心基金会")},
        ),
    ],
)
def test_relations_roles(nlp, raw, expected):
    assert expected <= roles(nlp, raw)


def test_relations_byline_of_the_paper(nlp):
    assert ("byline", "邓剑云", None, "记者") in relations(nlp, "□本报记者 邓剑云\n4 月是全国医保基金监管集")


def test_relations_organizers_listed_under_their_field(nlp):
    raw = " 主办单位：福建省医疗保障局\n协办单位：福州市医疗保障\n\n局、《福建卫生报》社\n\n活动组织机构"
    found = {(k, h, r) for k, h, _, r in relations(nlp, raw) if k == "organizer"}
    assert found == {
        ("organizer", "福建省医疗保障局", "主办"),
        ("organizer", "福州市医疗保障局", "协办"),
        ("organizer", "《福建卫生报》社", "协办"),
    }


#: Seed 000: a body, its full name in brackets, and the hospital it signs with.
SIGNING = (
    "启动仪式上，北京医联党委\n（中国北京市医疗健康领域基金\n"
    "会第一联合委员会）与厦门大学\n附属第一医院签署医疗共建战略\n协议。"
)


def test_relations_partners_sign_an_agreement(nlp):
    partners = ("partner", "中国北京市医疗健康领域基金会第一联合委员会", "厦门大学附属第一医院", "")
    assert partners in relations(nlp, SIGNING)


def test_relations_body_governed_by_another(nlp):
    raw = "《福建卫生报》社由福建日报社主管，旗下拥有两张报纸。"
    assert ("suborg", "《福建卫生报》社", "福建日报社", "") in relations(nlp, raw)


def test_relations_papers_owned_by_the_subject_of_the_sentence(nlp):
    """旗下 after ``A由B主管，``: the papers are under A (the subject), not under B (the agent)."""
    raw = "《福建卫生报》社由福建日报\n社主管，旗下拥有《每周文摘》及\n\n《福建卫生报》两张报纸。"
    suborgs = {(h, t) for k, h, t, _ in relations(nlp, raw) if k == "suborg"}
    assert ("《每周文摘》", "《福建卫生报》社") in suborgs
    assert ("《福建卫生报》社", "福建日报社") in suborgs
    assert not any(t == "福建日报社" and h != "《福建卫生报》社" for h, t in suborgs)


def test_relations_a_system_setting_up_posts_is_no_subordinate_body(nlp):
    """``内设立``: 设立 (set up) is the verb, not 内设 (internal unit)."""
    raw = "此外，他还强化监督机制建设，在系统内设立了97名廉政监察员，对外聘请了445人为廉政督察员。"
    assert not {k for k, *_ in relations(nlp, raw)} & {"suborg"}


def test_relations_body_before_the_verb_organizes_the_program(nlp):
    """An MSRA test sentence: 河北省委 ... 实施“鱼水工程”."""
    raw = "去年３月，河北省委提出实施“鱼水工程”，推行政务公开。"
    assert ("organizer", "河北省委", "“鱼水工程”", "实施") in relations(nlp, raw)


def test_relations_no_organizer_is_guessed_for_an_implicit_subject(nlp):
    raw = "同时，持续推进省级集采提速扩\n\n面。开展我省第五批药品、医用耗材\n\n集中带量采购，119个药品中选。"
    assert not {k for k, *_ in relations(nlp, raw)} & {"organizer"}


def test_relations_program_named_after_its_body(nlp):
    raw = SIGNING + "4月7日，北京医联党委福建“师\n带徒”医疗帮扶行动·厦门站启动。"
    assert ("organizer", "北京医联党委", "北京医联党委福建“师带徒”医疗帮扶行动", NAMED_AFTER) in relations(nlp, raw)


def test_relations_where_the_text_says_a_body_is(nlp):
    """An MSRA test sentence: 位于索韦托地区的巴拉瓜纳医院."""
    raw = "于今年６月后开始在位于索韦托地区的巴拉瓜纳医院围墙上组织绘制约堡第二面“纪念墙”。"
    assert ("located", "巴拉瓜纳医院", "索韦托", "") in relations(nlp, raw)


@pytest.mark.parametrize(
    "raw, child, parent",
    [
        # public pages of the bodies themselves
        ("江苏省疾病预防控制中心是江苏省卫生健康委员会直属的公益一类全额拨款事业单位。", "江苏省疾病预防控制中心",
         "江苏省卫生健康委员会"),
        ("河北省疾病预防控制中心为河北省卫生健康委员会直属公益一类全额事业单位", "河北省疾病预防控制中心",
         "河北省卫生健康委员会"),
        ("中日友好医院（简称“中日医院”）是国家卫生健康委员会直属大型综合性三级甲等医院", "中日医院",
         "国家卫生健康委员会"),
        # People's Daily test set: the parent first
        ("长航集团所属长江轮船海外旅游总公司，是长江上最大的旅游企业。", "长江轮船海外旅游总公司", "长航集团"),
    ],
)
def test_relations_body_directly_under_another(nlp, raw, child, parent):
    assert ("suborg", child, parent, "") in relations(nlp, raw)


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a chain of titles after one body: each is a post in it, the first one the Party committee's
        (
            "东湖大学党委常委、副校长、秘书长林一鸣主持会议。",
            {("林一鸣", "党委常委", "东湖大学"), ("林一鸣", "副校长", "东湖大学"), ("林一鸣", "秘书长", "东湖大学")},
        ),
        # a chain over two bodies, the second group after a comma
        (
            "江南市卫生健康委员会党组书记、主任，江南市医学会会长周建华出席。",
            {
                ("周建华", "党组书记", "江南市卫生健康委员会"),
                ("周建华", "主任", "江南市卫生健康委员会"),
                ("周建华", "会长", "江南市医学会"),
            },
        ),
        # the next officials of a list are of the body of the one before them; a title shared by names
        (
            "海城市医学会会长张海涛，副会长李明华、王晓东出席。",
            {("李明华", "副会长", "海城市医学会"), ("王晓东", "副会长", "海城市医学会")},
        ),
        # an apposition in brackets, before the name
        (
            "江南市人民医院院长（农工党江南市委会主委）陈红出席。",
            {("陈红", "院长", "江南市人民医院"), ("陈红", "主委", "农工党江南市委会")},
        ),
        # verbs of office and of appointment
        ("王立新任江南市卫生健康委员会主任。", {("王立新", "主任", "江南市卫生健康委员会")}),
        ("医院聘请李华为江南大学客座教授。", {("李华", "客座教授", "江南大学")}),
        (
            "会议宣布任命陈立新为海城市人民医院党委书记，吴志强为海城市人民医院院长。",
            {("陈立新", "党委书记", "海城市人民医院"), ("吴志强", "院长", "海城市人民医院")},
        ),
        # a department between the hospital and the title is dropped
        ("江南市人民医院心内科主任医师赵明说。", {("赵明", "主任医师", "江南市人民医院")}),
        # an academic rank with no body
        ("专家组由刘思远教授带队。", {("刘思远", "教授", None)}),
        # qualifiers written before a title are part of it
        ("海城市卫生健康委员会二级巡视员韩立新出席。", {("韩立新", "二级巡视员", "海城市卫生健康委员会")}),
        ("江南医科大学附属第一医院原副院长孙卫东带队。", {("孙卫东", "原副院长", "江南医科大学附属第一医院")}),
        ("江北市委副书记、代市长林立新出席。", {("林立新", "副书记", "江北市委"), ("林立新", "代市长", None)}),
        ("驻村第一书记黄志平介绍。", {("黄志平", "第一书记", None)}),
        # 兼 between two titles; a word between the body and the title is no part of either
        (
            "海城市人民医院副院长兼心内科主任赵明、江南市医院分管副院长钱立出席。",
            {
                ("赵明", "副院长", "海城市人民医院"),
                ("赵明", "主任", "海城市人民医院"),
                ("钱立", "副院长", "江南市医院"),
            },
        ),
        # a word no list knows after 、 does not end the chain; a qualified academic rank has no body
        (
            "海城市人民医院党委委员、副院长、工会主席、二级教授张海涛出席。",
            {
                ("张海涛", "党委委员", "海城市人民医院"),
                ("张海涛", "副院长", "海城市人民医院"),
                ("张海涛", "主席", "海城市人民医院"),
                ("张海涛", "二级教授", None),
            },
        ),
        # a post of the state in a chain takes no body, and does not end the chain
        (
            "东湖省委书记、国家副主席林海峰出席。",
            {("林海峰", "国家副主席", None), ("林海峰", "书记", "东湖省委")},
        ),
    ],
)
def test_relations_posts_written_for_the_test(nlp, raw, expected):
    assert expected <= roles(nlp, raw)


def test_relations_an_academic_rank_has_no_body_even_after_one(nlp):
    found = roles(nlp, "江南医科大学教授、博士生导师陈立明，中国工程院院士王海川出席。")
    assert {("陈立明", "教授", None), ("陈立明", "博士生导师", None), ("王海川", "院士", None)} <= found
    assert not [r for r in found if r[2] is not None]


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a body's second name in brackets between the body and the title
        ("海城市医院（江南大学附属海城医院）院长黄立伟出席。", {("黄立伟", "院长", "海城市医院")}),
        # a clause of posts only, after the name and a comma
        ("主讲人陈立明，江南市人民医院心内科主任医师。", {("陈立明", "主任医师", "江南市人民医院")}),
        # a body and 的 before the titles of a list
        (
            "来自江南市人民医院的主任医师陈立明、副主任医师吴海燕为村民义诊。",
            {("陈立明", "主任医师", "江南市人民医院"), ("吴海燕", "副主任医师", "江南市人民医院")},
        ),
    ],
)
def test_relations_posts_around_brackets_and_commas(nlp, raw, expected):
    assert expected <= roles(nlp, raw)


def test_relations_a_clause_of_posts_before_another_name_is_that_name_s(nlp):
    found = roles(nlp, "感谢陈立明，江南市人民医院院长吴志强出席。")
    assert ("吴志强", "院长", "江南市人民医院") in found
    assert not [r for r in found if r[0] == "陈立明"]


def test_relations_a_post_right_after_a_body_no_mention_covers_is_not_a_post_of_nobody(nlp):
    """``十一师北城市党委常委``: the body is written, the mentions missed it; a post with no body
    would be a second error. A title with truly nothing before it still has no body."""
    found = roles(nlp, "8月25日下午，十一师北城市党委常委、副师长张海涛来到医院。")
    assert not [r for r in found if r[0] == "张海涛" and r[2] is None]
    assert ("张海涛", "副院长", None) in roles(nlp, "会上，副院长张海涛讲话。")


def test_relations_head_of_government_keeps_the_place_and_never_takes_a_party_body(nlp):
    """The graph model resolves both to the government, if the text names it (``kg.link.posts``)."""
    found = roles(nlp, "南平市副市长陈立平出席。江北市委副书记、市长王建国讲话。")
    assert ("陈立平", "副市长", "南平市") in found
    assert ("王建国", "副书记", "江北市委") in found
    assert ("王建国", "市长", None) in found
    assert ("王建国", "市长", "江北市委") not in found


def test_relations_a_repeated_short_title_is_the_post_already_given(nlp):
    found = roles(nlp, "江南医院副院长张克明出席会议。张克明副院长表示欢迎。")
    assert ("张克明", "副院长", "江南医院") in found
    assert ("张克明", "副院长", None) not in found


def test_relations_hosts_organize_and_only_co_hosts_are_partners(nlp):
    raw = "活动由江南市卫生健康委员会、江南市医学会主办，江南市人民医院承办，江南市红十字会协办。"
    found = relations(nlp, raw)
    organizers = {h for k, h, _, _ in found if k == "organizer"}
    assert organizers == {"江南市卫生健康委员会", "江南市医学会", "江南市人民医院", "江南市红十字会"}
    partners = {frozenset((h, t)) for k, h, t, _ in found if k == "partner"}
    assert partners == {frozenset(("江南市卫生健康委员会", "江南市医学会"))}


def test_relations_bodies_joined_by_lianhe_organize_the_program_and_are_partners(nlp):
    raw = "海城市红十字会联合海城市医学会、海城日报社共同开展“光明行动”。"
    found = relations(nlp, raw)
    bodies = {"海城市红十字会", "海城市医学会", "海城日报社"}
    assert {h for k, h, t, _ in found if k == "organizer" and t == "“光明行动”"} == bodies
    assert len({frozenset((h, t)) for k, h, t, _ in found if k == "partner"}) == 3


def test_relations_a_venue_is_not_an_organizer(nlp):
    raw = "江南市医学会在江南市人民医院举办“健康讲堂”活动。"
    assert not {h for k, h, _, _ in relations(nlp, raw) if k == "organizer"} & {"江南市人民医院"}


@pytest.mark.parametrize(
    "raw, pairs",
    [
        ("江南市人民医院对口支援北山县人民医院。", {("江南市人民医院", "北山县人民医院")}),
        (
            "江南大学、江南市人民政府和北山县人民政府签署合作协议。",
            {
                ("江南大学", "江南市人民政府"),
                ("江南大学", "北山县人民政府"),
                ("江南市人民政府", "北山县人民政府"),
            },
        ),
    ],
)
def test_relations_partners_of_an_agreement_or_a_pairing(nlp, raw, pairs):
    found = {frozenset((h, t)) for k, h, t, _ in relations(nlp, raw) if k == "partner"}
    assert found == {frozenset(p) for p in pairs}


def test_relations_the_other_side_of_an_agreement_listed_after_yu(nlp):
    """``A…，与B、C签订``: A signs with B and with C; B and C do not sign with each other."""
    raw = "专家团队代表海城市骨科医院与北山县人民医院签订了协议书，与北山县人民政府、北山县人民医院签订了责任书。"
    found = {frozenset((h, t)) for k, h, t, _ in relations(nlp, raw) if k == "partner"}
    assert found == {
        frozenset(("海城市骨科医院", "北山县人民医院")),
        frozenset(("海城市骨科医院", "北山县人民政府")),
    }


def test_relations_no_partner_without_an_agreement(nlp):
    assert not {k for k, *_ in relations(nlp, "江南市人民医院与北山县人民医院的专家一起查房。")} & {"partner"}


def test_relations_a_list_of_hosts_steps_over_an_item_that_is_no_mention(nlp):
    raw = "义诊由海城市医学会、志愿者服务小分队、海城市红十字会协办。"
    organizers = {h for k, h, _, _ in relations(nlp, raw) if k == "organizer"}
    assert {"海城市医学会", "海城市红十字会"} <= organizers


@pytest.mark.parametrize(
    "raw, expected",
    [
        # names after one byline word, separated by spaces, share it
        ("义诊结束。(记者 陈一帆 林思远)", {("陈一帆", "记者", None), ("林思远", "记者", None)}),
        # a byline word belongs to the name after it, not to the one before
        ("海城日报记者 张明远 通讯员 李晓华", {("张明远", "记者", "海城日报"), ("李晓华", "通讯员", None)}),
        # the credit's source is the reporter's paper
        ("会议结束。(记者:王晓红 来源:海城日报)", {("王晓红", "记者", "海城日报")}),
    ],
)
def test_relations_credits(nlp, raw, expected):
    found = roles(nlp, raw)
    assert expected <= found
    assert ("张明远", "通讯员", None) not in found


def test_relations_a_committee_of_another_body_is_not_the_place_committee(nlp):
    """社莆田市委: a 九三学社 committee in the city, not the city's Party committee."""
    found = roles(nlp, "九三学社南平市委副主委黄立平出席。会上，南平市委书记郭建华讲话。")
    # the city's committee: a mention of its own, or the place before 委 (the graph names it 中国共产党南平市委员会)
    assert {r[2] for r in found if r[:2] == ("郭建华", "书记")} & {"南平市", "南平市委"}
    assert not [r for r in found if r[0] == "黄立平" and r[2] in ("南平市", "南平市委")]


def test_relations_a_unit_no_mention_names_is_a_post_in_a_unit_of_the_chain_s_body(nlp):
    """``、医学部主任``: the post is in a unit written as a bare word, which the graph names from
    the body the chain gives (``kg.link.posts.unit_name``); the posts before it keep their body."""
    found = relations(nlp, "东湖大学党委常委、常务副校长、医学部主任孙立群出席。")
    assert {("role", "孙立群", "东湖大学", "党委常委"), ("role", "孙立群", "东湖大学", "常务副校长")} <= found
    assert ("unit_role", "孙立群", "东湖大学", "医学部|主任") in found
    assert not [r for r in found if r[0] == "role" and r[3] == "主任"]


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a department of the place's Party committee, after the committee's title
        ("江北市委常委、组织部部长周立国出席。", {("unit_role", "周立国", "江北市委", "组织部|部长")}),
    ],
)
def test_relations_a_post_in_a_unit_of_the_body_before(nlp, raw, expected):
    assert expected <= relations(nlp, raw)


def test_relations_the_discipline_committee_of_a_university_s_committee(nlp):
    """``纪委书记``: the 书记 of the 纪委, a unit of the chain's body (or a mention of its own, if the
    entity rules read one); with no body before it, the title as written or the 纪委's."""
    found = relations(nlp, "东湖大学党委副书记、纪委书记吴立东出席。")
    assert found & {("unit_role", "吴立东", "东湖大学", "纪委|书记"), ("role", "吴立东", "纪委", "书记")}
    assert ("role", "吴立东", "东湖大学", "党委副书记") in found
    alone = relations(nlp, "会上，纪委书记吴立东讲话。")
    assert alone & {("role", "吴立东", None, "纪委书记"), ("role", "吴立东", "纪委", "书记")}


@pytest.mark.parametrize(
    "raw, expected",
    [
        # the next officials of a list are of the body before them, over their departments,
        # which are dropped for a hospital
        (
            "海城市人民医院院长张明，医务处处长李强，呼吸内科主任、护理部副主任王芳参加。",
            {
                ("李强", "处长", "海城市人民医院"),
                ("王芳", "主任", "海城市人民医院"),
                ("王芳", "副主任", "海城市人民医院"),
            },
        ),
        # and over an apposition in brackets between the title and the name
        (
            "海城市中医院党委书记王仲平，院长（民盟海城市委主委）刘海燕出席。",
            {("刘海燕", "院长", "海城市中医院"), ("刘海燕", "主委", "民盟海城市委")},
        ),
        # over 和/与 between two officials
        (
            "海城市人民医院院长张明和副院长李强、王芳出席。",
            {("李强", "副院长", "海城市人民医院"), ("王芳", "副院长", "海城市人民医院")},
        ),
        # over a head leading the body's staff
        (
            "江南市人民医院院长吴志强率副院长陈立明、吴海燕来到北山县。",
            {("陈立明", "副院长", "江南市人民医院"), ("吴海燕", "副院长", "江南市人民医院")},
        ),
        # names that share the titles before the first, each with a note in brackets
        (
            "海城市卫生健康委员会党委委员、副主任张海涛（主持工作），李强（援疆）来到医院。",
            {("李强", "党委委员", "海城市卫生健康委员会"), ("李强", "副主任", "海城市卫生健康委员会")},
        ),
        # titles written after the names: the list goes on in the first one's body
        (
            "海城市人民医院张明院长、李强副院长，王芳主任出席。",
            {("李强", "副院长", "海城市人民医院"), ("王芳", "主任", "海城市人民医院")},
        ),
        (
            "海城市人民医院张明院长，副院长李强出席。",
            {("张明", "院长", "海城市人民医院"), ("李强", "副院长", "海城市人民医院")},
        ),
    ],
)
def test_relations_posts_carried_over_a_list(nlp, raw, expected):
    found = roles(nlp, raw)
    assert expected <= found
    assert ("李强", "院长", "海城市人民医院") not in found  # the title after 张明 is his alone


def test_relations_the_article_s_own_body_is_the_one_it_names_most_but_not_beside_wo_yuan(nlp):
    """``我院``: the hospital the article names, not the one named in a sentence that also says 我院."""
    raw = (
        "近日，江北市第二人民医院与南山县人民医院签订帮扶协议，仪式在江北市第二人民医院举行。"
        "我院党委书记、院长陈志远，院长助理刘明出席。陈志远表示，我院将全力支持南山县人民医院，"
        "南山县人民医院院长赵一凡表示感谢。南山县人民医院将派骨干来我院进修。"
    )
    found = roles(nlp, raw)
    assert {
        ("陈志远", "党委书记", "江北市第二人民医院"),
        ("陈志远", "院长", "江北市第二人民医院"),
        ("刘明", "院长助理", "江北市第二人民医院"),
    } <= found
    assert not [r for r in found if r[0] in ("陈志远", "刘明") and r[2] == "南山县人民医院"]


def test_relations_no_own_body_when_the_article_names_none_of_its_kind(nlp):
    found = roles(nlp, "我院院长陈志远与海城市卫生健康委员会主任王强座谈。")
    assert ("陈志远", "院长", None) in found
    assert ("陈志远", "院长", "海城市卫生健康委员会") not in found


def test_relations_a_bare_title_of_a_kind_of_body_is_in_the_one_body_of_that_kind(nlp):
    found = roles(nlp, "东湖大学与海城市人民政府签约。副校长陈立明致辞，海城市卫生健康委员会主任王强出席。")
    assert ("陈立明", "副校长", "东湖大学") in found
    two = roles(nlp, "东湖大学与江南大学签约。副校长陈立明致辞。")  # two universities: which one is not said
    assert ("陈立明", "副校长", None) in two


def test_relations_a_reporter_writes_for_the_paper_of_the_dateline(nlp):
    found = roles(nlp, "海城晚报讯（记者 陈立明 通讯员 吴海燕）近日，义诊活动在海城举行。")
    assert ("陈立明", "记者", "海城晚报") in found
    assert ("吴海燕", "通讯员", None) in found  # a correspondent writes from elsewhere
    named = roles(nlp, "义诊活动在海城举行。据海城日报报道，活动持续两天。（记者 陈立明）")
    assert ("陈立明", "记者", "海城日报") in named  # no dateline: the one paper the article names
    assert ("陈立明", "记者", None) in roles(nlp, "义诊活动在海城举行。（记者 陈立明）")  # none named


@pytest.mark.parametrize(
    "raw, expected",
    [
        # a branch of a society after the society's post: a unit of it
        (
            "江南省医学会副会长、神经外科学分会主任委员陈立明出席。",
            {
                ("role", "陈立明", "江南省医学会", "副会长"),
                ("unit_role", "陈立明", "江南省医学会", "神经外科学分会|主任委员"),
            },
        ),
        # a photo caption says where the person stands before the posts
        ("陈立明（右二，江南市人民医院院长）查看病房。", {("role", "陈立明", "江南市人民医院", "院长")}),
        # a title after the name is in the body written before it
        ("海城市人民医院专家张海涛主任医师介绍。", {("role", "张海涛", "海城市人民医院", "主任医师")}),
    ],
)
def test_relations_posts_in_captions_branches_and_after_the_name(nlp, raw, expected):
    assert expected <= relations(nlp, raw)


def test_relations_an_anaphor_is_the_body_of_its_kind_named_before(nlp):
    found = roles(nlp, "海城市卫生健康委员会表彰了海城市人民医院。该院院长林立新介绍，该委主任王强出席。")
    assert ("林立新", "院长", "海城市人民医院") in found
    assert ("王强", "主任", "海城市卫生健康委员会") in found


def test_relations_the_agent_of_a_passive_organizes_the_subject(nlp):
    raw = "据了解，“健康进万家”行动是由海城市医学会重点推动的一项公益性活动。"
    found = {(h, t) for k, h, t, _ in relations(nlp, raw) if k == "organizer"}
    assert ("海城市医学会", "“健康进万家”行动") in found


def test_relations_a_body_that_organizes_in_an_active_sentence_needs_a_hosting_verb(nlp):
    """``A组织…`` alone may be anything (A组织专家…); only ``由A组织`` makes A an organizer here."""
    raw = "海城市医学会组织专家开展义诊。"
    assert not {k for k, *_ in relations(nlp, raw)} & {"organizer"}


def test_relations_a_leading_host_and_the_bodies_listed_as_co_hosts_after_it(nlp):
    raw = "由海城市老科协领衔主办的大型义诊活动在北山县举行。海城市委老干局、海城市卫健委等十一家联办单位代表出席。"
    found = relations(nlp, raw)
    hosts = {"海城市老科协", "海城市委老干局", "海城市卫健委"}
    assert {h for k, h, _, _ in found if k == "organizer"} == hosts
    assert len({frozenset((h, t)) for k, h, t, _ in found if k == "partner"}) == 3
