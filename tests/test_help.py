"""``--help`` is Chinese by default, for the group and every command; ``--lang en`` anywhere on the
command line gives the English (linter/helptext.py)."""

from __future__ import annotations

import re

import click
import pytest

from linter.cli import main
from linter.helptext import HELP_ZH

COMMANDS = sorted(main.list_commands(click.Context(main)))


@pytest.fixture(scope="module")
def help_of(cli):
    def help_of(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0, result.output
        return result.output

    return help_of


def test_the_group_help_is_chinese_and_lists_every_command_in_chinese(help_of):
    out = help_of("--help")
    assert out.startswith("用法：indicator-lint [选项] 命令 [参数]...")
    assert "indicator-lint serve" in out  # where a clerk should start
    for name in COMMANDS:
        line = next(line for line in out.splitlines() if line.strip().startswith(name + " "))
        assert re.search(r"[\u4e00-\u9fff]", line), line
    english = help_of("--lang", "en", "--help")
    assert english.startswith("Usage: indicator-lint [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_s_help_is_chinese_with_the_english_under_lang_en(help_of, name):
    command = main.get_command(click.Context(main), name)
    out = help_of(name, "--help")
    assert out.startswith(f"用法：indicator-lint {name} [选项]")
    assert HELP_ZH[name][""].split("\n")[0] in out
    options = [p for p in command.params if isinstance(p, click.Option) and p.help]
    for param in options:  # each option's help is in Chinese (none left in English)
        assert param.help not in out.replace("\n", " "), (name, param.name)
    assert "显示此帮助并退出。" in out and "--lang en" in out
    for args in ((name, "--lang", "en", "--help"), (name, "--help", "--lang=en")):
        english = help_of(*args)
        assert english.startswith(f"Usage: indicator-lint {name} [OPTIONS]")
        assert "Show this message and exit." in english and "用法" not in english


def test_every_chinese_text_names_a_real_option():
    context = click.Context(main)
    for name, texts in HELP_ZH.items():
        if not name:
            continue
        command = main.get_command(context, name)
        params = {p.name for p in command.params} | {""}
        assert set(texts) <= params, (name, set(texts) - params)


def test_lang_on_a_command_still_chooses_the_messages(cli):
    out = cli("rules", "--lang", "en").output
    assert out.splitlines()[0].split() == ["code", "slug", "severity", "title"]
