"""The tagger's features: the fast column-wise Featurizer makes, for every character, exactly the
feature strings (in the same order) as the straightforward per-character version the shipped model
was trained with, kept here as the oracle."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pytest

from kg.evaluate import read_bio
from kg.nlp import lexicon as lx
from kg.nlp.features import FeatureLexicon, Featurizer, _char_class, _marks, lexicon_path
from kg.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
PD_DEV = ROOT.parent / "shared" / "data" / "ner" / "peoples_daily.dev.bio"

_OPENING = {"“": "“", "《": "《", "「": "“", "『": "“", "〈": "《"}
_CLOSING = frozenset("”》」』〉")


@lru_cache(maxsize=2)
def _place_sets(places: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(places), frozenset(name[:k] for name in places for k in range(1, len(name) + 1))


def oracle_place_spans(places: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """The place walk the model was trained with: a prefix-set walk at every character."""
    names, prefixes = _place_sets(places)
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)

    def longest(at: int) -> int:
        hit, j = 0, at + 1
        while j <= n and text[at:j] in prefixes:
            if text[at:j] in names:
                hit = j - at
            j += 1
        return hit if hit >= 2 else 0

    while i < n:
        hit = longest(i)
        if not hit:
            i += 1
            continue
        end = i + hit
        while end < n and (nxt := longest(end)) > 2:
            end += nxt
        spans.append((i, end))
        i = end
    return spans


def oracle_quoted(text: str) -> list[str]:
    state = [""] * len(text)
    open_mark = ""
    for i, ch in enumerate(text):
        if ch in _CLOSING or ch in "。\n":
            open_mark = ""
        elif ch in _OPENING:
            open_mark = _OPENING[ch]
        elif open_mark:
            state[i] = open_mark
    return state


def oracle_features(lexicon: FeatureLexicon, text: str) -> list[list[str]]:
    """The features as ``kg.nlp.features`` made them when the shipped model was trained (commit 777cfde)."""
    alternation = lambda words: re.compile(  # noqa: E731
        "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))) or r"(?!)")
    surnames = frozenset(lexicon.surnames)
    n = len(text)
    word_pos, word_tag, word_of = ["S"] * n, ["x"] * n, [""] * n
    tags = lx.word_tags()
    for start, end in lx.segment(text):
        word = text[start:end]
        for i in range(start, end):
            word_pos[i] = "S" if end - start == 1 else "B" if i == start else "E" if i == end - 1 else "M"
            word_tag[i] = tags.get(word, "x")
            word_of[i] = word if end - start > 1 else ""
    place = [""] * n
    for start, end in oracle_place_spans(lexicon.places, text):
        for i in range(start, end):
            place[i] = "B" if i == start else "I"
    title_starts, title_lasts = _marks(text, alternation(lexicon.titles))
    suffix_lasts = _marks(text, alternation(lexicon.org_suffixes))[1]
    head_lasts = _marks(text, alternation(lexicon.program_heads))[1]
    quoted = oracle_quoted(text)
    p = "^^" + text + "$$"
    out = []
    for i, ch in enumerate(text):
        j = i + 2
        feats = ["b", "c=" + ch, "c-1=" + p[j - 1], "c+1=" + p[j + 1], "c-2=" + p[j - 2], "c+2=" + p[j + 2],
                 "c-1c=" + p[j - 1 : j + 1], "cc+1=" + p[j : j + 2], "c-1c+1=" + p[j - 1] + p[j + 1],
                 "t=" + _char_class(ch), "wp=" + word_pos[i], "wt=" + word_tag[i] + word_pos[i], "pl=" + place[i]]
        if word_of[i]:
            feats.append("w=" + word_of[i])
        if ch in surnames:
            feats.append("sur")
        if i + 1 in title_starts:
            feats.append("title>")
        if i - 1 in title_lasts:
            feats.append("<title")
        if i in suffix_lasts:
            feats.append("sfx")
        if i in head_lasts:
            feats.append("phd")
        if quoted[i]:
            feats.append("q=" + quoted[i])
        out.append(feats)
    return out


@pytest.fixture(scope="module")
def shipped() -> FeatureLexicon:
    return FeatureLexicon.read(lexicon_path(Path(str(files("kg.resources").joinpath("ner.crfsuite")))))


def _seed_texts() -> list[str]:
    return [normalise(p.name, str(p), p.read_text(encoding="utf-8-sig")).nlp_text
            for p in sorted((ROOT / "seeds").glob("*.txt"))]


# Written for this test: nested and unbalanced quotes and title marks, a sentence end and a line
# break inside quotes, an opening mark right after another, spaces, digits, Latin letters, a place
# name running into the next (a nested name), text starting and ending with marks.
EDGE_CASES = [
    "",
    "王",
    "。",
    "“",
    "《》",
    "  \n\u3000 ",
    "《“健康中国”行动方案》印发",
    "他说：“《意见》指出，「要坚持」。然后\n还有『一个』〈书名",
    "“未闭合的引号。下一句“又一个“再一个”完",
    "市卫健委主任李明在2024年12月召开的COVID-19会议上讲话。",
    "新疆维吾尔自治区昌吉回族自治州昌吉市阿什里哈萨克民族乡卫生院院长",
    "福建省福州市鼓楼区人民医院和厦门大学附属第一医院开展“组团式”医疗援疆行动工程",
    "副主任医师张三、党委书记王五，北京上海广州深圳",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_features_same_as_the_trained_ones_on_edge_cases(shipped, text):
    assert Featurizer(shipped)(text) == oracle_features(shipped, text)


def test_features_same_as_the_trained_ones_on_the_seed_articles(shipped):
    featurize = Featurizer(shipped)
    texts = _seed_texts()
    assert sum(map(len, texts)) > 5000
    for text in texts:
        new, old = featurize(text), oracle_features(shipped, text)
        assert len(new) == len(old) == len(text)
        for i, (a, b) in enumerate(zip(new, old, strict=True)):
            assert a == b, (i, text[max(0, i - 10) : i + 10])


def test_features_same_as_the_trained_ones_on_news_sentences(shipped):
    """Every sentence of the People's Daily development split, one at a time and as one text."""
    if not PD_DEV.is_file():
        pytest.skip(f"no {PD_DEV}")
    texts = [text for text, _ in read_bio(PD_DEV)]
    featurize = Featurizer(shipped)
    mismatches = [text for text in texts if featurize(text) != oracle_features(shipped, text)]
    assert not mismatches, mismatches[:3]
    whole = "\n".join(texts[:300])
    assert featurize(whole) == oracle_features(shipped, whole)


