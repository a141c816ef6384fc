"""Programs and partners: who organizes a program, which bodies work together.

``organizer`` (head the body, tail the program, or ``-1`` for the article's main
program, which only the linker knows) is read from

* fields ``主办单位：A 协办单位：B、C``;
* a list of bodies before a hosting verb: ``由A、B主办，C承办``, ``A联合B共同组织``;
* the subject of a verb that starts a program in its sentence: ``A启动X``, ``A与B联合开展X``
  (``kg.nlp.relations.launches``);
* a program named after its body (``某医院“健康快车”行动``): ``kg.nlp.relations.owners``.

``partner`` (two bodies) from co-hosts at one level (several ``主办`` bodies, ``联合…举办``,
``共同承办`` with no ``主办`` named); agreements and aid pairings are ``kg.nlp.relations.partners``'.
A body that only ``指导``s or takes part gets neither; no relation is guessed where the text
names no body.
"""

from __future__ import annotations

import re
from itertools import combinations

from kg.sentences import sentence_start

Rel = tuple[str, int, int, str]

#: ``主办单位：A``, ``主办：A``, ``主办方为A``, ``主办单位为A``: a field, or its sentence, naming the bodies after it.
#: ``发起单位为A``, ``牵头单位：A``, ``实施方是A``: the same with a word of running (not alone before a colon).
_ORGANIZER_FIELD = re.compile(
    r"(主办|协办|承办|支持|指导|发起|牵头|组织|实施)(?:(?:单位|方)(?:[:：]|为|是)|(?<=主办|协办|承办|支持|指导)[:：])"
)
#: Fields and verbs whose bodies organize the program; 支持 and 指导 do not.
_ORGANIZING = ("主办", "承办", "协办", "联办")
_FIELDS_ORGANIZING = (*_ORGANIZING, "发起", "牵头", "组织", "实施")
#: Hosting verbs after a list of bodies (由A、B联合主办); not a field (主办单位：, 主办方, 主办：).
_HOSTING = re.compile(r"(联合|共同|领衔|牵头)?(主办|承办|协办|联办)(?!单位|方|[:：])")
#: A field written after its list (A、B等十一家联办单位).
_FIELD_AFTER = re.compile(r"(作为|等[一二三四五六七八九十\d]*家)?(主办|承办|协办|联办)(?:单位|方)(?![:：为是])")
#: Verbs after ``由A`` that make A the organizer of what the sentence is about (X是由A重点推动的).
_BY_AGENT = re.compile(r"(联合|共同)?(?:重点|负责|牵头|统一|具体)?(组织|推动|发起|举办|开展|实施|牵头|部署)")
#: ``X由A牵头，B具体实施``: a clause with an agent of running, after which the next agent's 由 is left out.
_AGENT_CLAUSE = re.compile(
    r"由[^,，;；。！!？?\n]{2,40}(?:组织|推动|发起|举办|开展|实施|牵头|主办|承办|负责|指导|支持)[,，]$"
)
#: ``A与B联合举办``: two subjects or more of a joint verb of running, whatever their sentence names.
_JOINTLY = re.compile(r"(?:联合|共同)(?:举办|组织)")
#: ``A推出的X``, ``X是A发起的…``: a verb of running in a relative clause before 的.
_BY_RELATIVE = re.compile(r"(?:推出|发起|创办|举办|开展|启动|实施|打造|组织)的")
#: What may stand between the bodies and the verb of such a clause: when (A于2020年发起的X, A今年推出的X)
#: and how (A联合B共同推出的X, A重点打造的X, A组织开展的X, A牵头实施的X: up to two such words); each part optional.
_RELATIVE_GAP = re.compile(
    r"(?:(?:于|在)?(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|今年|去年|近日|日前|近年来?)"
    r"(?:初|底|上旬|中旬|下旬)?)?"
    r"(?:联合|共同|重点|精心|全力|率先|首次|专门|组织|牵头|负责|具体|统一|积极|大力){0,2}$"
)
_OPENING_QUOTES = '“"「『'
_CLOSING_QUOTES = ("”", '"', "」", "』")
#: Words joining the bodies of one list (A、B和C; A联合B).
_JOINS = ("、", "和", "与", "及", "以及", "同", ",", "，")
_WORD_JOINS = _JOINS[:-2]
_TOGETHER = ("联合", "会同", "携手")
#: What closes a list of bodies before its verb: 等, a count, a kind (A、B等单位, A、B两家单位).
_LIST_TAIL = re.compile(r"等?(?:[一二三四五六七八九十两\d]{1,3}[家个])?(?:单位|部门|机构)?")
_CLOSING_BRACKETS = ")）"
_ITEM_MAX = 16
_NOT_IN_ITEM = frozenset("、,，。;；:：！？!?\n《》“”")
#: ``A联合B…组织/举办``: co-hosts of what follows, at one level.
_JOINT_VERB = re.compile(r"[^。；;！!？?\n]{0,30}?(?:共同)?(?:举办|举行|组织|开展|主办|承办|启动|发起|推出|实施)")


