"""``indicator-lint serve``: the page a clerk drops her tables on, served by uvicorn on 127.0.0.1.

Uploads go over real HTTP (multipart, as a browser sends them). What comes back is held to the
findings written by hand for each example (tests/findings_of.py): the page's notes, and the marks of
the downloaded annotated copies (the same rules, each on its row: tests/marks.py). The private folders are made under a folder of the test's, which must be
empty once each request is answered.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from english import english_words, visible_text
from findings_of import expected_of, totals_of
from marks import (
    docx_marked_rows,
    findings_sheet_codes,
    hand_written_codes,
    unmatched_marks,
    xlsx_fills,
    xlsx_marked_rows,
)
from office_templates import NAMES, docx_of, xlsx_of
from serving import served

from linter.serve.work import MB, Settings

ROOT = Path(__file__).resolve().parent.parent
MIME = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOWNLOAD = re.compile(r'data-kind="([a-z_]+)" download="([^"]+)" href="data:[^;]+;base64,([^"]+)"')


@pytest.fixture(scope="module")
def offices(tmp_path_factory) -> dict[str, Path]:
    """Every example as .xlsx and .docx: {"000.xlsx": path, …}."""
    folder = tmp_path_factory.mktemp("uploads")
    out = {}
    for key in NAMES:
        out[f"{key}.xlsx"] = xlsx_of(key, folder / f"{key}.xlsx")
        out[f"{key}.docx"] = docx_of(key, folder / f"{key}.docx")
    return out


@pytest.fixture(scope="module")
def private(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("private")


@pytest.fixture(scope="module")
def site(private):
    with served(Settings(tmp_root=str(private))) as url:
        yield url


def post(url: str, *files: tuple[str, bytes], lang: str | None = None) -> httpx.Response:
    parts = [
        ("files", (name, data, MIME.get(Path(name).suffix, "application/octet-stream")))
        for name, data in files
    ]
    return httpx.post(f"{url}/check" + (f"?lang={lang}" if lang else ""), files=parts, timeout=120)


def upload(url: str, *paths: Path) -> httpx.Response:
    return post(url, *[(p.name, p.read_bytes()) for p in paths])


def downloads(html: str) -> dict[str, tuple[str, bytes]]:
    """file name → (kind, bytes) of the page's download links."""
    return {name: (kind, base64.b64decode(data)) for kind, name, data in DOWNLOAD.findall(html)}


def notes(html: str) -> int:
    return len(re.findall(r'<div class="note sev-', html))


def test_the_upload_page_takes_several_files_and_is_chinese(site):
    page = httpx.get(site + "/", timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<html lang="zh-CN">' in html
    assert re.search(
        r'<input type="file" id="files" name="files" multiple accept="[^"]*\.xlsx[^"]*\.docx', html
    )
    assert "开始检查" in html and "检查完即删除" in html
    assert english_words(visible_text(html)) == []
    assert page.headers["cache-control"] == "no-store"
    english = httpx.get(site + "/?lang=en", timeout=30).text
    assert '<html lang="en">' in english and "Drop files here" in english


@pytest.mark.parametrize("name", [f"{k}.{kind}" for k in NAMES for kind in ("xlsx", "docx")])
def test_each_example_comes_back_marked_where_a_reviewer_finds_it(site, offices, tmp_path, name):
    source, key = offices[name], name[:3]
    expected = expected_of(key).total()
    response = upload(site, source)
    assert response.status_code == 200
    html = response.text
    assert notes(html) == expected  # every finding beside its cell (or under its table)
    assert html.count('<tr data-code="') == expected  # and in the file's list
    assert 'class="flag sev-' in html
    got = downloads(html)
    kind = source.suffix
    assert sorted(k for k, _ in got.values()) == sorted(["annotated_" + kind[1:], "findings_xlsx"])
    for filename, (what, data) in got.items():
        path = tmp_path / filename
        path.write_bytes(data)
        if what == "findings_xlsx":
            assert findings_sheet_codes(path) == hand_written_codes(key)
        elif kind == ".xlsx":
            assert unmatched_marks(xlsx_marked_rows(path), key) == ([], [])  # each on its row, no other
            assert set(xlsx_fills(path).values()) <= {"FFC7CE", "FFEB9C", "DDEBF7"}
        else:
            assert unmatched_marks(docx_marked_rows(path), key) == ([], [])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_findings_download_is_the_workbook_of_check_format_xlsx(cli, offices, tmp_path, lang):
    """Made by the same sink, under the upload's own name (not the private copy's)."""
    import io

    import openpyxl

    from linter.serve.work import check_uploads

    settings = Settings()
    source = offices["004.docx"]
    out = tmp_path / "check.xlsx"
    args = [
        "check",
        source,
        "--format",
        "xlsx",
        "-o",
        out,
        "--lang",
        lang,
        "--config",
        settings.config_file(),
    ]
    assert cli(*args).exit_code == 1
    outcome = check_uploads([("表 4.docx", source.read_bytes())], settings, lang)[0]
    data = next(d.data for d in outcome.downloads if d.label_key == "findings_xlsx")

    def cells(book) -> dict:
        return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}

    served_cells = cells(openpyxl.load_workbook(io.BytesIO(data)))
    checked = cells(openpyxl.load_workbook(out))
    findings = checked["findings" if lang == "en" else "审核意见"]
    assert len(findings) > 10 and {row[0] for row in findings[1:]} == {str(source)}
    for row in findings[1:]:
        row[0] = "表 4.docx"
    assert served_cells == checked


