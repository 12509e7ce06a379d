"""A notice's subject as its lines (press_notice.subject: [first, second]), broken where
the page breaks it, as an agreement's document.title is (株式会社ファミリーマートと宮城県が /
「地域活性化包括連携協定」を締結): each line centred as the title is, in the PDF and the
DOCX (one paragraph, a line break between); whole, without the break, wherever the title
is named rather than printed: the PDF's /Title and XMP dc:title, the tagged title's
words, the DOCX's core title. Built by the real command line; a list of one line refused
at its file and line."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from jpdocs import cli

from conftest import ROOT, needs_poppler
from test_notice_format import check, line_of, variant

REAL = ROOT / "tests" / "data" / "real"
FIRST, SECOND = "株式会社ファミリーマートと宮城県が", "「地域活性化包括連携協定」を締結"
WHOLE = FIRST + SECOND


def built(spec: Path, out: Path, capsys) -> Path:
    code = cli.main([str(spec), "-o", str(out), "--kinds", "press-notice", "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    return out / spec.stem / "press-notice.pdf"


def rows(page) -> list[list[dict]]:
    """The page's glyphs by line, left to right, spaces left out."""
    by_line: dict[int, list] = {}
    for c in page.chars:
        if not c["text"].isspace():
            by_line.setdefault(round(c["bottom"]), []).append(c)
    return [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(by_line.items())]


def centre(row: list[dict]) -> float:
    return (row[0]["x0"] + row[-1]["x1"]) / 2


@needs_poppler
def test_the_real_title_stands_on_two_centred_lines_and_is_named_whole(tmp_path, capsys):
    """familymart-miyagi-2010: the title's two lines, each whole and centred on the text's
    width (the centre of −　記　−, centred as the title is), one under the other; the
    PDF's /Title, its XMP and the tagged paragraph of the title hold it whole."""
    import pdfplumber
    from pypdf import PdfReader
    pdf = built(REAL / "familymart-miyagi-2010.yaml", tmp_path / "out", capsys)
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        lines = rows(page)
        texts = ["".join(c["text"] for c in row) for row in lines]
        assert FIRST in texts and SECOND in texts and WHOLE not in texts, texts
        first, second = lines[texts.index(FIRST)], lines[texts.index(SECOND)]
        ki = next(row for row, text in zip(lines, texts) if text in ("−記−", "-記-", "－記－"))
        assert texts.index(SECOND) == texts.index(FIRST) + 1
        for row in (first, second):
            assert abs(centre(row) - centre(ki)) < 1.0, (centre(row), centre(ki))
        assert first[0]["x0"] < second[0]["x0"]        # the longer first line: centred, not at one margin
        titles = [e for e in page.structure_tree[0]["children"]
                  if "".join(c["text"] for c in page.chars if c.get("mcid") in (e.get("mcids") or ())) == WHOLE]
        assert len(titles) == 1, [e["type"] for e in page.structure_tree[0]["children"]]
    reader = PdfReader(pdf)
    assert reader.metadata.title == WHOLE
    xmp = reader.trailer["/Root"]["/Metadata"].get_data().decode("utf-8")
    assert re.search(r"<dc:title>.*?>" + re.escape(WHOLE) + "<", xmp, re.S), xmp


def test_the_docx_sets_the_lines_in_one_centred_paragraph_and_names_it_whole(tmp_path, capsys):
    """The DOCX: the title one paragraph, centred, its two lines with a line break
    between (Word and LibreOffice break it there); the core title whole."""
    pdf = built(REAL / "familymart-miyagi-2010.yaml", tmp_path / "out", capsys)
    package = zipfile.ZipFile(pdf.with_suffix(".docx"))
    body = package.read("word/document.xml").decode()
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", body, re.S)
    title = next(p for p in paragraphs if FIRST in p)
    read = re.sub(r"<w:t[^>]*>([^<]*)</w:t>|<w:br/>|<[^>]+>",
                  lambda m: m.group(1) if m.group(1) is not None else "\n" if m.group(0) == "<w:br/>" else "", title)
    assert read == FIRST + "\n" + SECOND, read
    assert '<w:jc w:val="center"/>' in title
    core = package.read("docProps/core.xml").decode()
    assert f"<dc:title>{WHOLE}</dc:title>" in core, core


@needs_poppler
def test_with_the_subjects_label_the_second_line_starts_under_the_firsts_text(tmp_path, capsys):
    """The seed's house (項　目 before the subject): the subject's second line where its
    first line's text starts, past the label, not under the label."""
    import pdfplumber
    first, second = "北海道オホーツク総合振興局と北見工業大学との", "包括連携協定締結式について"
    path = variant(tmp_path, ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
                              f"  subject: [{first}, {second}]"))
    with pdfplumber.open(built(path, tmp_path / "out", capsys)) as doc:
        lines = rows(doc.pages[0])
    texts = ["".join(c["text"] for c in row) for row in lines]
    labelled = next(i for i, t in enumerate(texts) if t.endswith(first))
    assert texts[labelled] == "項目" + first and texts[labelled + 1] == second, texts
    start = lines[labelled][len("項目")]["x0"]
    assert abs(lines[labelled + 1][0]["x0"] - start) < 0.5, (lines[labelled + 1][0], start)


def test_a_subject_of_one_line_as_a_list_is_refused(tmp_path, capsys):
    """A list breaks the title: a list of one line says nothing a string would not, and is
    refused at its line, exit 1, no traceback."""
    path = variant(tmp_path, ("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について",
                              "  subject: [北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について]"))
    code, _, err = check(path, capsys)
    at = f"error: {path}:{line_of(path, '  subject: [')}: press_notice.subject: the subject is given as a list of one line"
    assert code == 1 and at in err and "Traceback" not in err, err
