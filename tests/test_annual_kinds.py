"""The annual book's own words follow the kinds of the agreements it lists: a book of
盟約書 never calls them 協定 (協定名, 各協定の概要, 連携協定締結状況 are the product's
words, not the spec's), a book of several kinds says 協定等, and what the house style
writes (annual_title, a column's heading) is printed as written.

The 盟約書 is the real 江東区・サレー市 covenant (koto-surrey-1989), given a press
notice, a release after the signing and areas for the overview sheet: every document
built from it is read back (pdftotext, the DOCX reopened, the CSV and HTML as text),
and no 協定 prints anywhere, for none is in the spec."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import docx
import yaml

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"


def covenant(tmp_path: Path, kind: str = "盟約書", title: str | None = None, name: str = "koto") -> Path:
    """The real 盟約書 with a notice, a release after it and areas (no 協定 in any of
    its words), as `kind` with `title` if given."""
    shutil.copytree(REAL / "styles", tmp_path / "styles", dirs_exist_ok=True)
    shutil.copytree(REAL / "photos", tmp_path / "photos", dirs_exist_ok=True)   # the captions' stand-in
    data = yaml.safe_load((REAL / "koto-surrey-1989.yaml").read_text(encoding="utf-8"))
    data["agreement"]["document"]["kind"] = kind
    if title:
        data["agreement"]["title"] = title
    data["agreement"]["areas"] = [{"heading": "文化の交流に関する事項", "items": ["住民の相互訪問"]},
                                  {"heading": "教育の交流に関する事項", "items": ["学生の派遣と受入れ"]}]
    data["parties"]["koto"]["statements"] = ["区民の国際理解を深めます。"]
    data["parties"]["surrey"]["statements"] = ["市民の交流を進めます。"]
    data["press_notice"] = {
        "issue_date": "1989-04-10",
        "subject": "江東区とサレー市の姉妹都市提携について",
        "attachments": [{"title": "姉妹都市盟約の概要", "document": "overview"}],
        "opening": ["江東区とサレー市は、姉妹都市として提携します。"],
        "ceremony": {"date": "1989-04-20", "start": "11:00", "venue": "江東区役所", "signatories": ["koto", "surrey"]},
        "contacts": [{"department": "江東区総務部", "title": "国際交流担当", "name": "江東　太郎",
                      "phone": "03-3647-9111"}],
        "after": {"issue_date": "1989-04-20", "opening": ["本日、江東区とサレー市は、姉妹都市となりました。"]},
    }
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert "協定" not in spec.read_text(encoding="utf-8")
    return spec


def docx_words(path: Path) -> str:
    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    props = d.core_properties
    return "\n".join([p.text for p in d.paragraphs] + cells + [props.title or "", props.subject or ""])


def annual(tmp_path: Path, fy: int, *specs, style: Path | None = None):
    extra = ["--style", style] if style else []
    result = run_generate("annual", "--fiscal-year", str(fy), *specs, "-o", tmp_path / "book",
                          "--format", "pdf,docx,csv,html", *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "book" / f"annual-{fy}"


def book_text(stem: Path) -> dict[str, str]:
    from pypdf import PdfReader
    meta = PdfReader(str(stem.with_suffix(".pdf"))).metadata
    return {"pdf": pdf_text(stem.with_suffix(".pdf")) + f"\n{meta.title}\n{meta.subject}",
            "docx": docx_words(stem.with_suffix(".docx")),
            "csv": stem.with_suffix(".csv").read_text(encoding="utf-8-sig"),
            "html": stem.with_suffix(".html").read_text(encoding="utf-8")}


@needs_poppler
def test_a_covenant_is_never_called_a_kyotei(tmp_path):
    spec = covenant(tmp_path)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stdout + result.stderr
    built = sorted(p for p in (tmp_path / "out" / spec.stem).iterdir() if p.suffix in (".pdf", ".docx"))
    names = {p.name for p in built}
    assert {"press-notice.pdf", "press-notice-after.pdf", "overview.pdf", "agreement.pdf", "release.pdf",
            "release-after.pdf", "press-notice.docx", "overview.docx", "agreement.docx"} <= names
    for path in built:
        text = pdf_text(path) if path.suffix == ".pdf" else docx_words(path)
        assert "協定" not in text, path.name
    assert "江東区・サレー市姉妹都市盟約を締結しました" in no_space(pdf_text(tmp_path / "out" / spec.stem
                                                                 / "press-notice-after.pdf"))
    # the book: its title, contents, column heading and subject in the kind's word
    files = book_text(annual(tmp_path, 1989, spec))
    for form, text in files.items():
        assert "協定" not in text, form
    assert "平成元年度盟約締結状況" in no_space(files["pdf"])
    assert "各盟約の概要" in files["pdf"] and "盟約名" in files["pdf"]
    assert files["csv"].splitlines()[0].split(",")[3] == "盟約名"
    assert "盟約締結状況" in files["docx"] and "盟約名" in files["docx"]
    assert '<th scope="col">盟約名</th>' in files["html"]


def test_a_book_of_several_kinds_says_kyotei_to(tmp_path):
    """A 盟約書 and a 覚書 in one year: 協定等, never 協定 alone."""
    one = covenant(tmp_path, name="koto")
    other = covenant(tmp_path, "覚書", "江東区・サレー市交流覚書", name="memo")
    files = book_text(annual(tmp_path, 1989, one, other))
    assert "協定等締結状況" in no_space(files["pdf"]) and "各協定等の概要" in files["pdf"]
    assert files["csv"].splitlines()[0].split(",")[3] == "協定等の名称"
    assert "協定名" not in "\n".join(files.values())
    with open(tmp_path / "book" / "annual-1989.csv", encoding="utf-8-sig", newline="") as fh:
        assert sorted(r["協定等の名称"] for r in csv.DictReader(fh)) == ["江東区・サレー市交流覚書",
                                                                   "江東区・サレー市姉妹都市盟約"]


def test_the_houses_own_words_are_printed_as_written(tmp_path):
    """annual_title and the title column's heading, written by the house: kept, as
    written, over a book of 盟約書 (and its word used where the house wrote none)."""
    spec = covenant(tmp_path)
    style = tmp_path / "house.yaml"
    style.write_text("name: 江東区\nwording:\n  annual_title: \"{year}　友好協定等一覧\"\nannual:\n  columns:\n"
                     "    - {data: number}\n    - {data: title, heading: 協定等名称}\n    - {data: partners}\n",
                     encoding="utf-8")
    files = book_text(annual(tmp_path, 1989, spec, style=style))
    assert "平成元年度友好協定等一覧" in no_space(files["pdf"])
    assert files["csv"].splitlines()[0] == "№,協定等名称,相手方"
    assert "各盟約の概要" in files["pdf"]


@needs_poppler
def test_a_book_calls_its_agreements_renkei_kyotei_only_where_their_titles_do(tmp_path):
    """The real 上尾市 agreement on fire fighting in a disaster is a 協定書 but no 連携協定:
    its book is 協定締結状況, in every file and the PDF's subject; with the okhotsk
    包括連携協定 beside it, still (not every title says 連携); the okhotsk book alone keeps
    連携協定締結状況 (tests/test_annual.py)."""
    shutil.copytree(REAL / "styles", tmp_path / "styles", dirs_exist_ok=True)
    shutil.copytree(REAL / "photos", tmp_path / "photos", dirs_exist_ok=True)   # the captions' stand-in
    fire = tmp_path / "ageo.yaml"
    shutil.copy(REAL / "ageo-fire-2018.yaml", fire)
    files = book_text(annual(tmp_path, 2018, fire))
    assert "平成30年度協定締結状況" in no_space(files["pdf"])
    assert "連携協定" not in "\n".join(files.values())
    data = yaml.safe_load((ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml").read_text(encoding="utf-8"))
    data["agreement"]["signing_date"] = "2018-10-05"
    (tmp_path / "okhotsk.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    files = book_text(annual(tmp_path, 2018, fire, tmp_path / "okhotsk.yaml"))
    assert "平成30年度協定締結状況" in no_space(files["pdf"]) and "連携協定締結状況" not in no_space(files["pdf"])


def test_a_title_ending_in_a_nickname_is_counted_by_the_word_before_it(tmp_path):
    """篠山市's 災害応急対策活動の相互応援に関する協定（義士協定） (tests/data/annual/sasayama-h8):
    a 協定, listed under 協定名 with no note that its kind was chosen; a title that names no
    kind before its brackets either is still counted as a 協定書, and said."""
    from jpdocs.annual.kinds import named_kind
    assert named_kind("災害応急対策活動の相互応援に関する協定（義士協定）") == "協定書"
    assert named_kind("森林（もり）の里親契約") == "契約書" and named_kind("姉妹都市提携（盟約）") is None
    lists = ROOT / "tests" / "data" / "annual" / "sasayama-h8"
    result = run_generate("annual", "--fiscal-year", "1996", lists / "specs", "-o", tmp_path / "book",
                          "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "document.kind" not in result.stdout + result.stderr
    assert (tmp_path / "book" / "annual-1996.csv").read_text(encoding="utf-8-sig").startswith("№,締結日,締結日（ISO）,協定名,")
