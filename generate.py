#!/usr/bin/env python3
"""Make Japanese official documents from YAML specs. See README.md, or run with --help."""
import sys

from jpdocs.cli import main

if __name__ == "__main__":
    sys.exit(main())
