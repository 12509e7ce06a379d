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

The first three, and the size of an upload, are checked here for every request; the
others where the actions on the spec folder are (spec_folder.py).
"""
from __future__ import annotations

import hmac
import html
import io
import json
import os
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

from .. import i18n
from .i18n import Msg, accept_language_gettext
from .schema_export import schema_text
from .spec_folder import App, Refused
from .starters import KINDS as STARTER_KINDS, TITLES as STARTER_TITLES, starter_text

STATIC = Path(__file__).parent / "static"
# the 新規作成 menu, from the starters' own list (the command's choices are the same)
STARTER_OPTIONS = "\n".join(f'    <option value="{kind}">{html.escape(STARTER_TITLES[kind])}</option>'
                            for kind in STARTER_KINDS)
STATIC_FILES = {"/app.js": ("app.js", "text/javascript; charset=utf-8"),
                "/app.css": ("app.css", "text/css; charset=utf-8")}
MAX_JSON = 2_000_000            # a form's data: a spec is at most 1 MB of YAML
MAX_UPLOAD = 10_000_000         # a logo or an attached PDF
MAX_DEPTH = 44                  # the loader's limit (40) and the request's own levels


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
            page = page.replace("{{STARTERS}}", STARTER_OPTIONS)
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
