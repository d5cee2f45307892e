"""Inputs filed as targets: the money arriving or being spent (``资金到位率``, ``预算执行率``,
``资金拨付到位情况``), a money amount set as an output (``业务工作支出安排金额 28.8万元`` under
数量指标), or a 年度目标 that promises to keep the unit funded and running (``保障地震经费开支,
维持此项工作运转``, ``年度预算总金额3万元``) instead of what the money achieves.

Three kinds of finding, all from ``Table`` alone:

- a row whose name matches ``name_pattern`` (any category but ``exclude_categories``);
- a row in ``money_categories`` whose value is an amount of money and whose name matches
  ``money_name_pattern`` (an amount of the budget itself; 成本 rows are money by right, and an
  效益 in money such as 节约资金 is a result);
- the goal, when it matches ``goal_pattern``: one finding per table quoting what it matched.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from linter import regexes
from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import scope_of, unjudged
from linter.checks.money import is_money_quantity
from linter.model import Document, Location
from linter.values.parser import fold

PARAMS = {
    "name_pattern": Param(
        str,
        r"(?:资金|经费|预算|款项|拨款)[^,，、;；]{0,4}(?:到位|拨付|下达|执行|支付)"
        r"[^,，、;；]{0,4}(?:率|情况|时间|时限)|预算执行率|支出到位率",
        "indicator names that measure the money, not what it buys",
        regex=True,
    ),
    "money_name_pattern": Param(
        str, r"资金|经费|预算|支出|拨款|投入", "names of money amounts that are the budget itself", regex=True
    ),
    "money_categories": Param(
        list, ["数量指标", "质量指标", "时效指标"], "categories where an amount of the budget is no output"
    ),
    "goal_pattern": Param(
        str,
        r"保障[^,，。;；]{0,12}(?:经费|费用)[^,，。;；]{0,4}(?:开支|支出)|维持[^,，。;；]{0,10}运转"
        r"|(?:单位|机关|日常工作|日常办公)[^,，。;；]{0,4}正常运转|(?:按时|及时|足额)支付[^,，。;；]{0,16}工资"
        r"|年度预算总?(?:金额|资金)|(?:^|[:：;；。]\s*)[^,，。;；:：]{0,20}工作经费\s*(?:[。;；]|$)",
        "goal phrases that promise the input",
        regex=True,
    ),
    "exclude_categories": Param(list, ["成本指标"], "categories left alone (cost rows are money by right)"),
}
ARGS = ("where_zh", "where_en", "found", "found_en")


# A line break inside a goal is a cell wrapped (PDF, Word) unless a numbered target starts after it.
_WRAP = regexes.compile(
    r"\s*\n(?!\s*(?:目标\s*\d|\d+\s*[、.．]|[一二三四五六七八九十]+\s*、|[(（]\s*[\d一二三四五六七八九十]+\s*[)）]))\s*"
)


def unwrapped(goal: str) -> str:
    """The goal with the line breaks of a wrapped cell taken out: ``危险\n化学品`` → ``危险化学品``."""
    return _WRAP.sub("", goal)


_CLAUSE_END = regexes.compile(r"[;；。\n]|目标\s*\d+\s*[:：]")
_NUMBERED = regexes.compile(r"^目标\s*\d+\s*[:：]\s*")


@lru_cache(maxsize=16384)  # names repeat across a sweep
def _input_in_name(name: str, pattern: str) -> str | None:
    m = regexes.compile(pattern).search(fold(name))
    return name[m.start() : m.end()] if m else None


@lru_cache(maxsize=4096)  # goals repeat across a sweep too
def _goal_phrases(goal: str, pattern_text: str) -> tuple[str, tuple[str, ...]]:
    """(the clause of the first match, every phrase matched)."""
    pattern = regexes.compile(pattern_text)
    found, clause = [], ""
    goal = unwrapped(goal)
    for m in pattern.finditer(fold(goal)):
        phrase = goal[m.start() : m.end()].strip(" :：;；。,，")
        if not phrase or phrase in found:
            continue
        found.append(phrase)
        if not clause:
            start = max(
                (e.end() for e in _CLAUSE_END.finditer(goal, 0, m.start() + 1) if e.end() <= m.start()),
                default=0,
            )
            end = _CLAUSE_END.search(goal, m.end())
            clause = _NUMBERED.sub("", goal[start : end.start() if end else len(goal)].strip(" :：;；。,，"))
    return clause, tuple(found)


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of inputs filed as targets: in the goal and in the indicators."""
    money_names = regexes.compile(params["money_name_pattern"])
    scope = scope_of((), params["exclude_categories"])
    money_scope = scope_of(params["money_categories"])
    for table in doc.tables:
        clause, phrases = _goal_phrases(table.goal, params["goal_pattern"]) if table.goal else ("", ())
        if phrases:
            where = table.goal_location or table.location or Location(doc.path)
            found: str | None = "”“".join(phrases[:3])
            yield Hit(
                location=where,
                table=table,
                args={
                    "where_zh": f"年度目标“{clause}”中的" if clause != found else "年度目标中的",
                    "where_en": f"the annual goal '{clause}'" if clause != found else "the annual goal",
                    "found": found,
                    "found_en": "', '".join(phrases[:3]),
                },
            )
        for ind in table.indicators:
            if unjudged(ind) or ind not in scope:
                continue
            found = _input_in_name(ind.name, params["name_pattern"])
            if found is None:
                if not (
                    ind in money_scope and is_money_quantity(ind.value) and money_names.search(fold(ind.name))
                ):
                    continue
                found = ind.value_text.strip()  # an amount of the budget set as an output
            yield Hit(
                location=hit_location(ind, "name"),
                table=table,
                indicator=ind,
                args={
                    "where_zh": f"指标“{ind.name.strip()}”中的",
                    "where_en": f"the indicator '{ind.name.strip()}'",
                    "found": found,
                    "found_en": found,
                },
            )
