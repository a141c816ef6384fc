"""Posts: the titles written around each person mention, and the body each belongs to.

Chinese news writes posts in a few fixed shapes, which this module reads
without a parser:

* ``[BODY] TITLE(、TITLE)* PERSON``, several groups before one person separated by
  ``、``/``，`` (``省卫健委党组书记、主任，省医学会会长吴芳``); a group with no body of
  its own after another person's (``A单位会长甲，副会长乙、丙``) is of that person's body,
  and a title shared by a list of names is each one's (``教授甲、乙、丙``);
* ``BODY PERSON TITLE`` (``某大学附属第一医院赵强院长``) and ``PERSON TITLE`` (``郑军医生``);
* an apposition in brackets: ``甲（某医院院长）``, ``院长（某会主委）甲``;
* verbs of office: ``甲任/兼任/担任/当选(为)某会会长``, ``聘任/聘请甲为某会顾问``,
  ``任命甲为A院长，乙为A副院长``;
* a title keeps the qualifiers written before it (``原副院长``, ``常务副部长``, ``二级巡视员``);
  a hospital department between body and title is dropped (``某医院心内科主任医师``: the
  hospital's post); a post in a unit written as a bare word (``、组织部部长``) is left out
  and the chain goes on; ``X委`` before a Party title is place X's Party committee;
* bylines and credits: ``本报记者 X`` (a reporter of the paper, the linker knows which),
  ``（记者 甲 乙）`` (shared), ``（记者：甲 来源：某报）`` (of the source).

Two rules need the whole document and are left to the graph model (``kg.posts``):
the titles of a unit's Party committee (``北京大学党委常委``) are posts in the unit,
and a head of government (``副县长``, with or without the place before it) belongs
to the jurisdiction's government if the text names it. So a government title keeps
the place written before it (a ``LOC`` tail) and never takes a non-government body.
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.posts import PARTY_BODIES, government_level, unit_of_party_body
from kg.sentences import sentence_start

Rel = tuple[str, int, int, str]

_SEPARATORS = "、,，"
_OPENING = "(（"
_CLOSING = ")）"
#: Verbs after a person that put the person in the post that follows (甲任某会会长).
_OFFICE = re.compile(r"(?:同时|还|并|已)?(?:兼任|担任|出任|就任|升任|当选为|当选|任|被聘为|受聘为|获聘为|被聘任为)")
#: ``聘任/聘请/任命 甲 为 …``: the person between the verb and 为 takes the post after 为.
_APPOINT = ("聘任", "聘请", "任命", "聘")
#: Words written before a title that are part of it, as the post is written (原副院长, 常务副部长, 二级巡视员).
_QUALIFIERS = ("原", "常务", "一级", "二级", "三级", "四级", "执行", "专职", "党委", "党组")
#: A byline's words, what may stand between one and its name, and the credit's source field.
_BYLINE_TITLES = frozenset(lx.BYLINE_ROLES.values())
_BYLINE_GAP = " \u3000:："
_SOURCE = re.compile("来源[:：]")
#: A unit written as a bare word in a chain of posts (、组织部部长, 、医学部主任).
_UNIT_WORD = re.compile(r"、([\u4e00-\u9fff]{1,5}(?:部|处|办公室|办|室|中心|科))$")
#: ``X委``: the Party committee of place X (市委, 县委, 省委), and the ``中共`` written before it.
_COMMITTEE = "委"
_PARTY = "中共"
#: Endings of a hospital's departments, written between the hospital and a doctor's title.
_DEPARTMENTS = ("科", "中心", "室", "病区", "门诊", "病房")
_DEPARTMENT_MAX = 12
_NOT_IN_DEPARTMENT = frozenset("、,，。;；:：()（）《》“”\n 的在是")


class Bodies:
    """The document's organizations (and places, for government titles) by where they end."""

    def __init__(self, text: str, spans: list) -> None:
        self.text = text
        self.org = {s.end_char: (i, s.start_char) for i, s in enumerate(spans) if s.label_ == "ORG"}
        self.loc = {s.end_char: (i, s.start_char) for i, s in enumerate(spans) if s.label_ == "LOC"}
        self.names = {i: s.text for i, s in enumerate(spans)}
        self.org_indices = frozenset(i for i, _ in self.org.values())

    def opens_name(self, pos: int) -> bool:
        """Nothing of a longer name before ``pos`` (社莆田市委 is a 九三学社 committee, not 莆田市委):
        the text starts, or a mark, a boundary word or ``中共`` ends there."""
        return (
            pos == 0
            or self.text[pos - 1] in lx.NAME_STOP
            or self.text.endswith(_PARTY, 0, pos)
            or lx.boundary_ending_at(self.text, pos) > 0
        )

    def across_department(self, pos: int) -> tuple[int, int]:
        """``某医院骨科与运动医学中心|副主任医师``: the body before a department of it that is
        no mention (the post is the body's: departments are dropped from roles), else ``(-1, 0)``."""
        if not self.text.endswith(_DEPARTMENTS, 0, pos):
            return -1, 0
        for end in range(pos - 2, max(pos - _DEPARTMENT_MAX, 0) - 1, -1):
            if self.text[end] in _NOT_IN_DEPARTMENT:
                break
            if end in self.org:
                return self.org[end]
        return -1, 0

    def title_ending_at(self, pos: int) -> str | None:
        """The title ending at ``pos``, with the qualifiers written before it (``原``, ``常务``,
        ``二级``): one that starts where an organization ends, else the longest."""
        title = self._bare_title_ending_at(pos)
        while title and pos - len(title) not in self.org:
            start = pos - len(title)
            qualifier = next((q for q in _QUALIFIERS if self.text.endswith(q, 0, start)), None)
            if qualifier is None or (start - len(qualifier)) in self.loc:
                break
            title = qualifier + title
        return title

    def _bare_title_ending_at(self, pos: int) -> str | None:
        titles = [t for t in lx.TITLES if self.text.endswith(t, 0, pos)]
        glued = [t for t in titles if pos - len(t) in self.org]
        # 北京大学党委书记 with both 北京大学 and 北京大学党委 as mentions: read it through the
        # committee, so that the graph knows the committee was only the title's prefix.
        party = [t for t in glued if unit_of_party_body(self.names[self.org[pos - len(t)][0]])]
        return (party or glued or titles or [None])[0]


