"""Posts of courts, prosecutors, kindergartens, papers and sections (issue 12): titles outside health
care that the health press still prints. Each sentence is written for this test, with invented people
and bodies; each title was missing from ``kg/resources/titles.txt`` and its post was lost."""

from __future__ import annotations

import pytest
from relation_tuples import relations


def roles(nlp, raw: str) -> set[tuple[str, str, str | None]]:
    return {(h, role, t) for kind, h, t, role in relations(nlp, raw) if kind == "role"}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("青山县第一幼儿园园长林佳慧介绍，今年新增学位200个。", ("林佳慧", "园长", "青山县第一幼儿园")),
        ("白河市中级人民法院法官陈志远在调解现场。", ("陈志远", "法官", "白河市中级人民法院")),
        ("江南日报社副主编周文彬参加座谈。", ("周文彬", "副主编", "江南日报社")),
        ("江南日报社总编张立新参加座谈。", ("张立新", "总编", "江南日报社")),
        ("白河市卫生健康局医政股股长何建平主持会议。", ("何建平", "股长", "白河市卫生健康局医政股")),
    ],
)
def test_titles_outside_health_care_give_the_post(nlp, raw, expected):
    assert expected in roles(nlp, raw)
