"""Programs named in shapes the head list alone does not hold (issue 11): touring campaigns named
after any region, not only the listed tours.

A touring campaign is written ``<what it brings><where it goes>行`` (``名医义诊某地行``,
``健康知识普及某某行``): 行 is then the head, "a journey through". The region may be a province's
literary name that no gazetteer lists, so it is not looked up; instead 行 must not form a word with
the character before it (银行, 举行, 同行, 出行, 进行 are dictionary words; a region + 行 is not),
and the name must run on for a few characters before it.
"""

from __future__ import annotations

from kg.nlp import lexicon as lx

#: The head of a touring campaign, and what may follow it as part of the name or its event.
TOUR = "行"
TOUR_FOLLOWERS = ("活动", "主题", "启动", "系列", "专场", "义诊")
TOUR_RE = rf"{TOUR}(?=" + "|".join(TOUR_FOLLOWERS) + r"|[^\u4e00-\u9fff]|$)"
#: Characters of a tour's name before 行, at least: quoted, its marks bound it; unquoted, a longer
#: name keeps a verb phrase that ends in 行 (某某组织一行) from being read as one.
_MIN_QUOTED_TOUR = 3
_MIN_TOUR = 4


def touring(text: str, head_start: int, start: int, quoted: bool) -> bool:
    """Whether the 行 at ``head_start`` ends a touring campaign whose name starts at ``start``."""
    before = text[head_start - 1 : head_start + 1]
    if not lx.HAN.match(before[:1]) or before in lx.dictionary_words():
        return False
    name = text[start:head_start].strip("“”")
    return len(name) >= (_MIN_QUOTED_TOUR if quoted else _MIN_TOUR)
