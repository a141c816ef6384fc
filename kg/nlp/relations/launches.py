"""Who starts a program in a sentence: the bodies before its verb (``A启动X``, ``A与B联合开展X``).

``organizer`` (head the body, tail the program, role the verb) for the subject of a verb that
launches or runs a program named right after it; the article's word for itself (``我院``,
``该院``, a bare ``医院`` opening a clause) stands for its body. Split from
``kg.nlp.relations.events`` (fields and hosting verbs), whose list and pairing helpers it uses.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.conventions import in_purpose_clause
from kg.nlp.relations.bodies import Bodies
from kg.nlp.relations.events import _TOGETHER, Rel, _orgs, _pairs
from kg.sentences import sentence_start

#: What may stand between the verb and the program: its length or theme (启动为期一个月的X,
#: 开展以“…”为主题的X), the reach it is run over (组织开展全省X, 启动了全市“X”), and the opening
#: quote a program's mention may leave out (组织“X”).
#: 组织 runs what it is written right before (A牵头组织“X”), as 开展 does; 组织参加X is no such verb.
_LAUNCH = re.compile(
    r"(?P<verb>(?:联合|共同|牵头|正式|全面|积极|组织)?(?:开展|启动|实施|举办|举行|发起|推出|主办|承办|组织|建立|构建|创建)(?:了)?)"
    r"(?:为期[^，,。；;！!？?\n]{1,8}的|以[^，,。；;！!？?\n]{1,20}为主题的)?(?:全(?:省|市|县|区|州|国|院|校|系统)|(?:我|本)(?:省|市|县|区|州))?[“\"]?$"
)
#: Words joining the subjects of one verb (A与B联合开展X, A携手B推出X).
_SUBJECT_JOINS = ("与", "和", "、", "同", "及", *_TOGETHER)
_OF = "的"
_CLAUSE_MARKS = ",，;；:："
#: Words before a body that make it no subject of the sentence's verb: the agent of a passive (由A),
#: a place (在A, 于A), a source (据A介绍, 记者从A获悉).
_NOT_SUBJECT = ("由", "在", "于", "据", "从")
#: Words before a body that make it where a program is held, not who holds it (在某医院举办), or where
#: its hosts go to hold it (A组织专家赴B开展X, A走进B举办X, 到B开展): the subject is the body before.
_VENUE = ("在", "于", "赴", "到", "走进", "前往", "深入")
#: Words before a body whose call or plan the subject follows (A响应B号召，开展X; 按照B部署): B runs
#: nothing in that sentence, the body before it (if any) does.
_DEFERS_TO = ("响应", "按照", "根据", "依据", "遵照")
#: A list of bodies helping the lead named before them, in a clause of their own (A牵头，B、C配合，实施X):
#: they are not the subject of the verb, the lead is.
_HELPING = re.compile(r"(?:积极|全力|密切|共同)?(?:配合|协助|参与)(?=[，,；;])")
_LIST_JOINS = ("、", "和", "与", "及")


def _not_the_subject(text: str, before: list, verb: int) -> bool:
    """Whether the last body of ``before`` is a venue (``在B``, ``赴B``), a body whose call is followed
    (``响应B号召``), or one of a list that helps in a clause of its own (``B、C配合，``) before ``verb``."""
    span = before[-1][1]
    if text.endswith((*_VENUE, *_DEFERS_TO), 0, span.start_char):
        return True
    helping = _HELPING.match(text, span.end_char)
    return helping is not None and helping.end() < verb


def _helpers_listed(text: str, before: list) -> int:
    """How many bodies at the end of ``before`` are the items of one list (``B、C``)."""
    count = 1
    while count < len(before) and text[before[-count - 1][1].end_char : before[-count][1].start_char] in _LIST_JOINS:
        count += 1
    return count


def launched(text: str, spans: list, breaks: frozenset[int] = frozenset()) -> list[Rel]:
    """``A启动X``, ``A与B联合开展X``: the bodies named before the verb in the program's sentence
    organize it (``organizer``, head the body, tail the program, role the verb).

    A program with no body before its verb (``开展我省第五批…采购`` in a report) gets the body whose
    report or press conference the article relays (``_source``), else none: guessing another
    subject would be wrong as often as right; nor does one named as the aim of a clause of purpose
    after the body (``in_purpose_clause``). A program listed after one launched (``建立了X和Y``)
    shares its verb."""
    out: list[Rel] = []
    orgs = _orgs(spans)
    launches: dict[int, re.Match[str]] = {}  # program's end -> the verb launching it
    for j, prog in enumerate(spans):
        if prog.label_ != "PROG":
            continue
        start = sentence_start(text, prog.start_char)
        verb = _LAUNCH.search(text, start, prog.start_char) or _launched_with(text, launches, prog.start_char)
        if not verb:
            continue
        launches[prog.end_char] = verb
        before = [(i, s) for i, s in orgs if start <= s.start_char and s.end_char <= verb.start()]
        while before and _not_the_subject(text, before, verb.start()):
            # A在B举办X, A响应B号召开展X: not B but A (before it) is the subject; A牵头，B、C配合: not B, C
            helping = _HELPING.match(text, before[-1][1].end_char)
            del before[-(_helpers_listed(text, before) if helping else 1) :]
        if not before:
            own = _own_subject(text, spans, start, verb.start(), breaks)
            own = own if own >= 0 else _source(text, spans, prog, verb.start(), breaks)
            out.extend([("organizer", own, j, verb.group("verb"))] if own >= 0 else [])
            continue
        if text[before[-1][1].start_char - 1 : before[-1][1].start_char] in _NOT_SUBJECT:
            # 由A举办: A is the agent of a passive; 记者从A获悉，全省开展X: A is the source, the subject
            source = _source(text, spans, prog, verb.start(), breaks) if _heard_from(text, before[-1][1]) else -1
            out.extend([("organizer", source, j, verb.group("verb"))] if source >= 0 else [])
            continue
        if in_purpose_clause(text, before[-1][1].end_char, verb.start(), breaks):
            continue
        last = before[-1][1].end_char
        if text.startswith(_OF, last) and any(c in _CLAUSE_MARKS for c in text[last : verb.start()]):
            continue  # 传承A的传统，深入实施X: A qualifies a word of another clause, it runs nothing
        subjects = [before[-1]]
        for i, s in reversed(before[:-1]):
            if text[s.end_char : subjects[-1][1].start_char] not in _SUBJECT_JOINS:
                break
            subjects.append((i, s))
        out.extend(("organizer", i, j, verb.group("verb")) for i, _ in subjects)
        if len(subjects) >= 2:
            out.extend(_pairs([i for i, _ in subjects], spans, text))  # A、B联合开展X: organised together
    return out


#: Words joining the objects of one verb (建立了X和Y, 启动X、Y).
_OBJECT_JOINS = ("和", "、", "及", "以及", "与")


def _launched_with(text: str, launches: dict[int, re.Match[str]], start: int) -> re.Match[str] | None:
    """``建立了X和Y``: the verb of the program listed right before the one starting at ``start``."""
    return next(
        (launches[start - len(j)] for j in _OBJECT_JOINS if text.endswith(j, 0, start) and start - len(j) in launches),
        None,
    )


#: The article's word for itself (我院, 本中心) or for the body just named (该院) as a subject, not after
#: 在/于/由 (在我院举办: the venue);
#: 本会议 is a meeting and 我会同… "I, together with".
_SELF_SUBJECT = re.compile(r"(?<![在于由自])(?:我|本|该)(?:院|校|局|委|会(?!议|同)|中心|所|厅)")
#: ``近年来，医院先后开展X``: a hospital's or a school's news calls its own body by the bare kind, as
#: the subject opening a clause, with nothing but adverbs between it and the verb (``_LAUNCH``).
_BARE_SUBJECT = re.compile(
    r"(?:^|(?<=[，,。；;！!？?\n]))(?P<word>医院|学校)"
    r"(?:还|也|将|并|已|又|均|先后|同时|持续|主动|定期|每年|今年|多次|率先|专门|随后|继续|不断|再次)*$"
)
_BARE_HEADS = {"医院": "院", "学校": "校"}


def _own_subject(text: str, spans: list, start: int, verb: int, breaks: frozenset[int]) -> int:
    """``近日，我院开展X``, ``该院开展X``: the body the article's word for itself (or for the body just
    named) stands for, as the subject of the verb in its sentence (the last such word before it, not
    in a clause of purpose); else -1."""
    found = list(_SELF_SUBJECT.finditer(text, start, verb))
    if not found:
        bare = _BARE_SUBJECT.search(text, start, verb)
        if bare is None or in_purpose_clause(text, bare.end(), verb, breaks):
            return -1
        return Bodies(text, spans).own(_BARE_HEADS[bare.group("word")])
    if in_purpose_clause(text, found[-1].end(), verb, breaks):
        return -1
    return Bodies(text, spans).referred_before(found[-1].end())[0]


#: Words after a body that make it the one whose statement the article reports: 记者从A获悉 (after 从), A举行
#: (某年某季度例行)新闻发布会 (before the word for a press conference, in its clause).
_HEARD_FROM = re.compile(r"(?:获悉|了解到)")
_BRIEFING = re.compile(r"[^，,。；;！!？?\n]{0,16}?新闻发布会")
#: The office that hosts other bodies' press conferences (国务院新闻办公室举行发布会, 某省政府新闻办): no source.
_PRESS_OFFICES = ("新闻办公室", "新闻办")
#: A program of the whole nation (国家某某试点, 全国某某宣传周): not that of a body of a province or city.
_NATIONAL = ("国家", "全国", "中国", "中华")
_QUOTES = '“"《'


def _heard_from(text: str, span: Span) -> bool:
    """``记者从A获悉``: A is where the article's news comes from."""
    return text.endswith("从", 0, span.start_char) and _HEARD_FROM.match(text, span.end_char) is not None


def _source(text: str, spans: list, prog: Span, verb: int, breaks: frozenset[int]) -> int:
    """``记者从A获悉``, ``A举行新闻发布会``: the one body whose statement the article reports (its
    report, its press conference), as the subject of a verb with none in its sentence (``开展我省第五批
    …采购``, ``今年，全省共开展X``); else -1. Two such bodies, or none, give none; a national
    program (``国家…``) is no source's unless the source is national too."""
    start = sentence_start(text, prog.start_char)
    if in_purpose_clause(text, start, verb, breaks):
        return -1
    national = prog.text.lstrip(_QUOTES).startswith(_NATIONAL)
    found: dict[str, int] = {}
    for i, s in enumerate(spans):
        if s.label_ != "ORG" or s.start_char >= verb or s.text.endswith(_PRESS_OFFICES):
            continue
        heard = _heard_from(text, s)
        briefing = not text.endswith(_VENUE, 0, s.start_char) and _BRIEFING.match(text, s.end_char)
        if (heard or briefing) and (not national or s.text.startswith(_NATIONAL)):
            found.setdefault(s.text, i)
    return next(iter(found.values())) if len(found) == 1 else -1
