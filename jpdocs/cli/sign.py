"""`sign`: one empty signature field of an agreement signed into a new file (a
module of its own: loaded only when the command runs)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..arguments import Parser, tr
from ..errors import InputError
from .common import message_line, messages, print_errors, print_os_error


def sign_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="generate.py sign",
        description=tr("Sign one empty signature field of a PDF (an agreement) as an incremental update, into a new"
                       " file; the other fields stay signable. The input is never changed, an existing output never"
                       " overwritten. The key's password comes from --password-file, else the environment variable"
                       " JPDOCS_P12_PASSWORD, else a prompt."))
    p.add_argument("pdf", type=Path, metavar="AGREEMENT.pdf")
    p.add_argument("--field", required=True, metavar="NAME", help=tr("the field to sign: 甲, 乙 …"))
    p.add_argument("--p12", required=True, type=Path, metavar="FILE",
                   help=tr("PKCS#12 file (.p12/.pfx) with key and certificate"))
    p.add_argument("--password-file", type=Path, metavar="FILE", help=tr("file whose first line is the key's password"))
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help=tr("the signed file (default: beside the input, e.g. agreement-signed-甲.pdf)"))
    p.add_argument("--certify", action="store_true",
                   help=tr("certify with the first signature: afterwards only form filling (further signatures)"
                           " is allowed"))
    p.add_argument("--allow-expired", action="store_true",
                   help=tr("sign even with a certificate that has expired or is not yet valid (with a warning)"))
    p.add_argument("--reason", help=tr("reason recorded in the signature (e.g. 協定の締結)"))
    p.add_argument("--location", help=tr("location recorded in the signature"))
    return p


MAX_PASSWORD_FILE = 64 * 1024      # a password is a line; anything bigger is the wrong file


def _password(args) -> bytes | None:
    import getpass
    import os
    if args.password_file:
        from ..spec.textfile import read_utf8
        lines = read_utf8(args.password_file, "password file", "--password-file", MAX_PASSWORD_FILE).splitlines()
        return lines[0].encode() if lines else b""
    if "JPDOCS_P12_PASSWORD" in os.environ:
        return os.environ["JPDOCS_P12_PASSWORD"].encode()
    if sys.stdin.isatty():
        return getpass.getpass(messages().message(f"password for {args.p12}: ")).encode() or None
    return None


def run_sign(argv: list[str]) -> int:
    from ..pdf.signing import default_output, sign_file
    args = sign_parser().parse_args(argv)
    out = args.output or default_output(args.pdf, args.field)
    try:
        written = sign_file(args.pdf, args.field, args.p12, _password(args), out, certify=args.certify,
                            reason=args.reason, location=args.location, allow_expired=args.allow_expired,
                            warn=lambda message: print(message_line("warning", message), file=sys.stderr))
    except InputError as exc:
        print_errors(exc)
        return 1
    except OSError as exc:        # a full disk, a read-only folder, an unreadable input
        print_os_error(exc, inputs=[args.pdf, args.p12], output=out)
        return 1
    print(messages().message(f"wrote {written}"))
    return 0
