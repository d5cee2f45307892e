"""Under the default ``--lang zh`` a clerk reads no English: not in the text output of ``check``
(findings, levels, summary, errors), not on the ``serve`` page, not in the annotated workbook or
Word document. Allowed are rule codes and slugs, the names of file formats, and the input's own
text (tests/english.py says exactly what).
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import openpyxl
import pytest
from english import TOKEN, english_words, visible_text
from office_templates import NAMES, docx_of, example_text, xlsx_of

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def theirs(key: str, *paths: Path) -> list[str]:
    """What came from the input: its file names and paths, the sheet name, the English in its text."""
    return [str(p) for p in paths] + [p.name for p in paths] + ["Sheet1"] + TOKEN.findall(example_text(key))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("zh")
    return {
        key: {
            "txt": EXAMPLES / f"{NAMES[key]}.txt",
            "xlsx": xlsx_of(key, folder / f"{key}.xlsx"),
            "docx": docx_of(key, folder / f"{key}.docx"),
        }
        for key in NAMES
    }


@pytest.mark.parametrize("kind", ["txt", "xlsx", "docx"])
def test_the_text_output_is_chinese(cli, inputs, kind, tmp_path):
    for key, files in inputs.items():
        for args in (["check"], ["check", "--statistics"]):
            result = cli(*args, files[kind])
            assert result.exit_code == 1
            assert english_words(result.stdout, theirs(key, files[kind])) == [], (key, args)
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"\x00\xff")
    result = cli("check", bad, tmp_path / "没有.yaml")
    assert result.exit_code == 2
    assert english_words(result.output, [str(bad), str(tmp_path / "没有.yaml")]) == []
    clean = tmp_path / "好.yaml"
    clean.write_text(
        "tables:\n  - name: 培训项目\n    goal: 完成培训4次\n    indicators:\n"
        "      产出指标:\n        数量指标:\n          - 培训次数: 4次\n",
        encoding="utf-8",
    )
    result = cli("check", "--select", "IL201", clean)
    assert result.stdout == "未发现问题（已检查 1 个文件）\n"


def _workbook_text(path: Path) -> str:
    book = openpyxl.load_workbook(path)
    parts = [str(c.value) for row in book["检查结果"].iter_rows() for c in row if c.value is not None]
    parts += [c.comment.text for ws in book.worksheets for row in ws.iter_rows() for c in row if c.comment]
    return "\n".join(parts)


def _document_text(path: Path, source: Path) -> str:
    """The comments, and whatever paragraph or cell text the copy has that the input had not."""

    def texts(document) -> set[str]:
        return {p.text for p in document.paragraphs} | {
            c.text for t in document.tables for row in t.rows for c in row.cells
        }

    copy = docx.Document(str(path))
    added = texts(copy) - texts(docx.Document(str(source)))
    return "\n".join([c.text for c in copy.comments] + sorted(added))


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["txt", "xlsx", "docx"])
def test_the_annotated_files_are_chinese(cli, inputs, kind, tmp_path):
    for key, files in inputs.items():
        out = tmp_path / f"{key}.{'docx' if kind == 'docx' else 'xlsx'}"
        result = cli("check", files[kind], "--annotate", out)
        assert result.exit_code == 1, result.stderr
        text = _document_text(out, files[kind]) if kind == "docx" else _workbook_text(out)
        assert re.search(r"错误|警告", text)
        assert english_words(text, theirs(key, files[kind])) == [], key


@pytest.mark.slow
def test_the_page_is_chinese(inputs, tmp_path):
    import httpx
    from serving import served

    from linter.serve.work import Settings

    with served(Settings(tmp_root=str(tmp_path))) as url:
        assert english_words(visible_text(httpx.get(url + "/", timeout=30).text)) == []
        for key, files in inputs.items():
            uploads = [
                ("files", (p.name, p.read_bytes(), "application/octet-stream")) for p in files.values()
            ]
            page = httpx.post(url + "/check", files=uploads, timeout=120)
            assert page.status_code == 200 and page.text.count('<div class="note sev-') > 0
            assert english_words(visible_text(page.text), theirs(key, *files.values())) == [], key


def test_the_progress_bar_is_chinese():
    import io

    from linter.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for lang, words in (("zh", "已用"), ("en", "left")):
        out = Terminal()
        with Progress(total=2, enabled=True, stream=out, lang=lang) as bar:
            bar.advance()
            bar.advance()
        assert "2/2" in out.getvalue() and words in out.getvalue()
    out = Terminal()
    with Progress(total=2, enabled=True, stream=out) as bar:
        bar.advance()
    assert english_words(out.getvalue().replace("\x1b[K", "")) == []
