"""The printed labels of a target table form, and what each one means.

Two vocabularies: the labels of the header block (项目名称, 主管部门, 年度资金总额 …) and the
column headings of the indicator table (一级指标, 三级指标, 年度指标值, 度量单位 …). Labels are
compared in ``layout.compact`` form (no spaces, ASCII brackets and colons), after a money unit in
brackets (``资金投入(万元)``) and a filling note (``（必填）``) have been taken off.

    block_label("<b>其中: 财政拨款</b>")  → BlockLabel(role="fiscal", unit="")
    block_label("项目名称：应急演练")      → BlockLabel(role="name", inline="应急演练")
    column_role("实施周期指标值")          → "period_value"
"""

from __future__ import annotations

from dataclasses import dataclass

from linter import regexes
from linter.glossary import strip_fill_notes
from linter.readers.layout import compact
from linter.textcache import short_text_cache

PLACE_ENDINGS = "村|乡|镇|县|区|市|旗|街道|社区"  # how a place's name ends (东城区, 城关镇, 新华街道)
_PLACE = regexes.compile(rf"^[\u4e00-\u9fff]{{1,10}}(?:{PLACE_ENDINGS})$")
_TRAILING_NOTE = regexes.compile(r"\([^()]*\)$")
_UNIT_NOTE = regexes.compile(r"\((?:单位:)?(万元|元|亿元|千元)\)")

# Header-block labels, each a role and the alternatives that print it (compact form, anchored).
_BLOCK = (
    ("name", r"(?:二级)?项目名称|项目名|项目\(名称\)|专项(?:资金)?名称|项目支出名称"),
    ("dept_name", r"部门名称|部门\(单位\)名称|单位名称|预算部门名称|部门"),
    ("department", r"(?:业务)?主管部门(?:\(?及代码\)?|\(?及编码\)?|名称)?|主管单位|预算部门"),
    ("implementer", r"(?:项目)?实施单位(?:名称)?|执行单位|项目承担单位"),
    ("period", r"项目(?:支出)?(?:实施)?期(?:限)?|项目实施周期|项目周期|实施期限|项目起止时间|执行期限"),
    ("funding", r"(?:项目)?资金投入(?:情况)?|项目资金(?:情况|总额)?|资金情况|项目预算|资金来源"),
    ("period_total", r"实施期(?:资金)?(?:总)?(?:金额|资金)(?:总额)?|中长期资金总额|实施期资金总额"),
    (
        "total",
        r"年度(?:资金)?(?:总)?(?:金额|资金)(?:总额)?|年度预算(?:金额|数)|资金总额|预算总额|总金额|当年预算(?:金额|数)?"
        r"|年度本级预算金额",
    ),
    ("fiscal", r"(?:其中:?)?(?:财政拨款|财政资金|本级财政资金|一般公共预算(?:拨款|资金)?)(?:资金)?"),
    ("other", r"(?:其中:?)?其他(?:来源)?资金|其他"),
    ("period_goal", r"实施期(?:总|绩效)?目标|中长期目标|长期目标|总体目标\(实施期\)"),
    (
        "goal",
        r"年度(?:总体|绩效|总)?目标|年度|当年绩效目标|本年度绩效目标|本年度目标|总体目标\(年度\)|项目年度目标|总体目标",
    ),
    ("dept_goal", r"(?:部门)?(?:整体|总体)绩效目标|整体目标"),
    ("tasks", r"(?:年度)?重点工作任务|年度主要任务|其他需完成的任务(?:\(可选填\))?|主要任务"),
    ("budget", r"预算整体情况|部门预算情况|部门整体支出"),
    (
        "misc",
        r"项目属性|项目类[型别]|填报单位|编制单位|申报单位|基本信息|财政供养人员数|下属二级单位数"
        r"|项目来源|上年结转|项目概况|立项依据|其他需要说明(?:的)?事项|项目(?:负责|责任)人(?:及(?:联系)?电话|及联系方式)?|联系人|联系电话|项目编码|项目代码|资金性质|绩效目标|单位编码|预算年度"
        r"|(?:中央|省级?|市级?|地市|区县|县区|市县|区级?|县级?)\w{0,4}?(?:财政|主管)部门",  # a transfer's, level by level: 区级林业主管部门
    ),
)
_BLOCK_RES = tuple((role, regexes.compile(f"(?:{alts})")) for role, alts in _BLOCK)
MONEY_ROLES = frozenset({"total", "period_total", "fiscal", "other"})
TEXT_ROLES = frozenset(
    {"name", "dept_name", "department", "implementer", "period", "goal", "period_goal", "dept_goal"}
)


