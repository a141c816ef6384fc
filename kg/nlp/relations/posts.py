"""Posts: the titles written around each person mention, and the body each belongs to.

Chinese news writes posts in a few fixed shapes, which this module reads
without a parser:

* ``[BODY] TITLE(、TITLE)* PERSON``, several groups before one person separated by
  ``、``/``，`` (``省卫健委党组书记、主任，省医学会会长吴芳``); a group with no body of
  its own after another person's (``A单位会长甲，副会长乙、丙``) is of that person's body,
  and a title shared by a list of names is each one's (``教授甲、乙、丙``);
* ``BODY PERSON TITLE`` (``某大学附属第一医院赵强院长``) and ``PERSON TITLE`` (``郑军医生``);
* an apposition in brackets: ``甲（某医院院长）``, ``院长（某会主委）甲``; a description after a comma
  or colon, or a profile's clauses (``甲：某会会长``, ``甲，男，主任医师，某医院院长``);
* verbs of office (``kg.nlp.relations.offices``): ``甲任/现任/兼任/担任/当选(为)某会会长`` (and a
  second post after ``，兼任``; a list ``甲、乙当选…`` shares it), ``聘任/聘请甲为某会顾问`` (or ``为该校客座教授``),
  ``任命甲为A院长，乙为A副院长``; a council's term between a society and a title is stepped over
  (``某学会第九届理事会理事长``);
* a title keeps the qualifiers written before it (``原副院长``, ``常务副部长``, ``二级巡视员``);
  a hospital department between body and title is dropped (``某医院心内科主任医师``: the
  hospital's post); a post in a unit written as a bare word (``、组织部部长``) is left out
  and the chain goes on; ``X委`` before a Party title is place X's Party committee;
* bylines and credits (``kg.nlp.relations.bylines``): ``本报记者 X`` and ``本报讯（记者 X）`` (a reporter
  of the paper, the linker knows which), ``（记者 甲 乙）`` (shared), ``（记者：甲 来源：某报）`` (of the source).

Two rules need the whole document and are left to the graph model (``kg.link.posts``):
the titles of a unit's Party committee (``北京大学党委常委``) are posts in the unit,
and a head of government (``副县长``, with or without the place before it) belongs
to the jurisdiction's government if the text names it. So a government title keeps
the place written before it (a ``LOC`` tail) and never takes a non-government body.
"""

from __future__ import annotations

import re

from kg.conventions import UNIT_MARK, UNIT_ROLE, government_level
from kg.nlp import lexicon as lx
from kg.nlp.relations.bodies import ACADEMIC_RANKS, BRACKET_MAX, CLOSING, OPENING, UNKNOWN_UNIT, Bodies, Post, assign
from kg.nlp.relations.bylines import BYLINE_TITLES, byline, from_source, person_after
from kg.nlp.relations.offices import appointed, office

Rel = tuple[str, int, int, str]
_SEPARATORS = "、,，"
#: 兼 (and also) between two titles of one person: 党委书记兼院长.
_ALSO = "兼"
#: Conjunctions between two officials of one body (院长甲和副院长乙), and verbs of a head leading
#: the body's staff (院长甲带领副院长乙).
_CONJUNCTIONS = ("和", "及", "与", "以及", "率", "率领", "带领", "携")
#: Words between a body and a title that are no part of the post: 某医院分管副院长, 相关负责人.
_BETWEEN = ("分管", "业务", "相关", "主要", "有关")
_COMMAS = (",", "，")
_OF = "的"
_CLAUSE_ENDS = frozenset(",，。;；")
#: After a name, what opens a description of it: a comma or colon, and the sex of a profile (甲，男，…).
_DESCRIBED = re.compile(r"[,，:：](?:[男女][,，])?")
_PROFILE_CLAUSES = 3
_REPORTER = "记者"
_OWN_DATELINE = "本报讯"
#: Between two names that share the titles before the first: 、, or a note on the first in brackets
#: and a separator (副主任甲（主持工作），乙（援疆）).
_SHARED = re.compile(r"、|[(（][^()（）]{1,10}[)）][、,，]")
#: Where a photo shows a person, written first in a caption's bracket (before a comma the
#: walk over the posts steps over): （右二，…）, （前排左三、…）.
_PHOTO_PLACE = re.compile(r"[前后中排左右起一二三四五六七八九十]{1,5}")
#: ``X委``: the Party committee of place X (市委, 县委, 省委), and the ``中共`` written before it.
_COMMITTEE = "委"
#: Last characters of a body's name: a title right after one that no mention covers is a post in it.
_BODY_ENDS = frozenset("市县区省州师委院局会部厅办社所校站")
_PARTY = "中共"


