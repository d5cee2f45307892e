"""The formats of issue 21 — the files people really have — chosen by extension and by content.

* ``.html`` / ``.htm`` (and a ``.doc`` or ``.xls`` that is really a web page, as web systems save
  "Word" and "Excel" files): ``html``; ``.mht`` / ``.mhtml`` (a page saved as one MIME message, as
  Word's and browsers' "single file web page" — a ``.doc`` too, sometimes): its HTML part;
* ``.csv`` in any common dialect and encoding: ``delimited``;
* ``.ods``: ``ods``;
* ``.doc`` / ``.wps`` (Word 97 or WPS Writer): through LibreOffice into .docx (``soffice``), unless
  the bytes are a .docx, a web page or plain text already;
* ``.et`` (WPS Spreadsheets): read directly when it is a BIFF workbook (xlrd) or an .xlsx, else
  through LibreOffice into .xlsx.

    if handles(suffix, data): doc, notes = read_other(data, name, suffix)
"""

from __future__ import annotations

from linter.discovery import (
    CSV_EXTENSIONS,
    HTML_EXTENSIONS,
    MHTML_EXTENSIONS,
    ODS_EXTENSIONS,
    SHEET_LIKE_EXTENSIONS,
    WORD_LIKE_EXTENSIONS,
)
from linter.discovery import OTHER_EXTENSIONS as EXTENSIONS
from linter.model import Document
from linter.readers import InputError, check_text_limits, decode
from linter.readers.excel import encrypted
from linter.readers.sniff import OLE_MAGIC, zip_kind


def handles(suffix: str, data: bytes) -> bool:
    """Is the file one of these formats (by extension; a .xls that is a web page by content)?"""
    return suffix in EXTENSIONS or (suffix == ".xls" and _is_html_bytes(data))


def read_other(data: bytes, name: str, suffix: str) -> tuple[Document, str]:
    """(Document, text the findings' lines come from, '' for none)."""
    if not data.strip():
        raise InputError(name, "空文件", "empty file")
    if suffix in ODS_EXTENSIONS:
        from linter.readers.ods import read_ods

        return read_ods(data, name), ""
    if suffix in SHEET_LIKE_EXTENSIONS:
        return _spreadsheet(data, name, suffix), ""
    if suffix in WORD_LIKE_EXTENSIONS and (
        data.startswith((OLE_MAGIC, b"{\\rtf")) or zip_kind(data) == "word"
    ):
        return _word(data, name, suffix), ""
    if suffix in MHTML_EXTENSIONS or _is_mhtml(data):
        data = _mhtml_page(data, name)
        suffix = ".html"
    text, encoding = decode(data, name)
    del data  # (up to MAX_BYTES: not held twice while the text is read)
    # Every text is bounded as read_path bounds a .txt (linter.limits), before any cell is made: a
    # CSV of twenty million commas or a page of two million <td> would take gigabytes and minutes.
    if suffix in CSV_EXTENSIONS:
        from linter.readers.delimited import read_csv

        check_text_limits(text, name, cells=False)  # (its cells: counted by its delimiter, read_csv)
        doc = read_csv(text, name)
    else:
        from linter.readers.html import check_html_cells, looks_like_html, read_html
        from linter.readers.text import read_text  # a .doc that is plain text (a web system's export)

        if suffix in HTML_EXTENSIONS or looks_like_html(text):
            check_text_limits(text, name, cells=False)
            check_html_cells(text, name)
            doc = read_html(text, name)
        else:
            check_text_limits(text, name)
            doc = read_text(text, name)
    doc.encoding = encoding
    return doc, text


def _word(data: bytes, name: str, suffix: str) -> Document:
    from linter.readers.docx import read_docx

    if zip_kind(data) == "word":
        return read_docx(data, name)  # a .docx under another name
    from linter.readers.soffice import convert

    copy_as = ".doc" if data.startswith(OLE_MAGIC) and "WordDocument".encode("utf-16-le") in data else suffix
    if data.startswith(b"{\\rtf"):
        copy_as = ".rtf"
    doc = read_docx(convert(data, name, copy_as, "docx"), name)
    doc.source_format = suffix.lstrip(".")
    return doc


def _spreadsheet(data: bytes, name: str, suffix: str) -> Document:
    from linter.readers.excel import read_excel

    if zip_kind(data) == "excel":
        doc, _ = read_excel(data, name)
        return doc
    if data.startswith(OLE_MAGIC) and not encrypted(data):
        try:
            doc, _ = read_excel(data, name)  # a BIFF workbook (WPS saves .et so): xlrd reads it
            doc.source_format = "et"
            return doc
        except InputError:
            pass  # not one xlrd can read: LibreOffice may
    from linter.readers.soffice import convert

    doc, _ = read_excel(convert(data, name, suffix, "xlsx"), name)
    doc.source_format = suffix.lstrip(".")
    return doc


def _is_html_bytes(data: bytes) -> bool:
    from linter.readers.html import looks_like_html

    # (its tags are ASCII: latin-1 reads them whatever the encoding)
    return looks_like_html(data[:4096].removeprefix(b"\xef\xbb\xbf").decode("latin-1"))


def read_path_of(data: bytes, name: str, suffix: str, verbose: bool = False) -> Document:
    """``read_path`` for these formats: the Document, or InputError (and nothing else)."""
    import sys

    from linter.readers import _no_table, _reader_errors

    with _reader_errors(name):
        doc, text = read_other(data, name, suffix)
    doc.source_text = text
    if verbose:
        encoding = f"{doc.encoding}, " if doc.encoding else ""
        print(f"{name}: {encoding}{doc.source_format}, {len(doc.tables)} table(s)", file=sys.stderr)
    if not doc.tables:
        raise _no_table(name, text) if text else InputError(name, "未找到绩效目标表", "no target table found")
    return doc


def _is_mhtml(data: bytes) -> bool:
    head = data[:4096].lower()
    return (
        head.lstrip().startswith((b"mime-version:", b"from:", b"content-type:", b"subject:", b"date:"))
        and b"multipart/related" in head
    )


def _mhtml_page(data: bytes, name: str) -> bytes:
    """The HTML part of a MIME web archive, decoded (quoted-printable, base64) and re-encoded as UTF-8."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)  # bytes, or None for a multipart part
            if not isinstance(payload, bytes):
                payload = b""
            charset = part.get_content_charset() or ""
            if charset:
                try:
                    return payload.decode(charset).encode("utf-8")
                except (LookupError, UnicodeDecodeError):
                    pass
            return payload
    raise InputError(name, "网页存档中没有 HTML 内容", "the web archive holds no HTML part")