@dataclass(frozen=True)
class BlockLabel:
    """A form label (项目名称, 年度目标 …) and what the cell carries with it."""

    role: str
    unit: str = ""  # money unit printed in the label: 资金投入(万元) → 万元
    inline: str = ""  # a value written in the same cell: 项目名称：应急演练


def _strip_notes(key: str) -> tuple[str, str]:
    unit = ""
    m = _UNIT_NOTE.search(key)
    if m:
        unit = m.group(1)
        key = key[: m.start()] + key[m.end() :]
    return strip_fill_notes(key).rstrip(":").lstrip("*"), unit  # *指标值: a required field's mark


@short_text_cache(4096)  # labels repeat on every table (BlockLabel is frozen: one may be shared)
def block_label(text: str) -> BlockLabel | None:
    """The header-block label printed in a cell, or None."""
    key, unit = _strip_notes(compact(text))
    if not key:
        return None
    for role, pattern in _BLOCK_RES if len(key) <= 24 else ():
        if pattern.fullmatch(key):
            return BlockLabel(role, unit)
    # 项目名称：应急演练 — a label and its value in one cell (the value as long as it is).
    raw = text.replace("：", ":")
    if ":" in raw:
        head, _, tail = raw.partition(":")
        head_key, unit = _strip_notes(compact(head))
        if head_key.startswith("其中"):  # 其中: 财政拨款 is one label, not a label and a value
            return None
        if (
            head_key == "绩效目标" and tail.strip()
        ):  # (alone, it may head the indicators: with a text, the goal)
            return BlockLabel("goal", unit, tail.strip())
        for role, pattern in _BLOCK_RES:
            # (a long cell: a text's label only, 年度目标：…; an amount's value is short)
            if pattern.fullmatch(head_key) and tail.strip() and (len(key) <= 24 or role in TEXT_ROLES):
                return BlockLabel(role, unit, tail.strip())
    return None


