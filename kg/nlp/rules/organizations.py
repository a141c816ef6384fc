"""Organizations: a name ending in a body's suffix, opened by a place, a jurisdiction or a parent.

Chinese body names are long and nested (``厦门大学附属第一医院``,
``福建省委党校马克思主义研究院``). Rather than list names, the rule finds each
suffix and walks left over name characters to the leftmost *anchor* (a place
name, a jurisdiction prefix such as ``省``/``国家``, or the start of another
organization) that no stop word separates from it. A strong suffix
(``医院``, ``学会``) may also stand after a plain boundary when the name is short;
a weak one (``局``, ``中心``) needs an anchor. Generic references
(``三级医院``, ``各设区市卫健委``) are dropped. Bodies the press names (credits, sources, papers)
are read in ``press.py``; where a name runs on or stops, in ``org_edges.py``; where it starts,
in ``org_start.py``.
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.gazetteer import load_gazetteer
from kg.nlp import lexicon as lx
from kg.nlp.candidate import Candidate, Rule
from kg.nlp.rules import org_edges
from kg.nlp.rules.org_companies import coordinated_companies, owner_start
from kg.nlp.rules.org_corps import corps_divisions
from kg.nlp.rules.org_edges import SUFFIX_RE, SUFFIXES, jurisdiction_word
from kg.nlp.rules.org_short import listed_short_names
from kg.nlp.rules.org_start import AFFILIATED as _AFFILIATED
from kg.nlp.rules.org_start import COMMUNIST_PARTY, boundary_after_word, left_limit, name_start, segments
from kg.nlp.rules.press import credits, papers
from kg.nlp.rules.units import HOSPITALS as _HOSPITALS
from kg.nlp.rules.units import campuses, coordinated_units, hospital_departments, joined_by_dot, listed_units, sections

_SUFFIXES = SUFFIXES
_STRONG = frozenset(lx.ORG_SUFFIX_STRONG)
_DEPARTMENT_SUFFIXES = ("中心", "科", "室")
_MINISTRY_SET = frozenset(lx.MINISTRIES)
_BARE_BODIES = frozenset(j + b for j in lx.BARE_BODY_JURISDICTIONS for b in lx.BARE_BODY_SUFFIXES)
#: One-character suffixes that are as often a verb or particle (办, 报, 所, 司): a name ends in one
#: only before punctuation, a conjunction or the title of its head (爱卫办主任, 某报记者).
_VERB_LIKE = frozenset("办报所司")
_AFTER_VERB_LIKE = "主副和与及等、社记讯协承联负"
#: Everyday words ending in 委 that are no one committee after a place: a kind (部委) or a title (政委).
_NOT_COMMITTEES = frozenset(("部委", *(t for t in lx.TITLES if t.endswith("委"))))
#: Suffixes of a branch, written after the parent body and the branch's place.
_BRANCH = ("分局", "分中心", "分院", "支社", "分会")
#: Titles that a Party committee or group of a body opens (党委书记, 党组成员): the body
#: is the one before, and the committee is part of the title (NOTES: parent-organ titles); so is
#: a committee before any other title (党委常务副书记).
_COMMITTEES = ("党委", "党组")
#: Words written before a title that are part of it (常务副书记, 专职副书记).
_TITLE_QUALIFIERS = ("常务", "专职", "执行", "第一")
_COMMITTEE_TITLES = tuple(t for t in lx.TITLES if t.startswith(_COMMITTEES) and len(t) > 2)
#: Heads of teams and commands, which may be named after a pairing of places.
_TEAMS = ("队", "团", "指挥部")
#: A round written before a team's or command's name (第十一批援疆医疗队): part of the mention.
_ROUND_BEFORE = re.compile(r"第[一二三四五六七八九十百\d]+批")
#: Groups whose member hospitals are named after them and their place (某医院集团 + 某市 + 医院).
_GROUPS = ("集团",)
#: Parents a hospital is named after, with a place between (某医院集团某市医院, 某大学某市医院, and a
#: hospital's branch: 某大学附属第一医院 + 某地 + 医院, one name as written).
_HOSPITAL_PARENTS = (*_GROUPS, "大学", "医院")
#: Blockers that make a title, a member or a compound of whatever suffix they follow (院长, 委员,
#: 院士, 中心城市).
_ALWAYS_BLOCKS = "长员士城"
#: Suffixes that are names by themselves when nothing opens a longer one.
_SELF_NAMED = frozenset(("新华社", "红十字会"))
_SUFFIX_RE = SUFFIX_RE
_HAN = lx.NAME_HAN
_TITLE_SET = frozenset(lx.TITLES)
_TITLE_TUPLE = tuple(lx.TITLES)
_TITLE_LENGTHS = tuple(sorted({len(t) for t in lx.TITLES}))
_MAX_UNANCHORED = 6
_RANKING = lx.RANKING_WORDS
_MEASURE = "家个所位名"
#: A count written right after a would-be name (国家医学中心13个, 示范医院5家).
_COUNTED_AFTER = re.compile(r"[\d一二三四五六七八九十百千]+(?:个|家|所|座)")
#: Generic words that, right after a jurisdiction, make a designation (国家|区域医疗中心).
_DESIGNATION_WORDS = ("区域", "省级", "市级", "县级", "三级", "二级", "定点", "公立", "示范", "级")
_PARTY_RE = re.compile("|".join(sorted(lx.PARTIES, key=lambda w: (-len(w), w))))
# 县委、政府: a government written right after its jurisdiction's Party committee is that jurisdiction's.
_SHARED_GOVERNMENT = re.compile(r"委、(政府)")


def _department_of_hospital(text: str, start: int, suffix_start: int, suffix: str, orgs: list[Candidate]) -> bool:
    """``某医院血液净化中心``, ``某医院生殖免疫诊疗中心``: a clinical centre of a hospital is a
    department (ANNOTATION.md: hospital specialties are not organizations); the hospital is the name."""
    return suffix in _DEPARTMENT_SUFFIXES and any(
        start <= c.start and c.end < suffix_start and text.endswith(_HOSPITALS, 0, c.end) for c in orgs
    )


def _title_ends_here(text: str, suffix_start: int, end: int) -> bool:
    """``主委``, ``党委书记``: the suffix is the tail of a title, not of a body's name."""
    return any(
        text[end - length : end] in _TITLE_SET for length in _TITLE_LENGTHS if end - suffix_start < length <= end
    )