def titles_before(bodies: Bodies, pos: int) -> tuple[list[Post], int]:
    """Walk left from ``pos`` over ``[BODY] [UNIT] TITLE(、TITLE)*`` groups: the posts with their
    body (``-1`` for none; a place for a government title), nearest first, and where the walk stopped."""
    text = bodies.text
    found: list[Post] = []
    pending: list[tuple[str, str]] = []
    while pos > 0:
        read = bodies.title_ending_at(pos)
        if not read or pos - len(read[0]) - len(read[1]) in bodies.person_ends:
            break  # none, or the title of the name before it (甲院长，副院长乙)
        pending.append(read)
        pos -= len(read[0]) + len(read[1])
        org, org_start = bodies.org.get(pos, bodies.across_department(pos))
        bare = org_start if org >= 0 and bodies.bare_unit(org, org_start) else -1
        org = -1 if bare >= 0 else org  # 、医务处|处长 as a mention: a unit, as when none covers it
        if org < 0 and (term := bodies.session_before(pos)):
            org, org_start = bodies.org[pos - term]  # 某学会第九届理事会|理事长
        if org < 0:
            org, org_start = bodies.before_bracket(pos)
        if org < 0 and text[pos - 1 : pos] == _OF:
            org, org_start = bodies.org.get(pos - 1, (-1, 0))  # 来自某医院的主任医师甲
        if org < 0 and (between := next((w for w in _BETWEEN if text.endswith(w, 0, pos)), "")):
            org, org_start = bodies.org.get(pos - len(between), (-1, 0))  # 某医院分管副院长甲
        loc, loc_start = bodies.loc.get(pos, (-1, 0))
        committee = text[pos - 1 : pos] == _COMMITTEE and pos - 1 in bodies.loc
        no_body = org < 0 and loc < 0 and not committee and not read[1]
        if no_body and (unit := bare if bare >= 0 else bodies.unit_before(pos)) >= 0:
            pending[-1] = (read[0], text[unit:pos])  # 医学部|主任, 、组织部|部长: a post in a unit of the body before
            pos = unit
            org, org_start = bodies.org.get(pos, (-1, 0))
        elif no_body and (word := bodies.word_before(pos)) >= 0:
            pending[-1] = (read[0], UNKNOWN_UNIT)  # 、工会主席: the chain goes on over a word no list knows
            pos = word
        if org >= 0:
            found.extend(assign(pending, org, bodies))
            pending = []
            pos = org_start  # the organization owns the titles after it; go on left of it
        elif loc >= 0 and all(government_level(t) for t, _ in pending):
            found.extend((loc, t, "") for t, _ in pending)  # 漳州市副市长: the jurisdiction, resolved later
            pending = []
            pos = loc_start
        elif committee and bodies.opens_name(bodies.loc[pos - 1][1]):
            # 永济市委书记: the place's Party committee (the graph names it 中国共产党X委员会)
            loc, pos = bodies.loc[pos - 1]
            found.extend((-1, t, "") if government_level(t) else (loc, t, u) for t, u in pending)
            pending = []
            pos -= len(_PARTY) if text.endswith(_PARTY, 0, pos) else 0
        else:
            referred, length = bodies.referred_before(pos)  # 我院党委书记, 该院院长
            if referred >= 0:
                found.extend(assign(pending, referred, bodies))
                pending = []
            pos -= length
        if pos > 0 and (text[pos - 1] in _SEPARATORS or text[pos - 1] == _ALSO):
            pos -= 1
            continue
        break
    unnamed = pos > 1 and text[pos - 1] in _BODY_ENDS and "\u4e00" <= text[pos - 2] <= "\u9fff"
    # 某师某市党委常委: a body the mentions missed is no "no body" (a post of nobody would be wrong twice)
    found.extend((-1, t, u) for t, u in pending if not unnamed or government_level(t) or t.endswith(ACADEMIC_RANKS))
    return found, pos


