"""An agreement not yet signed (agreement.signing_date: null outside a draft), as 財務省
reports the 仮署名 (initialling) of the customs agreement with the European Community,
its formal signing still to come (`mof-ec-customs-2007`): the format required a signing
date the page does not give, so a spec could only state it by inventing one.

It is allowed where nothing the spec makes prints the date signed: no agreement document
(a draft's blank is the other case, as before) and no release after the signing, whose
締結日 would have nothing to print; each of those stops with file, line and key. The
annual book files such an agreement under no year: it is not in the book of the year of
the notice.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from jpdocs import cli

from conftest import needs_poppler, real_case_variant
from test_notice_format import check, has_error

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "mof-ec-customs-2007"
OPEN = "  signing_date: null"


def variant(tmp_path: Path, *pairs: tuple[str, str]) -> Path:
    """The real case with its text changed, beside its house style."""
    return real_case_variant(tmp_path, CASE, "mof-press.yaml", *pairs)


def test_a_notice_of_an_agreement_not_yet_signed_is_checked_ok(tmp_path, capsys):
    code, out, err = check(variant(tmp_path), capsys)
    assert code == 0, err


def test_the_reading_not_yet_signed_is_named_in_a_note(tmp_path, capsys):
    """A date left open is read as not yet signed, a reading chosen for the user: said,
    as a report's signing date left unfilled in its starter is read so too (h158)."""
    path = variant(tmp_path)
    code, out, err = check(path, capsys)
    line = path.read_text(encoding="utf-8").splitlines().index(OPEN + "             # initialled on the day, not yet signed") + 1
    assert code == 0 and (f"note: {path}:{line}: agreement.signing_date: left open (null): read as an agreement"
                          " not yet signed") in out + err, out + err
    # and no such note where the date is written
    code, out, err = check(variant(tmp_path, (OPEN, "  signing_date: 2007-06-05")), capsys)
    assert code == 0 and "not yet signed" not in out + err, out + err


def test_the_release_after_the_signing_needs_the_date_signed(tmp_path, capsys):
    path = variant(tmp_path, ("  ki: []\n", "  ki: []\n  after:\n    issue_date: 2007-06-06\n"
                                            "    opening: [本日、協定に署名しました。]\n"))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, OPEN, "agreement.signing_date",
                                   "the release after the signing (press_notice.after) prints the date signed"), err


def test_an_agreement_document_outside_a_draft_needs_the_date_signed(tmp_path, capsys):
    document = (OPEN + "\n  document:\n    kind: 協定書\n    purpose: 税関の協力を図る\n"
                "    prose: [日本国政府及び欧州共同体は、税関の協力について合意した。]\n"
                "    closing: 以上の証として、署名した。\n")
    path = variant(tmp_path, (OPEN, document))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, OPEN, "agreement.signing_date",
                                   "which only a draft may do"), err


@needs_poppler
def test_the_annual_book_files_it_under_no_year(tmp_path, capsys):
    """Beside an agreement signed that fiscal year, the book lists that one alone."""
    signed = tmp_path / "signed"
    signed.mkdir()
    shutil.copy(REAL / "tokyo-water-ibaraki-2014.yaml", signed)
    shutil.copytree(REAL / "styles", signed / "styles", dirs_exist_ok=True)
    path = variant(signed)
    code = cli.main(["annual", "--fiscal-year", "2014", str(path), str(signed / "tokyo-water-ibaraki-2014.yaml"),
                     "-o", str(tmp_path / "out"), "--format", "csv"])
    assert code == 0, capsys.readouterr().err
    table = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "out").glob("*.csv"))
    assert "中継水道事業体" in table and "欧州共同体" not in table, table
    code = cli.main(["annual", "--fiscal-year", "2007", str(path), "-o", str(tmp_path / "out2"), "--format", "csv"])
    out = capsys.readouterr()
    table = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "out2").glob("*.csv"))
    assert "欧州共同体" not in table, (code, out.err, table)
