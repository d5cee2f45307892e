"""Bad input: every unusable file gives one line naming it, exit code 2, and the other files are
still processed. Encodings other than UTF-8 are read correctly."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

import linter.readers
from linter.readers import InputError, decode, iter_input_files, read_path

GOOD = Path(__file__).parent / "data" / "yaml" / "project.yaml"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gbk"),
        ("utf-16", "utf-16"),  # with BOM, in the machine's byte order
        ("utf-16-be", "utf-16-be"),  # no BOM: recognised by where the NULs of ASCII fall
        ("utf-16-le", "utf-16-le"),
    ],
)
def test_encodings_are_detected_and_decoded(tmp_path, codec, expected):
    path = tmp_path / f"t-{codec}.yaml"
    path.write_bytes(GOOD_TEXT.encode(codec))
    doc = read_path(path)
    assert doc.encoding == expected
    assert doc.title == "本级预算项目绩效目标表"
    assert doc.tables[0].indicators[0].name == "按岗位需求派驻的劳务派遣人数"


def test_utf16_with_big_endian_bom(tmp_path):
    path = tmp_path / "be.yaml"
    path.write_bytes(b"\xfe\xff" + GOOD_TEXT.encode("utf-16-be"))
    assert read_path(path).tables[0].name == "应急管理局劳务派遣经费"


def test_gb18030_characters_outside_gbk():
    text = "项目名称\t𠀀应急经费"  # U+20000 exists only in GB18030
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_big5_text_is_read_as_big5_and_gives_the_rows_of_its_utf8():
    # b01 is printed in traditional characters: as a Big5 file (Taiwan and Hong Kong tools) it must
    # read as such, not as GBK mojibake and "no table"
    corpus = Path(__file__).parent / "corpus"
    (utf8,) = corpus.glob("b01_*.txt")
    text = utf8.read_text(encoding="utf-8")
    decoded, codec = decode(text.encode("big5", "replace"))
    assert codec == "big5"
    assert "岳陽樓區" in decoded and "一級" in decoded


def test_shift_jis_is_an_encoding_error_not_a_file_of_mojibake(cli, tmp_path):
    path = tmp_path / "sjis.txt"
    path.write_bytes(
        (Path(__file__).parent.parent / "examples" / "000_8b9eba17efc00524.txt")
        .read_text(encoding="utf-8")
        .encode("shift_jis", "replace")
    )
    result = cli("check", "--lang", "en", path)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}: cannot tell the text encoding (not Chinese in UTF-8, GBK or Big5)"
    ]
    result = cli("check", path)
    assert result.stderr.splitlines() == [f"{path}: 无法识别文字编码（不是 UTF-8、GBK 或 Big5 编码的中文）"]


def test_a_negative_value_is_parsed_not_taken_for_an_option(cli):
    result = cli("parse", "-5%", "≥95%")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("-5%\t")


def test_verbose_reports_the_encoding(tmp_path, capsys):
    path = tmp_path / "g.yaml"
    path.write_bytes(GOOD_TEXT.encode("gbk"))
    read_path(path, verbose=True)
    assert capsys.readouterr().err == f"{path}: gbk, yaml, 1 table(s)\n"


# --------------------------------------------------------------------------- one line per bad file


def _cases(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, the exact line expected on stderr)."""

    def write(name: str, data: bytes) -> Path:
        p = tmp_path / name
        p.write_bytes(data)
        return p

    empty = write("empty.txt", b"")
    blank = write("blank.yaml", b"  \n\n\t\n")
    binary = write("image.txt", bytes(range(256)) * 4)
    no_table = write("none.yaml", "title: 本级预算项目绩效目标表\ntables: []\n".encode())
    broken = write("broken.yaml", b"tables:\n  - name: x\n    indicators: [a, b\n")
    unknown = write("unknown.yaml", b"tables:\n  - name: x\n    colour: red\n")
    misspelt = write("misspelt.yaml", GOOD_TEXT.replace("        value: 1人", "        vlaue: 1人").encode())
    office = write("t.xlsx", b"PK\x03\x04" + b"\x00" * 100)
    folder = tmp_path / "nothing_here"
    folder.mkdir()
    (folder / "notes.log").write_text("x")
    missing = tmp_path / "missing.txt"
    return {
        "empty": (empty, f"{empty}: 空文件 / empty file"),
        "blank": (blank, f"{blank}: 空文件 / empty file"),
        "binary": (
            binary,
            f"{binary}: 不是文本文件（二进制内容或无法识别的编码） / not a text file "
            "(binary content or unknown encoding)",
        ),
        "no table": (no_table, f"{no_table}: 未找到绩效目标表 / no target table found"),
        "broken yaml": (
            broken,
            f"{broken}:4: YAML 格式错误：did not find expected ',' or ']' / "
            "broken YAML: did not find expected ',' or ']'",
        ),
        "unknown key": (unknown, f"{unknown}:3: 表中有未知键 'colour' / unknown key 'colour' in table"),
        "misspelt key": (
            misspelt,
            f"{misspelt}:20: 指标中有未知键 'vlaue'，是否应为 'value'？ / "
            "unknown key 'vlaue' in indicator (did you mean 'value'?)",
        ),
        "office": (
            office,
            f"{office}: 文件已损坏（不是完整的 zip/Office 文件） / "
            "file is damaged (not a complete zip/Office file)",
        ),
        "empty folder": (folder, f"{folder}: 文件夹中没有目标表文件 / no table files in this folder"),
        "missing": (missing, f"{missing}: 文件不存在 / no such file"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "blank",
        "binary",
        "no table",
        "broken yaml",
        "unknown key",
        "misspelt key",
        "office",
        "empty folder",
        "missing",
    ],
)
def test_bad_file_one_line_exit_2_good_file_still_converted(cli, tmp_path, case):
    bad, line = _cases(tmp_path)[case]
    result = cli("convert", bad, GOOD)
    assert result.exit_code == 2
    assert result.stderr == line + "\n"
    assert "name: 应急管理局劳务派遣经费" in result.stdout  # the good file after it is still converted