def _in_brackets(bodies: Bodies, start: int, end: int) -> list[Post]:
    """The titles of an apposition ``（某医院院长）`` spanning ``[start, end)`` (brackets included),
    after where a photo shows the person, if the caption says it (``（右二，某医院院长）``)."""
    found, stop = titles_before(bodies, end - 1)
    return found if stop == start + 1 or _PHOTO_PLACE.fullmatch(bodies.text, start + 1, stop) else []


def _bracket_after(text: str, pos: int) -> int:
    """End (after the closing bracket) of a bracket opening at ``pos``, or -1."""
    if pos >= len(text) or text[pos] not in OPENING:
        return -1
    close = min((i for i in (text.find(c, pos) for c in CLOSING) if i > pos), default=-1)
    return close + 1 if 0 < close - pos <= BRACKET_MAX else -1


def _bracket_before(text: str, pos: int) -> int:
    """Where a bracket closing right before ``pos`` opens (``院长（某会主委）|甲``), or -1."""
    if pos == 0 or text[pos - 1] not in CLOSING:
        return -1
    open_at = max(text.rfind(c, 0, pos) for c in OPENING)
    return open_at if open_at >= 0 and pos - open_at <= BRACKET_MAX else -1


def roles(text: str, spans: list) -> list[Rel]:
    """Every post written around a person: ``("role", person, body or -1, title)``,
    ``("byline", person, -1, title)`` for a reporter of the paper itself, and
    ``(UNIT_ROLE, person, body, unit + UNIT_MARK + title)`` for a post in a unit of the body."""
    bodies = Bodies(text, spans)
    out: list[Rel] = []
    people = [(i, s) for i, s in enumerate(spans) if s.label_ == "PER"]
    before_of: dict[int, list[Post]] = {}
    body_of: dict[int, int] = {}  # the first body of each person's posts, for the next ones of a list
    previous: tuple[int, int] | None = None  # (index, end of the name and of a title right after it) of the last person
    bare: list[int] = []  # the names before this one in a 、 list that have no post of their own
    for i, span in people:
        if not (previous and text[previous[1] : span.start_char] == "、"):
            bare = []
        count = len(out)
        opening = _bracket_before(text, span.start_char)
        posts, stop = titles_before(bodies, opening if opening >= 0 else span.start_char)
        if not posts and opening < 0:
            posts, stop = _listed_after_colon(bodies, span.start_char, posts, stop)
        listed = body_of.get(previous[0], -1) if previous else -1
        carried = _carried(bodies, posts, stop, previous, listed)
        # 院长甲、乙教授: 乙 is a 教授
        after = _titles_by_first().get(text[span.end_char : span.end_char + 1], ())
        own = any(text.startswith(t, span.end_char) for t in after)
        if not posts and not own and previous and _SHARED.fullmatch(text, previous[1], span.start_char):
            posts = list(before_of.get(previous[0], []))  # 副会长甲、乙, 副主任甲（主持工作），乙: each one's
        else:
            posts = carried
        before_of[i] = posts
        out.extend(_rel(i, post) for post in posts)
        in_list = previous is not None and text[previous[1] : span.start_char] in tuple(_SEPARATORS)
        after = _title_after(bodies, spans, span, posts, listed if in_list else -1)
        head = bodies.org.get(spans[bare[0]].start_char, (-1, 0))[0] if bare and not posts else -1
        if head >= 0 and all(o < 0 for o, _, _ in after):
            after = assign([(t, u) for _, t, u in after], head, bodies)  # 某医院甲、乙主任: the body before the list
        out.extend(_rel(i, p) for p in after)
        body_of[i] = next((o for o, _, u in (*posts, *after) if o >= 0 and o in bodies.org_indices), -1)
        out.extend(_rel(i, p) for p in _appositions(bodies, span, opening))
        end = _end_of_list(text, spans, span)
        out.extend(_rel(i, p) for p in office(bodies, end))
        out.extend(_rel(i, p) for p in appointed(bodies, span, end))
        bylined = byline(text, i, span, out)
        if not bylined and previous and not text[previous[1] : span.start_char].strip():
            # (记者 甲 乙): names after a byline word, separated by spaces, share it
            bylined = [(k, i, t, title) for k, h, t, title in out if h == previous[0] and title in BYLINE_TITLES]
        out.extend(from_source(bodies, span, bylined))
        if after and not posts:
            out.extend(_rel(j, p) for j in bare for p in after)  # 甲、乙教授, 某医院甲、乙主任: each one's
        bare = [*bare, i] if len(out) == count else []
        previous = (i, span.end_char + sum(len(t) for _, t, _ in after[:1]))
    return _in_the_article_s_bodies(bodies, _without_repeats(out, spans))


