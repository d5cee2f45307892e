"""``--help`` in Chinese, with the English under ``--lang en``.

The English help stays where click reads it, beside each option in ``linter/commands/``; the
Chinese is here, per command and parameter name, and ``localised(command)`` (called by the
command group as it loads a command) makes the command print it. ``--lang en`` anywhere on the
command line (``indicator-lint check --lang en --help``) gives the English, for every command and
for the group itself, whether or not the command has a --lang option of its own.

A parameter without a Chinese text here keeps its English (a test checks that none lacks one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

# The short line the group's command list shows comes first in each command's text.
_COMMON = {
    "select": "只检查这些规则：编号、编号前缀（如 IL2）或规则名，用逗号分隔。",
    "ignore": "不检查这些规则（编号、编号前缀或规则名）。",
    "rules_dirs": "另外加载此文件夹中的规则文件。",
    "config_file": "使用此配置文件，不再从各文件所在文件夹向上查找。",
    "verbose": "在标准错误输出中说明每个文件的编码和格式。",
    "help": "显示此帮助并退出。",
}

HELP_ZH: dict[str, dict[str, str]] = {
    "": {
        "": "检查预算绩效目标表（绩效目标表）中的指标是否可衡量、是否相符。\n\n"
        "不熟悉命令行时，运行 indicator-lint serve 打开检查网页。",
        "version": "显示版本并退出。",
        "help": _COMMON["help"],
    },
    "check": {
        "": "检查目标表（文件、文件夹或通配符），列出发现的每个问题。",
        "fmt": "输出格式：text 供人阅读（默认；设置 GITHUB_ACTIONS 时为 github），json 供程序读取，sarif 供代码扫描，"
        "github 为工作流注释，junit 为持续集成测试报告，gitlab 为 GitLab 代码质量报告，xlsx 为问题清单工作簿"
        "（与 -o 同用）。",
        "output": "与 --format xlsx 同用：问题清单工作簿写入此文件；与 --fix 同用：一个工作簿修复后的副本"
        "（工作簿从不在原处修改）。不能是任何输入文件。",
        "color": "文字输出是否着色：auto 在终端中着色（设置 NO_COLOR 时不着色），always 总是，never 从不。",
        "fix": "把可安全修复的问题直接改正在规范 YAML 文件中，然后重新检查。",
        "unsafe_fixes": "与 --fix 或 --diff 同用：也进行会改变含义的修复。",
        "diff": "只以统一差异格式显示将做的修复，不写入文件（有修复时退出码为 1）。",
        "fail_on": "退出码为 1 所需的最低级别。",
        "exit_zero": "即使有问题也以 0 退出（无法读取的输入仍以 2 退出）。",
        "lang": "提示信息的语言：zh 中文，en 英文。",
        "jobs": "用这么多个进程检查（默认：文件多时使用全部核心）。结果与进程数无关。",
        "show_config": "显示第一个路径实际使用的配置后退出。",
        "statistics": "只统计每条规则发现的问题数，不逐条列出。",
        "baseline_file": "只报告此基线文件（indicator-lint baseline 生成）未接受的问题。",
        "report_unused_noqa": "报告没有屏蔽任何问题的屏蔽标记（IL000）。",
        "annotate_out": "另存一份被检查文件（仅限一个）的副本，并标出有问题的单元格：Word 文档（.docx）存为带批注的 "
        "Word 文档，其他文件存为工作簿（.xlsx）。",
    },
    "report": {
        "": "为目标表（文件、文件夹、通配符）生成 HTML 报告：汇总、图表、问题清单和目标表原文。",
        "output": "报告写入此文件（整体替换）。",
        "title": "网页标题（默认为固定标题，重复生成的报告可以直接比较）。",
        "lang": "提示信息和网页的语言：zh 中文，en 英文。",
        "jobs": "用这么多个进程检查（默认：文件多时使用全部核心）。报告与进程数无关。",
    },
    "lsp": {
        "": "运行编辑器用的语言服务器（LSP，经标准输入输出）：打开或修改规范 YAML 文件时即时提示问题。",
    },
    "serve": {
        "": "打开检查网页：在浏览器中拖入目标表，取回标注后的文件。",
        "port": "使用的端口（默认：8765，被占用时任选一个空闲端口）。",
        "no_browser": "不自动打开浏览器。",
        "lang": "网页的语言（每位访问者都可以切换）：zh 中文，en 英文。",
        "config_file": "使用此配置文件检查（默认：内置的规则和设置）。",
        "max_mb": "可接受的最大文件（MB）。",
        "max_files": "一次最多可接受的文件数。",
        "max_total_mb": "一次最多可接受的总大小（MB，所有文件合计）。",
    },
    "convert": {
        "": "把目标表（文本、YAML 等）转换为规范的 YAML 或 JSON。",
        "fmt": "输出格式：规范的 YAML 或 JSON。",
        "output": "写入此文件；或写入此文件夹，每个输入一个文件（默认：标准输出）。",
        "verbose": "说明每个文件的编码和目标表数。",
        "force": "输出到文件夹时，替换其中已有的文件（正在转换的文件除外）。",
    },
    "parse": {
        "": "把每个 VALUE 当作指标值解析，显示解析结果。",
        "fmt": "text：每个值一行，便于阅读；json：每个值一个对象，每行一个。",
    },
    "baseline": {
        "": "把 PATHS 中发现的问题写入基线文件（按文件、目标表、指标和规则记录）。",
        "output": "要写入的基线文件（JSON）。",
        "jobs": "用这么多个进程检查（默认：文件多时使用全部核心）。基线与进程数无关。",
    },
    "rules": {
        "": "列出所有规则：编号、规则名、级别和说明。",
        "lang": "说明的语言：zh 中文，en 英文。",
        "rules_dirs": "另外列出此文件夹中的规则文件。",
    },
    "rule": {
        "": "用中文和英文解释一条规则（按规则名或编号），附示例。",
        "rules_dirs": "另外加载此文件夹中的规则文件。",
    },
}

_HEADINGS = {"usage": "用法：", "options": "选项", "commands": "命令", "arguments": "参数"}
_SWITCH = "英文说明：加上 --lang en（如 indicator-lint check --help --lang en）"
_META = "indicator_lint.help_lang"


def chinese_help(command: str, param: str) -> str | None:
    """The Chinese help of a command (``param`` empty) or of one of its options, None if there is none."""
    texts = HELP_ZH.get(command, {})
    return texts.get(param) or (_COMMON.get(param) if param != "" else None)


def _help_lang(args: list[str]) -> str:
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang=en" or (arg == "--lang" and i + 1 < len(args) and args[i + 1] == "en"):
            return "en"
    return "zh"


def _asks_for_help(args: list[str], group: bool) -> bool:
    """Whether --help is asked of this command (a group's own: before its sub-command's name)."""
    value = False  # the next argument is --lang's value
    for arg in args:
        if value:
            value = False
            continue
        if arg == "--" or (group and not arg.startswith("-")):
            return False
        if arg in ("--help", "-h"):
            return True
        value = arg == "--lang"
    return False


def _without_lang(args: list[str]) -> list[str]:
    out, skip = [], False
    for i, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == "--lang=en" or arg == "--lang=zh":
            continue
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in ("zh", "en"):
            skip = True
            continue
        out.append(arg)
    return out


# A mixin for click commands and groups: to the type checker it is a click.Command (which it always
# comes before in a class's bases, ``localised``); at run time it adds no base of its own.
if TYPE_CHECKING:
    _Mixin = click.Command
else:
    _Mixin = object


class Localised(_Mixin):
    """Mixed into a click command or group (``localised``): help in Chinese unless --lang en."""

    help_key = ""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        group = isinstance(self, click.Group)
        if _asks_for_help(args, group) or not group:
            ctx.meta[_META] = _help_lang(args)
        if _asks_for_help(args, group) and not any(p.name == "lang" for p in self.params):
            args = _without_lang(args)  # (--lang en only chose the help's language)
        return super().parse_args(ctx, args)

    def _lang(self, ctx: click.Context) -> str:
        return ctx.meta.get(_META, "zh")

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self._lang(ctx) == "en":
            super().format_help(ctx, formatter)
            return
        key = self._help_key(ctx)
        saved_help, saved_metavar = self.help, self.options_metavar
        saved_sub = getattr(self, "subcommand_metavar", None)
        saved = [(p, getattr(p, "help", None)) for p in self.get_params(ctx)]
        try:
            self.help = chinese_help(key, "") or self.help
            self.options_metavar = "[选项]"
            if saved_sub is not None:
                self.subcommand_metavar = "命令 [参数]..."
            for param, _ in saved:
                text = chinese_help(key, param.name)
                if text is not None and hasattr(param, "help"):
                    param.help = text
            self.format_usage(ctx, formatter)
            self.format_help_text(ctx, formatter)
            self._format_options_zh(ctx, formatter)
            self.format_epilog(ctx, formatter)
            formatter.write_paragraph()
            formatter.write_text(_SWITCH)
        finally:
            self.help, self.options_metavar = saved_help, saved_metavar
            if saved_sub is not None:
                self.subcommand_metavar = saved_sub
            for param, text in saved:
                if hasattr(param, "help"):
                    param.help = text

    def _help_key(self, ctx: click.Context) -> str:
        return "" if ctx.parent is None else (self.name or "")

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self._lang(ctx) == "en":
            super().format_usage(ctx, formatter)
            return
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_HEADINGS["usage"])

    def _format_options_zh(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            text = _COMMON["help"] if "--help" in param.opts else record[1]
            records.append((record[0], text.replace("[default: ", "[默认：").replace("[required]", "[必填]")))
        if records:
            with formatter.section(_HEADINGS["options"]):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            rows = []
            for name in self.list_commands(ctx):
                command = self.get_command(ctx, name)
                if command is None or command.hidden:
                    continue
                text = chinese_help(name, "") or command.get_short_help_str()
                rows.append((name, text.split("\n", 1)[0]))
            if rows:
                with formatter.section(_HEADINGS["commands"]):
                    formatter.write_dl(rows)


_CLASSES: dict[type, type] = {}


def localised(command: click.Command) -> click.Command:
    """``command``, printing its help in Chinese (unless --lang en). Changes its class in place."""
    if isinstance(command, Localised):
        return command
    cls = type(command)
    if cls not in _CLASSES:
        _CLASSES[cls] = type(f"Localised{cls.__name__}", (Localised, cls), {})
    command.__class__ = _CLASSES[cls]
    return command