# Indicator-table column headings.
_COLUMNS = (
    # 一级 / 二级 / 三级 alone: a merged heading cell cut short in the dump (``一级 |``); a 指标分类
    # column holds the 一级 of a form graded 优/良/中/差 (邯郸 2019)
    ("level1", r"一级指标(?:名称)?|一级|(?:绩效)?指标分类"),
    ("level2", r"二级指标(?:名称)?|二级"),
    ("name", r"三级指标(?:名称|内容)?|三级|指标名称|绩效指标名称|指标内容|具体指标|三级指标\(指标名称\)"),
    (
        "period_value",
        r"(?:实施期|实施周期|中长期|长期|整体|项目期|总体)(?:指标|目标)?值|实施期(?:指标|目标)"
        r"|指标值\((?:实施期|中长期)\)",
    ),
    (
        "value",
        r"(?:年度|本年度?|当年|全年|预期|绩效)?(?:指标|目标)值|年度指标|(?:20\d\d年度?)?指标值"
        r"|指标值\(年度\)|年度值|目标值\(年度\)|(?:指标|目标)值及(?:计量)?单位|预期达到目标"
        r"|区域(?:目标|指标)值",
    ),
    (
        "comparator",
        r"计算符号|运算符号|比较符号|符号|(?:绩效)?指标性质|指标方向性?|度量符号|指标值类型|指标类型",
    ),
    ("unit", r"(?:绩效)?度量单位|计量单位|指标单位|指标值单位|单位"),
    # 优 | 良 | 中 | 差 (优秀 | 良好 | 合格 | 不合格 …): the standard each grade asks, under 评价标准;
    # the best one is the target
    ("grade", r"优秀?|良好?|中等?|及格|合格|较?差|不(?:及格|合格)"),
    ("project", r"项目名称|项目"),
    ("amount", r"(?:项目)?(?:金额|资金|预算金额|预算数|资金总额)"),
    ("skip", r"名称|序号|编号|指标|绩效指标|绩效|绩"),
)
_COLUMN_RES = tuple((role, regexes.compile(f"(?:{alts})")) for role, alts in _COLUMNS)
# A bare 指标 or 绩效指标 heading names the indicators' column of a table with no 三级 heading.
BARE_NAME_HEADINGS = ("指标", "绩效指标")
INDICATOR_ROLES = frozenset({"level1", "level2", "name", "value", "period_value"})
# Extra columns kept as remarks under their printed label.
REMARK_WORDS = (
    "指标解释",
    "指标说明",
    "描述",
    "绩效标准",
    "评分标准",
    "评价标准",
    "备注",
    "权重",
    "分值",
    "指标值说明",
    "数据来源",
    "设定依据",
    "考核方式",
    "评分",
    "说明",
    "标准",
    "依据",
    "实际",
    "完成值",
    "得分",
    "原因",
    "偏差",
)  # a self-evaluation's 全年实际值, 得分 …


@short_text_cache(4096)  # every line is tried as a table heading, cell by cell
def column_role(text: str) -> tuple[str, str]:
    """(role, unit) for an indicator-table column heading; role '' when unknown."""
    key, unit = _strip_notes(compact(text))
    if not key:
        return "", unit
    for role, pattern in _COLUMN_RES:
        if pattern.fullmatch(key):
            return role, unit
    bare = _TRAILING_NOTE.sub("", key)  # 指标值(包含数字及文字描述): a heading with its explanation
    if bare != key and bare:
        for role, pattern in _COLUMN_RES:
            if pattern.fullmatch(bare):
                return role, unit
    if any(word in key for word in REMARK_WORDS):
        return "remark", unit
    if _PLACE.match(key):
        return "place", unit  # one value column per village or county (ColumnMap)
    return "", unit


def is_indicator_header(texts: list[str]) -> bool:
    """Does this row of cells head an indicator table (一级指标 二级指标 三级指标 指标值 …)?"""
    roles = {column_role(t)[0] for t in texts if t}
    if any(compact(t) in BARE_NAME_HEADINGS for t in texts):
        roles.add("name")  # 指标 | 指标权重 | 计量单位 | 指标值: a table with no levels (see ColumnMap)
    core = roles & INDICATOR_ROLES
    return len(core) >= 2 and ("name" in core or "level2" in core)


# The column headings of a table that lists several projects, one row each, the indicators of a
# project inside one cell (门源县 2023: 单位编码 | 单位及项目名称 | 金额(万元) | 绩效目标 | 绩效指标).
_PROJECT_LIST = (
    ("code", r"(?:单位)?(?:编码|代码)|序号|编号"),
    ("name", r"(?:单位及)?项目(?:名称)?|单位及项目名称|单位(?:\(项目\))?名称"),
    ("amount", r"(?:项目)?(?:金额|资金|预算金额|预算数|资金总额|预算)"),
    ("goal", r"(?:年度|项目)?绩效目标|目标"),
    ("indicators", r"(?:项目)?绩效指标|指标"),
)
_PROJECT_LIST_RES = tuple((role, regexes.compile(f"(?:{alts})")) for role, alts in _PROJECT_LIST)


