"""The build record: what was built from what, so an unchanged spec is skipped.

The record lives in the output folder as `.jpdocs-build.json` and maps each spec
(by absolute path) to the digest of every input its documents were made from: the
spec's bytes, the templates it used (with what they include; with --templates, also
the names of the files in that folder, since one added there replaces a bundled
template without any listed file changing), the house style
files, the fonts, the DOCX reference for DOCX output, the options of the run and
the generator's version (its own source and pinned libraries, so a code change
rebuilds without anyone remembering to bump a number).

The entry also lists those input files, so the parent of a batch can check a spec
without parsing it: re-hash the listed files (each once per run) and compare. A
spec whose bytes changed may use other templates, but then its digest differs
anyway. The record only ever lags the files on disk (it is written after the
outputs), so a lost or stale record costs a rebuild, never a wrong skip. Two runs
at once (different options) could still leave an entry for the files the other
run wrote; so a spec is current only if its folder's manifest carries the same
digest (output.py writes it with the files, under the folder's lock). Saving
merges this run's changes into the record on disk, under a lock on the output
folder, so runs at once do not drop each other's entries.

A spec that made none of the --kinds asked for has an entry too (batch.py,
made_nothing_entry): `"made": "nothing"` and its reasons as the run printed them,
no outputs, so it is never skipped as unchanged.
"""
from __future__ import annotations

import json
import operator
import os
import re
import stat
from functools import lru_cache
from pathlib import Path

from ..atomic import write_atomic
from ..errors import Problem
from ..files import FileRefused, as_path, read_regular_file
from ..output import locked_folder, manifest_stamp
from ..sha import sha256
from ..spec.textfile import find_templates, templates_used

RECORD_NAME = ".jpdocs-build.json"
FORMAT = 1
LARGE = 1_000_000        # bytes
PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parent
TEMPLATES = ROOT / "templates"


@lru_cache(maxsize=None)
def generator_version() -> str:
    """Version string + digest of the package source and the pinned requirements,
    remembered (in the private cache) under the files' identities and times, as the
    fonts' digests are (fonts/cache.py): reading and hashing the hundred files was
    5 ms of every build and of every check for unchanged specs. Writing to a file,
    or replacing it, changes its ctime, which no program can set back."""
    pyproject = ROOT / "pyproject.toml"
    # The local app (jpdocs/app/) only drives the build, and i18n.py only translates
    # messages: a change to either cannot change a document, so it must not make
    # every spec rebuild.
    app, i18n = str(PACKAGE / "app"), str(PACKAGE / "i18n.py")
    found = [(path, st) for path, st in _python_files(str(PACKAGE)) + _stat(str(ROOT / "requirements.txt"))
             if stat.S_ISREG(st.st_mode) and path != i18n and not path.startswith(app + os.sep)]
    found.sort(key=lambda f: f[0].split(os.sep))          # in the order of Path objects
    entry = _version_entry(_stat(str(pyproject)) + found)
    if entry is not None:
        try:
            known = entry.read_text(encoding="ascii")
            if _VERSION.fullmatch(known):
                return known
        except (OSError, ValueError):
            pass
    version = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.M) \
        if pyproject.is_file() else None
    # hashed in one call, so that sha.py weighs its megabytes whole (OpenSSL's SHA-256)
    h = sha256(b"".join(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes()
                        for path in (Path(path) for path, _ in found)))
    made = f"{version.group(1) if version else '0'}+{h.hexdigest()[:16]}"
    if entry is not None and _VERSION.fullmatch(made):
        try:
            write_atomic(entry, made.encode("ascii"), durable=False)
        except (OSError, ValueError):
            pass
    return made


_VERSION = re.compile(r"[0-9A-Za-z.+!_-]{1,64}\+[0-9a-f]{16}")


def _version_entry(files: list[tuple[str, os.stat_result]]) -> Path | None:
    """The cache file of the generator version for these files as they are now
    (their paths, identities, sizes and times); None without a private cache."""
    from ..output import private_cache_dir
    key = sha256(b"1")
    for path, st in files:
        key.update(_as_it_is(path, st))
    folder = private_cache_dir("generator")
    return folder / f"{key.hexdigest()[:32]}.version" if folder else None


