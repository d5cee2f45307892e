"""Issue 25: nothing the user owns is overwritten, and no input makes an output unsafe.

Each case runs the command as a user would and asserts its exit code, that stderr is exactly one
line, and that every file the user gave is unchanged, bytes and mode.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "yaml"
TABLE = (DATA / "project.yaml").read_bytes()  # a table with findings (IL1xx, IL2xx)
EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "000_8b9eba17efc00524.txt").read_bytes()


def one_error(result, *words: str, bilingual: bool = True) -> str:
    """The one line on stderr of a run that failed with exit code 2; it contains ``words``.
    (Configuration and baseline errors are in English only, as they were.)"""
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and result.stderr.endswith("\n"), result.stderr
    assert lines[0].startswith("indicator-lint: "), lines[0]
    assert ("/ " in lines[0]) == bilingual, lines[0]  # Chinese / English, or one language only
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def table(path: Path, data: bytes = TABLE, mode: int = 0o600) -> Path:
    path.write_bytes(data)
    path.chmod(mode)
    return path


def state(*paths: Path) -> list:
    """Bytes and permission bits of each file (None for one that does not exist)."""
    return [(p.read_bytes(), stat.S_IMODE(p.stat().st_mode)) if p.exists() else None for p in paths]


def link(kind: str, target: Path, name: Path) -> Path:
    if kind == "symlink":
        name.symlink_to(target.name)
    elif kind == "hardlink":
        os.link(target, name)
    return target if kind == "itself" else name


LINKS = ["itself", "symlink", "hardlink"]

# --------------------------------------------------------------------------- 1. never overwrite an input


@pytest.mark.parametrize("kind", LINKS)
def test_convert_does_not_write_over_its_input(cli, tmp_path, kind):
    source = table(tmp_path / "c.yaml")
    out = link(kind, source, tmp_path / "out.yaml")
    before = state(source)
    one_error(cli("convert", source, "-o", out), "不能覆盖", "will not overwrite")
    assert state(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"c.yaml", out.name})  # nothing left behind


@pytest.mark.parametrize("kind", LINKS)
def test_report_does_not_replace_its_input_with_html(cli, tmp_path, kind):
    source = table(tmp_path / "r.yaml")
    out = link(kind, source, tmp_path / "out.html")
    before = state(source)
    one_error(cli("report", source, "-o", out), "will not overwrite")
    assert state(source) == before


@pytest.mark.parametrize("kind", LINKS)
def test_baseline_does_not_replace_its_input_with_json(cli, tmp_path, kind):
    source = table(tmp_path / "b.yaml")
    out = link(kind, source, tmp_path / "out.json")
    before = state(source)
    one_error(cli("baseline", source, "-o", out), "will not overwrite")
    assert state(source) == before


@pytest.mark.parametrize("kind", LINKS)
def test_annotate_does_not_write_over_the_checked_file_and_prints_nothing_first(cli, tmp_path, kind):
    source = table(tmp_path / "t.yaml")
    out = link(kind, source, tmp_path / "out.xlsx")
    before = state(source)
    result = cli("check", source, "--annotate", out)
    one_error(result, "不能覆盖", bilingual=False)  # (check's errors are in --lang: Chinese by default)
    assert result.stdout == ""  # refused before checking, not after printing the findings
    assert state(source) == before


@pytest.mark.parametrize("kind", LINKS)
def test_the_findings_workbook_does_not_write_over_its_input(cli, tmp_path, kind):
    source = table(tmp_path / "w.yaml")
    out = link(kind, source, tmp_path / "out.xlsx")
    before = state(source)
    result = cli("check", source, "--format", "xlsx", "-o", out)
    one_error(result, "不能覆盖", bilingual=False)
    assert result.stdout == "" and state(source) == before


def test_the_findings_workbook_does_not_write_over_a_swept_table_the_config_or_the_baseline(cli, tmp_path):
    source = table(tmp_path / "t.yaml")
    config = table(tmp_path / ".indicator-lint.yaml", b"select: [IL2]\n")
    baseline = tmp_path / "b.json"
    assert cli("baseline", source, "-o", baseline).exit_code == 0
    os.link(source, tmp_path / "h.xlsx")  # in the swept folder, and the table under another name
    before = state(source, config, baseline)
    for out, more in ((tmp_path / "h.xlsx", []), (config, []), (baseline, ["--baseline", baseline])):
        one_error(cli("check", tmp_path, *more, "--format", "xlsx", "-o", out), "不能覆盖", bilingual=False)
    assert state(source, config, baseline) == before


def test_annotate_does_not_write_over_the_baseline_or_the_config(cli, tmp_path):
    source = table(tmp_path / "t.yaml")
    config = table(tmp_path / "cfg.yaml", b"select: [IL2]\n")
    baseline = tmp_path / "b.json"
    assert cli("baseline", source, "-o", baseline).exit_code == 0
    before = state(source, config, baseline)
    one_error(
        cli("check", source, "--baseline", baseline, "--annotate", baseline), "不能覆盖", bilingual=False
    )
    one_error(
        cli("check", source, "--config", config, "--annotate", config, "--lang", "en"),
        "will not overwrite",
        bilingual=False,
    )
    assert state(source, config, baseline) == before


def test_report_does_not_write_over_the_configuration_it_found(cli, tmp_path):
    source = table(tmp_path / "t.yaml")
    config = table(tmp_path / ".indicator-lint.yaml", b"select: [IL2]\n")
    before = state(source, config)
    one_error(cli("report", source, "-o", config), "will not overwrite")
    assert state(source, config) == before


def test_report_replaces_its_own_earlier_report_in_the_swept_folder_but_no_other_page(cli, tmp_path):
    table(tmp_path / "t.yaml")
    out = tmp_path / "report.html"
    assert cli("report", tmp_path, "-o", out).exit_code == 0
    assert cli("report", tmp_path, "-o", out).exit_code == 0  # its own page: not read, replaced
    mine = table(tmp_path / "notes.html", "<!DOCTYPE html>\n<p>我的笔记</p>\n".encode())
    before = state(mine)
    one_error(cli("report", tmp_path, "-o", mine), "will not overwrite")
    assert state(mine) == before


def test_convert_into_the_folder_it_reads_writes_nothing(cli, tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    mine = table(folder / "a.yaml")  # the user's own table; a.txt would convert to a.yaml too
    (folder / "a.txt").write_bytes(EXAMPLE)
    before = state(mine, folder / "a.txt")
    one_error(cli("convert", folder, "-o", f"{folder}/"), str(mine), "will not overwrite")
    assert state(mine, folder / "a.txt") == before
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "a.yaml"]
    # --force replaces files that exist, never one being converted
    one_error(cli("convert", folder, "-o", f"{folder}/", "--force"), str(mine))
    assert state(mine, folder / "a.txt") == before


def test_a_folder_conversion_does_not_replace_an_existing_file_without_force(cli, tmp_path):
    (tmp_path / "a.txt").write_bytes(EXAMPLE)
    (tmp_path / "b.txt").write_bytes(EXAMPLE)
    out = tmp_path / "out"
    out.mkdir()
    mine = table(out / "b.yaml", b"# mine\n", 0o640)
    before = state(mine)
    one_error(cli("convert", tmp_path / "a.txt", tmp_path / "b.txt", "-o", out), str(mine), "--force")
    assert state(mine) == before
    assert sorted(p.name for p in out.iterdir()) == ["b.yaml"]  # a.yaml not written either
    result = cli("convert", tmp_path / "a.txt", tmp_path / "b.txt", "-o", out, "--force")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.yaml", "b.yaml"]
    assert mine.read_text(encoding="utf-8").startswith("# source: ")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o640  # replaced, with the mode it had


@pytest.mark.parametrize("command", ["convert", "report", "baseline", "annotate", "xlsx"])
def test_a_replaced_output_keeps_its_mode_and_a_read_only_one_is_not_replaced(cli, tmp_path, command):
    source = table(tmp_path / "t.yaml")
    out = table(
        tmp_path
        / {
            "convert": "o.yaml",
            "report": "o.html",
            "baseline": "o.json",
            "annotate": "o.xlsx",
            "xlsx": "o.xlsx",
        }[command],
        b"old\n",
        0o600,
    )
    args = {
        "annotate": ["check", source, "--annotate", out],
        "xlsx": ["check", source, "--format", "xlsx", "-o", out],
    }.get(command, [command, source, "-o", out])
    result = cli(*args)
    assert result.exit_code in (0, 1), result.stderr
    assert out.read_bytes() != b"old\n" and stat.S_IMODE(out.stat().st_mode) == 0o600
    out.chmod(0o444)  # no write permission (root could write it anyway: the mode decides)
    before = state(source, out)
    result = cli(*args)
    check = command in ("annotate", "xlsx")  # (check's errors are in --lang: Chinese by default)
    one_error(result, str(out), *(["只读"] if check else ["只读", "read-only"]), bilingual=not check)
    assert result.stdout == ""  # said before the run, not after it
    assert state(source, out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"t.yaml", out.name})  # no temporary file


def test_an_output_that_is_a_pipe_is_written_through_not_replaced(cli, tmp_path):
    # as -o /dev/stdout or /dev/null would be (replacing /dev/null, as root, broke the machine)
    source = table(tmp_path / "t.yaml")
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli("convert", source, "-o", fifo)
    reader.join(5)
    if reader.is_alive():  # the pipe was never written to (it was replaced by a file): let the reader go
        with open(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        reader.join(5)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith(b"# source: ")


# --------------------------------------------------------------------------- 2. one error path for outputs


def command(*args, stdout):
    """indicator-lint in a process of its own, writing to ``stdout`` (a file descriptor or file)."""
    return subprocess.run(
        [sys.executable, "-m", "linter", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )


def lone_line(stderr: str, *words: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("indicator-lint: "), stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "text"],
        ["check", "--format", "sarif"],
        ["convert"],
        ["check", "--format", "json", "--jobs", "2"],
    ],
)
def test_a_full_disk_on_stdout_is_one_line_and_exit_code_2(tmp_path, args):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(20):
        table(folder / f"t{n:02d}.yaml")
    before = state(*folder.iterdir())
    with open("/dev/full", "w") as full:
        done = command(*args, folder, stdout=full)
    assert done.returncode == 2
    lone_line(done.stderr, "standard output", "磁盘空间不足")
    assert state(*folder.iterdir()) == before


@pytest.mark.parametrize("args", [["check"], ["check", "--format", "junit"], ["convert"], ["rules"]])
def test_a_closed_pipe_on_stdout_is_one_line_and_exit_code_2(tmp_path, args):
    source = table(tmp_path / "t.yaml")
    before = state(source)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written (as with `| head -1`, later)
    try:
        done = command(*args, *([source] if args != ["rules"] else []), stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 2
    lone_line(done.stderr, "standard output", "Broken pipe")
    assert state(source) == before


TERMINATED_WRITING = """
import os, signal, sys
from linter.cli import main
real = os.replace

