"""``kg.read``: paths in, sorted texts out; every bad path becomes an ``InputError`` naming it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.errors import E_EMPTY_FILE, E_EMPTY_FOLDER, E_MISSING, InputError, KgError
from kg.read import find_files, plausible, read_all, read_file

# seed 000, line 5
LINE = "中宣传月。7日，福建省医保基金\n"
# written for these tests: a short news paragraph, in simplified and in traditional characters
PARAGRAPH = (
    "市卫生健康委员会今天在会议中心举行义诊活动，来自三家医院的四十名医生为群众提供免费咨询。\n"
    "活动还安排了健康讲座和急救培训，吸引了200多位居民参加。\n"
)
TRADITIONAL = (
    "市衛生健康委員會今天在會議中心舉行義診活動，來自三家醫院的四十名醫生為群眾提供免費諮詢。\n"
    "活動還安排了健康講座和急救培訓，吸引了200多位居民參加。\n"
)
# a PNG file's first bytes: no text encoding explains them
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def errors_by_path(errors: list[InputError]) -> dict[str, str]:
    return {e.path: e.reason for e in errors}


def test_read_expands_folders_recursively_and_sorts(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "c.txt", LINE)
    write(corpus / "sub" / "deeper" / "a.txt", LINE)
    write(corpus / "sub" / "b.txt", LINE)
    write(corpus / "notes.md", LINE)  # not an article
    files, errors = find_files([corpus])
    assert errors == []
    assert [p.name for p in files] == ["a.txt", "b.txt", "c.txt"]
    assert all(p.is_absolute() for p in files)


def test_read_order_does_not_depend_on_argument_order(tmp_path):
    paths = [write(tmp_path / name, LINE) for name in ("b.txt", "a.txt", "c.txt")]
    forward, _ = read_all(paths)
    backward, _ = read_all(paths[::-1])
    assert [t.doc_id for t in forward] == [t.doc_id for t in backward] == ["a.txt", "b.txt", "c.txt"]


def test_read_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", LINE)
    texts, errors = read_all([tmp_path, path])
    assert errors == []
    assert [t.doc_id for t in texts] == ["a.txt"]


def test_read_bad_inputs_are_errors_naming_the_file_and_good_files_still_read(tmp_path):
    good = write(tmp_path / "good" / "000.txt", LINE)
    missing = tmp_path / "missing"
    empty_folder = tmp_path / "empty_folder"
    empty_folder.mkdir()
    binary = write(tmp_path / "bad" / "image.txt", BINARY)
    empty = write(tmp_path / "bad" / "empty.txt", "")

    texts, errors = read_all([good.parent, missing, empty_folder, binary, empty])

    assert [(t.doc_id, t.text) for t in texts] == [("000.txt", LINE)]
    assert texts[0].source == "000.txt"
    assert all(isinstance(e, InputError) for e in errors)
    reasons = errors_by_path(errors)
    assert len(errors) == len(reasons) == 4
    assert reasons[str(missing)] == E_MISSING
    assert reasons[str(empty_folder)] == E_EMPTY_FOLDER
    assert reasons[str(binary.resolve())].startswith("not text in UTF-8, GB18030, Big5")
    assert reasons[str(empty.resolve())] == E_EMPTY_FILE
    for err in errors:
        assert str(err) == f"{err.path}: {err.reason}"
        assert "\n" not in str(err)


@pytest.mark.parametrize(
    "data",
    [BINARY, "Café crème brûlée\n".encode("latin-1"), PARAGRAPH.encode("utf-16-le")],
    ids=["binary", "latin-1", "utf-16 without a byte-order mark"],
)
def test_read_file_no_encoding_explains_raises_input_error_naming_it(tmp_path, data):
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert info.value.path == str(path)
    assert info.value.reason.startswith("not text in UTF-8, GB18030, Big5 or UTF-16/32")
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "text, codec, recorded",
    [
        (PARAGRAPH, "utf-8", "utf-8"),
        (PARAGRAPH, "utf-8-sig", "utf-8"),
        (PARAGRAPH, "gb18030", "gb18030"),
        (PARAGRAPH, "gbk", "gb18030"),
        (PARAGRAPH, "gb2312", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (PARAGRAPH, "utf-16", "utf-16-le"),  # Python writes a BOM, little endian here
        (TRADITIONAL, "utf-32", "utf-32-le"),
    ],
)
def test_read_file_detects_chinese_encodings(tmp_path, text, codec, recorded):
    path = write(tmp_path / "a.txt", text.encode(codec))
    raw = read_file(path)
    assert raw.text == text
    assert raw.encoding == recorded


@pytest.mark.parametrize("bom, codec", [(b"\xfe\xff", "utf-16-be"), (b"\x00\x00\xfe\xff", "utf-32-be")])
def test_read_file_big_endian_byte_order_marks(tmp_path, bom, codec):
    path = write(tmp_path / "a.txt", bom + PARAGRAPH.encode(codec))
    raw = read_file(path)
    assert (raw.text, raw.encoding) == (PARAGRAPH, codec)


def test_read_all_forced_encoding_is_used_and_recorded(tmp_path):
    write(tmp_path / "a.txt", PARAGRAPH.encode("gbk"))
    texts, errors = read_all([tmp_path], encoding="GBK")
    assert errors == []
    assert [(t.text, t.encoding) for t in texts] == [(PARAGRAPH, "gbk")]

    texts, errors = read_all([tmp_path], encoding="utf-8")
    assert texts == []
    assert [e.reason.split(" (")[0] for e in errors] == ["not utf-8 text"]


@pytest.mark.parametrize("name", ["klingon", "base64"])
def test_read_all_unknown_encoding_is_one_clear_error(tmp_path, name):
    write(tmp_path / "a.txt", PARAGRAPH)
    with pytest.raises(KgError) as info:
        read_all([tmp_path], encoding=name)
    assert str(info.value).startswith(f"unknown encoding {name!r}")


def test_read_plausible_rejects_text_decoded_with_the_wrong_codec():
    assert plausible(PARAGRAPH)
    assert plausible(TRADITIONAL)
    assert not plausible(PARAGRAPH.encode("utf-8").decode("latin-1"))
    assert not plausible("福建\x00省")


@pytest.mark.parametrize("content", ["", "  \n\n\t", "\ufeff"])
def test_read_empty_file_raises_input_error_naming_it(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    with pytest.raises(InputError) as info:
        read_file(path)
    assert (info.value.path, info.value.reason) == (str(path), E_EMPTY_FILE)


def test_read_drops_utf8_bom(tmp_path):
    path = write(tmp_path / "bom.txt", "\ufeff" + LINE)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_file(path).text == LINE


def test_read_same_name_in_two_folders_is_an_error_not_one_id(tmp_path):
    first = write(tmp_path / "x" / "a.txt", LINE)
    second = write(tmp_path / "y" / "a.txt", "北京医联党委\n")
    texts, errors = read_all([tmp_path])
    assert [t.doc_id for t in texts] == ["a.txt"]
    assert len(errors) == 1
    named = {str(first.resolve()), str(second.resolve())}
    assert errors[0].path in named
    (other,) = named - {errors[0].path}
    assert other in errors[0].reason


def test_read_suffix_is_case_insensitive(tmp_path):
    for name in ("a.txt", "b.TXT", "c.Txt"):
        write(tmp_path / name, LINE)
    write(tmp_path / "d.txt.bak", LINE)
    files, errors = find_files([tmp_path])
    assert errors == []
    assert [p.name for p in files] == ["a.txt", "b.TXT", "c.Txt"]


def test_read_symlink_loop_is_reported_once_and_files_read_once(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", LINE)
    write(corpus / "sub" / "b.txt", LINE)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self").symlink_to(".", target_is_directory=True)
    texts, errors = read_all([corpus])
    assert [t.doc_id for t in texts] == ["a.txt", "b.txt"]
    assert sorted((e.path, e.reason.split(" (")[0]) for e in errors) == [
        (str(corpus / "self"), "symbolic link back to a folder it is in"),
        (str(corpus / "sub" / "loop"), "symbolic link back to a folder it is in"),
    ]


def test_read_linked_folder_is_followed_and_a_second_link_to_it_is_no_error(tmp_path):
    shared = write(tmp_path / "shared" / "a.txt", LINE).parent
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", LINE)
    (corpus / "one").symlink_to(shared, target_is_directory=True)
    (corpus / "two").symlink_to(shared, target_is_directory=True)
    files, errors = find_files([corpus])
    assert errors == []
    assert files == [(shared / "a.txt").resolve(), (corpus / "b.txt").resolve()]


def test_read_source_is_the_path_relative_to_the_folder_given_or_the_name(tmp_path):
    corpus = tmp_path / "corpus"
    nested = write(corpus / "2023" / "05" / "a.txt", LINE)
    write(corpus / "b.txt", LINE)
    alone = write(tmp_path / "elsewhere" / "c.txt", LINE)
    texts, errors = read_all([corpus, alone])
    assert errors == []
    assert [(t.doc_id, t.source) for t in texts] == [("a.txt", "2023/05/a.txt"), ("b.txt", "b.txt"), ("c.txt", "c.txt")]
    # a file reached both ways keeps the smaller source, whatever the order of the arguments
    for paths in ([corpus / "2023", nested], [nested, corpus / "2023"]):
        (text,), _ = read_all(paths)
        assert text.source == "05/a.txt"
    assert str(tmp_path) not in repr(read_all([corpus])[0])


def test_read_records_the_sha256_of_the_bytes(tmp_path):
    data = ("\ufeff" + PARAGRAPH).encode("utf-8")
    path = write(tmp_path / "a.txt", data)
    raw = read_file(path)
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.text == PARAGRAPH  # the BOM is not text, but it is part of the file's checksum
    assert read_file(write(tmp_path / "b.txt", PARAGRAPH.encode("gbk"))).sha256 != raw.sha256


def test_read_all_a_crash_while_reading_one_file_is_that_files_error(tmp_path, monkeypatch):
    import kg.read

    (tmp_path / "a.txt").write_text("福建省卫生健康委员会召开会议。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("厦门大学附属第一医院举行义诊。", encoding="utf-8")
    real = kg.read.read_file

    def crash_on_b(path, *args, **kwargs):
        if path.name == "b.txt":
            raise RuntimeError("decoder bug")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(kg.read, "read_file", crash_on_b)
    texts, errors = kg.read.read_all([tmp_path])
    assert [t.doc_id for t in texts] == ["a.txt"]
    assert len(errors) == 1
    assert str(errors[0]).endswith("b.txt: reading failed (RuntimeError: decoder bug)")
