"""The annotated Word document: ``check FILE.docx --annotate OUT.docx``.

A copy of the clerk's own document (python-docx reads it; the input is never opened for writing)
with each flagged cell shaded in the colour of its worst finding and given a Word comment holding
the messages, then a section 检查结果 at the end listing every finding: landscape, the table as wide
as the page, its header row repeated on every page, levels in Chinese.

Findings point at cells as the Word reader names them (``linter.readers.docx``): ``表2!R5C3`` is
table 2 of the body, row 5, column 5 of its grid (a merged cell: its first grid cell, where the
reader found the text), ``表2.1`` a table nested in a cell of table 2, ``正文!P7`` the seventh
paragraph of the body. A finding whose place is not found there (none, as the reader reads) goes
on the document's first paragraph or cell, so that none is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from linter import regexes
from linter.annotate import FILLS, AnnotateError, headings, mark_text
from linter.model import Document, Finding
from linter.rulebook import worst_severity
from linter.safetext import xml_safe

if TYPE_CHECKING:  # python-docx loads only when a Word document is annotated
    from docx.table import Table

AUTHOR = "indicator-lint"
INITIALS = "IL"
# w:tcPr children that come after w:shd (ECMA-376 CT_TcPr): shading is put before the first of them.
_AFTER_SHD = (
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
)
_CELL = regexes.compile(r"^R(\d+)C(\d+)$")
_PARAGRAPH = regexes.compile(r"^P(\d+)$")


def annotated_document(
    source: Path, doc: Document, findings: list[Finding], lang: str = "zh", shown_path: str | None = None
):
    """The python-docx Document: ``source`` with ``findings`` marked and listed."""
    import docx

    try:
        document = docx.Document(str(source))
    except Exception as e:  # noqa: BLE001 — read already succeeded once; a second failure is still no traceback
        raise AnnotateError(
            source.name, f"无法复制 Word 文档（{type(e).__name__}）", "cannot copy the Word document"
        ) from None
    places = _Places(document)
    by_target: dict = {}  # w:tc or w:p element → (the cell or paragraph, its findings)
    where: list[str] = []
    for f in findings:
        target = places.find(f.location.sheet, f.location.cell) or places.fallback()
        where.append(_where(f, lang, shown_path))
        if target is not None:
            by_target.setdefault(target._element, (target, []))[1].append(f)
    for target, found in by_target.values():
        _mark(document, target, found, lang)
    _summary(document, findings, where, lang)
    return document


def _where(f: Finding, lang: str, shown_path: str | None) -> str:
    """The 位置 column: ``表2 第5行第3列`` / ``table 2, row 5, column 3``."""
    from linter.i18n import location_text

    return cell_text(f.location.sheet or "", f.location.cell or "", lang) or location_text(
        f.location, lang, shown_path
    )


def cell_text(sheet: str, cell: str, lang: str) -> str | None:
    """A Word document's place as people say it: ``表2 第5行第3列``, ``正文第7段`` (None: not one)."""
    m, p = _CELL.match(cell), _PARAGRAPH.match(cell)
    if m:
        return (
            f"{sheet} 第{m.group(1)}行第{m.group(2)}列"
            if lang == "zh"
            else f"{sheet} row {m.group(1)}, column {m.group(2)}"
        )
    if p and sheet == "正文":
        return f"正文第{p.group(1)}段" if lang == "zh" else f"paragraph {p.group(1)}"
    return None


class _Places:
    """The document's tables (by the reader's names) and body paragraphs, by number."""

    def __init__(self, document):
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        self.tables: dict[str, Table] = {}
        self.paragraphs: list = []
        n = 0
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                self.paragraphs.append(Paragraph(child, document))
            elif tag == "tbl":
                n += 1
                self._name(Table(child, document), f"表{n}", 0)

    def _name(self, table, name: str, depth: int) -> None:
        """As the reader numbers them: nested tables ``表2.1`` … in the order of the row holding them."""
        if depth > 5 or name in self.tables:
            return
        self.tables[name] = table
        for row in table.rows:
            try:
                cells = list(row.cells)
            except (ValueError, IndexError):
                continue
            nested, previous = [], None
            for cell in cells:
                if cell._tc is not previous:
                    nested.extend(cell.tables)
                previous = cell._tc
            for i, inner in enumerate(nested, 1):
                self._name(inner, f"{name}.{i}", depth + 1)

    def find(self, sheet: str | None, cell: str | None):
        if not sheet or not cell:
            return None
        if sheet == "正文":
            m = _PARAGRAPH.match(cell)
            n = int(m.group(1)) if m else 0
            return self.paragraphs[n - 1] if 0 < n <= len(self.paragraphs) else None
        m = _CELL.match(cell)
        table = self.tables.get(sheet)
        if m is None or table is None:
            return None
        r, c = int(m.group(1)), int(m.group(2))
        try:
            rows = table.rows
            cells = list(rows[r - 1].cells) if 0 < r <= len(rows) else []
        except (ValueError, IndexError):
            return None
        return cells[c - 1] if 0 < c <= len(cells) else None

    def fallback(self):
        for paragraph in self.paragraphs:
            if paragraph.text.strip():
                return paragraph
        first = next(iter(self.tables.values()), None)
        return first.rows[0].cells[0] if first is not None and first.rows else None


