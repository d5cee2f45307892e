"""The document model written out: canonical YAML (docs/format.md) and the JSON of ``convert``.

    to_yaml(doc)            → text that ``read_yaml`` reads back into the same model
    to_json([doc, …])       → {"documents": [{"path", "title", "budget_year", "tables": [...]}]}

The YAML is meant to be read and edited by people: indicators are written as the tree
一级 → 二级 → ``name: value`` whenever that keeps their order, amounts carry their unit, and empty
fields are left out. The JSON is meant for programs: amounts in 元 as numbers, every value with its
parsed form and location.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from typing import TYPE_CHECKING

import yaml

from linter.glossary import normalise_level1, normalise_level2, parent_of
from linter.model import Document, Funding, Indicator, Location, Money, Table
from linter.safetext import shown, unicode_safe_data
from linter.values import parse
from linter.values.numerals import plain_number
from linter.values.types import BareNumber
from linter.values.units import MONEY_UNITS

# --------------------------------------------------------------------------- amounts


def amount_text(money: Money | None, currency_unit: str = "") -> str | None:
    """The amount as canonical text with its unit: ``13`` in a 万元 table → ``13万元``.

    The printed text is kept when it already says its unit; a bare number gets the table's unit
    when that gives the same amount; otherwise the amount is written in 元.
    """
    if money is None:
        return None
    text = money.text.strip()
    if money.yuan is None:
        return text or None
    if text:
        parsed = parse(text)
        if getattr(parsed, "unit_kind", None) == "money" and getattr(parsed, "number", None) == money.yuan:
            return text
        if isinstance(parsed, BareNumber) and not parsed.comparator and not parsed.magnitude:
            for unit in (currency_unit, "万元", "元"):
                if unit in MONEY_UNITS and parsed.number * MONEY_UNITS[unit] == money.yuan:
                    return f"{text}{unit}"
    return f"{plain_number(money.yuan)}元"


def _json_number(number: Decimal | None):
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


# --------------------------------------------------------------------------- canonical dict / YAML


def document_to_dict(doc: Document) -> dict:
    """The canonical mapping of docs/format.md, English keys, empty fields left out."""
    out: dict = {}
    _put(out, "title", doc.title)
    _put(out, "budget_year", doc.budget_year)
    _put(out, "department", doc.department)
    _put(out, "currency_unit", doc.currency_unit if doc.currency_unit in MONEY_UNITS else "")
    _put(out, "total", amount_text(doc.total, doc.currency_unit))
    out["tables"] = [table_to_dict(t, doc.currency_unit) for t in doc.tables]
    return out


def table_to_dict(table: Table, currency_unit: str = "") -> dict:
    """One table's canonical mapping (docs/format.md), empty fields left out."""
    out: dict = {"name": table.name}
    if table.kind != "project":
        out["kind"] = table.kind
    if table.truncated:
        out["truncated"] = True
    _put(out, "department", table.department)
    _put(out, "implementing_unit", table.implementing_unit)
    _put(out, "project_period", table.project_period)
    _put(out, "funding", _funding_dict(table.funding, currency_unit))
    if table.period_funding is not None:
        _put(out, "period_funding", _funding_dict(table.period_funding, currency_unit))
    _put(out, "period_goal", table.period_goal)
    _put(out, "goal", table.goal)
    _put(out, "budget", {label: amount_text(m, currency_unit) for label, m in table.budget.items()})
    tasks = []
    for task in table.tasks:
        item: dict = {"name": task.name}
        _put(item, "content", task.content)
        _put(item, "amount", amount_text(task.amount, currency_unit))
        _put(item, "goal", task.goal)
        tasks.append(item)
    _put(out, "tasks", tasks)
    out["indicators"] = indicators_to_yaml_form(table.indicators)
    return out


def _funding_dict(funding: Funding | None, currency_unit: str) -> dict:
    if funding is None:
        return {}
    out: dict = {}
    for part in ("total", "fiscal", "other"):
        _put(out, part, amount_text(getattr(funding, part), currency_unit))
    return out


def written(ind: Indicator) -> tuple[str, str, str]:
    """(一级, 二级, name) as the YAML writes them: faithful to the source, so that the YAML reads
    back with the same findings. Labels are written normalised (一、产出指标 → 产出指标) except where
    the reader moved a category (a 满意度 二级 printed under 效益: the printed 一级 is kept, and the
    reader of the YAML moves it again and remembers it), and a heading printed inside another
    category's list (``社会效益指标 地震安全知识知晓率`` among the 经济效益 rows) stays in that
    list, at the head of the name, as printed."""
    level1, level2, name = ind.level1, ind.level2, ind.name
    printed1 = ind.level1_printed.strip()
    moved_from = normalise_level1(printed1) if printed1 else None
    if moved_from is not None and moved_from != level1:
        level1 = moved_from
    if ind.inline_heading:
        heading, under = ind.inline_heading
        under2 = normalise_level2(under)
        if under2 and under2 != level2 and not name.startswith(heading):
            level2, name = under2, f"{heading} {name}"
            level1 = parent_of(under2) or level1
    return level1, level2, name


