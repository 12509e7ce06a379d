"""Lines of an agreement's prose that are not paragraphs: a line in the middle of the page
(document.prose's {text: 記, align: center}, as an annex writes one), as 法務省 and 国税庁's 合意書 (2021) sets 記 between its
preamble and its numbered paragraphs; a section's heading at the margin ({heading: …}), as
慶應義塾大学大学院 and 国税庁's 覚書 (1996) heads its seven sections (１　プログラムの目的).
Before, each could only be a paragraph, one em in at the left, where no such text sets it. The real spec through the command line; the PDF read back by character
position (pdfplumber), the DOCX reopened (python-docx)."""
from __future__ import annotations

import re

import docx
import pdfplumber

from conftest import ROOT, run_generate

REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "moj-nta-touki-2021.yaml"


def test_the_centred_line_stands_in_the_middle_of_the_text_in_the_pdf_and_the_docx(tmp_path):
    assert "- {text: 記, align: center}" in CASE.read_text(encoding="utf-8")
    result = run_generate(CASE, "-o", tmp_path / "out", "--force")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / CASE.stem
    with pdfplumber.open(folder / "agreement.pdf") as pdf:
        page = pdf.pages[0]
        chars = page.chars
        lines: dict[int, list] = {}
        for c in chars:
            lines.setdefault(round(c["top"]), []).append(c)
        alone = [cs for cs in lines.values() if "".join(c["text"] for c in cs).strip() == "記"]
        assert len(alone) == 1, "no line of 記 alone"
        ki = alone[0][0]
        body = [cs for top, cs in lines.items() if top > round(chars[0]["top"]) + 20 and len(cs) > 30]
        text_left = min(cs[0]["x0"] for cs in body)          # the text's margins, from its full lines
        text_right = max(cs[-1]["x1"] for cs in body)
        middle = (ki["x0"] + ki["x1"]) / 2
        assert abs(middle - (text_left + text_right) / 2) < 6, (middle, text_left, text_right)
    paragraphs = [p for p in docx.Document(str(folder / "agreement.docx")).paragraphs if p.text == "記"]
    assert len(paragraphs) == 1
    assert paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


def test_a_list_under_a_centred_line_is_refused(tmp_path):
    # a list stands under the paragraph that leads it; 記 leads nothing
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "moj-nta-touki.yaml").write_text(
        (REAL / "styles" / "moj-nta-touki.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = CASE.read_text(encoding="utf-8")
    old = "      - {text: 記, align: center}"
    at = text.index(old)
    spec = tmp_path / CASE.name
    spec.write_text(text[:at] + old + "\n      - items: [一　甲は，報告を求めることができる。]" + text[at + len(old):],
                    encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    line = text[:at].count("\n") + 2
    assert f"{spec}:{line}: agreement.document.prose[2]: a list in the prose stands under the paragraph" in result.stderr, \
        result.stderr


KEIO = REAL / "keio-nta-1996.yaml"


def test_a_heading_stands_at_the_margin_kept_with_its_paragraph(tmp_path):
    assert "- heading: １　プログラムの目的" in KEIO.read_text(encoding="utf-8")
    result = run_generate(KEIO, "-o", tmp_path / "out", "--force")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / KEIO.stem
    with pdfplumber.open(folder / "agreement.pdf") as pdf:
        lines: dict[int, list] = {}
        for c in pdf.pages[0].chars:
            lines.setdefault(round(c["top"]), []).append(c)
    texts = {"".join(c["text"] for c in cs): cs[0]["x0"] for cs in lines.values()}
    heading = texts["１　プログラムの目的"]
    paragraph = next(x for t, x in texts.items() if t.startswith("主に開発途上国の"))
    continuation = next(x for t, x in texts.items() if t.startswith("の知識と能力を"))
    assert abs(heading - continuation) < 1            # at the margin, where a paragraph's later lines stand
    assert paragraph - heading > 8                     # the paragraph's first line one em in
    document = docx.Document(str(folder / "agreement.docx"))
    para = next(p for p in document.paragraphs if p.text == "１　プログラムの目的")
    assert not para.paragraph_format.first_line_indent
    assert para.paragraph_format.keep_with_next


def test_a_heading_that_heads_nothing_is_refused(tmp_path):
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "nta-keio.yaml").write_text(
        (REAL / "styles" / "nta-keio.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = KEIO.read_text(encoding="utf-8").rstrip("\n") + "\n      - heading: ８　その他\n"
    spec = tmp_path / KEIO.name
    spec.write_text(text, encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    line = text.rstrip("\n").count("\n") + 1
    assert f"{spec}:{line}: agreement.document.prose[16]: a heading in the prose leads the paragraphs" in result.stderr, \
        result.stderr


WASEDA = REAL / "waseda-nta-2009.yaml"


def test_the_last_heading_stays_with_its_paragraph_and_a_list_may_follow_a_heading(tmp_path):
    """早稲田大学大学院 and 国税庁's text (2009): its sixth heading fell at the foot of the first page,
    its paragraph kept with the signatures on the second; and its third section's items stand
    straight under their heading, which a list under a paragraph only refused."""
    spec_text = WASEDA.read_text(encoding="utf-8")
    assert "- heading: ３　国税庁実務研修を受講する留学生の選定\n      - items:" in spec_text
    result = run_generate(WASEDA, "-o", tmp_path / "out", "--force", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    with pdfplumber.open(tmp_path / "out" / WASEDA.stem / "agreement.pdf") as pdf:
        pages = [re.sub(r"[\s　]", "", p.extract_text() or "") for p in pdf.pages]
    heading = next(i for i, t in enumerate(pages) if "６情報交換" in t)
    assert "平成21年4月10日" in pages[heading]            # on the page of its paragraph and the signatures
    assert pages[heading].index("６情報交換") < pages[heading].index("大学院及び国税庁は、講義・研修")
