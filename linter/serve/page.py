"""The pages of ``indicator-lint serve``: the upload form, the results, and a page for a refusal.

Chinese first: under ``zh`` (the default) every word the page says is Chinese, rule codes (IL201)
and slugs (missing-unit) apart; ``?lang=en`` (or ``serve --lang en``) gives the English page.
Each table is drawn as the HTML report draws it (``linter.report.sections``: the flagged cells
coloured, the messages beside them) and the report's stylesheet is reused. Everything from an
upload is escaped. Downloads are ``data:`` links inside the page: nothing is kept on the server
to be fetched later.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Sequence
from html import escape

from linter.serve.work import ALLOWED, MB, FileOutcome, Settings

# key → (Chinese, English)
_WORDS = {
    "title": ("绩效目标表检查", "Checking performance target tables"),
    "intro": (
        "把填好的绩效目标表交给本页检查：每个指标是否可衡量、成本是否相符、时限是否合理。",
        "Check a filled-in performance target table: is each indicator measurable, do the costs add up, "
        "are the deadlines sensible.",
    ),
    "drop": (
        "把文件拖到这里，或点击下面的按钮选择文件（可一次选多个）",
        "Drop files here, or choose them with the button below (several at once)",
    ),
    "kinds": (
        "可检查：Excel 工作簿（.xlsx、.xls）、Word 文档（.docx）、PDF（.pdf）、文本（.txt）、YAML（.yaml）",
        "Accepted: Excel workbooks (.xlsx, .xls), Word documents (.docx), PDF (.pdf), text (.txt), YAML (.yaml)",
    ),
    "limits": (
        "每个文件不超过 {mb} MB，一次最多 {files} 个文件、合计不超过 {total} MB。",
        "At most {mb} MB per file, and {files} files or {total} MB at a time.",
    ),
    "privacy": (
        "文件只在本次检查中使用：检查完即删除，不保存、不外传。",
        "Files are used for this check only: deleted as soon as it is done, never kept or sent anywhere.",
    ),
    "choose": ("选择文件", "Choose files"),
    "none_chosen": ("尚未选择文件", "No file chosen"),
    "submit": ("开始检查", "Check"),
    "again": ("检查其他文件", "Check other files"),
    "results": ("检查结果", "Results"),
    "files": ("文件", "files"),
    "tables": ("目标表", "tables"),
    "indicators": ("指标", "indicators"),
    "error": ("错误", "errors"),
    "warning": ("警告", "warnings"),
    "info": ("提示", "notes"),
    "unreadable": ("无法读取", "could not be read"),
    "no_findings": ("未发现问题", "No findings"),
    "downloads": ("下载", "Download"),
    "annotated_xlsx": ("标注后的工作簿", "The workbook, marked"),
    "annotated_docx": ("标注后的 Word 文档", "The Word document, marked"),
    "findings_xlsx": ("问题清单（工作簿）", "The findings (workbook)"),
    "findings_list": ("问题清单", "Findings"),
    "level": ("级别", "Level"),
    "rule": ("规则", "Rule"),
    "location": ("位置", "Where"),
    "indicator": ("指标", "Indicator"),
    "message": ("问题说明", "Finding"),
    "tables_heading": ("目标表原文（有问题的单元格已标出）", "The tables as read (flagged cells marked)"),
    "how_to_read": (
        "红色为错误（必须改正），黄色为警告（应当改正），蓝色为提示。下载标注后的文件，在 Excel 或 Word 中打开，"
        "批注写在有问题的单元格上。",
        "Red: errors (must be corrected); yellow: warnings (should be); blue: notes. Download the marked "
        "file and open it in Excel or Word: the comments are on the flagged cells.",
    ),
    "bad_request": (
        "未收到文件：请选择要检查的文件后再点“开始检查”。",
        "No file received: choose the files to check first.",
    ),
    "too_large": (
        "上传的内容过大：一次合计不超过 {total} MB（每个文件不超过 {mb} MB）。",
        "Too much at once: at most {total} MB at a time ({mb} MB per file).",
    ),
    "too_many": ("文件过多：一次最多 {files} 个文件。", "Too many files: at most {files} at a time."),
    "bad_form": (
        "无法读取上传的内容，请重新选择文件后再试。",
        "The upload could not be read: choose the files again.",
    ),
    "not_found": ("没有这个页面。", "No such page."),
    "back": ("返回", "Back"),
    "other_lang": ("英文界面", "中文界面"),
    "footer": (
        "本页由 indicator-lint 提供，在本机运行。",
        "Served by indicator-lint, running on this machine.",
    ),
}


def words(lang: str) -> dict[str, str]:
    """The page's words in ``lang``."""
    i = 0 if lang == "zh" else 1
    return {key: pair[i] for key, pair in _WORDS.items()}