def replace(src, dst):  # SIGTERM as the output is about to be renamed into place
    os.kill(os.getpid(), signal.SIGTERM)
    real(src, dst)

os.replace = replace
main(sys.argv[1:])
"""


@pytest.mark.parametrize("what", ["baseline", "report", "annotate"])
def test_sigterm_while_an_output_is_written_leaves_the_old_one_and_no_temporary_file(tmp_path, what):
    source = table(tmp_path / "t.yaml")
    out = table(
        tmp_path / {"baseline": "b.json", "report": "r.html", "annotate": "a.xlsx"}[what], b"old\n", 0o640
    )
    script = tmp_path / "terminated.py"
    script.write_text(TERMINATED_WRITING, encoding="utf-8")
    args = ["check", source, "--annotate", out] if what == "annotate" else [what, source, "-o", out]
    before = state(source, out)
    done = subprocess.run(
        [sys.executable, str(script), *map(str, args)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 143, done.stderr
    assert lone_line(done.stderr) == "indicator-lint: 已终止 / terminated"
    assert state(source, out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["t.yaml", out.name, "terminated.py"])


TERMINATED_SWEEP = """
import multiprocessing, os, signal, sys
import linter.commands.options
from linter.cli import main
each_result = linter.commands.options.each_result

def terminated(*args):
    for n, result in enumerate(each_result(*args)):
        if n == 3:  # SIGTERM half-way through the sweep, the workers at work
            with open(sys.argv[2], "w") as pids:
                print(*[p.pid for p in multiprocessing.active_children()], file=pids)
            os.kill(os.getpid(), signal.SIGTERM)
        yield result

