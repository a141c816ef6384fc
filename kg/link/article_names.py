"""Within one article: which mentions are other names of which (a step of linking).

An article introduces a body by its full name and then shortens it, or gives
a second name in brackets; these rules read such variants off the article's own
mentions, so a short form is only ever resolved against a longer name *in the
same article*, and only when exactly one longer name fits (look-alikes are
never merged on a guess):

* ``A（B）``, ``A（以下简称B）``: B is another name of A;
* ``X附属A、附属B``: the second body shares the head of the first;
* ``《每周文摘》`` and ``《每周文摘报》社``: a paper's title names its press;
* abbreviations (``厦大附属第一医院``) and tails (``第一医院``, ``阜外医院`` of
  ``中国医学科学院阜外医院``, ``附一`` of ``福建医科大学附属第一医院``) of one longer name;
* a university's usual short forms (``北大``, ``浙大二院``) and a body's proper name
  (``协和``, ``湘雅二院``, ``龙岩二院``: ``kg.link.short_names.contractions``);
* programs: a list contracted to its number (``三进`` = 进社区、进学校、进企业),
  the name without a generic head (``健康快车`` = 健康快车项目), the core word a program
  quotes in its name (``“银龄守护”关爱行动`` then ``银龄守护项目``);
* a bare ``省/市/县/区`` prefix: the division the article is set in (``kg.link.jurisdiction``).
* a Party department written bare after its committee in a chain of titles
  (``某县委常委、宣传部部长``): ``中共某县委宣传部`` (``kg.link.posts.party_departments``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from kg.link.aliases import bracket_aliases
from kg.link.jurisdiction import Setting, article_setting
from kg.link.names import BARE_PREFIXES, bare_prefix, leading_place
from kg.link.posts import party_departments
from kg.link.short_names import CONTRACTION_HEADS, contractions, university_abbreviations
from kg.model import Mention

__all__ = ["abbreviates", "name_in_article"]

#: Labels whose short forms may stand for a longer name in the same article.
_SHORT_FORM_LABELS = ("ORG", "PROG", "LOC")
_MIN_SHORT_FORM = 3


_ARTICLE_RULES = {
    "abbreviation": "abbreviation of a longer name in the same article (characters in order)",
    "university": "a university's usual short form (北大, 浙大二院) of a longer name in the same article",
    "tail": "short form of a longer name in the same article (its tail)",
    "people": "the same name with 人民 left out (省医院 = 省人民医院), named so in the same article",
    "core": "a body's own name without its place and head (省立 = 福建省立医院), named so in the same article",
    "numbered list": "a list of items that start alike contracted to their number (三进), as in the same article",
    "program head": "a program written short (its name's start), named in full in the same article",
}
#: What a tail short form may leave out of a body's name besides places and bare prefixes:
#: at most this many characters (人大 in 浙江省人大教科文卫委员会 -> 教科文卫委).
_MAX_LEFT_OUT = 2


def _stem(name: str) -> str:
    """``…委员会`` is also written ``…委`` (政协教科卫体委 = 政协教科卫体委员会), ``…片区`` ``…片``
    (a region of a province or city: 某西片 = 某西片区)."""
    return name[:-2] if name.endswith("委员会") else name[:-1] if name.endswith("片区") else name


def _left_out_ok(part: str, label: str, bodies: set[str], short: str = "") -> bool:
    # ``bodies``: the article's organization names and the tails of its place names.
    """What a body's tail short form leaves out is its qualifiers: places and bare prefixes
    (漳州市东山县|总医院, 市|第二医院) with at most a short word (浙江省人大|教科文卫委),
    a parent ending in 附属 (厦门大学附属|第一医院), or another body the article names; not
    words of the sentence glued on by the extractor (新星市指挥部慰问|红星医院, 薄弱|县医院)."""
    if label == "PROG" or (label == "ORG" and (part in bodies or part.endswith(_SHARED))):
        return True
    if label == "ORG" and short.startswith(_SHARED) and part.endswith(_PARENTS):
        return True  # 附一 (附属第一医院) of 福建医科大学|附属第一医院: the university left out
    if label == "ORG" and _parent_then_places(part):
        return True
    stripped = False
    while place := leading_place(part) or next((p for p in BARE_PREFIXES if part.startswith(p)), ""):
        part, stripped = part[len(place) :], True
    return stripped and len(part) <= _MAX_LEFT_OUT


def _parent_then_places(part: str) -> bool:
    """中国医学科学院|阜外医院, 首都医科大学附属北京|天坛医院: what is left out is a parent body
    (ending 大学, 学院 or 附属) and the places after it, so the rest is the body's own name."""
    for cut in range(len(part), 2, -1):
        if part[:cut].endswith((*_PARENTS, _SHARED)):
            rest = part[cut:]
            while place := leading_place(rest):
                rest = rest[len(place) :]
            return rest == ""
    return False


