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
outputs), so a lost or stale record costs a rebuild, never a wrong skip.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from .output import write_atomic

RECORD_NAME = ".jpdocs-build.json"
FORMAT = 1
LARGE = 1_000_000        # bytes
PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
TEMPLATES = ROOT / "templates"
_INCLUDE = re.compile(r"""{%-?\s*(?:include|import|from|extends)\s+["']([^"']+)["']""")


@lru_cache(maxsize=None)
def generator_version() -> str:
    """Version string + digest of the package source and the pinned requirements."""
    h = hashlib.sha256()
    pyproject = ROOT / "pyproject.toml"
    version = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.M) \
        if pyproject.is_file() else None
    for path in sorted(PACKAGE.rglob("*.py")) + [ROOT / "requirements.txt"]:
        if path.is_file():
            h.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return f"{version.group(1) if version else '0'}+{h.hexdigest()[:16]}"


def templates_used(name: str, folders: tuple[Path, ...] = (TEMPLATES,)) -> list[Path]:
    """A template and, recursively, those it includes by a literal name, each from
    the first folder that has it (--templates over the bundled ones)."""
    seen: dict[str, Path] = {}
    todo = [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        path = next((f / n for f in folders if (f / n).is_file()), folders[-1] / n)
        seen[n] = path
        if path.is_file():
            todo.extend(_INCLUDE.findall(path.read_text(encoding="utf-8")))
    return [seen[n] for n in sorted(seen)]


def input_files(loaded, style, formats, templates: Path | None = None, kinds=None) -> list[Path]:
    """Every file one spec's documents are made from (see the module docstring)."""
    from .build import folders, kinds_of     # build imports the writers' helpers; keep this module light
    from .style import DEFAULT_STYLE
    files = [Path(loaded.path)]
    for kind in kinds_of(loaded, kinds):
        files.extend(templates_used(kind.template, folders(templates)))
    if templates:
        # The folder itself, hashed by its list of names: a template added there later
        # takes the place of a bundled one this spec used, which the files above miss.
        files.append(Path(templates))
    files.extend(loaded.file(p.logo) for p in loaded.spec.parties.values() if p.logo)
    files.append(DEFAULT_STYLE)
    if style.source and Path(style.source) != DEFAULT_STYLE:
        files.append(Path(style.source))
    files.extend(style.font_path(role) for role in style.fonts)
    files.extend(style.fallback_paths())
    if "docx" in formats:
        files.append(TEMPLATES / "reference.docx")
    return sorted({p.resolve() for p in files})


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
        self._cache: dict[Path, str | None] = {}

    def file(self, path: Path) -> str | None:
        """Content digest; a large file (a font) by size and modification time, as
        hashing 15 MB of fonts took longer than building a small spec."""
        if path not in self._cache:
            try:
                st = path.stat()
                if path.is_dir():            # a --templates folder: which files it holds
                    names = "\0".join(sorted(p.name for p in path.iterdir()))
                    self._cache[path] = "dir:" + hashlib.sha256(names.encode()).hexdigest()
                elif st.st_size > LARGE:
                    self._cache[path] = f"size={st.st_size};mtime={st.st_mtime_ns}"
                else:
                    self._cache[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._cache[path] = None
        return self._cache[path]

    def digest(self, spec: Path, inputs: list[Path], options: str) -> str | None:
        """One digest over everything; None when an input is missing."""
        h = hashlib.sha256(f"{generator_version()}\n{options}\n".encode())
        # The spec is always re-read: it is the file most likely to change.
        self._cache.pop(Path(spec).resolve(), None)
        for path in inputs:
            d = self.file(Path(path))
            if d is None:
                return None
            h.update(f"{path}\0{d}\n".encode())
        return h.hexdigest()


class Record:
    def __init__(self, out_root: Path):
        self.path = Path(out_root) / RECORD_NAME
        self.specs: dict[str, dict] = {}
        self.dirty = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self.specs = data.get("specs", {})
        except (OSError, ValueError, AttributeError):
            pass                                   # no record, or an unreadable one: rebuild

    @staticmethod
    def key(spec: Path) -> str:
        return str(Path(spec).resolve())

    def is_current(self, spec: Path, options: str, hasher: Hasher) -> bool:
        entry = self.specs.get(self.key(spec))
        if not entry or entry.get("options") != options:
            return False
        root = self.path.parent
        if not all((root / name).is_file() for name in entry.get("outputs", [])):
            return False
        inputs = [Path(p) for p in entry.get("inputs", [])]
        return hasher.digest(spec, inputs, options) == entry.get("digest")

    def update(self, spec: Path, entry: dict | None) -> None:
        if entry is None:
            self.dirty |= self.specs.pop(self.key(spec), None) is not None
        else:
            self.specs[self.key(spec)] = entry
            self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        data = {"format": FORMAT, "generator": generator_version(),
                "specs": dict(sorted(self.specs.items()))}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        self.dirty = False
