"""The corrections file: merge names, keep names apart, set a canonical name."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.link.aliases import Aliases, load_aliases
from kg.link.corpus import LinkSettings, link
from kg.model import DocResult, Document, Mention


def doc_result(doc_id: str, text: str, labelled: list[tuple[str, str]]) -> DocResult:
    document = Document(doc_id, doc_id, text, text, tuple(range(len(text) + 1)))
    mentions, pos = [], 0
    for surface, label in labelled:
        start = text.index(surface, pos)
        mentions.append(Mention(doc_id, start, start + len(surface), label, surface, (0, len(text))))
        pos = start + 1
    return DocResult(document, tuple(mentions), (), ((0, len(text)),))


def entity_of(entities, surface: str) -> str:
    return next(e.name for e in entities if any(m.text == surface for m in e.mentions))


TEXT = "厦门大学附属第一医院王占祥院长表示,第一医院与北京医联党委和各位专家建立战略合作帮扶关系"
LABELLED = [("厦门大学附属第一医院", "ORG"), ("第一医院", "ORG"), ("北京医联党委", "ORG")]


def test_aliases_toml_merge_split_and_canonical(tmp_path):
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[[merge]]\nnames = ["北京医联党委", "中国北京市医疗健康领域基金会第一联合委员会"]\n'
        'canonical = "中国北京市医疗健康领域基金会第一联合委员会"\n\n'
        '[[split]]\nnames = ["第一医院", "厦门大学附属第一医院"]\n',
        encoding="utf-8",
    )
    aliases = load_aliases(path)
    assert aliases.canonical("北京医联党委") == "中国北京市医疗健康领域基金会第一联合委员会"
    assert aliases.apart("厦门大学附属第一医院", "第一医院")


def test_aliases_tsv(tmp_path):
    path = tmp_path / "aliases.tsv"
    lines = [
        "# corrections",
        "北京医联党委\t中国北京市医疗健康领域基金会第一联合委员会",
        "第一医院\t!厦门大学附属第一医院",
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    aliases = load_aliases(path)
    assert aliases.canonical("北京医联党委") == "中国北京市医疗健康领域基金会第一联合委员会"
    assert aliases.apart("第一医院", "厦门大学附属第一医院")


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("bad.tsv", "北京医联党委 中国北京市医疗健康领域基金会第一联合委员会\n", "line 1: expected"),
        ("bad.toml", "[[merge]\n", "not valid TOML"),
        ("few.toml", '[[split]]\nnames = ["第一医院"]\n', "split #1: needs"),
    ],
)
def test_aliases_bad_file_is_one_line_error_naming_it(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as caught:
        load_aliases(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_aliases_force_and_forbid_links():
    aliases = Aliases(
        merge={"北京医联党委": "中国北京市医疗健康领域基金会第一联合委员会"},
        split=frozenset({frozenset(("第一医院", "厦门大学附属第一医院"))}),
    )
    plain, _ = link([doc_result("a.txt", TEXT, LABELLED)])
    assert entity_of(plain, "第一医院") == "厦门大学附属第一医院"
    corrected, _ = link([doc_result("a.txt", TEXT, LABELLED)], LinkSettings(aliases=aliases))
    assert entity_of(corrected, "第一医院") == "第一医院"
    assert entity_of(corrected, "北京医联党委") == "中国北京市医疗健康领域基金会第一联合委员会"
