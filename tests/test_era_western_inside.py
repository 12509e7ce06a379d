"""The western year in brackets inside the era's, before its 年 (agreement.calendar:
era_western_inside), as 和歌山県's page dates its 議定書 with 山東省 (昭和59(1984)年4月18日)
and as 厚生労働省 titles its 令和6(2024)年財政検証 and 川崎市 its 令和6(2024)年度 statistics:
the real case built with the real command line and its PDF and DOCX read back as printed
(widths not folded: the brackets as wide as the year's digits); the default (era_western,
昭和59年（1984年）) unchanged."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile

import pdfplumber

from conftest import ROOT, needs_poppler, run_generate
from jpdocs import japanese

REAL = ROOT / "tests" / "data" / "real"


def test_the_year_inside_the_eras_in_each_width():
    """The brackets as wide as the year's digits; 元年 kept; the other calendars as they were."""
    day = dt.date(1984, 4, 18)
    assert japanese.date_in(day, "era_western_inside", "none", "half") == "昭和59(1984)年4月18日"
    assert japanese.date_in(day, "era_western_inside", "none", "full") == "昭和５９（１９８４）年４月１８日"
    assert japanese.date_in(dt.date(2019, 5, 1), "era_western_inside", "none", "half") == "令和元(2019)年5月1日"
    assert japanese.date_in(day, "era_western", "none", "half") == "昭和59年（1984年）4月18日"


@needs_poppler
def test_the_protocol_of_1984_is_dated_as_the_page_dates_it(tmp_path):
    """wakayama-shandong-1984: its date line 昭和59(1984)年4月18日, half-width brackets, in the
    PDF and the DOCX; with the house's era_western it was 昭和59年（1984年）4月18日."""
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    spec = tmp_path / "wakayama-shandong-1984.yaml"
    shutil.copy(REAL / spec.name, spec)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / "wakayama-shandong-1984"
    with pdfplumber.open(out / "agreement.pdf") as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages).replace(" ", "")
    assert "昭和59(1984)年4月18日" in text and "昭和59年" not in text
    body = zipfile.ZipFile(out / "agreement.docx").read("word/document.xml").decode()
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S)]
    assert any(t.replace(" ", "").startswith("昭和59(1984)年4月18日") for t in texts), texts
    style = tmp_path / "styles" / "wakayama-intl-1984.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace("era_western_inside", "era_western"), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "old", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "old" / "wakayama-shandong-1984" / "agreement.pdf") as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages).replace(" ", "")
    assert "昭和59年（1984年）4月18日" in text
