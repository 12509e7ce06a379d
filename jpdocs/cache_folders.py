"""Where jpdocs keeps what it caches between runs, in terms of os alone: the module
bundle finds its folder with it before pathlib is loaded (module_bundle.py), and
output.py's cache_dir and private_cache_dir are the same rules as Paths. It imports
nothing Python has not loaded at its start (os, stat)."""
import os
import stat


def cache_root() -> str:
    """Where parsed fonts, compiled templates and modules are kept (safe to delete):
    JPDOCS_CACHE, else XDG_CACHE_HOME/jpdocs, else ~/.cache/jpdocs."""
    return os.environ.get("JPDOCS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "jpdocs")


def private_folder(name: str) -> str | None:
    """A folder of the cache that only this user can write, made if need be; None if
    it cannot be had (then nothing is cached). What is cached may be loaded as code
    (compiled templates, the modules' code), so a folder another user could write
    into is not used."""
    base = cache_root()
    folder = os.path.join(base, name)
    try:
        # Looked at first: it is there on every run but the first, and making it (two
        # system calls that fail, each an exception) took ~60 µs of each of a cold
        # notice's thirteen calls. Checked below the same, whichever way it was had.
        st = os.lstat(folder)
    except OSError:
        try:
            os.makedirs(base, mode=0o700, exist_ok=True)
            try:
                os.mkdir(folder, 0o700)
            except FileExistsError:
                pass
            st = os.lstat(folder)
        except OSError:
            return None
    if not stat.S_ISDIR(st.st_mode) or st.st_mode & 0o022 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
        return None
    return folder


# The commands other than building (cli.COMMANDS, named here: cli is not loaded yet).
COMMANDS = ("check", "sign", "annual", "serve", "new", "schema")
BUILD_FORMATS = ("docx", "pdf")


def command_kind(argv: list[str]) -> str:
    """The kind of command `argv` (the program's arguments) is, for the caches a start
    reads whole (the module bundle, the compiled patterns and code): each kind keeps
    files of its own, holding what that kind of command uses, so that running the
    others does not make a press notice's start read more (a long-used cache had cost
    a cold notice 24 M instructions over a fresh one, 4.7 %). The command's name; a
    build's also by its --format (PDF alone imports no python-docx, DOCX alone no
    reportlab layout). Read from the words as given, without the argument parser:
    a kind guessed wrong only serves the start less well. A few names at most: a
    format not known is not part of a name."""
    if argv and argv[0] in COMMANDS:
        return argv[0]
    formats = None
    for i, word in enumerate(argv):
        if word == "--format" and i + 1 < len(argv):
            formats = argv[i + 1]
        elif word.startswith("--format="):
            formats = word.partition("=")[2]
    if formats is None:
        return "build"
    chosen = [f for f in BUILD_FORMATS if f in formats.lower().replace(" ", "").split(",")]
    return "build-" + chosen[0] if len(chosen) == 1 else "build"      # (both: as without --format)
