"""Where a sentence of normalised text begins and ends: one rule for every stage that needs it
(the extractor's evidence spans, the relation patterns that stay inside a sentence, the page's
fallback for a graph without sentence spans).

A regex over the text is several times cheaper than spaCy's sentencizer over one-character
tokens, and Chinese news ends its sentences with a small set of marks (after NFKC).
"""

from __future__ import annotations

import re

__all__ = ["SENTENCE_END", "sentence_start", "sentences"]

#: Sentence-final punctuation (after NFKC, so the full-width forms seldom remain).
SENTENCE_END = re.compile(r"[。!?;！？；]+")
_END_MARKS = "。!?;！？；"


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """``[start, end)`` spans of the sentences of ``text`` (the whole text if none end)."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return tuple(spans)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``text[pos]`` begins."""
    return max(text.rfind(mark, 0, pos) for mark in _END_MARKS) + 1
