"""A notice's head and 記 items as real releases set them (house-style keys added for
real cases whose pages the format could not say before):

- notice.ki_people_label: line — with inline labels, an item of people keeps its label
  on a line of its own over its groups (長崎国際大学 2016: 【出席者】 / ＜株式会社　長崎新聞社＞),
  the other items' text still after their labels.
- notice.office_place: date_line — the issuing office on the date's line, after it
  (東京都水道局 2014: 平成26年9月12日　水道局), in the notice and the release after the signing.
- notice.ki_digits and ki_marker_gap — the 記 items numbered in half-width digits, the
  label half an em after (大阪府 2021: 1 日時); agreement.item_gap: 0.5 the same for an
  agreement's items ((1) 認証した…, 国税庁 and JIIMA 2019).
- contacts.address_place: above — a contact's postal code and address over its
  department (東北町 2024: 〒039-2492　青森県… / 企画課（本庁舎） / Tel : …).
- parties.<id>.representative.note — a signer's note in （） on his line in the 締結者,
  after the name (秋田森林管理署 2018: 秋田森林管理署長　二村　信三（H30.4.1付け人事異動により…）).

Each real case is built by the real command line (PDF and DOCX); the PDF is read back
line by line as a reader sees it and the DOCX reopened; a key that cannot apply is
refused with file, line and key.
"""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from jpdocs import cli

from conftest import ROOT, needs_poppler, real_case_variant
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import SEED, check, variant

SEED_REQUEST = SEED[SEED.index("  press_request:\n"):SEED.index("  contacts:\n")]

REAL = ROOT / "tests" / "data" / "real"


def built(spec: Path, tmp_path: Path, capsys) -> Path:
    """SPEC's press notice, PDF and DOCX, built by the command line: the PDF's path."""
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx",
                     "--force"])
    assert code == 0, capsys.readouterr().err
    return tmp_path / "out" / spec.stem / "press-notice.pdf"


def texts(pdf: Path) -> list[str]:
    return [text for text, _, _ in lines_of(pdf)]


# ---------------------------------------------------- an item of people's label on its line

@needs_poppler
def test_the_attendees_label_on_its_line_over_its_groups_beside_inline_labels(tmp_path, capsys):
    """長崎国際大学: 【日時】 and 【場所】 run their text in after the label, 【出席者】 stands
    alone over its groups (notice.ki_people_label: line); without the key its first
    group ran in after it. The DOCX's paragraphs alike."""
    pdf = built(REAL / "niu-nagasaki-np-2016.yaml", tmp_path, capsys)
    lines = texts(pdf)
    at = lines.index("【出席者】")
    assert lines[at + 1:at + 3] == ["＜株式会社長崎新聞社＞", "才木邦夫様／代表取締役社長"], lines[at:]
    assert any(x.startswith("【日時】平成28年3月29日（火）") for x in lines), lines
    paragraphs = docx_paragraphs(pdf.with_suffix(".docx"))
    at = paragraphs.index("【出席者】")          # as the PDF prints it: no gap after it
    assert paragraphs[at + 1].replace("\u3000", "") == "＜株式会社長崎新聞社＞", paragraphs[at:]

    (tmp_path / "inline").mkdir()
    inline = real_case_variant(tmp_path / "inline", "niu-nagasaki-np-2016", "niu-topics.yaml")
    style = inline.parent / "styles" / "niu-topics.yaml"
    style.write_text(style.read_text(encoding="utf-8").replace("  ki_people_label: line", ""), encoding="utf-8")
    assert "【出席者】＜株式会社長崎新聞社＞" in texts(built(inline, tmp_path / "inline", capsys))


@needs_poppler
@pytest.mark.parametrize("case", ["niu-nagasaki-np-2016", "kanagawa-ryokan-2020", "rakuno-churaumi-2026",
                                  "namie-tohoku-2026", "sgu-uchiko-2019"])
def test_a_label_on_its_line_beside_inline_labels_ends_with_no_gap(case, tmp_path, capsys):
    """Beside inline labels (日時　… with the house's gap of spaces), a label that keeps its
    line (【出席者】 under ki_people_label: line, a long 連携協力する内容, a 次第) ends where
    the PDF's ink ends: no glyph of a space after it in the PDF's text, no space at the end
    of its DOCX paragraph (they carried '【出席者】　')."""
    import pdfplumber
    pdf = built(REAL / f"{case}.yaml", tmp_path, capsys)
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows: dict = {}
            for c in page.chars:
                rows.setdefault(round(c["top"]), []).append(c)
            ends = [max(row, key=lambda c: c["x0"])["text"] for row in rows.values()]
            assert not [e for e in ends if e.isspace()], ends
    paragraphs = docx_paragraphs(pdf.with_suffix(".docx"))
    assert [p for p in paragraphs if p != p.rstrip()] == []