def test_several_files_at_once_each_with_its_own_results(site, offices):
    names = ["000.xlsx", "004.docx"]
    html = upload(site, *(offices[n] for n in names)).text
    sections = re.findall(r'<section class="upload-result" id="upload-\d" data-name="([^"]+)"', html)
    assert sections == names
    assert notes(html) == expected_of("000").total() + expected_of("004").total()
    counts = totals_of("000") + totals_of("004")
    assert f'<dd id="n-error">{counts["error"]}</dd>' in html and '<dd id="n-files">2</dd>' in html


def test_a_bad_file_is_one_line_in_chinese_and_the_others_are_still_checked(site, offices):
    bad = ("坏文件.txt", b"hello\x00\xff")
    response = post(site, bad)
    assert response.status_code == 422  # nothing could be read
    problems = re.findall(r'<p class="problem">([^<]*)</p>', response.text)
    assert problems == ["坏文件.txt: 不是文本文件（二进制内容或无法识别的编码）"]
    assert english_words(visible_text(response.text), theirs=["坏文件.txt"]) == []
    english = post(site, bad, lang="en")
    assert re.findall(r'<p class="problem">([^<]*)</p>', english.text) == [
        "坏文件.txt: not a text file (binary content or unknown encoding)"
    ]
    mixed = post(site, bad, ("000.xlsx", offices["000.xlsx"].read_bytes()), ("x.exe", b"MZ"))
    assert mixed.status_code == 200
    assert re.findall(r'<p class="problem">([^<]*)</p>', mixed.text)[1].startswith("x.exe: 不支持此类文件")
    assert notes(mixed.text) == expected_of("000").total()


def test_a_file_name_is_shown_as_text_never_as_markup(site):
    response = post(site, ("C:\\Users\\科员\\<img src=x onerror=alert(1)>.txt", b"\x00\x01"))
    assert "<img src=x" not in response.text and "科员" not in response.text  # the last part of the path only
    assert '<p class="problem">&lt;img src=x onerror=alert(1)&gt;.txt: ' in response.text


def test_limits_are_refused_in_one_line(private, offices):
    settings = Settings(tmp_root=str(private), max_file_bytes=1 * MB, max_files=3, max_total_bytes=2 * MB)
    with served(settings) as url:
        big = ("大.txt", b"a" * (MB + 10))
        one = post(url, big)
        assert one.status_code == 422
        assert re.findall(r'<p class="problem">([^<]*)</p>', one.text) == [
            "大.txt: 文件过大（1.0 MB，上限 1 MB）"
        ]
        huge = post(url, ("巨大.txt", b"a" * (5 * MB)))
        assert huge.status_code == 413 and "上传的内容过大" in huge.text
        many = post(url, *[(f"{i}.txt", b"x") for i in range(4)])
        assert many.status_code == 413 and "文件过多" in many.text
        none = httpx.post(
            url + "/check",
            data={"lang": "zh"},
            files=[("files", ("", b"", "application/octet-stream"))],
            timeout=30,
        )
        assert none.status_code == 400 and "未收到文件" in none.text
        assert httpx.get(url + "/nothing-here", timeout=30).status_code == 404
    assert os.listdir(private) == []


