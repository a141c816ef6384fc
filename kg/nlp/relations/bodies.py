"""Where a post's body is written: the mentions before a title, and the bodies the text names
without a mention of their own (``kg.nlp.relations.posts`` walks the titles).

Besides the organizations that end right before a title, a post's body is written as

* a unit with no mention, between a body and the title or at the head of a group in a list
  (``某大学党委常委、医学部主任``, ``，护理部副主任``): the unit is kept (the graph names it
  from its parent: ``中共某市委组织部``, ``某大学医学部``), except a hospital's department,
  which the annotation drops (``某医院心内科主任``: the hospital's post);
* the article's own body, written ``我院``/``本院``/``我校``/``我委`` (or a bare ``院``/``校`` at the
  head of a clause): the body of that kind the article names most, leaving out any named in a
  sentence that also says ``我院`` (a writer names the *other* party in full);
* an anaphor, ``该院``/``该校``/``该局``: the nearest body of that kind written before it.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.conventions import PARTY_BODIES, PARTY_DEPARTMENTS, government_level, unit_of_party_body
from kg.nlp import lexicon as lx
from kg.sentences import sentences

#: Words written before a title that are part of it, as the post is written (原副院长, 常务副部长,
#: 二级巡视员, 代市长 acting, 第一书记).
QUALIFIERS = ("原", "常务", "一级", "二级", "三级", "四级", "执行", "专职", "党委", "党组", "代", "第一")
#: The text begins, or one of these ends what came before: a unit or a clause starts after it.
_STOPS = frozenset(lx.NAME_STOP) | frozenset("，、：；兼")
_PARTY = "中共"
#: Brackets, and the longest one read as a second name or an apposition.
OPENING = "(（"
CLOSING = ")）"
BRACKET_MAX = 30
#: Endings of a hospital's departments, written between the hospital and a doctor's title.
_DEPARTMENTS = ("科", "中心", "室", "病区", "门诊", "病房")
_DEPARTMENT_MAX = 12
_NOT_IN_DEPARTMENT = frozenset("、,，。;；:：()（）《》“”\n 的在是兼")
#: Organs of a unit's staff written right after its name (某医院工会, 某大学团委): bodies of their own
#: (``kg.link.suborgs`` puts them under the unit), kept even after a hospital, whose departments are dropped.
ORGANS = ("工会", "团委", "妇委会")
#: Campuses and branches of a body written right after its name (某医院东院区, 某大学某校区): bodies
#: of their own, under the body (``kg.link.suborgs``), kept after a hospital as organs are.
CAMPUSES = ("院区", "校区", "分院")
#: A unit written as a bare word before a title (组织部, 医务处, 呼吸内科, 住院医师规范化培训办公室).
_UNIT = re.compile(
    r"(?:(?!委)[\u4e00-\u9fff]{1,11}(?:部|处|科|办公室|办|室|中心|组|病区|纪委|分会|专委会|委员会|(?<!公)司)|"
    + "|".join(ORGANS)
    + "|[\u4e00-\u9fff]{1,6}(?:"
    + "|".join(CAMPUSES)
    + "))$"
)
_UNIT_MAX = 12
#: A bureau written right after the commission or ministry it is part of (某卫健委|疾控局): a unit only
#: there, since a bare 某局 elsewhere is a body of its own.
_BUREAU = re.compile(r"[\u4e00-\u9fff]{2,8}局")
_BUREAU_OWNERS = ("委", "委员会", "部")
#: A word no list knows, between a list's mark and a title: at most this long.
_WORD_MAX = 8
_LIST_MARKS = "、"
#: The unit of a post written as such a word: kept for a hospital (dropped), else the post has no body.
UNKNOWN_UNIT = "?"
#: Titles written with the unit they head, read as unit + title: 纪委书记 (the 纪委's 书记),
#: 科主任 after a department's name (呼吸内|科主任: the 主任 of 呼吸内科).
_UNIT_TITLES = {"纪委书记": ("书记", "纪委"), "护理部主任": ("主任", "护理部")}
_DEPARTMENT_HEAD = ("科主任", "主任")
#: Posts of the state written with 国家 before them, which is no body: the title as written.
STATE_TITLES = ("国家主席", "国家副主席")
#: Hospitals: a post in one of their departments is the hospital's (ANNOTATION.md).
HOSPITALS = ("医院", "卫生院", "保健院", "卫生服务中心")
#: How a body refers to itself (我院, 本校) or to one named before (该院), by the kind of body:
#: the word's head, and the name endings of a body of that kind.
_KINDS: dict[str, tuple[str, ...]] = {
    "院": ("院",),
    "校": ("大学", "学院", "学校", "中学", "小学"),
    "局": ("局",),
    "委": ("委", "委员会"),
    "会": ("学会", "协会", "基金会", "商会", "联合会", "促进会", "研究会", "总会", "红十字会"),
    "中心": ("中心",),
    "所": ("所",),
    "厅": ("厅",),
}
#: A university's usual short form ends in 大 (某师大, 某大): a school too, but not a congress (某人大).
_SHORT_UNIVERSITY = "大"
_CONGRESS = "人大"


def _is_kind(name: str, head: str) -> bool:
    """Whether body ``name`` is of the kind ``head`` names (``我院``: a 院, ``我校``: a school, written
    in full or by a university's short form, ``师大``)."""
    if name.endswith(_KINDS[head]):
        return True
    return head == "校" and name.endswith(_SHORT_UNIVERSITY) and not name.endswith(_CONGRESS) and len(name) >= 2


_SELF = ("我", "本")
#: Titles that name the kind of body they head: 副校长 a school, 院长 a hospital or an academy.
_HEADS_OF_TITLES = (("校长", "校"), ("院长", "院"), ("局长", "局"), ("会长", "会"), ("所长", "所"), ("厅长", "厅"))
#: What follows a paper's name in a dateline (某晚报讯), and the name endings of news media.
_DATELINE = "讯"
_MEDIA = ("报", "报社", "新闻网", "电视台", "广播电视台", "融媒体中心", "杂志社", "通讯社", "新华社")
_ANAPHOR = "该"
#: Heads that also stand alone at the head of a clause for the article's own body (院党委书记).
_BARE_SELF = ("院", "校")
#: A term of a society's council between the society and a title (某学会第九届理事会理事长): the
#: post is the society's, as the annotation keeps titles without the council they sit in.
_SESSION = re.compile(r"第[一二三四五六七八九十百\d]{1,4}届(?:常务)?(?:理事会|委员会|董事会|监事会|专业委员会)?")


class Bodies:
    """The document's organizations (and places, for government titles) by where they end."""

    def __init__(self, text: str, spans: list) -> None:
        self.text = text
        self.org = {s.end_char: (i, s.start_char) for i, s in enumerate(spans) if s.label_ == "ORG"}
        self.loc = {s.end_char: (i, s.start_char) for i, s in enumerate(spans) if s.label_ == "LOC"}
        self.names = {i: text[s.start_char : s.end_char] for i, s in enumerate(spans)}
        self.org_indices = frozenset(i for i, _ in self.org.values())
        self._starts = {s.start_char for s in spans}
        self.person_ends = frozenset(s.end_char for s in spans if s.label_ == "PER")
        self.person_starts = frozenset(s.start_char for s in spans if s.label_ == "PER")
        self._own: dict[str, int] = {}

    def opens_name(self, pos: int) -> bool:
        """Nothing of a longer name before ``pos`` (社莆田市委 is a 九三学社 committee, not 莆田市委):
        the text starts, or a mark, a boundary word or ``中共`` ends there."""
        return (
            pos == 0
            or self.text[pos - 1] in lx.NAME_STOP
            or self.text.endswith(_PARTY, 0, pos)
            or lx.boundary_ending_at(self.text, pos) > 0
        )

    def is_hospital(self, org: int) -> bool:
        return self.names[org].endswith(HOSPITALS)

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

    def before_bracket(self, pos: int) -> tuple[int, int]:
        """``某医院（另一名称）|院长``: the body written before a bracket that closes at ``pos``
        (its second name in the bracket is the same body), else ``(-1, 0)``."""
        if pos == 0 or self.text[pos - 1] not in CLOSING:
            return -1, 0
        open_at = max(self.text.rfind(c, 0, pos - 1) for c in OPENING)
        if open_at < 0 or pos - open_at > BRACKET_MAX:
            return -1, 0
        return self.org.get(open_at, (-1, 0))

    def unit_before(self, pos: int) -> int:
        """Start of a unit written as a bare word ending at ``pos`` (``组织部``, ``医务处``), after a
        mark, the text's start or a body's end (``某大学|医学部``); an organ (``某医院|工会``) only right
        after its body (``副院长、工会主席`` in a chain is the body's post); -1 if there is none."""
        start = pos
        while start > 0 and pos - start < _UNIT_MAX and self.text[start - 1] not in _STOPS:
            if start in self.org or start in self.loc or (start != pos and start in self._starts):
                break
            start -= 1
        word = self.text[start:pos]
        if _BUREAU.fullmatch(word) and start in self.org and self.names[self.org[start][0]].endswith(_BUREAU_OWNERS):
            return start  # 某委|疾控局副局长: a bureau of a commission or a ministry, right after it
        if len(word) < 2 or not _UNIT.fullmatch(word) or word in lx.TITLES:
            return -1
        if word.endswith(ORGANS + CAMPUSES) and start not in self.org:
            return -1  # 副院长、工会主席: in a chain, the body's own post
        return start

    def bare_unit(self, org: int, start: int) -> bool:
        """Whether mention ``org`` (starting at ``start``) is a unit written as a bare word at the head
        of a group (``、医务处``, ``，护理部``): no body's name in it, nothing of a name before it. The
        walk reads it as a unit of the body the chain names, as it does when no mention covers it."""
        name = self.names[org]
        if not lx.BARE_UNIT.fullmatch(name) or name in lx.TITLES or any(w in name for w in lx.NAMED_IN_UNIT):
            return False
        if name in lx.MINISTRIES or name.endswith(tuple(PARTY_DEPARTMENTS)):
            return False  # 教育部, 统战部: bodies the linker names in full
        return start == 0 or self.text[start - 1] in _STOPS

    def word_before(self, pos: int) -> int:
        """Start of a word no list knows between a 、 and a title (``副院长、工会|主席``,
        ``、某学科|带头人``), so that one person's chain of posts goes on over it; -1 if there is none
        (after a comma the word may be the next body, not a unit)."""
        start = pos
        if self.referred_before(pos)[1]:
            return -1  # 、我院院长: the article's own body
        while start > 0 and pos - start <= _WORD_MAX and self.text[start - 1] not in _STOPS:
            if start in self.org or start in self.loc or (start != pos and start in self._starts):
                return -1
            start -= 1
        return start if 2 <= pos - start <= _WORD_MAX and start > 0 and self.text[start - 1] in _LIST_MARKS else -1

    def title_ending_at(self, pos: int) -> tuple[str, str] | None:
        """The title ending at ``pos`` with the qualifiers written before it (``原``, ``常务``,
        ``二级``) and the unit a compound title names (``纪委书记``): ``(title, unit)``."""
        title = self._bare_title_ending_at(pos)
        if title in _UNIT_TITLES:
            return _UNIT_TITLES[title]
        if title == _DEPARTMENT_HEAD[0] and pos > len(title) and self.text[pos - len(title) - 1] not in _STOPS:
            return _DEPARTMENT_HEAD[1], ""  # 呼吸内|科主任: the 科 is the department's (unit_before reads it)
        while title and pos - len(title) not in self.org:
            start = pos - len(title)
            qualifier = next((q for q in QUALIFIERS if self.text.endswith(q, 0, start)), None)
            if qualifier is None or (start - len(qualifier)) in self.loc:
                break
            title = qualifier + title
        return (title, "") if title else None

    def _bare_title_ending_at(self, pos: int) -> str | None:
        titles = [t for t in _titles_by_last().get(self.text[pos - 1 : pos], ()) if self.text.endswith(t, 0, pos)]
        glued = [t for t in titles if pos - len(t) in self.org]
        # 北京大学党委书记 with both 北京大学 and 北京大学党委 as mentions: read it through the
        # committee, so that the graph knows the committee was only the title's prefix.
        party = [t for t in glued if unit_of_party_body(self.names[self.org[pos - len(t)][0]])]
        return (party or glued or titles or [None])[0]

    def session_before(self, pos: int) -> int:
        """Length of a council's term (``第九届理事会``) ending at ``pos`` right after a body, else 0."""
        for m in _SESSION.finditer(self.text, max(0, pos - 14), pos):
            if m.end() == pos and m.start() in self.org:
                return pos - m.start()
        return 0

    def body_at(self, pos: int) -> tuple[int, int]:
        """The body written from ``pos`` on, as the object of a verb of office (``任某医院院长``,
        ``聘请甲为该校教授``): a mention starting there or a word for one (``该校``, ``我院``), with a
        council's term after it stepped over (``某学会第九届理事会|理事长``); ``(body, where its
        titles start)``, or ``(-1, pos)``."""
        org = next(((i, end) for end, (i, start) in self.org.items() if start == pos), None)
        if org is None:
            for length in (2, 3):
                referred, used = self.referred_before(pos + length)
                if referred >= 0 and used == length:
                    return referred, pos + length
            return -1, pos
        i, end = org
        m = _SESSION.match(self.text, end)
        return i, m.end() if m else end

    def referred_before(self, pos: int) -> tuple[int, int]:
        """``我院``, ``本校``, ``该院`` (or a bare ``院`` opening a clause) ending at ``pos``: the body
        it stands for and the word's length; ``(-1, 0)`` if none is written or none fits."""
        text = self.text
        for head in sorted(_KINDS, key=len, reverse=True):
            if not text.endswith(head, 0, pos):
                continue
            at = pos - len(head)
            if at > 0 and text[at - 1] in _SELF:
                return self.own(head), len(head) + 1
            if at > 0 and text[at - 1] == _ANAPHOR:
                return self._named_before(head, at - 1), len(head) + 1
            if head in _BARE_SELF and (at == 0 or text[at - 1] in _STOPS):
                return self.own(head), len(head)
        return -1, 0

    def _named_before(self, head: str, pos: int) -> int:
        """The nearest body of kind ``head`` written before ``pos``."""
        found = [(end, i) for end, (i, _) in self.org.items() if end <= pos and _is_kind(self.names[i], head)]
        return max(found)[1] if found else -1

    def of_bare_title(self, title: str) -> int:
        """The body a title written with none belongs to, when its kind says which (``副校长``:
        a school's, ``院长``: a hospital's or an academy's): the article's own body of that kind
        if it calls itself ``我校``, else the one body of that kind it names; -1 otherwise."""
        head = next((h for word, h in _HEADS_OF_TITLES if word in title), None)
        if head is None:
            return -1
        if any(s + head in self.text for s in _SELF):
            return self.own(head)
        named = {self.names[i] for i, _ in self.org.values() if _is_kind(self.names[i], head)}
        named = {n for n in named if not n.endswith(PARTY_BODIES)}
        longest = max(named, key=len, default="")
        if not named or any(not _shortens(n, longest) for n in named):
            return -1
        return next(i for _, (i, _start) in sorted(self.org.items()) if self.names[i] == longest)

    def dateline(self) -> int:
        """The paper a byline with no paper of its own writes for: the one organization written
        as a dateline (``某晚报讯``), else the one news medium the article names; -1 if none or several."""
        for found in (
            {i for end, (i, _) in self.org.items() if self.text.startswith(_DATELINE, end)},
            {i for i, _ in self.org.values() if self.names[i].endswith(_MEDIA)},
        ):
            if len({self.names[i] for i in found}) == 1:
                return min(found)
            if found:
                return -1
        return -1

    def own(self, head: str) -> int:
        """The article's own body of kind ``head`` (the one ``我院`` means): the body of that kind
        named most (the first named on a tie), leaving out those named in a sentence where the
        article also calls itself ``我院``; -1 if the article names none."""
        if head not in self._own:
            self._own[head] = _own_body(self.text, head, self.names, self.org)
        return self._own[head]


def _own_body(text: str, head: str, names: dict[int, str], org: dict[int, tuple[int, int]]) -> int:
    words = tuple(s + head for s in _SELF)
    with_self = [(a, b) for a, b in sentences(text) if any(w in text[a:b] for w in words)]
    others = {names[i] for _, (i, start) in org.items() if any(a <= start < b for a, b in with_self)}
    count: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for _, (i, start) in sorted(org.items(), key=lambda kv: kv[1][1]):
        name = names[i]
        if _is_kind(name, head) and name not in others and not name.endswith(PARTY_BODIES):
            count[name] += 1
            first.setdefault(name, (start, i))
    if not count:
        return -1
    best = min(count, key=lambda n: (-count[n], first[n][0]))
    return first[best][1]


def _shortens(short: str, name: str) -> bool:
    """``省立医院`` shortens ``福建省立医院``: its characters are in the name, in order."""
    rest = iter(name)
    return all(c in rest for c in short)


#: A post read off the text: (body index or -1, title, unit of the body written between them or "").
Post = tuple[int, str, str]
#: Academic ranks and honours: roles with no body, whatever body is written before them
#: (ANNOTATION.md: ``某大学教授`` and ``某院院士`` are a 教授 and a 院士).
ACADEMIC_RANKS = ("教授", "院士", "博士生导师", "硕士生导师", "博导", "硕导", "研究员")


def assign(pending: list[tuple[str, str]], org: int, bodies: Bodies, written_after: bool = True) -> list[Post]:
    """Titles (right to left) written after body ``org``: the one glued to a unit's Party
    committee is that committee's (``党委`` + ``常委``); a government title never
    belongs to a body that is not a government (``市委副书记、市长``: the 市长 is not the 市委's);
    a hospital's department is dropped (the post is the hospital's), another unit kept; an
    academic rank and a post of the state (国家主席) have no body."""
    name = bodies.names[org]
    party = next((p for p in PARTY_BODIES if name.endswith(p)), "") if unit_of_party_body(name) else ""
    hospital = org in bodies.org_indices and bodies.is_hospital(org)
    out: list[Post] = []
    for n, (title, unit) in enumerate(pending):
        if (government_level(title) and "政府" not in name) or title.endswith(ACADEMIC_RANKS) or title in STATE_TITLES:
            out.append((-1, title, ""))
            continue
        if unit == UNKNOWN_UNIT:
            out.append((org if hospital else -1, title, ""))
            continue
        if unit:
            kept = unit in PARTY_DEPARTMENTS or unit in ORGANS or unit.endswith(CAMPUSES)
            out.append((org, title, "" if hospital and not kept else unit))
            continue
        glued = written_after and n == len(pending) - 1
        out.append((org, party + title if glued and party and not title.startswith(party) else title, ""))
    return out


_TITLES_BY_LAST: dict[str, tuple[str, ...]] = {}


def _titles_by_last() -> dict[str, tuple[str, ...]]:
    """STATE_TITLES and lx.TITLES by their last character, each group in that order."""
    if not _TITLES_BY_LAST:
        groups: dict[str, list[str]] = {}
        for t in (*STATE_TITLES, *lx.TITLES):
            groups.setdefault(t[-1], []).append(t)
        _TITLES_BY_LAST.update((k, tuple(v)) for k, v in groups.items())
    return _TITLES_BY_LAST
