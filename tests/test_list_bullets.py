"""Bullets inside a point of a 記 item's list: an entry {text, bullets, then} prints its
text after its marker, each bullet a line at the entry's text margin after the house's
mark (notice.list_bullet, ・ by default), then the rest of its sentence on a line of its
own, as 調布市 sets its overview's first point (本協定に基づく情報共有は、 / • 子どもを… /
• 住民の… / の2種類の事件を対象としています。, `chofu-4cities-2016`). A house that sets
no mark (list_bullet: "", as 大阪府 lists its attendees under （３）出席者 in 2020,
`osaka-pref-suido-2020`) sets each bullet as written at that margin, its further lines
under its start.

Built from a variation of the seed by the real command line, the PDF read back line by
line (with where each line starts), the DOCX reopened (its paragraphs in order, their
indents); an entry without bullets prints as before; a point with no bullet, an
unknown key and a mark the house cannot use stop with file, line and key.
"""
from __future__ import annotations

import pytest
from docx import Document

from conftest import needs_poppler, no_space
from test_contact_forms import lines_of
from test_notice_format import build, check, has_error, variant

AGENDA = "    agenda: [出席者紹介, 協定書への署名, 記念撮影, 局長及び学長からの挨拶, 質疑応答（事務方対応）]\n"
POINTS = AGENDA + """  ki:
    - date
    - place
    - signatories
    - agenda
    - label: 連携の内容
      list:
        - text: 連携して取り組むのは、
          bullets: [スマート林業の推進, 地域公共交通の維持と発展]
          then: の二つの分野です。
        - 取組の進み具合は、毎年度確かめます。
"""


@needs_poppler
@pytest.mark.parametrize("mark", [None, "●", ""])
def test_the_bullets_a_line_each_at_the_point_s_text_margin(mark, tmp_path, capsys):
    """The point's text after （１）; each bullet under it, starting where that text
    starts, after the house's mark; the rest of the sentence under them at the same
    margin; the next entry after them as before. The DOCX's paragraphs in the same
    order, the bullets set in as the text."""
    style = None if mark is None else f"notice:\n  list_bullet: \"{mark}\"\n"
    path = variant(tmp_path, (AGENDA, POINTS), style=style)
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    mark = "・" if mark is None else mark        # "": no mark, each bullet as written
    lines = lines_of(pdf)
    texts = [text for text, _, _ in lines]
    at = texts.index("（１）連携して取り組むのは、")
    assert texts[at + 1:at + 5] == [f"{mark}スマート林業の推進", f"{mark}地域公共交通の維持と発展",
                                    "の二つの分野です。", "（２）取組の進み具合は、毎年度確かめます。"], texts[at:at + 5]
    with __import__("pdfplumber").open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
    text_start = next(c["x0"] for c in chars if c["text"] == "連" and any(
        abs(c["bottom"] - d["bottom"]) < 1 and d["text"] == "（" for d in chars))
    for line in texts[at + 1:at + 4]:
        assert abs(lines[texts.index(line)][1] - text_start) < 1, (line, lines[texts.index(line)][1], text_start)
    paras = [p for p in Document(str(pdf.with_suffix(".docx"))).paragraphs if p.text.strip()]
    ptexts = [no_space(p.text) for p in paras]
    i = ptexts.index("（１）連携して取り組むのは、")
    assert ptexts[i + 1:i + 5] == texts[at + 1:at + 5], ptexts[i:i + 5]


def test_a_point_without_a_bullet_is_refused(tmp_path, capsys):
    """bullets: [] would print the point as if it had none: an error at its line."""
    path = variant(tmp_path, (AGENDA, POINTS.replace("[スマート林業の推進, 地域公共交通の維持と発展]", "[]")))
    code, _, err = check(path, capsys)
    assert code == 1 and "press_notice.ki[4].list[0].bullets" in err, err
    assert f"{path}:{path.read_text(encoding='utf-8').splitlines().index('          bullets: []') + 1}:" in err, err


def test_an_unknown_key_in_a_point_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (AGENDA, POINTS.replace("          then:", "          than:")))
    code, _, err = check(path, capsys)
    assert code == 1 and has_error(err, path, "than:", "press_notice.ki[4].list[0].than", "unknown key 'than'; did you mean 'then'?"), err


def test_a_mark_the_house_cannot_use_is_refused(tmp_path, capsys):
    path = variant(tmp_path, (AGENDA, POINTS), style="notice:\n  list_bullet: \"-\"\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"{tmp_path / 'house.yaml'}:2: notice.list_bullet:" in err, err


LONG = "災害が起きたときに市内の避難所へ飲み水と給水のための資機材を運び、その後の応急給水の活動にも加わること"


@needs_poppler
def test_a_bullet_without_a_mark_keeps_its_further_lines_under_its_start(tmp_path, capsys):
    """list_bullet: "": a bullet too long for a line starts at the point's text margin
    and its next line starts there too (no hang after a mark that is not printed); the
    DOCX's paragraph set in as far, without a hanging first line."""
    path = variant(tmp_path, (AGENDA, POINTS.replace("スマート林業の推進", LONG)),
                   style="notice:\n  list_bullet: \"\"\n")
    code, _, err, pdf = build(path, tmp_path, capsys, formats="pdf,docx")
    assert code == 0, err
    lines = lines_of(pdf)
    texts = [text for text, _, _ in lines]
    at = texts.index("（１）連携して取り組むのは、")
    first, second = lines[at + 1], lines[at + 2]
    assert LONG.startswith(first[0]) and LONG == first[0] + second[0], texts[at:at + 4]
    assert abs(first[1] - second[1]) < 1, (first, second)
    paras = [p for p in Document(str(pdf.with_suffix(".docx"))).paragraphs if p.text.strip()]
    bullet = next(p for p in paras if no_space(p.text) == LONG)
    then = next(p for p in paras if no_space(p.text) == "の二つの分野です。")      # at the text margin

    def indents(p):
        own, of_style = p.paragraph_format, p.style.paragraph_format
        return tuple(getattr(own, k) if getattr(own, k) is not None else getattr(of_style, k)
                     for k in ("left_indent", "first_line_indent"))
    assert indents(bullet) == indents(then) and indents(bullet)[0], (indents(bullet), indents(then))
