"""The command line: parse arguments, call the package, choose the exit status.

    0  everything built (or checked) cleanly
    1  bad input: a message per problem naming file, line and key; nothing half-written
       (also: an output file that cannot be written — disk full, no permission)
    2  wrong usage
    3  an internal fault of jpdocs (reported without a traceback; JPDOCS_DEBUG=1 shows it)

The last stage of the package: the one that calls every other. A module a command:

    build.py    building (the default command) and check
    sign.py     sign: one signature field of an agreement signed into a new file
    annual.py   annual: one fiscal year's book of agreements
    common.py   what they share: the default folders, the lines they print

sign, annual and the app's commands (app/commands.py) are imported only when they run.
"""
from __future__ import annotations

import os
import sys

from .. import collector
from .build import run_build, run_check
from .common import message_line, messages


# sign and annual: their modules imported only when they run
def _sign(argv: list[str]) -> int:
    from .sign import run_sign
    return run_sign(argv)


def _annual(argv: list[str]) -> int:
    from .annual import run_annual
    return run_annual(argv)


def _app_command(name: str):
    """The app's subcommands (serve, new, schema), imported only when asked for."""
    def run(argv: list[str]) -> int:
        collector.resume()          # the app serves for as long as it runs
        from ..app import commands
        return getattr(commands, f"run_{name}")(argv)
    return run


COMMANDS = {"check": run_check, "sign": _sign, "annual": _annual,
            "serve": _app_command("serve"), "new": _app_command("new"), "schema": _app_command("schema")}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_build(argv)
    except KeyboardInterrupt:
        print(messages().message("interrupted: files already written are complete; nothing is half-written"),
              file=sys.stderr)
        return 130
    except MemoryError:
        print(message_line("error", "out of memory (is a spec or a template unusually large?)"), file=sys.stderr)
        return 1
    except Exception as exc:      # a bug in jpdocs, not in the input: say so, without a traceback
        if os.environ.get("JPDOCS_DEBUG"):
            raise
        print(messages().message(f"internal error: {type(exc).__name__}: {exc}\n"
                             "This is a fault in jpdocs, not in your spec. Files already written are complete."
                             " Please report it with the spec (set JPDOCS_DEBUG=1 to see the details)."),
              file=sys.stderr)
        return 3
