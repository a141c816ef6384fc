"""Documents: a policy document, notice, plan or list named by its title in 《》.

The title's last words say what kind of paper it is (``通知``, ``方案``, ``清单`` ...).
What is written inside a title is part of the title, not of the story: the bodies,
places and programs named in it are no mentions (ANNOTATION.md, ``DOC``).
"""

from __future__ import annotations

import re

from spacy.util import registry

from kg.nlp.candidate import Candidate, Rule

#: A policy document's title in 《》: its last words say what kind of paper it is.
_DOC_HEADS = (
    "通知", "意见", "纲要", "规划", "办法", "方案", "规定", "条例", "协议", "决定", "报告", "指南", "细则",
    "措施", "目录", "清单", "名单", "白皮书", "公告", "通告", "批复", "备忘录", "责任书", "标准",
    "共识", "规范", "法", "章程", "要点", "意见书", "计划", "行动",
)  # fmt: skip
_TITLE = re.compile(r"《([^《》]{2,60})》")


def _documents(text: str) -> list[Candidate]:
    """A policy document's title (``《关于推进某市医联体建设的通知》``) holds no mention: the
    bodies, places and programs named in it are part of the title (ANNOTATION.md, ``DOC``).
    Emitted as vetoes, so nothing inside becomes a mention; a bracketed edition or year
    after the head (``…行动(2019—2030年)``) still ends a title."""
    out = []
    for m in _TITLE.finditer(text):
        title = re.sub(r"\([^()]*\)$", "", m.group(1))
        if title.endswith(_DOC_HEADS):
            out.append(Candidate(m.start(), m.end(), "DOC", "document", priority=3, mention=False, veto=True))
    return out


@registry.misc("kg.document_rules.v1")
def make_document_rules() -> Rule:
    def document_rules(text: str, breaks: frozenset[int], found: list[Candidate]) -> list[Candidate]:
        return _documents(text)

    return document_rules