def test_features_same_with_todays_word_lists(shipped):
    """The equivalence does not hang on the shipped lists: today's (what training would freeze) too."""
    current = FeatureLexicon.current()
    text = "\n".join(_seed_texts()[:2])
    assert Featurizer(current)(text) == oracle_features(current, text)


def test_features_place_spans_same_as_the_prefix_walk(shipped):
    """The place walk from candidate starts finds the spans the walk at every character found."""
    for text in [*EDGE_CASES, *_seed_texts()]:
        assert shipped.place_spans(text) == oracle_place_spans(shipped.places, text)
    nested = "新疆维吾尔自治区昌吉回族自治州昌吉市阿什里哈萨克民族乡卫生院"
    assert shipped.place_spans(nested)[0][0] == 0  # real names, so the test can fail


def test_features_encoded_are_the_same_features_and_tags(shipped):
    """The tagger's UTF-8 features are the features, and the CRF tags them alike, to the marginal."""
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(files("kg.resources").joinpath("ner.crfsuite")))
    plain, encoded = Featurizer(shipped), Featurizer(shipped, encoded=True)
    for text in [*EDGE_CASES, *_seed_texts()]:
        as_str, as_bytes = plain(text), encoded(text)
        assert as_bytes == [[feature.encode() for feature in row] for row in as_str]
        if text:
            tags = crf.tag(as_str)
            marginals = [crf.marginal(tag, i) for i, tag in enumerate(tags)]
            assert crf.tag(as_bytes) == tags
            assert [crf.marginal(tag, i) for i, tag in enumerate(tags)] == marginals
    assert any(tag != "O" for tag in crf.tag(encoded(_seed_texts()[0])))
