"""The app's local HTTP server (standard library only: ThreadingHTTPServer).

Safe by design, as the app runs on an office PC beside a browser that also visits
other sites:

- it listens on the loopback address only (127.0.0.1), on a free port;
- every request must name this server in its Host header (127.0.0.1:PORT,
  localhost:PORT or [::1]:PORT): a site that makes its own name resolve to
  127.0.0.1 (DNS rebinding) is refused, so it cannot read the specs;
- every request that changes something (POST) carries the token the page was
  served with (X-JPDocs-Token) and, if the browser sends an Origin, it is this
  server's: another site can neither read the token nor forge the request;
- a spec is named by its file name alone, checked and resolved inside the spec
  folder (files.is_within: links and .. followed first); nothing else from a
  request reaches the file system, and downloads are built files chosen by name
  from what the build made;
- uploads (logos, attached PDFs) are size-limited, checked to be a PNG or JPEG
  image or a PDF by their content, and never replace a file;
- a save names the version of the file it was made from (a digest); if the file
  changed since (another window, an editor), the save is refused with a message
  and nothing is lost.
"""
from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import re
import secrets
import threading
import unicodedata
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from .. import i18n
from ..files import is_within
from . import formdata, preview, roundtrip
from .i18n import Msg, accept_language_gettext
from .schema_export import schema_text
from .starters import KINDS as STARTER_KINDS, starter_text, write_starter

STATIC = Path(__file__).parent / "static"
STATIC_FILES = {"/app.js": ("app.js", "text/javascript; charset=utf-8"),
                "/app.css": ("app.css", "text/css; charset=utf-8")}
