"""`generate.py --help` lists each command with every option it takes (cli/build.py's
COMMAND_LINES), in English and in Japanese.

The lines were written by hand inside the long translated description, and an option
added to a command was left out of them: annual's --as-of, sign's --password-file,
--allow-expired, --reason and --location, serve's --port and --no-browser. Here every
option of every command's parser (the parsers themselves, not a list of this test's) is
looked for on that command's line of the real command's help; and every positional
argument too, as the parser takes it (one; one or more, SPEC ...; an optional one,
[FILE]; any number, [SPEC ...]), in the parser's order. The README's block is the same
lines (the last test)."""
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


def positional_pattern(action) -> str:
    """How a command's line writes a positional argument: its name (the parser's metavar,
    its choices as notice|agreement|…, or its name in capitals), which the line may give
    alternatives (SPEC|DIR), bracketed where it may be left out, `...` where it repeats."""
    if action.metavar:
        name = re.escape(action.metavar)
    elif action.choices:
        name = "|".join(map(re.escape, action.choices))
    else:
        name = re.escape(action.dest.upper())
    word = rf"{name}(?:\|[\w.]+)*"
    alone = r"(?<![\w\[|.-])"
    return {None: rf"{alone}{word}(?![\w|.\]-])(?! \.\.\.)", "?": rf"\[{word}\]",
            "*": rf"\[{word} \.\.\.\]", "+": rf"{alone}{word} \.\.\.(?!\])"}[action.nargs]


def positionals_missing(said: dict[str, str]) -> list[tuple[str, str]]:
    """(command, argument) of each positional argument of each parser that its command's
    line does not write as the parser takes it, or writes out of the parser's order."""
    missing = []
    for command, parser in PARSERS.items():
        at = 0
        for action in parser()._actions:
            if action.option_strings:
                continue
            found = re.compile(positional_pattern(action)).search(said[command], at)
            if found is None:
                missing.append((command or "build", action.metavar or action.dest))
            else:
                at = found.end()
    return missing


@pytest.mark.parametrize("language", ["C.UTF-8", "ja_JP.UTF-8"])
def test_the_help_lists_every_positional_argument_of_every_command_as_it_is_taken(language):
    env = {**os.environ, "LANG": language, "LC_ALL": language, "LANGUAGE": "", "COLUMNS": "100"}
    result = run_generate("--help", env=env)
    assert result.returncode == 0, result.stderr
    said = summary(result.stdout)
    assert positionals_missing(said) == []
    # what it catches: a line that leaves an argument out, makes one optional or single,
    # or swaps two (the lines as they were written by hand, wrong in these ways)
    for command, wrong, caught in (("schema", "schema", "FILE"), ("new", "new notice|agreement|both|report FILE", "FILE"),
                                   ("check", "check SPEC [--style FILE]", "SPEC"), ("", "[SPEC] [-o DIR]", "SPEC"),
                                   ("new", "new [FILE] notice|agreement|both|report", "FILE"),
                                   ("sign", "sign [AGREEMENT.pdf] --field 甲", "AGREEMENT.pdf")):
        assert positionals_missing({**said, command: wrong}) == [(command or "build", caught)], wrong


def test_the_readme_lists_the_commands_as_the_help_does():
    from conftest import ROOT
    from jpdocs.cli.build import COMMAND_LINES
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line\n\n```\n", 1)[1].split("```\n", 1)[0]
    assert block == "\n".join(line[2:] for line in COMMAND_LINES.split("\n")) + "\n"
