"""The words indicator-lint says to people, in Chinese (the default, ``--lang zh``) and English.

The first reader is a department clerk who reads Chinese: under ``--lang zh`` what a person reads
— the text output's severity labels and summary line, the progress bar, one-line errors, the
annotated files, the ``serve`` page — is Chinese alone; rule codes (IL201) and slugs
(missing-unit) stay as they are, being names. Machine formats (JSON, SARIF, JUnit) keep their
English keys and values.

Errors carry both languages apart (``linter.errors.LintError``: ``error.text(lang)`` is the line
to print); ``pick`` keeps the half in the language asked for of a line already made bilingual
(``file: 中文 / English``).

    word("error", "zh")                  → "错误"
    summary_line(counts, files, "zh")    → "2 个错误，1 个警告，0 个提示（已检查 3 个文件）"
    pick("a.txt: 空文件 / empty file", "zh", "a.txt") → "a.txt: 空文件"
"""

from __future__ import annotations

from collections import Counter

from linter import regexes

LANGS = ("zh", "en")

# key → (Chinese, English)
_WORDS = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
    "no_findings": ("未发现问题", "no findings"),
}

SEVERITY_WORDS = {
    lang: {s: _WORDS[s][i] for s in ("error", "warning", "info")} for i, lang in enumerate(LANGS)
}


def word(key: str, lang: str) -> str:
    """One of the words above (a severity: error, warning, info) in ``lang``."""
    zh, en = _WORDS.get(key, (key, key))
    return zh if lang == "zh" else en


def severity_word(severity: str, lang: str) -> str:
    """A severity as the output shows it in ``lang`` (错误 / error)."""
    return SEVERITY_WORDS["zh" if lang == "zh" else "en"].get(severity, severity)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(counts: Counter, files: list, lang: str = "zh") -> str:
    """The last line of the text output. A file that could not be read is not one checked: it is
    counted apart, and a run that read no file does not say it found nothing wrong."""
    unreadable = sum(1 for f in files if f.error)  # (FileEntry)
    checked = len(files) - unreadable
    errors, warnings, info = counts["error"], counts["warning"], counts["info"]
    if lang == "zh":
        if checked == 0 and unreadable:
            return f"未检查任何文件：{unreadable} 个文件无法读取"
        if errors or warnings or info:
            line = f"{errors} 个错误，{warnings} 个警告，{info} 个提示（已检查 {checked} 个文件）"
        else:
            line = f"未发现问题（已检查 {checked} 个文件）"
        return line + (f"；另有 {unreadable} 个文件无法读取，未检查" if unreadable else "")
    if checked == 0 and unreadable:
        return f"no file checked: {_plural(unreadable, 'file', 'files')} could not be read"
    line = (
        f"{_plural(errors, 'error', 'errors')}, {_plural(warnings, 'warning', 'warnings')}, {info} info "
        f"in {_plural(checked, 'file', 'files')}"
    )
    return line + (f"; {_plural(unreadable, 'file', 'files')} could not be read" if unreadable else "")


def location_text(location, lang: str = "zh", shown_path: str | None = None) -> str:
    """A Location as people read it: ``a.txt:12:5``, ``a.xlsx:Sheet1!D12``, ``a.pdf:第 2 页``
    (``page 2`` in English); ``shown_path`` in place of its path (an upload's own name)."""
    path = location.path if shown_path is None else shown_path
    where = location.within(lang)
    return f"{path}:{where}" if where else path


def progress_text(done: int, total: int, fraction: float, elapsed: float, eta: float, lang: str) -> str:
    """What follows the bar: how far, how long, how long still."""
    if lang == "zh":
        return f"{done}/{total} {fraction:4.0%}  已用 {elapsed:.1f} 秒，约剩 {eta:.0f} 秒 "
    return f"{done}/{total} {fraction:4.0%}  {elapsed:5.1f}s, ~{eta:.0f}s left "


# ---------------------------------------------------------------------- bilingual messages

_CJK = regexes.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_SEPARATOR = " / "
_OPEN, _CLOSE = "“（《「【", "”）》」】"
# where the message is about: all before the last ": " ahead of the Chinese text
# (``indicator-lint: a.xlsx: `` whole, not ``indicator-lint: `` alone)
_LEAD = regexes.compile(r"^(?:[^\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*:\s)?")


def pick(message: str, lang: str, path: str | None = None) -> str:
    """The half of a bilingual one-line message (``where: 中文 / English``) in ``lang``.

    The Chinese half is the text from the start to the first `` / `` that follows a Chinese
    character and stands outside Chinese quotes and brackets (a value quoted in the Chinese half
    may hold one); ``path``, when the message starts with it, is kept whole whatever it holds. A
    message that is not bilingual comes back as it is, and so does an internal error (a bug of
    ours: whoever reports it needs the exception named in its English half)."""
    prefix, rest = "", message
    if path and message.startswith(path):
        prefix, rest = path, message[len(path) :]
    cut = _split_at(rest)
    if cut is None:
        return message
    zh, en = rest[:cut], rest[cut + len(_SEPARATOR) :]
    if "内部错误" in zh:
        return message  # a bug of ours, for whoever reports it: the exception's name is in the English
    if lang == "zh":
        return prefix + zh
    # The English half follows the Chinese text, which followed where it is about (``a.txt: ``):
    # that lead-in is kept in front of it.
    lead = m.group(0) if (m := _LEAD.match(zh)) else ""  # (it always matches: all of it is optional)
    return prefix + lead + en


def _split_at(text: str) -> int | None:
    depth = 0
    seen_chinese = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif _CJK.match(ch):
            seen_chinese = True
        if depth == 0 and seen_chinese and text.startswith(_SEPARATOR, i) and _starts_english(text[i + 3 :]):
            return i
        i += 1
    return None


def _starts_english(text: str) -> bool:
    return bool(text) and (text[0].isascii() and (text[0].isalnum() or text[0] in "-'\"(`<"))


def lang_of(value: str | None) -> str:
    """A --lang value, ``zh`` unless it is ``en``."""
    return "en" if value == "en" else "zh"
