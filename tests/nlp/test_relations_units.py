"""A department written as a bare word at the head of a group of titles (``、医务处处长``) is a
unit of the body the chain names, whether or not the tagger made a mention of it: each test gives
the mentions by hand, on sentences written for it with invented people and bodies, so that
it does not depend on what a model tags."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kg.nlp.relations import posts


def _spans(text: str, mentions: list[tuple[str, str]]) -> list[SimpleNamespace]:
    spans, at = [], 0
    for name, label in mentions:
        start = text.index(name, at)
        spans.append(SimpleNamespace(text=name, label_=label, start_char=start, end_char=start + len(name)))
        at = start + len(name)
    return spans


def _roles(text: str, mentions: list[tuple[str, str]]) -> set[tuple[str, str, str | None]]:
    spans = _spans(text, mentions)
    return {
        (spans[h].text, title, spans[t].text if t >= 0 else None)
        for kind, h, t, title in posts.roles(text, spans)
        if kind == "role"
    }


_HOSPITAL = (
    "江南省中医院日前召开座谈会。我院党委书记、院长张明远，院长助理李志刚，"
    "骨科主任、医务处处长王建国，护理部副主任赵丽华出席。"
)


@pytest.mark.parametrize("tagged", [True, False])
def test_a_department_tagged_as_a_body_is_the_hospital_s_unit(tagged):
    mentions = [("江南省中医院", "ORG"), ("张明远", "PER"), ("李志刚", "PER")]
    if tagged:
        mentions += [("医务处", "ORG"), ("王建国", "PER"), ("护理部", "ORG"), ("赵丽华", "PER")]
    else:
        mentions += [("王建国", "PER"), ("赵丽华", "PER")]
    found = _roles(_HOSPITAL, mentions)
    assert ("王建国", "处长", "江南省中医院") in found
    assert ("王建国", "主任", "江南省中医院") in found
    assert ("赵丽华", "副主任", "江南省中医院") in found
    assert not any(org in ("医务处", "护理部") for _, _, org in found)


def test_a_long_bare_office_after_a_comma_is_a_unit_too():
    text = "海城市人民医院院长刘国庆，培训管理办公室副主任陈静参加。"
    found = _roles(text, [("海城市人民医院", "ORG"), ("刘国庆", "PER"), ("培训管理办公室", "ORG"), ("陈静", "PER")])
    assert ("陈静", "副主任", "海城市人民医院") in found


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        # a body named in full is a body, not a bare unit
        (
            "会上，海城市卫生健康委员会办公室主任周强发言。",
            [("海城市卫生健康委员会办公室", "ORG"), ("周强", "PER")],
            ("周强", "主任", "海城市卫生健康委员会办公室"),
        ),
        # a ministry is written with no jurisdiction and is no unit of the body before
        (
            "海城市人民医院院长刘国庆，教育部副部长陈静出席。",
            [("海城市人民医院", "ORG"), ("刘国庆", "PER"), ("教育部", "ORG"), ("陈静", "PER")],
            ("陈静", "副部长", "教育部"),
        ),
    ],
)
def test_a_named_body_or_a_ministry_stays_a_body(text, mentions, expected):
    assert expected in _roles(text, mentions)


@pytest.mark.parametrize("tagged", [True, False])
def test_a_nursing_department_s_head_is_a_post_in_the_hospital(tagged):
    """``护理部主任`` is a title of the word lists, written with its department: read as the
    department's 主任, so a hospital's is its ``主任`` (ANNOTATION.md), not a title ``护理部主任``."""
    text = "青禾县人民医院医务科科长孙立新、护理部主任钱慧敏出席。"
    mentions = [("青禾县人民医院", "ORG"), ("孙立新", "PER")]
    mentions += [("护理部", "ORG"), ("钱慧敏", "PER")] if tagged else [("钱慧敏", "PER")]
    found = _roles(text, mentions)
    assert ("钱慧敏", "主任", "青禾县人民医院") in found
    assert not any(title == "护理部主任" for _, title, _ in found)


def test_a_ministry_s_department_written_after_its_body_is_a_unit_of_it():
    """``某委某某司副司长``: a department (司) of a ministry or commission, written right after it with no
    mention of its own, is a unit of that body (``unit_role``), as 某委某某处 is; a company (公司) is none."""
    text = "国家某某委基层司副司长钱立群出席。"
    spans = _spans(text, [("国家某某委", "ORG"), ("钱立群", "PER")])
    found = {
        (kind, spans[h].text, spans[t].text if t >= 0 else None, role) for kind, h, t, role in posts.roles(text, spans)
    }
    assert found == {("unit_role", "钱立群", "国家某某委", "基层司|副司长")}
    text = "某某集团分公司副总经理钱立群出席。"
    spans = _spans(text, [("某某集团", "ORG"), ("钱立群", "PER")])
    assert not any(role.startswith("分公司") for *_, role in posts.roles(text, spans))


def test_a_bureau_right_after_its_commission_is_a_unit_but_not_after_a_list_mark():
    """``某委疾控局副局长``: a bureau written right after a commission is its unit; ``、市某局局长`` after
    another person's post is a body of its own the tagger missed, no unit of the commission."""
    text = "国家某某委疾控局副局长钱立群出席。"
    spans = _spans(text, [("国家某某委", "ORG"), ("钱立群", "PER")])
    assert [(kind, role) for kind, _, _, role in posts.roles(text, spans)] == [("unit_role", "疾控局|副局长")]
    text = "东湖市卫生健康委员会主任孙立新、市医保局局长钱立群出席。"
    spans = _spans(text, [("东湖市卫生健康委员会", "ORG"), ("孙立新", "PER"), ("钱立群", "PER")])
    assert not any(kind == "unit_role" for kind, *_ in posts.roles(text, spans))
