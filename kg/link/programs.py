"""Which program an article's organizers run, when the sentence that names them names none.

``主办单位：A`` fields and ``本次活动由A主办`` name bodies, not the program; the program is the
article's: the one its headline names, else the one it names most, never one named only as
the aim of a clause of purpose (``为…开展X``), and for an event of a campaign
(``第N个某月现场宣传活动``) the campaign. Read by the linker (``kg.link``) and, for clauses
of purpose, by the relation patterns (``kg.nlp.relations.events``); no pipeline is loaded.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

from kg.conventions import in_purpose_clause
from kg.link.names import clean
from kg.model import DocResult, Document, Mention

__all__ = ["editions", "headline_end", "in_purpose_clause", "main_programs"]

#: The longest first line that is a headline (a line of its own with no sentence end in it).
_HEADLINE_MAX = 60
#: Endings of an event held as part of a program (某运动|宣传活动, 第N个某月|现场宣传活动).
_EVENT_ENDS = ("活动", "仪式", "会")


def headline_end(document: Document) -> int:
    """Where the headline ends in ``document.text``: its first line when that line is short, ends
    no sentence (a paragraph's first line would) and more follows, else 0 (no headline)."""
    raw = document.raw
    first = len(raw) - len(raw.lstrip())
    cut = raw.find("\n", first)
    line = raw[first:cut].strip() if cut >= 0 else ""
    if not line or len(line) > _HEADLINE_MAX or any(c in line for c in "。!?！？;；") or not raw[cut:].strip():
        return 0
    return bisect_left(document.offsets, cut, 0, len(document.text))


def _purposes(result: DocResult, headline: int) -> set[Mention]:
    """Programs named as the aim of a clause of purpose (``为…开展X，``) with no body before them
    in their sentence: what the article's bodies do serves X, it is not X."""
    text = result.document.nlp_text
    bodies = sorted(m.end for m in result.mentions if m.label in ("ORG", "PER"))
    out: set[Mention] = set()
    for m in result.mentions:
        if m.label != "PROG":
            continue
        start = max(m.sentence[0], headline if headline <= m.start else 0)
        start = max([start, *(e for e in bodies if start <= e <= m.start)])
        if in_purpose_clause(text, start, m.start, result.document.breaks):
            out.add(m)
    return out


def editions(result: DocResult, mention_key: dict[Mention, str]) -> dict[str, str]:
    """Program key -> the program it is an event of: every mention of it in the article holds a
    mention of the other with more after it, ending like an event (``第N个某卫生月|现场宣传活动``,
    ``某年某运动|专项宣传活动``): a local event of a named campaign is the campaign's, as organizers go."""
    progs = [m for m in result.mentions if m.label == "PROG"]
    texts = {clean(m.text): mention_key[m] for m in progs}
    out: dict[str, str] = {}
    for key in sorted({mention_key[m] for m in progs}):
        bases: set[str] | None = None
        for m in (p for p in progs if mention_key[p] == key):
            written = clean(m.text)
            found = {
                other
                for short, other in texts.items()
                if other != key and short in written and not written.endswith(short) and written.endswith(_EVENT_ENDS)
            }
            bases = found if bases is None else bases & found
        if bases is not None and len(bases) == 1:
            out[key] = bases.pop()
    return out


def main_programs(result: DocResult, mention_key: dict[Mention, str], events: dict[str, str]) -> list[str]:
    """The programs an article is about, which organizers named with no program (a ``主办单位``
    field, ``本次活动由A主办``) run: the program its headline names, else the one named most often
    (the first named on a tie), leaving out programs named only as an aim (``为…开展X``); an event
    of a campaign gives the campaign (``editions``); a program joined to it by ``暨`` (``X启动仪式暨Y``)
    is the same occasion's and comes with it."""
    headline = headline_end(result.document)
    aims = _purposes(result, headline)
    progs = sorted(m for m in result.mentions if m.label == "PROG" and m not in aims)
    in_headline = [m for m in progs if m.end <= headline]
    named = in_headline or progs
    counts: dict[str, list[int]] = {}
    for m in progs:
        entry = counts.setdefault(mention_key[m], [0, m.start])
        entry[0] += 1
    chosen = {mention_key[m] for m in named}
    if not chosen:
        return []
    main = min(chosen, key=lambda k: (-counts[k][0], counts[k][1]))
    text = result.document.nlp_text
    joined = [
        mention_key[b]
        for a, b in pairwise(progs)
        if mention_key[a] == main and "暨" in text[a.end : b.start] and len(text[a.end : b.start]) <= 8
    ]
    return sorted({events.get(k, k) for k in (main, *joined)})