#: A colon between a post and the name that holds it, as lists of officials write them (院长：甲).
_COLONS = ":："


def _listed_after_colon(bodies: Bodies, start: int, posts: list[Post], stop: int) -> tuple[list[Post], int]:
    """``某医院党委书记：甲``, ``组长：甲``: the posts before a colon right before the name are the
    name's, as in a list of officials; not a byline's word (``记者：甲`` is read as a byline)."""
    text = bodies.text
    if start == 0 or text[start - 1] not in _COLONS:
        return posts, stop
    found, at = titles_before(bodies, start - 1)
    if not found or any(title in BYLINE_TITLES for _, title, _ in found):
        return posts, stop
    return found, at


def _in_the_article_s_bodies(bodies: Bodies, out: list[Rel]) -> list[Rel]:
    """Posts written with no body that the article still places: a title of a kind of body
    (``副校长甲``) in the one body of that kind it names (or calls ``我校``), a reporter with no
    paper in the paper of the dateline (``某晚报讯（记者 甲）``)."""
    placed = []
    for kind, person, org, title in out:
        if kind == "role" and org < 0 and title == _REPORTER:
            org = bodies.dateline()
            if org < 0 and _OWN_DATELINE in bodies.text:
                kind = "byline"  # 本报讯（记者 甲）: a reporter of the paper itself, as 本报记者 is
        elif kind == "role" and org < 0 and not government_level(title) and not title.endswith(ACADEMIC_RANKS):
            org = bodies.of_bare_title(title)
        placed.append((kind, person, org, title))
    return placed


def _title_after(bodies: Bodies, spans: list, span, posts: list[Post], listed: int) -> list[Post]:
    """``甲院长``: a title right after the name, in the body written before the name (``某医院甲
    院长``, ``某医院专家甲主任医师``, ``某医院心内科甲主任``), or, in a list of such names, in the
    body of the one before (``listed``: ``某医院甲院长、乙副院长``)."""
    text = bodies.text
    glued = max((t for t in lx.TITLES if text.startswith(t, span.end_char)), key=len, default=None)
    if not glued or (glued in BYLINE_TITLES and person_after(text, spans, span.end_char + len(glued))):
        return []  # 记者 甲 通讯员 乙: the byline word is the next name's
    before = next((o for o, _, u in posts if o >= 0 and not u), -1)
    org = bodies.org.get(span.start_char, bodies.across_department(span.start_char))[0]
    org = org if org >= 0 else before if before >= 0 else listed
    return assign([(glued, "")], org, bodies) if org >= 0 else [(-1, glued, "")]


