"""Signing and the annual CSV (issue 10, section 6): `sign` refuses a certificate
outside its validity (unless --allow-expired, with a warning) and a PDF whose
earlier signatures no longer validate, and tells apart the ways a PKCS#12 file
fails; the annual CSV neutralises what a spreadsheet would run as a formula;
warnings of a spec stand on `unchanged` rebuilds."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from certs import make_p12
from conftest import SEED_SPEC, run_generate


def sign(src: Path, field: str, p12: Path, out: Path, *extra, password: str = "secret"):
    return run_generate("sign", src, "--field", field, "--p12", p12, "-o", out, *extra,
                        env={"JPDOCS_P12_PASSWORD": password, "PATH": "/usr/bin:/bin"})


def one_error(result, file: Path, fragment: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {file}: ") and fragment in lines[0], result.stderr


@pytest.fixture
def agreement(tmp_path, seed_build) -> Path:
    src = tmp_path / "agreement.pdf"
    src.write_bytes((seed_build / "agreement.pdf").read_bytes())
    return src


# ---------------------------------------------------------------- the certificate
@pytest.mark.parametrize("valid, fragment", [((-60, -1), "expired on"), ((2, 30), "is not valid before")])
def test_a_certificate_outside_its_validity_is_refused_unless_allowed(valid, fragment, agreement, tmp_path):
    p12, _ = make_p12(tmp_path, valid=valid)
    out = tmp_path / "signed.pdf"
    one_error(sign(agreement, "甲", p12, out), p12, f"the certificate of Test Signer {fragment}")
    assert not out.exists()
    result = sign(agreement, "甲", p12, out, "--allow-expired")
    assert result.returncode == 0, result.stderr
    assert f"warning: {p12}: the certificate of Test Signer {fragment}" in result.stderr
    assert "signed anyway (--allow-expired)" in result.stderr and out.exists()


# ---------------------------------------------------------------- earlier signatures
def test_a_pdf_whose_earlier_signature_no_longer_validates_is_not_signed_again(agreement, tmp_path):
    p12, _ = make_p12(tmp_path)
    first = tmp_path / "first.pdf"
    assert sign(agreement, "甲", p12, first).returncode == 0
    data = first.read_bytes()
    at = data.index(b"/Producer")            # a byte the first signature covers
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:at + 3] + b"X" + data[at + 4:])
    out = tmp_path / "second.pdf"
    one_error(sign(tampered, "乙", p12, out), tampered,
              "an earlier signature no longer validates: '甲' (the signed content was changed)")
    assert not out.exists()
    assert sign(first, "乙", p12, out).returncode == 0        # the file as signed: signed again


def test_a_change_after_the_signature_is_named(agreement, tmp_path):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    p12, _ = make_p12(tmp_path)
    first = tmp_path / "first.pdf"
    assert sign(agreement, "甲", p12, first, "--certify").returncode == 0
    w = IncrementalPdfFileWriter(io.BytesIO(first.read_bytes()), strict=False)
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)           # the page turned after signing
    w.update_container(page)
    changed = tmp_path / "changed.pdf"
    buf = io.BytesIO()
    w.write(buf)
    changed.write_bytes(buf.getvalue())
    one_error(sign(changed, "乙", p12, tmp_path / "second.pdf"), changed,
              "'甲' (the file was changed after it was signed, beyond filling in the form)")


# ---------------------------------------------------------------- the PKCS#12 file
def test_the_ways_a_pkcs12_file_fails_are_told_apart(agreement, tmp_path, monkeypatch, capsys):
    out = tmp_path / "signed.pdf"
    good, _ = make_p12(tmp_path)
    one_error(sign(agreement, "甲", good, out, password="wrong"), good, "cannot open the PKCS#12 file: wrong password")
    certs_only, _ = make_p12(tmp_path, name="Certs Only", with_key=False)
    one_error(sign(agreement, "甲", certs_only, out), certs_only, "no private key in the file")
    one_error(sign(agreement, "甲", agreement, out), agreement, "this is not a PKCS#12 file (.p12 / .pfx)")
    assert not out.exists()

    # cannot read: tests run as root, where chmod stops nothing, so in-process
    import errno
    from jpdocs import cli
    real = Path.read_bytes

    def refuse(self):
        if self == good:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setenv("JPDOCS_P12_PASSWORD", "secret")
    code = cli.main(["sign", str(agreement), "--field", "甲", "--p12", str(good), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and f"error: {good}: cannot read the file: permission denied" in err, err
    assert "wrong password" not in err and not out.exists()


# ---------------------------------------------------------------- the annual CSV
def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path):
    title = '=HYPERLINK("http://example.com/","協定")'
    text = SEED_SPEC.read_text(encoding="utf-8")
    text = text.replace("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定", f"  title: '{title}'", 1)
    text = text.replace("formal_name: 国立大学法人北海道国立大学機構　北見工業大学", "formal_name: '@SUM(1+1)'", 1)
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "formula.yaml").write_text(text, encoding="utf-8")
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "out" / "annual-2023.csv", encoding="utf-8-sig", newline="") as fh:
        head, row = list(csv.reader(fh))
    cells = dict(zip(head, row))
    assert cells["協定名"] == "'" + title and cells["相手方"] == "'@SUM(1+1)"
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row)
    assert cells["担当課"] == "オホーツク総合振興局地域創生部地域政策課"     # other cells as they were


def test_spreadsheet_safe_follows_owasp():
    from jpdocs.annual.spreadsheet import spreadsheet_safe
    for bad in ("=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"):
        assert spreadsheet_safe(bad) == "'" + bad
    for fine in ("令和６年２月27日", "－", "1", "協定=合意", "ＳＵＭ"):
        assert spreadsheet_safe(fine) == fine


# ---------------------------------------------------------------- warnings that stand
def test_warnings_are_repeated_when_the_spec_is_unchanged(tmp_path):
    text = SEED_SPEC.read_text(encoding="utf-8").replace("name: 杉村　勝彦", "name: 杉村 勝彦", 1)
    text = text.replace("DX化に向けた", "DX化に⾒合った", 1)             # ⾒ U+2F92, a Kangxi radical
    spec = tmp_path / "warned.yaml"
    spec.write_text(text, encoding="utf-8")
    runs = [run_generate(spec, "-o", tmp_path / "out") for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0]
    assert "built 1" in runs[0].stdout and "unchanged 1" in runs[1].stdout
    first = [l for l in runs[0].stderr.splitlines() if l.startswith("warning: ")]
    again = [l for l in runs[1].stderr.splitlines() if l.startswith("warning: ")]
    assert len(first) == 2 and any("ASCII space" in l for l in first) and any("U+2F92" in l for l in first), first
    assert again == first
