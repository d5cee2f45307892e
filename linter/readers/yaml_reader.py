"""The canonical YAML reader (docs/format.md, schema/target-table.schema.json).

Two steps, both strict and both naming the line of anything they refuse:

1. ``load_yaml`` reads the canonical subset that ``convert`` writes with a line parser
   (``yaml_fast``, several times faster on a sweep, where lines repeat from table to table); any
   other YAML, and broken YAML, goes through PyYAML's C loader where available, whose nodes are
   turned into data with a direct walk (faster than PyYAML's constructor). Both give the same
   data (``yaml_common``; ``tests/test_yaml_fast.py`` holds them to it). Mappings come back as
   ``LineDict``: a dict that also knows where it starts and where each of its keys and values
   stands, so every table, amount and indicator gets a Location without a second pass. Scalars
   follow YAML 1.2's core rules, not 1.1's: ``no``, ``on``, ``1:30`` and ``2024-01-01`` stay text,
   and ``13.50`` becomes ``Decimal('13.50')`` so no digit is lost.
2. ``document_from_mapping`` builds the Document. The keys it accepts, their Chinese aliases and
   the required ones come from the JSON Schema file, so the schema stays the one description of
   the format; an unknown key is an error with a did-you-mean.

    doc = read_yaml(Path("t.yaml").read_text(), "t.yaml")
    doc = document_from_mapping({"indicators": [{"name": "培训人数", "value": "≥100人"}]}, "rule.yaml")
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, NoReturn

import yaml

from linter import glossary
from linter.model import Document, Funding, Indicator, Location, Money, Table, Task
from linter.readers import InputError, shown
from linter.readers.amounts import FACTORS, TOO_LONG, amount_number
from linter.readers.yaml_common import LineDict, new_mapping, resolve_plain, scalar_value
from linter.readers.yaml_fast import DECLINED, load_canonical
from linter.resources import data_dir
from linter.values import parse
from linter.values.types import Quantity
from linter.values.units import MONEY_UNITS
from linter.yamlfile import nesting_too_deep

DEFAULT_TABLE_NAME = "示例项目"
MAX_AMOUNT = Decimal(10) ** 15  # a thousand trillion 元: beyond any budget, so a typo or an attack
KINDS = {
    "project": "project",
    "项目": "project",
    "department": "department",
    "部门": "department",
    "部门整体": "department",
    "self-evaluation": "self-evaluation",
    "自评": "self-evaluation",
    "自评表": "self-evaluation",
}


# --------------------------------------------------------------------------- loading with lines

if TYPE_CHECKING:  # one static base for the checker: the two have the same interface
    _BaseLoader = yaml.SafeLoader
else:  # PyYAML built without libyaml has no CSafeLoader: same behaviour, slower
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_BaseLoader):
    """The C parser and composer with YAML 1.2 core scalar resolution (``_to_data`` builds data)."""

    def resolve(self, kind, value, implicit):
        # Plain scalars: YAML 1.2 core, as yaml_fast resolves them (not SafeLoader's YAML 1.1 table).
        # Tables repeat the same keys and values endlessly: each is resolved once.
        if kind is _ScalarNode and implicit[0]:
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = resolve_plain(value)
                if len(_RESOLVED) < 100_000:
                    _RESOLVED[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


_RESOLVED: dict[str, str] = {}


class _Problem(Exception):
    def __init__(self, mark, zh: str, en: str):
        self.line = mark.line + 1 if mark is not None else None
        self.zh, self.en = zh, en


def _to_data(node, memo: dict):
    """Plain data from a composed node tree: LineDict, list, str, int, Decimal, bool, None.

    A direct walk instead of PyYAML's generic constructor: it is faster, and it records marks.
    ``memo`` holds nodes shared through YAML aliases, so ``*a`` repeated costs nothing extra
    (and cannot blow up exponentially) and a self-referencing alias does not loop. Scalars, most
    of the nodes, are converted where they are met rather than through a recursive call.
    """
    if node.__class__ is _ScalarNode:
        return scalar_value(node.tag, node.value)
    done = memo.get(id(node))
    if done is not None:
        return done
    if node.__class__ is _SequenceNode:
        items: list = []
        memo[id(node)] = items
        items.extend(
            scalar_value(child.tag, child.value) if child.__class__ is _ScalarNode else _to_data(child, memo)
            for child in node.value
        )
        return items
    mark = node.start_mark
    data = memo[id(node)] = new_mapping(mark.line + 1, mark.column + 1)
    marks = data.marks
    for key_node, value_node in node.value:
        if key_node.__class__ is not _ScalarNode:
            raise _Problem(key_node.start_mark, "键必须是文字", "a key must be text")
        key = scalar_value(key_node.tag, key_node.value)
        if key is None:
            key = ""
        if key in data:
            raise _Problem(key_node.start_mark, f"重复的键 '{key}'", f"duplicate key '{key}'")
        data[key] = (
            scalar_value(value_node.tag, value_node.value)
            if value_node.__class__ is _ScalarNode
            else _to_data(value_node, memo)
        )
        marks[key] = (key_node.start_mark, value_node.start_mark)
    return data


_ScalarNode, _SequenceNode = yaml.ScalarNode, yaml.SequenceNode


def load_yaml(text: str, path: str):
    """Parse one YAML document into plain data with LineDict mappings; InputError if broken."""
    data = load_canonical(text)  # the canonical subset, read line by line: most files, quickly
    return load_yaml_fully(text, path) if data is DECLINED else data


def load_yaml_fully(text: str, path: str):
    """``load_yaml`` through PyYAML's composer (libyaml): any YAML, and the errors of broken YAML."""
    if nesting_too_deep(text):
        raise InputError(path, "结构嵌套过深，无法读取", "nesting too deep to read")
    loader = LineLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _to_data(node, {})
    except _Problem as p:
        raise InputError(path, p.zh, p.en, p.line) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        raise InputError(path, f"YAML 格式错误：{problem}", f"broken YAML: {problem}", line) from None
    finally:
        loader.dispose()


