"""argparse in the user's language: `--help` and wrong-usage messages.

The help texts stay written in English where the parsers are built; each is passed
through `tr()`, which looks it up whole in the catalogue (jpdocs/i18n.py) for the
environment's language: a Japanese locale gets the Japanese help, every other one
the English text exactly as argparse prints it. argparse's own words (usage:,
positional arguments, options, -h's help, "error:") come from here too, because
argparse looks them up in a gettext domain of its own that has no Japanese; they
are set per parser, never by changing the argparse module (a host's parsers stay
as they were).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata


def tr(text: str) -> str:
    """A fixed text (a help string, a description) in the environment's language."""
    from .i18n import for_environment
    return for_environment().gettext(text)


def _japanese() -> bool:
    from .i18n import for_environment
    return for_environment().language == "ja"


# No line starts with these (a simple 行頭禁則): closing brackets and punctuation.
_NO_START = set("、。，．）」』】〕・ー：；？！,.)]:;?!")
_TOKEN = re.compile(r"[!-~]+|\s+|.", re.S)      # an ASCII word, a space, or one character


def wrap_japanese(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns (a wide character counts two) for Japanese,
    which has no spaces to break at: a break may fall between any two characters,
    never inside an ASCII word nor before closing punctuation. textwrap (what
    argparse uses) breaks only at spaces and counts characters, not columns."""
    lines, line, used = [], "", 0
    for token in _TOKEN.findall(" ".join(text.split())):
        cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in token)
        if used + cols > width and line.strip() and token[0] not in _NO_START and not token.isspace():
            lines.append(line.rstrip())
            line, used = "", 0
        if line or not token.isspace():
            line, used = line + token, used + cols
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Usage:
    """The usage line's prefix ("usage: ") in the user's language, and Japanese help
    wrapped by columns (English is left to argparse, unchanged)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, tr("usage: ") if prefix is None else prefix)

    def _split_lines(self, text, width):
        return wrap_japanese(text, width) if _japanese() else super()._split_lines(text, width)

    def _fill_text(self, text, width, indent):
        if not _japanese() or isinstance(self, argparse.RawDescriptionHelpFormatter):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap_japanese(text, width - len(indent)))


class Formatter(_Usage, argparse.HelpFormatter):
    pass


class RawFormatter(_Usage, argparse.RawDescriptionHelpFormatter):
    pass


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words follow the locale; in English its output is
    argparse's, byte for byte (tests/test_i18n.py compares them)."""

    def __init__(self, *, formatter_class=Formatter, **kwargs):
        super().__init__(formatter_class=formatter_class, add_help=False, **kwargs)
        self._positionals.title = tr("positional arguments")
        self._optionals.title = tr("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=tr("show this help message and exit"))

    def error(self, message: str):
        """As argparse's (usage, then `prog: error: message`, exit 2), with the message
        matched against the catalogue's templates like every other message."""
        from .i18n import for_environment
        say = for_environment()
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {say.label('error')} {say.message(message)}\n")
