"""Findings as JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testsuite`` per checked file; one failing ``testcase`` per finding (named by code and
location, the message as the failure message). A clean file has one passing test case, so it
shows as checked; an unreadable file has one test case in error.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from linter.formatters.stream import findings_by_path
from linter.formatters.text import context_line
from linter.model import Finding
from linter.results import FileEntry
from linter.safetext import xml_safe


def _xml_safe_tree(root: ET.Element) -> None:
    """Every text and attribute made something XML 1.0 can hold (ElementTree writes a control
    character or a lone surrogate of a cell or a file name as it is, and the file is no XML)."""
    for element in root.iter():
        for key, value in element.attrib.items():
            element.set(key, xml_safe(value))
        if element.text:
            element.text = xml_safe(element.text)


def junit_tree(findings: list[Finding], files: list[FileEntry]) -> ET.Element:
    """The run as a JUnit XML tree: a suite per file, a failing test case per finding (an error per unreadable file)."""
    by_path = findings_by_path(findings)
    listed = {f.path for f in files}
    paths = [f.path for f in files] + [p for p in by_path if p not in listed]
    errors = {f.path: f.error for f in files if f.error}

    root = ET.Element("testsuites", name="indicator-lint", tests="0", failures="0", errors="0")
    total = failures = n_errors = 0
    for path in paths:
        found = by_path.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=path)
        if path in errors:
            case = ET.SubElement(suite, "testcase", name="read", classname=path)
            ET.SubElement(case, "error", message=errors[path], type="unreadable").text = errors[path]
            tests, fails, errs = 1, 0, 1
        elif not found:
            ET.SubElement(suite, "testcase", name="indicator-lint", classname=path)
            tests, fails, errs = 1, 0, 0
        else:
            for f in found:
                case = ET.SubElement(
                    suite, "testcase", name=f"{f.code} {f.rule} {f.location}", classname=path
                )
                failure = ET.SubElement(case, "failure", message=f.message, type=f"{f.code} {f.severity}")
                failure.text = "\n".join(
                    x for x in (f"{f.location}: {f.code} [{f.severity}] {f.message}", context_line(f)) if x
                )
            tests, fails, errs = len(found), len(found), 0
        suite.set("tests", str(tests))
        suite.set("failures", str(fails))
        suite.set("errors", str(errs))
        total, failures, n_errors = total + tests, failures + fails, n_errors + errs
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(n_errors))
    return root


def format_junit(findings: list[Finding], files: list[FileEntry], colour: bool = False) -> str:
    """The run as JUnit XML text, its text made XML-safe."""
    root = junit_tree(findings, files)
    _xml_safe_tree(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