def _assign(pending: list[str], org: int, bodies: Bodies, written_after: bool = True) -> list[tuple[int, str]]:
    """Titles (right to left) written after body ``org``: the one glued to a unit's Party
    committee is that committee's (``党委`` + ``常委``); a government title never
    belongs to a body that is not a government (``市委副书记、市长``: the 市长 is not the 市委's)."""
    name = bodies.names[org]
    party = next((p for p in PARTY_BODIES if name.endswith(p)), "") if unit_of_party_body(name) else ""
    out = []
    for n, title in enumerate(pending):
        if government_level(title) and "政府" not in name:
            out.append((-1, title))
            continue
        glued = written_after and n == len(pending) - 1
        out.append((org, party + title if glued and party and not title.startswith(party) else title))
    return out


def titles_before(bodies: Bodies, pos: int) -> tuple[list[tuple[int, str]], int]:
    """Walk left from ``pos`` over ``[BODY] TITLE(、TITLE)*`` groups: the titles with their
    body (``-1`` for none; a place for a government title), nearest first, and where the walk stopped."""
    text = bodies.text
    found: list[tuple[int, str]] = []
    pending: list[str] = []
    while pos > 0:
        title = bodies.title_ending_at(pos)
        if not title:
            break
        pending.append(title)
        pos -= len(title)
        org, org_start = bodies.org.get(pos, bodies.across_department(pos))
        loc, loc_start = bodies.loc.get(pos, (-1, 0))
        if org >= 0:
            found.extend(_assign(pending, org, bodies))
            pending = []
            pos = org_start  # the organization owns the titles after it; go on left of it
        elif loc >= 0 and all(government_level(t) for t in pending):
            found.extend((loc, t) for t in pending)  # 漳州市副市长: the jurisdiction, resolved later
            pending = []
            pos = loc_start
        elif text[pos - 1 : pos] == _COMMITTEE and pos - 1 in bodies.loc and bodies.opens_name(bodies.loc[pos - 1][1]):
            # 永济市委书记: the place's Party committee (the graph names it 中国共产党X委员会)
            loc, pos = bodies.loc[pos - 1]
            found.extend((-1, t) if government_level(t) else (loc, t) for t in pending)
            pending = []
            pos -= len(_PARTY) if text.endswith(_PARTY, 0, pos) else 0
        unit = 0 if org >= 0 or loc >= 0 else _unit_word_before(text, pos)
        if unit:
            # 北京大学党委常委、医学部主任乙: 主任 is a post in 医学部, a unit no mention names;
            # left out (not given to the university), and the walk goes on to the posts before it
            pending = []
            pos -= unit
        if pos > 0 and text[pos - 1] in _SEPARATORS:
            pos -= 1
            continue
        break
    found.extend((-1, t) for t in pending)
    return found, pos


