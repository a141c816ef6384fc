"""Linking on real phrases: one entity per real-world thing, look-alikes apart."""

from __future__ import annotations

import pytest

from kg.labels import NAMED_AFTER
from kg.link.corpus import LinkSettings, link
from kg.link.programs import headline_end
from kg.model import DocResult, Document, Mention, RawRelation
from kg.normalise import normalise
from kg.sentences import sentences


def doc_result(doc_id: str, text: str, labelled: list[tuple[str, str]]) -> DocResult:
    document = Document(doc_id, doc_id, text, text, tuple(range(len(text) + 1)))
    spans = sentences(text)
    mentions, pos = [], 0
    for surface, label in labelled:
        start = text.index(surface, pos)
        sentence = next(s for s in spans if s[0] <= start < s[1])
        mentions.append(Mention(doc_id, start, start + len(surface), label, surface, sentence))
        pos = start + 1
    return DocResult(document, tuple(mentions), (), spans)


def entity_of(entities, surface: str, doc_id: str | None = None) -> str:
    for e in entities:
        if any(m.text == surface and (doc_id is None or m.doc_id == doc_id) for m in e.mentions):
            return e.name
    raise AssertionError(surface)


def test_link_health_commission_family_is_one_entity():
    results = [
        doc_result("a.txt", "省卫健委党组书记", [("省卫健委", "ORG")]),
        doc_result("b.txt", "福建省卫健委召开", [("福建省卫健委", "ORG")]),
        doc_result("c.txt", "福建省卫生健康委员会发布了", [("福建省卫生健康委员会", "ORG")]),
        doc_result("d.txt", "省卫生健康委印发", [("省卫生健康委", "ORG")]),
    ]
    entities, _ = link(results)
    names = {entity_of(entities, s) for s in ("省卫健委", "福建省卫健委", "福建省卫生健康委员会", "省卫生健康委")}
    assert names == {"福建省卫生健康委员会"}


def test_link_medical_security_bureau_abbreviation():
    entities, _ = link(
        [doc_result("a.txt", "省医保局副局长、福建省医疗保障局", [("省医保局", "ORG"), ("福建省医疗保障局", "ORG")])]
    )
    assert entity_of(entities, "省医保局") == entity_of(entities, "福建省医疗保障局") == "福建省医疗保障局"


def test_link_lookalike_hospitals_stay_apart():
    text = "福建医科大学附属第一医院与厦门大学附属第一医院"
    entities, _ = link(
        [doc_result("a.txt", text, [("福建医科大学附属第一医院", "ORG"), ("厦门大学附属第一医院", "ORG")])]
    )
    assert entity_of(entities, "福建医科大学附属第一医院") != entity_of(entities, "厦门大学附属第一医院")


def test_link_national_and_provincial_commissions_stay_apart():
    entities, _ = link([doc_result("a.txt", "国家卫健委和省卫健委", [("国家卫健委", "ORG"), ("省卫健委", "ORG")])])
    assert entity_of(entities, "国家卫健委") == "国家卫生健康委员会"
    assert entity_of(entities, "省卫健委") == "福建省卫生健康委员会"


def test_link_predecessor_body_is_not_merged():
    entities, _ = link([doc_result("a.txt", "省卫计委和省卫健委", [("省卫计委", "ORG"), ("省卫健委", "ORG")])])
    assert entity_of(entities, "省卫计委") != entity_of(entities, "省卫健委")


def test_link_province_setting_changes_bare_prefix():
    entities, _ = link([doc_result("a.txt", "省卫健委", [("省卫健委", "ORG")])], LinkSettings(province="江西省"))
    assert entity_of(entities, "省卫健委") == "江西省卫生健康委员会"


def test_link_short_place_name_takes_full_name_and_code():
    entities, _ = link([doc_result("a.txt", "在福州启动", [("福州", "LOC")])])
    (place,) = entities
    assert place.name == "福州市"
    assert place.attribute("adminCode") == "350100000000"


def test_link_short_forms_within_one_article_only():
    text = "厦门大学附属第一医院王占祥院长表示，第一医院与北京医联党委"
    a = doc_result("a.txt", text, [("厦门大学附属第一医院", "ORG"), ("第一医院", "ORG")])
    b = doc_result("b.txt", "第一医院", [("第一医院", "ORG")])
    entities, _ = link([a, b])
    assert entity_of(entities, "第一医院", "a.txt") == "厦门大学附属第一医院"
    assert entity_of(entities, "第一医院", "b.txt") == "第一医院"