def _stat(path: str) -> list[tuple[str, os.stat_result]]:
    try:
        return [(path, os.stat(path))]
    except OSError:
        return []


def _python_files(folder: str) -> list[tuple[str, os.stat_result]]:
    """The *.py files under `folder` with their status (links followed), as
    Path.rglob finds them (not following links to folders), found with os.scandir:
    rglob took longer than hashing the files."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found.extend(_python_files(entry.path))
            elif entry.name.endswith(".py"):
                try:
                    found.append((entry.path, entry.stat()))
                except OSError:
                    pass              # (a link to nothing: Path.is_file said no)
    return found


def input_files(loaded, style, formats, templates: Path | None = None, kinds=None,
                style_override: Path | None = None, resolve=Path.resolve,
                spec_file: Path | None = None) -> list[Path]:
    """Every file one spec's documents are made from (see the module docstring), each
    resolved by `resolve` (a run's Hasher.resolved: the fonts and templates every
    spec shares are resolved once); the spec itself is resolved afresh, or given so
    (`spec_file`: resolved by the caller for this build, which the digest takes too)."""
    from .kinds import attachments_of, folders, kinds_of, needed_kinds, releases_of   # light: no writers
    from ..spec.photo_checks import photos_of
    from ..spec.style import DEFAULT_STYLE
    files = [as_path(loaded.path)]
    if "pdf" in formats:
        for name in releases_of(loaded, kinds):             # the PDFs a release attaches
            files.extend(loaded.file(a.file) for a in attachments_of(loaded.spec, name) if a.file)
    for kind in kinds_of(loaded, needed_kinds(loaded, kinds)):
        where = folders(templates)
        found = loaded.templates_found[(kind.template, where)] = find_templates(kind.template, where)
        files.extend(path for path, _ in found.values())
    if templates:
        # The folder itself, hashed by its list of names: a template added there later
        # takes the place of a bundled one this spec used, which the files above miss.
        files.append(Path(templates))
    files.extend(loaded.file(p.logo) for p in loaded.spec.parties.values() if p.logo)
    files.extend(loaded.file(photo.file) for _, photo in photos_of(loaded.spec))    # the notice's photos
    # The other agreements the notice announces (press_notice.also): their specs, and
    # for a document of theirs the release attaches, what it is made from.
    files.extend(Path(o.path) for o in loaded.others.values())
    if "pdf" in formats and loaded.others:
        from .documents import style_for
        from ..spec.joint import other_of
        for name in releases_of(loaded, kinds):
            for a in attachments_of(loaded.spec, name):
                if not a.spec:
                    continue
                other = other_of(loaded, a.spec)
                for kind in kinds_of(other, {a.document}):
                    files.extend(templates_used(kind.template, folders(templates)))
                files.extend(other.file(p.logo) for p in other.spec.parties.values() if p.logo)
                other_style = style_for(other, style_override)
                if other_style.source:
                    files.append(Path(other_style.source))
                files.extend(other_style.font_path(role) for role in other_style.fonts)
                files.extend(other_style.fallback_paths())
    files.append(DEFAULT_STYLE)
    # (told from the default by its text, which is str(DEFAULT_STYLE) for the default
    # style: no Path made to tell it. Another spelling of the same file, were there
    # one, is the same input once resolved, below)
    if style.source and style.source != str(DEFAULT_STYLE):
        files.append(Path(style.source))
    files.extend(style.font_path(role) for role in style.fonts)
    files.extend(style.fallback_paths())
    ag = loaded.spec.agreement
    if ag and ag.document and ag.document.standard and any(k.name == "agreement"
                                                           for k in kinds_of(loaded, needed_kinds(loaded, kinds))):
        files.append(Path(style.article_sets))       # the standard articles the agreement is made from
    if "docx" in formats:
        files.append(TEMPLATES / "reference.docx")
    return sorted({spec_file or files[0].resolve()} | {resolve(p) for p in files[1:]}, key=_IN_ORDER)


# The key that sorts paths in the order Path's own < gives (by their parts: "a/b" before
# "a-b"), a path's parts kept in it once made: Path.__lt__, a Python call a comparison
# (two more for the parts it compares), was a fifth of the listing. POSIX only: on
# Windows a Path compares its parts lower-cased (None: by Path's <).
_IN_ORDER = operator.attrgetter("parts") if os.name == "posix" else None


def options_key(formats, style_override, extra: dict | None = None) -> str:
    """The run's options that change what is written: another set rebuilds."""
    key = f"formats={','.join(sorted(formats))};style={Path(style_override).resolve() if style_override else ''}"
    for name, value in sorted((extra or {}).items()):
        if isinstance(value, Path):
            value = value.resolve()
        elif isinstance(value, (tuple, list)):
            value = ",".join(sorted(value))
        key += f";{name}={value if value not in (None, False) else ''}"
    return key