def _is_tail(short: str, full: str, label: str, bodies: set[str]) -> bool:
    """``第二医院`` of ``龙岩市第二医院``; ``区爱卫会`` of ``西海岸新区爱卫会`` when the article
    names that district (a bare prefix is the end of the division it stands for)."""
    s, f = _stem(short), _stem(_NTH_AFFILIATED.sub(r"附属\1医院", full))
    if f == s:
        return len(full) > len(short)  # the same name, its 委员会 written 委 (片区 片)
    if len(f) < len(s) or not f.endswith(s):
        return False
    part = f[: -len(s)]
    prefix = bare_prefix(s)
    if label == "ORG" and prefix and len(prefix) == 1 and len(part) >= 2 and part + prefix in bodies:
        return True
    return _left_out_ok(part, label, bodies, s)


def _without_people(short: str, full: str, label: str, bodies: set[str]) -> bool:
    return label == "ORG" and "人民" in full and full.replace("人民", "", 1) == short


def _core(short: str, full: str, label: str, bodies: set[str]) -> bool:
    """``协和`` = 福建医科大学附属|协和|医院 (``kg.link.short_names.contractions``), and ``省立`` = 福建|省立|医院
    when the bare 省 was already read as the article's province (福建省立): a body's own name
    without its qualifier and head, in the same article."""
    if label != "ORG" or short.endswith(CONTRACTION_HEADS):
        return False
    if short in contractions(full):
        return True
    place = leading_place(short)
    head = full[len(short) :]
    resolved = bool(place) and full.startswith(short) and head in CONTRACTION_HEADS
    return resolved and short[len(place) - 1 :] in contractions(full)


def _abbreviation(short: str, full: str, label: str, bodies: set[str]) -> bool:
    if label == "ORG" and _another_body(short, full):
        return False
    return label != "LOC" and (abbreviates(short, full) or (label == "ORG" and _short_place(short, full)))


#: Numerals of an ordinal or a number in a body's name (第一人民医院, 第三工程有限公司, 二院).
_NUMBER_CHARS = frozenset("一二三四五六七八九十〇零两0123456789")
#: Legal forms a company's name ends with, after its proper name (某集团|有限公司).
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "公司")


def _another_body(short: str, full: str) -> bool:
    """Look-alikes that leave characters out of a longer name but are other bodies: the longer one
    has a number the shorter lacks (某市人民医院 is not 某市第一人民医院, 二院 keeps its 二), or the
    shorter is a company's whole name and the longer one a company named after it (某建设集团有限公司
    and its 某建设集团第三工程有限公司: the shorter's name before its legal form ends like a body)."""
    if any(c in _NUMBER_CHARS and c not in short for c in full):
        return True
    form = next((f for f in _LEGAL_FORMS if short.endswith(f)), None)
    if form is None:
        return False
    owner = short[: -len(form)]
    return full.startswith(owner) and full.endswith(form) and len(full) > len(short) and owner.endswith(_COMPANY_OWNERS)


#: Endings of a company's proper name that make it a body on its own (某建设集团, 某控股).
_COMPANY_OWNERS = ("集团", "控股", "公司", "银行", "实业", "股份")


def _short_place(short: str, full: str) -> bool:
    """漳州医院 of 漳州市医院: the body's place written without its 市, 县 or 区, the rest as is."""
    place = leading_place(full)
    return len(place) >= 3 and place.endswith(_DIVISION_ENDS) and short == place[:-1] + full[len(place) :]


def _university(short: str, full: str, label: str, bodies: set[str]) -> bool:
    return label == "ORG" and short in university_abbreviations(full)


_NUMERALS = "两三四五六七八九十"
#: Generic heads a program is also written without (健康快车项目 = 健康快车).
_PROGRAM_HEADS = ("活动", "项目", "工程", "计划")


def _numbered_list(short: str, full: str, label: str, bodies: set[str]) -> bool:
    """``三进义诊`` of ``进社区、进学校、进企业义诊``: a program's list of N items
    that start (or end) alike is contracted to the number and the shared character (三进, 两癌),
    the rest of the name as is. Why general: it is how Chinese names every such campaign."""
    if label != "PROG":
        return False
    for m in _LIST.finditer(full):
        items = m.group(0).split("、")
        if len(items) > len(_NUMERALS) + 1:
            continue
        number = "两" if len(items) == 2 else _NUMERALS[len(items) - 2]
        # 三进: 进社区、进学校… start alike; 两癌: 宫颈癌、乳腺癌 end alike
        alike = {items[0][0]} if len({item[0] for item in items}) == 1 else set()
        alike |= {items[0][-1]} if len({item[-1] for item in items}) == 1 else set()
        for shared in sorted(alike):
            if full[: m.start()] + number + shared + full[m.end() :] == short:
                return True
    return False