def _css() -> str:
    from linter.report.page import _asset

    return _asset("report.css") + _SERVE_CSS


_SERVE_CSS = """
.drop { border: 2px dashed #8aa0b6; border-radius: 10px; padding: 28px 20px; text-align: center; margin: 14px 0;
        background: #f7f9fb; }
.drop.over { background: #e8f1fc; border-color: #1f6fbf; }
.drop p { margin: 6px 0; }
.drop .big { font-size: 17px; font-weight: bold; }
.muted { color: #5c6b7a; }
button, .button { font: inherit; font-size: 16px; padding: 8px 22px; border-radius: 6px; border: 1px solid #1f6fbf;
                  background: #1f6fbf; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
.button.light { background: #fff; color: #1f6fbf; }
.downloads { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 14px; }
.problem { border-left: 4px solid #c62828; background: #fdecea; padding: 10px 14px; margin: 10px 0; font-size: 15px; }
.clean { border-left: 4px solid #2e7d32; background: #edf7ee; padding: 10px 14px; margin: 10px 0; font-size: 15px; }
.lang { float: right; font-size: 13px; margin-top: 8px; }
#files { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
#files:focus + label { outline: 3px solid #ffb300; }
section.upload-result { border-top: 2px solid #d5dbe1; margin-top: 24px; }
"""

_SCRIPT = """<script>
(function () {
  "use strict";
  var zone = document.getElementById("drop"), input = document.getElementById("files"),
      form = document.getElementById("upload"), chosen = document.getElementById("chosen");
  if (!zone || !input || !form) { return; }
  input.addEventListener("change", function () {
    if (chosen && input.files.length) {
      chosen.textContent = Array.prototype.map.call(input.files, function (f) { return f.name; }).join("、");
    }
  });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      form.submit();
    }
  });
})();
</script>"""


def _page(lang: str, title: str, body: str) -> str:
    w = words(lang)
    other = "en" if lang == "zh" else "zh"
    return (
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
        f'<header><a class="lang" href="/?lang={other}">{escape(w["other_lang"])}</a>'
        f"<h1>{escape(w['title'])}</h1></header>\n<main>\n{body}\n</main>\n"
        f"<footer>{escape(w['footer'])}</footer>\n{_SCRIPT}\n</body>\n</html>\n"
    )


def _form(lang: str, settings: Settings) -> str:
    w = words(lang)
    limits = w["limits"].format(**_limits(settings))
    return (
        f'<form id="upload" method="post" action="/check?lang={lang}" enctype="multipart/form-data">'
        f'<input type="hidden" name="lang" value="{lang}">'
        f'<div class="drop" id="drop"><p class="big">{escape(w["drop"])}</p>'
        f'<p class="muted">{escape(w["kinds"])}</p><p class="muted">{escape(limits)}</p>'
        # the browser's own file button speaks the browser's language: ours, a label, speaks the page's
        f'<p><input type="file" id="files" name="files" multiple accept="{",".join(ALLOWED)}" '
        f'aria-label="{escape(w["choose"])}"><label for="files" class="button light" id="choose">'
        f'{escape(w["choose"])}</label> <span id="chosen" class="muted">{escape(w["none_chosen"])}</span></p>'
        f'<p><button type="submit" id="submit">{escape(w["submit"])}</button></p></div>'
        f'<p class="muted">{escape(w["privacy"])}</p></form>'
    )


def _limits(settings: Settings) -> dict[str, int]:
    return {
        "mb": settings.max_file_bytes // MB,
        "files": settings.max_files,
        "total": settings.max_total_bytes // MB,
    }


def upload_page(lang: str, settings: Settings) -> str:
    """The upload form."""
    w = words(lang)
    return _page(lang, w["title"], f"<p>{escape(w['intro'])}</p>\n{_form(lang, settings)}")


def message_page(lang: str, key: str, settings: Settings, lines: Sequence[str] = ()) -> str:
    """A refusal: one line saying what is wrong, and the way back."""
    w = words(lang)
    text = w[key].format(**_limits(settings))
    more = "".join(f'<p class="problem">{escape(line)}</p>' for line in lines)
    return _page(
        lang,
        w["title"],
        f'<p class="problem" id="problem">{escape(text)}</p>{more}'
        f'<p><a class="button light" href="/?lang={lang}">{escape(w["back"])}</a></p>',
    )


