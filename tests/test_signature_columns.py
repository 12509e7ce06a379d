"""Two signature blocks a row sharing the measure (the agreement template's two-column
table, fit="blocks": writers/signature_columns.py). 芦屋市's covenant of 1961 sets
アメリカ合衆国カリフォルニヤ州 whole above Montebello's block beside 日本国兵庫県, and
the proxy's lines as the entry breaks them; the product's left column of about 13 em
cut the state before its last character (…カリフォルニヤ / 州) though the right
block's lines are short. Where a word would be cut, the lines' columns share their
room by what they hold; where none is, the widths are the template's.

The real case is built by the real command line (PDF and DOCX); the PDF is read back
glyph by glyph, the DOCX reopened (its grid, its paragraphs).
"""
from __future__ import annotations

import zipfile

from lxml import etree

from jpdocs import cli
from jpdocs.content import model as m
from jpdocs.writers.signature_columns import fitted_blocks

from conftest import ROOT, needs_poppler, no_space, real_case_variant
from test_notice_format import _lines, _rows

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "ashiya-montebello-1961.yaml"
TITLE = '"モンテベロ市長　スタンレー・ブィーガー\\n代理　姉妹都市提携委員長"'


def _build(spec, tmp_path, capsys):
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    return tmp_path / "out" / spec.stem / "agreement.pdf"


def _row(rows, text: str) -> list[dict]:
    return next(r for r in rows if no_space("".join(c["text"] for c in r)) == text)


def _x(row, char: str) -> float:
    return next(c["x0"] for c in row if c["text"] == char)