class Hasher:
    """File digests, each file read once per run (fonts are shared by every spec)."""

    def __init__(self):
        # Keyed by the path's text, not by Path: a Path made anew for each spec
        # (Path(), resolve()) computes its hash again, which with the parsing took
        # more than the look-ups themselves. A Path's text is its normal form.
        self._cache: dict[str, str | None] = {}
        self._resolved: dict[str, Path] = {}
        self._folders: dict[str, str] = {}      # a spec's folder → its real path (spec_file)

    def resolved(self, path: Path) -> Path:
        """path.resolve(), once per run for each path: os.path.realpath looks at every
        part of the path in Python, ~25 µs a path, for the same fonts and templates
        spec after spec. As the digests, it holds for the run: a link changed while
        the run goes on is seen by the next run."""
        key = str(path)
        got = self._resolved.get(key)
        if got is None:
            got = self._resolved[key] = Path(path).resolve()
        return got

    def spec_file(self, spec: Path | str) -> Path:
        """The spec's path resolved, as Path(spec).resolve() gives it, for one build: its
        folder resolved once per run (as `resolved` resolves the fonts and templates: the
        specs of a batch share a folder or a few), its own name looked at now (a link is
        resolved whole). A path with '..' is resolved whole too (realpath follows a link
        before the '..' after it, which abspath does not), and any path off POSIX (whose
        realpath normalises more). Made of strings: each Path made costs a parse."""
        text = os.fspath(spec)
        if os.name != "posix" or ".." in text or os.path.islink(text):
            return Path(text).resolve()
        # (abspath: the working folder may change between two builds of a run)
        folder, name = os.path.split(os.path.abspath(text))
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        return Path(os.path.join(real, name))

    def file(self, path: Path) -> str | None:
        """Content digest; a large file (a font) by size and modification time, as
        hashing 15 MB of fonts took longer than building a small spec."""
        key = str(path)
        if key not in self._cache:
            try:
                st = path.stat()
                if stat.S_ISDIR(st.st_mode):   # a --templates folder: which files it holds
                    names = "\0".join(sorted(p.name for p in path.iterdir()))
                    self._cache[key] = "dir:" + sha256(names.encode()).hexdigest()
                elif st.st_size > LARGE and stat.S_ISREG(st.st_mode):
                    self._cache[key] = f"size={st.st_size};mtime={st.st_mtime_ns}"
                else:     # a pipe put where an input was must not stop the batch: files.py
                    self._cache[key] = sha256(read_regular_file(path, LARGE, "input")).hexdigest()
            except (OSError, FileRefused):
                self._cache[key] = None
        return self._cache[key]

    def _recall(self, paths: list) -> None:
        """The digests of these files (the inputs other than the spec not yet known this
        run: templates, house style, logos …), taken from the private cache where an entry
        has them for the files as they are now (paths, identities, sizes and times, as
        generator_version keys its entry), or read and hashed and an entry written for the
        next run: hashing a notice's ~65 KB of templates and style with Python's SHA-256
        was ~0.3 ms of a cold build. Writing to a file, or replacing it, changes its
        ctime, which no program can set back, so a changed file is never taken from here.
        Anything but a regular file (a --templates folder, a missing file) is left to
        `file`, as it is without a cache."""
        from ..output import private_cache_dir
        key, files = sha256(b"inputs 1\n"), []
        for path in paths:
            try:
                st = os.stat(path)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            files.append(path)
            key.update(_as_it_is(path, st))
        folder = private_cache_dir("inputs") if files else None
        if folder is None:
            return
        entry = folder / f"{key.hexdigest()[:32]}.digests"
        try:
            known = entry.read_text(encoding="ascii").split("\n")
            if len(known) == len(files) and all(_INPUT_DIGEST.fullmatch(d) for d in known):
                self._cache.update(zip(map(str, files), known))
                return
        except (OSError, ValueError):
            pass
        found = [self.file(path if isinstance(path, Path) else Path(path)) for path in files]
        if None not in found:
            try:
                write_atomic(entry, "\n".join(found).encode("ascii"), durable=False)
            except (OSError, ValueError):
                pass

    def digest(self, spec: Path | str, inputs: list[Path], options: str, spec_file: Path | None = None,
               spec_bytes: bytes | None = None) -> str | None:
        """One digest over everything; None when an input is missing. spec_file: the
        spec resolved by the caller for this build (as input_files took it); spec_bytes:
        the spec's bytes as the build read them (LoadedSpec.read)."""
        h = sha256(f"{generator_version()}\n{options}\n".encode())
        # The spec is always read again: it is the file most likely to change. Or its
        # digest is of the bytes the build read and parsed, a moment ago, which `file`
        # would read again (a spec is at most source.MAX_BYTES, LARGE: by its content):
        # the digest is then of what was built, even if the file changed since.
        key = str(spec_file or Path(spec).resolve())
        if spec_bytes is not None and len(spec_bytes) <= LARGE:
            self._cache[key] = sha256(spec_bytes).hexdigest()
        else:
            self._cache.pop(key, None)
        self._recall([p for p in inputs if str(p) != key and str(p) not in self._cache])
        for path in inputs:
            d = self.file(path if isinstance(path, Path) else Path(path))
            if d is None:
                return None
            h.update(f"{path}\0{d}\n".encode())
        return h.hexdigest()


