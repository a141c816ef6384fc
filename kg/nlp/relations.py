"""Roles read off the text around each person mention.

Chinese news writes posts in a few fixed shapes, which this component reads
without a parser:

* ``[ORG] TITLE(、TITLE)* PERSON`` — ``省医保局副局长张明``; several such groups
  may precede one person, separated by ``，`` (``省卫健委党组书记、主任，省医学会会长吴芳``);
* ``ORG PERSON TITLE`` — ``厦门大学附属第一医院赵强院长``;
* ``PERSON TITLE`` — ``郑军医生``, ``周伟教授`` (a title with no organization);
* a byline ``本报记者 X``: X is a reporter of the paper (``publisher`` setting).

The result goes to ``Doc._.kg_relations`` as ``(kind, head, tail, role)``
tuples indexing ``doc.spans[spans_key]`` (tail ``-1`` when there is none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from kg.labels import NAMED_AFTER
from kg.nlp import lexicon as lx
from kg.nlp.extensions import text_of
from kg.normalise import comparison_form
from kg.sentences import sentence_start

_TITLE_START = re.compile("|".join(map(re.escape, lx.TITLES)))
_SEPARATORS = "、,，"


class RelationExtractor:
    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(self.spans_key, []))
        text = text_of(doc)
        org_by_end = {s.end_char: (i, s.start_char) for i, s in enumerate(spans) if s.label_ == "ORG"}
        out: list[tuple[str, int, int, str]] = []
        for i, span in enumerate(spans):
            if span.label_ != "PER":
                continue
            out.extend(("role", i, org, title) for org, title in self._titles_before(text, span.start_char, org_by_end))
            after = _TITLE_START.match(text, span.end_char)
            if after:
                org = org_by_end.get(span.start_char, (-1, 0))[0]
                out.append(("role", i, org, after.group()))
            byline = next((w for w in lx.BYLINE_ROLES if text.endswith(w, 0, span.start_char)), None)
            if byline:
                role = lx.BYLINE_ROLES[byline]
                if byline.startswith("本报"):
                    # A reporter of the paper that prints the article: the linker knows which.
                    out = [r for r in out if r != ("role", i, -1, role)]
                    out.append(("byline", i, -1, role))
                else:
                    out.append(("role", i, -1, role))
        out.extend(_organizers(text, spans))
        out.extend(_launched(text, spans))
        out.extend(_named_after(spans))
        out.extend(_governed(text, spans))
        out.extend(_owned(text, spans))
        out.extend(_partners(text, spans))
        out.extend(_located(text, spans))
        doc._.kg_relations = tuple(sorted(set(out)))
        return doc

    @staticmethod
    def _titles_before(text: str, pos: int, org_by_end: dict[int, tuple[int, int]]) -> list[tuple[int, str]]:
        """Walk left from a person over ``[ORG] TITLE(、TITLE)*`` groups."""
        found: list[tuple[int, str]] = []
        pending: list[str] = []
        while pos > 0:
            title = _title_ending_at(text, pos, org_by_end)
            if not title:
                break
            pending.append(title)
            pos -= len(title)
            org, org_start = org_by_end.get(pos, (-1, 0))
            if org >= 0:
                found.extend((org, t) for t in pending)
                pending = []
                pos = org_start  # the organization owns the titles after it; go on left of it
            if pos > 0 and text[pos - 1] in _SEPARATORS:
                pos -= 1
                continue
            break
        found.extend((-1, t) for t in pending)
        return found

    def initialize(self, get_examples: Iterable | None = None, *, nlp: Language | None = None) -> None:
        """No data to load."""


_ORGANIZER_FIELD = re.compile(r"(主办|协办|承办|支持|指导)单位[:：]")
_AGREEMENT = re.compile(r"^.{0,8}?(?:签署|签订|签约|共建|结对|缔结)")


def _organizers(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``主办单位：A 协办单位：B、C``: the bodies listed after each field organize the
    article's program (which one the linker decides); ``role`` keeps the field (主办 ...)."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for m in _ORGANIZER_FIELD.finditer(text):
        pos = m.end()
        for i, span in orgs:
            if span.start_char < pos:
                continue
            if any(ch not in "、,，;； " for ch in text[pos : span.start_char]):
                break  # the list ended
            out.append(("organizer", i, -1, m.group(1)))
            pos = span.end_char
    return out


_LAUNCH = re.compile(r"(?:联合|共同|牵头|正式|全面|积极|组织)?(?:开展|启动|实施|举办|发起|推出|主办|承办)(?:了)?$")
_SUBJECT_JOINS = ("与", "和", "、", "同")


def _launched(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A启动X``, ``A与B联合开展X``: the bodies named before the verb in the program's sentence
    organize it (``organizer``, head the body, tail the program, role the verb).

    A program with no body before its verb (``开展我省第五批…采购`` in a report) gets none:
    the subject is implicit and guessing it would be wrong as often as right."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for j, prog in enumerate(spans):
        if prog.label_ != "PROG":
            continue
        start = sentence_start(text, prog.start_char)
        verb = _LAUNCH.search(text, start, prog.start_char)
        if not verb:
            continue
        before = [(i, s) for i, s in orgs if start <= s.start_char and s.end_char <= verb.start()]
        if not before or text[before[-1][1].start_char - 1 : before[-1][1].start_char] == "由":
            continue
        subjects = [before[-1]]
        for i, s in reversed(before[:-1]):
            if text[s.end_char : subjects[-1][1].start_char] not in _SUBJECT_JOINS:
                break
            subjects.append((i, s))
        out.extend(("organizer", i, j, verb.group()) for i, _ in subjects)
    return out


def _named_after(spans: list) -> list[tuple[str, int, int, str]]:
    """``上海某医院“健康快车”行动``: a program whose name starts with a body's
    name, as written in the article, is that body's program."""
    out = []
    orgs = [(i, comparison_form(s.text)) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for j, prog in enumerate(spans):
        name = comparison_form(prog.text)
        owners = [(i, o) for i, o in orgs if len(o) >= 3 and len(name) > len(o) and name.startswith(o)]
        if prog.label_ == "PROG" and owners:
            out.append(("organizer", max(owners, key=lambda io: (len(io[1]), -io[0]))[0], j, NAMED_AFTER))
    return out


_GOVERNED = re.compile(r"^(?:由|隶属于?|归属于?)$")
_GOVERNS = re.compile(r"^(?:主管|主办|管理|领导|直属|下属)")


_IS = ("是", "为", "系")
_UNDER = re.compile(r"^的?(?:直属|下属|所属|直管)")
_UNDER_BETWEEN = re.compile(r"^的?(?:直属|下属|所属|属下)的?$")
_CLOSING = ")）”’\"'"


def _governed(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A由B主管``, ``A隶属于B``, ``A是B直属的…``: A is a body under B (``suborg``, head A,
    tail B); ``B所属(的)A``, ``B直属A``: the same, the parent first."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for (i, a), (j, b) in pairwise(orgs):
        between = text[a.end_char : b.start_char]
        after_b = text[b.end_char :]
        if _GOVERNED.match(between) and (between != "由" or _GOVERNS.match(after_b)):
            out.append(("suborg", i, j, ""))
        elif between.lstrip(_CLOSING) in _IS and _UNDER.match(after_b):
            out.append(("suborg", i, j, ""))  # 江苏省疾病预防控制中心是江苏省卫生健康委员会直属的…单位
        elif _UNDER_BETWEEN.match(between):
            out.append(("suborg", j, i, ""))  # 长航集团所属长江轮船海外旅游总公司
    return out


_OWNS = re.compile(r"(?:的)?(?:旗下(?:拥有|有|设有|包括|管理)?|下设(?!立)|下辖|内设(?!立))")
_LIST_JOINS = ("及", "和", "与", "、", "以及", "")


def _owned(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A下设B、C``, ``A由X主管，旗下拥有B及C``: B and C are bodies under A (``suborg``).

    A is the nearest organization before the verb in its sentence that is not the
    agent of a passive (``由X``), so the subject of ``A由X主管，旗下…`` owns the list."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for m in _OWNS.finditer(text):
        start = sentence_start(text, m.start())
        before = [
            i
            for i, s in orgs
            if start <= s.start_char and s.end_char <= m.start() and text[s.start_char - 1 : s.start_char] != "由"
        ]
        if not before:
            continue
        owner, pos = before[-1], m.end()
        for i, span in orgs:
            if span.start_char < pos or i == owner:
                continue
            if text[pos : span.start_char] not in _LIST_JOINS:
                break  # the list ended
            out.append(("suborg", i, owner, ""))
            pos = span.end_char
    return out


_SITED = ("位于", "坐落于", "坐落在", "地处")
_AREA = re.compile(r"^(?:地区|一带|境内|市区|城区)?的$")


def _located(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A位于P``, ``位于P地区的A``: the text says where body A is (``located``, head A, tail P)."""
    out = []
    for (i, a), (j, b) in pairwise(enumerate(spans)):
        if a.label_ == "ORG" and b.label_ == "LOC" and text[a.end_char : b.start_char] in _SITED:
            out.append(("located", i, j, ""))
        if (
            a.label_ == "LOC"
            and b.label_ == "ORG"
            and text.endswith(_SITED, 0, a.start_char)
            and _AREA.match(text[a.end_char : b.start_char])
        ):
            out.append(("located", j, i, ""))
    return out


def _partners(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A与B签署…协议``, ``A和B结对共建``: two bodies in an agreement or pairing are partners."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for (i, a), (j, b) in pairwise(orgs):
        joined = text[a.end_char : b.start_char].lstrip(")）")
        if joined in ("与", "和", "同") and _AGREEMENT.match(text[b.end_char :]):
            out.append(("partner", i, j, ""))
    return out


def _title_ending_at(text: str, pos: int, org_by_end: dict[int, tuple[int, int]]) -> str | None:
    """The title ending at ``pos``: one that starts where an organization ends, else the longest."""
    titles = [t for t in lx.TITLES if text.endswith(t, 0, pos)]
    glued = [t for t in titles if pos - len(t) in org_by_end]
    return (glued or titles or [None])[0]


@Language.factory(
    "kg_relations",
    requires=["doc.spans"],
    assigns=["doc._.kg_relations"],
    default_config={"spans_key": "kg_mentions"},
)
def make_relation_extractor(nlp: Language, name: str, spans_key: str) -> RelationExtractor:
    return RelationExtractor(nlp, name, spans_key=spans_key)
