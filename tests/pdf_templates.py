"""PDF versions of the four example documents, printed as published tables are (reportlab).

Used by test_pdf. The example's lines are cut into cells as for the office versions
(office_templates.grid_of): a line with one cell (title, 年度, 单位) is a paragraph, a run of
lines with several cells a ruled table whose 一级/二级 and block labels are merged down over the
empty cells below them and across one empty cell (office_templates.merges, reportlab SPAN). The
page is landscape A4 in the built-in CID font STSong-Light; long tables go on over page breaks
(000's second table and 003's indicator table do). HTML in a cell (002's web-published cells) is
printed as a person sees it: each ``<p>`` a new line in the cell, the tags gone.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from office_templates import example_text, grid_of, merges

FONT = "STSong-Light"
_BLOCK_TAG = re.compile(r"\s*</?(?:p|ol|ul|li|div|br)\b[^>]*>\s*", re.IGNORECASE)


def _markup(text: str) -> str:
    """Cell text as reportlab Paragraph markup: block tags become line breaks, the rest escaped."""
    parts = [html.escape(p, quote=False) for p in _BLOCK_TAG.split(text) if p.strip()]
    return "<br/>".join(parts)


def pdf_of(key: str, out: Path, repeat_header: bool = False) -> Path:
    """The example as a PDF at ``out``; ``repeat_header`` repeats a table's first row on each page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    style = ParagraphStyle("zh", fontName=FONT, fontSize=7, leading=9, wordWrap="CJK")
    story: list = []
    block: list[list[str]] = []
    usable = landscape(A4)[0] - 70

    def flush() -> None:
        if not block:
            return
        width = max(len(r) for r in block)
        data = [[Paragraph(_markup(c), style) for c in row] + [""] * (width - len(row)) for row in block]
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        commands += [("SPAN", (c1, r1), (c2, r2)) for r1, c1, r2, c2 in merges(block)]
        story.append(
            Table(
                data,
                style=TableStyle(commands),
                colWidths=[usable / width] * width,
                repeatRows=1 if repeat_header else 0,
            )
        )
        block.clear()

    for row in grid_of(example_text(key)):
        filled = [c for c in row if c.strip()]
        if len(filled) <= 1 and len(row) <= 1:
            flush()
            if filled:
                story.append(Paragraph(_markup(filled[0].lstrip("# ")), style))
            continue
        block.append(row)
    flush()
    SimpleDocTemplate(
        str(out), pagesize=landscape(A4), leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30
    ).build(story)
    return out


def scanned_pdf(out: Path) -> Path:
    """A page holding only a picture, as a scanner makes it: no text layer."""
    import io

    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = io.BytesIO()
    Image.new("L", (200, 100), 200).save(picture, format="PNG")
    pdf = canvas.Canvas(str(out), pagesize=A4)
    pdf.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 50, 500, width=400, height=200)
    pdf.showPage()
    pdf.save()
    return out
