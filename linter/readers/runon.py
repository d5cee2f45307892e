"""Cutting run-on text into cells: table rows printed with no separator at all.

Some sites print a table row as its cells' texts run together (``成本指标经济成本指标学生补助标准
17元/人.每天反映学生每天用餐标准…-定量``), the heading row likewise (``一级指标二级指标三级指标指标值…``).
Nothing marks where a cell ends, so the cuts come from what the cells are: category labels and
column headings from the form's vocabulary, the value where the value grammar reads one, and the
``-定量`` / ``-定性`` that ends such rows. What is left after the value is one remark cell.

    split_fused_heading("一级指标二级指标三级指标指标值备注") → ["一级指标", "二级指标", "三级指标", "指标值", "备注"]
    split_fused_row("产出指标数量指标补助学生数量168反映补助学生人数-定量")
        → ["产出指标", "数量指标", "补助学生数量", "168", "反映补助学生人数", "定量"]
"""

from __future__ import annotations

import re

from linter import glossary, regexes
from linter.readers.figures import split_figures
from linter.readers.form_labels import DOCUMENT_NUMBER, PLACE_ENDINGS, is_indicator_header
from linter.readers.layout import without_glosses
from linter.values.parser import fold, parse_exact
from linter.values.transform import comparator_pattern
from linter.values.types import Direction, Grade, Text

# The grades' headings under a 评价标准 heading, printed after the rest of the heading row
_GRADES = "优良中差"
# Column headings as they are printed (tried longest first: 指标值内容 is not cut as 指标值 + 内容).
_HEADINGS = frozenset(
    (
        "一级指标",
        "二级指标",
        "三级指标",
        "指标名称",
        "指标内容",
        "评价指标",
        "评价内容",
        "指标值内容",
        "指标值类型",
        "指标值",
        "年度指标值",
        "实施期指标值",
        "目标值",
        "度量单位",
        "计量单位",
        "指标性质",
        "指标方向",
        "指标解释",
        "指标说明及公式",
        "指标说明",
        "评(扣分标准)",
        "评(扣)分标准",
        "评分标准",
        "预期达到目标",
        "绩效标准",
        "分值",
        "权重",
        "备注",
        "绩效目标",
        "绩效指标性质",
        "绩效指标值",
        "绩效度量单位",
        "指标方向性",
        "区域目标值",
        "指标值(A)",
        "全年实际值(B)",
        "全年实际值",
        "得分计算方法",
        "得分",
        "未完成原因分析",
        "偏差原因分析及改进措施",
        "绩效指标分类",
        "指标分类",
        "绩效指标描述",
        "指标描述",
        "绩效指标评价标准",
        "评价标准确定依据",
        "评价标准",
        "绩效指标",
        _GRADES,
    )
)
_HEADING = regexes.compile(regexes.alternation(_HEADINGS))
# In a whole table run into one paragraph: the header block is cut before its labels, after a
# title (…绩效目标表) and before a numbered title (1、…); then the heading row (a run of headings, each perhaps marked
# * as required, and the places of a per-place value column), then the rows.
_PLACE = rf"[\u4e00-\u9fff]{{2,3}}(?:{PLACE_ENDINGS})"
_HEADING_OR_PLACE = regexes.compile(rf"{_HEADING.pattern}|{_PLACE}")
_HEADING_RUN = regexes.compile(rf"(?:(?:{_HEADING.pattern}|{_PLACE})\*?){{3,}}")
_LABEL_NOTE = rf"(?:{glossary.LABEL_NOTE})?"
_GOAL_RUN_ON = regexes.compile(r"\s*绩效目标(?=[^\s:：表]{4})")
_BLOCK_WORD = regexes.compile(
    r"(?=(?:项目名称|主管部门|实施单位|年度资金总额|财政拨款|其他资金|项目负责人(?:电话)?"
    r"|联系电话|预算执行率权重|项目期|项目属性)[:：])"
    r"|(?<!年度)(?=资金总额[:：])|(?=年度总体目标|年度目标)|(?<!年度)(?=总体目标)|(?<=绩效目标表)|(?<=\s)(?=\d{1,2}、)"
)
# Category labels as printed at the start of a run-on row (the 一级, then the 二级), matched on
# the text in simplified characters (mirror sites print 數量指標).
_LABEL = regexes.compile(f"(?:{glossary.run_on_label_pattern()}){_LABEL_NOTE}")
# A category the templates do not name, at the start of a run-on row: words ending in 指标, or
# in a bracketed note ending so (项目年度绩效目标(定量指标)).
_OTHER_LABEL = regexes.compile(r"[\u4e00-\u9fff]{2,10}(?:指标|[(（][\u4e00-\u9fff]{1,6}指标[)）])")
_NATURE_END = regexes.compile(r"-?\s*(定量|定性)\s*$")
# Where a value may begin: a digit or the first character of a comparator.
_VALUE_START = regexes.compile(rf"\d|{comparator_pattern(2)}")  # on folded text (＞ ═ ⩾ → > = ≥)
# The end of a unit the grammar does not read (.每天 after 17元/人), before an explanation or the end.
_UNIT_TAIL = regexes.compile(r"[.·．*×][\u4e00-\u9fff]{1,3}(?=反映|$)")
_CLAUSE = regexes.compile(r"^[,，;；][\u4e00-\u9fff]")  # a figure inside a sentence: the sentence goes on
# A space between two characters in run-on text is padding (产出 指标 as a cell printed it), no cut:
# cells run together have no separator at all.
_CJK_GAP = regexes.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_DIRECTION_WORDS = 4  # a direction found inside a row must be a phrase (有所减轻), not 提高 alone
_SENTENCE = regexes.compile(r"[;；]")
_QUALITATIVE = 8  # the longest qualitative value sought at the end of a row (经济效益良好)
# Where an explanation printed after the name begins: 反映…情况, 达到目标值 (the 指标说明 of a rate).
_STATED_TARGET = regexes.compile(r"达到(?:预计|目标|预期|计划)值")
_EXPLANATION = regexes.compile(rf"反映|{_STATED_TARGET.pattern}")
# A whole number with a 分值 run into its end: the score is 5–30 (a multiple of 5), the number the rest.
_SCORE = regexes.compile(r"[12][05]|30|5")
_DIGITS = regexes.compile(r"[\d.]+")
_SCORE_AFTER = regexes.compile(r"^(\d{2,}?)([12][05]|30|5)$")
# The word an indicator's name ends with when it names what is measured (a rate, a count).
# (满意度(%): a unit note printed after the name is the name's; 满意度 alone may go on, 满意度调查覆盖率.)
_MEASURE_END = regexes.compile(r"(?:率|数量|人数|次数|个数|户数|人次)(?:\([%％]\))?|满意度\([%％]\)")
_TRAILING_MARKS = frozenset(".。,，;；、")
_SCAN = 80  # a value is looked for in the first 80 characters only: bounded work per row
_RESTATED = 64  # the longest name or basis sought restated at the end of a row
_LONGEST = 16  # the longest value tried (2023年12月31日前, ≥100000平方米)