def _as_it_is(path, st: os.stat_result) -> bytes:
    """A file as a cache key sees it: its path, identity, size and times. Writing to a file
    or replacing it changes its ctime, which no program can set back."""
    return (f"{path}\0{st.st_dev}\0{st.st_ino}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\n"
            .encode("utf-8", "surrogateescape"))


# An input's digest as Hasher.file gives it: a SHA-256, or a large file's size and time
_INPUT_DIGEST = re.compile(r"[0-9a-f]{64}|size=[0-9]+;mtime=-?[0-9]+")


def record_text(specs: dict[str, dict], lines_of: dict[str, tuple[dict, str]] | None = None) -> str:
    """The record as JSON, one spec a line. A batch saves it every second while it
    runs, and json's indented form is written by its Python encoder: for a batch of
    a thousand specs that was seconds of the parent's processor time, taken from the
    workers. Each line here is written by json's C encoder. lines_of: each spec's
    entry and its line as written before (the caller's memo, kept up to date here):
    an entry that is the same object is not encoded again, as a batch's saves would
    encode every entry of the run again every second."""
    head = json.dumps({"format": FORMAT, "generator": generator_version()}, ensure_ascii=False)
    memo = {} if lines_of is None else lines_of
    lines = []
    for k, v in sorted(specs.items()):
        kept = memo.get(k)
        if kept is None or kept[0] is not v:
            kept = memo[k] = (v, f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}")
        lines.append(kept[1])
    return head[:-1] + ', "specs": {' + ("\n" + ",\n".join(lines) + "\n" if lines else "") + "}}\n"


