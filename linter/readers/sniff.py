"""What a file's first bytes say it is, whatever its name: the magic numbers of the formats read.

zip_kind(data)  → "word" (a .docx), "excel" (a .xlsx) or "" (another zip, or no zip)
"""

from __future__ import annotations

ZIP_MAGIC = b"PK\x03\x04"  # .docx, .xlsx, .ods: zip archives
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .et: OLE compound files
PDF_MAGIC = b"%PDF-"
_HEAD = 65536  # the zip's first local headers name its parts (word/document.xml, xl/workbook.xml)


def zip_kind(data: bytes) -> str:
    """``word`` or ``excel`` for an Office Open XML archive, by the parts it names; '' otherwise."""
    if not data.startswith(ZIP_MAGIC):
        return ""
    head = data[:_HEAD]
    return "word" if b"word/" in head else "excel" if b"xl/" in head else ""


def is_office_or_pdf(data: bytes) -> bool:
    """Does the file start as an Office file (a zip or an OLE compound file) or a PDF does?"""
    return data.startswith((ZIP_MAGIC, OLE_MAGIC, PDF_MAGIC))
