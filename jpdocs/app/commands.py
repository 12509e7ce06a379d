"""The app's subcommands: serve, new, schema (the command line, cli/, imports this only for them)."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from ..arguments import Parser, tr
from ..spec.style import ROOT

SPECS = ROOT / "specs"         # as the command line's default (cli/ imports this module, not the reverse)
from .i18n import environment_gettext as _gettext


def _error() -> str:
    """`error: ` as the command line's lines start (エラー: under a Japanese locale)."""
    from ..i18n import for_environment
    return for_environment().label("error") + " "


def serve_parser() -> Parser:
    p = Parser(prog="generate.py serve",
               description=tr("Start the local app: a form for a spec, its pages as you type,"
                              " the files to download. Listens on 127.0.0.1 only."))
    p.add_argument("folder", nargs="?", type=Path, default=SPECS, metavar="SPEC_DIR",
                   help=tr("the folder of specs the app reads and writes (default: specs/)"))
    p.add_argument("--port", type=int, default=0, help=tr("the port (default: a free one)"))
    p.add_argument("--no-browser", action="store_true", help=tr("do not open a browser"))
    return p


def run_serve(argv: list[str]) -> int:
    args = serve_parser().parse_args(argv)
    _ = _gettext()
    if not args.folder.is_dir():
        print(_error() + _("{folder}: not a folder (serve needs the folder of specs)").format(folder=args.folder),
              file=sys.stderr)
        return 1
    from .server import make_server
    try:
        server, app = make_server(args.folder, args.port)
    except OSError as exc:
        print(_error() + _("cannot listen on 127.0.0.1:{port}: {reason}").format(port=args.port,
                                                                             reason=exc.strerror or exc),
              file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{app.port}/"
    print(_("jpdocs app: {url}  (specs in {folder}; Ctrl+C stops it)").format(url=url, folder=app.folder),
          flush=True)
    if not args.no_browser:
        import webbrowser
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(_("stopped: every saved spec is complete on disk"))
    finally:
        server.server_close()
    return 0


def new_parser() -> Parser:
    from .starters import KINDS
    p = Parser(prog="generate.py new",
               description=tr("Write a commented starter spec to fill in (and spec.schema.json"
                              " beside it for editors, if the folder has none)."))
    p.add_argument("kind", choices=KINDS, help=tr("notice: press notice and overview sheet; agreement: the"
                                                  " agreement document and overview sheet; both; report: a"
                                                  " notice reporting a signing that has happened"))
    p.add_argument("file", nargs="?", type=Path, metavar="FILE", help=tr("default: specs/new-KIND.yaml"))
    return p


def run_new(argv: list[str]) -> int:
    from .starters import SCHEMA_FILE, write_starter
    args = new_parser().parse_args(argv)
    _ = _gettext()
    path = args.file or SPECS / f"new-{args.kind}.yaml"
    if path.suffix not in (".yaml", ".yml"):
        print(_error() + _("{path}: a spec file's name ends in .yaml").format(path=path), file=sys.stderr)
        return 1
    try:
        written = write_starter(path, args.kind)
    except FileExistsError:
        print(_error() + _("{path}: exists already; name another file").format(path=path), file=sys.stderr)
        return 1
    except OSError as exc:
        print(_error() + _("{path}: cannot write: {reason}").format(path=path, reason=exc.strerror or exc),
              file=sys.stderr)
        return 1
    for w in written:
        print(_("wrote {path}").format(path=w))
    print(_("next: fill it in, then run: python generate.py check {path} (editors read {schema} beside it)")
          .format(path=path, schema=SCHEMA_FILE))
    return 0


def schema_parser() -> Parser:
    from .starters import SCHEMA_FILE
    # With no FILE the schema goes to standard output, as most tools print theirs: a
    # command writes into the user's spec folder only when asked (`new` writes the
    # schema beside a starter; `schema specs/spec.schema.json` refreshes it).
    p = Parser(prog="generate.py schema",
               description=tr("Print the spec's JSON Schema, or write it to FILE (for editors:"
                              " completion and checks while typing)."))
    p.add_argument("file", nargs="?", type=Path, metavar="FILE",
                   help=tr(f"the file to write (editors read {SCHEMA_FILE} beside the specs);"
                           " default, or -: standard output"))
    return p


def run_schema(argv: list[str]) -> int:
    from .schema_export import schema_text
    from .starters import SCHEMA_FILE, write_schema
    args = schema_parser().parse_args(argv)
    _ = _gettext()
    if args.file is None or str(args.file) == "-":
        sys.stdout.write(schema_text())
        return 0
    try:
        write_schema(args.file)
    except OSError as exc:
        print(_error() + _("{path}: cannot write: {reason}").format(path=args.file, reason=exc.strerror or exc),
              file=sys.stderr)
        return 1
    print(_("wrote {path}").format(path=args.file))
    return 0
