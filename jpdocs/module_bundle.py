"""The compiled code of the modules a build imports, read from one file (issue #17).

A cold start imports some 300 modules from source files. For each, Python's path
finder looks it up along sys.path, then its loader stats the source, opens and
reads the cached bytecode (__pycache__/*.pyc) and checks it. The bundle holds that
bytecode for every module a run of the program imported, in one marshal file of
the private cache folder (the one compiled.py and the templates use: code lives
only where no other user can write); a later start reads that file once and its
finder serves each module from it.

Never stale: each module's entry records its source file's size and modification
time (in ns), and the finder serves the entry only while the source's stat says the
same (one stat where Python makes several calls); otherwise the module is imported
the usual way and the bundle is rebuilt at exit. An entry's code is the .pyc that
Python wrote, taken only if the .pyc is valid for the source and newer than it (a
module without one is not bundled). Jinja's modules are
bundled compiled from their source with their annotations kept as text (PEP 563,
TEXT_ANNOTATIONS): Jinja annotates every function for type checkers and reads no
annotation itself, and evaluating them (typing's forms made and looked up, ~500
at its import) was ~3 % of a cold press notice. The bundle is keyed by the kind of
command (cache_folders.command_kind: a build of PDFs, `check`, `annual` … each has
its own, holding what that kind imports, so that a notice's start does not read the
index of what other commands imported), the interpreter (version, bytecode magic,
optimisation level) and sys.path, and is not
used at all when a folder of sys.path changed since it was made (a file added
there could shadow a module).

Written atomically at exit (after every other exit handler) when this run imported
a module from source that the bundle did not hold; what it held for other commands
is kept while the file stays under BUDGET bytes. Bundles of other interpreters or
paths that have not been written for MAX_AGE are deleted, and at most MAX_BUNDLES
are kept.

Installed by the program (generate.py) first of all, before other imports; not by
`import jpdocs`, as it changes how modules load for the whole process. It imports
nothing that is not loaded already when Python starts, but the cache's folder rules
(cache_folders.py, which imports no more).
"""
import _frozen_importlib as _bootstrap               # (importlib's own, loaded as Python starts:
import _frozen_importlib_external as _external      # importing importlib and its parts takes longer)
import marshal
import os
import sys

from .cache_folders import private_folder

FORMAT = 3
BUDGET = 24_000_000        # bytes of code one bundle holds at most
MAX_BUNDLES = 10           # bundles kept in the folder (other kinds of command, interpreters, sys.path)
MAX_AGE = 30 * 86400       # seconds after which another key's bundle is deleted
PREFIX = "modules-"
# Packages whose bundled code is compiled with `from __future__ import annotations`
# (their annotations are strings, as type checkers read them): only ones that never
# look at an annotation at run time (Jinja: no get_type_hints, no dataclass; its few
# NamedTuples take a text annotation as well). Not jpdocs's own modules: the spec's
# models read theirs (spec/strict/model.py).
TEXT_ANNOTATIONS = ("jinja2",)

_real_get_code = _external.SourceFileLoader.get_code
_CodeType = type((lambda: None).__code__)


class _BundledLoader(_external.SourceFileLoader):
    """Python's own loader for a source file (get_source, get_data, resources and
    is_package as usual), its code taken from the bundle."""

    def __init__(self, fullname, path, at):
        super().__init__(fullname, path)
        self._code = at            # (offset, length) of the code in the bundle

    def get_code(self, fullname):
        if fullname != self.name or self._code is None:
            return _real_get_code(self, fullname)
        at, self._code = self._code, None
        try:
            code = marshal.loads(_finder.read(*at))
        except (OSError, EOFError, ValueError, TypeError, AttributeError):
            code = None
        if type(code) is not _CodeType:     # a damaged bundle: Python's own way, and a new bundle at exit
            if _finder is not None:
                _finder.stale = True
                _finder.served.discard(fullname)
                _finder.index.pop(fullname, None)
            return _real_get_code(self, fullname)
        return code


