"""Signatures, with pyHanko.

The agreement's empty signature fields are written without pyHanko, by the build
(sig_fields.py: importing pyHanko cost a cold build more than the fields do).

`sign_file` signs one field of an existing PDF as a further incremental update
into a new file; the other fields stay empty and signable, and earlier
signatures stay valid. `certify=True` on the first signature allows only form
filling (further signatures) afterwards. A signed file is never rewritten.
`signature_fields` and `broken_signatures` read a file's fields and check its
signatures (the `sign` command, and the tests).
"""
from __future__ import annotations

import io
import logging
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_new
from ..errors import fail
from ..output import describe

# cryptography 51 warns, when pyHanko imports its DSA key class, that DSA is deprecated:
# a line on the `sign` command's stderr about a key type the user did not choose (a
# signer's key is read and named in any error of its own). The warning is the library's
# to its developers; the user is told nothing by it.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")


@dataclass(frozen=True)
class FieldState:
    """A signature field of a PDF: its name, whether it is signed, and where it is."""
    name: str
    signed: bool
    page: int            # 0-based
    box: tuple[float, float, float, float]


def signature_fields(pdf: bytes) -> list[FieldState]:
    """The signature fields of a PDF, in order, with whether each is signed."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    pages = [p.idnum for p in _page_refs(reader)]
    out = []
    for name, value, ref in enumerate_sig_fields(reader, filled_status=None):
        field = ref.get_object()
        widget = field
        if "/Rect" not in field and "/Kids" in field:
            widget = field["/Kids"][0].get_object()
        rect = tuple(float(v) for v in widget.get("/Rect", (0, 0, 0, 0)))
        page = widget.raw_get("/P").idnum if "/P" in widget else None
        out.append(FieldState(name, value is not None, pages.index(page) if page in pages else -1, rect))
    return out


def _page_refs(reader):
    from pyhanko.pdf_utils.generic import Reference
    refs = []

    def walk(node_ref):
        node = node_ref.get_object()
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid if isinstance(kid, Reference) else kid.reference)
        else:
            refs.append(node_ref if isinstance(node_ref, Reference) else node_ref.reference)
    walk(reader.root.raw_get("/Pages"))
    return refs


def default_output(path: Path, field: str) -> Path:
    """agreement.pdf → agreement-signed-甲.pdf; agreement-signed-甲.pdf → agreement-signed-甲-乙.pdf."""
    stem = path.stem
    stem = f"{stem}-{field}" if "-signed-" in stem else f"{stem}-signed-{field}"
    return path.with_name(stem + path.suffix)


def sign_file(src: Path, field: str, p12: Path, password: bytes | None, out: Path,
              certify: bool = False, reason: str | None = None, location: str | None = None,
              allow_expired: bool = False, warn=None) -> Path:
    """Sign the empty field `field` of `src` into the new file `out`. Every mistake a
    user can make is an InputError (one message, exit 1), never a traceback. A
    certificate outside its validity is refused unless allow_expired, and then
    reported through `warn` (a function taking the message)."""
    from pyhanko.sign import fields as sig_fields, signers
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    src, p12, out = Path(src), Path(p12), Path(out)
    if not src.is_file():
        raise fail(str(src), "no such file")
    if not p12.is_file():
        raise fail(str(p12), "no such file: give the PKCS#12 (.p12 / .pfx) file holding the signing key")
    if out.is_dir():
        raise fail(str(out), "is a folder; -o names the signed file itself (for example agreement-signed.pdf in it)")
    if out.exists():
        raise fail(str(out), "already exists; a signed file is never rewritten: choose another name with -o")
    if out.resolve() == src.resolve():
        raise fail(str(out), "is the input file; a signature goes into a new file")
    data = src.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise fail(str(src), "is not a PDF file")
    try:
        states = signature_fields(data)
    except Exception as exc:      # a damaged PDF: say so, no traceback
        raise fail(str(src), f"cannot read the PDF's form fields: {exc}")
    by_name = {f.name: f for f in states}
    if field not in by_name:
        known = ", ".join(f.name for f in states) or "none"
        raise fail(str(src), f"has no signature field '{field}' (its fields: {known})")
    if by_name[field].signed:
        raise fail(str(src), f"the field '{field}' is already signed")
    if certify and any(f.signed for f in states):
        raise fail(str(src), "--certify is for the first signature only; this file is already signed")
    broken = broken_signatures(data)
    if broken:
        raise fail(str(src), f"an earlier signature no longer validates: {'; '.join(broken)}. A further signature"
                             " would be added to a file that was changed after it was signed: sign the file as the"
                             " earlier signer sent it")
    trouble = certificate_trouble(check_pkcs12(p12, password))
    if trouble and not allow_expired:
        raise fail(str(p12), f"{trouble}; renew it, or sign anyway with --allow-expired")
    if trouble and warn:
        warn(f"{p12}: {trouble}; signed anyway (--allow-expired)")
    # pyHanko logs a failed load with a traceback and returns None; the user gets one line.
    with _quiet():
        try:
            signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=password)
        except Exception:             # some versions raise instead
            signer = None
    if signer is None:
        raise fail(str(p12), "cannot open the PKCS#12 file")
    meta = signers.PdfSignatureMetadata(
        field_name=field, reason=reason, location=location, certify=certify,
        docmdp_permissions=sig_fields.MDPPerm.FILL_FORMS,
        subfilter=sig_fields.SigSeedSubFilter.PADES,
    )
    class Writer(IncrementalPdfFileWriter):
        def _update_meta(self):
            """pyHanko would rewrite the XMP packet with its own serializer, which
            loses the declaration of the pdfuaid schema that PDF/A wants (and would
            set ModDate in /Info and XMP): the signature records when it was made,
            and the document's metadata stays as built, PDF/A-2a and PDF/UA-1."""

    w = Writer(io.BytesIO(data), strict=False)
    buf = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp:
        stamp = _stamp_style(field, _signer_name(signer), by_name[field].box, Path(tmp) / "stamp.pdf")
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp)
        try:
            pdf_signer.sign_pdf(w, output=buf)
        except Exception as exc:
            raise fail(str(src), f"signing the field '{field}' failed: {exc}")
    # Created exclusively: of two runs signing into one name at once, one writes and
    # the other is told, rather than both saying "wrote" and one signature lost.
    try:
        created = write_new(out, buf.getvalue())
    except OSError as exc:
        raise fail(str(out), f"cannot write: {describe(exc)}") from None
    if not created:
        raise fail(str(out), "already exists; a signed file is never rewritten: choose another name with -o")
    return out