MAX_JSON = 2_000_000            # a form's data: a spec is at most 1 MB of YAML
MAX_UPLOAD = 10_000_000         # a logo or an attached PDF
MAX_DEPTH = 44                  # the loader's limit (40) and the request's own levels
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
        return [{"key": "", "line": None, "message": str(exc), "text": f"error: {path}: {exc}"}]

    def text_for(self, path: Path, data) -> str:
        """The YAML text of the form's data written over the file (or over nothing)."""
        old = self.read(path).decode("utf-8") if path.exists() else ""
        return roundtrip.merged_text(old, formdata.normalize(data))

    def preview(self, body: dict, say: i18n.Messages | None = None) -> dict:
        path = self.spec_path(body.get("name"))
        text = self.text_for(path, body.get("data"))
        out = preview.preview(path, text, say)
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
            text = roundtrip.merged_text(raw.decode("utf-8"), formdata.normalize(body.get("data")))
            data = text.encode("utf-8")
            _write_atomic(path, data)
        _, problems, _ = preview.build_text(path, text, formats=("pdf",), kinds=[])
        return {"version": version_of(data), "problems": [preview.problem_json(p, say) for p in problems]}

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
            raise Refused(400, Msg("{name}: a logo is a .png or .jpg image, an attachment a .pdf file",
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


def _depth(value, limit: int = 0) -> int:
    """How deeply `value` nests (counted without recursion, so any depth is safe)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH + 2:
            break
        if isinstance(node, dict):
            stack.extend((v, d + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, d + 1) for v in node)
    return deepest


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


class Handler(BaseHTTPRequestHandler):
    app: App                    # set on the subclass made by make_server
    server_version = "jpdocs"
    sys_version = ""

    def log_message(self, format, *args):      # quiet: the terminal shows the address only
        pass

    # -- safety --------------------------------------------------------------
    def _allowed_hosts(self) -> set[str]:
        port = self.app.port
        return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}

    def _check_host(self) -> None:
        host = self.headers.get("Host", "")
        if host.lower() not in self._allowed_hosts():
            raise Refused(403, Msg("this server answers only to http://127.0.0.1:{port}/ (Host header refused)",
                                   port=self.app.port))

    def _check_token(self) -> None:
        token = self.headers.get("X-JPDocs-Token", "")
        if not hmac.compare_digest(token.encode(), self.app.token.encode()):
            raise Refused(403, Msg("missing or wrong token: reload the page"))
        origin = self.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() not in self._allowed_hosts():
            raise Refused(403, Msg("a request from another site is refused"))

    def _body(self, limit: int) -> bytes:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            raise Refused(411, Msg("Content-Length is required")) from None
        if length < 0 or length > limit:
            raise Refused(413, Msg("the request is {size} bytes; at most {limit} are accepted",
                                   size=f"{length:,}", limit=f"{limit:,}"))
        return self.rfile.read(length)

    def _json_body(self) -> dict:
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            raise Refused(415, Msg("JSON is expected"))
        try:
            body = json.loads(self._body(MAX_JSON))
        except RecursionError:
            raise Refused(400, Msg("the data is nested more than {levels} levels deep", levels=MAX_DEPTH)) from None
        except ValueError:
            raise Refused(400, Msg("the request is not valid JSON")) from None
        if not isinstance(body, dict):
            raise Refused(400, Msg("the request is not a JSON object"))
        if _depth(body) > MAX_DEPTH:
            raise Refused(400, Msg("the data is nested more than {levels} levels deep", levels=MAX_DEPTH))
        return body

    # -- replies -------------------------------------------------------------
    def _send(self, status: int, data: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _json(self, status: int, obj) -> None:
        self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _handle(self, method) -> None:
        try:
            self._check_host()
            method()
        except ConnectionError:      # the browser went away (a page closed, a preview overtaken): no one to tell
            self.close_connection = True
        except Refused as exc:
            self._json(exc.status, {"error": exc.message.text(self._gettext())})
        except Exception as exc:     # a fault of jpdocs: said, not a dropped connection
            if os.environ.get("JPDOCS_DEBUG"):
                raise
            message = Msg("internal error: {kind}: {error}. This is a fault in jpdocs, not in your spec.",
                          kind=type(exc).__name__, error=exc)
            self._json(500, {"error": message.text(self._gettext())})

    def _gettext(self):
        return accept_language_gettext(self.headers.get("Accept-Language"))

    def _say(self) -> i18n.Messages:
        """The build's messages in the request's language (Accept-Language)."""
        return i18n.for_accept_language(self.headers.get("Accept-Language"))

    def do_GET(self):
        self._handle(self._get)

    def do_POST(self):
        self._handle(self._post)

    def _get(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/":
            page = (STATIC / "index.html").read_text(encoding="utf-8").replace("{{TOKEN}}", self.app.token)
            self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
        elif url.path in STATIC_FILES:
            name, ctype = STATIC_FILES[url.path]
            self._send(200, (STATIC / name).read_bytes(), ctype)
        elif url.path == "/favicon.ico":           # none: said, so the browser's console stays quiet
            self._send(204, b"", "image/x-icon")
        elif url.path == "/api/specs":
            self._json(200, {"folder": str(self.app.folder), "specs": self.app.specs(), "starters": STARTER_KINDS})
        elif url.path == "/api/schema":
            self._send(200, schema_text().encode("utf-8"), "application/json; charset=utf-8")
        elif url.path == "/api/spec":
            self._json(200, self.app.open_spec((query.get("name") or [None])[0], self._say()))
        elif url.path == "/api/starter":
            kind = (query.get("kind") or [""])[0]
            if kind not in STARTER_KINDS:
                raise Refused(404, Msg("no such starter"))
            self._send(200, starter_text(kind).encode("utf-8"), "text/yaml; charset=utf-8")
        elif url.path == "/api/download":
            self._download(query)
        else:
            raise Refused(404, Msg("not found"))

    def _download(self, query: dict) -> None:
        name = (query.get("name") or [None])[0]
        want = (query.get("file") or [""])[0]
        files = self.app.files(name, self._say())
        stem = Path(name).stem
        if want == "all.zip":
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for fname, data in sorted(files.items()):
                    zf.writestr(f"{stem}/{fname}", data)
            data, fname, ctype = buf.getvalue(), f"{stem}.zip", "application/zip"
        elif want in files:
            data, fname = files[want], want
            ctype = "application/pdf" if want.endswith(".pdf") else \
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        else:
            raise Refused(404, Msg("{file} is not a file of this spec; it makes: {files}", file=repr(want),
                                   files=", ".join(sorted(files))))
        self._send(200, data, ctype, {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(fname)}"})

    def _post(self) -> None:
        self._check_token()
        url = urlsplit(self.path)
        if url.path == "/api/upload":
            self._json(200, self.app.upload(parse_qs(url.query), self._body(MAX_UPLOAD)))
            return
        actions = {"/api/preview": self.app.preview, "/api/save": self.app.save, "/api/new": self.app.new}
        if url.path not in actions:
            raise Refused(404, Msg("not found"))
        self._json(200, actions[url.path](self._json_body(), self._say()))


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A connection the browser dropped is not news; anything else is said in one line."""
        import sys
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            print(f"internal error: {type(exc).__name__}: {exc} (JPDOCS_DEBUG=1 shows where)", file=sys.stderr)
            if os.environ.get("JPDOCS_DEBUG"):
                super().handle_error(request, client_address)


def make_server(folder: Path, port: int = 0) -> tuple[ThreadingHTTPServer, App]:
    """A server for the spec folder on 127.0.0.1 (port 0: a free one); not started."""
    app = App(folder)
    handler = type("BoundHandler", (Handler,), {"app": app})
    server = Server(("127.0.0.1", port), handler)
    app.port = server.server_address[1]
    return server, app