def read_yaml(text: str, path: str) -> Document:
    """Read a canonical YAML document (strict: the file format of docs/format.md)."""
    data = load_yaml(text, path)
    doc = _Builder(path, strict=True).document(data)
    doc.source_format = "yaml"
    return doc


def document_from_mapping(data, path: str, lines: dict | None = None) -> Document:
    """A Document from already-loaded data, accepting partial input (rule-file examples).

    ``data`` is a mapping with ``tables:``, or a single table's mapping (``indicators:``,
    ``name:`` …, possibly with document keys such as ``budget_year`` beside them), or a bare list
    of indicators. Missing fields get defaults (table name ``示例项目``). Mappings loaded with
    ``load_yaml`` carry their own lines; ``lines`` (``{"line": 12, "column": 5}``) is where
    anything without one is placed, e.g. the line of the example in the rule file.
    Unknown keys and wrong types still raise InputError.
    """
    base = Location(path, (lines or {}).get("line", 0), (lines or {}).get("column", 0))
    return _Builder(path, strict=False, base=base).document(data)


# --------------------------------------------------------------------------- the schema's keys


@dataclass(frozen=True)
class _Shape:
    """What one object of the schema accepts: key → canonical key, remark keys, required keys."""

    what_zh: str
    what_en: str
    keys: dict[str, str]
    remark_keys: frozenset[str]
    required: tuple[str, ...]