def test_all_bad_files_at_once(cli, tmp_path):
    cases = _cases(tmp_path)
    args = [str(p) for p, _ in cases.values()]
    result = cli("convert", *args, GOOD, "--to", "json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line for _, line in cases.values()]
    assert '"name": "应急管理局劳务派遣经费"' in result.stdout


def test_file_over_the_size_limit(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(linter.readers, "MAX_BYTES", 100)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 101)
    result = cli("convert", big)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{big}: 文件过大（101 bytes，上限 100 bytes） / file too large (101 bytes, limit 100 bytes)\n"
    )


def test_default_size_limit_is_50_mb():
    assert linter.readers.MAX_BYTES == 50 * 1024 * 1024


def test_text_file_with_no_table(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("关于做好2024年预算编制工作的通知\n\n各单位：请按时报送材料。\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_path(letter)
    assert str(err.value) == f"{letter}: 未找到绩效目标表 / no target table found"


def test_a_reader_crash_becomes_one_line(tmp_path, monkeypatch):
    import linter.readers.yaml_reader as yaml_reader

    def boom(text, path):
        raise ValueError("unexpected\nand a second line")  # one line of it, still

    monkeypatch.setattr(yaml_reader, "read_yaml", boom)
    with pytest.raises(InputError) as err:
        read_path(GOOD)
    assert str(err.value) == (
        f"{GOOD}: 读取失败（内部错误 ValueError: unexpected） / "
        "could not be read (internal error ValueError: unexpected)"
    )


def test_deeply_nested_yaml_gives_one_line(cli, tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("tables: " + "[" * 5000 + "]" * 5000 + "\n")
    result = cli("convert", deep)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{deep}") and result.stderr.count("\n") == 1


# --------------------------------------------------------------------------- file discovery


def test_iter_input_files_walks_folders_sorted_and_skips_hidden(tmp_path):
    for name in ("b.yaml", "a.txt", "sub/c.yml", "sub/notes.log", ".git/x.yaml", "d.xlsx"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    explicit = tmp_path / "odd.name"
    files = iter_input_files([tmp_path, explicit, tmp_path / "b.yaml"])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a.txt",
        "b.yaml",
        "d.xlsx",
        "sub/c.yml",
        "odd.name",
    ]


def test_a_folder_is_reported_as_one_even_where_open_says_permission_denied(tmp_path, monkeypatch):
    # On Windows open() on a folder raises PermissionError, not IsADirectoryError.
    folder = tmp_path / "tables"
    folder.mkdir()

    def windows_open(name, mode="r", *args, **kwargs):
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(linter.readers, "open", windows_open, raising=False)
    with pytest.raises(InputError) as err:
        read_path(folder)
    assert str(err.value) == f"{folder}: 文件夹中没有目标表文件 / no table files in this folder"
    with pytest.raises(InputError) as err:  # a file that cannot be opened still says why
        read_path(tmp_path / "locked.txt")
    assert (
        str(err.value)
        == f"{tmp_path / 'locked.txt'}: 无法读取文件（Permission denied） / cannot read file (Permission denied)"
    )


def test_suppression_files_are_never_tables_even_when_named(tmp_path):
    # A pre-commit hook names every changed file, the suppression files beside the tables too.
    for name in ("a.txt", "a.txt.noqa.yaml", "sub/b.yaml", "sub/b.yaml.noqa.yaml"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    files = iter_input_files([tmp_path, tmp_path / "a.txt.noqa.yaml", str(tmp_path / "sub" / "*.yaml")])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.txt", "sub/b.yaml"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crash_after_reading_becomes_one_line_and_the_other_files_are_checked(cli, monkeypatch, jobs):
    import linter.suppress

    examples = Path(__file__).resolve().parent.parent / "examples"
    real_apply = linter.suppress.apply

    def apply(findings, suppressions, doc):
        if doc.path.endswith("003_ce0a18593ae1bf2a.txt"):
            raise ValueError("unexpected")  # a bug of ours met on one file, after the rules ran
        return real_apply(findings, suppressions, doc)

    if jobs == "2" and multiprocessing.get_start_method() != "fork":  # a platform guard: Linux (and CI) forks
        pytest.skip("the patched function reaches the workers only when they are forked")
    monkeypatch.setattr(linter.suppress, "apply", apply)  # workers fork with the patch in place
    result = cli("check", "--jobs", jobs, examples)
    broken = examples / "003_ce0a18593ae1bf2a.txt"
    assert result.exit_code == 2
    assert result.stderr == (
        f"{broken}: 检查失败（内部错误 ValueError: unexpected） / "
        "could not be checked (internal error ValueError: unexpected)\n"
    )
    assert "004_68506cad869715c1.txt" in result.stdout and "003_ce0a18593ae1bf2a.txt:" not in result.stdout
