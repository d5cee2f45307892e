"""The HTML report in a real browser: headless Chromium renders the tables and the chart, runs the script.

Chromium comes from the distribution's packages (``.ci/run`` installs it when missing); without it
these tests are skipped saying so, and fail under ``INDICATOR_LINT_REQUIRE_BROWSER=1`` (what
``.ci/run`` sets: the report's promise is what a browser shows). The flags are those a root user
on a closed network needs. Pillow (a dependency of pdfplumber) reads the PNG.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from findings_of import CODE, RULES, TABLES, TOTALS, totals_of

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Runs after the report's own script (registered later): sorts by code, filters to info, clicks the
# rule chart's first bar, filters by 主管部门, then draws every file's tables.
PROBE = """<script>document.addEventListener("DOMContentLoaded", function () {
  var body = document.body, shown = function () { return document.getElementById("shown-count").textContent; };
  body.setAttribute("data-drawn-at-start", document.querySelectorAll("details.tbl").length);
  var table = document.getElementById("findings-table");
  table.tHead.rows[0].cells[1].click();
  body.setAttribute("data-first-code", table.tBodies[0].rows[0].cells[1].textContent);
  table.tHead.rows[0].cells[1].click();
  body.setAttribute("data-last-code", table.tBodies[0].rows[0].cells[1].textContent);
  var severity = document.getElementById("sev-filter");
  severity.value = "info";
  severity.dispatchEvent(new Event("change"));
  body.setAttribute("data-shown", shown());
  severity.value = "";
  severity.dispatchEvent(new Event("change"));
  document.querySelector("#chart-rules g.pick rect").dispatchEvent(new MouseEvent("click", {bubbles: true}));
  body.setAttribute("data-rule-shown", shown());
  body.setAttribute("data-rule-picked", document.getElementById("rule-filter").value);
  var rule = document.getElementById("rule-filter");
  rule.value = "";
  rule.dispatchEvent(new Event("change"));
  var dept = document.getElementById("dept-filter");
  dept.value = "平罗县应急管理局";
  dept.dispatchEvent(new Event("change"));
  body.setAttribute("data-dept-shown", shown());
  dept.value = "";
  dept.dispatchEvent(new Event("change"));
  window.indicatorLintReport.renderAll();
});</script>
"""


pytestmark = pytest.mark.browser  # conftest.py: skipped without Chromium, a failure in CI


@pytest.fixture
def browse(programs, tmp_path):
    """``browse(*args)``: headless Chromium with a profile of its own, run to its end."""

    def browse(*args: str) -> subprocess.CompletedProcess:
        profile = tmp_path / f"profile{len(list(tmp_path.glob('profile*')))}"
        return subprocess.run(
            [programs.browser().chromium, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    return browse


@pytest.fixture(scope="module")
def report_file(cli, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    result = cli("report", EXAMPLES, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.slow
def test_the_browser_runs_the_script_and_renders_tables_and_chart(browse, report_file, tmp_path):
    probed = tmp_path / "probed.html"
    probed.write_text(
        report_file.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    dom = browse("--dump-dom", probed.as_uri()).stdout
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-ready="1"' in body  # the report's script ran to its end
    assert 'data-drawn-at-start="0"' in body  # tables are drawn when looked at, not before
    codes = sorted(CODE[rule] for rule in RULES)  # of the rules with findings
    assert (
        f'data-first-code="{codes[0]}"' in body and f'data-last-code="{codes[-1]}"' in body
    )  # the code column sorts
    assert f'data-shown="{TOTALS["info"]}"' in body  # the severity filter leaves the info findings
    top_rule, top_count = min(RULES.items(), key=lambda item: (-item[1], CODE[item[0]]))
    assert (
        f'data-rule-picked="{CODE[top_rule]}"' in body and f'data-rule-shown="{top_count}"' in body
    )  # chart click
    assert f'data-dept-shown="{totals_of("004").total()}"' in body  # the 主管部门 filter
    assert (
        len(re.findall(r'<th data-sort="[a-z]+"[^>]* class="sortable"', dom)) == 9 + 5
    )  # findings list + rule table
    assert len(re.findall(r'<details class="tbl" id="f[0-9a-f]{10}-t\d+"', dom)) == len(TABLES)
    chart = re.search(r'<svg id="chart-rules".*?</svg>', dom, re.S).group(0)
    assert chart.count('<rect class="bar"') == len(RULES)  # one bar per rule with findings
    # examples/004, line 66: 点评反馈会次数 4 — a number without a unit (IL201): the cell flagged, the
    # message beside it, and the findings list linking to it
    row = next(
        r
        for r in re.findall(r"<tr>.*?</tr>", dom)
        if ">点评反馈会次数</td>" in r and ">4</td>" in r and "notes" in r
    )
    cell = re.search(r'<td id="([^"]+)" class="val flag sev-warning">4</td>', row)
    assert cell and "“点评反馈会次数”的指标值“4”只有数字，没有计量单位" in row
    assert re.search(rf'<a href="#{cell.group(1)}">[^<]*004_68506cad869715c1\.txt:66:33</a>', dom)
    assert 'href="#rule-IL201">IL201</a>' in row  # the note leads to the rule's basis and rationale


def test_a_link_into_a_file_draws_that_file_only(browse, report_file):
    page = report_file.read_text(encoding="utf-8")
    fid = re.search(r'<details class="file" id="(f[0-9a-f]{10})" data-k="3">', page).group(1)  # 004
    dom = browse("--dump-dom", report_file.as_uri() + f"#{fid}-t0-goal").stdout
    assert dom.count('data-drawn="1"') == 1 and re.search(
        rf'<details class="file" id="{fid}"[^>]* open=""', dom
    )
    assert f'id="{fid}-t0-goal"' in dom


@pytest.mark.slow
def test_the_screenshot_shows_the_page(browse, report_file, tmp_path):
    from PIL import Image

    png = tmp_path / "report.png"
    browse(f"--screenshot={png}", "--window-size=1280,2000", report_file.as_uri())
    assert png.exists(), "chromium wrote no screenshot"
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 2000)
    small = image.resize((320, 500))
    data = small.tobytes()
    pixels = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
    ink = sum(1 for p in pixels if sum(p) < 600) / len(pixels)
    assert ink > 0.02, f"the page looks blank ({ink:.1%} ink)"
    reds = sum(1 for r, g, b in pixels if r > 150 and g < 90 and b < 90)
    assert reds > 20, "no error-red bars or badges on the first screen"