def split_fused_heading(text: str) -> list[str] | None:
    """The headings of a heading row printed with no separator; None when it is not one."""
    compact = fold(re.sub(r"\s+", "", text))  # 績效指標分類 is 绩效指标分类, 指标值（A） 指标值(A)
    pieces, pos = [], 0
    for m in _HEADING_OR_PLACE.finditer(compact):
        if m.start() != pos:
            return None  # something between two headings that is not one
        pieces.append(m.group(0))
        pos = m.end()
    places = [i for i, p in enumerate(pieces) if p not in _HEADINGS]
    if places and (places[0] == 0 or pieces[places[0] - 1] != "区域目标值"):
        return None  # a place is a heading only in the 区域目标值 columns
    pieces = _grades_in_place(pieces)
    return pieces if pos == len(compact) and is_indicator_header(pieces) else None


def _grades_in_place(pieces: list[str]) -> list[str]:
    """The headings with the grades (优良中差) cut one by one, and where a 评价标准 heading stands
    over them (they are printed after the whole heading row) put in its place: those are the
    columns' order in every row."""
    if _GRADES not in pieces:
        return pieces
    rest = [p for p in pieces if p != _GRADES]
    over = next((i for i, p in enumerate(rest) if p.endswith("评价标准")), None)
    if over is None:
        at = pieces.index(_GRADES)
        return [*pieces[:at], *_GRADES, *pieces[at + 1 :]]
    return [*rest[:over], *_GRADES, *rest[over + 1 :]]


