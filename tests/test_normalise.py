"""``kg.normalise``: OCR clean-up of real seed text, and the offset map back to the raw file.

Every named snippet below is copied verbatim from ``seeds/`` (the first test
checks that it still is); the seeds hold no full-width letters or digits and no
reduplicated line, so ``ＡＢＣ１２`` and ``常常看看`` are written out inline.
"""

from __future__ import annotations

import time
import unicodedata

import pytest

from kg.normalise import normalise

SEED_NAMES = (
    "000_2bd2ab5580cfad16.txt",
    "001_1d51f59310643ad7.txt",
    "002_8a124716f6a61a21.txt",
    "003_42149c42a079cddb.txt",
    "004_6573e7190c4723fc.txt",
)

# seed 002, lines 8-9: OCR spaced out every character of a name
SPACED_NAME = "师 协 会 党 支 部 书 记 朱 鹏 立 主\n持。省医学会、省医师协会副会"
# seed 000, lines 88-89: a column break inside the name 王占祥
BROKEN_NAME = "厦门大学附属第一医院王占\n祥院长表示，第一医院与北京医"
# seed 000, lines 135-139: a headline OCR printed twice, between two ordinary lines
DOUBLED_HEADLINE = (
    "北京医联党委与厦大附属第一医院深化“师带徒”交流合作\n"
    "\n"
    "与会领导共同见证北京医联党委福建与会领导共同见证北京医联党委福建““师带徒师带徒””"
    "医疗帮扶行动医疗帮扶行动··厦门站启动厦门站启动\n"
    "\n"
    "一直以来，医疗人才尤其是高"
)
# seed 000, lines 13-14
FULLWIDTH_COMMA = "“安全规范用基金 守好人民‘看病\n钱’”为主题，通过线上线下相结合"
# seed 000, lines 32-33: spaced digits and characters around a full-width comma
SPACED_NUMBERS = "药 机 构 12340 家 ，处 理 率 达 到\n93.88%，追回资金"
# seed 000, lines 180-182: Latin and digits stay apart, Chinese closes up
LATIN_AND_DIGITS = "医院百强榜零的突破，继续领跑闽\n西南。同时在中国智慧医院 HIC\n100 强排名全国第 6，是全省首家"
# seed 000, lines 29-31: a line break after a full-width comma, before a number
COMMA_THEN_NUMBER = "“救命钱”。记者从\n启动仪式上获悉，\n2022 年，全省共完"
# ordinary reduplication, each a whole line of its seed
REDUPLICATED_LINES = {
    "000_2bd2ab5580cfad16.txt": "2023年，我省各级医保部门将紧紧",
    "002_8a124716f6a61a21.txt": "各级职责分工，形成层层抓落实",
    "004_6573e7190c4723fc.txt": "短短三个月时间，就有4名乡贤和",
}

SEED_SNIPPETS = [
    ("002_8a124716f6a61a21.txt", SPACED_NAME),
    ("000_2bd2ab5580cfad16.txt", BROKEN_NAME),
    ("000_2bd2ab5580cfad16.txt", DOUBLED_HEADLINE),
    ("000_2bd2ab5580cfad16.txt", FULLWIDTH_COMMA),
    ("000_2bd2ab5580cfad16.txt", SPACED_NUMBERS),
    ("000_2bd2ab5580cfad16.txt", LATIN_AND_DIGITS),
    ("000_2bd2ab5580cfad16.txt", COMMA_THEN_NUMBER),
    *((name, line + "\n") for name, line in REDUPLICATED_LINES.items()),
]


def clean(raw: str) -> str:
    return normalise("snippet.txt", "snippet.txt", raw).text


def read_seed(seeds_dir, name: str) -> str:
    return (seeds_dir / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, snippet", SEED_SNIPPETS)
def test_normalise_snippets_are_verbatim_seed_text(seeds_dir, name, snippet):
    assert snippet in read_seed(seeds_dir, name)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (SPACED_NAME, "师协会党支部书记朱鹏立主持。省医学会、省医师协会副会"),
        (BROKEN_NAME, "厦门大学附属第一医院王占祥院长表示,第一医院与北京医"),
        (FULLWIDTH_COMMA, "“安全规范用基金守好人民‘看病钱’”为主题,通过线上线下相结合"),
        (SPACED_NUMBERS, "药机构12340家,处理率达到93.88%,追回资金"),
    ],
)
def test_normalise_removes_whitespace_inside_chinese(raw, expected):
    assert clean(raw) == expected


def test_normalise_prints_doubled_headline_once():
    assert clean(DOUBLED_HEADLINE) == (
        "北京医联党委与厦大附属第一医院深化“师带徒”交流合作"
        "与会领导共同见证北京医联党委福建“师带徒”医疗帮扶行动·厦门站启动"
        "一直以来,医疗人才尤其是高"
    )


def test_normalise_doubled_headline_in_seed_000(seeds_dir):
    text = normalise("000", "000", read_seed(seeds_dir, "000_2bd2ab5580cfad16.txt")).text
    assert "与会领导共同见证北京医联党委福建“师带徒”医疗帮扶行动·厦门站启动一直以来" in text
    assert "师带徒师带徒" not in text
    assert text.count("与会领导共同见证北京医联党委福建") == 1


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ＡＢＣ１２", "ABC12"),
        ("，", ","),
        ("钱’”为主题，通过", "钱’”为主题,通过"),
    ],
)
def test_normalise_applies_nfkc_to_full_width_forms(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        *((line + "\n", unicodedata.normalize("NFKC", line)) for line in REDUPLICATED_LINES.values()),
        ("常常看看\n", "常常看看"),
        ("我们常常去看看\n", "我们常常去看看"),
        ("看看\n常常\n", "看看常常"),
    ],
)
def test_normalise_keeps_ordinary_reduplication(raw, expected):
    assert clean(raw) == expected