_LIST = re.compile(r"[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})+")


def _program_core(short: str, full: str, label: str, bodies: set[str]) -> bool:
    """``健康快车`` of ``健康快车项目``, ``百名专家进社区`` of ``百名专家进社区义诊服务``: a program
    written short, its name's start (four characters or more); not a strategy's action or
    building or tour (健康某省 is not 健康某省行动 nor 健康某省行) nor a model named after it (``_SCHEMES``)."""
    rest = full[len(short) :]
    return (
        label == "PROG"
        and len(short) >= _MIN_PROGRAM_START
        and full.startswith(short)
        and not rest.startswith(_STRATEGY_AFTER)
        and not full.endswith(_SCHEMES)
    )


_MIN_PROGRAM_START = 4
#: What follows a strategy's name to make another program of it (健康某省|行动, 健康某省|行).
_STRATEGY_AFTER = ("行", "战略", "建设")


def _quoted_core(names: dict[Mention, str]) -> dict[Mention, str]:
    """``“银龄守护”关爱行动`` then ``“银龄守护”``, ``银龄守护项目`` or ``“银龄守护”帮扶活动``: a program
    whose name quotes its own core word is meant by that core, alone or with a head after it,
    when exactly one program of the article quotes it; programs of one article quoting the same
    core are one, named by the longest. Models and schemes (``_SCHEMES``) stay apart."""
    quoted: dict[str, set[str]] = defaultdict(set)
    for m, name in names.items():
        if m.label == "PROG" and not name.endswith(_SCHEMES):
            for core in _QUOTED.findall(m.text):
                if len(core) >= 2 and core != name:
                    quoted[core].add(name)
    out = {}
    for m, name in names.items():
        if m.label != "PROG" or name.endswith(_SCHEMES):
            continue
        cores = [c for c in quoted if name.startswith(c) and len(name) - len(c) <= _MAX_HEAD]
        own = [c for c in _QUOTED.findall(m.text) if c in quoted]
        for core in own or cores:
            targets = quoted[core] if own else quoted[core] - {name}
            if len(targets) == 1 or (own and targets):
                out[m] = max(targets, key=lambda t: (len(t), t))
                break
    return {m: name for m, name in out.items() if name != names[m]}


#: A named model or scheme is the method a program spreads, not the program (银龄守护模式 is
#: not 银龄守护关爱行动), so it takes no part in the quoted-core rule.
_SCHEMES = ("模式", "体系", "机制", "框架")
#: How long a head after a quoted core may be (银龄守护|关爱行动).
_MAX_HEAD = 4
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]")


def _short_forms(names: dict[Mention, str]) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """Resolve an article's abbreviations, then its tail short forms, to unique longer names.

    Returns the resolved names and, for each mention that changed, which rule did it."""
    resolved = dict(names)
    rules: dict[Mention, str] = {}
    for kind, rule in (
        ("abbreviation", _abbreviation),
        ("university", _university),
        ("people", _without_people),
        ("tail", _is_tail),
        ("core", _core),
        ("numbered list", _numbered_list),
        ("program head", _program_core),
    ):
        by_label: dict[str, set[str]] = defaultdict(set)
        for mention, name in resolved.items():
            by_label[mention.label].add(name)
        bodies = by_label["ORG"] | {p[-n:] for p in by_label["LOC"] for n in range(3, len(p) + 1)}
        shortest = 2 if kind in ("core", "university") else _MIN_SHORT_FORM
        found: dict[tuple[str, str], list[str]] = {}  # one answer per (label, name) of the article
        for mention, name in list(resolved.items()):
            if mention.label not in _SHORT_FORM_LABELS or len(name) < shortest:
                continue
            key = (mention.label, name)
            if key not in found:
                longer = [n for n in by_label[mention.label] if len(n) > len(name) and rule(name, n, key[0], bodies)]
                # Only the longest count: 第一医院 < 附属第一医院 < 厦门大学附属第一医院 is one chain.
                found[key] = [n for n in longer if not any(_covers(o, n) for o in longer)]
            heads = found[key]
            if len(heads) == 1:
                resolved[mention] = heads[0]
                rules[mention] = _ARTICLE_RULES[kind]
    return resolved, rules


def _covers(other: str, name: str) -> bool:
    """``other`` is a longer form of ``name`` (ends with its stem, and is longer in stem or in full:
    某省政协教科卫体委员会 covers 某省政协教科卫体委, not the other way round)."""
    longer = (len(_stem(other)), len(other)) > (len(_stem(name)), len(name))
    return other != name and longer and _stem(other).endswith(_stem(name))


_SHARED = "附属"
_DIVISION_ENDS = ("市", "县", "区")
#: Endings of a parent a hospital's short form 附N leaves out (福建医科大学, 浙江大学医学院).
_PARENTS = ("大学", "学院")


