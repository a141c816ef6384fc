"""Documents: a policy document, notice, plan or list named by its title in 《》.

In the news, 《》 mostly holds the titles of documents (``《关于…的通知》``,
``《某市…实施方案(试行)》``); a title is a ``DOC`` mention, written without the
marks (ANNOTATION.md). What is written inside it is part of the title, not of the
story, so the bodies, places and programs named there are no mentions of their own:
the title's candidate outranks every other rule's (``priority``) and wins each overlap.

《》 also holds what is no document, and those titles are left out (but still
veto what is inside them when they end in a kind of document, as a talk on a plan does):

* what an earlier rule claimed whole: a newspaper (``《某某日报》``, an organization)
  or a named show (``《某某讲堂》``, a program);
* a periodical, book, song or poem by its last word (``…周刊``, ``…丛书``, ``…之歌``);
* a talk or song by the words around it (``题为《…》``, ``《…》专题讲座``, ``一曲《…》``,
  ``以《甲》《乙》为题``): a run of titles shares its context;
* a title that ends in no kind of document and that the words around it make a work: a
  book, film, play or periodical (``长篇小说《…》``, ``《…》剧组``, ``作家某某的《…》``), or
  a phrase with a comma or colon in it (``《协同，传承：某某实践》``), a talk's or an article's;
* a title that is nothing but a kind of document (``《意见》``, ``《工作方案》``): the short
  form of a document named in full elsewhere, which names none by itself.

A title that ends in no kind of document and has none of those cues is taken for a document
(measured on the health and government news of the domain set). In general and cultural news,
where 《》 holds books and films more often than documents, this is the rule's weak side: on
People's Daily (1998) most such titles are works that no cue marks.
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.conventions import canonical_document
from kg.nlp.candidate import Candidate, Rule

#: The last words of a policy document's title: what kind of paper it is.
DOC_HEADS = (
    "通知", "意见", "纲要", "规划", "办法", "方案", "规定", "条例", "协议", "决定", "报告", "指南", "细则",
    "措施", "目录", "名录", "清单", "名单", "白皮书", "蓝皮书", "公告", "通告", "通报", "公报", "批复",
    "备忘录", "责任书", "协议书", "承诺书", "倡议书", "任务书", "标准", "共识", "规范", "法", "法典", "章程",
    "要点", "计划", "行动", "决议", "宣言", "准则", "守则", "指引", "导则", "规程", "议定书", "纪要",
    "路线图", "制度", "公约", "条约", "宪章", "协定", "议程", "法案", "草案", "规则", "建议", "通则", "红皮书",
    "手册", "程序", "流程", "须知", "问答", "倡议", "决定书", "通知书", "预算", "年报", "提纲", "大纲", "文件",
)  # fmt: skip
#: Words that, before a kind of document, leave it a kind (``《工作方案》``, ``《实施意见》``).
_KIND_WORDS = ("工作", "实施", "指导", "行动", "管理", "若干", "总体", "专项", "具体", "配套", "暂行", "有关")
#: Last words of the titles of periodicals, books, songs and poems.
_WORK_ENDS = (
    "报", "刊", "杂志", "文摘", "丛书", "全集", "文集", "选集", "诗集", "画册", "词典", "辞典", "小说", "教材",
    "读本", "绘本", "之歌", "歌", "曲", "颂", "谣", "赋", "诗", "全书", "教科书", "精粹", "专辑", "录", "展览", "展",
    "画集", "影集",
)  # fmt: skip
#: Words just before or after a run of titles that make them talks (``题为《…》``, ``《…》专题报告``:
#: a talk may be on a plan, ``《…》报告`` alone is the document's own kind) or songs.
_TALK_BEFORE = re.compile(r"(?:题为|一曲|一首|演唱|合唱|齐唱|独唱|歌曲|朗诵|朗读|诵读)了?$")
_TALK_AFTER = re.compile(
    r"^的?(?:(?:专题|主题)(?:讲座|报告|讲话|党课|辅导|宣讲|授课)|讲座|讲话|演讲|授课|党课|宣讲|报告会|为题|一文"
    r"|歌曲|节目|栏目|专栏|选段|片段)"
)
#: Words around a title that ends in no kind of document which make it a work: a book, film, play,
#: painting or periodical (``长篇小说《…》``, ``《…》剧组``, ``作家某某的《…》``), as general news writes them.
_WORK_BEFORE = re.compile(
    r"(?:小说|电视剧|连续剧|舞剧|歌剧|音乐剧|话剧|京剧|豫剧|越剧|戏曲|剧目|名剧|剧本|舞蹈|演奏|演出|上演|电影|影片|"
    r"纪录片|专题片|宣传片|作品|新著|新作|力作|代表作|成名作|名著|名作|散文|诗|油画|国画|全景画|照片|光盘|专辑|杂志|"
    r"周刊|月刊|期刊|图书|书籍|新书|著作|专著|主编|编著|一部|一本|一篇|这篇|该书|所著|撰写|创作|拍摄|改编|录制|连载|"
    r"刊载|刊登|读到|看过|看完|观看|放映|阅读|出版|论文|作家|诗人|画家|导演|编剧|作者)(?:[\u4e00-\u9fff]{2,3}的)?了?$"
)
_WORK_AFTER = re.compile(
    r"^(?:杂志|周刊|月刊|剧组|剧本|一剧|一书|首发|出版|发行|改编|编剧|导演|主演|作者|专版|创刊|展览|图片展|画展|演出|"
    r"上演|光盘|唱片|专辑)"
)
_TITLE = re.compile(r"《([^《》]{2,60})》")
#: Titles written one after another (《甲》《乙》, 《甲》、《乙》) share the words around them.
_RUN_GAP = re.compile(r"^[、,及和与]?$")
_PHRASE_PUNCT = re.compile(r"[,:;!?]")
#: Outranks every other rule's candidate: nothing inside a title is a mention.
_PRIORITY = 3


def _head(name: str) -> str:
    return max((h for h in DOC_HEADS if name.endswith(h)), key=len, default="")


def _kind_only(name: str, head: str) -> bool:
    """``意见``, ``工作方案``, ``行动计划``: a kind of document and words that say nothing of which."""
    rest = name[: len(name) - len(head)]
    while rest:
        word = next((w for w in (*_KIND_WORDS, *DOC_HEADS) if rest.endswith(w)), "")
        if not word:
            return False
        rest = rest[: -len(word)]
    return True


def _runs(text: str) -> list[list[re.Match[str]]]:
    """The titles of ``text`` grouped into runs of adjacent ones."""
    runs: list[list[re.Match[str]]] = []
    for m in _TITLE.finditer(text):
        if runs and _RUN_GAP.match(text[runs[-1][-1].end() : m.start()].strip()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _claimed(m: re.Match[str], found: list[Candidate]) -> bool:
    """An earlier rule took the whole title: a newspaper (an organization), a show (a program)."""
    return any(c.start <= m.start(1) and m.end(1) <= c.end and c.label != "DOC" for c in found)


def _by_a_person(m: re.Match[str], found: list[Candidate]) -> bool:
    """``某某的《…》``, ``宋人某某《…》``: a title written after its author's name is a work (a
    document is issued by a body, not written by a person)."""
    ends = {m.start(), m.start() - 1} if m.string[m.start() - 1 : m.start()] == "的" else {m.start()}
    return any(c.label == "PER" and c.end in ends for c in found)


def documents(text: str, found: list[Candidate] = ()) -> list[Candidate]:
    """Each title in 《》 that names a document: a ``DOC`` mention of the text between the marks.
    A title that ends in a kind of document but names none (``《意见》``, a talk on a plan) vetoes
    what is inside it; the titles of books, songs and talks are left to the other rules."""
    out = []
    for run in _runs(text):
        before = text[max(0, run[0].start() - 6) : run[0].start()]
        after = text[run[-1].end() : run[-1].end() + 6]
        talk = bool(_TALK_BEFORE.search(before) or _TALK_AFTER.match(after))
        work = bool(_WORK_BEFORE.search(before) or _WORK_AFTER.match(after)) or _by_a_person(run[0], found)
        for m in run:
            if _claimed(m, found):
                continue
            name = canonical_document(m.group(1))
            head = _head(name)
            if head:
                document = not talk and not _kind_only(name, head)
            else:  # no kind of document: in the news 《》 holds documents, unless anything says it is a work
                document = not (talk or work or name.endswith(_WORK_ENDS) or _PHRASE_PUNCT.search(name))
            if document:
                out.append(Candidate(m.start(1), m.end(1), "DOC", "document", priority=_PRIORITY))
            elif head:  # a kind of document, or a talk on one: nothing inside is a mention either
                out.append(Candidate(m.start(), m.end(), "DOC", "title", _PRIORITY, mention=False, veto=True))
    return out


#: Kinds of paper that are signed or issued (not 行动, 计划: quoted, those name programs).
_PAPER_HEADS = (
    "通知", "意见", "纲要", "规划", "办法", "方案", "规定", "条例", "协议", "决定", "指南", "细则", "措施", "名录",
    "清单", "名单", "备忘录", "责任书", "协议书", "承诺书", "倡议书", "任务书", "决议", "宣言", "公约", "协定",
    "议定书", "章程", "合作框架协议",
)  # fmt: skip
#: A title in quotation marks right after a verb of signing or issuing (签订了“某某责任书”).
#: Quoted, a paper's own words must say whose or which it is (某医院对口帮扶某县医院|责任书):
#: a kind of aid or work before the head (对口支援|协议书) names no one paper.
_MIN_QUOTED_NAME = 6
_QUOTED_PAPER = re.compile(r"(?:签订|签署|印发|出台|制定|下发|颁布|发布)了?“([^“”]{4,40})”")


def quoted_papers(text: str) -> list[Candidate]:
    """``签订了“某某医院对口帮扶某县医院责任书”``: a document's title in quotation marks, where
    the verb before it signs or issues it and its last word is a kind of paper; not a kind alone
    nor a short one (``签订了“对口支援协议书”``: an agreement of a kind)."""
    out = []
    for m in _QUOTED_PAPER.finditer(text):
        name = canonical_document(m.group(1))
        head = max((h for h in _PAPER_HEADS if name.endswith(h)), key=len, default="")
        if head and len(name) - len(head) >= _MIN_QUOTED_NAME and not _kind_only(name, head):
            out.append(Candidate(m.start(1), m.end(1), "DOC", "quoted document", priority=_PRIORITY))
    return out


@registry.misc("kg.document_rules.v1")
def make_document_rules() -> Rule:
    def document_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        return documents(text, found) + quoted_papers(text)

    return document_rules
