"""A project whose name says one thing and whose goal and indicators another: 应急度汛安全经费 whose
goal and indicators are all about the fire brigade (nothing of 度汛), 安徽省常规赛费用 whose goal is
to carry over the 六运会 money, 应急指挥平台运维服务费 whose outputs are a fit-out and a build.

Two findings, both deliberately narrow:

- ``nothing``: the words of the name that say what the project is (its name without years, places
  and ``generic_words`` such as 经费, 专项, 管理, 应急) share no character pair with the goal, the
  indicator names or their values. Judged only where a goal of at least ``min_goal`` characters was
  read; a table cut short is judged on what it has when its goal is there (the goal alone should
  name the project's work).
- ``build``: the name is an upkeep project (``upkeep_words``: 运维, 维护 …), no goal or indicator
  mentions upkeep, and an 产出 indicator builds or buys (``build_words``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from linter import regexes
from linter.checks import Hit, Param
from linter.checks.indicators import contains_any, is_blank_row, scope_of
from linter.checks.matching import bigrams
from linter.model import Document, Location, Table

PARAMS = {
    "generic_words": Param(
        list,
        [
            "专项资金",
            "资金",
            "经费",
            "专项",
            "项目库",
            "项目",
            "补助",
            "补贴",
            "工作",
            "费用",
            "业务",
            "支出",
            "运转",
            "管理",
            "服务",
            "建设",
            "安全",
            "应急",
            "年度",
            "本级",
            "日常",
            "相关",
            "配套",
            "基金",
            "整体",
            "部门",
            "汇总",
            "其他",
            "费",
            "及",
            "和",
            "与",
            "等",
            "全县",
            "全市",
            "全区",
            "省级",
            "市级",
            "县级",
            "中央",
        ],
        "words of a project name that say nothing of its content",
    ),
    "min_goal": Param(int, 8, "shorter goals (or none) are not judged"),
    "upkeep_words": Param(
        list, ["运维", "维护", "运行", "运转", "维修", "保养"], "words of an upkeep project"
    ),
    "build_words": Param(
        list, ["建设", "装修", "新建", "改建", "扩建", "购置", "采购"], "words of building or buying"
    ),
    "output": Param(list, ["产出指标"], "the categories whose rows say what is built"),
}
ARGS = ("words", "reason_zh", "reason_en")

_YEAR = regexes.compile(r"\d{4}\s*(?:年度?|至\d{4}年?)?")
_BRACKETS = regexes.compile(r"[（(][^（()）]*[）)]")
_PLACE = regexes.compile(r"^(?:[\u4e00-\u9fff]{2,5}?(?:省|自治区|市|州|盟|区|县|旗|镇|乡|街道))+")
_SPLIT = regexes.compile(r"[\s\d\W_]+")


def name_words(name: str, generic: list[str]) -> list[str]:
    """The parts of a project name that say what it is about: 应急度汛安全经费 → [度汛]."""
    return list(_name_words(name, tuple(generic)))


@lru_cache(maxsize=4096)  # project names repeat across a sweep
def _name_words(name: str, generic: tuple[str, ...]) -> tuple[str, ...]:
    core = _PLACE.sub("", _YEAR.sub(" ", _BRACKETS.sub(" ", name)).strip())
    for word in sorted(generic, key=len, reverse=True):
        core = core.replace(word, " ")
    return tuple(part for part in _SPLIT.split(core) if len(part) >= 2)


def _mentioned(pairs: frozenset[str], table: Table) -> bool:
    """Whether the goal or any indicator (name or value) shares a character pair with ``pairs``."""
    if pairs & bigrams(table.goal):
        return True
    return any(pairs & bigrams(i.name) or pairs & bigrams(i.value_text) for i in table.indicators)


def _content(table: Table) -> str:
    return " ".join(
        [table.goal] + [f"{i.name} {i.value_text}" for i in table.indicators if not is_blank_row(i)]
    )


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of projects whose name and whose goal and indicators say different things."""
    output = scope_of(params["output"])
    for table in doc.tables:
        if table.kind == "department" or not table.name.strip():
            continue
        words = name_words(table.name, params["generic_words"])
        if words and len(table.goal.strip()) >= params["min_goal"]:
            pairs = frozenset().union(*map(bigrams, words))
            if not _mentioned(pairs, table):
                yield Hit(
                    location=table.goal_location or table.location or Location(doc.path),
                    table=table,
                    args={
                        "words": "、".join(words),
                        "reason_zh": f"名称中的“{'、'.join(words)}”在年度目标和指标中都没有出现",
                        "reason_en": f"'{'、'.join(words)}' of its name appears nowhere in its goal or indicators",
                    },
                )
                continue
        if not contains_any(table.name, params["upkeep_words"]) or contains_any(
            _content(table), params["upkeep_words"]
        ):
            continue
        builds = [i for i in table.indicators if i in output and contains_any(i.name, params["build_words"])]
        if builds:
            yield Hit(
                location=builds[0].location,
                table=table,
                args={
                    "words": builds[0].name.strip(),
                    "reason_zh": f"名称是运行维护，但产出指标写的是建设或购置（“{builds[0].name.strip()}”），"
                    "指标中没有运行维护的内容",
                    "reason_en": f"its name is upkeep, but its outputs build or buy ('{builds[0].name.strip()}') "
                    "and no indicator is about upkeep",
                },
            )