def _designation(text: str, start: int, hi: int) -> bool:
    """``国家区域医疗中心``: a jurisdiction followed by a generic word (区域, 省级) names a kind of
    body, a designation many bodies hold, not one body."""
    jurisdiction = next(w for w in lx.JURISDICTION if text.startswith(w, start))
    return text.startswith(_DESIGNATION_WORDS, start + len(jurisdiction), hi)


def _province_locator(text: str, start: int, hi: int) -> int | None:
    """``江苏连云港市中医院``: a province's short name before the full name of one of its cities
    locates the body and is no part of its name (the body is 连云港市中医院); where the
    city's name starts, else None. A province's full name (某省某市…) is left to the name."""
    gazetteer = load_gazetteer()
    for k in (3, 2):
        provinces = [p for p in gazetteer.lookup(text[start : start + k]) if p.level == "province"]
        if not provinces or any(p.name == text[start : start + k] for p in provinces):
            continue
        for j in range(min(hi, start + k + 8), start + k + 2, -1):
            city = text[start + k : j]
            if any(
                p.name == city and p.level == "prefecture" and provinces[0] in gazetteer.ancestors(p.code)
                for p in gazetteer.lookup(city)
            ):
                return start + k
    return None


def _blocked(text: str, end: int, suffix: str) -> bool:
    """``院长``, ``部分``, ``社区``: the suffix's last character and the next one make a word, so the
    suffix ends no name; but ``某医院生殖中心`` (院生 is no word) still ends one at 医院."""
    long_suffix = len(suffix) > 2 and text[end - 1 : end + 1] != "部门"  # 卫生部|门 is 部门 (but 组织部长 stays)
    if end >= len(text) or text[end] not in lx.ORG_SUFFIX_BLOCKERS or long_suffix:
        return False
    return text[end] in _ALWAYS_BLOCKS or text[end - 1 : end + 1] in lx.dictionary_words()


def _body_word_ends(text: str, start: int, end: int) -> bool:
    """民政局, 财政厅, 邮政局: a department's dictionary name (jieba's ``nt``) ends at the suffix, though
    its last two characters are an everyday word (政局, a political situation). Asked of 局 and 厅
    only: a name such as 九三学社 also ends in a suffix, and must not end a longer body's name."""
    words, tags = lx.dictionary_words(), lx.word_tags()
    return any(  # the field it is named for is a word too (民政, 财政), not so 新格局 (jieba's nt)
        tags.get(text[k:end], "").startswith("nt") and text[k:start] in words
        for k in range(max(0, start - 4), start - 1)
    )


def _title_at(text: str, i: int) -> bool:
    """A title starts at ``i``, perhaps after a qualifier that is part of it (常务|副书记)."""
    q = next((w for w in _TITLE_QUALIFIERS if text.startswith(w, i)), "")
    return text.startswith(_TITLE_TUPLE, i + len(q))