class _BundleFinder:
    """A finder of sys.meta_path (the first) for the bundled modules."""

    def __init__(self, path: str, key: tuple):
        self.path = path           # the bundle's file
        self.key = key
        self.index: dict = {}      # module → (file, mtime_ns, size, is_package, search dir, offset, length, .pyc name)
        self.fd = None             # the bundle's file, open: each module's code read where it is imported
        self.base = 0              # where the code starts in it
        self.served: set = set()
        self.before: set = set()   # the modules Python loaded before the finder was installed
        self.stale = False         # an entry's source changed: rebuild
        self.folders = _folders_state(key[-1])   # the folders of sys.path as the run started

    def load(self) -> None:
        """The bundle's index; each module's code is read as it is imported (reading
        the whole file into fresh memory cost ~2,000 page faults more than a start
        without it, as it holds what other commands import too)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return
        # The index's entries are tuples, which the cycle collector tracks: its passes
        # walked them, during the decode and in the first pass after it, the more the
        # more modules other commands had added (2.8 M instructions of a cold notice on
        # a long-used bundle of 509 modules, against 293 fresh). So they are decoded with
        # it off and frozen (gc.freeze: later passes skip them, as the program freezes
        # what its start made, collector.py): they live as long as the process.
        import gc
        running = gc.isenabled()
        gc.disable()
        try:
            size = int.from_bytes(os.pread(fd, 8, 0), "little")
            fmt, key, folders, index = marshal.loads(os.pread(fd, size, 8))
        except (OSError, EOFError, ValueError, TypeError, OverflowError, MemoryError):
            os.close(fd)
            return
        finally:
            gc.freeze()
            if running:
                gc.enable()
        if fmt != FORMAT or key != self.key or folders != self.folders or type(index) is not dict:
            os.close(fd)
            return
        self.index, self.fd, self.base = index, fd, 8 + size

    def read(self, offset: int, length: int) -> bytes:
        data = os.pread(self.fd, length, self.base + offset)
        if len(data) != length:
            raise ValueError("the bundle is shorter than its index")
        return data

    def find_spec(self, fullname, path=None, target=None):
        entry = self.index.get(fullname)
        if entry is None:
            return None
        file, mtime_ns, size, is_package, folder, offset, length, cached = entry
        if path is not None and (not path or path[0] != folder):
            return None            # not where the package's own __path__ looks first
        try:
            st = os.stat(file)
        except OSError:
            st = None
        if st is None or st.st_mtime_ns != mtime_ns or st.st_size != size:
            self.stale = True
            del self.index[fullname]
            return None
        loader = _BundledLoader(fullname, file, (offset, length))
        spec = _bootstrap.ModuleSpec(fullname, loader, origin=file, is_package=is_package)
        spec.has_location = True
        spec.cached = cached       # (what spec.cached works out from the file name, kept)
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(file)]
        self.served.add(fullname)
        return spec

    def save(self) -> None:
        """The bundle written anew if this run imported modules it did not hold."""
        try:
            missing = [m for name, m in list(sys.modules.items())
                       if name not in self.served and name not in self.before and _bundleable(m)]
            if not missing and not self.stale:
                return
            entries = {}
            for module in missing:
                entry = _entry(module)
                if entry is not None:
                    entries[module.__name__] = entry
            if not entries and not self.stale:
                return
            for name in self.served:
                entry = self.index.get(name)
                if entry is not None:
                    entries[name] = entry[:5] + (entry[7], self.read(entry[5], entry[6]))
            total = sum(len(e[6]) for e in entries.values())
            for name, entry in self.index.items():   # what other commands imported
                if name not in entries and total + entry[6] <= BUDGET:
                    entries[name] = entry[:5] + (entry[7], self.read(entry[5], entry[6]))
                    total += entry[6]
            self._write(entries)
        except (OSError, ValueError, TypeError, MemoryError):
            pass

    def _write(self, entries: dict) -> None:
        index, parts, offset, total = {}, [], 0, 0
        for name, (file, mtime_ns, size, is_package, folder, cached, code) in sorted(entries.items()):
            if total + len(code) > BUDGET:
                continue
            index[name] = (file, mtime_ns, size, is_package, folder, offset, len(code), cached)
            parts.append(code)
            offset += len(code)
            total += len(code)
        if _folders_state(self.key[-1]) != self.folders:
            return                 # a folder of sys.path changed during the run: what it imported may differ
        header = marshal.dumps((FORMAT, self.key, self.folders, index))
        from .atomic import write_atomic
        write_atomic(self.path, len(header).to_bytes(8, "little") + header + b"".join(parts), durable=False)
        _delete_stale(os.path.dirname(self.path), os.path.basename(self.path))


def _bundleable(module) -> bool:
    spec = getattr(module, "__spec__", None)
    return (spec is not None and type(spec.loader) in (_external.SourceFileLoader, _BundledLoader)
            and isinstance(spec.origin, str) and spec.origin.endswith(".py"))


def _entry(module):
    """(file, mtime_ns, size, is_package, search dir, .pyc name, marshalled code) of a module
    imported from source, or None when Python keeps no valid .pyc for it (one not
    written: PYTHONDONTWRITEBYTECODE, a read-only folder)."""
    spec = module.__spec__
    file = spec.origin
    is_package = spec.submodule_search_locations is not None
    folder = os.path.dirname(os.path.dirname(file) if is_package else file)
    if is_package and list(spec.submodule_search_locations) != [os.path.dirname(file)]:
        return None                # a package that changed its own __path__
    if module.__name__.partition(".")[0] in TEXT_ANNOTATIONS:
        source, code = _compiled_with_text_annotations(file)
    else:
        source = os.stat(file)
        code = _valid_pyc(file, source)
    if code is None:               # (compiling every module here would make every first run's exit slow)
        return None
    return (file, source.st_mtime_ns, source.st_size, is_package, folder, spec.cached, code)


def _compiled_with_text_annotations(file: str) -> tuple:
    """(the source's stat, its code compiled as if it began with `from __future__ import
    annotations`, marshalled): the stat of the file as read, so that an entry never
    pairs one version's code with another's size and time."""
    import __future__
    try:
        with open(file, "rb") as fh:
            source = os.fstat(fh.fileno())
            text = fh.read()
        code = compile(text, file, "exec", flags=__future__.annotations.compiler_flag, dont_inherit=True)
    except (OSError, SyntaxError, ValueError):
        return None, None
    return source, marshal.dumps(code)


def _valid_pyc(file: str, source) -> bytes | None:
    """The code of the .pyc Python keeps for `file`, if it was written after the
    source last changed and its header matches the source (as Python checks it)."""
    try:
        pyc = _external.cache_from_source(file)
        with open(pyc, "rb") as fh:
            written = os.fstat(fh.fileno())
            data = fh.read()
    except (OSError, NotImplementedError, ValueError):
        return None
    if (len(data) < 16 or data[:4] != _external.MAGIC_NUMBER or int.from_bytes(data[4:8], "little") != 0
            or int.from_bytes(data[8:12], "little") != (int(source.st_mtime) & 0xFFFFFFFF)
            or int.from_bytes(data[12:16], "little") != (source.st_size & 0xFFFFFFFF)
            or written.st_mtime_ns <= source.st_mtime_ns):
        return None
    try:
        marshal.loads(data[16:])   # (a truncated file is not taken)
    except (EOFError, ValueError, TypeError):
        return None
    return data[16:]


def _folders_state(path) -> tuple:
    """Each folder of sys.path with its modification time: a module added to one
    of them could shadow a bundled one."""
    state = []
    for folder in path:
        try:
            state.append((folder, os.stat(folder or ".").st_mtime_ns))
        except (OSError, TypeError, ValueError):
            state.append((folder, None))
    return tuple(state)


def _delete_stale(folder: str, own: str) -> None:
    try:
        names = [n for n in os.listdir(folder) if n.startswith(PREFIX) and n.endswith(".marshal") and n != own]
        dated = sorted(((os.stat(os.path.join(folder, n)).st_mtime, n) for n in names), reverse=True)
        import time
        now = time.time()
        for i, (mtime, name) in enumerate(dated):
            if i >= MAX_BUNDLES - 1 or now - mtime > MAX_AGE:
                os.unlink(os.path.join(folder, name))
    except OSError:
        pass


def cache_folder() -> str | None:
    """The private cache's folder of bundles (output.private_cache_dir("compiled"), in
    terms of os alone: pathlib is not loaded yet), made if need be; None if unusable."""
    return private_folder("compiled")


def _key(kind: str) -> tuple:
    return (kind, sys.version, sys.implementation.cache_tag, _external.MAGIC_NUMBER, sys.flags.optimize, sys.executable,
            sys.pycache_prefix,
            tuple(sys.path))


def _name(key: tuple) -> str:
    """A file name for the key (FNV-1a of its text: hashlib is not loaded yet; the
    key itself, stored in the file, is what is compared)."""
    h = 0xcbf29ce484222325
    for byte in repr(key).encode("utf-8", "surrogatepass"):
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{PREFIX}{h:016x}.marshal"


_finder: _BundleFinder | None = None


def install(kind: str = "") -> None:
    """The bundle's finder put before the path finder, its saving registered at exit;
    `kind`, the kind of command (cache_folders.command_kind), has a bundle of its own."""
    global _finder
    if _finder is not None or os.environ.get("JPDOCS_NO_BUNDLE"):
        return
    folder = cache_folder()
    if folder is None:
        return
    key = _key(kind)
    _finder = _BundleFinder(os.path.join(folder, _name(key)), key)
    _finder.before = set(sys.modules)
    _finder.load()
    # First: it holds only modules that Python's path finder found last time (after
    # the built-in and frozen ones, which were not found there): asking those first
    # for each module only to hear no took longer.
    sys.meta_path.insert(0, _finder)
    import atexit
    atexit.register(_finder.save)
