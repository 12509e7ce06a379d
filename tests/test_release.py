"""The release as one file (release.pdf), the release after the signing, and the
layout defects seen on real notices — each through the real command line, the
PDFs read back."""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from pypdf import PdfReader, PdfWriter

from conftest import ROOT, SEED_SPEC, SOFFICE, needs_poppler, no_space, pdf_text, run_generate

FONTS = ROOT / "fonts"


# ---------------------------------------------------------------- helpers
def seed_data() -> dict:
    return yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))


def write_spec(folder: Path, data: dict, name="release.yaml") -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(spec: Path, out: Path, *args) -> Path:
    result = run_generate(spec, "-o", out, *args)
    assert result.returncode == 0, result.stderr
    return out / spec.stem


def external_pdf(path: Path, label: str, landscape_page: bool = True, rotate: int = 0) -> Path:
    """A one-page PDF as an office's map or flyer would be: drawn by reportlab, its
    text in an embedded subset of BIZ UD Gothic (so that jpcheck has nothing to say)."""
    from reportlab.lib.pagesizes import A4, A5, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    pdfmetrics.registerFont(TTFont("TestGothic", str(FONTS / "BIZUDGothic-Regular.ttf")))
    size = landscape(A4) if landscape_page else A5
    c = Canvas(str(path), pagesize=size, invariant=1, initialFontName="TestGothic")
    c.rect(40, 40, size[0] - 80, size[1] - 80)
    c.setFont("TestGothic", 20)
    c.drawString(60, size[1] - 90, label)
    c.bookmarkPage("p1")
    c.addOutlineEntry(f"{label}（原本の栞）", "p1", 0)
    c.showPage()
    c.save()
    if rotate:
        w = PdfWriter(clone_from=str(path))
        w.pages[0].rotate(rotate)
        w.write(str(path))
    return path