def split_paragraph(text: str) -> list[str] | None:
    """A whole table run into one paragraph (a notice reposted as one line): its header block cut
    before each label, its heading row, and its rows cut before each category label that follows
    other text; None when the paragraph holds no heading row."""
    text = without_glosses(text)
    heading = next(
        (m for m in _HEADING_RUN.finditer(fold(text)) if split_fused_heading(m.group().replace("*", ""))),
        None,
    )
    if heading is None:
        return None
    before, rows = text[: heading.start()], _CJK_GAP.sub("", text[heading.end() :])
    cuts = [m.start() for m in _BLOCK_WORD.finditer(fold(before))]  # 預算, （: one for one
    lines = [
        _goal_labelled(before[a:b])
        for a, b in zip([0, *cuts], [*cuts, len(before)], strict=True)
        if before[a:b].strip()
    ]
    lines.append(heading.group().replace("*", ""))
    simple = fold(rows)  # 產出指標 is 产出指标, one character for one
    cuts = [
        m.start() for m in _LABEL.finditer(simple) if m.start() and not _ends_with_label(simple[: m.start()])
    ]
    lines.extend(rows[a:b] for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True) if rows[a:b])
    return lines


def _goal_labelled(line: str) -> str:
    """``绩效目标保障…`` after a title run on: the goal under its label, which no colon ends there
    (邯郸 2019); given one, as a cell holding a label and its value would have."""
    m = _GOAL_RUN_ON.match(fold(line))
    return f"{line[: m.end()]}:{line[m.end() :]}" if m else line


def _ends_with_label(text: str) -> bool:
    return any(m.end() == len(text) for m in _LABEL.finditer(text[-24:]))


def split_fused_row(
    text: str, explained: bool = False, scored: bool = False, places: int = 0, closed: bool = False
) -> list[str]:
    """A run-on row cut into its leading category labels, the name, the value and the rest.
    ``explained``: the heading prints an explanation column between the name and the value;
    ``scored``: a 分值 column right after the value, whose figure runs into it (210010);
    ``places``: that many value columns, one per place or grade, whose one-digit values run
    together; ``closed``: a remark column after those."""
    cells, following = split_fused_row_and_rest(text, explained, scored, places, closed=closed)
    return [*cells, following] if following else cells


def split_fused_row_and_rest(
    text: str,
    explained: bool = False,
    scored: bool = False,
    places: int = 0,
    figures: list[str] | None = None,
    closed: bool = False,
) -> tuple[list[str], str]:
    """``split_fused_row``, and the text of the next row when it runs on after this one's values
    (a table with one value column per place or grade: those values end the row, or a remark
    column after them when ``closed``). ``figures``: the kinds of a self-evaluation's figure
    columns after the name (``ColumnMap.figure_columns``)."""
    following = ""
    text = _CJK_GAP.sub("", text.strip())
    nature = _NATURE_END.search(text)
    if nature:
        text = text[: nature.start()].rstrip(" -")
    cells, text = _leading_labels(text)
    whole = parse_exact(text) if text else None
    if whole is not None and not isinstance(whole, Text):
        cells.append(text)  # 100%: a value on its own line, under the row it belongs to
    elif figures and (found := _figure_run(text, figures)) is not None:
        cells.extend(found)
    elif (restated := _restated(text)) is not None:
        # 培育中药材品种数量培育中药材品种数量, 技术指导服务数量对生产种植企业技术指导服务数量: the name,
        # and a 指标解释 that ends by restating it
        cells.extend((text[:restated], text[restated:]))
    elif text:
        stated = _STATED_TARGET.search(text, 2)
        # 资金支出率达到目标值95%: the 指标说明 says the value follows, so it is sought after it
        start, end = _value_span(text, stated.end() if stated and stated.end() < _SCAN else 2)
        if start is not None and _CLAUSE.match(text[end:]):
            start = None  # 学校绿化覆盖达70%,优化校园生态环境。: one statement, its figure inside it
        head = text if start is None else text[:start]
        explanation = _EXPLANATION.search(head, 2)  # 项目资金使用合规性反映项目资金使用合规情况
        cut = explanation.start() if explanation else -1
        if cut < 0 and explained:
            cut = _name_end(head)  # 党建任务完成率上级党组织要求…: the name ends at its measure
        if cut > 0:
            cells.extend((head[:cut], head[cut:]))
        else:
            cells.append(head)
        if start is not None:
            value, rest = text[start:end], text[end:]
            if (tail := _UNIT_TAIL.match(rest)) is not None:
                # 17元/人.每天反映…: the unit goes on past what the grammar reads, up to the 指标解释
                value, rest = value + tail.group(), rest[tail.end() :]
            if not (scored or places) and _is_value(parse_exact(rest)) and cut <= 0:
                # 饲料库120平米490元/平米: two figures and one value column: the first is the name's
                cells[-1], value, rest = head + value, rest, ""
            value, rest = _value_and_rest(value, rest, scored, places)
            cells.extend([value] if value else [])
            after, following = _after_value(rest, places, closed)
            cells.extend(after)
    if nature:
        cells.append(nature.group(1))
    return cells, following


