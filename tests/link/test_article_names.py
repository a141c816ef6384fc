"""Short forms read off one article's own names (kg.link.article_names), on sentences written for the test."""

from __future__ import annotations

from kg.gazetteer import load_gazetteer
from kg.link.article_names import name_in_article
from kg.link.jurisdiction import article_setting
from kg.link.names import canonical
from kg.model import Mention


def resolved(text: str, surfaces: list[str]) -> dict[str, str]:
    """Each surface's name after the article's rules, the article set in Fujian by default."""
    mentions, pos = [], 0
    for surface in surfaces:
        start = text.index(surface, pos)
        mentions.append(Mention("a.txt", start, start + len(surface), "ORG", surface))
        pos = start + 1
    province = load_gazetteer().resolve("福建省")
    names = {m: canonical("ORG", m.text, province) for m in mentions}
    out, _ = name_in_article(text, names, article_setting(names, province, text))
    return {m.text: out[m] for m in mentions}


def test_article_names_core_name_with_a_bare_prefix_is_the_body():
    text = "福建省立医院专家来到义诊现场。省立、协和等医院的专家为群众义诊。"
    assert resolved(text, ["福建省立医院", "省立"])["省立"] == "福建省立医院"


def test_article_names_core_name_after_a_parent_is_the_body():
    text = "中南大学湘雅医院派出专家。湘雅专家团队随后开展了查房。"
    assert resolved(text, ["中南大学湘雅医院", "湘雅"])["湘雅"] == "中南大学湘雅医院"


def test_article_names_core_name_without_its_body_in_the_article_stays():
    text = "省立、协和等医院的专家为群众义诊。"
    assert resolved(text, ["省立"])["省立"] != "福建省立医院"


def test_article_names_core_name_of_two_bodies_stays_apart():
    text = "福建医科大学附属协和医院与北京协和医院签约。协和专家介绍了经验。"
    names = resolved(text, ["福建医科大学附属协和医院", "北京协和医院", "协和"])
    assert names["协和"] not in ("福建医科大学附属协和医院", "北京协和医院")


def programs(text: str, surfaces: list[str]) -> dict[str, str]:
    """Each program mention's name after the article's rules."""
    mentions, pos = [], 0
    for surface in surfaces:
        start = text.index(surface, pos)
        mentions.append(Mention("a.txt", start, start + len(surface), "PROG", surface))
        pos = start + 1
    province = load_gazetteer().resolve("福建省")
    names = {m: canonical("PROG", m.text, province) for m in mentions}
    out, _ = name_in_article(text, names, article_setting(names, province, text))
    return {m.text: out[m] for m in mentions}


def test_article_names_university_short_forms_are_the_body():
    text = "浙江大学医学院附属第二医院与北京大学签约。浙大二院专家表示，北大将派出团队。"
    names = resolved(text, ["浙江大学医学院附属第二医院", "北京大学", "浙大二院", "北大"])
    assert names["浙大二院"] == "浙江大学医学院附属第二医院"
    assert names["北大"] == "北京大学"


def test_article_names_university_kind_alone_is_the_one_such_university():
    text = "福建师范大学与福建医科大学联合举办讲座。师大学子踊跃参加。"
    assert resolved(text, ["福建师范大学", "福建医科大学", "师大"])["师大"] == "福建师范大学"


def test_article_names_affiliated_number_alone_is_the_hospital_of_the_article():
    text = "西安交通大学第一附属医院派出专家组。附一专家随后查房。"
    assert resolved(text, ["西安交通大学第一附属医院", "附一"])["附一"] == "西安交通大学第一附属医院"


def test_article_names_affiliated_number_of_two_universities_stays_apart():
    text = "福建医科大学附属第一医院和厦门大学附属第一医院签约。附一专家随后查房。"
    names = resolved(text, ["福建医科大学附属第一医院", "厦门大学附属第一医院", "附一"])
    assert names["附一"] not in ("福建医科大学附属第一医院", "厦门大学附属第一医院")


def test_article_names_hospital_named_without_its_parent_and_place():
    text = "首都医科大学附属北京安贞医院与中国医学科学院肿瘤医院签约。安贞医院、肿瘤医院专家出席。"
    names = resolved(text, ["首都医科大学附属北京安贞医院", "中国医学科学院肿瘤医院", "安贞医院", "肿瘤医院"])
    assert names["安贞医院"] == "首都医科大学附属北京安贞医院"
    assert names["肿瘤医院"] == "中国医学科学院肿瘤医院"


def test_article_names_numbered_city_hospital_short_forms():
    text = "三明市第二医院、湘雅三医院的专家到场。三明二院和湘雅三院的医生随后义诊。"
    names = resolved(text, ["三明市第二医院", "湘雅三医院", "三明二院", "湘雅三院"])
    assert names["三明二院"] == "三明市第二医院"
    assert names["湘雅三院"] == "湘雅三医院"


