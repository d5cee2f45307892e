"""The four examples as the files people really have (issue 21): web pages, CSV, .ods, .doc.

Built from the same grids as the Excel and Word versions (``office_templates``): each example's
lines cut into cells, the labels merged down over the empty cells below them, a label merged
across one empty cell. The content is the text file's, so the findings must be the same.

* ``html_of``: a plain page, document lines as ``<p>``/``<h1>``, each block of rows a ``<table>``
  with ``rowspan``/``colspan`` for the merges, the cells' text escaped;
* ``csv_of``: one CSV of all the rows (blank rows kept), comma-separated, GBK, cells quoted where
  needed; ``dialect`` and ``encoding`` choose others;
* ``ods_of``: an OpenDocument spreadsheet written here (content.xml with ``number-rows-spanned``
  and covered cells, repeated empty cells as Calc writes them; 004 one sheet per table);
* ``soffice_examples``: LibreOffice's own conversion of the .docx / .xlsx versions (.doc, .wps,
  Writer's HTML export, .ods, .et), given the soffice program (tests marked ``soffice`` get it
  from conftest.py's ``programs``).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import tempfile
import zipfile
from html import escape
from pathlib import Path

from office_templates import NAMES, docx_of, example_text, grid_of, merges, sections, split_values, xlsx_of


def _blocks(key: str) -> list[tuple[str, object]]:
    """("line", text) and ("table", rows) in document order, as ``docx_of`` lays them out."""
    out: list[tuple[str, object]] = []
    block: list[list[str]] = []
    rows = grid_of(example_text(key))
    if key == "000":
        rows = split_values(rows)
    for row in rows:
        filled = [c for c in row if c.strip()]
        if len(filled) <= 1 and len(row) <= 1:
            if block:
                out.append(("table", block))
                block = []
            if filled:
                text = filled[0]
                out.append(("heading" if text.startswith("#") else "line", text.lstrip("# ").strip()))
            continue
        block.append(row)
    if block:
        out.append(("table", block))
    return out


def table_html(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges(rows)}
    covered = {
        (r, c)
        for (r1, c1), (rs, cs) in spans.items()
        for r in range(r1, r1 + rs)
        for c in range(c1, c1 + cs)
        if (r, c) != (r1, c1)
    }
    out = ['<table border="1" cellspacing="0">']
    for r, row in enumerate(rows):
        cells = []
        for c in range(width):
            if (r, c) in covered:
                continue
            text = row[c] if c < len(row) else ""
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<td{attrs}>{escape(text)}</td>")
        out.append("  <tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_of(key: str, out: Path, encoding: str = "utf-8") -> Path:
    """The example as a plain web page: paragraphs and tables, with a style sheet and a script that are not text."""
    charset = "gbk" if encoding.lower() in ("gbk", "gb18030") else encoding
    body = []
    for kind, item in _blocks(key):
        if kind == "table":
            body.append(table_html(item))
        elif kind == "heading":
            body.append(f"<h2>{escape(item)}</h2>")
        else:
            body.append(f"<p>{escape(item)}</p>")
    page = (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{charset}">\n<title>绩效目标表</title>\n'
        "<style>\ntd { border: 1px solid #999; padding: 2px 4px }\np { margin: 0 }\n</style>\n"
        '<script>var note = "产出指标 数量指标 ≥100%";</script>\n</head>\n<body>\n'
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
    out.write_bytes(page.encode(encoding))
    return out


def csv_of(key: str, out: Path, delimiter: str = ",", encoding: str = "gbk") -> Path:
    """The example's rows as one CSV (blank rows kept), cells quoted only where they must be."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    rows = grid_of(example_text(key))
    if key == "000":
        rows = split_values(rows)
    for row in rows:
        writer.writerow([c.strip() for c in row])
    out.write_bytes(buffer.getvalue().encode(encoding))
    return out


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:office-value="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
)


