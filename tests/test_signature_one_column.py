"""Signature blocks one under another (the agreement template's one-column table,
fit="blocks": writers/signature_columns.py). 町田市, 相模原市 and CMJ (2019): the blocks
stood where the house's indent (signature_indent: 0.3) put them, their lines' column
about 18 em, so NPO法人クライシスマッパーズ・ジャパン broke at its ・ and
相模原市中央区中央２丁目11番15号 after 中央, though the space before the labels could
give them room. Where a line would break, the blocks move left (all alike, their
lines still at one x) by what the longest line needs, else the longest word, never
past the margin; where nothing breaks, the widths are the template's.

The real case is built by the real command line (PDF and DOCX); the PDF is read back
line by line and glyph by glyph, the DOCX reopened (its grid, its paragraphs).
"""
from __future__ import annotations

import zipfile

from lxml import etree
from reportlab.pdfbase import pdfmetrics

from jpdocs import cli
from jpdocs.content import model as m
from jpdocs.writers.signature_columns import fitted_blocks

from conftest import ROOT, needs_poppler, no_space
from test_notice_format import _rows

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CASE = ROOT / "tests" / "data" / "real" / "machida-sagamihara-cmj-2019.yaml"
NPO = "NPO法人クライシスマッパーズ・ジャパン"


def _build(spec, tmp_path, capsys):
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    return tmp_path / "out" / spec.stem / "agreement.pdf"


def _text(row) -> str:
    return no_space("".join(c["text"] for c in row))


def _starting(rows, text: str) -> list[dict]:
    """The row whose glyphs, the seal's 印 left out, begin with `text`."""
    return next(r for r in rows if _text([c for c in r if c["text"] != "印"]).startswith(text))


@needs_poppler
def test_the_real_machida_blocks_keep_every_line_whole(tmp_path, capsys):
    """Each line of the three blocks is one line of the page: the NPO's name whole
    (not NPO法人クライシスマッパーズ・ / ジャパン), 相模原市's address whole, each 代表 line
    with its title and name; the labels at one x, every block's lines at one x, left of
    where the house's indent put them, and the page's text margin not passed. The DOCX:
    its lines' column as wide as the PDF's, the name one paragraph."""
    pdf = _build(CASE, tmp_path, capsys)
    rows = _rows(pdf)
    lines = [t for t in (_text([c for c in r if c["text"] != "印"]) for r in rows) if t]   # a seal's row: none
    want = ["町田市東京都町田市森野２丁目２番22号", "代表町田市長石阪丈一",
            "相模原市相模原市中央区中央２丁目11番15号", "代表相模原市長加山俊夫",
            "CMJ東京都調布市国領町３丁目４番地41", NPO, "代表理事長古橋大地"]
    at = lines.index(want[0])
    assert lines[at:at + len(want)] == want, lines[at:]
    labels = [_starting(rows, t)[0]["x0"] for t in ("町田市東京都", "相模原市相模原市", "CMJ東京都")]
    assert max(labels) - min(labels) < 0.1                               # the labels at one x
    last = _starting(rows, want[0])[0]["page_number"]
    page = [c for r in rows if r[0]["page_number"] == last for c in r]
    assert min(labels) >= min(c["x0"] for c in page) - 0.1               # never past the text margin
    # every line of the blocks at one x: after the label (町田市, 相模原市, CMJ) or 代表, or alone
    xs = [_x_of(rows, line, part) for line, part in (
        ("町田市東京都", "東京都"), ("代表町田市長", "町田市長"), ("相模原市相模原市", "相模原市中央区"),
        ("代表相模原市長", "相模原市長"), ("CMJ東京都", "東京都"), (NPO, NPO), ("代表理事長", "理事長"))]
    assert max(xs) - min(xs) < 0.1, xs
    npo = _starting(rows, NPO)
    npo_width = max(c["x1"] for c in npo if c["text"] != "印") - npo[0]["x0"]
    assert npo_width > 18 * npo[0]["size"]              # wider than the lines' column the house's indent leaves
    grid, texts = _docx_grid_and_texts(pdf.with_suffix(".docx"))
    assert len(grid) == 4
    bare = [t.strip("\u3000") for t in texts]                            # after a label's padding
    assert NPO in bare and "相模原市中央区中央２丁目11番15号" in bare, texts
    assert grid[2] / 20 >= npo_width + 2 * 1.0, (grid, npo_width)       # the name and the cell's padding