def twenty_rows(path: Path) -> Path:
    """A project table of 20 indicator rows (a few of them wrong), as a department fills it in Excel."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "绩效目标表"
    ws.append(["项目支出绩效目标表"])
    ws.append(["项目名称", "安全生产执法装备购置", "主管部门", "应急管理局"])
    ws.append(["资金总额（万元）", 50, "其中：财政拨款", 50])
    ws.append(["年度目标", "购置执法装备20台，培训执法人员60人次，提升执法检查覆盖率"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    rows = [("产出指标", "数量指标", f"执法装备{i}购置数量", f"{i}台") for i in range(1, 9)]
    rows += [
        ("产出指标", "数量指标", "培训执法人员", "60"),
        ("产出指标", "质量指标", "装备验收合格率", "≥98%"),
        ("产出指标", "质量指标", "培训考核通过率", "≥95%"),
        ("产出指标", "时效指标", "购置完成时间", "2025年10月底前"),
        ("产出指标", "成本指标", "装备购置成本", "≤45万元"),
        ("产出指标", "成本指标", "培训成本", "≤5万元"),
        ("效益指标", "社会效益指标", "执法检查覆盖率", "有效提高"),
        ("效益指标", "社会效益指标", "安全生产事故率", "降低"),
        ("效益指标", "可持续影响指标", "装备使用年限", "≥5年"),
        ("效益指标", "经济效益指标", "减少事故损失", "明显"),
        ("满意度指标", "服务对象满意度指标", "执法人员满意度", "≥90%"),
        ("满意度指标", "服务对象满意度指标", "企业满意度", "≥85%"),
    ]
    assert len(rows) == 20
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_a_twenty_row_workbook_is_answered_within_a_second(site, tmp_path):
    source = twenty_rows(tmp_path / "二十行.xlsx")
    # What a reviewer reads in it: 培训执法人员 60 without a unit (IL201); 执法检查覆盖率 有效提高 and
    # 安全生产事故率 降低, rates with neither a figure nor a percentage (IL212 and IL204 each: two
    # defects, as the seeds audit has it); 减少事故损失 明显 (IL212); and the goal's 购置执法装备20台,
    # which no row counts (they count eight kinds of equipment, 1 to 8台: IL112).
    expected = 7
    times = []
    for _ in range(3):  # the machine is shared: the best of three
        started = time.perf_counter()
        response = upload(site, source)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200 and notes(response.text) == expected
    print(f"20-row workbook answered in {min(times):.3f} s (best of {[round(t, 3) for t in times]})")
    assert min(times) < 1.0


@pytest.mark.slow
def test_twenty_concurrent_uploads_are_all_answered_and_nothing_is_left(site, offices, private):
    names = [name for name in sorted(offices)] * 3
    names = names[:20]
    expected = {name: expected_of(name[:3]).total() for name in set(names)}
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda name: upload(site, offices[name]), names))
    assert [r.status_code for r in responses] == [200] * 20
    assert [notes(r.text) for r in responses] == [expected[name] for name in names]
    assert os.listdir(private) == []  # every private folder removed once its request was answered


def test_serve_opens_on_127_0_0_1_and_stops_on_ctrl_c(tmp_path):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "linter", "serve", "--no-browser", "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        first = process.stderr.readline()
        match = re.search(r"检查页面已打开：(http://127\.0\.0\.1:\d+/)", first)
        assert match, first
        assert "开始检查" in httpx.get(match.group(1), timeout=30).text
    finally:
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert err.strip().splitlines()[-1] == "已停止。"


def test_serve_on_a_port_in_use_is_one_line(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "linter", "serve", "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [done.stderr.strip()] and f"端口 {port} 无法使用" in done.stderr


@pytest.mark.slow
def test_the_intranet_command_runs_the_same_app_with_workers(tmp_path, offices):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    private = tmp_path / "private"
    private.mkdir()
    env = {**os.environ, "INDICATOR_LINT_TMP": str(private), "INDICATOR_LINT_MAX_FILES": "5"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "linter.serve:app",
            "--workers",
            "2",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=5).text == "ok":
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.2)
        assert "一次最多 5 个文件" in httpx.get(url + "/", timeout=30).text  # configured by the environment
        with ThreadPoolExecutor(max_workers=4) as pool:
            responses = list(pool.map(lambda name: upload(url, offices[name]), ["000.xlsx", "003.docx"] * 2))
        assert [r.status_code for r in responses] == [200] * 4
        assert notes(responses[1].text) == expected_of("003").total()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert os.listdir(private) == []