def _ods_sheet(name: str, rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, c1, r2, c2 in merges(rows)}
    covered = {
        (r, c)
        for (r1, c1), (rs, cs) in spans.items()
        for r in range(r1, r1 + rs)
        for c in range(c1, c1 + cs)
        if (r, c) != (r1, c1)
    }
    out = [
        f'<table:table table:name="{escape(name)}"><table:table-column table:number-columns-repeated="{width}"/>'
    ]
    for r, row in enumerate(rows):
        out.append("<table:table-row>")
        empty = 0
        for c in range(width):
            text = row[c].strip() if c < len(row) else ""
            if (r, c) in covered:
                if empty:
                    out.append(f'<table:table-cell table:number-columns-repeated="{empty}"/>')
                    empty = 0
                out.append("<table:covered-table-cell/>")
                continue
            if not text and (r, c) not in spans:
                empty += 1
                continue
            if empty:
                out.append(f'<table:table-cell table:number-columns-repeated="{empty}"/>')
                empty = 0
            rs, cs = spans.get((r, c), (1, 1))
            attrs = (f' table:number-rows-spanned="{rs}"' if rs > 1 else "") + (
                f' table:number-columns-spanned="{cs}"' if cs > 1 else ""
            )
            out.append(
                f'<table:table-cell office:value-type="string"{attrs}><text:p>{escape(text)}</text:p>'
                "</table:table-cell>"
            )
        out.append(f'<table:table-cell table:number-columns-repeated="{1024 - width}"/></table:table-row>')
    out.append(
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row></table:table>'
    )
    return "".join(out)


def ods_of(key: str, out: Path) -> Path:
    """The example as an OpenDocument spreadsheet (004: one sheet per table)."""
    text = example_text(key)
    if key == "004":
        sheets = [(f"表{i}", grid_of(part)) for i, part in enumerate(sections(text), 1)]
    elif key == "000":
        sheets = [("绩效目标表", split_values(grid_of(text)))]
    else:
        sheets = [("Sheet1", grid_of(text))]
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODS_NS} office:version="1.2">'
        "<office:body><office:spreadsheet>"
        + "".join(_ods_sheet(n, r) for n, r in sheets)
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out


def soffice_convert(program: str, sources: list[Path], target: str, out_dir: Path, suffix: str) -> list[Path]:
    """LibreOffice's conversion of ``sources`` (one start-up for all) into ``out_dir``."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                program,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=300,
            env=dict(os.environ, HOME=profile),
        )
    return [out_dir / f"{source.stem}.{suffix}" for source in sources]


def soffice_examples(program: str, folder: Path, suffix: str) -> dict[str, Path]:
    """Every example converted by LibreOffice into ``folder`` as ``suffix``: ``.doc``, ``.wps`` (a
    Word 97 file so named) and ``.html`` (Writer's HTML export) from the .docx versions; ``.ods``,
    ``.htm`` (Calc's HTML export) and ``.et`` (an Excel 97 workbook so named, as WPS writes them)
    from the .xlsx versions."""
    work = Path(tempfile.mkdtemp(prefix="h21-", dir=folder))
    keys = list(NAMES)
    if suffix in (".doc", ".wps", ".html"):
        sources = [docx_of(key, work / f"{key}.docx") for key in keys]
        if suffix == ".html":
            made = soffice_convert(program, sources, "html:HTML (StarWriter)", work, "html")
        else:
            # by way of .odt: LibreOffice 7.4 drops python-docx's tables when it writes them as .doc directly
            odts = soffice_convert(program, sources, "odt", work, "odt")
            made = soffice_convert(program, odts, "doc:MS Word 97", work, "doc")
    else:
        sources = [xlsx_of(key, work / f"{key}.xlsx") for key in keys]
        if suffix == ".ods":
            made = soffice_convert(program, sources, "ods", work, "ods")
        elif suffix == ".htm":  # Calc's HTML export: each sheet after an <hr> and a "Sheet 2: 表2" heading
            made = soffice_convert(program, sources, "html:HTML (StarCalc)", work, "html")
        else:
            made = soffice_convert(program, sources, "xls:MS Excel 97", work, "xls")
    return {key: path.replace(folder / f"{key}{suffix}") for key, path in zip(keys, made, strict=True)}
