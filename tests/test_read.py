"""``kg.read``: paths in, sorted texts out; every bad path becomes an ``InputError`` naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import E_EMPTY_FILE, E_EMPTY_FOLDER, E_MISSING, InputError
from kg.read import find_files, read_all, read_file

# seed 000, line 5
LINE = "中宣传月。7日，福建省医保基金\n"


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
    gbk = write(tmp_path / "bad" / "gbk.txt", "福建".encode("gbk"))
    empty = write(tmp_path / "bad" / "empty.txt", "")

    texts, errors = read_all([good.parent, missing, empty_folder, gbk, empty])

    assert [(t.doc_id, t.text) for t in texts] == [("000.txt", LINE)]
    assert texts[0].source == str(good.resolve())
    assert all(isinstance(e, InputError) for e in errors)
    reasons = errors_by_path(errors)
    assert len(errors) == len(reasons) == 4
    assert reasons[str(missing)] == E_MISSING
    assert reasons[str(empty_folder)] == E_EMPTY_FOLDER
    assert reasons[str(gbk.resolve())].startswith("not UTF-8")
    assert reasons[str(empty.resolve())] == E_EMPTY_FILE
    for err in errors:
        assert str(err) == f"{err.path}: {err.reason}"
        assert "\n" not in str(err)


def test_read_non_utf8_file_raises_input_error_naming_it(tmp_path):
    gbk = write(tmp_path / "gbk.txt", "福建".encode("gbk"))
    with pytest.raises(InputError) as info:
        read_file(gbk)
    assert info.value.path == str(gbk)
    assert "not UTF-8" in str(info.value)
    assert str(gbk) in str(info.value)


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