def normalised_notes(doc: Document) -> list[str]:
    """Where the written YAML is not the source's text: one line each, for the header comments."""
    notes = []

    def amount(what: str, money: Money | None, where) -> None:
        written_text = amount_text(money, doc.currency_unit)
        if money is not None and money.text.strip() and written_text != money.text.strip():
            notes.append(
                f"{shown(str(where)) if where else '-'}: {what}“{_one_line(money.text)}”写作“{written_text}” "
                f"/ written as {written_text}"
            )

    amount("合计", doc.total, None)
    for table in doc.tables:
        for part in ("total", "fiscal", "other"):
            for funding in (table.funding, table.period_funding):
                money = getattr(funding, part, None) if funding is not None else None
                amount(f"{table.name} 资金", money, table.location)
        for ind in table.indicators:
            level1, level2, _name = written(ind)
            where = shown(str(ind.location)) if ind.location else table.name
            for what, printed, now in (
                ("一级", ind.level1_printed, level1),
                ("二级", ind.level2_printed, level2),
            ):
                printed = printed.strip()
                if printed and printed != now and not (ind.inline_heading and what == "二级"):
                    notes.append(f"{where}: {what}“{_one_line(printed)}”写作“{now}” / written as {now}")
    return list(dict.fromkeys(notes))


def indicators_to_yaml_form(indicators: list[Indicator]):
    """The tree 一级 → 二级 → [name: value] when it keeps the order; the flat list otherwise."""
    rows = [(ind, *written(ind)) for ind in indicators]
    if _tree_keeps_order(rows):
        tree: dict = {}
        for ind, level1, level2, name in rows:
            leaves = tree.setdefault(level1, {}).setdefault(level2, [])
            leaves.append(_leaf(ind, name))
        return tree
    return [_row(ind, *levels) for ind, *levels in rows]


def _tree_keeps_order(rows) -> bool:
    # The tree groups by 一级 then 二级: fine only if each group is one contiguous run, and every
    # indicator has both levels (an empty heading makes an unreadable tree key).
    seen1: list[str] = []
    seen2: list[tuple[str, str]] = []
    for _ind, level1, level2, _name in rows:
        if not level1 or not level2:
            return False
        if not seen1 or seen1[-1] != level1:
            if level1 in seen1:
                return False
            seen1.append(level1)
        pair = (level1, level2)
        if not seen2 or seen2[-1] != pair:
            if pair in seen2:
                return False
            seen2.append(pair)
    return True


def _leaf(ind: Indicator, name: str) -> dict:
    simple = name and ind.period_value_text is None and not ind.remarks
    if simple:
        return {name: ind.value_text}
    out: dict = {"name": name, "value": ind.value_text}
    _indicator_extras(out, ind)
    return out


def _row(ind: Indicator, level1: str, level2: str, name: str) -> dict:
    out: dict = {}
    _put(out, "level1", level1)
    _put(out, "level2", level2)
    out["name"] = name
    out["value"] = ind.value_text
    _indicator_extras(out, ind)
    return out


def _indicator_extras(out: dict, ind: Indicator) -> None:
    if ind.period_value_text is not None:
        out["period_value"] = ind.period_value_text
    if ind.remarks:
        out["remarks"] = dict(ind.remarks)


def _put(out: dict, key: str, value) -> None:
    if value not in (None, "", {}, []):
        out[key] = value


if TYPE_CHECKING:  # one static base for the checker: the two have the same interface
    _BaseDumper = yaml.SafeDumper
else:  # libyaml's dumper when PyYAML has it
    _BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):
    pass


def _str_representer(dumper, text: str):
    style = "|" if "\n" in text else None  # multi-line goals stay readable as literal blocks
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str_representer)


def to_yaml(doc: Document, source: str | None = None) -> str:
    """One canonical YAML document, headed by a comment naming its source (``source``: the path
    as it should be shown, relative; the document's path by default) and, in comments, what was
    written otherwise than the source printed it."""
    # (a lone surrogate, from a \\udcff escape in a YAML input, is written as its escape: libyaml
    # cannot encode it)
    body = yaml.dump(
        unicode_safe_data(document_to_dict(doc)),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100000,
        indent=2,
    )
    # Rows the reader could not place have no key in the format: keep them visible as comments.
    notes = "".join(f"# {p.rule}: {shown(str(p.location))}: {_one_line(p.message)}\n" for p in doc.problems)
    notes += "".join(f"# normalised: {note}\n" for note in normalised_notes(doc))
    return f"# source: {shown(doc.path if source is None else source)}\n{notes}{body}"