def test_article_names_numbered_short_form_of_another_place_or_number_stays():
    text = "三明市第二医院的专家到场。龙岩二院和三明一院的医生随后义诊。"
    names = resolved(text, ["三明市第二医院", "龙岩二院", "三明一院"])
    assert names["龙岩二院"] == "龙岩二院"
    assert names["三明一院"] == "三明一院"


def test_article_names_place_written_without_its_division_ending():
    text = "泉州市医院派出专家。泉州医院的医生随后义诊。"
    assert resolved(text, ["泉州市医院", "泉州医院"])["泉州医院"] == "泉州市医院"


def test_article_names_bare_centre_for_disease_control():
    text = "省疾控发布提醒。卫健委疾控处负责人介绍了情况。"
    names = resolved(text, ["省疾控", "卫健委疾控处"])
    assert names["省疾控"] == "福建省疾病预防控制中心"
    assert names["卫健委疾控处"] == "卫生健康委员会疾控处"


def test_article_names_program_list_contracted_to_its_number():
    text = "镇里开展送政策、送温暖、送健康下乡活动。三送下乡活动惠及村民。"
    names = programs(text, ["送政策、送温暖、送健康下乡活动", "三送下乡活动"])
    assert names["三送下乡活动"] == names["送政策、送温暖、送健康下乡活动"]


def test_article_names_program_list_with_another_number_stays():
    text = "镇里开展送政策、送温暖、送健康下乡活动。四送下乡活动惠及村民。"
    names = programs(text, ["送政策、送温暖、送健康下乡活动", "四送下乡活动"])
    assert names["四送下乡活动"] != names["送政策、送温暖、送健康下乡活动"]


def test_article_names_program_quoted_core_and_generic_head():
    text = "医院启动“银龄守护”健康帮扶行动。银龄守护项目覆盖十个乡镇，“暖心驿站”计划同步推进。暖心驿站很受欢迎。"
    names = programs(text, ["“银龄守护”健康帮扶行动", "银龄守护项目", "“暖心驿站”计划", "暖心驿站"])
    assert names["银龄守护项目"] == "银龄守护健康帮扶行动"
    assert names["暖心驿站"] == "暖心驿站计划"


def test_article_names_strategy_and_its_action_stay_apart():
    text = "推进健康福建行动，建设健康福建。"
    names = programs(text, ["健康福建行动", "健康福建"])
    assert names["健康福建"] != names["健康福建行动"]


def test_article_names_program_list_ending_alike_contracted_to_its_number():
    text = "妇联开展宫颈癌、乳腺癌免费筛查。两癌免费筛查覆盖全县适龄妇女。"
    names = programs(text, ["宫颈癌、乳腺癌免费筛查", "两癌免费筛查"])
    assert names["两癌免费筛查"] == "宫颈癌、乳腺癌免费筛查"


def test_article_names_programs_quoting_one_core_are_one_but_a_model_stays():
    text = "医院推出“银龄守护”健康帮扶行动。“银龄守护”活动已开展三年，银龄守护服务模式正在推广。"
    names = programs(text, ["“银龄守护”健康帮扶行动", "“银龄守护”活动", "银龄守护服务模式"])
    assert names["“银龄守护”活动"] == "银龄守护健康帮扶行动"
    assert names["银龄守护服务模式"] == "银龄守护服务模式"


def test_article_names_program_written_by_its_start():
    text = "全市启动万名护士进社区结对服务。万名护士进社区开展以来，已走访上千户家庭。"
    names = programs(text, ["万名护士进社区结对服务", "万名护士进社区"])
    assert names["万名护士进社区"] == "万名护士进社区结对服务"


def test_article_names_strategy_stays_apart_from_its_tour():
    text = "开展健康福建行主题活动，全面建设健康福建。"
    names = programs(text, ["健康福建行主题活动", "健康福建"])
    assert names["健康福建"] == "健康福建"


def test_article_names_bare_county_government_is_the_article_s_county_people_s_government():
    text = "永春县卫健局和永春县医院部署义诊工作，县政府和县人民政府办公室派员参加。"
    names = resolved(text, ["永春县卫健局", "永春县医院", "县政府", "县人民政府办公室"])
    assert names["县政府"] == "永春县人民政府"
    assert names["县人民政府办公室"] == "永春县人民政府办公室"


def test_article_names_government_without_people_is_the_people_s_government():
    text = "厦门市政府与某大学签约。"
    assert resolved(text, ["厦门市政府"])["厦门市政府"] == "厦门市人民政府"


def test_article_names_procurement_centre_of_a_government_keeps_its_name():
    text = "厦门市政府采购中心发布公告。"
    assert resolved(text, ["厦门市政府采购中心"])["厦门市政府采购中心"] == "厦门市政府采购中心"


def test_article_names_party_department_after_its_committee_in_a_chain_of_titles():
    text = "建宁县医院承办的会议由建宁县委常委、组织部部长陈某主持，县委副书记、统战部部长出席。"
    names = resolved(text, ["建宁县医院", "建宁县委", "组织部", "县委", "统战部"])
    assert names["组织部"] == "中共建宁县委组织部"
    assert names["统战部"] == "中共建宁县委统一战线工作部"


