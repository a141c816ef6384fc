"""Tests for kg.evaluate: the scorers' arithmetic on hand-made gold and graphs, the readers, the command.

The graphs are built by hand from a real seed sentence, so these tests pin the
yardstick itself and do not move when the extractor changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

import kg.nlp  # noqa: F401  (registers the Doc extensions kg.extract sets)
from kg import evaluate, model
from kg.build import BuildSettings, make_graph
from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import Counts, load_gold, normalise_mention, read_bio, score_bio, score_linking, score_mentions

A = "000_a.txt"
B = "001_b.txt"
TEXT = (
    "省医保局副局长刘家城表示，福建省医疗保障局、市医保局和厦门大学附属第一医院"
    "将推进医保基金监管安全规范年行动，在福州。"
)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def mention(surface: str, label: str, doc: str = A, text: str | None = None) -> model.Mention:
    start = TEXT.index(surface)
    return model.Mention(doc, start, start + len(surface), label, text or surface, (0, len(TEXT)))


def entity(key: str, *mentions: model.Mention) -> model.Entity:
    label, name = key.split(":", 1)
    variants = tuple(sorted({m.text for m in mentions}))
    return model.Entity(key=key, label=label, name=name, variants=variants, mentions=mentions)


def graph(*entities: model.Entity, relations: tuple[model.Relation, ...] = (), docs=(A, B)) -> model.Graph:
    documents = tuple(model.Document(d, d, TEXT, TEXT, tuple(range(len(TEXT) + 1))) for d in docs)
    return model.Graph(documents=documents, entities=entities, relations=relations)


def write_gold(folder: Path, *docs: dict) -> dict[str, evaluate.GoldDoc]:
    folder.mkdir(exist_ok=True)
    for doc in docs:
        (folder / doc["doc"].replace(".txt", ".json")).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return load_gold(folder)


def ent(type_: str, id_: str, *mentions: str) -> dict:
    return {"id": id_, "type": type_, "mentions": list(mentions)}


def test_normalise_mention_follows_annotation_md():
    assert normalise_mention("“医保基金\n监管 安全”") == "医保基金监管安全"
    assert normalise_mention("《健康福建》「」『』【】〈〉‘’\"'") == "健康福建"
    assert normalise_mention("２０２３年\u3000ＨＩＣ") == "2023年HIC"  # full-width -> ASCII; ideographic space
    assert normalise_mention("朱 鹏 立") == "朱鹏立"


def test_counts_arithmetic():
    c = Counts(tp=2, fp=1, fn=3)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 5)
    assert c.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert c.support == 5
    assert Counts() == Counts(0, 0, 0)
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)
    assert c + Counts(1, 1, 1) == Counts(3, 2, 4)


def test_score_mentions_per_type_micro_and_errors(tmp_path):
    gold = write_gold(tmp_path / "gold", {
        "doc": A,
        "entities": [
            ent("PER", "刘家城", "刘 家城"),  # annotator left OCR whitespace in: normalised away
            ent("ORG", "福建省医疗保障局", "省医保局", "福建省医疗保障局"),
            ent("LOC", "福州市", "福州"),
            ent("PROG", "医保基金监管安全规范年行动", "“医保基金监管安全规范年行动”"),
            ent("DOC", "《通知》", "《通知》"),
        ],
        "relations": [],
    })
    g = graph(
        # twice in A: counts once; B has no gold file: not scored
        entity("PER:刘家城", mention("刘家城", "PER"), mention("刘家城", "PER"), mention("刘家城", "PER", doc=B)),
        entity("ORG:福建省医疗保障局", mention("省医保局", "ORG"), mention("福建省医疗保障局", "ORG")),
        entity("ORG:厦门大学附属第一医院", mention("厦门大学附属第一医院", "ORG")),  # not in gold
        entity("PROG:医保基金监管安全规范年行动",
               mention("医保基金监管安全规范年行动", "PROG", text="“医保基金监管安全规范年行动”")),
        entity("DOC:表示", mention("表示", "DOC")),  # DOC scored like the others: a false positive
    )
    scores = score_mentions(g, gold)
    assert set(scores.per_type) == {"PER", "ORG", "LOC", "PROG", "DOC"}
    assert scores.per_type["PER"] == Counts(1, 0, 0)
    assert scores.per_type["ORG"] == Counts(2, 1, 0)
    assert scores.per_type["LOC"] == Counts(0, 0, 1)
    assert scores.per_type["PROG"] == Counts(1, 0, 0)
    assert scores.per_type["DOC"] == Counts(0, 1, 1)
    assert scores.micro == Counts(4, 2, 2)  # micro counts DOC too
    assert scores.micro.precision == pytest.approx(4 / 6) and scores.micro.f1 == pytest.approx(4 / 6)
    assert scores.false_positives["ORG"] == ((A, "厦门大学附属第一医院"),)
    assert scores.false_negatives["LOC"] == ((A, "福州"),)
    assert scores.false_positives["DOC"] == ((A, "表示"),)
    assert scores.false_negatives["DOC"] == ((A, "通知"),)


def test_score_mentions_document_title_compares_without_marks_and_links_by_title(tmp_path):
    # Gold writes a title with or without 《》 and its quotes; the graph's mention is the text between
    # the marks. The same title in two articles is one gold entity and must be one graph entity.
    title = "某市“十四五”控烟工作规划(征求意见稿)"
    gold = write_gold(
        tmp_path / "gold",
        {"doc": A, "entities": [ent("DOC", "某市十四五控烟工作规划", "《某市“十四五”控烟工作规划(征求意见稿)》")]},
        {"doc": B, "entities": [ent("DOC", "某市十四五控烟工作规划", "某市十四五控烟工作规划(征求意见稿)")]},
    )

    def doc_mention(doc: str) -> model.Mention:
        return model.Mention(doc, 0, len(title), "DOC", title, (0, len(TEXT)))

    one = entity("DOC:某市十四五控烟工作规划", doc_mention(A), doc_mention(B))
    assert score_mentions(graph(one), gold).per_type["DOC"] == Counts(2, 0, 0)
    assert score_linking(graph(one), gold).per_type["across"] == Counts(1, 0, 0)
    two = (entity("DOC:甲", doc_mention(A)), entity("DOC:乙", doc_mention(B)))
    assert score_linking(graph(*two), gold).per_type["across"] == Counts(0, 0, 1)


def test_gold_document_not_in_graph_is_not_scored(tmp_path):
    gold = write_gold(tmp_path / "gold", {"doc": "999_unread.txt", "entities": [ent("PER", "刘家城", "刘家城")]})
    assert score_mentions(graph(), gold).micro == Counts()


def test_linking_pairs_within_and_across_documents(tmp_path):
    gold = write_gold(
        tmp_path / "gold",
        {"doc": A, "entities": [ent("ORG", "福建省医疗保障局", "福建省医疗保障局", "省医保局"),
                                ent("ORG", "福州市医疗保障局", "市医保局"), ent("PER", "刘家城", "刘家城"),
                                ent("LOC", "福州市", "福州")]},
        {"doc": B, "entities": [ent("ORG", "福建省医疗保障局", "省医保局")]},
    )
    g = graph(
        # wrongly holds 市医保局 and links A's full name with B's short form (right)
        entity("ORG:福建省医疗保障局", mention("福建省医疗保障局", "ORG"), mention("市医保局", "ORG"),
               mention("省医保局", "ORG", doc=B)),
        entity("ORG:省医保局", mention("省医保局", "ORG")),  # failed to link within A
        entity("PER:刘家城", mention("刘家城", "PER")),
    )  # 福州 is missed: not a linking error
    links = score_linking(g, gold)
    # within A: gold links (福建省医疗保障局, 省医保局); graph links (福建省医疗保障局, 市医保局)
    assert links.per_type["within"] == Counts(tp=0, fp=1, fn=1)
    # across: gold links A/福建省医疗保障局 and A/省医保局 with B/省医保局; graph links A/福建省医疗保障局
    # and A/市医保局 with B/省医保局
    assert links.per_type["across"] == Counts(tp=1, fp=1, fn=1)
    assert links.micro.precision == pytest.approx(1 / 3) and links.micro.recall == pytest.approx(1 / 3)
    assert links.false_negatives["within"] == (((A, "ORG", "省医保局"), (A, "ORG", "福建省医疗保障局")),)


def test_relations_map_entities_through_mentions_and_names(tmp_path):
    gold = write_gold(tmp_path / "gold", {
        "doc": A,
        "entities": [ent("PER", "刘家城", "刘家城"), ent("ORG", "福建省医疗保障局", "省医保局"),
                     ent("ORG", "厦门大学附属第一医院", "厦门大学附属第一医院"), ent("ORG", "厦门大学")],
        "relations": [
            {"rel": "role", "person": "刘家城", "role": "副局长", "org": "福建省医疗保障局"},
            {"rel": "role", "person": "王占祥", "role": "院长", "org": "厦门大学附属第一医院"},
            {"rel": "suborg", "child": "厦门大学附属第一医院", "parent": "厦门大学"},
            {"rel": "partner", "a": "厦门大学附属第一医院", "b": "福建省医疗保障局"},
            {"rel": "organizer", "program": "x", "org": "福建省医疗保障局"},
        ],
    })
    evidence = ((A, 0, len(TEXT)),)
    g = graph(
        entity("PER:刘家城", mention("刘家城", "PER")),
        entity("ORG:省医保局", mention("省医保局", "ORG")),  # unlinked name: mapped through its mention
        entity("ORG:厦门大学附属第一医院", mention("厦门大学附属第一医院", "ORG")),
        entity("ORG:厦门大学"),  # no mentions: mapped by its name
        relations=(
            model.Relation("role", "PER:刘家城", "ORG:省医保局", "副局长", evidence=evidence),
            model.Relation("role", "PER:刘家城", None, "教授", evidence=evidence),
            model.Relation("role", "PER:刘家城", None, "主任", evidence=((B, 0, 5),)),  # no gold for B
            model.Relation("suborg", "ORG:厦门大学附属第一医院", "ORG:厦门大学"),
            model.Relation("partner", "ORG:省医保局", "ORG:厦门大学附属第一医院", evidence=evidence),
            model.Relation("cooccur", "PER:刘家城", "ORG:省医保局", evidence=evidence),
        ),
    )
    assert evaluate.map_entities(g, gold)["ORG:省医保局"] == "福建省医疗保障局"
    rel = evaluate.score_relations(g, gold)
    assert rel.per_type["role"] == Counts(tp=1, fp=1, fn=1)
    assert rel.per_type["role"].f1 == pytest.approx(0.5)
    assert rel.false_positives["role"] == (("刘家城", "教授", ""),)
    assert rel.false_negatives["role"] == (("王占祥", "院长", "厦门大学附属第一医院"),)
    assert rel.per_type["suborg"] == Counts(tp=1, fp=0, fn=0)
    assert rel.per_type["partner"] == Counts(tp=1, fp=0, fn=0)  # a pair in either order
    assert rel.per_type["organizer"] == Counts(tp=0, fp=0, fn=1)
    assert "role" in evaluate.format_gold(score_mentions(g, gold), score_linking(g, gold), rel, show_errors=True)


@pytest.mark.parametrize(
    ("content", "reason"),
    [('{"doc": ', "invalid JSON (line 1"), ('{"doc": "x.txt", "entities": [{"type": "PER"}]}', "not a gold file")],
)
def test_load_gold_names_the_bad_file(tmp_path, content, reason):
    (tmp_path / "bad.json").write_text(content, "utf-8")
    with pytest.raises(InputError) as info:
        load_gold(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'bad.json'}: {reason}")
    with pytest.raises(InputError, match="no such folder"):
        load_gold(tmp_path / "missing")


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_read_bio_space_or_tab(tmp_path, sep):
    rows = ["中 B-LOC", "国 I-LOC", "人 O", "", "", "张 B-PER", "三 I-PER", "在 O", "北 S-LOC", "",
            "福 B-ORG", "建 M-ORG", "报 E-ORG", "社 I-ORG", "x O", "　 O"]  # I- after E- starts a span
    path = tmp_path / "s.bio"
    path.write_text("\r\n".join(r.replace(" ", sep, 1) if r[:1] != "　" else "　" + sep + "O" for r in rows) + "\n\n",
                    "utf-8")
    assert read_bio(path) == [
        ("中国人", [(0, 2, "LOC")]),
        ("张三在北", [(0, 2, "PER"), (3, 4, "LOC")]),
        ("福建报社x　", [(0, 3, "ORG"), (3, 4, "ORG")]),
    ]


def test_score_bio_maps_nfkc_spans_back(tmp_path):
    nlp = spacy.blank("zh")  # character tokens; a ruler stands in for the extractor
    patterns = (("PER", "刘家城"), ("ORG", "省医保局"), ("PROG", "表示"))
    nlp.add_pipe("entity_ruler").add_patterns([{"label": label, "pattern": text} for label, text in patterns])
    # ⑴ becomes "(1)" under NFKC: the system's offsets shift by two and must be mapped back.
    sentences = [("⑴刘家城表示", ["O", "B-PER", "I-PER", "I-PER", "O", "O"]),
                 ("省医保局在福州", ["O"] * 5 + ["B-LOC", "I-LOC"])]
    path = tmp_path / "s.bio"
    path.write_text("\n\n".join("\n".join(f"{c} {t}" for c, t in zip(s, tags, strict=True)) for s, tags in sentences),
                    "utf-8")
    bio = score_bio(nlp, path)
    assert bio.scores.per_type == {"PER": Counts(1, 0, 0), "LOC": Counts(0, 0, 1), "ORG": Counts(0, 1, 0)}
    assert bio.scores.false_positives["ORG"] == ((1, 0, 4, "省医保局"),)
    assert (bio.sentences, bio.chars) == (2, 13)
    assert score_bio(nlp, path, limit=1).scores.micro == Counts(1, 0, 0)
    assert "chars/s" in evaluate.format_bio(bio, show_errors=True)


def test_eval_command_errors_are_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'missing'}: no such folder"
    (tmp_path / "bad.json").write_text("{", "utf-8")
    result = runner.invoke(cli, ["eval", str(tmp_path)])
    assert result.exit_code == 1 and "bad.json: invalid JSON" in result.output
    assert runner.invoke(cli, ["eval"]).exit_code == 2


@pytest.mark.slow
def test_seeds_against_shared_gold():
    if not (SHARED / "gold").is_dir():
        pytest.fail(f"no shared gold folder at {SHARED} (../shared lies beside the project, as in CI)")
    gold = load_gold(SHARED / "gold")
    g, _ = make_graph([SEEDS], BuildSettings())
    scores = score_mentions(g, gold)
    assert set(scores.per_type) == {"PER", "ORG", "LOC", "PROG", "DOC"}
    for c in [*scores.per_type.values(), scores.micro]:
        assert c.support > 0
        assert all(0.0 <= x <= 1.0 for x in (c.precision, c.recall, c.f1))


def test_split_gold_by_document_or_gold_file_name(tmp_path):
    docs = ("fjt_01.txt", "fjt_08.txt", "gnt_10.txt", "pvt_07.txt")
    gold = write_gold(tmp_path / "gold", *({"doc": d, "entities": []} for d in docs))
    dev, check = evaluate.split_gold(gold, "*_08.*,*_09.*,*_10.*")
    assert sorted(dev) == ["fjt_01.txt", "pvt_07.txt"] and sorted(check) == ["fjt_08.txt", "gnt_10.txt"]
    dev, check = evaluate.split_gold(gold, " pvt_07.json , ")  # a gold file's name, spaces ignored
    assert sorted(check) == ["pvt_07.txt"] and len(dev) == 3


def test_format_split_columns_and_development_errors_only(tmp_path):
    gold = write_gold(
        tmp_path / "gold",
        {"doc": A, "entities": [ent("ORG", "福建省医疗保障局", "省医保局"), ent("LOC", "福州市", "福州")]},
        {"doc": B, "entities": [ent("ORG", "厦门大学附属第一医院", "厦门大学附属第一医院")]},
    )
    g = graph(
        entity("ORG:福建省医疗保障局", mention("省医保局", "ORG")),
        entity("PER:刘家城", mention("刘家城", "PER", doc=B)),  # a false positive of the check split
    )
    dev, check = evaluate.split_gold(gold, B)
    dev_report, check_report = evaluate.score_all(g, dev), evaluate.score_all(g, check)
    assert dev_report.mentions.per_type["ORG"] == Counts(1, 0, 0) and dev_report.documents == 1
    assert check_report.mentions.micro == Counts(0, 1, 1)
    text = evaluate.format_split(dev_report, check_report, show_errors=True)
    lines = text.splitlines()
    assert "development (1 docs)" in lines[0] and "check (1 docs)" in lines[0]
    org = next(line for line in lines if line.startswith("ORG"))
    assert org.split() == ["ORG", "1.000", "1.000", "1.000", "1", "0.000", "0.000", "0.000", "1"]
    assert f"{A}  福州" in text  # the development split's miss is listed
    assert B not in text and "刘家城" not in text  # nothing of the check split's errors


def test_eval_command_check_split_on_seeds(seeds_dir):
    if not (SHARED / "gold").is_dir():
        pytest.fail(f"no shared gold folder at {SHARED} (../shared lies beside the project, as in CI)")
    held_out = "001_1d51f59310643ad7"
    result = CliRunner().invoke(
        cli, ["eval", str(SHARED / "gold"), str(seeds_dir), "--check", f"{held_out}.*", "--errors"]
    )
    assert result.exit_code == 0, result.output
    assert "development (1 docs)" in result.output and "check (1 docs)" in result.output
    assert "ORG false negatives (" in result.output  # development errors are listed …
    assert held_out not in result.output  # … never the check split's
