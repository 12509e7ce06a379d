"""相手方 of an agreement the issuer signed together with another party on its side
(`with_issuer: true`): 土庄町と小豆島町は、香川県土地家屋調査士会と…協定を結びました;
四街道市は、千葉市及び市原市とともに、千葉中央生コンクリート協同組合と…結びました. The
party beside the issuer is no partner of it, and the row does not hide that the issuer
did not sign alone: 香川県土地家屋調査士会（小豆島町と共同締結）, in the house's words
(the partners column's `together:`). Real cases through the real command line; the
CSV, the PDF's text and the DOCX's table read back."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from docx import Document as OpenDocx

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"


def copy_real(tmp_path: Path, case: str, edit=lambda text: text) -> Path:
    for folder in ("styles", "photos"):
        shutil.copytree(REAL / folder, tmp_path / folder, dirs_exist_ok=True)
    spec = tmp_path / f"{case}.yaml"
    spec.write_text(edit((REAL / f"{case}.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    return spec


def annual(tmp_path: Path, spec: Path, fy: int, *options):
    return run_generate("annual", "--fiscal-year", str(fy), spec, "-o", tmp_path / "out", *options)


def partners_of(tmp_path: Path, fy: int) -> list[str]:
    with open(tmp_path / "out" / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as fh:
        return [row["相手方"] for row in csv.DictReader(fh)]


def without_with_issuer(text: str) -> str:
    assert "    with_issuer: true\n" in text
    return text.replace("    with_issuer: true\n", "")


@needs_poppler
def test_the_town_beside_the_issuer_is_named_after_the_partner_not_as_one(tmp_path):
    """土庄町's book: the association is the partner, 小豆島町 signed beside the town, in
    the CSV, the PDF and the DOCX; the spec without with_issuer: lists 小豆島町 as a
    partner (as the book did before)."""
    old = annual(tmp_path / "old", copy_real(tmp_path / "old", "tonosho-chosashi-2025", without_with_issuer),
                 2025, "--format", "csv")
    assert old.returncode == 0, old.stderr
    assert partners_of(tmp_path / "old", 2025) == ["小豆島町、香川県土地家屋調査士会"]
    result = annual(tmp_path, copy_real(tmp_path, "tonosho-chosashi-2025"), 2025, "--format", "pdf,docx,csv")
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2025) == ["香川県土地家屋調査士会（小豆島町と共同締結）"]
    text = no_space(pdf_text(tmp_path / "out" / "annual-2025.pdf"))
    assert "香川県土地家屋調査士会（小豆島町と共同締結）" in text
    assert "小豆島町、香川県" not in text
    cells = [c.text for t in OpenDocx(tmp_path / "out" / "annual-2025.docx").tables for r in t.rows for c in r.cells]
    assert "香川県土地家屋調査士会（小豆島町と共同締結）" in cells


def test_two_cities_beside_the_issuer_in_the_houses_words(tmp_path):
    """四街道市 with 千葉市 and 市原市: both named, parted by the house's comma, in the
    house's words where it gives its own (together: （{names}と連名）)."""
    spec = copy_real(tmp_path, "yotsukaido-chiba-ichihara-2019")
    result = annual(tmp_path, spec, 2018, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2018) == ["千葉中央生コンクリート協同組合（千葉市、市原市と共同締結）"]
    style = tmp_path / "house.yaml"
    style.write_text("annual:\n  columns:\n    - {data: title}\n    - {data: partners, together: '（{names}と連名）'}\n",
                     encoding="utf-8")
    result = annual(tmp_path / "own", spec, 2018, "--format", "csv", "--style", style)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path / "own", 2018) == ["千葉中央生コンクリート協同組合（千葉市、市原市と連名）"]


def test_with_issuer_where_it_cannot_apply_is_an_error_at_its_key(tmp_path):
    """with_issuer: beside issuing: (one says what the other does), on the issuer itself,
    or where the issuer and the parties beside it would have signed with no one: each
    refused at the key's line, exit 1, no traceback, nothing written."""
    cases = [
        ("    with_issuer: true\n", "    with_issuer: true\n    issuing: true\n", "shodoshima",
         "issuing: true says it too or the contrary: keep one"),
        ("    name: 土庄町\n", "    name: 土庄町\n    with_issuer: true\n", "tonosho",
         "土庄町 is the issuer itself, not a party beside it"),
        ("    name: 香川県土地家屋調査士会\n", "    name: 香川県土地家屋調査士会\n    with_issuer: true\n", "chosashi",
         "every other party is of the issuer's side, so the issuer and this party signed with no one"),
    ]
    for i, (old, new, key, message) in enumerate(cases):
        folder = tmp_path / str(i)
        spec = copy_real(folder, "tonosho-chosashi-2025", lambda text: text.replace(old, new, 1))
        result = annual(folder, spec, 2025, "--format", "csv")
        out = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in out
        lines = spec.read_text(encoding="utf-8").splitlines()
        start = next(n for n, text in enumerate(lines) if text.startswith(f"  {key}:"))
        line = lines.index("    with_issuer: true", start) + 1
        assert f"{spec}:{line}: parties.{key}.with_issuer: " in out and message in out, out
        assert not (folder / "out").exists() or not any((folder / "out").iterdir())


def test_the_prose_list_names_the_issuer_with_the_town_beside_it(tmp_path):
    """The prose list's {issuer} says who concluded it: 土庄町及び小豆島町, never 土庄町
    alone beside the partner; {partners} the association alone."""
    style = tmp_path / "house.yaml"
    style.write_text("name: 一覧\nannual:\n  web: prose\n  prose: \"{partners}と{issuer}との{title}を締結しました\"\n",
                     encoding="utf-8")
    result = annual(tmp_path, copy_real(tmp_path, "tonosho-chosashi-2025"), 2025, "--format", "html", "--style", style)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "annual-2025.html").read_text(encoding="utf-8")
    assert "香川県土地家屋調査士会と土庄町及び小豆島町との災害時における住家被害認定調査等の支援に関する協定を締結しました" in page