def _x_of(rows, line: str, part: str) -> float:
    """Where `part` begins in the row that begins with `line` (its last occurrence: after the label)."""
    glyphs = [c for c in _starting(rows, line) if c["text"].strip()]
    return glyphs["".join(c["text"] for c in glyphs).rindex(part)]["x0"]


def _docx_grid_and_texts(path) -> tuple[list[int], list[str]]:
    """The signature table's grid widths (twips) and every paragraph's text."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    tbl = [t for t in root.iter(W + "tbl") if "古橋" in "".join(x.text or "" for x in t.iter(W + "t"))][-1]
    grid = [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid")]
    texts = ["".join(e.text or "" for e in p.iter(W + "t")) for p in tbl.iter(W + "p")]
    return grid, texts


def _one_a_row(*blocks: str) -> m.Table:
    """A table of one block a row, as the agreement template makes it at the default
    indent (the space before, the label, the lines, the seal; no labels)."""
    def cell(text):
        return m.Cell([m.Paragraph([m.Text(line)], style="body") for line in text.split("|")])
    return m.Table([[cell(""), cell(""), cell(b), cell("")] for b in blocks], list(WIDTHS),
                   border="none", style="body", fit_blocks=True)


WIDTHS = [0.3, 0.06, 0.46, 0.18]


def _body():
    from jpdocs.fonts import registry as fonts
    from jpdocs.spec.style import load_style
    style = load_style()
    return fonts.register(style)[style.styles["body"].font], style.styles["body"].size


def test_one_a_row_takes_room_from_the_space_before_only_where_a_word_would_be_cut():
    """Lines that break at their spaces only (the title as the copy breaks it: 東大阪市教育
    委員会教育長職務代理者 / 教育次長　伊藤　頼保) keep the template's widths; a word wider
    than the lines' column (the NPO's name, 19.5 em and its 和欧間) takes what it needs
    from the space before, and the widest line that room holds whole with it, the label
    and seal columns as they were; a word wider than the two together changes nothing."""
    font, size = _body()
    spaced = _one_a_row("東大阪市荒本北50番の4|東大阪市教育委員会教育長職務代理者　教育次長　伊藤　頼保")
    assert fitted_blocks(spaced, 420, 1.0, font, size) == WIDTHS
    npo = _one_a_row("東京都調布市国領町３丁目４番地41|" + NPO + "|代表　理事長　古橋　大地",
                     "相模原市中央区中央２丁目11番15号|代表　相模原市長　加山　俊夫")
    fitted = fitted_blocks(npo, 420, 1.0, font, size)
    name = pdfmetrics.stringWidth(NPO, font, size) + size / 4         # with the 和欧間 after NPO
    assert name + 2 * 1.0 <= fitted[2] * 420 < name + 2 * 1.0 + 2         # the cell's padding, a point's slack
    assert fitted[0] < WIDTHS[0] and abs(fitted[0] + fitted[2] - 0.76) < 1e-9 and fitted[1::2] == WIDTHS[1::2]
    without = fitted_blocks(npo, 420, 1.0, font, size, gaps=False)     # a house without 和欧間: a quarter em less
    assert abs((fitted[2] - without[2]) * 420 - size / 4) < 1e-6
    too_long = _one_a_row("特定非営利活動法人クライシスマッパーズ・ジャパン東日本大震災復興支援事業部")
    assert fitted_blocks(too_long, 420, 1.0, font, size) == WIDTHS