def _orgs(spans: list) -> list[tuple[int, object]]:
    return [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]


def _list_before(text: str, orgs: list, pos: int) -> list[int]:
    """The bodies of a list ending at ``pos`` (``A、B和C``; a ``等`` after it is skipped), left to right."""
    ends = {s.end_char: (i, s) for i, s in orgs}

    def body_at(p: int, found: list[int], in_list: bool = True) -> int:
        p = _before_bracket(text, ends, p, found)
        return p if p in ends or not in_list else _over_unknown_item(text, ends, p)

    for m in _LIST_TAIL.finditer(text, max(0, pos - 10), pos):
        if m.end() == pos and m.start() < pos and body_at(m.start(), []) in ends:
            pos = m.start()  # A、B等单位, A、B两家单位
            break
    found: list[int] = []
    while True:
        pos = body_at(pos, found)
        if pos not in ends:
            break
        i, span = ends[pos]
        found.append(i)
        pos = span.start_char
        join = next(
            (
                j
                for j in (*_TOGETHER, *_JOINS)
                if text.endswith(j, 0, pos) and body_at(pos - len(j), [], in_list=j == "、") in ends
            ),
            None,
        )
        if join is None:
            break
        pos -= len(join)
    return found[::-1]


def _over_unknown_item(text: str, ends: dict, pos: int) -> int:
    """``A、B、某镇新时代文明实践所协办``: an item of a ``、`` list that is no mention (the
    tagger missed it) is stepped over to the body before it; ``pos`` if there is none."""
    sep = text.rfind("、", max(0, pos - _ITEM_MAX), pos)
    named = any(sep < end < pos for end in ends)  # 、B联合: the item is a mention and more
    if sep < 0 or sep + 1 == pos or sep not in ends or named or any(ch in _NOT_IN_ITEM for ch in text[sep + 1 : pos]):
        return pos
    return sep


def _before_bracket(text: str, ends: dict, pos: int, found: list[int]) -> int:
    """``A(别名)、B``: walking left from ``pos`` over a bracket after a body, the bracket's own
    body is listed too (the linker makes it one with A); returns where A ends, else ``pos``."""
    if pos <= 0 or text[pos - 1] not in _CLOSING_BRACKETS:
        return pos
    opening = max(text.rfind("(", 0, pos), text.rfind("（", 0, pos))
    if opening < 0 or pos - opening > 30 or opening not in ends:
        return pos
    if pos - 1 in ends:
        found.append(ends[pos - 1][0])
    return opening


def _list_after(
    text: str, orgs: list, pos: int, joins: tuple[str, ...] = _JOINS, breaks: frozenset[int] = frozenset()
) -> list[int]:
    """The bodies of a list starting at ``pos``, left to right; in a field (``breaks``: where the
    normalised text dropped a space or line break) a body right after a dropped space goes on the list."""
    starts = {s.start_char: (i, s) for i, s in orgs}
    found: list[int] = []
    while pos in starts:
        i, span = starts[pos]
        found.append(i)
        pos = span.end_char
        while text[pos : pos + 1] in _CLOSING_BRACKETS and pos < len(text):
            pos += 1  # 甲会（全称）与乙院: the list goes on after the bracket
        join = next((j for j in joins if text.startswith(j, pos) and pos + len(j) in starts), None)
        join = "" if join is None and pos in breaks and pos in starts else join  # 主办单位：A B
        if join is None:
            break
        pos += len(join)
    return found


def _pairs(bodies: list[int], spans: list, text: str) -> list[Rel]:
    """Every two bodies of a list are partners, except a body and its name in brackets (A（B）)."""
    return [
        ("partner", a, b, "")
        for a, b in combinations(sorted(set(bodies)), 2)
        if not (spans[b].start_char == spans[a].end_char + 1 and text[spans[a].end_char] in "(（")
    ]


