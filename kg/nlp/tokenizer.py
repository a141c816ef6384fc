"""spaCy's char segmenter for Chinese, the same tokens in a tenth of the time.

kg's rules need one token per character (``[nlp.tokenizer] segmenter = "char"``).
spaCy's ``ChineseTokenizer`` splits the text into characters and then re-aligns
them with the text (``spacy.util.get_words_and_spaces``: a slice, a search and
two appends per character), which cost ~5% of extraction. The alignment only
matters at whitespace, so :func:`char_words` makes the same words and spaces
from the runs of whitespace alone. :func:`make_doc` uses it when the pipeline's
tokenizer is that char segmenter, and the pipeline's own tokenizer otherwise
(jieba, pkuseg, a user's), so the config stays spaCy's and saved pipelines load
without kg.
"""

from __future__ import annotations

import re

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc

#: A run of whitespace (``re``'s ``\s`` on ``str`` is ``str.isspace``, what spaCy's alignment drops).
_SPACES = re.compile(r"\s+")


def char_words(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces spaCy's char segmenter makes of ``text``.

    Every other character is a word; a single ``" "`` after a word is that word's
    trailing space; any other run of whitespace (or its rest) is one word.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _SPACES.finditer(text):
        start, end = m.span()
        words.extend(text[pos:start])
        spaces.extend([False] * (start - pos))
        if start and text[start] == " ":
            spaces[-1] = True
            start += 1
        if start < end:
            words.append(text[start:end])
            spaces.append(False)
        pos = end
    words.extend(text[pos:])
    spaces.extend([False] * (len(text) - pos))
    return words, spaces


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, faster for spaCy's Chinese char segmenter (exactly its tokens)."""
    tokenizer = nlp.tokenizer
    if type(tokenizer) is ChineseTokenizer and tokenizer.segmenter == Segmenter.char:
        if len(text) > nlp.max_length:
            return nlp.make_doc(text)  # spaCy's own error (E088)
        words, spaces = char_words(text)
        return Doc(nlp.vocab, words=words, spaces=spaces)
    return nlp.make_doc(text)