def _leading_labels(text: str) -> tuple[list[str], str]:
    """The category labels a run-on row starts with, and the text after them."""
    cells: list[str] = []
    while (m := _LABEL.match(text)) is not None:  # (a cell's text is folded: 產出指標 is 产出指标)
        cells.append(text[: m.end()])
        text = text[m.end() :]
    # 项目年度绩效目标(定量指标)制度指标规章制度建立与否: categories no template names (the 评价指标
    # and 评价内容 of an evaluation form), cut off the same way when no known label begins the row
    while not any(glossary.is_category_label(c) for c in cells) and (m := _OTHER_LABEL.match(text)):
        if len(text) - m.end() < 4:
            break
        cells.append(text[: m.end()])
        text = text[m.end() :]
    return cells, text


def _value_and_rest(value: str, rest: str, scored: bool, places: int) -> tuple[str, str]:
    """The row's value, and what follows it, where a score column or one column per place ends the row."""
    if scored and not rest and _SCORE.fullmatch(value):
        # 规章制度建立与否 20: every row ends with its score, so a lone figure is that; it is
        # left out, as placing by content would take it for the value
        return "", rest
    if scored and not rest and (m := _SCORE_AFTER.match(value)):
        return m.group(1), m.group(2)  # 享受资助人数 2100, 分值 10
    if places > 1 and len(value) == places and value.isdigit():
        return value[0], value[1:] + rest  # 2312222 under seven places: 2, 3, 1 …
    return value, rest


def starts_with_label(text: str) -> bool:
    """Does this cell start a run-on row (数量指标扶持村数: a category label, then more)?"""
    m = _LABEL.match(text)  # (a cell's text is folded)
    return m is not None and m.end() < len(text)


def is_other_label(text: str) -> bool:
    """Is this cell of a run-on row a category no template names (制度指标)?"""
    return _OTHER_LABEL.fullmatch(text) is not None and not glossary.is_category_label(text)


def _figure_run(text: str, kinds: list[str]) -> list[str] | None:
    """name, its figures, the rest: the first run of digits after the name that holds one figure
    of each kind and is not a quantity of the name's own (3620人, 2022年)."""
    for m in _DIGITS.finditer(text, 2):
        cut = split_figures(m.group(), kinds)
        if cut is None:
            continue
        found, left = cut
        after = text[m.end() : m.end() + 1]
        if not left and after and _is_value(parse_exact(found[-1] + after)):
            continue  # 3620人: a count inside the name, its unit after it
        rest = left + text[m.end() :]
        return [text[: m.start()], *found, *([rest] if rest else [])]
    return None


def _is_value(value: object) -> bool:
    """A value the grammar reads whole, not a quantity running into the next cell's words."""
    return value is not None and not isinstance(value, Text) and not getattr(value, "noun", None)


def _after_value(rest: str, places: int, closed: bool) -> tuple[list[str], str]:
    """The cells after a run-on row's value, and the next row's text where it runs on after them."""
    if places <= 1:
        return ([rest] if rest else []), ""
    others, following = _place_values(rest, places - 1)
    if closed and following:
        remark, following = _closing_remark(following)
        others.extend([remark] if remark else [])
    return others, following