def _docx_grid_and_texts(path) -> tuple[list[int], list[str]]:
    """The signature table's grid widths (twips) and every paragraph's text, a w:br as \\n."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    tbl = [t for t in root.iter(W + "tbl") if "日本国兵庫県" in "".join(x.text or "" for x in t.iter(W + "t"))][-1]
    grid = [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid")]           # the innermost: the blocks' own
    texts = ["".join("\n" if e.tag == W + "br" else e.text or "" for e in p.iter(W + "t", W + "br"))
             for p in tbl.iter(W + "p")]
    return grid, texts


@needs_poppler
def test_the_real_ashiya_blocks_set_as_the_entry_sets_them(tmp_path, capsys):
    """芦屋市 1961: the state whole on the first line beside 日本国兵庫県, the proxy's lines
    as the entry breaks them (モンテベロ市長　スタンレー・ブィーガー / 代理　姉妹都市提携委員長)
    beside 芦屋市長 and 内　海　清; each block's lines at one x, the right block clear of
    the left's longest line by more than an em. The DOCX: the same grid (the left
    lines' column wider than the right's), the state one paragraph without a break."""
    pdf = _build(CASE, tmp_path, capsys)
    rows = _rows(pdf)
    lines = _lines(rows)
    at = lines.index("アメリカ合衆国カリフォルニヤ州日本国兵庫県")
    assert lines[at:at + 4] == ["アメリカ合衆国カリフォルニヤ州日本国兵庫県", "モンテベロ市長スタンレー・ブィーガー芦屋市長",
                                "代理姉妹都市提携委員長内海清", "イレーン・カーチナー"], lines[at:at + 5]
    state, proxy, second, name = (_row(rows, t) for t in lines[at:at + 4])
    size = state[0]["size"]
    assert len({round(r[0]["x0"], 1) for r in (state, proxy, second, name)}) == 1     # the left block's margin
    right = [_x(state, "日"), _x(proxy, "芦"), _x(second, "内")]
    assert max(right) - min(right) < 0.5                                              # the right block's
    longest = max(c["x1"] for c in proxy if c["x0"] < min(right))
    assert min(right) - longest > size                                                # a gutter between them
    grid, texts = _docx_grid_and_texts(pdf.with_suffix(".docx"))
    assert len(grid) == 6 and grid[1] > grid[4], grid
    assert "アメリカ合衆国カリフォルニヤ州" in texts
    assert "モンテベロ市長　スタンレー・ブィーガー\n代理　姉妹都市提携委員長" in texts


@needs_poppler
def test_a_title_too_long_for_both_the_state_whole_the_title_broken_at_its_spaces(tmp_path, capsys):
    """The proxy's title as one value (31 em, more than the two columns' room beside the
    right block): the left column gets what the state needs, so the state stays whole,
    and the title breaks at its spaces where the column ends, as before."""
    # Written beside a copy of its style in tmp_path, never into tests/data/real: other
    # tests copy that folder while this one runs (a file there for a moment failed CI).
    spec = real_case_variant(tmp_path, CASE.stem, "ashiya-city.yaml",
                             (TITLE, "モンテベロ市長　スタンレー・ブィーガー　代理　姉妹都市提携委員長"))
    pdf = _build(spec, tmp_path, capsys)
    lines = _lines(_rows(pdf))
    at = lines.index("アメリカ合衆国カリフォルニヤ州日本国兵庫県")
    assert lines[at + 1:at + 5] == ["モンテベロ市長芦屋市長", "スタンレー・ブィーガー代理内海清", "姉妹都市提携委員長",
                                    "イレーン・カーチナー"], lines[at:at + 6]


def _blocks_table(left: str, right: str) -> m.Table:
    """A table of two blocks a row, as the agreement template makes it (no labels)."""
    def cell(text):
        return m.Cell([m.Paragraph([m.Text(line)], style="body") for line in text.split("|")])
    return m.Table([[cell(""), cell(left), cell(""), cell(""), cell(right), cell("")]],
                   [0.035, 0.355, 0.11, 0.035, 0.355, 0.11], border="none", style="body", fit_blocks=True)


def test_the_templates_widths_where_no_word_is_cut_or_no_room_for_both():
    """Lines that break at their spaces only (an organisation before its title) keep
    the template's widths; so do two blocks whose longest words do not fit side by
    side, and a table not of two blocks."""
    from jpdocs.fonts import registry as fonts
    from jpdocs.spec.style import load_style
    style = load_style()
    font, size = fonts.register(style)[style.styles["body"].font], style.styles["body"].size
    widths = [0.035, 0.355, 0.11, 0.035, 0.355, 0.11]
    spaced = _blocks_table("北海道オホーツク総合振興局　地域創生部長　中島　和彦|中島　和彦", "網走市長|水谷　洋一")
    assert fitted_blocks(spaced, 450, 1.0, font, size) == widths
    both = _blocks_table("アメリカ合衆国カリフォルニヤ州モンテベロ市長", "グレートブリテン及び北アイルランド連合王国")
    assert fitted_blocks(both, 450, 1.0, font, size) == widths
    state = _blocks_table("アメリカ合衆国カリフォルニヤ州|モンテベロ市長", "日本国兵庫県|芦屋市長")
    fitted = fitted_blocks(state, 450, 1.0, font, size)
    assert fitted[1] > widths[1] and abs(fitted[1] + fitted[4] - 0.71) < 1e-9 and fitted[0::3] == widths[0::3]
    assert fitted[2] == fitted[5] == 0.11                                     # the seal columns where they were


# ---------------------------------------------------------------- three blocks a row
PRIMORYE = REAL / "tottori-shimane-primorye-1991.yaml"


@needs_poppler
def test_three_governors_side_by_side_as_the_page_sets_them(tmp_path, capsys):
    """agreement.signature_columns: 3 (鳥取県, 島根県 and ソ連邦沿海地方's 覚書, 1991): the
    three blocks in one row, each title with the body's whole name on one line and the name
    under it, the three at increasing x. Before, a house could say 1 or 2 only: the third
    governor stood alone under the first. ソ連邦沿海地方政府首席 (11 em) is wider than a third
    of the measure leaves it: the lines' columns share their room, so it stands whole, as
    on the page. The DOCX: one row of nine grid columns holding the three."""
    pdf = _build(PRIMORYE, tmp_path, capsys)
    rows = _rows(pdf)
    lines = _lines(rows)
    titles = "日本国鳥取県知事日本国島根県知事ソ連邦沿海地方政府首席"
    assert titles in lines, lines[-4:]
    at = lines.index(titles)
    assert lines[at + 1] == "西尾邑次澄田信義クズネツゾフB.C.", lines[at:at + 3]
    title_row, name_row = _row(rows, titles), _row(rows, lines[at + 1])
    glyphs = [c for c in title_row if c["text"].strip()]
    starts = [glyphs[0]["x0"], glyphs[8]["x0"], glyphs[16]["x0"]]          # 日本国鳥取県知事 | 日本国島根県知事 | ソ…
    assert [g["text"] for g in (glyphs[0], glyphs[8], glyphs[16])] == ["日", "日", "ソ"]
    assert starts == sorted(starts) and starts[1] - starts[0] > 8 * glyphs[0]["size"]
    for start, name in zip(starts, "西澄ク"):                                  # each name under its own title
        assert abs(_x(name_row, name) - start) < 1.0, (name, start)
    root = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    table = [t for t in root.iter(W + "tbl") if "沿海地方政府首席" in "".join(x.text or "" for x in t.iter(W + "t"))][-1]
    assert len(table.find(W + "tblGrid")) == 9
    row = next(tr for tr in table.iter(W + "tr") if "日本国鳥取県知事" in "".join(x.text or "" for x in tr.iter(W + "t")))
    text = "".join(x.text or "" for x in row.iter(W + "t"))
    assert text.index("日本国鳥取県知事") < text.index("日本国島根県知事") < text.index("ソ連邦沿海地方政府首席")


def test_three_a_row_share_the_lines_room_only_where_a_word_would_be_cut():
    """Nine columns (label, lines, seal, three times): the template's widths where every
    block's longest word fits its third; where one does not (ソ連邦沿海地方政府首席), the
    lines' columns share their room, their sum and the other columns unchanged."""
    from jpdocs.fonts import registry as fonts
    from jpdocs.spec.style import load_style
    style = load_style()
    font, size = fonts.register(style)[style.styles["body"].font], style.styles["body"].size

    def cell(text):
        return m.Cell([m.Paragraph([m.Text(line)], style="body") for line in text.split("|")])
    widths = [0.035, 0.2233, 0.075] * 3

    def table(*texts):
        return m.Table([[c for t in texts for c in (cell(""), cell(t), cell(""))]], list(widths),
                       border="none", style="body", fit_blocks=True)
    short = table("日本国鳥取県知事|西尾邑次", "日本国島根県知事|澄田信義", "沿海地方|首席")
    assert fitted_blocks(short, 450, 1.0, font, size) == widths
    long = table("日本国鳥取県知事|西尾邑次", "日本国島根県知事|澄田信義", "ソ連邦沿海地方政府首席|クズネツゾフ　B.C.")
    fitted = fitted_blocks(long, 450, 1.0, font, size)
    assert fitted[7] > widths[7] and fitted[1] < widths[1]
    assert abs(sum(fitted[1::3]) - sum(widths[1::3])) < 1e-9
    assert fitted[0::3] == widths[0::3] and fitted[2::3] == widths[2::3]


@needs_poppler
def test_both_blocks_lines_start_at_their_blocks_margin(tmp_path, capsys):
    """鳥取県・中央県 1997, two blocks side by side, one rule for both: every line of a
    block at the block's margin, the name after its title where the block has one (知事
    西尾邑次 under 日本国鳥取県) and alone where it has none (チェベクミディン　バトボルド
    under モンゴル国中央県, title: false), nothing indented; a proof-reader saw the left
    block's second line indented in a small render of the page, which the glyphs (and
    the DOCX's paragraphs, with no indent of their own) do not bear out."""
    pdf = _build(REAL / "tottori-tov-1997.yaml", tmp_path, capsys)
    rows = _rows(pdf)
    bodies, people = _row(rows, "日本国鳥取県モンゴル国中央県"), _row(rows, "知事西尾邑次チェベクミディンバトボルド")
    assert abs(_x(bodies, "日") - _x(people, "知")) < 0.1
    assert abs(_x(bodies, "モ") - _x(people, "チ")) < 0.1
    root = etree.fromstring(zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml"))
    tbl = [t for t in root.iter(W + "tbl") if "日本国鳥取県" in "".join(x.text or "" for x in t.iter(W + "t"))][-1]
    paragraphs = [p for p in tbl.iter(W + "p") if "".join(t.text or "" for t in p.iter(W + "t"))]
    assert len(paragraphs) == 4
    assert [p.find(f"{W}pPr/{W}ind") for p in paragraphs] == [None] * 4
