"""``indicator-lint parse VALUE…``: show what the grammar makes of each 指标值."""

from __future__ import annotations

import json

import click

from linter.outputs import echo


@click.command(
    "parse", context_settings={"ignore_unknown_options": True}
)  # parse -5%: a value, not an option
@click.argument("values", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one readable line per value; json: one object per value, one per line.",
)
def parse_command(values: tuple[str, ...], fmt: str) -> None:
    """Parse each VALUE as a 指标值 and print its typed result."""
    from linter.values import parse

    for raw in values:
        value = parse(raw)
        if fmt == "json":
            echo(json.dumps(value.to_dict(), ensure_ascii=False))
        else:
            echo(f"{raw}\t{describe(value)}")


def describe(value) -> str:
    """One readable line: the kind, then the fields that say something."""
    d = value.to_dict()
    kind = d.pop("kind")
    d.pop("raw", None)
    d.pop("span", None)
    parts = []
    for key, v in d.items():
        if v in (None, False, "", [], ()):
            continue
        if isinstance(v, dict):
            v = describe_nested(v)
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            v = "[" + "; ".join(f"{q.get('written_number')}{q.get('written_unit')}" for q in v) + "]"
        parts.append(f"{key}={v}")
    return kind + (" " + " ".join(parts) if parts else "")


def describe_nested(d: dict) -> str:
    """A date mapping (year, month, day) as ``2025-12-31``; ``?`` when it has none."""
    return "-".join(str(d[k]) for k in ("year", "month", "day") if d.get(k) is not None) or "?"
