"""Indicators that belong to another project: ``农村低保发放人数`` and ``特困人员救助供养人数`` in the
table of a 临时救助 project (other assistance programmes, copied from a 困难群众救助 template),
``企业能源消耗减少率`` in a 安全生产监管 project, ``改善了农民生产生活条件`` for a subsidy to party
branch secretaries.

Two narrow tests, both from word lists a reviewer can extend:

- ``programmes``: sibling programmes of one field (each ``A|B``: its names). When the project's
  name names some of them, a row naming another one and none of the project's is another
  programme's.
- ``off_topic``: families of indicators that belong to some kinds of project only (``words``), each
  with the ``topics`` that make it relevant; a row with such a word in a project whose name and goal
  mention none of the topics is off-topic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from linter import regexes
from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import contains_any, unjudged
from linter.model import Document, Indicator, Table

PARAMS = {
    "programmes": Param(
        list,
        [
            "临时救助",
            "低保|最低生活保障",
            "特困|五保",
            "医疗救助",
            "孤儿|事实无人抚养",
            "残疾人两项补贴|困难残疾人生活补贴|重度残疾人护理补贴",
            "高龄津贴|高龄补贴",
            "优抚|抚恤",
        ],
        "sibling programmes of one field, each 'name|other name'",
    ),
    "off_topic": Param(
        list,
        [
            {
                "words": ["能源消耗", "生态达标", "碳排放", "污染物排放"],
                "topics": [
                    "能源",
                    "能耗",
                    "节能",
                    "生态",
                    "环境",
                    "环保",
                    "排放",
                    "污染",
                    "绿化",
                    "林业",
                    "水利",
                    "河道",
                    "垃圾",
                    "污水",
                    "减排",
                    "低碳",
                ],
            },
            {
                "words": ["出勤率", "考勤"],
                "topics": [
                    "出勤",
                    "考勤",
                    "工资",
                    "劳务",
                    "聘用",
                    "在职",
                    "编制",
                    "队伍",
                    "运转",
                    "人员经费",
                ],
            },
            {
                "words": ["农民生产生活条件"],
                "topics": [
                    "农业",
                    "农田",
                    "饮水",
                    "道路",
                    "住房",
                    "危房",
                    "基础设施",
                    "产业",
                    "扶贫",
                    "脱贫",
                    "乡村振兴",
                    "人居环境",
                    "水利",
                    "灌溉",
                    "养殖",
                    "种植",
                    "农村",
                ],
            },
        ],
        "indicator families and the topics that make them relevant ({words: [...], topics: [...]})",
    ),
}
ARGS = ("word", "about_zh", "about_en")


def validate(params: dict) -> None:
    """Refuse a programme that is not a non-empty text (ValueError)."""
    for item in params["programmes"]:
        if not isinstance(item, str) or not item.strip("|"):
            raise ValueError(f"programmes: each must be a text of names joined by '|', got {item!r}")
    for item in params["off_topic"]:
        if (
            not isinstance(item, dict)
            or set(item) != {"words", "topics"}
            or not all(isinstance(item[k], list) and item[k] for k in item)
        ):
            raise ValueError("off_topic: each must be a mapping of 'words' and 'topics', two non-empty lists")


@lru_cache(maxsize=64)
def _programme_patterns(programmes: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple(
        (p.split("|")[0], regexes.compile("|".join(map(re.escape, filter(None, p.split("|"))))))
        for p in programmes
    )


def _programmes(text: str, patterns) -> set[str]:
    return {name for name, pattern in patterns if pattern.search(text)}


@lru_cache(maxsize=16384)  # names repeat across a sweep
def _family_word(name: str, families: tuple[tuple[str, ...], ...]) -> tuple[int, str] | None:
    """(family index, word) of the first off-topic word in a name."""
    for k, words in enumerate(families):
        for word in words:
            if word in name:
                return k, word
    return None


def _reason(
    ind: Indicator, table: Table, own: set[str], patterns, families, params: dict
) -> tuple[str, str] | None:
    """(what the row names, what the project is about) when the row is another project's."""
    if own:
        named = _programmes(ind.name, patterns)
        if named and not named & own:
            return "、".join(sorted(named)), "、".join(sorted(own))
    found = _family_word(ind.name, families)
    if found and not contains_any(f"{table.name} {table.goal}", params["off_topic"][found[0]]["topics"]):
        return found[1], ""
    return None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of indicators that belong to another programme than the project's."""
    patterns = _programme_patterns(tuple(params["programmes"]))
    families = tuple(tuple(f["words"]) for f in params["off_topic"])
    for table in doc.tables:
        own = _programmes(table.name, patterns)
        for ind in table.indicators:
            if unjudged(ind):
                continue
            found = _reason(ind, table, own, patterns, families, params)
            if found is None:
                continue
            word, project = found
            yield Hit(
                location=hit_location(ind, "name"),
                table=table,
                indicator=ind,
                args={
                    "word": word,
                    "about_zh": f"属于“{word}”，不是本项目的“{project}”"
                    if project
                    else f"涉及的“{word}”在项目名称和年度目标中都没有相应内容",
                    "about_en": f"is about {word}, not this project's {project}"
                    if project
                    else f"is about {word}, which the project's name and goal never mention",
                },
            )