@needs_poppler
def test_a_gap_that_prints_stays_after_a_label_on_its_line(tmp_path, capsys):
    """A gap that is a mark (：) is part of how the house writes every label, on its line
    too: 締結者： over the signers, PDF and DOCX alike."""
    path = variant(tmp_path, style="notice:\n  ki_label: inline\n  ki_label_gap: \"：\"\n"
                                   "  ki_people_label: line\n")
    pdf = built(path, tmp_path, capsys)
    lines = texts(pdf)
    at = lines.index("３締結者：")
    assert lines[at + 1] == "北海道オホーツク総合振興局長中島和彦", lines[at:]
    assert [p for p in docx_paragraphs(pdf.with_suffix(".docx")) if p.endswith("締結者：")], \
        docx_paragraphs(pdf.with_suffix(".docx"))


def test_the_people_labels_line_without_inline_labels_is_refused(tmp_path, capsys):
    """Every label on its own line already (ki_label: line): the key would have no effect."""
    path = variant(tmp_path, style="notice:\n  ki_people_label: line\n")
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:2: notice.ki_people_label: " in err, err
    assert "with every label on its own line it would have no effect" in err and "Traceback" not in err


# ------------------------------------------------------------ the office on the date's line

@needs_poppler
def test_the_date_of_issue_and_the_office_on_one_line(tmp_path, capsys):
    """東京都水道局: 平成26年9月12日　水道局 as the page heads it (notice.office_place:
    date_line), no line of the office's own; the DOCX's paragraph alike."""
    pdf = built(REAL / "tokyo-water-ibaraki-2014.yaml", tmp_path, capsys)
    lines = texts(pdf)
    assert "平成26年９月12日水道局" in lines and "水道局" not in lines, lines[:4]
    paragraphs = [p.strip() for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert "平成26年９月12日\u3000水道局" in paragraphs, paragraphs[:4]


@needs_poppler
def test_the_office_on_the_date_line_of_the_release_after_the_signing_too(tmp_path, capsys):
    """The seed's notice and its release after the signing: each date line ends with the
    bureau, which has no line of its own; the suffix (配布) stays with the date."""
    path = variant(tmp_path, ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n"
                                                "    opening: [本日、締結しました。]\n  closing_ijo:"),
                   style="notice:\n  office_place: date_line\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    folder = tmp_path / "out" / path.stem
    notice = texts(folder / "press-notice.pdf")
    assert "令和６年（2024年）２月16日（金）配布北海道オホーツク総合振興局" in notice, notice[:4]
    assert "北海道オホーツク総合振興局" not in notice
    after = texts(folder / "press-notice-after.pdf")
    assert any(x.startswith("令和６年（2024年）２月27日") and x.endswith("北海道オホーツク総合振興局")
               for x in after), after[:4]
    assert "北海道オホーツク総合振興局" not in after


@pytest.mark.parametrize("house, where", [
    ("notice:\n  date_place: before_title\n  office_place: date_line\n", "date_place: before_title"),
    ("notice:\n  head_form: label_table\n  office_place: date_line\n", "head_form: label_table"),
])
def test_the_office_on_a_date_line_that_is_not_there_is_refused(house, where, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:3: notice.office_place: " in err, err
    assert f"with {where} the date has no line of its own: it would have no effect" in err


# ------------------------------------------------- half-width numbers, a half-width gap

def glyphs(pdf: Path, page: int = 0) -> list[dict]:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return list(doc.pages[page].chars)


def after(chars: list[dict], text: str) -> tuple[dict, dict]:
    """The glyphs of TEXT's last character and of the one after it, where TEXT first
    stands in reading order."""
    joined = "".join(c["text"] for c in chars)
    at = joined.index(text) + len(text) - 1
    return chars[at], chars[at + 1]


@needs_poppler
def test_the_ki_items_numbered_half_width_the_label_half_an_em_after(tmp_path, capsys):
    """大阪府: 1 日時, 2 場所 … (notice.ki_digits: half, ki_marker_gap: 0.5): the digit half
    an em wide, the label starting half an em past it, the text under it where the label
    starts; the DOCX's items hang one em, a tab after the marker. Without the keys the
    house's １　日時 (a full-width digit, the label two em in)."""
    pdf = built(REAL / "osaka-yomiuri-2021.yaml", tmp_path, capsys)
    chars = glyphs(pdf)
    size = chars[0]["size"]
    for number, label in (("1", "日"), ("2", "場"), ("5", "そ")):
        digit, first = next((c, d) for c, d in zip(chars, chars[1:]) if c["text"] == number and d["text"] == label)
        assert abs(digit["x1"] - digit["x0"] - size / 2) < 0.3, (number, digit)
        assert abs(first["x0"] - digit["x1"] - size / 2) < 0.3, (number, first["x0"] - digit["x1"])
    digit, first = next((c, d) for c, d in zip(chars, chars[1:]) if c["text"] == "1" and d["text"] == "日")
    text = next(c for c in chars if c["text"] == "令" and c["top"] > digit["top"] + 5)
    assert abs(text["x0"] - (first["x0"] + size)) < 0.3           # the text one em in under the label
    styles = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/styles.xml").decode()
    document = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/document.xml").decode()
    item = re.search(r'<w:pStyle w:val="([^"]+)"/>(?:(?!</w:p>).)*<w:t>1</w:t><w:tab/></w:r><w:r><w:t>日時</w:t>',
                     document)
    assert item, document[:3000]                  # the digit, a tab, the label
    defined = re.search(rf'w:styleId="{item.group(1)}".*?</w:style>', styles, re.S).group(0)
    assert 'w:left="210"' in defined and 'w:hanging="210"' in defined, defined       # one em: 1 日時

    (tmp_path / "house").mkdir()
    plain = real_case_variant(tmp_path / "house", "osaka-yomiuri-2021", "osaka-pref.yaml")
    style = plain.parent / "styles" / "osaka-pref.yaml"
    style.write_text(re.sub(r"  ki_(digits|marker_gap): .*\n", "", style.read_text(encoding="utf-8")),
                     encoding="utf-8")
    chars = glyphs(built(plain, tmp_path / "house", capsys))
    digit, first = next((c, d) for c, d in zip(chars, chars[1:]) if c["text"] == "１" and d["text"] == "日")
    assert abs(first["x0"] - digit["x0"] - 2 * size) < 0.3


@needs_poppler
def test_an_agreements_half_width_items_text_half_an_em_after(tmp_path, capsys):
    """国税庁 and JIIMA: (1) 認証した… (agreement.item_gap: 0.5 beside item_digits: half): the
    text half an em past the marker, two em from its start, where the house set it 3.5 em in."""
    spec = REAL / "nta-jiima-2019.yaml"
    code = cli.main([str(spec), "-o", str(tmp_path / "out"), "--format", "pdf,docx", "--force"])
    assert code == 0, capsys.readouterr().err
    pdf = tmp_path / "out" / spec.stem / "agreement.pdf"
    chars = glyphs(pdf)
    for number, first in (("1", "認"), ("2", "認"), ("3", "認")):
        at = next(i for i, c in enumerate(chars[:-3]) if [x["text"] for x in chars[i:i + 4]] == ["(", number, ")", first])
        bracket, closing, text = chars[at], chars[at + 2], chars[at + 3]
        assert abs(text["x0"] - closing["x1"] - bracket["size"] / 2) < 0.3, number
        assert abs(text["x0"] - bracket["x0"] - 2 * bracket["size"]) < 0.3, number
    numbering = zipfile.ZipFile(pdf.with_suffix(".docx")).read("word/numbering.xml").decode()
    assert re.search(r'lvlText w:val="\(%3\)"/>.*?w:hanging="420"', numbering, re.S)


@pytest.mark.parametrize("house, line, key, message", [
    ("notice:\n  ki_marker: ◯\n  ki_digits: half\n", 3, "notice.ki_digits",
     "the 記 items' marker \"◯\" has no number (notice.ki_marker): ki_digits would have no effect"),
    ("notice:\n  ki_label: inline\n  ki_marker_gap: 0.5\n", 3, "notice.ki_marker_gap",
     "the labels are inline (ki_label: inline), each marker and label one run: ki_marker_gap would have no effect"),
    ("notice:\n  ki_marker: \"\"\n  ki_marker_gap: 0.5\n", 3, "notice.ki_marker_gap",
     "the 記 items have no marker (ki_marker: \"\"): ki_marker_gap would have no effect"),
    ("notice:\n  ki_marker_gap: -1\n", 2, "notice.ki_marker_gap", "ki_marker_gap is -1 em: write a gap from 0 to 10 em"),
])
def test_a_ki_number_form_that_cannot_apply_is_refused(house, line, key, message, tmp_path, capsys):
    path = variant(tmp_path, style=house)
    code, _, err = check(path, capsys)
    assert code == 1 and f"error: {tmp_path / 'house.yaml'}:{line}: {key}: {message}" in err, err
    assert "Traceback" not in err


# ------------------------------------------------------- the address above the department

@needs_poppler
def test_the_contacts_address_above_its_department_in_the_pages_order(tmp_path, capsys):
    """東北町: 連絡先 / 〒039-2492　青森県… / 企画課（本庁舎） / Tel : … (contacts.address_place:
    above), the address at the department's margin, the numbers set in under them; the
    DOCX's paragraphs in the same order. Without the key the department came first."""
    pdf = built(REAL / "tohoku-aomorichuo-2024.yaml", tmp_path, capsys)
    rows = lines_of(pdf)
    lines = [text for text, _, _ in rows]
    at = lines.index("連絡先")
    assert lines[at + 1:at + 4] == ["〒039-2492青森県上北郡東北町上北南四丁目32-484", "企画課（本庁舎）",
                                    "Tel:0176-56-4082（直通）Fax:0176-56-3110"], lines[at:]
    address, department, phone = rows[at + 1], rows[at + 2], rows[at + 3]
    assert abs(address[1] - department[1]) < 0.5 and phone[1] > department[1] + 5
    paragraphs = [p.strip() for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    postal = next(i for i, p in enumerate(paragraphs) if p.startswith("〒039-2492"))
    assert paragraphs[postal + 1] == "企画課（本庁舎）", paragraphs[postal - 1:postal + 3]

    (tmp_path / "house").mkdir()
    plain = real_case_variant(tmp_path / "house", "tohoku-aomorichuo-2024", "tohoku-town.yaml")
    shutil.copytree(REAL / "photos", tmp_path / "house" / "photos")          # the photos' stand-in
    style = plain.parent / "styles" / "tohoku-town.yaml"
    style.write_text(re.sub(r"  address_place: .*\n", "", style.read_text(encoding="utf-8")), encoding="utf-8")
    lines = texts(built(plain, tmp_path / "house", capsys))
    at = lines.index("連絡先")
    assert lines[at + 1] == "企画課（本庁舎）" and lines[at + 2].startswith("〒039-2492"), lines[at:]


_REQUEST = "      phone_kind: 直通\n  contacts:"
_REQUEST_ADDRESS = "      phone_kind: 直通\n      postal_code: 093-8585\n      address: 網走市北７条西３丁目\n  contacts:"
_ONE_LINE = "    - role: 担当窓口\n      department: オホーツク総合振興局地域創生部\n      phone: 0152-41-0618\n"
_SEED_CONTACT = ("    - role: 担当窓口\n      department: オホーツク総合振興局地域創生部\n      title: 地域政策課長\n"
                 "      name: 杉村　勝彦\n      phone: 0152-41-0618\n      phone_kind: 直通\n")


@needs_poppler
@pytest.mark.parametrize("place", ["top", "foot_line", "head_table"])
def test_the_address_above_reaches_the_requests_box_beside_contacts_on_one_line(place, tmp_path, capsys):
    """A house that sets each contact on one line or a row (notice.contacts_at: top,
    foot_line, head_table) still sets the press request's contact in its box at the foot,
    and address_place: above acts there: its address over its department, at the
    department's margin; the DOCX's paragraphs in the same order. Without the key the
    department came first."""
    def request_lines(house: str, name: str) -> tuple[list[str], list[str]]:
        path = variant(tmp_path, (_REQUEST, _REQUEST_ADDRESS), (_SEED_CONTACT, _ONE_LINE), style=house, name=name)
        code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
        assert code == 0, capsys.readouterr().err
        out = tmp_path / "out" / path.stem
        lines = [t.removeprefix("報道に当たってのお願い") for t, _, _ in lines_of(out / "press-notice.pdf")]
        paragraphs = [p.strip() for p in docx_paragraphs(out / "press-notice.docx")]
        return lines, paragraphs

    department = "オホーツク総合振興局地域創生部地域政策課地域振興係担当：道下"
    house = f"notice:\n  contacts_at: {place}\n"
    lines, paragraphs = request_lines(house + "contacts:\n  address_place: above\n", "above.yaml")
    at = lines.index("〒093-8585網走市北７条西３丁目")
    assert lines[at + 1] == department, lines[at - 1:]
    at = paragraphs.index("〒093-8585　網走市北７条西３丁目")
    assert paragraphs[at + 1] == "オホーツク総合振興局地域創生部地域政策課地域振興係　担当：道下", paragraphs[at - 1:]
    lines, _ = request_lines(house, "under.yaml")
    assert lines.index(department) < lines.index("〒093-8585網走市北７条西３丁目"), lines


@pytest.mark.parametrize("place", ["top", "foot_line", "head_table"])
def test_the_address_above_where_no_contact_has_a_box_is_refused(place, tmp_path, capsys):
    """Without a press request's contact, no contact of the notice has a box: the key
    would have no effect, and is refused at the spec's style: naming why; nothing built."""
    path = variant(tmp_path, (SEED_REQUEST, ""), (_SEED_CONTACT, _ONE_LINE),
                   style=f"notice:\n  contacts_at: {place}\ncontacts:\n  address_place: above\n")
    code, _, err = check(path, capsys)
    assert code == 1 and "Traceback" not in err
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("style:"))
    assert (f"error: {path}:{line}: style: the house sets a contact's address above its department"
            f" (contacts.address_place: above) and each contact on one line or a row (notice.contacts_at: {place}),"
            " where no address stands: only the press request's contact keeps a box with an address, and this notice"
            " has no press request with a contact (press_notice.press_request.contact): it would have no effect") in err, err
    assert cli.main([str(path), "-o", str(tmp_path / "out")]) == 1
    capsys.readouterr()
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


# ------------------------------------------------------------ a signer's note on his line

@needs_poppler
def test_a_signers_note_on_his_line_after_the_name(tmp_path, capsys):
    """秋田森林管理署: the head's change since in （） after his name on his line of the
    締結者 (representative.note), not a line of its own under the list; the DOCX alike."""
    pdf = built(REAL / "akita-yuyu-2018.yaml", tmp_path, capsys)
    lines = texts(pdf)
    assert "秋田森林管理署長二村信三（H30.4.1付け人事異動により池田秀明に変更）" in lines, lines
    assert not any(x.startswith("（H30.4.1") for x in lines)
    paragraphs = [p.strip() for p in docx_paragraphs(pdf.with_suffix(".docx"))]
    assert "秋田森林管理署長\u3000二村\u3000信三（H30.4.1付け人事異動により池田秀明に変更）" in paragraphs, paragraphs


NOTE = ("      name: 中島　和彦\n", "      name: 中島　和彦\n      note: 予定\n")
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-27\n    opening: [本日、締結しました。]\n  closing_ijo:")


@needs_poppler
def test_a_signers_note_in_the_notice_and_the_release_after_the_signing(tmp_path, capsys):
    """The seed's 締結者 in columns (title | name): the note after the name in its cell,
    in the notice and in the release after the signing; the agreement prints no note."""
    path = variant(tmp_path, NOTE, AFTER)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after,agreement",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    folder = tmp_path / "out" / path.stem
    for kind in ("press-notice", "press-notice-after"):
        assert any(x.endswith("北海道オホーツク総合振興局長中島和彦（予定）") for x in texts(folder / f"{kind}.pdf")), kind
        assert any(p.endswith("中島　和彦（予定）") for p in docx_paragraphs(folder / f"{kind}.docx")), kind
    assert not any("予定" in x for x in texts(folder / "agreement.pdf"))


@pytest.mark.parametrize("pairs, message", [
    ((NOTE, ("    representative:\n      title: 北海道オホーツク総合振興局長\n",
             "    signatory: {title: 北海道オホーツク総合振興局副局長, name: 北見　太郎}\n"
             "    representative:\n      title: 北海道オホーツク総合振興局長\n")),
     "this person does not sign for the party (its signatory: does): it would have no effect"),
    ((NOTE, ("  closing_ijo:", "  ki: [date, place]\n  closing_ijo:")),
     "no notice of this spec lists the party's signer (a 締結者 item, or the release after the signing)"),
])
def test_a_signers_note_that_would_print_nowhere_is_refused(pairs, message, tmp_path, capsys):
    path = variant(tmp_path, *pairs)
    code, _, err = check(path, capsys)
    line = next(i for i, x in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "note: 予定" in x)
    assert code == 1 and f"error: {path}:{line}: parties.bureau.representative.note: " in err, err
    assert message in err and "Traceback" not in err