def test_link_abbreviated_university_hospital():
    text = "厦门大学附属第一医院；北京医联党委与厦大附属第一医院深化交流"
    entities, _ = link([doc_result("a.txt", text, [("厦门大学附属第一医院", "ORG"), ("厦大附属第一医院", "ORG")])])
    assert entity_of(entities, "厦大附属第一医院") == "厦门大学附属第一医院"


def test_link_city_prefix_resolved_by_full_form_in_same_article():
    text = "省、市医保局领导分别作了致辞。协办单位：福州市医疗保障局"
    entities, _ = link([doc_result("a.txt", text, [("市医保局", "ORG"), ("福州市医疗保障局", "ORG")])])
    assert entity_of(entities, "市医保局") == "福州市医疗保障局"


def test_link_program_variants_are_one_entity():
    text = "4月是全国医保基金监管集中宣传月。福建省医保基金监管集中宣传月活动在福州启动。今年集中宣传月以"
    labelled = [
        ("全国医保基金监管集中宣传月", "PROG"),
        ("福建省医保基金监管集中宣传月活动", "PROG"),
        ("集中宣传月", "PROG"),
    ]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert {e.name for e in entities} == {"医保基金监管集中宣传月"}


def test_link_result_does_not_depend_on_document_order():
    a = doc_result("a.txt", "省卫健委党组书记", [("省卫健委", "ORG")])
    b = doc_result("b.txt", "在福州启动", [("福州", "LOC")])
    assert link([a, b]) == link([b, a])


def test_link_nested_places_name_the_innermost_division():
    text = "福建援疆医疗服务团继昌吉市阿什里哈萨克民族乡之后;今年以来,南平建瓯市让乡贤文化根植卫生健康"
    entities, _ = link([doc_result("a.txt", text, [("昌吉市阿什里哈萨克民族乡", "LOC"), ("南平建瓯市", "LOC")])])
    by_name = {e.name: e for e in entities}
    assert by_name["阿什里哈萨克族乡"].attribute("adminCode") == "652301205000"
    assert by_name["建瓯市"].attribute("adminCode") == "350783000000"


def test_link_name_with_full_form_in_brackets_is_one_entity():
    text = (
        "启动仪式上,北京医联党委(中国北京市医疗健康领域基金会第一联合委员会)"
        "与厦门大学附属第一医院签署协议。北京医联党委专家团"
    )
    labelled = [
        ("北京医联党委", "ORG"),
        ("中国北京市医疗健康领域基金会第一联合委员会", "ORG"),
        ("厦门大学附属第一医院", "ORG"),
        ("北京医联党委", "ORG"),
    ]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "北京医联党委") == "中国北京市医疗健康领域基金会第一联合委员会"
    assert entity_of(entities, "厦门大学附属第一医院") == "厦门大学附属第一医院"