def test_article_names_department_of_a_unit_s_party_committee_in_a_chain_of_titles():
    """``某大学党委副书记、副校长、党委统战部部长``: the department of the university's Party committee,
    named officially (the graph puts it under the university)."""
    text = "东湖大学党委副书记、副校长、党委统战部部长林某出席。"
    names = resolved(text, ["东湖大学", "党委统战部"])
    assert names["党委统战部"] == "中共东湖大学委员会统一战线工作部"


def test_article_names_party_department_of_a_county_written_with_its_prefecture():
    text = "三明市将乐县县委常委、宣传部部长出席活动。"
    names = resolved(text, ["三明市将乐县县委", "宣传部"])
    assert names["宣传部"] == "中共将乐县委宣传部"


def test_article_names_party_department_not_in_a_chain_stays_bare():
    text = "建宁县委召开会议。宣传部负责同志介绍了情况。"
    assert resolved(text, ["建宁县委", "宣传部"])["宣传部"] == "宣传部"


def test_article_names_department_after_a_body_that_is_no_committee_stays_bare():
    text = "建宁县医院院长、宣传部部长出席。"
    assert resolved(text, ["建宁县医院", "宣传部"])["宣传部"] == "宣传部"


def test_article_names_quoted_program_keeps_a_place_word_that_opens_its_name():
    text = "县红十字会开展“长安护苗”行动和“博爱暖冬”活动，三明市“健康快车”活动同日启动。"
    names = programs(text, ["“长安护苗”行动", "“博爱暖冬”活动", "三明市“健康快车”活动"])
    assert names["“长安护苗”行动"] == "长安护苗行动"
    assert names["“博爱暖冬”活动"] == "博爱暖冬活动"
    assert names["三明市“健康快车”活动"] == "健康快车活动"


def test_article_names_committee_written_with_wei_is_the_weiyuanhui_of_the_article():
    text = "江西省政协文史委员会组织调研。江西省政协文史委、政协文史委负责同志参加。"
    names = resolved(text, ["江西省政协文史委员会", "江西省政协文史委", "政协文史委"])
    assert names["江西省政协文史委"] == "江西省政协文史委员会"
    assert names["政协文史委"] == "江西省政协文史委员会"


def test_article_names_region_written_pian_is_the_pianqu():
    text = "会议总结了闽东北片区的经验，闽东北片各县参加。"
    mentions, pos = [], 0
    for surface in ("闽东北片区", "闽东北片"):
        start = text.index(surface, pos)
        mentions.append(Mention("a.txt", start, start + len(surface), "LOC", surface))
        pos = start + 1
    names = {m: canonical("LOC", m.text, None) for m in mentions}
    out, _ = name_in_article(text, names, article_setting(names, None, text))
    assert out[mentions[1]] == "闽东北片区"


def test_article_names_federation_of_industry_and_commerce_is_its_chamber_in_brackets():
    text = "活动由安溪县工商联（总商会）主办。总商会会员企业捐赠了物资。"
    names = resolved(text, ["安溪县工商联", "总商会", "总商会"])
    assert names["总商会"] == "安溪县工商业联合会"


def test_article_names_another_body_in_brackets_stays_apart():
    text = "活动由安溪县工商联（县商会）主办。"
    assert resolved(text, ["安溪县工商联", "县商会"])["县商会"] != "安溪县工商业联合会"


def test_article_names_party_committee_written_after_the_divisions_above_it():
    text = "黔南州荔波县县委、荔波县委和贵州省黔南州委共同主办。"
    names = resolved(text, ["黔南州荔波县县委", "荔波县委", "贵州省黔南州委"])
    assert names["黔南州荔波县县委"] == names["荔波县委"] == "中共荔波县委"
    assert names["贵州省黔南州委"] == "中共黔南州委"


def test_article_names_a_hospital_without_the_number_of_another_stays_apart():
    """``某市人民医院`` leaves 第一 out of ``某市第一人民医院`` but is another hospital: a short form
    keeps a body's number (``某市二院`` does)."""
    text = "福州市人民医院与福州市第一人民医院签署协议。福州市二院专家也参加了。"
    found = resolved(text, ["福州市人民医院", "福州市第一人民医院"])
    assert found["福州市人民医院"] == "福州市人民医院"


def test_article_names_a_company_and_the_company_named_after_it_stay_apart():
    """``某建设集团有限公司`` and its ``某建设集团第三工程有限公司``: the shorter is a whole company's
    name (its proper name ends like a body), not an abbreviation of the longer."""
    text = "闽江建设集团有限公司与闽江建设集团第三工程有限公司签约。"
    found = resolved(text, ["闽江建设集团有限公司", "闽江建设集团第三工程有限公司"])
    assert found["闽江建设集团有限公司"] == "闽江建设集团有限公司"
