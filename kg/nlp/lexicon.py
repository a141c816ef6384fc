"""General word lists the extraction rules share: titles, surnames, name suffixes, heads.

Everything here is general knowledge of Chinese news and administration, not
names from any particular article. The long lists live as one-word-per-line
files in ``kg/resources/`` (easy to review and extend); the short ones are here.
Each is one constant, read by the rules modules and nothing else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from kg.warm import kept


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

#: Byline words -> the role of the name that follows them; 本报… means of the paper itself.
#: Longer words first: they are tried in this order.
BYLINE_ROLES = {
    "本报记者": "记者", "本报通讯员": "通讯员", "特约记者": "记者",
    "记者": "记者", "通讯员": "通讯员", "实习生": "实习生",
}  # fmt: skip
BYLINE = tuple(BYLINE_ROLES)

#: Organization name endings. ``strong`` ones make a name on their own; ``weak``
#: ones need a place, jurisdiction or parent organization in front.
ORG_SUFFIX_STRONG = _words("org_suffixes_strong.txt")
ORG_SUFFIX_WEAK = (
    *_words("org_suffixes_weak.txt"),
    # People's organizations, schools, works and teams of general news, named after their place
    # (某市妇联, 某区第一中学, 某市机床厂, 某市某某队): weak, since 中学 or 厂 alone is generic. Not 工会/团委: a unit's
    # union or Youth League committee, which lowered the domain check split.
    "妇联", "残联", "侨联", "文联", "中学", "小学", "总厂", "厂", "队",
)  # fmt: skip
#: Characters after a suffix that turn it into a title or another word (局长, 委员, 部分 ...).
ORG_SUFFIX_BLOCKERS = "长员士生内外区级属系庆务校前后里面场分门城议"
#: Descriptive words that make a would-be organization generic when they end its body (综合性医院).
ORG_GENERIC_BODY = (
    "综合性", "高水平", "顶级", "公立", "大型", "三级", "二级", "一级", "六级", "级", "智慧", "定点", "基层",
    "专科", "县级", "市级", "省级", "民营", "全国", "全省", "各级", "相关", "有关", "其他", "该", "知名",
    "当地", "本地", "受援", "支援", "百强",
)  # fmt: skip

#: Heads meaning "a team" in general (某某专家团队, 某某服务队伍): a group described by its work, no
#: named body (named teams end in 队 or 团 of a name: 某某医疗队, 某某服务团).
GENERIC_GROUPS = ("团队", "队伍")

#: Heads of a department written as a bare word (医务处, 护理部, 体检中心, 某某培训办公室), read before
#: its head's title as a unit of the body the sentence names (``kg.nlp.rules.units`` for the mention,
#: ``kg.nlp.relations.bodies`` for the post).
BARE_UNIT_HEADS = ("部", "处", "科", "办公室", "室", "中心", "组", "病区")
BARE_UNIT = re.compile(r"[\u4e00-\u9fff]{1,10}(?:" + "|".join(BARE_UNIT_HEADS) + ")")
#: What in a longer word says a body is named in it (a place, a kind of body): then it is no bare unit.
NAMED_IN_UNIT = ("省", "市", "县", "州", "国", "中华", "大学", "学院", "医院", "委员会", "局", "厅", "会")

#: Words after a would-be name that make it part of a ranking or an award (顶级医院百强榜, 质量奖).
RANKING_WORDS = ("百强", "榜", "奖", "排行", "排名", "称号", "评选")

#: Words ending in 党 that name a kind of party, not one (执政党, 反对党).
#: A state's legislature, cabinet and armed services: common nouns to jieba, yet one body of the
#: state the text is about (美国国会, 该国内阁); the tagger's sure span of one is a name.
STATE_BODIES = frozenset(("国会", "议会", "内阁", "参议院", "众议院", "上院", "下院", "海军", "陆军", "空军"))
GENERIC_PARTIES = ("政党", "执政党", "反对党", "在野党", "参政党", "友党", "全党", "本党", "该党", "我党")

#: Jurisdiction prefixes that open an organization name without naming the place.
JURISDICTION = (
    "国家", "中共", "中国", "中华", "全国", "省委", "市委", "县委", "区委", "自治区", "自治州", "省", "市", "县", "区",
)  # fmt: skip
#: China's political parties (full and short names): a party opens the name of its bodies.
PARTIES = _longest_first(_words("parties.txt"))
#: The armed forces, whose hospitals and units are named after them (解放军某部队第某医院).
ARMED_FORCES = ("中国人民解放军", "解放军", "武警")
#: Bare jurisdictions whose Party committee or government is a body of its own (市委, 县政府):
#: the story's jurisdiction is meant (ANNOTATION.md, "a bare jurisdiction prefix").
BARE_BODY_JURISDICTIONS = ("省", "市", "县", "区", "自治区", "自治州")
#: A division has one of each (县委, 市政府, 县妇联, 市总工会): named by its level alone, a body.
BARE_BODY_SUFFIXES = ("委", "党委", "政府", "人民政府", "妇联", "残联", "侨联", "总工会", "科协", "工商联")
#: Ministries and commissions of the State Council and departments of the Party's Central
#: Committee, which are written without a jurisdiction (教育部, 组织部 under a 市委 is another).
MINISTRIES = _longest_first(_words("ministries.txt"))

#: Words before a would-be name that make it generic (各设区市卫健委, 三级医院 ...). 全 is generic
#: only before a jurisdiction (全省, 全市医院); before 国 it opens national bodies (全国妇联, 全国人大).
GENERIC_PREFIX = (
    "各级", "各设区", "各", "该", "本", "我", "全省", "全市", "全县", "全区", "全国性", "有关", "相关", "定点",
    "三级", "二级", "一级", "县级", "市级",
    "省级", "基层", "公立", "民营", "这些", "其他", "多家", "所有", "医疗", "涉事", "属地", "乡镇", "社区", "村级",
    "市际", "省际", "县际", "跨区域", "区域", "康复", "体检", "心脏",
)  # fmt: skip

#: Words that make what follows a kind in general (有关司局, 各处室, 相关科室): no one body, and no
#: person either (有关|司局负责人 is no surname + given name).
GENERAL_DETERMINERS = ("有关", "相关", "各", "其他", "其它", "所属", "下属", "部分", "多个")


def generic_before(text: str, start: int) -> bool:
    """Whether the words just before ``start`` make what follows a generic or distributive
    reference (``各设区市卫健委``, ``三级医院``): no one body, whoever found the span."""
    before = text[max(0, start - 3) : start]
    # A two-character prefix may end on the span's first character (全|市医保局).
    return (
        any(before[-k:] in words for k, words in _GENERIC_BY_LENGTH)
        or text[start - 1 : start + 1] in _GENERIC_PAIRS
    )


_GENERIC_PAIRS = frozenset(g for g in GENERIC_PREFIX if len(g) == 2)
#: GENERIC_PREFIX by length, so the test is one set lookup per length, not one endswith per word.
_GENERIC_BY_LENGTH = tuple(
    (k, frozenset(g for g in GENERIC_PREFIX if len(g) == k)) for k in sorted({len(g) for g in GENERIC_PREFIX})
)


#: Heads of venue names (公园, 礼堂) and of zones named after their place (新区, 投资区).
VENUE_HEADS = _longest_first(_words("venues.txt"))
ZONE_HEADS = _longest_first(_words("zones.txt"))
#: Fixed expressions with a place's name that name no place (中国式现代化, 新中国成立, 北京时间).
#: 中国特色 is read as a concept (``PLACE_CONCEPTS``), as the domain notes read it, though general
#: news (MSRA, People's Daily) tags its 中国.
NOT_A_PLACE = ("中国式", "新中国", "北京时间")
#: Words after a place's name that make the phrase a concept named after it (井冈山精神, 中国特色).
PLACE_CONCEPTS = ("精神", "特色")
#: Heads of honorary titles a place is given (中国某某之乡, 中国某都): the country opening one is the
#: title's level, no place of the story.
HONOUR_HEADS = ("之乡", "之都")
#: Words before a title's place that make it an honour, not the place (世界某某乡).
HONOUR_LEVELS = ("中国", "世界")
#: One-character forms of cities (榕 Fuzhou, 厦 Xiamen, 穗 Guangzhou, 蓉 Chengdu, 甬 Ningbo, 鹭 Xiamen):
#: never a place on their own in running text (NOTES: 在榕医学专家). Provinces' forms (京, 闽, 港) are
#: vetoed only after ``BEFORE_PROVINCE_FORM``: general news tags them everywhere (People's Daily and
#: MSRA lose about .004 each when they are vetoed in every context; after 在 about .001-.005).
ONE_CHARACTER_PLACES = frozenset("榕厦穗蓉甬鹭")
#: Characters before a province's one-character form that make it no place: verbs of travel (赴京进修,
#: 来闽, 返沪) and 在 (在京专家, as 在榕医学专家 in NOTES).
BEFORE_PROVINCE_FORM = frozenset("赴来进返回抵离在")
#: The verb of aid written before a province's one-character form (援藏, 援疆): no place there.
AID = "援"
#: Countries' forms (中, 美): a neighbour of a one-character city that makes it a pair (中美).
ONE_CHARACTER_COUNTRIES = frozenset("中美英法德日韩俄欧亚非")

#: Parties whose members write their bodies with one character of the party's name (社省委, 社市委
#: for 九三学社's committees; 盟省委 for 民盟's), in an article that names the party in full.
PARTY_SHORT_FORMS = {"九三学社": "社", "中国民主同盟": "盟", "民盟": "盟"}


def party_short_forms(text: str) -> tuple[str, ...]:
    """The one-character forms of the parties ``text`` names in full (the evidence they mean it)."""
    return tuple({short for party, short in PARTY_SHORT_FORMS.items() if party in text})


#: Verbs of acting together written between two bodies (某县妇联联合县卫健局, 某会会同市医保局): a
#: body's name never runs over one into a jurisdiction's next body (but 某联合会, 某联合大学 do).
JOINTLY = ("联合", "会同", "携手", "协同")

#: Program heads, longest first; the weak ones need a quoted core or a long name.
PROG_HEADS = _longest_first(_words("program_heads.txt"))
PROG_WEAK_HEADS = frozenset(("活动", "模式", "项目", "计划", "工程", "竞赛", "大赛", "行动", "体系", "测评", "演练"))
#: Heads that name a program only around a quoted core (“1236”分级诊疗体系, “送医下乡”义诊).
PROG_QUOTED_ONLY_HEADS = frozenset(("体系", "义诊"))
#: Words after a program head that show it is generic (试点城市, 项目建设 ...).
PROG_HEAD_BLOCKERS = (
    "城市", "地区", "单位", "医院", "工作", "经验", "省份", "县", "区", "中心", "的城市", "建设", "自觉", "标准",
    "管理", "不便", "机制", "车", "师",
)  # fmt: skip
#: Heads of touring campaigns (优质服务基层行, 某某光明行, 质量万里行): a program only where the 行
#: ends the word (not 健康行为, 中国行政), which the program rules check.
PROG_TOUR_HEADS = ("基层行", "健康行", "光明行", "万里行", "公益行", "爱心行", "中国行")
#: Aid to a region (援疆 Xinjiang, 援藏 Tibet, 援青 Qinghai): a national program when a quoted scheme
#: names it and the phrase ends there (深入实施“组团式”医疗援疆,), not in 援疆医生 or 河南卫生援疆.
PROG_AID_HEADS = ("援疆", "援藏", "援青")
#: Words that end a program's name on its left, besides the shared ``LEFT_BOUNDARIES``: verbs that
#: carry a program out or rank it (打好某某攻坚战, 列入某某计划, 入选某某项目), the adverbs before them
#: (全力, 扎实) and counts or demonstratives (多项某某项目, 该项某某工程). Kept apart from the shared
#: list because bodies' names hold some of them (某某联合会, 某某组织).
PROG_LEFT_STOPS = (
    "打好", "打赢", "列入", "列为", "入选", "推行", "实行", "开启", "掀起", "贯彻", "助推", "做实", "抓实", "抓好",
    "用好", "办好", "搞好", "全力", "持续", "全面", "大力", "扎实", "认真", "广泛", "着力", "继续", "成功", "正式",
    "圆满", "顺利", "首次", "再次", "多项", "多个", "各项", "这项", "该项", "此项", "一项", "几项", "数项",
    "两项", "一批", "扩大", "创建", "争创", "获批", "一场", "这场", "本场", "每场", "一次", "这次",
    # verbs that take an action or plan as their object, and words of report or frequency, which
    # open no program's name (采取|某某行动, 透露|上述计划, 只有|某某活动)
    "采取", "透露", "上述", "没有", "打算", "曾经", "经常", "只有", "造成", "借鉴", "照搬", "放弃", "从事",
    # deictic wholes (ANNOTATION.md: 全省, 全市 are no mentions; 全国 opens national programs' names)
    "全市", "全县", "全区", "全州",
)  # fmt: skip

#: Verbs, time and function words that end a name on its left (推进 X 试点, 今年 X 宣传月).
LEFT_BOUNDARIES = _longest_first(_words("left_boundaries.txt"))

_BOUNDARY_SET = frozenset(LEFT_BOUNDARIES)
_BOUNDARY_LENGTHS = tuple(sorted({len(w) for w in LEFT_BOUNDARIES}, reverse=True))


def boundary_ending_at(text: str, i: int, min_len: int = 1) -> int:
    """Length of the longest boundary word ending at ``i`` (0 if none): set look-ups, not scans."""
    for length in _BOUNDARY_LENGTHS:
        if length >= min_len and length <= i and text[i - length : i] in _BOUNDARY_SET:
            return length
    return 0


#: One-character conjunctions, adverbs and prepositions that open no body's name when they stand as
#: a word of their own (而|国际某某联合会, 因|某某医院, 比|某某电视台); a name that starts with one of
#: them is one dictionary word (比利时, 和平医院) and not split.
LEADING_PARTICLES = frozenset("而因比被把让向对给从据由并又就才也都还却便则即")

#: Characters that never sit inside a name.
#: A Chinese (Han) character: what the rules' names are made of.
HAN = re.compile(r"[\u4e00-\u9fff]")
#: A character inside a body's name: Han, the zero 〇 and the middle dot of transliterations.
NAME_HAN = re.compile(r"[\u4e00-\u9fff〇·]")
NAME_STOP = frozenset(",.;:!?、,。;:!?()()[]【】<>《》\"'“”‘’ \t\n的了在是和与及等对向把被将")


#: jieba tags of proper names; every other tag marks ordinary vocabulary.
_NAME_TAGS = ("nr", "ns", "nt", "nz")
_EVERYDAY_MIN_FREQ = 50
#: Parts of speech of words too common to be a short place name on their own (资源, 合作, 前进).
_PLACE_CLASH_TAGS = ("v", "vn", "a", "ad", "an", "d", "m", "q", "r", "p", "c", "u", "t", "f", "l", "i", "nz")
_PLACE_CLASH_NOUN_FREQ = 1000


@kept
def _jieba_vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Words of jieba's dictionary: everyday, clashing with place names, function words, all.

    jieba ships a frequency dictionary with part-of-speech tags; it tells
    general vocabulary (关于, 小组, 系统) from proper names, which is exactly
    what a name candidate must not be. Read once per process.
    """
    import jieba

    everyday: set[str] = set()
    clashes: set[str] = set()
    function: set[str] = set()
    known: set[str] = set()
    with open(jieba.get_dict_file().name, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3 or not 2 <= len(parts[0]) <= 4:
                continue
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            known.add(word)
            if tag in _FUNCTION_TAGS and freq >= _EVERYDAY_MIN_FREQ:
                function.add(word)
            if freq >= _EVERYDAY_MIN_FREQ and not tag.startswith(_NAME_TAGS):
                everyday.add(word)
            if tag in _PLACE_CLASH_TAGS or (tag == "n" and freq >= _PLACE_CLASH_NOUN_FREQ):
                clashes.add(word)
    return frozenset(everyday), frozenset(clashes), frozenset(function), frozenset(known)


#: Surnames that are also frequent function characters (和, 向, 对 ...): a name
#: starting with one needs a given name that is no dictionary word (和秘书, 向北京, 都愿意, 由武术).
AMBIGUOUS_SURNAMES = frozenset("和向于从对把被将为以与及在位全关来各党部区市省县该那这其曾原时都由")
_FUNCTION_TAGS = ("p", "c", "u", "d", "r", "m", "q", "f")


def everyday_words() -> frozenset[str]:
    """Common words that are not proper names (for rejecting name candidates)."""
    return _jieba_vocabulary()[0]


def place_clashes() -> frozenset[str]:
    """Common words that a division's short name may coincide with (资源县 -> 资源)."""
    return _jieba_vocabulary()[1]


def function_words() -> frozenset[str]:
    """Grammatical words (关于, 对于, 以及): a name never starts with one."""
    return _jieba_vocabulary()[2]


def dictionary_words() -> frozenset[str]:
    """Every two-to-four-character word jieba's dictionary knows."""
    return _jieba_vocabulary()[3]


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it reports building its cache on stderr otherwise
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@kept
def _frequencies() -> dict[str, int]:
    """jieba's prefix table (``Tokenizer.FREQ``: each word's count, 0 for a prefix of a word), all
    ``segment`` reads of the tokenizer; kept between builds (``kg.warm``) with the word lists."""
    return _tokenizer().FREQ


def rare_word(word: str) -> bool:
    """jieba counts ``word`` fewer times than an everyday word (or not at all): its dictionary's
    tag for it is then a weak hint (毕节 is filed as a common noun, 林芝 as a foreign name)."""
    return _frequencies().get(word, 0) < _EVERYDAY_MIN_FREQ


@lru_cache(maxsize=4)
def segment(text: str) -> tuple[tuple[int, int], ...]:
    """Words of ``text`` by forward longest match against jieba's dictionary, as ``(start, end)``.

    Names start and end on word boundaries: this tells ``对口帮扶县医院`` (no
    name starts at 口) and ``对应县域`` (no place 应县 there) from real names.
    Unknown names come out as single characters, which is what the statistical
    tagger's features expect. Longest match rather than jieba's own route
    search: a few dictionary look-ups per character instead of a DAG and a
    dynamic programme, several times faster, and as good a hint for names.
    Cached for the few texts one document's rules ask about.
    """
    freq = _frequencies()
    spans = []
    i, n = 0, len(text)
    while i < n:
        best, j = i + 1, i + 2
        while j <= n:
            count = freq.get(text[i:j])
            if count is None:
                break  # no dictionary word starts with text[i:j]
            if count:
                best = j
            j += 1
        spans.append((i, best))
        i = best
    return tuple(spans)


@lru_cache(maxsize=4)
def word_starts(text: str) -> frozenset[int]:
    """Positions where a word of ``segment(text)`` starts, and the text's end."""
    return frozenset([s for s, _ in segment(text)] + [len(text)])


@kept
def word_tags() -> dict[str, str]:
    """Word -> jieba dictionary part-of-speech tag (``ns``, ``nr``, ``nt``, ``v`` ...)."""
    import jieba

    tags: dict[str, str] = {}
    with open(jieba.get_dict_file().name, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) > 1:
                tags[parts[0]] = parts[2]
    return tags