def test_link_so_called_short_name_is_one_entity():
    text = "国家医疗保障局(以下简称“国家医保署”)印发通知。国家医保署要求"
    labelled = [("国家医疗保障局", "ORG"), ("国家医保署", "ORG"), ("国家医保署", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert {entity_of(entities, "国家医保署")} == {"国家医疗保障局"}


def _with_role(result: DocResult, person: str, org: str | None, title: str) -> DocResult:
    by_text = {m.text: m for m in result.mentions}
    role = RawRelation("role", by_text[person], by_text[org] if org else None, title)
    return DocResult(result.document, result.mentions, (role,), result.sentences)


def test_link_namesakes_in_two_articles_stay_apart_without_evidence():
    a = _with_role(
        doc_result("a.txt", "省医保局副局长刘家城表示", [("省医保局", "ORG"), ("刘家城", "PER")]),
        "刘家城",
        "省医保局",
        "副局长",
    )
    b = _with_role(
        doc_result("b.txt", "福建医科大学教授刘家城说", [("福建医科大学", "ORG"), ("刘家城", "PER")]),
        "刘家城",
        "福建医科大学",
        "教授",
    )
    entities, _ = link([a, b])
    people = sorted(e.key for e in entities if e.label == "PER")
    assert people == ["PER:刘家城", "PER:刘家城#2"]
    assert {e.name for e in entities if e.label == "PER"} == {"刘家城"}


def test_link_same_person_in_two_articles_with_a_shared_organization():
    a = _with_role(
        doc_result("a.txt", "省医保局副局长刘家城表示", [("省医保局", "ORG"), ("刘家城", "PER")]),
        "刘家城",
        "省医保局",
        "副局长",
    )
    b = _with_role(
        doc_result("b.txt", "福建省医疗保障局刘家城介绍", [("福建省医疗保障局", "ORG"), ("刘家城", "PER")]),
        "刘家城",
        "福建省医疗保障局",
        "",
    )
    entities, _ = link([b, a])
    assert [e.key for e in entities if e.label == "PER"] == ["PER:刘家城"]


def test_link_coordinated_forms_share_their_head():
    text = "推动南平市第一医院、邵武市立医院与福建医科大学附属协和医院、附属第一医院深度合作"
    labelled = [("福建医科大学附属协和医院", "ORG"), ("附属第一医院", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "附属第一医院") == "福建医科大学附属第一医院"
    assert entity_of(entities, "福建医科大学附属协和医院") == "福建医科大学附属协和医院"


def test_link_bare_city_prefix_takes_the_nearest_city_before_it():
    text = "在县域医共体建设方面,邵武市卫健局党委书记、局长兼市总医院党委书记朱平介绍"
    labelled = [("邵武市卫健局", "ORG"), ("市总医院党委", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "市总医院党委") == "邵武市总医院党委"


def test_link_bare_city_prefix_takes_the_city_the_article_is_set_in():
    text = "福州市召开会议。与会者在福州市参观。市医保局领导致辞。"
    labelled = [("福州市", "LOC"), ("福州市", "LOC"), ("市医保局", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "市医保局") == "福州市医疗保障局"


def test_link_bare_city_prefix_stays_when_the_setting_is_unclear():
    text = "福州市、厦门市召开会议。市医保局领导致辞。"
    labelled = [("福州市", "LOC"), ("厦门市", "LOC"), ("市医保局", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "市医保局") == "市医疗保障局"


def test_link_university_short_name_across_articles():
    a = doc_result("a.txt", "厦门大学附属第一医院王占祥院长表示", [("厦门大学附属第一医院", "ORG")])
    b = doc_result("b.txt", "北京医联党委与厦大附属第一医院深化交流合作", [("厦大附属第一医院", "ORG")])
    entities, _ = link([a, b])
    assert entity_of(entities, "厦大附属第一医院", "b.txt") == "厦门大学附属第一医院"


def test_link_affiliated_hospital_number():
    entities, _ = link([doc_result("a.txt", "福建医科大学附一医院", [("福建医科大学附一医院", "ORG")])])
    assert entities[0].name == "福建医科大学附属第一医院"


@pytest.mark.parametrize(
    "phrase, surface, full",
    [
        ("在省委组织部和省人社厅的支持下", "省人社厅", "福建省人力资源和社会保障厅"),
        ("省纪委监委将整治肿瘤基因检测不规范问题", "省纪委监委", "福建省纪律检查委员会监察委员会"),
        ("(建瓯市卫健局)建瓯:“乡贤+”助力健康网格化", "建瓯市卫健局", "建瓯市卫生健康局"),
        ("省疾控中心发布健康提示", "省疾控中心", "福建省疾病预防控制中心"),
        ("省药监局开展专项检查", "省药监局", "福建省药品监督管理局"),
        ("国家医保局的通报表扬", "国家医保局", "国家医疗保障局"),
        ("厦门市爱卫办部署灭蚊工作", "厦门市爱卫办", "厦门市爱国卫生运动委员会办公室"),
        ("省老科协组织专家座谈", "省老科协", "福建省老科学技术工作者协会"),
        ("省人大常委会副主任出席", "省人大常委会", "福建省人民代表大会常务委员会"),
        ("晋江市工商联召开年会", "晋江市工商联", "晋江市工商业联合会"),
        ("中共宁德市委统战部牵头", "中共宁德市委统战部", "中共宁德市委统一战线工作部"),
    ],
)
def test_link_abbreviations_of_bodies(phrase, surface, full):
    entities, _ = link([doc_result("a.txt", phrase, [(surface, "ORG")])])
    assert entity_of(entities, surface) == full


def test_link_byline_names_a_reporter_of_the_paper_and_organizers_join_the_main_program():
    text = "本报记者邓剑云。福建卫生报社报道。集中宣传月启动。主办单位:福建省医疗保障局"
    result = doc_result(
        "a.txt", text, [("邓剑云", "PER"), ("福建卫生报社", "ORG"), ("集中宣传月", "PROG"), ("福建省医疗保障局", "ORG")]
    )
    by_text = {m.text: m for m in result.mentions}
    raws = (
        RawRelation("byline", by_text["邓剑云"], None, "记者"),
        RawRelation("organizer", by_text["福建省医疗保障局"], None, "主办"),
    )
    _, rels = link([DocResult(result.document, result.mentions, raws, result.sentences)])
    kinds = {(r.kind, r.head, r.tail, r.role) for r in rels if r.kind != "cooccur"}
    assert ("role", "PER:邓剑云", "ORG:福建卫生报社", "记者") in kinds
    assert ("organizer", "PROG:集中宣传月", "ORG:福建省医疗保障局", "主办") in kinds


def test_link_paper_title_names_its_press_and_a_unit_leaves_out_the_second_name():
    text = "旗下拥有《每周文摘》及《福建卫生报》两张报纸。联系人:《福建卫生报》社(《每周文摘报》社)综合部"
    result = doc_result("a.txt", text, [("《每周文摘》", "ORG"), ("《福建卫生报》", "ORG")])
    unit = "《福建卫生报》社(《每周文摘报》社)综合部"
    start = text.index(unit)
    nested = [(unit, start), ("《福建卫生报》社", start), ("《每周文摘报》社", text.index("《每周文摘报》社"))]
    sentence = result.sentences[-1]
    mentions = (*result.mentions, *(Mention("a.txt", s, s + len(t), "ORG", t, sentence) for t, s in nested))
    entities, _ = link([DocResult(result.document, mentions, (), result.sentences)])
    assert entity_of(entities, "《每周文摘》") == entity_of(entities, "《每周文摘报》社") == "每周文摘报社"
    assert entity_of(entities, "《福建卫生报》") == "福建卫生报社"
    assert entity_of(entities, unit) == "福建卫生报社综合部"


def test_link_a_title_with_no_press_named_stays_a_title():
    result = doc_result("a.txt", "旗下拥有《每周文摘》及《福建卫生报》两张报纸。", [("《每周文摘》", "ORG")])
    entities, _ = link([result])
    assert entity_of(entities, "《每周文摘》") == "每周文摘"


def test_link_program_named_after_a_body_keeps_the_place_in_the_bodys_name():
    text = "启动仪式上，北京医联党委与厦门大学附属第一医院签署协议。4月7日，北京医联党委福建“师带徒”医疗帮扶行动启动。"
    result = doc_result("a.txt", text, [("北京医联党委", "ORG"), ("北京医联党委福建“师带徒”医疗帮扶行动", "PROG")])
    body, program = result.mentions
    named_after = RawRelation("organizer", body, program, NAMED_AFTER)  # as kg_relations finds it
    entities, _ = link([DocResult(result.document, result.mentions, (named_after,), result.sentences)])
    assert entity_of(entities, "北京医联党委福建“师带徒”医疗帮扶行动") == "北京医联党委福建师带徒医疗帮扶行动"
    alone = doc_result("b.txt", "北京市“师带徒”医疗帮扶行动启动。", [("北京市“师带徒”医疗帮扶行动", "PROG")])
    assert entity_of(link([alone])[0], "北京市“师带徒”医疗帮扶行动") == "师带徒医疗帮扶行动"  # a place alone goes


def test_link_medical_association_and_physicians_association_stay_apart():
    """省医学会 and 省医师学会 are two bodies: a name is no short form of another whose head differs."""
    text = "杨闽红还肯定了换届以来省医学会、省医师学会在党建引领方面取得的成效。7月26日，福建省医学会召开会议。"
    result = doc_result("a.txt", text, [("省医学会", "ORG"), ("省医师学会", "ORG"), ("福建省医学会", "ORG")])
    entities, _ = link([result])
    assert entity_of(entities, "省医学会") == entity_of(entities, "福建省医学会") == "福建省医学会"
    assert entity_of(entities, "省医师学会") == "福建省医师学会"


def test_link_bare_province_prefix_takes_each_articles_own_province():
    results = [
        doc_result(
            "jx.txt",
            "南昌召开援疆工作会。江西省各地代表到会,省卫健委主任讲话。",
            [("南昌", "LOC"), ("江西省", "LOC"), ("省卫健委", "ORG")],
        ),
        doc_result(
            "hb.txt",
            "石家庄市和保定市的医院参加,省卫健委副主任讲话。",
            [("石家庄市", "LOC"), ("保定市", "LOC"), ("省卫健委", "ORG")],
        ),
        doc_result("fj.txt", "省卫健委召开全体会议。", [("省卫健委", "ORG")]),
    ]
    entities, _ = link(results)
    assert entity_of(entities, "省卫健委", "jx.txt") == "江西省卫生健康委员会"
    assert entity_of(entities, "省卫健委", "hb.txt") == "河北省卫生健康委员会"
    assert entity_of(entities, "省卫健委", "fj.txt") == "福建省卫生健康委员会"  # names no place: --province


def test_link_bare_prefix_without_a_clear_jurisdiction_stays_in_its_article():
    results = [  # the places are named in another sentence than 市委
        doc_result(
            "a.txt", "苏州、遵义两地专家出席。市委书记讲话。", [("苏州", "LOC"), ("遵义", "LOC"), ("市委", "ORG")]
        ),
        doc_result(
            "b.txt", "杭州、郑州两地专家出席。市委书记讲话。", [("杭州", "LOC"), ("郑州", "LOC"), ("市委", "ORG")]
        ),
        doc_result(
            "c.txt",
            "苏州、杭州代表发言,省人民医院院长讲话。",
            [("苏州", "LOC"), ("杭州", "LOC"), ("省人民医院", "ORG")],
        ),
    ]
    entities, _ = link(results)
    committees = [e for e in entities if e.name == "市委"]
    assert len(committees) == 2 and all(len({m.doc_id for m in e.mentions}) == 1 for e in committees)
    assert entity_of(entities, "省人民医院") == "省人民医院"  # not 福建省人民医院: 江苏 and 浙江 are named


def test_link_people_left_out_of_a_name_in_the_same_article():
    text = "西宁市第二人民医院与湟中区签约。市第二医院专家随后义诊,西宁市政府和西宁市人民政府领导出席。"
    labelled = [("西宁市第二人民医院", "ORG"), ("市第二医院", "ORG"), ("西宁市政府", "ORG"), ("西宁市人民政府", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "市第二医院") == "西宁市第二人民医院"
    assert entity_of(entities, "西宁市政府") == "西宁市人民政府"


def test_link_committee_written_short_is_the_committee():
    text = "江苏省政协文化文史委员会组织调研。政协文化文史委有关负责人介绍情况。"
    entities, _ = link([doc_result("a.txt", text, [("江苏省政协文化文史委员会", "ORG"), ("政协文化文史委", "ORG")])])
    assert entity_of(entities, "政协文化文史委") == "江苏省政协文化文史委员会"


def test_link_tail_short_form_needs_a_qualifier_left_out():
    # 慰问星光医院 glued a verb onto the body: 星光医院 is not short for it
    text = "市指挥部慰问星光医院专家。星光医院院长表示感谢。"
    entities, _ = link([doc_result("a.txt", text, [("市指挥部慰问星光医院", "ORG"), ("星光医院", "ORG")])])
    assert entity_of(entities, "星光医院") == "星光医院"


def test_link_numbered_affiliated_hospital_in_either_order():
    text = "南华大学第二附属医院与衡东县人民医院签约。南华附二医院院长致辞。"
    labelled = [("南华大学第二附属医院", "ORG"), ("衡东县人民医院", "ORG"), ("南华附二医院", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "南华附二医院") == "南华大学第二附属医院"


def test_link_proper_name_alone_stands_for_the_one_body_of_the_corpus():
    a = doc_result(
        "a.txt", "来自浙江大学附属邵逸夫医院的专家到杭州坐诊。", [("浙江大学附属邵逸夫医院", "ORG"), ("杭州", "LOC")]
    )
    b = doc_result(
        "b.txt",
        "宁波市举行义诊,宁波市第一医院、邵逸夫等医院的专家参加。宁波专家表示欢迎。",
        [("宁波市", "LOC"), ("宁波市第一医院", "ORG"), ("邵逸夫", "ORG"), ("宁波", "LOC")],
    )
    c = doc_result(
        "c.txt",
        "南昌市举行义诊,南昌专家和邵逸夫等医院的专家参加。",
        [("南昌市", "LOC"), ("南昌", "LOC"), ("邵逸夫", "ORG")],
    )
    entities, _ = link([a, b, c])
    assert entity_of(entities, "邵逸夫", "b.txt") == "浙江大学附属邵逸夫医院"  # a Zhejiang article
    assert entity_of(entities, "邵逸夫", "c.txt") == "邵逸夫"  # a Jiangxi one: no evidence


def test_link_informal_area_and_its_name_with_the_city():
    text = "成都市天府片区卫生工作会召开。天府片区各区县代表参加,上海张江片区代表列席。"
    labelled = [("成都市天府片区", "LOC"), ("天府片区", "LOC"), ("张江片区", "LOC")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "天府片区") == "成都市天府片区"
    assert entity_of(entities, "张江片区") == "张江片区"


def test_link_proper_name_alone_takes_the_body_of_the_articles_province():
    a = doc_result(
        "a.txt", "杭州市同心医院与温州市同心医院签约。", [("杭州市同心医院", "ORG"), ("温州市同心医院", "ORG")]
    )
    b = doc_result("b.txt", "西安市同心医院专家到延安义诊。", [("西安市同心医院", "ORG"), ("延安", "LOC")])
    c = doc_result(
        "c.txt", "延安市举行义诊,延安专家和同心等医院专家参加。", [("延安市", "LOC"), ("延安", "LOC"), ("同心", "ORG")]
    )
    d = doc_result(
        "d.txt", "宁波市举行义诊,宁波专家和同心等医院专家参加。", [("宁波市", "LOC"), ("宁波", "LOC"), ("同心", "ORG")]
    )
    entities, _ = link([a, b, c, d])
    assert entity_of(entities, "同心", "c.txt") == "西安市同心医院"  # the one in Shaanxi
    assert entity_of(entities, "同心", "d.txt") == "同心"  # two in Zhejiang: no guess


def test_link_a_body_named_by_its_head_alone_stays_in_its_article():
    results = [
        doc_result("a.txt", "在县委、政府的领导下,诏安开展义诊。", [("政府", "ORG")]),
        doc_result("b.txt", "在自治区党委、政府的领导下,南宁开展义诊。", [("政府", "ORG")]),
    ]
    entities, _ = link(results)
    governments = [e for e in entities if e.name == "政府"]
    assert len(governments) == 2 and all(len({m.doc_id for m in e.mentions}) == 1 for e in governments)


@pytest.mark.parametrize("written", ["宁德市委", "中共宁德市委"])
def test_link_a_divisions_committee_is_its_party_committee(written):
    text = f"{written}书记出席。宁德市代表、宁德专家参加,市委副书记讲话。"
    entities, _ = link(
        [doc_result("a.txt", text, [(written, "ORG"), ("宁德市", "LOC"), ("宁德", "LOC"), ("市委", "ORG")])]
    )
    assert entity_of(entities, written) == entity_of(entities, "市委") == "中共宁德市委"


def test_link_bare_prefix_short_form_of_a_body_of_a_district_the_article_names():
    text = "鹭岛新区卫生健康局在鹭岛新区举办活动。区卫生健康局负责人讲话。"
    labelled = [("鹭岛新区卫生健康局", "ORG"), ("鹭岛新区", "LOC"), ("区卫生健康局", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "区卫生健康局") == "鹭岛新区卫生健康局"
    # without the district named as a place, the bare 区 is no short form of it
    unnamed = [("鹭岛新区卫生健康局", "ORG"), ("区卫生健康局", "ORG")]
    entities, _ = link([doc_result("a.txt", text, unnamed)])
    assert entity_of(entities, "区卫生健康局") == "区卫生健康局"


def test_link_a_democratic_partys_provincial_committee_is_not_the_party_committee():
    text = "九三学社省委会社会服务部组织义诊,省委组织部派员参加。"
    entities, _ = link([doc_result("a.txt", text, [("省委会社会服务部", "ORG"), ("省委组织部", "ORG")])])
    assert entity_of(entities, "省委会社会服务部") == "福建省委会社会服务部"  # 委会: no 中共
    assert entity_of(entities, "省委组织部") == "中共福建省委组织部"


def normalised_result(doc_id: str, raw: str, labelled: list[tuple[str, str]]) -> DocResult:
    """A result on the normalised text of ``raw`` (its headline's line break kept as a break)."""
    document = normalise(doc_id, doc_id, raw)
    spans = sentences(document.text)
    mentions, pos = [], 0
    for surface, label in labelled:
        start = document.text.index(surface, pos)
        sentence = next(s for s in spans if s[0] <= start < s[1])
        mentions.append(Mention(doc_id, start, start + len(surface), label, surface, sentence))
        pos = start + 1
    return DocResult(document, tuple(mentions), (), spans)


def organizers_of(result: DocResult, raws: list[tuple[str, str | None, str]]) -> set[tuple[str, str]]:
    """Link ``result`` with organizer relations (body, program or None, role) and return (program, body)."""
    by_text = {m.text: m for m in result.mentions}
    relations = tuple(RawRelation("organizer", by_text[b], by_text[p] if p else None, r) for b, p, r in raws)
    entities, rels = link([DocResult(result.document, result.mentions, relations, result.sentences)])
    names = {e.key: e.name for e in entities}
    return {(names[r.head], names[r.tail]) for r in rels if r.kind == "organizer"}


def test_link_organizers_with_no_program_run_the_headlines_campaign_not_the_program_named_most():
    """``本次活动由A主办``: the event is the headline's, an event of the 第12个健康生活月 campaign;
    the standing 健康生活运动, named more often, is not what A hosted."""
    raw = (
        "江北市举办第12个健康生活月现场宣传活动\n\n今年5月是第12个健康生活月。健康生活运动已开展30年，"
        "健康生活运动深入人心。本次活动由江北市健康促进委员会主办。"
    )
    result = normalised_result(
        "a.txt",
        raw,
        [
            ("第12个健康生活月现场宣传活动", "PROG"),
            ("第12个健康生活月", "PROG"),
            ("健康生活运动", "PROG"),
            ("健康生活运动", "PROG"),
            ("江北市健康促进委员会", "ORG"),
        ],
    )
    found = organizers_of(result, [("江北市健康促进委员会", None, "主办")])
    campaign = entity_of(link([result])[0], "第12个健康生活月")
    assert found == {(campaign, "江北市健康促进委员会")}


def test_link_organizers_with_no_program_leave_out_the_aim_and_take_a_program_joined_by_ji():
    """The program of ``为落实X，…`` is the aim; the occasion is ``Y启动仪式暨Z``: both Y and Z."""
    raw = (
        "江北市医学会组织专家义诊\n为落实全民健康促进行动，5月3日，江北市医学会联合江北日报社开展义诊。"
        "健康江北行主题活动启动仪式暨江北名医下乡义诊活动在江北广场举行。"
    )
    result = normalised_result(
        "a.txt",
        raw,
        [
            ("江北市医学会", "ORG"),
            ("全民健康促进行动", "PROG"),
            ("江北市医学会", "ORG"),
            ("江北日报社", "ORG"),
            ("健康江北行主题活动", "PROG"),
            ("江北名医下乡义诊活动", "PROG"),
        ],
    )
    found = organizers_of(result, [("江北市医学会", None, "联合"), ("江北日报社", None, "联合")])
    programs = {program for program, _ in found}
    assert entity_of(link([result])[0], "全民健康促进行动") not in programs
    assert programs == {entity_of(link([result])[0], p) for p in ("健康江北行主题活动", "江北名医下乡义诊活动")}
    assert {body for _, body in found} == {"江北市医学会", "江北日报社"}


def test_link_an_organizer_of_an_event_of_a_campaign_organizes_the_campaign():
    raw = "今年是第7个健康生活周。江北市卫生健康局举办第7个健康生活周广场宣传活动。"
    labelled = [("第7个健康生活周", "PROG"), ("江北市卫生健康局", "ORG"), ("第7个健康生活周广场宣传活动", "PROG")]
    result = normalised_result("a.txt", raw, labelled)
    found = organizers_of(result, [("江北市卫生健康局", "第7个健康生活周广场宣传活动", "举办")])
    assert found == {(entity_of(link([result])[0], "第7个健康生活周"), "江北市卫生健康局")}


@pytest.mark.parametrize(
    "raw, headline",
    [
        ("江北市举办义诊活动\n\n5月3日，江北市医学会开展义诊。", "江北市举办义诊活动"),
        ("  江北市举办义诊活动\r\n5月3日，江北市医学会开展义诊。", "江北市举办义诊活动"),
        ("5月3日，江北市医学会开展义诊。\n专家们认真诊疗。", ""),  # the first line is a paragraph
        ("江北市举办义诊活动", ""),  # nothing follows
    ],
)
def test_link_headline_end(raw, headline):
    document = normalise("a.txt", "a.txt", raw)
    assert document.text[: headline_end(document)] == headline


def test_link_a_unit_listed_bare_after_a_unit_of_a_body_is_of_the_same_body():
    text = "江北市卫生健康委员会医政处、科教处、基层处负责人参加。宣传部、江北市人民医院也参加。"
    labelled = [("江北市卫生健康委员会医政处", "ORG"), ("科教处", "ORG"), ("基层处", "ORG"), ("宣传部", "ORG"),
                ("江北市人民医院", "ORG")]
    entities, _ = link([doc_result("a.txt", text, labelled)])
    assert entity_of(entities, "科教处") == "江北市卫生健康委员会科教处"
    assert entity_of(entities, "基层处") == "江北市卫生健康委员会基层处"
    assert entity_of(entities, "宣传部") == "宣传部"  # first in its list: no body written before it
    assert entity_of(entities, "江北市人民医院") == "江北市人民医院"  # a body, not a unit


def test_link_holder_of_a_unique_national_title_is_named_bare_elsewhere():
    a = _with_role(doc_result("a.txt", "贯彻落实王国强总书记的重要讲话", [("王国强", "PER")]), "王国强", None, "总书记")
    b = doc_result("b.txt", "以王国强新时代思想为指导", [("王国强", "PER")])
    c = _with_role(doc_result("c.txt", "王国强院长表示", [("王国强", "PER")]), "王国强", None, "院长")
    entities, _ = link([a, b, c])
    assert entity_of(entities, "王国强", "a.txt") == entity_of(entities, "王国强", "b.txt")
    keys = {e.key for e in entities if any(m.doc_id == d for m in e.mentions for d in ("a.txt", "c.txt"))}
    assert len(keys) == 2


def test_link_namesakes_without_roles_and_no_national_title_stay_apart():
    a = _with_role(doc_result("a.txt", "王国强书记表示", [("王国强", "PER")]), "王国强", None, "书记")
    b = doc_result("b.txt", "王国强参加了会议", [("王国强", "PER")])
    entities, _ = link([a, b])
    keys = {e.key for e in entities if e.label == "PER"}
    assert len(keys) == 2


def test_link_affiliated_number_alone_across_articles():
    a = doc_result("a.txt", "福建医科大学附属第一医院专家来到福州市鼓楼区", [("福建医科大学附属第一医院", "ORG")])
    b = doc_result("b.txt", "福建省福州市附一专家开展义诊", [("福建省", "LOC"), ("福州市", "LOC"), ("附一", "ORG")])
    c = doc_result("c.txt", "湖南省长沙市附一专家开展义诊", [("湖南省", "LOC"), ("长沙市", "LOC"), ("附一", "ORG")])
    entities, _ = link([a, b, c])
    assert entity_of(entities, "附一", "b.txt") == "福建医科大学附属第一医院"
    assert entity_of(entities, "附一", "c.txt") == "附属第一医院"


def test_link_affiliated_number_alone_in_two_articles_stays_in_each():
    a = doc_result("a.txt", "附一专家开展义诊", [("附一", "ORG")])
    b = doc_result("b.txt", "附一医生开展查房", [("附一", "ORG")])
    entities, _ = link([a, b])
    assert len({e.key for e in entities}) == 2


def test_link_explains_government_and_party_committee_names():
    from kg.link.names import canonical_org, why

    assert canonical_org("县政府", None) == "县人民政府"
    assert "人民政府" in why("ORG", "县政府", "县人民政府")
    assert canonical_org("某州某县县委", None) == "某州某县县委"  # not places: left as written
    assert "Party committee" in why("ORG", "黔南州荔波县县委", canonical_org("黔南州荔波县县委", None))


@pytest.mark.parametrize(
    "surface, name",
    [
        ("社省委", "九三学社福建省委员会"),  # the party's one-character form, the paper's province
        ("九三学社福建省委会", "九三学社福建省委员会"),
        ("社宁德市委会", "九三学社宁德市委员会"),
        ("社省委会组织部", "九三学社福建省委员会组织部"),
        ("民盟省委", "民盟福建省委员会"),
        ("九三学社福建省委员会", "九三学社福建省委员会"),  # already full
        ("社市委", "九三学社市委"),  # no city named: left as written
    ],
)
def test_democratic_party_committees(surface, name):
    from kg.gazetteer import load_gazetteer
    from kg.link.names import canonical_org

    fujian = next(p for p in load_gazetteer().lookup("福建省") if p.level == "province")
    assert canonical_org(surface, fujian) == name