def _rel(person: int, post: Post) -> Rel:
    """A post as a relation: in a unit of a body the graph names (``UNIT_ROLE``), else a ``role``;
    a unit whose body is not written leaves the title as written (``纪委书记``) with no body."""
    org, title, unit = post
    if not unit:
        return ("role", person, org, title)
    if org >= 0:
        return (UNIT_ROLE, person, org, unit + UNIT_MARK + title)
    return ("role", person, -1, unit + title if unit + title in lx.TITLES else title)


def _without_repeats(out: list[Rel], spans: list) -> list[Rel]:
    """``王某副院长表示`` after ``某院副院长王某``: a title with no body that repeats a post
    the same person holds in a body is that post, not a second one."""
    held = {(spans[h].text, title.split(UNIT_MARK)[-1]) for kind, h, t, title in out if kind != "byline" and t >= 0}
    return [
        r
        for r in out
        if not (r[0] == "role" and r[2] < 0 and any(p == spans[r[1]].text and t.endswith(r[3]) for p, t in held))
    ]


def _appositions(bodies: Bodies, span, opening: int) -> list[Post]:
    """``甲（某医院院长）`` and ``甲，某医院院长。`` after the name, ``院长（某会主委）甲`` before it
    (``opening``: where that bracket opens, or -1; the posts before it are read as the name's own)."""
    text, out = bodies.text, []
    end = _bracket_after(text, span.end_char)
    if end > 0:
        out.extend(_in_brackets(bodies, span.end_char, end))
    elif m := _DESCRIBED.match(text, span.end_char):
        # 甲，某医院心内科主任医师。, 甲：某会会长, 甲，男，主任医师，某医院院长: clauses that are
        # nothing but posts describe the name before them
        described: list[Post] = []
        end = m.end() - 1
        for _ in range(_PROFILE_CLAUSES):  # the walk left from a clause's end steps over the commas
            start = end + 1
            end = next((i for i in range(start, len(text)) if text[i] in _CLAUSE_ENDS), len(text))
            found, stop = titles_before(bodies, end) if 0 < end - start <= BRACKET_MAX else ([], -1)
            if stop not in (m.end(), m.end() - 1) or not found:
                break
            described = found
            if text[end : end + 1] not in _COMMAS:
                break
        out.extend(described)
    if opening >= 0:
        out.extend(_in_brackets(bodies, opening, span.start_char))
    return out


def _end_of_list(text: str, spans: list, span) -> int:
    """Where the list of names ``span`` opens ends (``甲、乙当选副会长``: after 乙), so that a verb
    of office after the list gives each name the post."""
    starts = {s.start_char: s for s in spans if s.label_ == "PER"}
    end = span.end_char
    while text[end : end + 1] == "、" and end + 1 in starts:
        end = starts[end + 1].end_char
    return end


def _carried(bodies: Bodies, posts: list[Post], stop: int, previous: tuple[int, int] | None, body: int) -> list[Post]:
    """``A单位会长甲，副会长乙``, ``院长甲和副院长乙``, ``A单位甲院长，副院长乙``: titles with no
    body, right after the previous person in a list of officials, are posts in that person's
    body (``body``: the first one of that person's posts)."""
    gap = bodies.text[previous[1] : stop + 1] if previous else ""
    if not previous or not (gap in tuple(_SEPARATORS) or gap[:-1] in _CONJUNCTIONS) or body < 0:
        return posts
    leftmost = [(t, u) for o, t, u in posts if o < 0]
    return [p for p in posts if p[0] >= 0] + assign(leftmost, body, bodies, written_after=False)


_TITLES_BY_FIRST: dict[str, tuple[str, ...]] = {}


def _titles_by_first() -> dict[str, tuple[str, ...]]:
    """lx.TITLES by their first character, each group in that order (a lookup, not a scan of all)."""
    if not _TITLES_BY_FIRST:
        groups: dict[str, list[str]] = {}
        for t in lx.TITLES:
            groups.setdefault(t[0], []).append(t)
        _TITLES_BY_FIRST.update((k, tuple(v)) for k, v in groups.items())
    return _TITLES_BY_FIRST