def _local_jurisdiction(names: dict[Mention, str], setting: Setting) -> dict[Mention, tuple[str, str]]:
    """``市医保局`` at a Fuzhou event is 福州市医疗保障局: a bare 省, 自治区, 市, 州, 县 or 区
    prefix left after the article's own full forms takes the division the article's
    ``Setting`` gives for it (``kg.link.jurisdiction``); the new name and why."""
    out: dict[Mention, tuple[str, str]] = {}
    for m, name in names.items():
        prefix = bare_prefix(name) if m.label == "ORG" else None
        found = setting.place_for(prefix, m) if prefix else None
        if prefix and found:
            place, reason = found
            rest = name[len(prefix) :]
            full = "中共" + place.name + rest if rest[:1] == "委" else place.name + rest
            out[m] = full, f"bare {prefix} = {place.name}: {reason}"
    return out


def _shared_heads(text: str, mentions: list[Mention], names: dict[Mention, str]) -> dict[Mention, str]:
    """``福建医科大学附属协和医院、附属第一医院``: the second body is 福建医科大学附属第一医院."""
    out: dict[Mention, str] = {}
    for a, b in pairwise(mentions):
        first, second = out.get(a, names[a]), names[b]
        coordinated = a.label == b.label == "ORG" and text[a.end : b.start] == "、"
        if coordinated and second.startswith(_SHARED) and _SHARED in first[1:]:
            out[b] = first[: first.index(_SHARED, 1)] + second
    return out


def _presses(names: dict[Mention, str]) -> dict[Mention, str]:
    """``《每周文摘》`` and ``《每周文摘报》社`` in one article: a paper's title names the press
    that prints it, whose name the article gives (X社 or X报社)."""
    orgs = {name for m, name in names.items() if m.label == "ORG"}
    out = {}
    for m, name in names.items():
        if m.label == "ORG" and m.text.startswith("《") and m.text.endswith("》") and not name.endswith("社"):
            press = [p for p in (name + "报社", name + "社") if p in orgs]
            if press:
                out[m] = press[0]
    return out


_NTH_AFFILIATED = re.compile(r"(第[一二三四五六七八九十])附属医院$")


def abbreviates(short: str, full: str) -> bool:
    """``厦大附属第一医院`` abbreviates ``厦门大学附属第一医院``: same first and last three
    characters (the head and what qualifies it: ``医学会`` is no short form of ``医师学会``),
    and the short form's characters appear in the full name in order. ``第一附属医院`` and
    ``附属第一医院`` are one name in two orders (湖医附一医院: 湖南医药学院第一附属医院)."""
    full = _NTH_AFFILIATED.sub(r"附属\1医院", full)
    if len(short) < 4 or short[0] != full[0] or short[-3:] != full[-3:]:
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def name_in_article(
    text: str, names: dict[Mention, str], setting: Setting | None = None
) -> tuple[dict[Mention, str], dict[Mention, str]]:
    """The article's rules applied to each mention's own canonical name: the resolved names,
    and for each mention a rule changed, which one (for ``kg explain``). ``setting``: where
    the article is set (default: inferred from ``names``' mentions with no fallback)."""
    setting = setting or article_setting(names, None, text)
    mentions = sorted(names)
    names = dict(names)
    rule_of: dict[Mention, str] = {}
    aliases = bracket_aliases(text, mentions, names)
    for m, name in _shared_heads(text, mentions, names).items():
        names[m] = name
        rule_of[m] = "coordinated with the name before it, whose head it shares (X附属A、附属B)"
    for m, name in _presses(names).items():
        names[m] = name
        rule_of[m] = "a paper's title names its press, which the article names (《X》 = X报社)"
    for m, name in names.items():
        if (m.label, name) in aliases:
            names[m] = aliases[(m.label, name)]
            rule_of[m] = "the article gives it as another name of this one (brackets, 以下简称)"
    for m, name in _quoted_core(names).items():
        names[m] = name
        rule_of[m] = "the core word a program of the same article quotes in its name (“银龄守护”关爱行动)"
    resolved, rules = _short_forms(names)
    rule_of.update(rules)
    localised = _local_jurisdiction(resolved, setting)
    for m, (name, rule) in localised.items():
        resolved[m] = name
        rule_of[m] = rule
    if localised:  # 市第二医院 is 西宁市第二医院 only now, a short form of 西宁市第二人民医院
        again, rules = _short_forms(resolved)
        for m in localised:
            if again[m] != resolved[m]:
                resolved[m], rule_of[m] = again[m], rule_of[m] + "; then " + rules[m]
    for m, name in party_departments(text, mentions, resolved).items():
        resolved[m] = name
        rule_of[m] = "a Party department written bare after its committee in a chain of titles (X县委常委、宣传部部长)"
    return resolved, rule_of