def results_page(outcomes: list[FileOutcome], lang: str, settings: Settings) -> str:
    """The results of an upload: the summary, then each file's findings and tables."""
    w = words(lang)
    out = [
        f'<h2 id="summary">{escape(w["results"])}</h2>',
        _stats(outcomes, lang),
        f'<p class="muted">{escape(w["how_to_read"])}</p>',
    ]
    for n, outcome in enumerate(outcomes, 1):
        out.append(_file(outcome, n, lang))
    out.append(f"<h2>{escape(w['again'])}</h2>{_form(lang, settings)}")
    return _page(lang, f"{w['results']} - {w['title']}", "\n".join(out))


def _stats(outcomes: list[FileOutcome], lang: str) -> str:
    w = words(lang)
    counts: Counter = Counter()
    for o in outcomes:
        counts.update(o.counts)
    unreadable = sum(1 for o in outcomes if o.error)
    items = [
        ("files", len(outcomes), ""),
        ("tables", sum(o.tables for o in outcomes), ""),
        ("indicators", sum(o.indicators for o in outcomes), ""),
    ]
    items += [(s, counts[s], f"sev-{s}") for s in ("error", "warning", "info")]
    if unreadable:
        items.append(("unreadable", unreadable, "sev-error"))
    return (
        '<dl class="stats" id="stats">'
        + "".join(
            f'<div class="{cls}"><dt>{escape(w[key])}</dt><dd id="n-{key}">{n}</dd></div>'
            for key, n, cls in items
        )
        + "</dl>"
    )


def _file(outcome: FileOutcome, n: int, lang: str) -> str:
    from linter.report.sections import cell_anchor, severity_badges
    from linter.report.summary import file_id

    w = words(lang)
    out = [
        f'<section class="upload-result" id="upload-{n}" data-name="{escape(outcome.name)}">',
        f'<h3 class="file-path">{escape(outcome.name)}{severity_badges(outcome.findings, lang)}</h3>',
    ]
    if outcome.error:
        out.append(f'<p class="problem">{escape(outcome.error)}</p></section>')
        return "\n".join(out)
    if outcome.downloads:
        out.append(
            '<div class="downloads">'
            + "".join(
                f'<a class="button{" light" if d.label_key == "findings_xlsx" else ""}" data-kind="{d.label_key}" '
                f'download="{escape(d.filename)}" href="data:{d.mime};base64,{base64.b64encode(d.data).decode("ascii")}">'
                f"{escape(w['downloads'])}：{escape(w[d.label_key])}</a>"
                for d in outcome.downloads
            )
            + "</div>"
        )
    if not outcome.findings:
        out.append(f'<p class="clean">{escape(w["no_findings"])}</p>')
    else:
        fid = file_id(outcome.name)
        out.append(
            f'<table class="findings"><caption>{escape(w["findings_list"])}</caption><thead><tr>'
            + "".join(
                f"<th>{escape(w[k])}</th>" for k in ("level", "rule", "location", "indicator", "message")
            )
            + "</tr></thead><tbody>"
        )
        for i, (f, spot) in enumerate(zip(outcome.findings, outcome.spots, strict=True)):
            out.append(
                f'<tr data-code="{escape(f.code)}"><td><span class="badge sev-{escape(f.severity)}">'
                f"{escape(w.get(f.severity, f.severity))}</span></td>"
                f"<td>{escape(f.code)} {escape(f.rule)}</td>"
                f'<td><a href="#{escape(cell_anchor(fid, spot, i))}">{escape(place_text(f, lang))}</a></td>'
                f"<td>{escape(f.indicator or '')}</td><td>{escape(f.message)}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append(f"<h4>{escape(w['tables_heading'])}</h4>")
    out.append(outcome.section_html)
    out.append("</section>")
    return "\n".join(out)


def place_text(f, lang: str) -> str:
    """Where a finding is, without the file's name (the section names it): ``Sheet1!D12``,
    ``表2 第5行第3列``, ``第 12 行``."""
    from linter.annotate_docx import cell_text

    loc = f.location
    if loc.sheet and loc.cell:
        return cell_text(loc.sheet, loc.cell, lang) or f"{loc.sheet}!{loc.cell}"
    if loc.page:
        return f"第 {loc.page} 页" if lang == "zh" else f"page {loc.page}"
    if loc.line:
        return f"第 {loc.line} 行" if lang == "zh" else f"line {loc.line}"
    return ""
