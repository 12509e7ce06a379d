#!/usr/bin/env python3
"""Make Japanese official documents from YAML specs. See README.md, or run with --help."""
import os
import sys

# pydantic looks for plugins (installed packages' entry points) when the first model
# is built: 20 ms of every run, for plugins this program does not use.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from jpdocs.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