def _load_shapes() -> dict[str, _Shape]:
    schema = json.loads((data_dir("schema") / "target-table.schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    names = {
        "document": ("文档顶层", "at top level"),
        "table": ("表中", "in table"),
        "funding": ("资金中", "in funding"),
        "task": ("重点工作任务中", "in task"),
        "indicator": ("指标中", "in indicator"),
    }
    shapes = {}
    for name, (zh, en) in names.items():
        obj = defs[name]
        if "properties" not in obj:  # funding: the object branch of its anyOf
            obj = next(b for b in obj["anyOf"] if "properties" in b)
        keys, remarks = {}, set()
        for key, prop in obj["properties"].items():
            if prop.get("x-remark"):
                remarks.add(key)
            else:
                keys[key] = prop.get("x-alias-of", key)
        required = tuple(
            dict.fromkeys(keys[alt["required"][0]] for alt in obj.get("anyOf", ()) if "required" in alt)
        )
        shapes[name] = _Shape(zh, en, keys, frozenset(remarks), required)
    return shapes


SHAPES = _load_shapes()
_DOCUMENT_ONLY = (
    "title",
    "budget_year",
    "currency_unit",
    "total",
)  # the rest of a flat mapping is the table's


# --------------------------------------------------------------------------- building the model


class _Builder:
    def __init__(self, path: str, strict: bool, base: Location | None = None):
        self.path = path
        self.strict = strict
        self.base = base or Location(path, 0, 0)
        self.currency_unit = ""  # '' or a MONEY_UNITS key: the unit of plain-number amounts ('' is 元)

    # -- errors and locations

    def fail(self, where, zh: str, en: str, key=None) -> NoReturn:
        raise InputError(self.path, zh, en, self._line(where, key) or None)

    def _line(self, mapping, key=None) -> int:
        if isinstance(mapping, LineDict):
            if key is not None and key in mapping.marks:
                return mapping.marks[key][0].line + 1
            return mapping.line
        return self.base.line

    def loc(self, mapping, key=None) -> Location:
        """Where ``mapping[key]`` (or the mapping itself) was written."""
        if isinstance(mapping, LineDict):
            if key is not None and key in mapping.marks:
                mark = mapping.marks[key][1]
                return Location(self.path, mark.line + 1, mark.column + 1)
            return Location(self.path, mapping.line, mapping.column)
        return self.base

    # -- keys

    def fields(self, mapping, shape: _Shape, extra: _Shape | None = None) -> dict:
        """canonical key → original key for each key of ``mapping``; unknown keys are errors."""
        out: dict = {}
        for key in mapping:
            canonical = shape.keys.get(key) if isinstance(key, str) else None
            if canonical is None and extra is not None and isinstance(key, str):
                canonical = extra.keys.get(key)
            if canonical is None:
                if key in shape.remark_keys:
                    continue
                self._unknown_key(mapping, key, shape, extra)
            if canonical in out:
                self.fail(
                    mapping,
                    f"'{key}' 与 '{out[canonical]}' 重复（同一字段）",
                    f"'{key}' repeats '{out[canonical]}' (the same field)",
                    key,
                )
            out[canonical] = key
        if self.strict:
            for required in shape.required:
                if required not in out:
                    aliases = "', '".join(k for k, c in shape.keys.items() if c == required and k != c)
                    self.fail(
                        mapping,
                        f"{shape.what_zh}缺少 '{required}'（或 '{aliases}'）",
                        f"missing '{required}' {shape.what_en} (or '{aliases}')",
                    )
        return out

    def _unknown_key(self, mapping, key, shape: _Shape, extra: _Shape | None):
        known = list(shape.keys) + list(shape.remark_keys) + (list(extra.keys) if extra else [])
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"，是否应为 '{close[0]}'？" if close else ""
        hint_en = f" (did you mean '{close[0]}'?)" if close else ""
        if shape is SHAPES["document"] and not extra and key in SHAPES["table"].keys:
            hint, hint_en = "；单个表请写在 'tables:' 下", " (a single table goes under 'tables:')"
        self.fail(
            mapping,
            f"{shape.what_zh}有未知键 '{key}'{hint}",
            f"unknown key '{key}' {shape.what_en}{hint_en}",
            key,
        )

    def mapping(self, value, where, key, what_zh: str, what_en: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(
                where, f"'{key}' 应为映射（{what_zh}）", f"'{key}' should be a mapping ({what_en})", key
            )
        return value

    def items(self, value, where, key, what_zh: str, what_en: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, f"'{key}' 应为列表（{what_zh}）", f"'{key}' should be a list ({what_en})", key)
        return value

    # -- scalars

    def text(self, mapping, key) -> str:
        """The text of ``mapping[key]`` ('' when absent or null); numbers keep their digits."""
        if key is None:
            return ""
        return self.text_of(mapping.get(key), mapping, key)

    def text_of(self, value, mapping, key) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, int | float):
            return str(value)
        kind = ("映射", "a mapping") if isinstance(value, dict) else ("列表", "a list")
        self.fail(
            mapping, f"'{key}' 应为文字，而不是{kind[0]}", f"'{key}' should be text, not {kind[1]}", key
        )

    def money(self, mapping, key) -> Money | None:
        """An amount: ``13万元`` as written, or a number in the document's currency unit."""
        if key is None:
            return None
        value = mapping.get(key)
        loc = self.loc(mapping, key)
        unit = self.currency_unit or "元"
        if isinstance(value, int | Decimal | float) and not isinstance(value, bool):
            number = Decimal(str(value))
            return Money(f"{format(number, 'f')}{unit}", self.yuan(number, FACTORS[unit], mapping, key), loc)
        text = self.text_of(value, mapping, key)
        if not text:
            return None
        amount = amount_number(text)  # 13, 13万, 13万元, 9,674,500.00: as every reader reads an amount
        if amount is not None:
            number, own_unit = amount
            return Money(
                text if own_unit else text + unit,
                self.yuan(number, FACTORS[own_unit or unit], mapping, key),
                loc,
            )
        if TOO_LONG.search(text):  # what amount_number leaves out: an absurd amount, not an unreadable one
            self.implausible(mapping, key)
        parsed = parse(text)  # 约13万元 and other money the value grammar reads
        if isinstance(parsed, Quantity) and parsed.unit_kind == "money" and not parsed.per_unit:
            return Money(text, self.yuan(parsed.number, 1, mapping, key), loc)
        return Money(text, None, loc)

    def yuan(self, number: Decimal, factor, mapping, key) -> Decimal:
        """``number`` × ``factor`` 元, refused beyond any budget (a typo or an attack), however written."""
        # copy_abs, not abs(): abs() rounds to the context's precision and may overflow
        if not number.is_finite() or number.copy_abs() > MAX_AMOUNT / factor:
            self.implausible(mapping, key)
        return number * factor

    def implausible(self, mapping, key) -> NoReturn:
        value = shown(str(mapping.get(key)))
        self.fail(mapping, f"金额 '{value}' 不是有效金额", f"'{value}' is not a plausible amount", key)

    # -- document

    def document(self, data) -> Document:
        doc = Document(path=self.path, source_format="yaml")
        if isinstance(data, list) and not self.strict:
            data = {"indicators": data}
        if data is None and not self.strict:
            data = {}
        if not isinstance(data, dict):
            raise InputError(
                self.path,
                "顶层应为包含 'tables' 的映射",
                "the top level should be a mapping with 'tables'",
                self._line(data) or (1 if self.strict else None),
            )
        table_shape = SHAPES["table"]
        single = not self.strict and not any(SHAPES["document"].keys.get(k) == "tables" for k in data)
        if single:  # a flat mapping: one table, maybe with document keys beside it
            doc_shape = _Shape(*_only(SHAPES["document"], _DOCUMENT_ONLY))
            f = self.fields(data, doc_shape, extra=table_shape)
        else:
            f = self.fields(data, SHAPES["document"])
        self._currency(data, f.get("currency_unit"))
        doc.currency_unit = self.currency_unit
        doc.title = self.text(data, f.get("title"))
        doc.budget_year = self._year(data, f.get("budget_year"))
        doc.total = self.money(data, f.get("total"))
        if single:
            doc.tables = [self.table(data, skip=frozenset(_DOCUMENT_ONLY))]
            doc.department = doc.tables[0].department
            return doc
        doc.department = self.text(data, f.get("department"))
        tables = self.items(data.get(f.get("tables")), data, f.get("tables"), "绩效目标表列表", "the tables")
        for item in tables:
            if not isinstance(item, dict):
                self.fail(
                    data,
                    "'tables' 的每一项应为一个表（映射）",
                    "each item of 'tables' should be a table (a mapping)",
                    f.get("tables"),
                )
            doc.tables.append(self.table(item))
        return doc

    def _currency(self, data, key) -> None:
        unit = self.text(data, key)
        if unit and unit not in MONEY_UNITS:
            self.fail(
                data,
                f"未知金额单位 '{unit}'（可用：元、千元、万元、亿元）",
                f"unknown currency_unit '{unit}' (元, 千元, 万元 or 亿元)",
                key,
            )
        self.currency_unit = unit

    def _year(self, data, key) -> int | None:
        if key is None or data.get(key) is None:
            return None
        value = data[key]
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return value
        found = re.search(r"(?:19|20)\d\d", self.text_of(value, data, key))
        if not found:
            self.fail(
                data,
                f"预算年度应为年份（如 2024），而不是 '{value}'",
                f"budget_year should be a year such as 2024, not '{value}'",
                key,
            )
        return int(found.group())

    # -- table

    def table(self, data, skip: frozenset = frozenset()) -> Table:
        shape = SHAPES["table"]
        if skip:
            f = {
                c: k
                for k, c in ((k, shape.keys.get(k) or SHAPES["document"].keys.get(k)) for k in data)
                if c not in skip
            }
        else:
            f = self.fields(data, shape)
        name = self.text(data, f.get("name")) if "name" in f or self.strict else DEFAULT_TABLE_NAME
        kind_text = self.text(data, f.get("kind")) or "project"
        if kind_text not in KINDS:
            self.fail(
                data,
                f"未知表类型 '{kind_text}'（project 项目、department 部门整体 或 self-evaluation 自评表）",
                f"unknown kind '{kind_text}' (project, department or self-evaluation)",
                f.get("kind"),
            )
        table = Table(
            name=name,
            kind=KINDS[kind_text],
            department=self.text(data, f.get("department")),
            implementing_unit=self.text(data, f.get("implementing_unit")),
            project_period=self.text(data, f.get("project_period")),
            period_goal=self.text(data, f.get("period_goal")),
            goal=self.text(data, f.get("goal")),
            location=self.loc(data),
        )
        if "goal" in f:
            table.goal_location = self.loc(data, f["goal"])
        if "truncated" in f:
            truncated = data.get(f["truncated"])
            if not isinstance(truncated, bool):
                self.fail(
                    data,
                    f"truncated 应为 true 或 false，而不是 '{truncated}'",
                    f"truncated should be true or false, not '{truncated}'",
                    f["truncated"],
                )
            table.truncated = truncated
        table.funding = self.funding(data, f.get("funding")) or Funding()
        table.period_funding = self.funding(data, f.get("period_funding"))
        budget = self.mapping(data.get(f.get("budget")), data, f.get("budget"), "部门预算", "the budget")
        for label in budget:
            money = self.money(budget, label)
            if money is not None:
                table.budget[str(label)] = money
        for item in self.items(data.get(f.get("tasks")), data, f.get("tasks"), "重点工作任务", "the tasks"):
            table.tasks.append(self.task(item, data, f.get("tasks")))
        table.indicators = self.indicators(data, f.get("indicators"))
        return table

    def funding(self, data, key) -> Funding | None:
        if key is None or data.get(key) is None:
            return None
        value = data[key]
        if not isinstance(value, dict):  # a bare amount is the total
            return Funding(total=self.money(data, key))
        f = self.fields(value, SHAPES["funding"])
        return Funding(
            self.money(value, f.get("total")),
            self.money(value, f.get("fiscal")),
            self.money(value, f.get("other")),
        )

    def task(self, item, parent, key) -> Task:
        if not isinstance(item, dict):
            self.fail(parent, "每个重点工作任务应为映射", "each task should be a mapping", key)
        f = self.fields(item, SHAPES["task"])
        return Task(
            name=self.text(item, f.get("name")),
            content=self.text(item, f.get("content")),
            amount=self.money(item, f.get("amount")),
            goal=self.text(item, f.get("goal")),
            location=self.loc(item),
        )

    # -- indicators

    def indicators(self, data, key) -> list[Indicator]:
        value = data.get(key) if key is not None else None
        if value is None:
            return []
        if isinstance(value, list):
            out = []
            for item in value:
                if not isinstance(item, dict):
                    self.fail(
                        data,
                        "'indicators' 的每一项应为映射（level1, level2, name, value）",
                        "each item of 'indicators' should be a mapping (level1, level2, name, value)",
                        key,
                    )
                out.append(self.indicator(item))
            return out
        if not isinstance(value, dict):
            self.fail(
                data,
                "'indicators' 应为列表或 一级 → 二级 → 指标 的树",
                "'indicators' should be a list or a tree 一级 → 二级 → indicators",
                key,
            )
        return self._tree(value)

    def _tree(self, tree) -> list[Indicator]:
        out = []
        for level1, below in tree.items():
            if isinstance(below, list) or below is None:
                out.extend(self._leaves(tree, level1, str(level1), ""))
                continue
            if not isinstance(below, dict):
                self.fail(
                    tree,
                    f"'{level1}' 下应为二级指标或指标列表",
                    f"under '{level1}' there should be 二级 categories or a list of indicators",
                    level1,
                )
            for level2 in below:
                out.extend(self._leaves(below, level2, str(level1), str(level2)))
        return out

    def _leaves(self, parent, key, level1: str, level2: str) -> list[Indicator]:
        out = []
        leaves = self.items(parent[key], parent, key, "指标", "of indicators")
        indicator_keys = SHAPES["indicator"].keys
        for leaf in leaves:
            if not isinstance(leaf, dict) or not leaf:
                self.fail(
                    parent,
                    f"'{key}' 下的每一项应为 '指标名称: 指标值'",
                    f"each item under '{key}' should be 'name: value'",
                    key,
                )
            if len(leaf) == 1:
                name = next(iter(leaf))
                if not (isinstance(name, str) and (name in indicator_keys)):
                    out.append(
                        self._indicator(
                            leaf, level1, level2, name=self.text_of(name, leaf, name), value_key=name
                        )
                    )
                    continue
            out.append(self.indicator(leaf, level1, level2))
        return out

    def indicator(self, item, level1: str | None = None, level2: str | None = None) -> Indicator:
        f = self.fields(item, SHAPES["indicator"])
        if level1 is not None and ("level1" in f or "level2" in f):
            key = f.get("level1") or f.get("level2")
            self.fail(
                item,
                "树形写法中一级、二级由上层标题给出，不要在指标中重复",
                "in the tree form the headings give level1 and level2; do not repeat them",
                key,
            )
        if level1 is None:
            level1, level2 = self.text(item, f.get("level1")), self.text(item, f.get("level2"))
        remarks = {}
        remark_map = self.mapping(
            item.get(f.get("remarks")), item, f.get("remarks"), "其他列", "other columns"
        )
        for label in remark_map:
            remarks[str(label)] = self.text(remark_map, label)
        for label in item:
            if label in SHAPES["indicator"].remark_keys:
                remarks[label] = self.text(item, label)
        return self._indicator(
            item,
            level1,
            level2 or "",
            name=self.text(item, f.get("name")),
            value_key=f.get("value"),
            period_key=f.get("period_value"),
            remarks=remarks,
        )

    def _indicator(
        self, item, level1: str, level2: str, name: str, value_key, period_key=None, remarks=None
    ) -> Indicator:
        level1, level2 = level1.strip(), level2.strip()
        norm2 = glossary.normalise_level2(level2)  # None for '' as for any text that is no 二级
        inline = None
        words = name.split(maxsplit=1)
        if (
            norm2
            and len(words) == 2
            and (heading := glossary.normalise_level2(words[0]))
            and heading != norm2
        ):
            # ``社会效益指标 地震安全知识知晓率`` in the 经济效益 list: a heading printed inside another
            # category's list, read as the text reader reads it (convert writes it so)
            inline, level2, norm2, name = (words[0], level2), words[0], heading, words[1]
        norm1 = glossary.level1_for(norm2, glossary.normalise_level1(level1) or level1)
        value_text = self.text(item, value_key)
        indicator = Indicator(
            level1=norm1,
            level2=norm2 or level2,
            name=name,
            value_text=value_text,
            value=parse(value_text),
            location=self.loc(item),
            level1_printed=level1,
            level2_printed=level2,
            remarks=remarks or {},
            value_location=self.loc(item, value_key) if value_key is not None else None,
            inline_heading=inline,
        )
        if period_key is not None:
            indicator.period_value_text = self.text(item, period_key)
            indicator.period_value = parse(indicator.period_value_text)
        return indicator


def _only(shape: _Shape, canonical: tuple[str, ...]) -> tuple:
    keys = {k: c for k, c in shape.keys.items() if c in canonical}
    return (shape.what_zh, shape.what_en, keys, shape.remark_keys, ())