def test_normalise_keeps_one_space_between_non_chinese_tokens():
    assert clean(LATIN_AND_DIGITS) == (
        "医院百强榜零的突破,继续领跑闽西南。同时在中国智慧医院HIC 100强排名全国第6,是全省首家"
    )
    assert clean("HIC   \n  100") == "HIC 100"


def test_normalise_removes_line_break_after_full_width_punctuation():
    # '，' is Chinese text in the raw file, though NFKC makes it ','
    assert clean(COMMA_THEN_NUMBER) == "“救命钱”。记者从启动仪式上获悉,2022年,全省共完"


def test_normalise_records_breaks_where_whitespace_was_removed():
    doc = normalise("002", "002", SPACED_NAME)
    start = doc.text.index("朱鹏立")
    assert {start, start + 1, start + 2, start + 3} <= doc.breaks  # 朱|鹏|立|主 and 记|朱

    doc = normalise("000", "000", BROKEN_NAME)
    assert doc.text.index("祥") in doc.breaks
    assert doc.text.index("占") not in doc.breaks

    doc = normalise("000", "000", LATIN_AND_DIGITS)
    space = doc.text.index("HIC 100") + 3
    assert space not in doc.breaks and space + 1 not in doc.breaks  # kept, not removed
    assert doc.text.index("HIC") in doc.breaks  # 院|HIC: the space there was removed


@pytest.mark.parametrize("name", SEED_NAMES)
def test_normalise_offsets_point_at_the_raw_characters(seeds_dir, name):
    raw = read_seed(seeds_dir, name)
    doc = normalise(name, name, raw)
    assert doc.raw == raw
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets[-1] == len(raw)
    assert list(doc.offsets) == sorted(doc.offsets)
    for i, char in enumerate(doc.text):
        source = raw[doc.offsets[i]]
        if char == " ":
            assert source.isspace(), (i, source)
        else:
            assert char in unicodedata.normalize("NFKC", source), (i, char, source)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_normalise_breaks_are_exactly_the_removed_whitespace(seeds_dir, name):
    raw = read_seed(seeds_dir, name)
    doc = normalise(name, name, raw)
    text, offsets = doc.text, doc.offsets
    removed = {
        i
        for i in range(1, len(text))
        if " " not in text[i - 1 : i + 1] and any(c.isspace() for c in raw[offsets[i - 1] + 1 : offsets[i]])
    }
    assert removed
    assert doc.breaks == removed


@pytest.mark.parametrize(
    "name, cleaned, raw_text",
    [
        ("000_2bd2ab5580cfad16.txt", "王占祥", "王占\n祥"),
        ("002_8a124716f6a61a21.txt", "朱鹏立", "朱 鹏 立"),
        ("000_2bd2ab5580cfad16.txt", "处理率达到93.88%", "处 理 率 达 到\n93.88%"),
        ("000_2bd2ab5580cfad16.txt", "刘家城", "刘家城"),
    ],
)
def test_normalise_raw_span_maps_a_mention_back_to_the_raw_text(seeds_dir, name, cleaned, raw_text):
    doc = normalise(name, name, read_seed(seeds_dir, name))
    start = doc.text.index(cleaned)
    raw_start, raw_end = doc.raw_span(start, start + len(cleaned))
    assert doc.raw[raw_start:raw_end] == raw_text


# Written for these tests (not seed text): a headline printed more than twice, or twice over two lines.
@pytest.mark.parametrize(
    "raw, expected",
    [
        ("乡村振兴讲堂乡村振兴讲堂乡村振兴讲堂乡村振兴讲堂\n正文\n", "乡村振兴讲堂正文"),
        ("义诊进社区\n义诊进社区\n", "义诊进社区"),
        ("““义诊义诊””\n", "“义诊”"),
    ],
)
def test_normalise_headline_printed_many_times_is_kept_once(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        DOUBLED_HEADLINE,
        SPACED_NUMBERS,
        LATIN_AND_DIGITS,
        "乡村振兴讲堂乡村振兴讲堂乡村振兴讲堂乡村振兴讲堂\n",
        "ＡＢAB\n",  # the same run only after NFKC
        "中 ⼀ A ⼀ B",  # a Kangxi radical is Chinese only after NFKC
        "分组 ㈠ 甲",  # NFKC expands one character into three
    ],
)
def test_normalise_is_idempotent(raw):
    once = clean(raw)
    assert clean(once) == once


def test_normalise_seeds_are_idempotent(seeds_dir):
    for name in SEED_NAMES:
        once = normalise(name, name, read_seed(seeds_dir, name)).text
        assert normalise(name, name, once).text == once


@pytest.mark.parametrize("raw", ["张三" * 100_000, "医" * 300_000, ("甲甲乙乙" * 50 + "\n") * 2_000])
def test_normalise_long_repetitive_input_takes_linear_time(raw):
    # The old doubled-line search was quadratic: "张三" * 100_000 never finished.
    started = time.perf_counter()
    doc = normalise("long.txt", "long.txt", raw)
    assert time.perf_counter() - started < 10
    assert len(doc.offsets) == len(doc.text) + 1
