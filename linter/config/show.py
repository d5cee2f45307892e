"""``check --show-config``: the effective settings as YAML, with the files they came from."""

from __future__ import annotations

from linter.config.model import Config
from linter.rulebook import Rule


def show_config(config: Config, rules: list[Rule]) -> str:
    """The effective settings as YAML, with the files they came from and the rules that run."""
    import yaml

    head = "".join(f"# from: {s}\n" for s in config.sources)
    body = {**config.as_dict(), "rules": [f"{r.code} {r.slug} [{r.severity}]" for r in rules]}
    return head + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, default_flow_style=False)