def _one_line(text: str) -> str:
    """A comment's text: one line (a file name or a cell with a line break in it would end the
    comment and write YAML of its own), nothing a terminal acts on."""
    return shown(" ".join(text.split()))


def to_yaml_stream(docs: list[Document], sources: list[str] | None = None) -> str:
    """Several documents in one YAML stream, separated by ``---``."""
    return "---\n".join(to_yaml(d, sources[i] if sources else None) for i, d in enumerate(docs))


# --------------------------------------------------------------------------- JSON


def location_to_dict(loc: Location | None) -> dict | None:
    """A Location as JSON: its fields that are set."""
    if loc is None:
        return None
    return {k: v for k, v in asdict(loc).items() if v is not None}


def funding_to_json(funding: Funding | None, currency_unit: str = "") -> dict | None:
    """The funding block as JSON, amounts in 元 (None when the table has none)."""
    if funding is None:
        return None

    def yuan(m: Money | None):
        return _json_number(m.yuan) if m is not None else None

    return {
        "total_yuan": yuan(funding.total),
        "fiscal_yuan": yuan(funding.fiscal),
        "other_yuan": yuan(funding.other),
        "text": amount_text(funding.total, currency_unit),
    }


def indicator_to_json(ind: Indicator) -> dict:
    """One indicator as JSON: as printed, as parsed, and where it was read."""
    out = {
        "level1": ind.level1,
        "level2": ind.level2,
        "name": ind.name,
        "value": ind.value_text,
        "parsed": ind.value.to_dict(),
        "location": location_to_dict(ind.location),
    }
    if ind.level1_printed and ind.level1_printed != ind.level1:
        out["level1_printed"] = ind.level1_printed
    if ind.level2_printed and ind.level2_printed != ind.level2:
        out["level2_printed"] = ind.level2_printed
    if ind.period_value_text is not None:
        out["period_value"] = ind.period_value_text
        out["period_parsed"] = ind.period_value.to_dict() if ind.period_value is not None else None
    if ind.remarks:
        out["remarks"] = dict(ind.remarks)
    return out


def table_to_json(table: Table, currency_unit: str = "") -> dict:
    """One table as JSON, every field present (``convert --to json``)."""
    out = {
        "name": table.name,
        "kind": table.kind,
        "truncated": table.truncated,
        "department": table.department,
        "implementing_unit": table.implementing_unit,
        "project_period": table.project_period,
        "funding": funding_to_json(table.funding, currency_unit),
        "period_funding": funding_to_json(table.period_funding, currency_unit),
        "period_goal": table.period_goal,
        "goal": table.goal,
        "indicators": [indicator_to_json(i) for i in table.indicators],
        "location": location_to_dict(table.location),
    }
    if table.budget:
        out["budget"] = {
            label: {"yuan": _json_number(m.yuan), "text": amount_text(m, currency_unit)}
            for label, m in table.budget.items()
        }
    if table.tasks:
        out["tasks"] = [
            {
                "name": t.name,
                "content": t.content,
                "goal": t.goal,
                "amount_yuan": _json_number(t.amount.yuan) if t.amount else None,
                "amount_text": amount_text(t.amount, currency_unit),
                "location": location_to_dict(t.location),
            }
            for t in table.tasks
        ]
    return out


def document_to_json(doc: Document) -> dict:
    """One document as JSON, every field present."""
    return {
        "path": doc.path,
        "title": doc.title,
        "budget_year": doc.budget_year,
        "department": doc.department,
        "currency_unit": doc.currency_unit,
        "encoding": doc.encoding,
        "total": funding_to_json(Funding(total=doc.total), doc.currency_unit) if doc.total else None,
        "tables": [table_to_json(t, doc.currency_unit) for t in doc.tables],
        "problems": [
            {"rule": p.rule, "message": p.message, "table": p.table, "location": location_to_dict(p.location)}
            for p in doc.problems
        ],
    }


def to_json(docs: list[Document]) -> str:
    """The documents as the JSON text of ``convert --to json``."""
    documents = unicode_safe_data(
        [document_to_json(d) for d in docs]
    )  # valid UTF-8, whatever a file is named
    return json.dumps({"documents": documents}, ensure_ascii=False, indent=2) + "\n"