def _unit_word_before(text: str, pos: int) -> int:
    """Length of a unit's name (``组织部``, ``医务处``) between a ``、`` and ``pos``, else 0."""
    m = _UNIT_WORD.search(text, max(0, pos - 7), pos)
    return len(m.group(1)) if m and m.end() == pos else 0


def _in_brackets(bodies: Bodies, start: int, end: int) -> list[tuple[int, str]]:
    """The titles of an apposition ``（某医院院长）`` spanning ``[start, end)`` (brackets included)."""
    found, stop = titles_before(bodies, end - 1)
    return found if stop == start + 1 else []


def _bracket_after(text: str, pos: int) -> int:
    """End (after the closing bracket) of a bracket opening at ``pos``, or -1."""
    if pos >= len(text) or text[pos] not in _OPENING:
        return -1
    close = min((i for i in (text.find(c, pos) for c in _CLOSING) if i > pos), default=-1)
    return close + 1 if 0 < close - pos <= 30 else -1


def _office(bodies: Bodies, person_end: int) -> list[tuple[int, str]]:
    """``甲任某会会长``, ``甲当选为某会副主席``: the post after a verb of office."""
    m = _OFFICE.match(bodies.text, person_end)
    if not m:
        return []
    return _post_at(bodies, m.end())


def _post_at(bodies: Bodies, pos: int) -> list[tuple[int, str]]:
    """``[BODY] TITLE(、TITLE)*`` starting at ``pos`` (the object of a verb of office)."""
    text = bodies.text
    org = next((i for end, (i, start) in bodies.org.items() if start == pos), -1)
    after = next((end for end, (i, _) in bodies.org.items() if i == org), pos)
    out: list[tuple[int, str]] = []
    while True:
        title = next((t for t in lx.TITLES if text.startswith(t, after)), None)
        if not title:
            break
        out.extend(_assign([title], org, bodies) if org >= 0 else [(-1, title)])
        after += len(title)
        if after < len(text) and text[after] == "、":
            after += 1
            continue
        break
    return out


def roles(text: str, spans: list) -> list[Rel]:
    """Every post written around a person: ``("role", person, body or -1, title)``, and
    ``("byline", person, -1, title)`` for a reporter of the paper itself."""
    bodies = Bodies(text, spans)
    out: list[Rel] = []
    people = [(i, s) for i, s in enumerate(spans) if s.label_ == "PER"]
    before_of: dict[int, list[tuple[int, str]]] = {}
    previous: tuple[int, int] | None = None  # (index, end) of the last person
    for i, span in people:
        posts, stop = titles_before(bodies, span.start_char)
        carried = _carried(bodies, posts, stop, previous, before_of)
        if not posts and previous and text[previous[1] : span.start_char] == "、":
            posts = list(before_of.get(previous[0], []))  # 副会长甲、乙: the title is each one's
        else:
            posts = carried
        before_of[i] = posts
        out.extend(("role", i, org, title) for org, title in posts)
        glued = max((t for t in lx.TITLES if text.startswith(t, span.end_char)), key=len, default=None)
        if glued in _BYLINE_TITLES and _person_after(text, spans, span.end_char + len(glued)):
            glued = None  # 记者 甲 通讯员 乙: the byline word is the next name's
        if glued:
            org = bodies.org.get(span.start_char, (-1, 0))[0]
            out.extend(("role", i, o, t) for o, t in (_assign([glued], org, bodies) if org >= 0 else [(-1, glued)]))
        out.extend(("role", i, o, t) for o, t in _appositions(bodies, span))
        out.extend(("role", i, o, t) for o, t in _office(bodies, span.end_char))
        out.extend(("role", i, o, t) for o, t in _appointed(bodies, span))
        bylined = _byline(text, i, span, out)
        if not bylined and previous and not text[previous[1] : span.start_char].strip():
            # (记者 甲 乙): names after a byline word, separated by spaces, share it
            bylined = [(k, i, t, title) for k, h, t, title in out if h == previous[0] and title in _BYLINE_TITLES]
        out.extend(_from_source(bodies, span, bylined))
        previous = (i, span.end_char)
    return _without_repeats(out, spans)


def _without_repeats(out: list[Rel], spans: list) -> list[Rel]:
    """``王某副院长表示`` after ``某院副院长王某``: a title with no body that repeats a post
    the same person holds in a body is that post, not a second one."""
    held = {(spans[h].text, title) for kind, h, t, title in out if kind == "role" and t >= 0}
    return [
        r
        for r in out
        if not (r[0] == "role" and r[2] < 0 and any(p == spans[r[1]].text and t.endswith(r[3]) for p, t in held))
    ]


