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

from kg.nlp import lexicon as lx
from kg.nlp.extensions import text_of

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
        out.extend(_governed(text, spans))
        out.extend(_partners(text, spans))
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


_GOVERNED = re.compile(r"^(?:由|隶属于?|归属于?)$")
_GOVERNS = re.compile(r"^(?:主管|主办|管理|领导|直属|下属)")


def _governed(text: str, spans: list) -> list[tuple[str, int, int, str]]:
    """``A由B主管``, ``A隶属于B``: A is a body under B (``suborg``, head A, tail B)."""
    out = []
    orgs = [(i, s) for i, s in enumerate(spans) if s.label_ == "ORG"]
    for (i, a), (j, b) in pairwise(orgs):
        between = text[a.end_char : b.start_char]
        if _GOVERNED.match(between) and (between != "由" or _GOVERNS.match(text[b.end_char :])):
            out.append(("suborg", i, j, ""))
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