linter.commands.options.each_result = terminated
try:
    main(["check", "--jobs", "3", "--format", "json", sys.argv[1]])
finally:  # (before multiprocessing's exit handler, which would end any worker left running anyway)
    with open(sys.argv[2], "a") as pids:
        print("running:", *[p.pid for p in multiprocessing.active_children()], file=pids)
"""


def test_sigterm_stops_the_sweep_and_its_workers_with_one_line_and_exit_code_143(tmp_path):
    (tmp_path / "in").mkdir()
    for n in range(200):
        (tmp_path / "in" / f"t{n:03d}.txt").write_bytes(EXAMPLE)
    script = tmp_path / "terminated.py"
    script.write_text(TERMINATED_SWEEP, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "in"), str(tmp_path / "pids")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    started, running = (tmp_path / "pids").read_text().splitlines()
    assert done.returncode == 143 and len(started.split()) == 2
    assert lone_line(done.stderr) == "indicator-lint: 已终止 / terminated"  # no worker's traceback either
    assert running == "running:"  # the sweep stopped its workers as it unwound


def alias_bomb(levels: int = 9) -> list[str]:
    """YAML lines anchoring a list that expands to 9 ** levels texts, the last anchor ``b{levels-1}``."""
    lines = ['    b0: &b0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"    b{i}: &b{i} [" + ",".join([f"*b{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return lines


@pytest.mark.parametrize(
    "config",
    [
        "params:\n  IL201:\n{bomb}\nseverity:\n  IL201: *b8\n",  # severity checked before params
        "select: [IL502]\nparams:\n  IL201:\n{bomb}\n  satisfaction-value:\n    floor: *b8\n",
    ],
)
def test_an_alias_bomb_in_a_config_is_not_expanded_into_the_message(tmp_path, config):
    import resource

    def little_memory():  # expanded, the bomb's 387 million texts would take the machine's memory
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    source = table(tmp_path / "t.yaml")
    path = table(tmp_path / "cfg.yaml", config.format(bomb="\n".join(alias_bomb())).encode())
    before = state(source, path)
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", source, "--config", path],
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=little_memory,
    )
    assert done.returncode == 2
    line = lone_line(done.stderr, "got [[[...]")
    assert len(line) < 300
    assert state(source, path) == before


@pytest.mark.parametrize(
    "name, text, words",
    [
        (
            ".indicator-lint.yaml",
            "select: [IL2]\nignore: [IL201]\nselect: [IL1]\n",
            ["duplicate key 'select'", ":3:"],
        ),
        (
            ".indicator-lint.yaml",
            "params:\n  satisfaction-value:\n    floor: 80\n    floor: 90\n",
            ["duplicate key"],
        ),
        (
            ".indicator-lint.yaml",
            "params:\n  satisfaction-value:\n    floor: .nan\n",
            ["finite number", "nan"],
        ),
        (
            ".indicator-lint.yaml",
            "params:\n  satisfaction-value:\n    floor: -.inf\n",
            ["finite number", "-inf"],
        ),
        (
            "pyproject.toml",
            "[tool.indicator-lint.params.satisfaction-value]\nfloor = nan\n",
            ["finite number"],
        ),
        (
            "pyproject.toml",
            "[tool.indicator-lint.params.satisfaction-value]\nfloor = inf\n",
            ["finite number"],
        ),
        (".indicator-lint.yaml", "select: [" + "x" * 100_000 + "]\n", ["no rule matches 'xxx"]),
        (".indicator-lint.yaml", '? "' + "x" * 100_000 + '\\e[2J\\u202e"\n: 1\n', ["unknown key 'xxx"]),
        (".indicator-lint.yaml", "select: [IL2]\n\x1b[2J\n", ["not valid YAML", "#x001b"]),
    ],
)
def test_a_broken_config_is_one_short_line(cli, tmp_path, name, text, words):
    source = table(tmp_path / "t.yaml")
    config = table(tmp_path / name, text.encode())
    before = state(source, config)
    for args in (
        ["check", source],
        ["report", source, "-o", tmp_path / "r.html"],
        ["baseline", source, "-o", tmp_path / "b.json"],
    ):
        line = one_error(cli(*args), *words, bilingual=False)
        assert len(line) < 400 and "\x1b" not in line
    assert state(source, config) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["t.yaml", name])  # nothing written


def test_a_broken_baseline_is_one_line(cli, tmp_path):
    source = table(tmp_path / "t.yaml")
    baseline = table(tmp_path / "b.json", b"{not json")
    before = state(source, baseline)
    one_error(cli("check", source, "--baseline", baseline), "b.json: not a baseline file", bilingual=False)
    assert state(source, baseline) == before


def test_a_file_name_with_a_line_break_is_one_line(cli, tmp_path):
    source = table(tmp_path / "t.yaml")
    missing = tmp_path / "a\nindicator-lint: forged.yaml"
    one_error(cli("check", source, "--config", missing), "\\nindicator-lint: forged", bilingual=False)


# --------------------------------------------------------------------------- 3. safe output

HOSTILE = (
    TABLE.decode("utf-8")
    .replace("name: 应急管理局劳务派遣经费", 'name: "应急\\e[31m管理局\\u202e劳务\\x00派遣经费"')
    .replace("value: 优秀", 'value: "=HYPERLINK(\\"http://evil\\")\\e]0;pwn\\a"')
    .replace("name: 劳务派遣年限", 'name: "劳务派遣\\u2066年限"')
).encode()
RAW = ("\x1b", "\u202e", "\u2066", "\x00", "\x07")  # what no terminal output may hold as it is
ODD_NAME = b"h\xff\x1b[2J\xe2\x80\xae.yaml"  # not UTF-8, an escape sequence and a bidi override


def odd_folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), ODD_NAME)))
    return folder, table(path, HOSTILE)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_terminal_output_escapes_control_and_bidi_characters_of_cells_and_names(cli, tmp_path, fmt):
    name = tmp_path / "t\x1b[2J\u202e.yaml"
    table(name, HOSTILE)
    before = state(name)
    result = cli("check", "--format", fmt, name)
    assert result.exit_code == 1 and result.stderr == ""
    assert not any(c in result.stdout for c in RAW), result.stdout
    assert (
        "应急\\x1b[31m管理局\\u202e劳务\\x00派遣经费" in result.stdout
        and "t\\x1b[2J\\u202e.yaml" in result.stdout
    )
    assert state(name) == before


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_format_is_valid_utf8_whatever_the_cells_and_the_file_name(tmp_path, fmt):
    import xml.etree.ElementTree as ET

    folder, path = odd_folder(tmp_path)
    before = state(path)
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", fmt, folder.name],  # relative
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 1 and done.stderr == b""
    out = done.stdout.decode("utf-8")  # strictly: no raw byte of the name, no lone surrogate
    if fmt in ("json", "sarif"):
        data = json.loads(out)
        paths = (
            [f["path"] for f in data["findings"]]
            if fmt == "json"
            else [
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in data["runs"][0]["results"]
            ]
        )
        assert paths and all(
            p.endswith("h\\xff\x1b[2J\u202e.yaml")
            if fmt == "json"
            else p.endswith("h%FF%1B%5B2J%E2%80%AE.yaml")
            for p in paths
        ), paths
    elif fmt == "junit":
        suite = ET.fromstring(done.stdout).find("testsuite")
        assert suite.get("name").endswith("h\\xff\\x1b[2J\u202e.yaml")
        assert "\\x1b[31m" in ET.tostring(suite, encoding="unicode")
    else:
        assert not any(c in out for c in RAW) and "h\\xff\\x1b[2J\\u202e.yaml" in out
    assert state(path) == before


def test_convert_report_and_baseline_write_a_name_that_is_not_utf8_escaped(cli, tmp_path):
    import yaml

    folder, path = odd_folder(tmp_path)
    before = state(path)
    for args in (["convert", folder], ["convert", "--to", "json", folder]):
        done = subprocess.run(
            [sys.executable, "-m", "linter", *map(str, args)], capture_output=True, timeout=120
        )
        assert done.returncode == 0 and done.stderr == b""
        out = done.stdout.decode("utf-8")
        if "json" in args:
            assert json.loads(out)["documents"][0]["path"].endswith("h\\xff\x1b[2J\u202e.yaml")
        else:  # the comment naming the source is one line, nothing in it a terminal acts on
            assert (
                out.splitlines()[0].endswith("h\\xff\\x1b[2J\\u202e.yaml")
                and "\x1b" not in out.splitlines()[0]
            )
            assert yaml.safe_load(out)["tables"][0]["name"] == "应急\x1b[31m管理局\u202e劳务\x00派遣经费"
    assert cli("report", folder, "-o", tmp_path / "r.html").exit_code == 0
    assert "h\\xff" in (tmp_path / "r.html").read_text(encoding="utf-8")  # (was h?)
    assert cli("baseline", folder, "-o", tmp_path / "b.json").exit_code == 0
    [entry, *_] = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert entry["path"].endswith("h\\xff\x1b[2J\u202e.yaml")
    assert cli("check", folder, "--baseline", tmp_path / "b.json").exit_code == 0  # the keys match again
    assert state(path) == before


def test_an_unreadable_file_with_a_line_break_in_its_name_is_one_escaped_line(cli, tmp_path):
    # (the readers escape the names they report; each_result escapes every message once more)
    source = table(tmp_path / "t.yaml")
    empty = table(tmp_path / "e\n\x1b[2Jindicator-lint: forged.txt", b"")
    before = state(source, empty)
    result = cli("check", source, empty)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "e\\n\\x1b[2Jindicator-lint: forged.txt" in line and "\x1b" not in line
    assert state(source, empty) == before


def test_annotated_cells_are_text_never_formulas(cli, tmp_path):
    import openpyxl

    source = table(
        tmp_path / "t.yaml",
        TABLE.replace("value: 优秀".encode(), b'value: "=1+1"').replace(
            "name: 劳务派遣年限".encode(), b'name: "=HYPERLINK(\\"http://example.org\\")"'
        ),
    )
    before = state(source)
    result = cli("check", source, "--annotate", tmp_path / "a.xlsx")
    assert result.exit_code == 1 and result.stderr == ""
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    written = [
        c
        for ws in book
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert {c.value for c in written} >= {"=1+1", '=HYPERLINK("http://example.org")'}
    assert all(c.data_type == "s" for c in written)  # (openpyxl wrote both as formulas: 'f')
    assert state(source) == before


def test_annotated_cells_take_any_text(cli, tmp_path):
    import openpyxl

    source = table(tmp_path / "t.yaml", HOSTILE)
    before = state(source)
    result = cli("check", source, "--annotate", tmp_path / "a.xlsx")
    assert result.exit_code == 1 and result.stderr == ""  # (an IllegalCharacterError traceback)
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    texts = {c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "应急\\x1b[31m管理局\u202e劳务\\x00派遣经费" in texts
    assert state(source) == before


def test_help_into_a_full_disk_is_one_line_exit_2():
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "linter", "--help"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "indicator-lint: 无法写入标准输出（磁盘空间不足） / cannot write to standard output: No space left on device"
    ]