def _appositions(bodies: Bodies, span) -> list[tuple[int, str]]:
    """``甲（某医院院长）`` after the name, ``院长（某会主委）甲`` before it."""
    text, out = bodies.text, []
    end = _bracket_after(text, span.end_char)
    if end > 0:
        out.extend(_in_brackets(bodies, span.end_char, end))
    if span.start_char > 0 and text[span.start_char - 1] in _CLOSING:
        open_at = max(text.rfind(c, 0, span.start_char) for c in _OPENING)
        if open_at >= 0 and span.start_char - open_at <= 30:
            out.extend(_in_brackets(bodies, open_at, span.start_char))
            out.extend(titles_before(bodies, open_at)[0])
    return out


def _appointed(bodies: Bodies, span) -> list[tuple[int, str]]:
    """``聘请甲为某院客座教授``: the person after a verb of appointment takes the post after 为."""
    text = bodies.text
    if not text.startswith("为", span.end_char):
        return []
    listed = text[span.start_char - 1 : span.start_char] in _SEPARATORS and any(
        verb in text[sentence_start(text, span.start_char) : span.start_char] for verb in _APPOINT
    )  # 任命甲为某院党委书记，乙为某院院长
    if not (text.endswith(_APPOINT, 0, span.start_char) or listed):
        return []
    return _post_at(bodies, span.end_char + 1) or _prefixed_post(bodies, span.end_char + 1)


def _prefixed_post(bodies: Bodies, pos: int) -> list[tuple[int, str]]:
    """``为某院客座教授``: a title with a qualifier before it (客座, 名誉, 特聘) after a body."""
    text = bodies.text
    org = next((i for end, (i, start) in bodies.org.items() if start == pos), -1)
    if org < 0:
        return []
    after = next(end for end, (i, _) in bodies.org.items() if i == org)
    for qualifier in ("客座", "名誉", "特聘", "兼职", "荣誉"):
        if text.startswith(qualifier, after):
            title = next((t for t in lx.TITLES if text.startswith(t, after + len(qualifier))), None)
            if title:
                return [(org, qualifier + title)]
    return []


def _person_after(text: str, spans: list, pos: int) -> bool:
    while pos < len(text) and text[pos] in _BYLINE_GAP:
        pos += 1
    return any(s.label_ == "PER" and s.start_char == pos for s in spans)


def _from_source(bodies: Bodies, span, bylined: list[Rel]) -> list[Rel]:
    """``（记者：甲 来源：某报）``: the reporters of a credit work for the source it names."""
    text = bodies.text
    close = min((i for i in (text.find(c, span.end_char) for c in _CLOSING) if i >= 0), default=-1)
    m = _SOURCE.search(text, span.end_char, close) if 0 <= close - span.end_char <= 30 else None
    source = next((i for i, start in bodies.org.values() if m and start == m.end()), -1)
    if source < 0:
        return bylined
    return [(k, h, source, title) if t < 0 and k == "role" else (k, h, t, title) for k, h, t, title in bylined]


def _byline(text: str, i: int, span, out: list[Rel]) -> list[Rel]:
    pos = span.start_char
    while pos > 0 and text[pos - 1] in _BYLINE_GAP:
        pos -= 1
    byline = next((w for w in lx.BYLINE_ROLES if text.endswith(w, 0, pos)), None)
    if not byline:
        return []
    role = lx.BYLINE_ROLES[byline]
    if byline.startswith("本报"):
        # A reporter of the paper that prints the article: the linker knows which.
        if ("role", i, -1, role) in out:
            out.remove(("role", i, -1, role))
        return [("byline", i, -1, role)]
    return [("role", i, -1, role)]


def _carried(
    bodies: Bodies,
    posts: list[tuple[int, str]],
    stop: int,
    previous: tuple[int, int] | None,
    before_of: dict[int, list[tuple[int, str]]],
) -> list[tuple[int, str]]:
    """``A单位会长甲，副会长乙``: titles with no body, right after the previous person in a
    list of officials, are posts in that person's body (the nearest one written before them)."""
    if not previous or previous[1] != stop or bodies.text[stop : stop + 1] not in tuple(_SEPARATORS):
        return posts
    body = next((o for o, _ in before_of.get(previous[0], []) if o >= 0 and o in bodies.org_indices), -1)
    if body < 0:
        return posts
    leftmost = [t for o, t in posts if o < 0]
    return [p for p in posts if p[0] >= 0] + _assign(leftmost, body, bodies, written_after=False)