def _program_after(spans: list, text: str, pos: int, before: int | None = None) -> int:
    """The first program named after ``pos`` in the same sentence (``由A主办的X``), else the
    last one named in it before ``before`` (``X由A主办``, the subject), else -1."""
    end = min((i for i in (text.find(c, pos) for c in "。！!？?\n") if i >= 0), default=len(text))
    after = next((j for j, s in enumerate(spans) if s.label_ == "PROG" and pos <= s.start_char < end), -1)
    if after >= 0 or before is None:
        return after
    start = sentence_start(text, before)
    subjects = [j for j, s in enumerate(spans) if s.label_ == "PROG" and start <= s.start_char and s.end_char <= before]
    return subjects[-1] if subjects else -1


#: A one-off occasion (ANNOTATION.md: meetings and ceremonies are no programs) as what a list hosts:
#: ``仪式由A、B共同承办``, ``A承办了本次座谈会``.
_MEETING = re.compile(r"(?:仪式|典礼|会议|大会|论坛|座谈会|研讨会|推进会|发布会|交流会|年会|培训班)")
_MEETING_BEFORE = re.compile(_MEETING.pattern + r"[^，,。；;]{0,4}由$")
_MEETING_AFTER = re.compile(r"(?:了)?(?:本次|此次|这次|该)?[^，,。；;]{0,6}?" + _MEETING.pattern)


def _hosts_a_meeting(text: str, first: int, verb_end: int) -> bool:
    """Whether the bodies before a hosting verb host a meeting or ceremony named right before
    ``由`` or right after the verb, which no program of the article is (their sentence names none)."""
    return bool(_MEETING_BEFORE.search(text, max(0, first - 12), first) or _MEETING_AFTER.match(text, verb_end))


def _of_a_body(text: str, spans: list, pos: int) -> bool:
    """``由A牵头的B``, ``A主办的B`` with B a body (an alliance, a journal) named right after 的 at ``pos``:
    the clause says what runs B, not a program of the article."""
    if not text.startswith("的", pos):
        return False
    start = pos + 1 + (text[pos + 1 : pos + 2] in _OPENING_QUOTES)
    return any(s.label_ == "ORG" and s.start_char in (pos + 1, start) for s in spans)


