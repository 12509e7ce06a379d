#!/usr/bin/env python3
"""Make Japanese official documents from YAML specs. See README.md, or run with --help."""
import sys

# The compiled code of the modules a build imports, read from one file (module_bundle.py).
# First of all, so that what follows is loaded from it too.
# Each kind of command (a build, check, annual …) has its own bundle and compile caches,
# holding what that kind uses (cache_folders.command_kind).
from jpdocs import module_bundle  # noqa: E402
from jpdocs.cache_folders import command_kind  # noqa: E402

KIND = command_kind(sys.argv[1:])
module_bundle.install(KIND)

# hashlib without OpenSSL's start, which a single build does not repay (sha.py).
from jpdocs import sha  # noqa: E402

sha.defer_openssl()

# The cycle collector waits until the start is over (jpdocs/collector.py): its passes
# over the objects a start makes, all of which live until the end, free nothing.
from jpdocs import collector  # noqa: E402

collector.pause()

# Third-party imports this program rarely needs load at first use (lazy_imports.py).
# Installed here, by the program, not by `import jpdocs`: it changes how modules
# load for the whole process, which a library must not do to its host.
from jpdocs import lazy_imports  # noqa: E402

lazy_imports.install()

# Regular expressions and generated code compiled once per machine (compiled.py).
from jpdocs import compiled  # noqa: E402

compiled.install(KIND)

from jpdocs.cli import main  # noqa: E402

if __name__ == "__main__":
    code = main()
    # The cache's unused entries deleted, once a day at most (cache_prune.py).
    from jpdocs import cache_prune
    cache_prune.prune_if_due()
    collector.at_exit()
    collector.exit_now(code)
    sys.exit(code)
