"""`generate.py --help` lists each command with every option it takes (cli/build.py's
COMMAND_LINES), in English and in Japanese.

The lines were written by hand inside the long translated description, and an option
added to a command was left out of them: annual's --as-of, sign's --password-file,
--allow-expired, --reason and --location, serve's --port and --no-browser. Here every
option of every command's parser (the parsers themselves, not a list of this test's) is
looked for on that command's line of the real command's help."""
from __future__ import annotations

import os
import re

import pytest

from conftest import run_generate
from jpdocs.app import commands as app_commands
from jpdocs.cli import COMMANDS, annual, build, sign

PARSERS = {"": build.build_parser, "check": build.check_parser, "sign": sign.sign_parser,
           "annual": annual.annual_parser, "serve": app_commands.serve_parser, "new": app_commands.new_parser,
           "schema": app_commands.schema_parser}


def test_every_command_has_its_parser_here():
    assert set(PARSERS) == set(COMMANDS) | {""}


def summary(help_text: str) -> dict[str, str]:
    """{command ("" for building): its text in the help's lines of commands}."""
    lines = [line for line in help_text.split("\n\n") if line.lstrip().startswith("python generate.py")]
    assert len(lines) == 1, help_text
    out: dict[str, str] = {}
    for part in lines[0].split("python generate.py")[1:]:
        words = part.split()
        command = words[0] if words and words[0] in COMMANDS else ""
        assert command not in out, (command, help_text)
        out[command] = " ".join(words)
    return out


@pytest.mark.parametrize("language", ["C.UTF-8", "ja_JP.UTF-8"])
def test_the_help_lists_every_option_of_every_command(language):
    env = {**os.environ, "LANG": language, "LC_ALL": language, "LANGUAGE": "", "COLUMNS": "100"}
    result = run_generate("--help", env=env)
    assert result.returncode == 0, result.stderr
    assert ("作成します" in result.stdout) == language.startswith("ja"), result.stdout
    said = summary(result.stdout)
    assert set(said) == set(PARSERS), said
    missing = []
    for command, parser in PARSERS.items():
        for action in parser()._actions:
            if not action.option_strings or "--help" in action.option_strings:
                continue
            if not any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", said[command]) for o in action.option_strings):
                missing.append((command or "build", action.option_strings[-1]))
    assert missing == [], missing


def test_the_readme_lists_the_commands_as_the_help_does():
    from conftest import ROOT
    from jpdocs.cli.build import COMMAND_LINES
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line\n\n```\n", 1)[1].split("```\n", 1)[0]
    assert block == "\n".join(line[2:] for line in COMMAND_LINES.split("\n")) + "\n"
