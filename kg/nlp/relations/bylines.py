"""Bylines and credits: the reporters and correspondents an article names, and whom they write for.

``本报记者 X`` is a reporter of the paper that prints the article (a ``byline``: the linker
knows the paper); ``记者 X`` and ``通讯员 X`` are roles with no body here (the article's dateline
may give one, ``kg.nlp.relations.posts``); ``（记者：甲 来源：某报）`` names the source they write for.
"""

from __future__ import annotations

import re

from kg.nlp import lexicon as lx
from kg.nlp.relations.bodies import CLOSING, Bodies

Rel = tuple[str, int, int, str]

#: A byline's words, what may stand between one and its name, and the credit's source field.
BYLINE_TITLES = frozenset(lx.BYLINE_ROLES.values())
BYLINE_GAP = " \u3000:："
SOURCE = re.compile("来源[:：]")


def person_after(text: str, spans: list, pos: int) -> bool:
    """Whether a person's name starts at ``pos``, after the spaces or colon a byline leaves."""
    while pos < len(text) and text[pos] in BYLINE_GAP:
        pos += 1
    return any(s.label_ == "PER" and s.start_char == pos for s in spans)


def from_source(bodies: Bodies, span, bylined: list[Rel]) -> list[Rel]:
    """``（记者：甲 来源：某报）``: the reporters of a credit work for the source it names."""
    text = bodies.text
    close = min((i for i in (text.find(c, span.end_char) for c in CLOSING) if i >= 0), default=-1)
    m = SOURCE.search(text, span.end_char, close) if 0 <= close - span.end_char <= 30 else None
    source = next((i for i, start in bodies.org.values() if m and start == m.end()), -1)
    if source < 0:
        return bylined
    return [(k, h, source, title) if t < 0 and k == "role" else (k, h, t, title) for k, h, t, title in bylined]


def byline(text: str, i: int, span, out: list[Rel]) -> list[Rel]:
    """``记者 甲``: the byline word before person ``i`` as a role; ``本报记者 甲`` as a ``byline``
    (a reporter of the paper that prints the article), replacing the role read for it in ``out``."""
    pos = span.start_char
    while pos > 0 and text[pos - 1] in BYLINE_GAP:
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
