"""The item's others (others: ほか関係者　約100名) after the last person of a people
item set in two columns, title | name (長野県林務部 2012). Too long to follow the
name on its line, they go to the line under it, whole, and the title stays beside
the name: the name's cell is set beside the title's (valign="beside"), its first
line on the title's last line. Before, both cells stood at the bottom of the row:
the title went down beside the others (長野県　林務部長 | 約 / 100名), the name stood
beside nothing, and the others broke inside (…約 / 100名).

The real case is built by the real command line (PDF and DOCX); the PDF is read
back glyph by glyph, the DOCX reopened (its cells' alignment, where the name's
paragraph breaks, the space above it).
"""
from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from jpdocs import cli
from jpdocs.content.markup import parse
from jpdocs.errors import InputError

from conftest import ROOT, needs_poppler, no_space, real_case_variant
from test_notice_format import _lines, _rows, docx_text, pdf_words

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "nagano-abn-azumino-2012.yaml"
WITNESS = "{title: 長野県　林務部長, name: 塩入　茂, note: 立会者}"


def _build(spec, tmp_path, capsys):
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    return tmp_path / "out" / spec.stem / "press-notice.pdf"


def _variant(tmp_path, old: str, new: str):
    """The real case with `old` replaced, in tmp_path beside a copy of its style (never in
    tests/data/real, which other tests copy while this one runs)."""
    return real_case_variant(tmp_path, CASE.stem, "nagano-rinmu-2012.yaml", (old, new))


def _row(rows, text: str) -> list[dict]:
    return next(r for r in rows if no_space("".join(c["text"] for c in r)) == text)


def _x(row, char: str) -> float:
    return next(c["x0"] for c in row if c["text"] == char)


def _last_row_cells(docx) -> list:
    """The w:tc elements of the people table's last row (the one holding 塩入)."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    tr = next(tr for tr in root.iter(W + "tr") if "塩入" in "".join(t.text or "" for t in tr.iter(W + "t")))
    return tr.findall(W + "tc")


def _lines_of(tc) -> list[str]:
    """A cell's text, split where a w:br breaks it."""
    out = [""]
    for e in tc.iter(W + "t", W + "br"):
        if e.tag == W + "br":
            out.append("")
        else:
            out[-1] += e.text or ""
    return out


def _valign(tc) -> str:
    return tc.find(f"{W}tcPr/{W}vAlign").get(W + "val")


@needs_poppler
def test_the_real_nagano_others_under_the_last_name_whole_the_title_beside_the_name(tmp_path, capsys):
    """長野県林務部 2012: 長野県　林務部長 and 塩入　茂（立会者） on one line, ほか関係者　約100名
    whole on the line under it, starting where the name starts; the name not spread
    across its cell (（ straight after 茂); the rows above as they were (title | name on
    one line). The DOCX: both cells of that row from the top, the name's paragraph
    broken before the others, flush left; the other rows at the bottom as before."""
    pdf = _build(CASE, tmp_path, capsys)
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("長野県林務部長塩入茂（立会者）")
    assert lines[at + 1] == "ほか関係者約100名", lines[at - 4:at + 3]
    assert lines[at - 3:at] == ["長野朝日放送株式会社代表取締役菊地誠一", "安曇野市長宮澤宗弘", "NPO法人森倶楽部21理事長永田千惠子"]
    name, others = _row(rows, lines[at]), _row(rows, lines[at + 1])
    size = name[0]["size"]
    assert abs(others[0]["x0"] - _x(name, "塩")) < 0.5                 # under the name, not at the item's margin
    assert abs(_x(name, "（") - _x(name, "茂") - size) < 0.5            # flush left: not spread across the cell
    assert abs(_x(name, "塩") - _x(_row(rows, lines[at - 1]), "永")) < 0.5   # the names' column
    docx = pdf.with_suffix(".docx")
    title, person = _last_row_cells(docx)
    assert (_valign(title), _valign(person)) == ("top", "top")
    assert _lines_of(person) == ["　塩入　茂（立会者）", "ほか関係者　約100名"]
    assert person.find(f"{W}p/{W}pPr/{W}jc").get(W + "val") == "left"
    assert person.find(f"{W}p/{W}pPr/{W}spacing") is None             # the title is one line: nothing above
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    above = next(tr for tr in root.iter(W + "tr") if "永田" in "".join(t.text or "" for t in tr.iter(W + "t")))
    assert [_valign(tc) for tc in above.findall(W + "tc")] == ["bottom", "bottom"]
    assert no_space(docx_text(docx)) == pdf_words(pdf)


@needs_poppler
def test_a_title_of_three_lines_the_name_beside_its_last_the_others_under_the_name(tmp_path, capsys):
    """The witness's title long enough for three lines of its column: the name's first
    line beside the title's last, the others on the line under it (the row three
    lines and one); in the DOCX, the name's paragraph two of the title's lines down
    (space before it), broken before the others."""
    spec = _variant(tmp_path, WITNESS, "{title: 長野県　林務部長兼森林づくり推進監兼信州の森林総合調整官, name: 塩入　茂, note: 立会者}")
    pdf = _build(spec, tmp_path, capsys)
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("森林総合調整官塩入茂（立会者）")
    assert lines[at - 2:at] == ["長野県", "林務部長兼森林づくり推進監兼信州の"], lines[at - 3:at + 2]
    assert lines[at + 1] == "ほか関係者約100名"
    name, others = _row(rows, lines[at]), _row(rows, lines[at + 1])
    assert abs(others[0]["x0"] - _x(name, "塩")) < 0.5
    title, person = _last_row_cells(pdf.with_suffix(".docx"))
    assert (_valign(title), _valign(person)) == ("top", "top")
    assert _lines_of(person) == ["　塩入　茂（立会者）", "ほか関係者　約100名"]
    leading = rows[at][0]["top"] - rows[at - 1][0]["top"]                 # the title's lines, as the PDF sets them
    before = int(person.find(f"{W}p/{W}pPr/{W}spacing").get(W + "before"))
    assert abs(before - 2 * leading * 20) <= 2, (before, leading)


@needs_poppler
def test_short_others_stay_on_the_names_line(tmp_path, capsys):
    """ほか after the last name fits its line: one line, title, name and ほか, and in
    the DOCX both cells at the bottom of the row, no break in the name's paragraph."""
    spec = _variant(tmp_path, "others: ほか関係者　約100名", "others: ほか")
    pdf = _build(spec, tmp_path, capsys)
    assert "長野県林務部長塩入茂（立会者）ほか" in _lines(_rows(pdf))
    title, person = _last_row_cells(pdf.with_suffix(".docx"))
    assert (_valign(title), _valign(person)) == ("bottom", "bottom")
    assert _lines_of(person) == ["　塩入　茂（立会者）　ほか"]


def test_a_cells_valign_is_one_the_writers_know():
    """A template's <td valign> other than top, middle, bottom or beside stops with the
    values it may take, not a KeyError in a writer."""
    with pytest.raises(InputError, match="beside"):
        parse('<document kind="notice"><table widths="0.5 0.5"><tr><td>a</td><td valign="under">b</td></tr>'
              '</table></document>')
