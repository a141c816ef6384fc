"""Traditional characters read as simplified, so one set of rules, lexicons and models serves both.

Extraction is written for simplified Chinese; an article in traditional
characters (衛生健康委員會) would lose most of its entities. OpenCC's ``t2s``
conversion (dictionaries shipped in the ``opencc`` package, no download) maps
it to simplified phrase by phrase (乾隆 stays, 乾淨 becomes 干净), and leaves
simplified text as it is.

``to_simplified`` keeps the length, so a position in the converted text is the
same position in the original: the pipeline reads the simplified text while
mentions, offsets and the published text stay in the original script. Phrases
never cross punctuation, so each run of ideographs is converted on its own; a
run whose conversion changes length is converted character by character, and a
character whose conversion changes length is kept as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

#: Runs of CJK ideographs (the basic block, extension A, compatibility forms and the supplementary planes).
_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, of the same length (see the module docstring)."""
    convert = _t2s().convert
    if convert(text) == text:  # simplified already: one fast call decides
        return text
    spans = [m.span() for m in _IDEOGRAPHS.finditer(text)]
    if not spans:
        return text
    # One call for every run: a line break is never inside a phrase, and never converted.
    converted = convert("\n".join(text[a:b] for a, b in spans)).split("\n")
    if len(converted) != len(spans):
        converted = [convert(text[a:b]) for a, b in spans]
    pieces: list[str] = []
    last = 0
    for (a, b), new in zip(spans, converted, strict=True):
        if len(new) != b - a:
            new = "".join(c if len(c := convert(ch)) == 1 else ch for ch in text[a:b])
        pieces += (text[last:a], new)
        last = b
    pieces.append(text[last:])
    return "".join(pieces)