def organizers(text: str, spans: list, breaks: frozenset[int] = frozenset()) -> list[Rel]:
    """Bodies under a field (``主办单位：``) or before a hosting verb (``由A、B主办``)."""
    out: list[Rel] = []
    orgs = _orgs(spans)
    hosts: dict[str, list[list[int]]] = {}
    for m in _ORGANIZER_FIELD.finditer(text):
        said = m.group().endswith(("为", "是"))  # 主办方为A，B承办: a clause, its list ends at a comma
        start = m.end() + (text[m.end() : m.end() + 1] == " ")
        listed = _list_after(text, orgs, start, _WORD_JOINS) if said else _list_after(text, orgs, start, breaks=breaks)
        if m.group(1) in _FIELDS_ORGANIZING:
            # X的主办方为A: the program of the sentence before it; a field: the article's
            program = _program_after(spans, text, m.end(), before=m.start()) if said else -1
            out.extend(("organizer", i, program, m.group(1)) for i in listed)
            hosts.setdefault(m.group(1), []).append(listed)
    for m in _FIELD_AFTER.finditer(text):
        listed = _list_before(text, orgs, m.start())  # A、B等十一家联办单位: the field after its list
        # A作为承办单位，…X: the program its sentence names, else the article's
        program = _program_after(spans, text, m.end()) if m.group(1) == "作为" else -1
        out.extend(("organizer", i, program, m.group(2)) for i in listed)
        hosts.setdefault(m.group(2), []).append(listed)
    for m in _HOSTING.finditer(text):
        listed = _list_before(text, orgs, m.start())
        if not listed:
            continue
        program = _program_after(spans, text, m.end(), before=spans[listed[0]].start_char)
        meeting = _MEETING_AFTER.match(text, m.end())
        if meeting and program >= 0 and spans[program].start_char >= meeting.end():
            program = -1  # 由A主办的研讨会上，B启动X: A hosts the meeting, not X
        hosted = program >= 0 or not _hosts_a_meeting(text, spans[listed[0]].start_char, m.end())
        if hosted and not _of_a_body(text, spans, m.end()):  # a meeting is no program, nor a body (A主办的B杂志)
            out.extend(("organizer", i, program, m.group(2)) for i in listed)
        hosts.setdefault(m.group(2), []).append(listed)
    for m in _BY_AGENT.finditer(text):
        gap = _RELATIVE_GAP.search(text, max(0, m.start() - 16), m.start())  # 由A于2019年发起, 由A今年重点推动
        listed = _list_before(text, orgs, gap.start() if gap else m.start())
        first = spans[listed[0]].start_char if listed else 0
        chained = listed and _AGENT_CLAUSE.search(text, sentence_start(text, first), first)
        if not listed or not (text.endswith("由", 0, first) or chained):
            continue  # only the agent of a passive: 由A组织, 由A牵头，B具体实施 (A组织… alone may be anything)
        # X是由A推动的…: the program is the subject before the agent, else the article's
        program = _program_after(spans, text, len(text), before=spans[listed[0]].start_char)
        if program < 0 and (_MEETING_AFTER.match(text, m.end()) or _of_a_body(text, spans, m.end())):
            continue  # 由A组织的座谈会: a meeting is no program; 由A牵头的B联盟: nor is a body
        if program < 0:  # 由A牵头，B配合，开展X: else the program the rest of the sentence names
            program = _program_after(spans, text, m.end())
        out.extend(("organizer", i, program, m.group(2)) for i in listed)
        if m.group(1):
            out.extend(_pairs(listed, spans, text))  # 由A、B联合举办: organised together
    for m in _JOINTLY.finditer(text):
        listed = _list_before(text, orgs, m.start())
        first = spans[listed[0]].start_char if listed else 0
        if len(listed) < 2 or text.endswith("由", 0, first):
            continue  # 由A、B联合举办: the agent's, read above
        program = _program_after(spans, text, m.end())  # else the article's (a program before may be an aim)
        if program >= 0 or not _hosts_a_meeting(text, first, m.end()):
            out.extend(("organizer", i, program, m.group()) for i in listed)
            out.extend(_pairs(listed, spans, text))
    out.extend(_relative(text, spans, orgs))
    for verb, lists in hosts.items():
        if verb == "主办" or (verb == "承办" and "主办" not in hosts):
            for listed in lists:
                out.extend(_pairs(listed, spans, text))
        if verb == "联办":  # a leading host with the bodies that host with it: all co-hosts
            leading = [i for listed in hosts.get("主办", []) for i in listed]
            out.extend(_pairs([*leading, *(i for listed in lists for i in listed)], spans, text))
    return out


def _relative(text: str, spans: list, orgs: list) -> list[Rel]:
    """``A推出的X``: the program right after 的; ``X是A发起的…``: the subject before 是. A body
    in such a clause before anything else (``A组织的专家``) organizes nothing."""
    out: list[Rel] = []
    starts = {s.start_char: j for j, s in enumerate(spans) if s.label_ == "PROG"}
    ends = {s.end_char: j for j, s in enumerate(spans) if s.label_ == "PROG"}
    for m in _BY_RELATIVE.finditer(text):
        gap = _RELATIVE_GAP.search(text, max(0, m.start() - 16), m.start())
        listed = _list_before(text, orgs, gap.start() if gap else m.start())
        if not listed:
            continue
        first = spans[listed[0]].start_char
        quoted = text[m.end() : m.end() + 1] in _OPENING_QUOTES  # A发起的“X”: the mention may leave the quote out
        program = starts.get(m.end(), starts.get(m.end() + 1, -1) if quoted else -1)
        if program < 0 and text.endswith("是", 0, first):
            program = ends.get(first - 1 - text.endswith(_CLOSING_QUOTES, 0, first - 1), -1)  # “X”是A…
        out.extend(("organizer", i, program, m.group()[:-1]) for i in listed if program >= 0)
    return out


def joint(text: str, spans: list) -> list[Rel]:
    """``A联合B、C共同组织…``: co-hosts, each a partner of the others and an organizer
    of the program the sentence names (or of the article's, if it names none)."""
    out: list[Rel] = []
    orgs = _orgs(spans)
    for together in _TOGETHER:
        for m in re.finditer(together, text):
            first = _list_before(text, orgs, m.start())
            rest = _list_after(text, orgs, m.end())
            if not first or not rest:
                continue
            last = spans[rest[-1]].end_char
            verb = _JOINT_VERB.match(text, last)
            if not verb:
                continue
            bodies = [*first, *rest]
            out.extend(_pairs(bodies, spans, text))
            program = _program_after(spans, text, last)
            out.extend(("organizer", i, program, together) for i in bodies)
    return out
