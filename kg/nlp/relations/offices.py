"""Verbs of office and of appointment: the posts written after a person (``kg.nlp.relations.posts``
reads the rest). ``甲任/现任/曾任/兼任/当选(为)/系某会会长`` (after a profile's clauses, ``甲，男，1972年生，
现任…``; a second post after ``，兼任``), ``聘任/聘请甲为某会顾问`` (the body that appoints when none is
written after 为: ``某大学聘请甲为客座教授``), ``甲被聘为某大学兼职教授``;
the passive of appointing and electing (``甲被任命为某院院长``, ``甲被选举为某会会长``)."""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.relations.bodies import Bodies, Post, assign
from kg.sentences import sentence_start

_SEPARATORS = "、,，"
#: Verbs after a person that put the person in the post that follows (甲任某会会长).
_OFFICE = re.compile(
    r"(?:同时|还|并|已|现|曾经|曾)?(?:兼任|担任|出任|就任|升任|当选为|当选|被任命为|被选举为|被选为|被推选为|被推举为|任|被聘为|受聘为|获聘为|被聘任为|系|是)"
)
#: Clauses of a profile between a name and its verb of office: sex, birth, origin, nation, party, degree.
_PROFILE = re.compile(r"(?:[,，](?:[男女]|[^,，。；;]{1,14}?(?:生|人|族|党员|学历|学位|博士|硕士|毕业)))+[,，]")
#: ``甲同志任…``: the word of address between a name and its verb of office.
_ADDRESS = "同志"
#: ``甲，现任…``: a verb of office that opens a clause of its own after the name (a profile's first clause);
#: not 任/是/系 alone, which a clause after a name may start in other senses.
_OFFICE_CLAUSE = re.compile(r"[,，](?=(?:现任|曾任|历任|现为|兼任|担任|曾担任|现担任))")
#: A second post of the same person after the first one's object: ``甲任A院长，兼任B会长``, also
#: after a year (``甲2019年任A副院长，2021年兼任B副会长``).
_ALSO_OFFICE = re.compile(r"[,，、]?(?:\d{4}年(?:\d{1,2}月)?(?:起)?)?(?:同时|还|并)?(?:兼任|兼)")
#: ``聘任/聘请/任命 甲 为 …``: the person between the verb and 为 takes the post after 为.
_APPOINT = ("聘任", "聘请", "任命", "聘")
#: Words before a title after the body that make an honorary or visiting post of it (客座教授).
_HONORARY = ("客座", "名誉", "特聘", "兼职", "荣誉")


def office(bodies: Bodies, person_end: int) -> list[Post]:
    """``甲任某会会长``, ``甲当选为某会副主席``: the post after a verb of office, and the ones
    after ``兼任`` that follow it (``甲任A院长，兼任B会长``)."""
    person_end += bodies.text.startswith(_ADDRESS, person_end) * len(_ADDRESS)  # 甲同志任…
    profile = _PROFILE.match(bodies.text, person_end) or _OFFICE_CLAUSE.match(bodies.text, person_end)
    m = _OFFICE.match(bodies.text, profile.end() if profile else person_end)  # 甲，男，1975年生，现任…
    out: list[Post] = []
    while m:
        found, end = post_at(bodies, m.end())
        if end in bodies.person_starts:
            break  # 甲是某院院长乙的学生: the title is the next name's
        if not found:  # 甲被聘为某大学兼职教授: a qualified title
            out.extend([] if out else prefixed_post(bodies, m.end()))
            break
        out.extend(found)
        m = _ALSO_OFFICE.match(bodies.text, end)
    return out


def post_at(bodies: Bodies, pos: int) -> tuple[list[Post], int]:
    """``[BODY] TITLE(、TITLE)*`` starting at ``pos`` (the object of a verb of office; the body may be
    a word for one, ``该校``), and where it ends."""
    text = bodies.text
    org, after = bodies.body_at(pos)
    out: list[Post] = []
    while True:
        title = next((t for t in lx.TITLES if text.startswith(t, after)), None)
        if not title:
            break
        out.extend(assign([(title, "")], org, bodies) if org >= 0 else [(-1, title, "")])
        after += len(title)
        if after < len(text) and text[after] == "、":
            after += 1
            continue
        break
    return out, after


def appointed(bodies: Bodies, span, end: int) -> list[Post]:
    """``聘请甲为某院客座教授``: the person after a verb of appointment takes the post after 为
    (``end``: where the list of names the person opens ends, 聘请甲、乙为…)."""
    text = bodies.text
    if not text.startswith("为", end):
        return []
    listed = text[span.start_char - 1 : span.start_char] in _SEPARATORS and any(
        verb in text[sentence_start(text, span.start_char) : span.start_char] for verb in _APPOINT
    )  # 任命甲为某院党委书记，乙为某院院长
    if not (text.endswith(_APPOINT, 0, span.start_char) or listed):
        return []
    verb_at = max(text.rfind(v, sentence_start(text, span.start_char), span.start_char) for v in _APPOINT)
    subject = bodies.org.get(verb_at, (-1, 0))[0]  # 某大学聘请甲(、乙)为…: the body that appoints
    return post_at(bodies, end + 1)[0] or prefixed_post(bodies, end + 1, subject)


def prefixed_post(bodies: Bodies, pos: int, subject: int = -1) -> list[Post]:
    """``为某院客座教授``: a title with a qualifier before it (客座, 名誉, 特聘) after a body, or
    with none written, in the body that appoints (``subject``: 某大学聘请甲为客座教授)."""
    text = bodies.text
    org, after = bodies.body_at(pos)
    if org < 0:
        org, after = subject, pos
    if org < 0:
        return []
    for qualifier in _HONORARY:
        if text.startswith(qualifier, after):
            title = next((t for t in lx.TITLES if text.startswith(t, after + len(qualifier))), None)
            if title:
                return [(org, qualifier + title, "")]
    return []
