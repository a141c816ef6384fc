"""Programs whose body the text shows by where it writes them, not by a verb of running.

``organizer`` (head the body, tail the program) for a program named after its body
(``某医院“健康快车”行动``), written after its body and 的 (``某医院的“健康快车”项目``), or on a meeting
its body convenes (``某会召开“某某”行动总结会``), unless the text says who runs it; ``kg.nlp.relations.events`` reads
the organizers a sentence states (fields, hosting verbs, subjects of a launch).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from kg.gazetteer import load_gazetteer
from kg.labels import NAMED_AFTER
from kg.nlp.relations.events import Rel, _list_before, _orgs, _pairs
from kg.normalise import comparison_form


def named_after(spans: list, stated: list[Rel] = ()) -> list[Rel]:
    """``上海某医院“健康快车”行动``: a program whose name starts with a body's
    name, as written in the article, is that body's program, unless the article says
    who runs it (``stated``: organizers read from the text for a program of that name):
    ``九三学社某某活动`` run by two of the society's committees is theirs, not the society's."""
    out: list[Rel] = []
    # Each span's form once: a long article has tens of thousands of spans, so nothing here may
    # be recomputed per program (that was quadratic in the article's length).
    forms = [comparison_form(s.text) for s in spans]
    orgs = [(i, forms[i]) for i, s in enumerate(spans) if s.label_ == "ORG"]
    told = {forms[t] for kind, _, t, _ in stated if kind == "organizer" and t >= 0}
    ordered = sorted(forms)
    for j, prog in enumerate(spans):
        if prog.label_ != "PROG":
            continue
        name = forms[j]
        owners = [(i, o) for i, o in orgs if len(o) >= 3 and len(name) > len(o) and name.startswith(o)]
        if not owners:  # 某省人民医院…活动 and 省人民医院: only where the article names the place (its setting)
            owners = [(i, o) for i, o in orgs if _after_its_place(name, o, ordered)]
        if owners and name not in told:
            out.append(("organizer", max(owners, key=lambda io: (len(io[1]), -io[0]))[0], j, NAMED_AFTER))
    return out


#: Bare jurisdiction prefixes a body's short mention starts with (省人民医院, 市卫健委).
_BARE = ("省", "市", "县", "区", "州")


def _after_its_place(name: str, org: str, ordered: list[str]) -> bool:
    """``江西省人民医院“光明行”活动`` with the body written ``省人民医院`` elsewhere: the program's name is
    a place ending in the body's bare prefix (江西|省), then the rest of the body's name, then more; the
    place is named by another mention of the article (江西省, 江西省卫健委; ``ordered``: every mention's
    comparison form, sorted, the program's own among them), else the linker, which sets an article's place
    from its mentions, could take the bare prefix for another place."""
    if not org.startswith(_BARE) or len(org) < 4:
        return False
    at = name.find(org, 2)
    place = name[: at + 1]
    return (
        at > 0
        and len(name) > at + len(org)
        and bool(load_gazetteer().lookup(place))
        and _starting_with(ordered, place) >= 2  # the program's own name is one
    )


def _starting_with(ordered: list[str], prefix: str) -> int:
    """How many of the sorted ``ordered`` start with ``prefix`` (two binary searches, not a scan)."""
    return bisect_left(ordered, prefix + "\U0010ffff") - bisect_left(ordered, prefix)


#: ``A的“X”项目``: 的 (and the program's opening quote) between a body and a program.
_OF = re.compile(r"的[“\"]?")
#: ``A召开“X”推进会``: a meeting on a program, convened by its body, right after the program's name.
_MEETING_ON = re.compile(r"[”\"]?(?:工作)?(?:总结|推进|部署|动员|启动|调度|现场)(?:大会|会)")
_CONVENE = re.compile(r"(?:于?(?:近日|日前|\d{1,2}月\d{1,2}日))?(?:组织)?召开[“\"]?")


#: ``A是“X”的主办单位``, ``A作为X的牵头单位``: a body said to be a program's host or lead.
_IS = re.compile(r"(?:是|为|系|作为)(?:本次|此次|今年)?[“\"]?")
_ITS_HOST = re.compile(r"[”\"]?的(主办|承办|协办|联办|发起|牵头|组织|实施)(?:单位|方|者)")


def owned(text: str, spans: list, stated: list[Rel] = ()) -> list[Rel]:
    """``A是“X”的主办单位``: the body the text calls a program's host, lead or initiator runs it.
    ``A的“X”项目``: a program written right after a body and 的 is that body's; ``A召开“X”推进会``:
    the body convening a meeting on a program (a review, a launch, a push) runs it; these two not where
    the text says who runs the program (``stated``), as for a program named after its body."""
    out: list[Rel] = []
    told = {comparison_form(spans[t].text) for kind, _, t, _ in stated if kind == "organizer" and t >= 0}
    for i, (body, prog) in enumerate(pairwise(spans)):
        if body.label_ != "ORG" or prog.label_ != "PROG":
            continue
        between = text[body.end_char : prog.start_char]
        host = _ITS_HOST.match(text, prog.end_char) if _IS.fullmatch(between) else None
        if host:  # stated by the text, told or not; for each body of a list (A、B是X的主办单位)
            listed = _list_before(text, _orgs(spans), body.end_char) or [i]
            out.extend(("organizer", k, i + 1, host.group(1)) for k in listed)
            out.extend(_pairs(listed, spans, text) if host.group(1) == "主办" else [])  # co-hosts are partners
            continue
        if comparison_form(prog.text) in told:
            continue
        if _OF.fullmatch(between):
            out.append(("organizer", i, i + 1, "的"))
        elif _CONVENE.fullmatch(between) and _MEETING_ON.match(text, prog.end_char):
            out.append(("organizer", i, i + 1, "召开"))
    return out