def project_list_roles(texts: list[str]) -> dict[int, tuple[str, str]] | None:
    """Column index → (role, unit) when the row heads a one-row-per-project table, else None."""
    roles = {i: role for i, text in enumerate(texts) if (role := _project_list_role(text))}
    found = {r for r, _ in roles.values()}
    return roles if {"name", "indicators"} <= found else None


@short_text_cache(4096)  # every line is tried as the heading of such a table, cell by cell
def _project_list_role(text: str) -> tuple[str, str] | None:
    key, unit = _strip_notes(compact(text))
    if key:
        for role, pattern in _PROJECT_LIST_RES:
            if pattern.fullmatch(key):
                return role, unit
    return None


# Title, year and currency lines of the document.
_TITLE = regexes.compile(r"绩效(?:评价)?(?:目标|指标)\S{0,8}表|绩效目标(?:申报|公开)|绩效自评(?:工作)?报告")
# A notice's number (邯财社〔2018〕126号, brackets lost on mirror sites): titles print it, rows do not.
# (\w, not [\u4e00-\u9fff]: a class of the CJK range costs a millisecond to compile, in a first run: linter.regexes.)
DOCUMENT_NUMBER = regexes.compile(r"\w财\w{0,2}?[〔\[(]?(?:19|20)\d\d[〕\])]?\d{1,4}号")  # (on folded text)
_ISSUES = r"(?:关于)?(?:提前)?下达"  # what a notice does: (关于)(提前)下达 …
_NOTICE_WORDS = regexes.compile(rf"^(?:{DOCUMENT_NUMBER.pattern})?{_ISSUES}")
# A notice's title (邯财社2018126号提前下达2019年…): the number, what the notice does and the budget
# year it does it for. A number is cited by rows too (按冀财教〔2019〕12号文件…, …号下达标准).
NOTICE_TITLE = regexes.compile(rf"{DOCUMENT_NUMBER.pattern}{_ISSUES}(?:19|20)\d\d年")
_YEAR = regexes.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_NUMBER = regexes.compile(r"^(?:附件\s*\d*\s*[:：]?|\d{1,2}\s*[.、．]|[一二三四五六七八九十]+\s*、)\s*")
_YEAR_LINE = regexes.compile(r"^[(（]?\s*(?:(?:19|20)\d{2})\s*年度?\s*[)）]?$")
_CURRENCY = regexes.compile(r"(?:金额|货币|资金)?单位\s*[:：]\s*(万元|元|亿元|千元)")


def is_title(text: str) -> bool:
    """Whether a line is the form's title (…绩效目标表)."""
    return len(text) <= 80 and bool(_TITLE.search(text))  # (a cell's text, folded: 績效目標表 too)


def name_in_title(title: str) -> str:
    """What a title calls its table: ``附件3 2020年…(第二批扶贫开发项目)绩效目标表`` → the words before
    绩效目标表, without the attachment number or list numbering; '' when nothing is left."""
    m = _TITLE.search(title)
    name = title[: m.start()] if m else title
    name = _TITLE_NUMBER.sub("", name.lstrip("#").strip())
    # 邯财社2018126号提前下达2019年…补助预算指标绩效目标表: the notice's number and verb, and the
    # budget indicator it grants, are not the project's name
    name = _NOTICE_WORDS.sub("", name)
    if name.endswith("预算指标"):
        name = name[:-4]
    return name.strip(" :：-—") if len(name) >= 2 else ""


def year_in(text: str) -> int | None:
    """The budget year a title or header names, or None."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def is_year_line(text: str) -> bool:
    """Whether a line is nothing but a year (2025年度)."""
    return bool(_YEAR_LINE.match(text.replace(" ", "")))


def currency_in(text: str) -> str:
    """The money unit a header names (单位：万元 → 万元), or an empty text."""
    m = _CURRENCY.search(text)
    return m.group(1) if m else ""