class _quiet:
    """pyHanko logs what it finds wrong with a traceback; the user gets one line."""

    def __enter__(self):
        self.log = logging.getLogger("pyhanko")
        self.level, self.log.level = self.log.level, logging.CRITICAL + 1

    def __exit__(self, *exc):
        self.log.setLevel(self.level)


def check_pkcs12(p12: Path, password: bytes | None):
    """The certificate of a PKCS#12 file that can sign; otherwise an InputError that
    tells apart a file that cannot be read, one that is not PKCS#12, a wrong (or
    missing) password, and a file without a private key or certificate."""
    from cryptography.hazmat.primitives.serialization import pkcs12
    try:
        data = Path(p12).read_bytes()
    except OSError as exc:
        raise fail(str(p12), f"cannot read the file: {(exc.strerror or str(exc)).lower()}") from None
    try:
        key, cert, _ = pkcs12.load_key_and_certificates(data, password)
    except ValueError as exc:
        if "deserialize" in str(exc):
            raise fail(str(p12), "cannot open the PKCS#12 file: this is not a PKCS#12 file (.p12 / .pfx);"
                                 " give the file holding the signing key and its certificate") from None
        raise fail(str(p12), "cannot open the PKCS#12 file: wrong password" if password else
                   "cannot open the PKCS#12 file: it needs a password (--password-file, or the variable"
                   " JPDOCS_P12_PASSWORD)") from None
    if key is None:
        raise fail(str(p12), "no private key in the file (it holds certificates only); export the"
                             " certificate together with its private key")
    if cert is None:
        raise fail(str(p12), "no certificate for the private key in the file")
    return cert


