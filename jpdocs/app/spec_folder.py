"""What the app does in its spec folder — open, preview, save, start, upload, build
for download — with the checks that keep each action inside it:

- a spec is named by its file name alone, checked and resolved inside the spec
  folder (files.is_within: links and .. followed first); nothing else from a
  request reaches the file system;
- uploads (logos, attached PDFs) are size-limited by the server, checked here to be
  a PNG or JPEG image or a PDF by their content, and never replace a file;
- a save names the version of the file it was made from (a digest); if the file
  changed since (another window, an editor), the save is refused with a message
  and nothing is lost.

A module of its own beside the HTTP server (server.py), which checks who asks and
how much, and hands each request's data to these actions.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import threading
import unicodedata
from pathlib import Path

from .. import i18n
from ..files import is_within
from . import fields, formdata, preview, roundtrip
from .i18n import Msg
from .party_words import party_names
from .starters import KINDS as STARTER_KINDS, write_starter

SPEC_NAME = re.compile(r"[^/\\\x00-\x1f\x7f:*?\"<>|]{1,120}\.ya?ml")
UPLOAD_KINDS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".pdf": "PDF"}


class Refused(Exception):
    """A request refused: an HTTP status and a message (said in the request's language)."""

    def __init__(self, status: int, message: Msg):
        self.status, self.message = status, message
        super().__init__(str(message))


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class App:
    """What the handlers share: the spec folder, the token, the save lock."""

    def __init__(self, folder: Path):
        self.folder = Path(folder).resolve()
        self.token = secrets.token_urlsafe(32)
        self.save_lock = threading.Lock()
        self.port = 0

    # -- paths ---------------------------------------------------------------
    def spec_path(self, name) -> Path:
        """The spec file `name` (a file name, nothing else) inside the folder."""
        if not isinstance(name, str) or not SPEC_NAME.fullmatch(name) or name.startswith(".") \
                or name != name.strip():
            raise Refused(400, Msg("not a spec file name: {name} (a name ending in .yaml, no folders)",
                                   name=repr(str(name)[:80])))
        path = self.folder / unicodedata.normalize("NFC", name)
        if not is_within(path, self.folder) or path.resolve().parent != self.folder:
            raise Refused(403, Msg("{name}: not in the spec folder {folder}", name=name, folder=self.folder))
        return path

    def specs(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir()
                      if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith(".")
                      and is_within(p, self.folder))

    def read(self, path: Path) -> bytes:
        from ..files import FileRefused, read_regular_file
        from ..spec.source import MAX_BYTES
        try:
            return read_regular_file(path, MAX_BYTES, "spec")
        except FileRefused as exc:
            raise Refused(404 if exc.reason == "does not exist" else 400, Msg("{message}", message=str(exc))) from None

    # -- actions -------------------------------------------------------------
    def open_spec(self, name, say: i18n.Messages | None = None) -> dict:
        path = self.spec_path(name)
        raw = self.read(path)
        out = {"name": path.name, "version": version_of(raw), "data": None, "problems": []}
        try:
            out["data"] = roundtrip.plain(roundtrip.load(raw.decode("utf-8")))
        except Exception as exc:     # not YAML (or not UTF-8): the loader's message says where
            out["problems"] = self._load_problems(path, raw, exc, say)
        return out

    def _load_problems(self, path: Path, raw: bytes, exc: Exception, say=None) -> list:
        from ..errors import InputError
        from ..spec.source import parse_yaml
        try:
            parse_yaml(path, raw)
        except InputError as err:
            return [preview.problem_json(p, say) for p in err.problems]
        return [{"file": str(path), "key": "", "line": None, "message": str(exc), "text": f"error: {path}: {exc}"}]

    def _written(self, path: Path, old: str, data) -> str:
        """The form's data written over the file's text `old`: a text the file holds and
        the form sends back unchanged stays (formdata), and a text that would not read
        back as the data is refused, the file left as it is (roundtrip.checked_text)."""
        try:
            before = roundtrip.plain(roundtrip.load(old))
        except Exception:            # the file is not YAML: nothing of it to keep
            before = None
        data = formdata.normalize(data, old=before)
        try:
            return roundtrip.checked_text(old, data)
        except roundtrip.NotReadBack as exc:
            # the field as the form labels it (the user's words); the key path after it,
            # for the bug report this is (and for an editor)
            field = fields.field_label(exc.key, parties=party_names(data)) if exc.key else None
            raise Refused(500, Msg("{name}: the form's data cannot be written into the file as it is laid out,"
                                   " at the field 「{field}」 (a fault in jpdocs's YAML writer; for a bug report:"
                                   " {key}); nothing was written and the file is as it was. Make this change"
                                   " in a text editor.",
                                   name=path.name, field=field or Msg("the whole spec"),
                                   key=exc.key or "-")) from None

    def preview(self, body: dict, say: i18n.Messages | None = None) -> dict:
        path = self.spec_path(body.get("name"))
        on_disk = self.read(path).decode("utf-8") if path.exists() else None
        text = self._written(path, on_disk or "", body.get("data"))
        out = preview.preview(path, text, say, on_disk, party_names(body.get("data")))
        out["eras"] = preview.era_labels(body.get("dates") or {})
        return out

    def save(self, body: dict, say: i18n.Messages | None = None) -> dict:
        path = self.spec_path(body.get("name"))
        with self.save_lock:
            raw = self.read(path)
            if version_of(raw) != body.get("version"):
                raise Refused(409, Msg("{name} was changed since you opened it (in another window or an"
                                       " editor); your edit was not saved. Reload the spec to see the file as"
                                       " it is now, then make your change again.", name=path.name))
            text = self._written(path, raw.decode("utf-8"), body.get("data"))
            data = text.encode("utf-8")
            _write_atomic(path, data)
        # the documents the preview builds, so that the warnings of their layout (a template
        # leaving text out) are said here too, as the preview says them
        _, problems, remarks = preview.build_text(path, text, formats=("pdf",))
        parties = party_names(body.get("data"))
        return {"version": version_of(data),
                "problems": [preview.problem_json(p, say, parties=parties) for p in problems],
                "notes": preview.remarks_json(remarks, say, parties)}

    def new(self, body: dict, say: i18n.Messages | None = None) -> dict:
        kind = body.get("kind")
        if kind not in STARTER_KINDS:
            raise Refused(400, Msg("a starter is one of {kinds}", kinds=", ".join(STARTER_KINDS)))
        name = body.get("name")
        if isinstance(name, str) and not name.endswith((".yaml", ".yml")):
            name += ".yaml"
        path = self.spec_path(name)
        try:
            write_starter(path, kind)
        except FileExistsError:
            raise Refused(409, Msg("{name} exists already; choose another name", name=path.name)) from None
        return self.open_spec(path.name, say)

    def upload(self, query: dict, data: bytes) -> dict:
        name = (query.get("name") or [""])[0]
        name = unicodedata.normalize("NFC", os.path.basename(name.replace("\\", "/"))).strip()
        ext = os.path.splitext(name)[1].lower()
        if ext not in UPLOAD_KINDS or name.startswith(".") or re.search(r"[\x00-\x1f\x7f:*?\"<>|]", name):
            raise Refused(400, Msg("{name}: a logo or a photo is a .png or .jpg image, an attachment a .pdf file",
                                   name=repr(name)))
        kind = UPLOAD_KINDS[ext]
        problem = _content_problem(data, kind)
        if problem:
            raise Refused(400, Msg("{name}: {problem}", name=name, problem=problem))
        path = self.folder / name
        if not is_within(path, self.folder) or path.resolve().parent != self.folder:
            raise Refused(403, Msg("{name}: not in the spec folder {folder}", name=name, folder=self.folder))
        try:
            with open(path, "xb") as fh:
                fh.write(data)
        except FileExistsError:
            raise Refused(409, Msg("{name} exists already in the spec folder; rename the file first",
                                   name=name)) from None
        return {"file": name}

    def files(self, name, say: i18n.Messages | None = None) -> dict[str, bytes]:
        """Every file of the saved spec, built in memory (as the command line builds it)."""
        path = self.spec_path(name)
        files, problems, _ = preview.build_text(path, self.read(path).decode("utf-8", "replace"),
                                                formats=("pdf", "docx"), kinds=None)
        if problems:
            raise Refused(422, Msg("the saved spec does not build:\n{problems}",
                                   problems="\n".join(preview.problem_json(p, say)["text"] for p in problems)))
        return files


def _content_problem(data: bytes, kind: str) -> Msg | None:
    if len(data) == 0:
        return Msg("the file is empty")
    if kind == "PDF":
        if not data.startswith(b"%PDF-"):
            return Msg("this is not a PDF file")
        try:
            from pypdf import PdfReader
            if len(PdfReader(io.BytesIO(data)).pages) < 1:
                return Msg("the PDF has no pages")
        except Exception:           # any parse failure: not a PDF we can attach
            return Msg("the PDF cannot be read")
        return None
    try:
        from PIL import Image
        with Image.open(io.BytesIO(data)) as im:
            if im.format != kind:
                return Msg("this is not a {kind} image ({found})", kind=kind, found=im.format or "?")
            im.verify()
    except Exception:               # any failure to read it: not an image of that kind
        return Msg("this is not a {kind} image", kind=kind)
    return None


def _write_atomic(path: Path, data: bytes) -> None:
    part = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        with open(part, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, path)
    finally:
        if part.exists():
            part.unlink()

