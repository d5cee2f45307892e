"""The HTML report of a sweep (``indicator-lint report``): one self-contained page that draws lazily.

Each file is turned into data in the process that read it (``summary.summarise_file``, the
digest of the report's sink, ``linter.sinks.report``): its tables as JSON and its findings as rows, so
documents never travel or pile up; the page (``page.ReportBuilder``) streams them from spool
files into the output at the end, and its script (``report.js``) draws the findings list and a
file's tables from them when they are looked at.

    summarise_file(doc, findings, lang)  → FileSummary   (cells.py places findings on cells)
    ReportBuilder(title, lang).add(summary) … .write(out_path, rules)
"""