# ---------------------------------------------------------------------- marks


def _mark(document, target, found: list[Finding], lang: str) -> None:
    """Shade a cell (not a paragraph) and comment on its text."""
    from docx.table import _Cell

    worst = worst_severity(f.severity for f in found)
    if isinstance(target, _Cell):
        _shade(target, FILLS.get(worst or "info", FILLS["info"]))
        paragraphs = target.paragraphs
    else:
        paragraphs = [target]
    runs = [run for p in paragraphs for run in p.runs]
    if not runs:  # an empty cell: a comment needs a run to hold on to
        runs = [paragraphs[0].add_run("")]
    lines = mark_text(found, lang).split("\n")
    comment = document.add_comment(runs, text=xml_safe(lines[0]), author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(xml_safe(line))


def _shade(cell, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    after = next((child for child in tc_pr if child.tag.rsplit("}", 1)[-1] in _AFTER_SHD), None)
    if after is not None:
        after.addprevious(shd)
    else:
        tc_pr.append(shd)


# ---------------------------------------------------------------------- the 检查结果 section


def _summary(document, findings: list[Finding], where: list[str], lang: str) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from linter.i18n import severity_word, word

    section = document.add_section(WD_SECTION.NEW_PAGE)
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    heading = document.add_paragraph().add_run("检查结果" if lang == "zh" else "Findings")
    heading.bold, heading.font.size = True, Pt(16)
    if not findings:
        document.add_paragraph(word("no_findings", lang))
        return
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    document.add_paragraph(
        "，".join(f"{severity_word(s, lang)} {n} 个" for s, n in counts.items())
        if lang == "zh"
        else ", ".join(f"{n} {severity_word(s, lang)}" for s, n in counts.items())
    )
    names = headings(lang)
    table = document.add_table(rows=1 + len(findings), cols=len(names))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    width = OxmlElement("w:tblW")  # the whole width of the page, whatever its margins
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_pr.append(width)
    _borders(tbl_pr)
    grid = [list(row.cells) for row in table.rows]
    header = table.rows[0]
    header_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the heading row on every page
    repeat.set(qn("w:val"), "true")
    header_pr.append(repeat)
    for c, name in enumerate(names):
        cell = grid[0][c]
        cell.text = name
        for run in cell.paragraphs[0].runs:
            run.bold = True
        _shade(cell, "D9D9D9")
    for n, (f, place) in enumerate(zip(findings, where, strict=True), 1):
        values = (
            str(n),
            place,
            f.code,
            severity_word(f.severity, lang),
            f.message,
            f.table or "",
            f.indicator or "",
            f.value or "",
        )
        for c, value in enumerate(values):
            grid[n][c].text = xml_safe(value)
        _shade(grid[n][3], FILLS.get(f.severity, FILLS["info"]))
    # relative widths (the table is the page's width): the message column takes most of it
    shares = (4, 14, 6, 5, 41, 12, 12, 6)
    for row in grid:
        for cell, share in zip(row, shares, strict=True):
            _cell_width(cell, share)
    for row in grid:
        for cell in row:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)


def _cell_width(cell, percent: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:tcW")):
        tc_pr.remove(old)
    width = OxmlElement("w:tcW")
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), str(percent * 50))
    tc_pr.insert(0, width)


def _borders(tbl_pr) -> None:
    """Single lines around and between all cells (a clerk's document may have no ``Table Grid`` style)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "808080")
        borders.append(line)
    tbl_pr.append(borders)
