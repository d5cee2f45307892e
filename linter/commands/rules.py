"""``indicator-lint rules`` lists the catalogue; ``indicator-lint rule SLUG|CODE`` explains one rule
from its rule file (the one metadata source, as in ruff): title, message, rationale, basis, check
type with its parameters, and the examples that fail and pass.
"""

from __future__ import annotations

import sys

import click

from linter.commands.options import lang_option
from linter.outputs import echo


def _load(rules_dirs):
    from linter.rulebook import RuleError, load_rule_dirs

    try:
        return load_rule_dirs(list(rules_dirs))
    except RuleError as exc:
        click.echo(exc.text(), err=True)
        sys.exit(2)


@click.command("rules")
@lang_option()
@click.option(
    "--rules-dir",
    "rules_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Also list the rule files of this folder.",
)
def rules_command(lang, rules_dirs):
    """List every rule: code, slug, severity and title."""
    from linter.formatters.text import pad
    from linter.i18n import severity_word

    rules = _load(rules_dirs)
    slug_width = max(len(r.slug) for r in rules)
    head = ("编号", "规则", "级别", "说明") if lang == "zh" else ("code", "slug", "severity", "title")
    echo(f"{pad(head[0], 6)} {pad(head[1], slug_width)} {pad(head[2], 8)} {head[3]}")
    for r in rules:
        echo(f"{r.code:<6} {r.slug:<{slug_width}} {pad(severity_word(r.severity, lang), 8)} {r.title[lang]}")


@click.command("rule")
@click.argument("name")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(file_okay=False))
def rule_command(name, rules_dirs):
    """Explain one rule (by slug or code), in Chinese and English, with its examples."""
    import yaml

    rules = _load(rules_dirs)
    rule = next((r for r in rules if name in (r.slug, r.code) or name.upper() == r.code), None)
    if rule is None:
        click.echo(
            f"indicator-lint: 没有名为 '{name}' 的规则 / no rule named '{name}' (see `indicator-lint rules`)",
            err=True,
        )
        sys.exit(2)
    doc = (rule.module.__doc__ or "").strip()
    lines = [
        f"{rule.code} {rule.slug} [{rule.severity}]",
        f"{rule.title['zh']} / {rule.title['en']}",
        "",
        "消息 / message:",
        f"  {rule.message['zh']}",
        f"  {rule.message['en']}",
        "",
        "理由 / rationale:",
        f"  {rule.rationale['zh']}",
        f"  {rule.rationale['en']}",
        "",
        f"依据 / basis: {rule.basis}",
        "",
        f"检查类型 / check type: {rule.check_type}",
    ]
    lines += [f"  {line}" for line in doc.splitlines()] if doc else []
    lines.append("参数 / parameters:")
    for key, param in rule.module.PARAMS.items():
        fixed = "（固定 / fixed）" if param.fixed else ""  # set by the rule file, not by a configuration
        lines.append(f"  {key}: {rule.params[key]!r}{fixed}  — {param.help}")
    if not rule.module.PARAMS:
        lines.append("  (none)")
    for kind, label in (
        ("fail", "应报告的示例 / examples that fail"),
        ("pass", "不应报告的示例 / examples that pass"),
    ):
        lines += ["", f"{label}:"]
        for example in rule.examples[kind]:
            text = yaml.safe_dump(example, allow_unicode=True, sort_keys=False, default_flow_style=False)
            lines += [f"  {line}" for line in text.rstrip().splitlines()]
            lines.append("  ---")
        lines.pop()
    echo("\n".join(lines))