def certificate_trouble(cert, now=None) -> str | None:
    """Why a certificate should not sign now (expired, or not yet valid), or None."""
    import datetime as dt
    now = now or dt.datetime.now(dt.timezone.utc)
    from cryptography.x509.oid import NameOID
    common = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = common[0].value if common else cert.subject.rfc4514_string()
    if now > cert.not_valid_after_utc:
        return f"the certificate of {name} expired on {cert.not_valid_after_utc:%Y-%m-%d}"
    if now < cert.not_valid_before_utc:
        return f"the certificate of {name} is not valid before {cert.not_valid_before_utc:%Y-%m-%d}"
    return None


def broken_signatures(pdf: bytes) -> list[str]:
    """The PDF's signatures that no longer validate, each with why: the signed bytes
    changed, the signature does not match them, or the file was changed afterwards
    in a way the signature does not allow. Trust in the signer's certificate is not
    judged here (an office's own certificates are often self-signed)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    out = []
    with _quiet():
        try:
            sigs = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
        except Exception as exc:
            return [f"the signatures cannot be read ({exc})"]
        for sig in sigs:
            try:
                status = validate_pdf_signature(sig, ValidationContext(trust_roots=[], allow_fetching=False))
                why = ("the signed content was changed" if not status.intact else
                       "the signature does not match the signed content" if not status.valid else
                       "the file was changed after it was signed, beyond filling in the form"
                       if status.docmdp_ok is False else None)
            except Exception as exc:
                why = f"it cannot be checked ({exc})"
            if why:
                out.append(f"'{sig.field_name}' ({why})")
    return out


def _signer_name(signer) -> str:
    try:
        return signer.signing_cert.subject.native.get("common_name", "") or ""
    except Exception:
        return ""


def _stamp_style(field: str, name: str, box, path: Path):
    """The appearance of a signed field: a red double circle over the seal place with
    電子署名, the label and the signer's name, drawn by reportlab in the bundled
    fonts (pyHanko's own text stamp cannot space Japanese glyphs correctly)."""
    from pyhanko.stamp import StaticStampStyle
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from ..fonts.registry import register
    from ..spec.style import load_style

    font = register(load_style())["mincho"]
    x0, y0, x1, y1 = box
    w, h = max(x1 - x0, 20), max(y1 - y0, 20)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h), invariant=1, initialFontName=font, initialFontSize=8)
    red = colors.Color(0.8, 0.1, 0.1)
    c.setStrokeColor(red)
    c.setFillColor(red)
    r = min(w, h) / 2 - 1.5
    c.setFillColor(colors.white)            # covers the printed 印 (opaque, no transparency)
    c.setLineWidth(1.2)
    c.circle(w / 2, h / 2, r, stroke=1, fill=1)
    c.setLineWidth(0.5)
    c.circle(w / 2, h / 2, r - 2.5)
    c.setFillColor(red)
    small = 6.5
    c.setFont(font, small)
    c.drawCentredString(w / 2, h / 2 + r * 0.42, "電子署名")
    big = r * 0.62
    c.setFont(font, big)
    c.drawCentredString(w / 2, h / 2 - big * 0.36, field[:2])
    if name:
        fit = min(small, (2 * r * 0.8) / max(len(name), 1))
        c.setFont(font, fit)
        c.drawCentredString(w / 2, h / 2 - r * 0.42 - fit * 0.7, name[:16])
    c.showPage()
    c.save()
    path.write_bytes(buf.getvalue())      # pyHanko reads it when it draws the stamp
    return StaticStampStyle.from_pdf_file(str(path), border_width=0)