def _place_values(text: str, count: int) -> tuple[list[str], str]:
    """The other places' values at the start of ``text`` (>=95%>=95%…, 312222), and what follows
    them: the next row, when the text goes on (项目完成率反映…)."""
    values: list[str] = []
    if text.isdigit() and len(text) == count:
        return list(text), ""
    pos = 0
    while len(values) < count and pos < len(text):
        end = next(
            (
                j
                for j in range(min(len(text), pos + _LONGEST), pos, -1)
                if _is_value(parse_exact(text[pos:j]))
            ),
            None,
        )
        if end is None:
            break
        values.append(text[pos:end])
        pos = end
    if len(values) < count:
        return ([text] if text else []), ""  # not the places' values: one remark, as before
    return values, text[pos:]


def _closing_remark(text: str) -> tuple[str, str]:
    """The remark closing a row after its places' or grades' values, and the next row run on after
    it. With no value in the text it is all remark; a remark every row repeats (按临时救助标准评价)
    is known where the text also ends with it, after the next row's values; else it cannot be told
    from the next row's name, and all is left to that row."""
    probe = DOCUMENT_NUMBER.sub("", text)  # (按邯财社2018126号文件评价: a notice cited, no figure)
    if _value_span(probe)[0] is None and not re.search(r"\d", probe[_SCAN:]):
        return text, ""  # (past the first _SCAN characters, any digit may be a value's)
    length = _restated(text)
    return (text[:length], text[length:]) if length else ("", text)


def _name_end(text: str) -> int:
    """Where the name ends in ``name explanation`` run together: after its first measure word
    (完成率, 秸秆数量), when an explanation of two characters or more follows; -1 when none."""
    m = _MEASURE_END.search(text, 4)
    return m.end() if m and len(text) - m.end() >= 2 else -1


def _restated(text: str) -> int | None:
    """The length of the start of ``text`` that it ends with too (a name, then an explanation ending
    with that name; a basis every row repeats); at most _RESTATED characters, so that the work
    stays bounded on a long run of text."""
    for end in range(min(len(text) // 2, _RESTATED), 3, -1):
        if text.endswith(text[:end]):
            return end
    return None


def _value_span(text: str, first: int = 2) -> tuple[int | None, int]:
    """Where the value of ``name value rest`` is: the first place, ``first`` characters or more
    into the text, from which the grammar reads a figure (the longest one from there); without a
    figure, the longest word of a qualitative value (良好, 有所减轻) ending the name's part."""
    folded = fold(text)  # ＞, ═ and ⩾ begin a value as > = ≥ do
    for i in range(first, min(len(text), _SCAN)):
        numeric = _VALUE_START.match(folded, i) is not None
        for j in range(min(len(text), i + _LONGEST), i, -1):
            if not numeric and j - i < _DIRECTION_WORDS:
                break
            value = parse_exact(text[i:j])
            # (大于90%适龄学生…: a quantity with a noun after it runs into the next cell)
            if not _is_value(value) or text[j - 1] in _TRAILING_MARKS:
                continue
            if numeric or isinstance(value, Direction):
                return i, j
    return _qualitative_span(text, first)


def figure_at_end(text: str) -> int | None:
    """Where a figure or date that ends ``text`` begins (项目完成时限2025年12月), the name before it
    two characters or more; None when the text does not end with one. (A word such as 良好 ending
    a statement is not taken for its value: 教学秩序良好 is one statement.)"""
    start, end = _value_span(text)
    if start is None or end != len(text) or _VALUE_START.match(fold(text), start) is None:
        return None
    return start


def _qualitative_span(text: str, first: int) -> tuple[int | None, int]:
    """A qualitative value where the name's part ends: before an explanation (有所减轻反映…) or at
    the end of the row (经济效益良好, 是否产生经济价值否); one character only for 是/否/无."""
    explanation = _EXPLANATION.search(text, first)
    end = explanation.start() if explanation else len(text)
    if _SENTENCE.search(text, 0, end):
        return None, 0  # 免疫效果好;检疫符合: clauses of a statement, not a name and its value
    for length in range(min(_QUALITATIVE, end - first), 0, -1):
        value = parse_exact(text[end - length : end])
        if isinstance(value, Grade | Direction) and (length > 1 or isinstance(value, Grade)):
            return end - length, end
    return None, 0
