"""The HTML report of a sweep (``indicator-lint report``): one self-contained page.

Each file is turned into its HTML section in the process that read it (``summary.summarise_file``,
the ``summarise`` hook of ``lintrun.check_files``), so documents never travel or pile up; the page
(``page.write_report``) streams those sections from a spool file into the output at the end.

    summarise_file(doc, findings, lang)  → FileSummary   (cells.py places findings, sections.py renders)
    ReportBuilder(title, lang).add(result) … .write(out_path, rules)
"""