def release_spec(tmp_path: Path, attachments: list) -> Path:
    data = seed_data()
    data["press_notice"]["attachments"] = attachments
    return write_spec(tmp_path, data)


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks (title, page)."""
    return [(o.title, reader.get_destination_page_number(o)) for o in reader.outline if not isinstance(o, list)]


def page_shape(page) -> tuple[int, int, int]:
    box = page.mediabox
    return round(float(box.width)), round(float(box.height)), int(page.get("/Rotate", 0) or 0)


def jpcheck():
    path = ROOT.parent / "shared" / "tools" / "jpcheck.py"
    if not path.is_file():
        pytest.skip("../shared/tools/jpcheck.py not present")
    sys.path.insert(0, str(path.parent))
    import jpcheck as module
    return module


# ---------------------------------------------------------------- release.pdf
@needs_poppler
def test_release_is_the_notice_then_its_attachments_in_list_order(tmp_path):
    external_pdf(tmp_path / "map.pdf", "会場案内図のページ")
    external_pdf(tmp_path / "flyer.pdf", "チラシのページ", landscape_page=False, rotate=90)
    spec = release_spec(tmp_path, [{"title": "会場案内図", "file": "map.pdf"},
                                   {"title": "連携協定の概要", "document": "overview"},
                                   "当日の配席図",
                                   {"title": "イベントのチラシ", "file": "flyer.pdf"}])
    out = build(spec, tmp_path / "out")
    reader = PdfReader(out / "release.pdf")
    # notice (A4 portrait), map (A4 landscape), overview (A4 landscape, by our writer), flyer (A5, /Rotate 90)
    assert [page_shape(p) for p in reader.pages] == [(595, 842, 0), (842, 595, 0), (842, 595, 0), (420, 595, 90)]
    assert outline(reader) == [("北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について", 0),
                               ("会場案内図", 1), ("連携協定の概要", 2), ("イベントのチラシ", 3)]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    # a file's own bookmarks are kept, under its entry
    nested = reader.outline[2]
    assert isinstance(nested, list) and [(o.title, reader.get_destination_page_number(o)) for o in nested] == \
        [("会場案内図のページ（原本の栞）", 1)]
    texts = [no_space(p.extract_text() or "") for p in reader.pages]
    assert "会場案内図のページ" in texts[1] and "チラシのページ" in texts[3]
    # the notice's and the sheet's pages are those of the separate files
    assert no_space(pdf_text(out / "press-notice.pdf")) in no_space(
        subprocess.run(["pdftotext", "-raw", "-f", "1", "-l", "1", str(out / "release.pdf"), "-"],
                       capture_output=True, text=True, check=True).stdout)
    sheet = subprocess.run(["pdftotext", "-raw", "-f", "3", "-l", "3", str(out / "release.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert no_space(sheet) == no_space(pdf_text(out / "overview.pdf"))
    # 配付資料 lists every title, the plain one too, in order
    assert "配付資料会場案内図、連携協定の概要、当日の配席図、イベントのチラシ" in no_space(pdf_text(out / "press-notice.pdf"))
    # the separate files stay
    assert {"press-notice.pdf", "overview.pdf", "press-notice.docx", "overview.docx"} <= {p.name for p in out.iterdir()}
    meta = reader.metadata
    assert meta.title == "北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"


@needs_poppler
def test_our_pages_are_one_document_not_a_merge(tmp_path):
    """The notice and the overview sheet share their font subsets: a merge of the two
    files would carry each font subset twice, under the same name."""
    out = build(SEED_SPEC, tmp_path)
    rows = subprocess.run(["pdffonts", str(out / "release.pdf")], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    names = [r.split()[0] for r in rows]
    assert names and len(names) == len(set(names)), names
    reader = PdfReader(out / "release.pdf")
    assert [page_shape(p) for p in reader.pages] == [(595, 842, 0), (842, 595, 0)]
    assert outline(reader)[1] == ("連携協定の概要", 1)


def test_release_is_byte_identical_on_rebuild(tmp_path):
    external_pdf(tmp_path / "map.pdf", "会場案内図")
    spec = release_spec(tmp_path, [{"title": "連携協定の概要", "document": "overview"},
                                   {"title": "会場案内図", "file": "map.pdf"}])
    a, b = (hashlib.sha256((build(spec, tmp_path / n, "--format", "pdf") / "release.pdf").read_bytes()).hexdigest()
            for n in ("1", "2"))
    assert a == b
    ids = PdfReader(tmp_path / "1" / "release" / "release.pdf").trailer["/ID"]
    assert ids[0] != b"\0" * 16


def test_kinds_release_writes_the_release_alone(tmp_path):
    out = build(SEED_SPEC, tmp_path, "--kinds", "release")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["release.pdf"]
    assert len(PdfReader(out / "release.pdf").pages) == 2


def test_no_release_without_an_attachment_that_has_pages(tmp_path):
    spec = release_spec(tmp_path, ["連携協定の概要"])
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "out" / "release" / "release.pdf").exists()
    # the plain title is printed in 配付資料 only, and the build says so
    assert "press_notice.attachments[0]" in result.stdout and "document: overview" in result.stdout


@pytest.mark.parametrize("make, why", [
    (None, "not found"),
    (lambda p: p.write_bytes(b"just some text, not a PDF\n"), "not a PDF"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage"), "damaged"),
    ("encrypted", "encrypted"),
])
def test_a_bad_attachment_file_is_an_error_naming_key_and_line(tmp_path, make, why):
    path = tmp_path / "map.pdf"
    if make == "encrypted":
        external_pdf(path, "会場案内図")
        w = PdfWriter(clone_from=str(path))
        w.encrypt("secret")
        w.write(str(path))
    elif make is not None:
        make(path)
    spec = release_spec(tmp_path, [{"title": "連携協定の概要", "document": "overview"},
                                   {"title": "会場案内図", "file": "map.pdf"}])
    line = next(i for i, l in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "map.pdf" in l)
    for command in (["check", spec], [spec, "-o", tmp_path / "out"]):
        result = run_generate(*command)
        assert result.returncode == 1, result.stdout
        assert f"{spec}:{line}: press_notice.attachments[1].file:" in result.stderr, result.stderr
        assert why in result.stderr
    assert not (tmp_path / "out" / "release").exists()


def test_attaching_an_overview_the_spec_does_not_make_is_an_error(tmp_path):
    data = seed_data()
    data["agreement"].pop("areas")
    spec = write_spec(tmp_path, data)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "press_notice.attachments[0].document:" in result.stderr and "agreement.areas" in result.stderr


def test_a_changed_attachment_file_rebuilds_the_release(tmp_path):
    map_pdf = external_pdf(tmp_path / "map.pdf", "旧い案内図")
    spec = release_spec(tmp_path, [{"title": "会場案内図", "file": "map.pdf"}])
    out = build(spec, tmp_path / "out", "--format", "pdf")
    before = (out / "release.pdf").read_bytes()
    external_pdf(map_pdf, "新しい案内図")
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert "unchanged 0" in result.stdout, result.stdout
    assert (out / "release.pdf").read_bytes() != before
    assert "新しい案内図" in no_space(PdfReader(out / "release.pdf").pages[1].extract_text())


# ---------------------------------------------------------------- after the signing
def after_spec(tmp_path: Path, **after) -> Path:
    data = seed_data()
    data["press_notice"]["after"] = {"issue_date": "2024-02-27",
                                     "opening": ["本日、北海道オホーツク総合振興局と北見工業大学は、包括連携協定を締結しました。"],
                                     **after}
    return write_spec(tmp_path, data, "after.yaml")


@needs_poppler
def test_the_release_after_the_signing(tmp_path):
    out = build(after_spec(tmp_path), tmp_path / "out")
    text = no_space(pdf_text(out / "press-notice-after.pdf"))
    assert text.startswith("報道機関各位令和６年（2024年）２月27日（火）配布北海道オホーツク総合振興局")
    assert "北海道オホーツク総合振興局と北見工業大学との包括連携協定を締結しました" in text
    assert "配付資料連携協定の概要" in text
    assert "内容本日、北海道オホーツク総合振興局と北見工業大学は、包括連携協定を締結しました。" in text
    assert "１締結日令和６年（2024年）２月27日（火）" in text
    assert "２締結者北海道オホーツク総合振興局長中島和彦北見工業大学学長鈴木聡一郎様" in text
    assert "担当窓口オホーツク総合振興局地域創生部地域政策課長杉村勝彦直通0152-41-0618" in text
    # nothing of the invitation: no request, no time, no venue, no agenda
    for absent in ("報道に当たってのお願い", "11時00分", "オホーツク合同庁舎", "次第", "執り行います"):
        assert absent not in text, absent
    reader = PdfReader(out / "release-after.pdf")
    assert [page_shape(p) for p in reader.pages] == [(595, 842, 0), (842, 595, 0)]
    assert outline(reader) == [("北海道オホーツク総合振興局と北見工業大学との包括連携協定を締結しました", 0),
                               ("連携協定の概要", 1)]
    docx_text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>",
                                   zipfile.ZipFile(out / "press-notice-after.docx").read("word/document.xml").decode()))
    assert "包括連携協定を締結しました" in docx_text and "締結日" in docx_text
    # the invitation is still made as before
    assert (out / "press-notice.pdf").is_file() and (out / "release.pdf").is_file()
    # and only a spec that asks gets the release after the signing
    seed = build(SEED_SPEC, tmp_path / "seed")
    assert not any(p.name.startswith(("press-notice-after", "release-after")) for p in seed.iterdir())


@needs_poppler
def test_the_release_after_takes_its_own_subject_items_and_contacts(tmp_path):
    spec = after_spec(tmp_path, subject="北見工業大学と包括連携協定を締結しました", contacts=[], attachments=[],
                      extra_items=[{"label": "場所", "text": ["オホーツク合同庁舎"]}])
    out = build(spec, tmp_path / "out")
    text = no_space(pdf_text(out / "press-notice-after.pdf"))
    assert "項目北見工業大学と包括連携協定を締結しました内容" in text
    assert "３場所オホーツク合同庁舎" in text
    assert "担当窓口" not in text and "配付資料" not in text
    assert not (out / "release-after.pdf").exists()      # nothing attached: the notice alone


def test_the_release_after_needs_the_agreement(tmp_path):
    data = yaml.safe_load(after_spec(tmp_path).read_text(encoding="utf-8"))
    data.pop("agreement")
    data["press_notice"]["attachments"] = []
    spec = write_spec(tmp_path, data, "no-agreement.yaml")
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert "press_notice.after: the release after the signing reports the agreement signed" in result.stderr, \
        result.stderr


def test_new_pdfs_pass_jpcheck(tmp_path):
    checker = jpcheck()
    external_pdf(tmp_path / "map.pdf", "会場案内図")
    data = yaml.safe_load(after_spec(tmp_path).read_text(encoding="utf-8"))
    data["press_notice"]["attachments"].append({"title": "会場案内図", "file": "map.pdf"})
    out = build(write_spec(tmp_path, data, "all.yaml"), tmp_path / "out", "--format", "pdf")
    for name in ("release.pdf", "press-notice-after.pdf", "release-after.pdf"):
        found = checker.check(str(out / name))
        assert found["violations"] == [], (name, found["violations"])


# ---------------------------------------------------------------- layout defects
def lines_of(pdf: Path, page: int = 0) -> list[tuple[float, str, list]]:
    """(top, text, chars) of each printed line, top to bottom, left to right."""
    with pdfplumber.open(pdf) as doc:
        chars = [c for c in doc.pages[page].chars if c["text"].strip()]
    rows: dict[float, list] = {}
    for c in chars:
        key = next((k for k in rows if abs(k - c["top"]) < 2), c["top"])
        rows.setdefault(key, []).append(c)
    return [(top, "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])), sorted(cs, key=lambda c: c["x0"]))
            for top, cs in sorted(rows.items())]


def test_label_cells_do_not_wrap_inside_a_word(tmp_path):
    """報道に当たってのお願い and 問い合わせ先 each on one line (the seed printed 報道に当 /
    たってのお / 願い); the DOCX gets the same column."""
    data = seed_data()
    data["press_notice"]["contacts"][0]["role"] = "問い合わせ先"
    out = build(write_spec(tmp_path, data), tmp_path / "out")
    printed = [text for _, text, _ in lines_of(out / "press-notice.pdf")]
    for label in ("報道に当たってのお願い", "問い合わせ先"):
        assert any(label in line for line in printed), (label, printed[-8:])
    # in the DOCX the label column is as wide in points as the label at 10.5pt, plus padding
    xml = zipfile.ZipFile(out / "press-notice.docx").read("word/document.xml").decode()
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml.split("報道に当たってのお願い")[0])[-2:]]
    assert grid[0] / 20 >= 11 * 10.5 + 8


def test_a_label_too_long_for_a_third_breaks_between_phrases(tmp_path):
    data = seed_data()
    data["press_notice"]["contacts"][0]["role"] = "本件に関する報道機関からのお問い合わせ先"
    out = build(write_spec(tmp_path, data), tmp_path / "out", "--format", "pdf")
    import budoux
    bounds, pos = set(), 0
    for chunk in budoux.load_default_japanese_parser().parse("本件に関する報道機関からのお問い合わせ先"):
        pos += len(chunk)
        bounds.add(pos)
    with pdfplumber.open(out / "press-notice.pdf") as doc:
        page = next(p for p in doc.pages if any(c["text"] == "件" for c in p.chars))
        chars = page.chars
    start = min(c["top"] for c in chars if c["text"] == "件")
    # the label column is at most a third of the table (columns.MAX_SHARE): as wide as lets
    # the label take as few lines as a third would (本件に関する報道機関からの / お問い合わせ先)
    rules = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"
                    and e["top"] <= start <= e["bottom"]})
    label_chars = [c for c in chars if rules[0] < c["x0"] < rules[1]        # the first column's cell
                   and c["top"] >= start - 1 and c["text"].strip()]
    rows: dict[float, str] = {}
    for c in sorted(label_chars, key=lambda c: (round(c["top"]), c["x0"])):
        rows[round(c["top"])] = rows.get(round(c["top"]), "") + c["text"]
    parts = list(rows.values())
    assert "".join(parts) == "本件に関する報道機関からのお問い合わせ先", parts
    ends = [sum(len(p) for p in parts[:i + 1]) for i in range(len(parts) - 1)]
    assert len(parts) > 1 and all(e in bounds for e in ends), (parts, bounds)
    # two lines would take a column two em wider, and the seed's 担当：道下 would wrap for it
    # (the boxes went over to a second page): the label keeps three (columns._rest_need)
    assert parts == ["本件に関する", "報道機関からの", "お問い合わせ先"], parts
    # the other label still stands on one line
    assert any("報道に当たってのお願い" in t for _, t, _ in lines_of(out / "press-notice.pdf"))


def test_only_a_short_header_is_letter_spaced(tmp_path):
    data = seed_data()
    data["press_notice"]["header"] = "〇〇市発表資料"
    out = build(write_spec(tmp_path, data), tmp_path / "out", "--format", "pdf")
    top, text, chars = lines_of(out / "press-notice.pdf")[0]
    assert text == "〇〇市発表資料"
    steps = [b["x0"] - a["x0"] for a, b in zip(chars, chars[1:])]
    assert max(steps) < 12.5, steps            # 12pt Gothic, set solid
    # the default header, six characters, stays spread as the seed has it
    seed = build(SEED_SPEC, tmp_path / "seed", "--format", "pdf")
    _, text, chars = lines_of(seed / "press-notice.pdf")[0]
    assert text == "報道機関各位"
    assert min(b["x0"] - a["x0"] for a, b in zip(chars, chars[1:])) > 17


def test_the_subject_breaks_between_phrases(tmp_path):
    subject = "北海道オホーツク総合振興局と国立大学法人北見工業大学との包括連携協定締結式について"
    data = seed_data()
    data["press_notice"]["subject"] = subject
    out = build(write_spec(tmp_path, data), tmp_path / "out", "--format", "pdf")
    lines = [t for _, t, _ in lines_of(out / "press-notice.pdf")]
    first = next(i for i, t in enumerate(lines) if t.startswith("項目"))
    got = lines[first][2:] + "".join(lines[first + 1:first + 3])
    assert got.startswith(subject)
    first_line = lines[first][2:]
    assert len(first_line) < len(subject)                       # it does take two lines
    import budoux
    bounds, pos = set(), 0
    for chunk in budoux.load_default_japanese_parser().parse(subject):
        pos += len(chunk)
        bounds.add(pos)
    assert len(first_line) in bounds, (first_line, lines[first + 1])
    assert not first_line.endswith(("締結", "協定締"))


def test_ijo_closes_the_notice_after_its_last_section(tmp_path):
    data = seed_data()
    data["press_notice"]["closing_ijo"] = True
    out = build(write_spec(tmp_path, data), tmp_path / "out")
    text = no_space(pdf_text(out / "press-notice.pdf"))
    assert text.count("以上") == 1
    # after the ◯ section's last paragraph, before the request and contact boxes
    assert "包括連携協定を締結することとなりました。以上" in text
    assert text.index("以上") < text.index("報道に当たってのお願い")
    assert "質疑応答（事務方対応）以上" not in text
    docx = zipfile.ZipFile(out / "press-notice.docx").read("word/document.xml").decode()
    assert docx.index("以上") > docx.index("締結することとなりました")


def test_a_newline_is_a_line_break_everywhere(tmp_path):
    """In the letter-spaced header (it drew a .notdef box for the newline), in table
    cells, in the DOCX: each line separate, nothing drawn for the newline, and the
    line before a break not stretched."""
    data = seed_data()
    n = data["press_notice"]
    n["header"] = "報道機関\n各位"
    n["ceremony"]["venue"] = "オホーツク合同庁舎\n１階保健所会議室"
    n["contacts"][0]["department"] = "オホーツク総合振興局\n地域創生部"
    out = build(write_spec(tmp_path, data), tmp_path / "out")
    lines = lines_of(out / "press-notice.pdf")
    with pdfplumber.open(out / "press-notice.pdf") as doc:
        bad = [c for p in doc.pages for c in p.chars if ord(c["text"][0]) < 0x20 or c["text"] == "\ufffd"]
    assert bad == []
    texts = [t for _, t, _ in lines]
    assert texts[:2] == ["報道機関", "各位"]
    # both header lines spread alike
    for _, t, chars in lines[:2]:
        assert min(b["x0"] - a["x0"] for a, b in zip(chars, chars[1:])) > 17
    venue = next((cs for _, t, cs in lines if t == "オホーツク合同庁舎"), None)
    assert venue is not None, texts
    assert venue[-1]["x1"] - venue[0]["x0"] < 9 * 10.5 + 1          # set solid, not stretched
    texts = [t for page in range(len(PdfReader(out / "press-notice.pdf").pages))
             for _, t, _ in lines_of(out / "press-notice.pdf", page)]
    assert any(t.endswith("オホーツク総合振興局") for t in texts) and any(t.endswith("地域創生部") for t in texts)
    settings = zipfile.ZipFile(out / "press-notice.docx").read("word/settings.xml").decode()
    assert "<w:doNotExpandShiftReturn/>" in settings
    docx = zipfile.ZipFile(out / "press-notice.docx").read("word/document.xml").decode()
    assert "オホーツク合同庁舎</w:t></w:r><w:r><w:br/>" in docx or re.search(r"オホーツク合同庁舎</w:t>.{0,80}<w:br/>", docx)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler-utils not installed")
def test_libreoffice_does_not_stretch_the_line_before_a_break(tmp_path):
    data = seed_data()
    data["press_notice"]["ceremony"]["venue"] = "オホーツク合同庁舎\n１階保健所会議室"
    out = build(write_spec(tmp_path, data), tmp_path / "out", "--kinds", "press-notice", "--format", "docx")
    subprocess.run([*SOFFICE, "--convert-to", "pdf", "--outdir", str(tmp_path), str(out / "press-notice.docx")],
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, capture_output=True, timeout=180, check=True)
    venue = next(cs for _, t, cs in lines_of(tmp_path / "press-notice.pdf") if t.startswith("オホーツク合同庁舎"))
    assert venue[-1]["x1"] - venue[0]["x0"] < 9 * 10.5 + 1, [c["x0"] for c in venue]


@needs_poppler
def test_a_template_that_joins_the_attachments_still_prints_their_titles(tmp_path):
    """A user's template written when attachments were plain strings
    (`n.attachments|join('、')`) prints the titles, never an object's fields."""
    folder = tmp_path / "templates"
    folder.mkdir()
    text = (ROOT / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    joined = "n.attachments|map(attribute='title')|join(style.word('comma'))"
    assert joined in text
    (folder / "press-notice.xml.j2").write_text(text.replace(joined, "n.attachments|join('、')"), encoding="utf-8")
    external_pdf(tmp_path / "map.pdf", "会場案内図")
    spec = release_spec(tmp_path, [{"title": "連携協定の概要", "document": "overview"},
                                   {"title": "会場案内図", "file": "map.pdf"}])
    out = build(spec, tmp_path / "out", "--templates", folder, "--kinds", "press-notice", "--format", "pdf")
    text = no_space(pdf_text(out / "press-notice.pdf"))
    assert "配付資料連携協定の概要、会場案内図内容" in text, text[:200]


# ---------------------------------------------------------------- --pdfa
def test_with_pdfa_a_release_of_our_own_pages_is_pdfa_too(tmp_path):
    """The release binds the notice and the overview sheet, both the product's own
    pages: with --pdfa it is PDF/A-2a as they are (it was left plain before, while the
    build said every PDF was), and it stays tagged PDF/UA-1."""
    page = pytest.importorskip("page")
    out = build(release_spec(tmp_path, [{"title": "連携協定の概要", "document": "overview"}]), tmp_path / "out",
                "--pdfa", "--format", "pdf")
    release = out / "release.pdf"
    assert b"<pdfaid:part>2</pdfaid:part>" in PdfReader(release).trailer["/Root"]["/Metadata"].get_data()
    for profile in ("PDF_A_2A", "PDF_UA_1"):
        report = page.validate_pdf(str(release), profile=profile)
        assert report.is_compliant, (profile, [(f.rule_id, f.message) for f in report.failures])


def test_with_pdfa_a_release_binding_a_file_stays_as_it_is_and_the_build_says_so(tmp_path):
    flyer = external_pdf(tmp_path / "flyer.pdf", "チラシ")
    spec = release_spec(tmp_path, [{"title": "連携協定の概要", "document": "overview"},
                                   {"title": "チラシ", "file": flyer.name}])
    result = run_generate(spec, "-o", tmp_path / "out", "--pdfa", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    line = next(i for i, text in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "flyer.pdf" in text)
    assert (f"{spec}:{line}: press_notice.attachments[1].file: --pdfa: release.pdf is not made PDF/A-2a: it binds"
            " flyer.pdf as it is") in result.stdout + result.stderr
    out = tmp_path / "out" / spec.stem
    assert b"<pdfaid:part>" not in PdfReader(out / "release.pdf").trailer["/Root"]["/Metadata"].get_data()
    assert b"<pdfaid:part>2</pdfaid:part>" in \
        PdfReader(out / "press-notice.pdf").trailer["/Root"]["/Metadata"].get_data()