class Record:
    def __init__(self, out_root: Path):
        self.path = Path(out_root) / RECORD_NAME
        self._known: tuple | None = None               # the file as last read or written (_identity)
        self._lines: dict[str, tuple[dict, str]] = {}  # record_text's memo
        self.specs: dict[str, dict] = self._read()
        self.changes: dict[str, dict | None] = {}      # this run's, merged on saving

    def _identity(self) -> tuple | None:
        """The record file's identity and times: another run's save replaces the file
        (a new inode, new times), so the same identity is the file this run read or wrote."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns

    def _read(self) -> dict[str, dict]:
        self._known = self._identity()                 # (before reading: a change after it is seen as one)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and isinstance(data.get("specs"), dict):
                return data["specs"]
        except (OSError, ValueError, AttributeError):
            pass                                   # no record, or an unreadable one: rebuild
        return {}

    @property
    def dirty(self) -> bool:
        return bool(self.changes)

    @staticmethod
    def key(spec: Path) -> str:
        return str(Path(spec).resolve())

    def is_current(self, spec: Path, options: str, hasher: Hasher) -> bool:
        entry = self.specs.get(self.key(spec))
        if not entry or entry.get("options") != options:
            return False
        root = self.path.parent
        outputs = entry.get("outputs", [])
        if not outputs or not all((root / name).is_file() for name in outputs):
            return False
        if manifest_stamp(root / Path(outputs[0]).parent) != entry.get("digest"):
            return False                           # another build wrote the folder since
        inputs = [Path(p) for p in entry.get("inputs", [])]
        return hasher.digest(spec, inputs, options) == entry.get("digest")

    def warnings(self, spec: Path) -> list[Problem]:
        """The warnings the spec's last build printed (a radical mapped, an ASCII
        space): an unchanged spec is not read again, so they are kept here to be
        printed again rather than forgotten."""
        out = []
        for item in self.specs.get(self.key(spec), {}).get("warnings", []):
            try:
                file, line, key, message = item
                out.append(Problem(str(file), line if isinstance(line, int) else None, str(key), str(message)))
            except (TypeError, ValueError):
                continue                                  # a damaged entry: nothing to repeat
        return out

    def left_behind(self) -> list[tuple[str, Path]]:
        """(spec, folder) for each spec the record knows whose file is gone (deleted or
        renamed) while the folder an earlier run wrote of it is still in the output: files
        that nothing builds any more, and that whoever publishes the folder would publish.
        A spec whose folder is gone too, or is another spec's now (the same name moved to
        another folder of specs), is forgotten (nothing is left to say of it)."""
        def folder_of(entry: dict) -> Path | None:
            outputs = entry.get("outputs") or []
            return self.path.parent / Path(outputs[0]).parent if outputs else None
        gone = {key: entry for key, entry in self.specs.items() if not os.path.exists(key)}
        built = {folder_of(entry) for key, entry in self.specs.items() if key not in gone}
        out = []
        for key, entry in gone.items():
            folder = folder_of(entry)
            if folder is not None and folder not in built and folder.is_dir():
                out.append((key, folder))
            else:
                self.update(Path(key), None)
        return out

    def update(self, spec: Path, entry: dict | None) -> None:
        key = self.key(spec)
        if entry is not None or key in self.specs or key in self.changes:
            self.changes[key] = entry
        if entry is None:
            self.specs.pop(key, None)
        else:
            self.specs[key] = entry

    def save(self) -> None:
        if not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with locked_folder(self.path.parent, follow_link=True):
            known = self._known
            if known is not None and self._identity() == known:
                # the file is the one this run last read or wrote, and self.specs is
                # that with this run's changes made: what merging would give, without
                # reading (and decoding) the whole record again every second
                specs = self.specs
            else:
                specs = self._read()               # another run may have saved since we read it
                for key, entry in self.changes.items():
                    if entry is None:
                        specs.pop(key, None)
                    else:
                        specs[key] = entry
                # kept at once: should the write fail, the next save, finding the file
                # as read here, must still write the other run's entries
                self.specs = specs
            write_atomic(self.path, record_text(specs, self._lines).encode("utf-8"))
            self._known = self._identity()
        self.specs, self.changes = specs, {}
