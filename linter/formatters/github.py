"""Findings as GitHub Actions workflow commands: each line becomes an annotation on the pull request.

    ::error file=tables/a.yaml,line=12,col=9,title=IL212 vague-value::“应急处突能力提升”的指标值…

``info`` findings are ``notice`` annotations. Data and property values are escaped as the runner
expects (``%``, CR and LF everywhere; ``:`` and ``,`` inside properties too).
"""

from __future__ import annotations

from linter.model import Finding

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    loc = f.location
    props = [f"file={escape_property(loc.path)}"]
    if loc.line > 0:
        props.append(f"line={loc.line}")
        if loc.column > 0:
            props.append(f"col={loc.column}")
    props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
    where = f" ({f.table} › {f.indicator})" if f.table and f.indicator else ""
    return f"::{COMMANDS.get(f.severity, 'warning')} {','.join(props)}::{escape_data(f.message + where)}"


def format_github(findings: list[Finding], files: list[dict], colour: bool = False) -> str:
    lines = [annotation(f) for f in findings]
    lines += [f"::error file={escape_property(f['path'])},title=unreadable::{escape_data(f['error'])}"
              for f in files if f.get("error")]
    return "".join(line + "\n" for line in lines)