def _opens_with_verb(text: str, start: int) -> bool:
    """``离不开|学校``, ``不得不|医院``: the word at ``start`` is an everyday verb of three or four
    characters (two are asked of every name already), so no body's name starts there."""
    end = next((e for s, e in lx.segment(text) if s == start), start)
    word = text[start:end]
    return len(word) > 2 and word in lx.everyday_words() and lx.word_tags().get(word) == "v"


#: A Party committee's working organ, written as part of its name (中共某特委机关).
_ORGAN = "机关"


def _organ_after(text: str, start: int, end: int) -> int:
    """``中共某特委机关``: the organ of a Party committee named in full, written right after it as a
    word of its own, is part of the name (ANNOTATION.md: the longest name as written; the organ is
    where the committee sat and worked). Not 机关报 or 机关干部 (words of their own: a paper, the
    cadres), nor after a bare 县委 (县委机关: the offices in general). How many characters to add."""
    if not (text.startswith(COMMUNIST_PARTY, start) and text[end - 1] == "委" and text.startswith(_ORGAN, end)):
        return 0
    return len(_ORGAN) if (end, end + len(_ORGAN)) in segments(text) else 0


def find_organizations(text: str, found: list[Candidate]) -> list[Candidate]:
    places = [c for c in found if c.label == "LOC"]
    out: list[Candidate] = corps_divisions(text, places)  # 十三师某市: opens titles and units as a body
    people = frozenset(c.end for c in found if c.label == "PER")
    for m in _SUFFIX_RE.finditer(text):
        end = m.end()
        suffix = m.group()
        bare_body = False
        if _blocked(text, end, suffix):
            continue
        if _title_ends_here(text, m.start(), end) or text.startswith(_RANKING, end):
            continue
        if (
            text.startswith(_COMMITTEE_TITLES, m.start())
            or (text.startswith(_COMMITTEES, m.start()) and _title_at(text, m.start() + 2))
        ) and any(c.end == m.start() for c in out + places):
            continue  # 某大学党委书记, 某大学党委常务副书记: the body is 某大学, the committee is in the title
        if len(suffix) == 1 and (
            # 某市教委, 某县科委: a committee written as an everyday word is still one after a place
            (text[m.start() - 1 : end] in lx.everyday_words() and text[m.start() - 1 : end] not in _BARE_BODIES
             and (suffix != "委" or text[m.start() - 1 : end] in _NOT_COMMITTEES)
             and not (suffix in "局厅" and _body_word_ends(text, m.start(), end)))
            or (text[m.start() : end + 1] in lx.everyday_words() and not text.startswith(_TITLE_TUPLE, end))
        ):
            continue  # 干部, 全部, 局部: the suffix character is part of a common word (not 某处|处长)
        if (suffix in _VERB_LIKE and end < len(text) and _HAN.match(text[end]) and text[end] not in _AFTER_VERB_LIKE
                and not text.startswith((suffix + "长", suffix + "主任"), end)  # 某委医政司|司长: its head's title
                and not org_edges.unit_before_title(text, m.start(), end, out)):
            continue  # 某某办厂, 公司报到, 民族所共有: the character is a verb or a particle here
        team = suffix.endswith(_TEAMS)
        lo = left_limit(text, m.start(), people, team)
        parents = ("",) if suffix in _BRANCH else _HOSPITAL_PARENTS if suffix in _HOSPITALS else ()
        anchored = name_start(text, lo, m.start() + 1, places + out, branch=parents, team=team)
        if anchored is not None and _department_of_hospital(text, anchored, m.start(), suffix, out):
            continue
        if anchored is not None and org_edges.units_in_general(text, anchored, m.start(), places + out):
            continue  # 某部有关司局: the body's units in general
        if anchored is not None:  # 某某控股|某省|有限公司: a subsidiary named after its owner
            anchored = owner_start(text, lo, anchored, suffix, places + out)
            cut = boundary_after_word(text, anchored, m.start())
            if cut > anchored:  # 某医院党委部分党支部, 福州中医院召开党委: a verb or quantifier splits it
                continue
            start = anchored
            body = text[start : m.start()]
            bare_body = body in lx.BARE_BODY_JURISDICTIONS and suffix in lx.BARE_BODY_SUFFIXES
            if (
                text.startswith(lx.JURISDICTION, start)
                and text[start : start + 2] not in lx.JURISDICTION
                and (text[start : start + 2] in lx.everyday_words())
                and not bare_body
                and not jurisdiction_word(text, start, suffix)
            ):
                continue  # 市场监管中心, 区域医疗中心: the jurisdiction character starts a common word
            if body in lx.JURISDICTION and len(suffix) < 3 and not bare_body:
                continue  # 县医院, 省中心: a jurisdiction and a bare suffix are generic (市委, 县政府 are not)
            rule = "anchored"
        elif text[lo - 1 : lo] == "、" and text.startswith(_AFFILIATED, lo) and lo - 1 in {c.end for c in out}:
            start = lo  # 福建医科大学附属协和医院、附属第一医院: the head is shared with the name before
            rule = "coordinated"
        elif suffix in _SELF_NAMED or suffix in _MINISTRY_SET:
            start = m.start()  # 作序|新华社: the suffix is the whole name
            rule = "self-named"
        elif suffix in _STRONG:
            start = boundary_after_word(text, lo, m.start())
            words = lx.word_starts(text)
            while start < m.start() and start not in words:
                start += 1  # 对|口帮扶县医院: a name starts where a word does
            if text[start] in lx.LEADING_PARTICLES and start + 1 in words:
                start += 1  # 而|国际某某联合会: a particle standing as a word is no part of the name
            if not 2 <= m.start() - start <= _MAX_UNANCHORED or (
                text[start] != "第" and text[start : start + 2] in lx.everyday_words()
            ) or _opens_with_verb(text, start):
                continue  # 明确医院, 系统梳理分会, 离不开学校: a verb or common noun, not a name (第一医院 is)
            rule = "strong-suffix"
        else:
            continue
        if not (rule == "anchored" and bare_body) and (end - start < 3 or text[start:end] in lx.JURISDICTION):
            continue  # 省委, 市委 are jurisdiction words, and bodies when written alone
        if lx.generic_before(text, start) or org_edges.generic_phrase(text, start, m.start(), suffix, rule):
            continue  # 各设区市卫健委, 大企业集团, 某卫生院三所: generic, or a count
        if text.startswith(lx.GENERIC_PREFIX, start) or text.endswith(lx.ORG_GENERIC_BODY, start, m.start()):
            continue
        if start > 0 and (text[start - 1].isdigit() or (text[start] in _MEASURE and text[start - 1 : start].isdigit())):
            continue  # 1家核心医院: counted things are generic
        if _COUNTED_AFTER.match(text, end):
            continue  # 建成国家医学中心13个: a designation counted is no one body
        if rule == "anchored" and text.startswith(lx.JURISDICTION, start) and _designation(text, start, m.start()):
            continue  # 国家区域医疗中心, 省级临床重点专科: a kind of body, named by a generic word
        # A ministry after other name characters may be a foreign one (某国国防部), which the
        # tagger may know whole: it then wins by length.
        before = text[start - 1 : start]
        glued = rule == "self-named" and bool(before) and bool(_HAN.match(before)) and before not in lx.NAME_STOP
        rnd = _ROUND_BEFORE.search(text, max(0, start - 8), start)
        if rnd and rnd.end() == start and rule == "anchored":
            start = rnd.start()  # 第十一批 + 某省援疆医疗队: the round runs into the team's name
        locator = _province_locator(text, start, m.start())
        if locator:  # 某省简称 + 某市全称 + 中医院: the province is a place of its own
            out.append(Candidate(start, locator, "LOC", "locator"))
            start = locator
        # A body named after a zone or venue (某市某新区卫生健康局) outranks the place as the place does a name.
        opened = max((c.priority for c in places if c.start == start and c.end <= m.start()), default=0)
        end += _organ_after(text, start, end)
        out.append(Candidate(start, end, "ORG", rule, priority=-1 if glued else opened))
    out += credits(text)
    words = lx.word_starts(text)
    for m in _PARTY_RE.finditer(text):
        if m.start() not in words or m.end() not in words:
            continue  # 居民建立: 民建 across two words
        end = m.end() + 2 if text.startswith("中央", m.end()) else m.end()  # 民革中央
        out.append(Candidate(m.start(), end, "ORG", "party"))
    for m in _SHARED_GOVERNMENT.finditer(text):
        if any(c.end == m.start() + 1 for c in out):
            out.append(Candidate(m.start(1), m.end(1), "ORG", "shared-jurisdiction"))
    out += papers(text)
    units = coordinated_units(text, out) + sections(text, out) + listed_units(text, out)
    out += joined_by_dot(text, out) + campuses(text, out) + units
    out += hospital_departments(text, out) + coordinated_companies(text, out)
    out += org_edges.tails_named_again(text, out, places)
    return out + listed_short_names(text, out)


@registry.misc("kg.org_rules.v1")
def make_org_rules() -> Rule:
    def org_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        return find_organizations(text, found)

    return org_rules
