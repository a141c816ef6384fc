"""A hospital's or university's short name listed among other bodies, with its full name in the
same article (issue 11).

Local news lists the hospitals a team came from by the names people call them (某某医院、协和、
省立、肿瘤等各大医院). ANNOTATION.md counts such a short name as a mention when it is a
contraction of a longer name *in the same article* (evidence, never a list of names): the short
names a body goes by are generated from its full name's structure
(``kg.link.short_names.contractions``: 福建|省立|医院 -> 省立, 某省|妇幼|保健院 -> 妇幼), and one is read
only as an item of a 、-list, where it can be nothing but a name (省立 in running text is an
adjective, provincially run). The link stage then resolves it to that full name.
"""

from __future__ import annotations

import re

from kg.link.short_names import CONTRACTION_HEADS, contractions
from kg.nlp.candidate import Candidate

#: What may stand right before a list's item (the list's mark, an opening) and right after it (the
#: mark, a closing, 等 ending the list, a conjunction before the last item).
_BEFORE = frozenset("、，,：:（(“")
_AFTER = frozenset("、，,）)”等和及与")
_LIST_MARK = "、"
_MIN, _MAX = 2, 4


def listed_short_names(text: str, orgs: list[Candidate]) -> list[Candidate]:
    """Items of a 、-list that are a short name of a body named in full elsewhere in ``text``
    (a name of ``orgs`` ending in 医院, 保健院 or 大学), outside any name found."""
    shorts = {
        s
        for c in orgs
        if c.label == "ORG" and c.mention and text.endswith(CONTRACTION_HEADS, c.start, c.end)
        for s in contractions(text[c.start : c.end])
        if _MIN <= len(s) <= _MAX
    }
    if not shorts:
        return []
    covered = {i for c in orgs if c.mention for i in range(c.start, c.end)}
    out = []
    for short in sorted(shorts):
        for m in re.finditer(re.escape(short), text):
            start, end = m.start(), m.end()
            before, after = text[start - 1 : start], text[end : end + 1]
            if before not in _BEFORE or after not in _AFTER or _LIST_MARK not in (before, after):
                continue  # in running text, or not an item of a list
            if covered & set(range(start, end)):
                continue
            out.append(Candidate(start, end, "ORG", "listed-short-name"))
    return out
