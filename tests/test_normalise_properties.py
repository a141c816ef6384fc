"""Properties of ``kg.normalise.normalise`` on random text (hypothesis).

The text mixes Chinese (simplified and traditional), Latin and digits, full-width forms, characters NFKC
expands or makes Chinese, quote and title marks, every kind of whitespace and
line break, and headlines printed two or four times. Whatever it is, every
character of the cleaned text must come from a raw character that NFKC turns
into it, in order, and cleaning the cleaned text must change nothing.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalise import normalise

CHINESE = st.sampled_from("医院卫生健康委员会福建省张三李四厦门大学附属第一常看醫衛會員乾淨隆著")
OTHER = st.sampled_from("ABCabc0123.%-")
FULL_WIDTH = st.sampled_from("，。：；！？（）ＡＢ１２　")
NFKC_ODD = st.sampled_from("⼀㈠¨ﬁ㍱①ｶ\u00a0\u2028")  # radical, expansions, a space inside, a line separator
MARKS = st.sampled_from("“”‘’《》「」『』【】\"'")
SPACE = st.sampled_from([" ", "  ", "\n", "\r\n", "\t", "\n\n", " \n ", "\u3000", "\x0c"])
WORD = st.text(CHINESE, min_size=2, max_size=8)


@st.composite
def doubled_headline(draw: st.DrawFn) -> str:
    """A line of runs each printed twice (``AABB``), or a whole headline printed two or four times."""
    if draw(st.booleans()):
        runs = draw(st.lists(st.one_of(WORD, MARKS), min_size=1, max_size=4))
        line = "".join(r + r for r in runs)
    else:
        line = draw(WORD) * draw(st.sampled_from([2, 4]))
    return "\n" + line + "\n"


PIECE = st.one_of(
    st.text(CHINESE, min_size=1, max_size=6),
    st.text(OTHER, min_size=1, max_size=4),
    FULL_WIDTH,
    NFKC_ODD,
    MARKS,
    SPACE,
    doubled_headline(),
)
RAW = st.lists(PIECE, max_size=30).map("".join)

SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(RAW)
def test_normalise_offsets_map_each_character_to_its_raw_source(raw):
    doc = normalise("r.txt", "r.txt", raw)
    text, offsets = doc.text, doc.offsets
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(raw)
    for i, char in enumerate(text):
        source = unicodedata.normalize("NFKC", raw[offsets[i]])
        if char == " ":
            assert any(c.isspace() for c in source), (i, raw[offsets[i]])
        else:
            assert char in source, (i, char, raw[offsets[i]])
        # increasing; two characters share a raw index only where NFKC expanded it
        assert offsets[i] < offsets[i + 1] or (i + 1 < len(text) and len(source) > 1)
    # what extraction reads (simplified characters) shares these offsets
    assert len(doc.nlp_text) == len(text)


@SETTINGS
@given(RAW)
def test_normalise_is_idempotent(raw):
    once = normalise("r.txt", "r.txt", raw).text
    assert normalise("r.txt", "r.txt", once).text == once


@SETTINGS
@given(RAW)
def test_normalise_leaves_no_whitespace_but_single_spaces_between_non_chinese(raw):
    doc = normalise("r.txt", "r.txt", raw)
    assert doc.text == doc.text.strip()
    assert all(c == " " or not c.isspace() for c in doc.text)
    assert "  " not in doc.text
    assert all(0 < b < len(doc.text) for b in doc.breaks)
