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
* a talk, song or book by the words around it (``题为《…》``, ``《…》专题讲座``,
  ``一曲《…》``, ``以《甲》《乙》为题``): a run of titles shares its context;
* a phrase with a comma or colon in it (``《协同，传承：某某实践》``), a talk's or an
  article's title rather than a document's, unless its last word names a kind of document;
* a title that is nothing but a kind of document (``《意见》``, ``《工作方案》``): the short
  form of a document named in full elsewhere, which names none by itself.
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.names import canonical_document
from kg.nlp.candidate import Candidate, Rule

#: The last words of a policy document's title: what kind of paper it is.
DOC_HEADS = (
    "通知", "意见", "纲要", "规划", "办法", "方案", "规定", "条例", "协议", "决定", "报告", "指南", "细则",
    "措施", "目录", "名录", "清单", "名单", "白皮书", "蓝皮书", "公告", "通告", "通报", "公报", "批复",
    "备忘录", "责任书", "协议书", "承诺书", "倡议书", "任务书", "标准", "共识", "规范", "法", "法典", "章程",
    "要点", "计划", "行动", "决议", "宣言", "准则", "守则", "指引", "导则", "规程", "议定书", "纪要",
    "路线图", "制度",
)  # fmt: skip
#: Words that, before a kind of document, leave it a kind (``《工作方案》``, ``《实施意见》``).
_KIND_WORDS = ("工作", "实施", "指导", "行动", "管理", "若干", "总体", "专项", "具体", "配套", "暂行", "有关")
#: Last words of the titles of periodicals, books, songs and poems.
_WORK_ENDS = (
    "报", "刊", "杂志", "文摘", "丛书", "全集", "文集", "选集", "诗集", "画册", "词典", "辞典", "小说", "教材",
    "读本", "绘本", "之歌", "歌", "曲", "颂", "谣", "赋", "诗",
)  # fmt: skip
#: Words just before a run of titles that make them a talk, song, show or book.
_WORK_BEFORE = re.compile(
    r"(?:题为|一曲|一首|演唱|合唱|齐唱|独唱|歌曲|朗诵|朗读|诵读|阅读|舞蹈|演奏|演出|上演|观看|放映|电影|影片|纪录片|话剧|"
    r"出版|新书|著作|专著|主编|编著)了?$"
)
#: Words just after a run of titles that make them a talk, song, show or book (``《…》专题报告``
#: is a talk; ``《…》报告`` alone may be the document's own kind).
_WORK_AFTER = re.compile(
    r"^的?(?:(?:专题|主题)(?:讲座|报告|讲话|党课|辅导|宣讲|授课)|讲座|讲话|演讲|授课|党课|宣讲|报告会|为题|一书|一文"
    r"|歌曲|节目|栏目|专栏|选段|片段)"
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


def documents(text: str, found: list[Candidate] = ()) -> list[Candidate]:
    """Each title in 《》 that names a document: a ``DOC`` mention of the text between the marks.
    A title that ends in a kind of document but names none (``《意见》``, a talk on a plan) vetoes
    what is inside it; the titles of books, songs and talks are left to the other rules."""
    out = []
    for run in _runs(text):
        work = bool(_WORK_BEFORE.search(text[max(0, run[0].start() - 4) : run[0].start()])) or bool(
            _WORK_AFTER.match(text[run[-1].end() : run[-1].end() + 6])
        )
        for m in run:
            if _claimed(m, found):
                continue
            name = canonical_document(m.group(1))
            head = _head(name)
            document = not work and not (head and _kind_only(name, head))
            if document and not head:
                document = not name.endswith(_WORK_ENDS) and not _PHRASE_PUNCT.search(name)
            if document:
                out.append(Candidate(m.start(1), m.end(1), "DOC", "document", priority=_PRIORITY))
            elif head:  # a kind of document, or a talk on one: nothing inside is a mention either
                out.append(Candidate(m.start(), m.end(), "DOC", "title", _PRIORITY, mention=False, veto=True))
    return out


@registry.misc("kg.document_rules.v1")
def make_document_rules() -> Rule:
    def document_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        return documents(text, found)

    return document_rules
