"""General word lists the extraction rules share: titles, surnames, name suffixes, heads.

Everything here is general knowledge of Chinese news and administration, not
names from any particular article. The long lists live as one-word-per-line
files in ``kg/resources/`` (easy to review and extend); the short ones are here.
Each is one constant, read by the rules modules and nothing else.
"""

from __future__ import annotations

from importlib.resources import files


def _words(name: str) -> tuple[str, ...]:
    """The words of ``kg/resources/<name>``, in file order, without comments and blanks."""
    text = files("kg.resources").joinpath(name).read_text(encoding="utf-8")
    return tuple(w for w in (line.strip() for line in text.splitlines()) if w and not w.startswith("#"))


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


_SURNAMES = _words("surnames.txt")
SURNAMES_1 = frozenset(s for s in _SURNAMES if len(s) == 1)
SURNAMES_2 = frozenset(s for s in _SURNAMES if len(s) == 2)

#: Titles and posts, longest first so 副主任医师 wins over 主任医师 and 医师.
TITLES = _longest_first(_words("titles.txt"))

#: Byline words: the name that follows is a reporter or contributor.
BYLINE = ("本报记者", "本报通讯员", "特约记者", "记者", "通讯员", "实习生")

#: Organization name endings. ``strong`` ones make a name on their own; ``weak``
#: ones need a place, jurisdiction or parent organization in front.
ORG_SUFFIX_STRONG = _words("org_suffixes_strong.txt")
ORG_SUFFIX_WEAK = _words("org_suffixes_weak.txt")
#: Characters after a suffix that turn it into a title or another word (局长, 委员, 部分 ...).
ORG_SUFFIX_BLOCKERS = "长员士生内外区级属系庆务校前后里面场分门"
#: Descriptive words that make a would-be organization generic when they end its body (综合性医院).
ORG_GENERIC_BODY = (
    "综合性", "高水平", "顶级", "公立", "大型", "三级", "二级", "一级", "六级", "级", "智慧", "定点", "基层",
    "专科", "县级", "市级", "省级", "民营", "全国", "全省", "各级", "相关", "有关", "其他", "该",
)  # fmt: skip

#: Jurisdiction prefixes that open an organization name without naming the place.
JURISDICTION = (
    "国家", "中共", "中国", "中华", "全国", "省委", "市委", "县委", "区委", "省", "市", "县", "区", "州", "镇", "乡",
)  # fmt: skip

#: Words before a would-be name that make it generic (各设区市卫健委, 三级医院 ...).
GENERIC_PREFIX = (
    "各级", "各设区", "各", "该", "本", "我", "全", "有关", "相关", "定点", "三级", "二级", "一级", "县级", "市级",
    "省级", "基层", "公立", "民营", "这些", "其他", "多家", "所有", "医疗", "涉事", "属地",
)  # fmt: skip

#: Program heads, longest first; the weak ones need a quoted core or a long name.
PROG_HEADS = _longest_first(_words("program_heads.txt"))
PROG_WEAK_HEADS = frozenset(("活动", "模式", "项目", "计划", "工程", "竞赛", "大赛", "培训班"))
#: Words after a program head that show it is generic (试点城市, 项目建设 ...).
PROG_HEAD_BLOCKERS = ("城市", "地区", "单位", "医院", "工作", "经验", "省份", "县", "区", "中", "的城市", "建设")

#: Verbs, time and function words that end a name on its left (推进 X 试点, 今年 X 宣传月).
LEFT_BOUNDARIES = _longest_first(_words("left_boundaries.txt"))

#: Characters that never sit inside a name.
NAME_STOP = frozenset(",.;:!?、,。;:!?()()[]【】<>《》\"'“”‘’ \t\n的了在是和与及等对向把被将")
