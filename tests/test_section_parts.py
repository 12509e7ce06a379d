"""A notice's section in parts, each under a subheading of its own (sections[].parts):
三重県's 協定の概要 with 協定締結先 and 主な協力業務 under it (`mie-vet-2012`), 山口県's
2 友好協定の締結について with （１）　期日 and its day under it (`yamaguchi-krasnodar-2017`).
Both real cases are built by the command line and read back: the PDF's lines glyph by
glyph (the subheading an em in from the section's heading, its text an em further in,
a mark's later lines hung after it), the structure tree (each subheading a heading one
level under the section's, no level skipped) and the DOCX (each subheading a paragraph
of Word's next outline level, its text an em further in), and 原村's 第2条(…) at the
section's margin over its text, as its house sets parts (notice.section_parts: margin,
`hara-ichinomiya-2025`). A part with nothing under its
subheading and a table beside parts are refused with file, line and key."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from conftest import ROOT, run_generate, seed_with_sections
from glyphs import page_rows
from test_tagged_pdf import _chars
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

REAL = ROOT / "tests" / "data" / "real"
CASES = ("mie-vet-2012", "yamaguchi-krasnodar-2017")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parts")
    result = run_generate(*(REAL / f"{c}.yaml" for c in CASES), "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out


def _section(case: str) -> dict:
    spec = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))
    return next(s for s in spec["press_notice"]["sections"] if s.get("parts"))


def _plain(text: str) -> str:
    return re.sub(r"[ 　]", "", text)


def _rows(pdf: Path) -> list[tuple[str, list[dict]]]:
    """Each line of the first page: its text without spaces, its glyphs."""
    return [(_plain("".join(c["text"] for c in r)), r) for r in page_rows(pdf, 0)]


def _x(row: list[dict]) -> float:
    return next(c["x0"] for c in row if not c["text"].isspace())


@pytest.mark.parametrize("case", CASES)
def test_each_subheading_stands_an_em_in_with_its_text_an_em_further_in(built, case):
    section = _section(case)
    rows = _rows(built / case / "press-notice.pdf")
    texts = [t for t, _ in rows]
    first = texts.index(_plain(section["parts"][0]["heading"]))
    # the section's heading: the last line ending with it above its first part (the
    # title may end with the same words)
    head = max(i for i, t in enumerate(texts[:first]) if t.endswith(_plain(section["heading"])))
    size = rows[head][1][0]["size"]
    margin = _x(rows[head][1])
    at = head
    for part in section["parts"]:
        # the subheading on a line of its own after what came before, in order
        at = texts.index(_plain(part["heading"]), at + 1)
        assert abs(_x(rows[at][1]) - (margin + size)) < 0.5, part["heading"]
        for para in part["paragraphs"]:
            # the paragraph's first line right after, two em in (its mark there, if any)
            at += 1
            assert _plain(para).startswith(texts[at]), (texts[at], para)
            assert abs(_x(rows[at][1]) - (margin + 2 * size)) < 0.5, para
            whole = texts[at]
            while whole != _plain(para):            # its later lines
                at += 1
                whole += texts[at]
                hang = 1 if para[0] in "・※" else 0    # hung after its mark (the house's section_mark_hang)
                expected = margin + (2 + hang) * size if hang else margin + size
                assert abs(_x(rows[at][1]) - expected) < 0.5, (para, texts[at])


def _headings(pdf: Path) -> list[tuple[int, str]]:
    """The structure tree's headings in order: (level, text read from their marked content)."""
    reader = PdfReader(pdf)
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    chars = _chars(pdf)
    out: list[tuple[int, str]] = []

    def walk(elem: DictionaryObject):
        role = elem["/S"][1:]
        kids = elem.get("/K")
        kids = kids if isinstance(kids, ArrayObject) else [] if kids is None else [kids]
        page = pages.get(elem.raw_get("/Pg").idnum) if "/Pg" in elem else None
        text = ""
        for k in kids:
            k = k.get_object() if isinstance(k, IndirectObject) else k
            if isinstance(k, int):
                text += chars.get((page, k), "")
            elif isinstance(k, DictionaryObject) and k.get("/Type") == "/MCR":
                text += chars.get((pages[k.raw_get("/Pg").idnum], k["/MCID"]), "")
            elif isinstance(k, DictionaryObject) and "/S" in k:
                walk(k)
        if re.fullmatch(r"H\d", role):
            out.append((int(role[1]), _plain(text)))
    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"].get_object())
    return out


@pytest.mark.parametrize("case", CASES)
def test_each_subheading_is_a_heading_a_level_under_the_sections(built, case):
    section = _section(case)
    headings = _headings(built / case / "press-notice.pdf")
    levels = dict((t, level) for level, t in headings)
    first = [t for _, t in headings].index(_plain(section["parts"][0]["heading"]))
    # the section's heading as read (the first heading of a notice without a title is
    # read H1, the others H2), each of its parts one level under it, all at one level
    head = [level for level, t in headings[:first] if t.endswith(_plain(section["heading"]))][-1]
    assert head in (1, 2)
    assert [levels.get(_plain(p["heading"])) for p in section["parts"]] == [head + 1] * len(section["parts"])
    # no level skipped anywhere in the tree (PDF/UA)
    last = 0
    for level, text in headings:
        assert level <= last + 1, (text, headings)
        last = level


def _outline(p: Paragraph) -> int | None:
    """The outline level Word's navigation gives the paragraph: its own, else its style's."""
    style = p.style
    for ppr in (p._p.pPr, *(s.element.pPr for s in _styles(style))):
        found = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if found is not None:
            return int(found.get(qn("w:val")))
    return None


def _styles(style):
    while style is not None:
        yield style
        style = style.base_style


def _indent(p: Paragraph, name: str) -> float:
    for fmt in (p.paragraph_format, *(s.paragraph_format for s in _styles(p.style))):
        value = getattr(fmt, name)
        if value is not None:
            return value.pt
    return 0.0


@pytest.mark.parametrize("case", CASES)
def test_the_docx_sets_each_subheading_a_heading_of_the_next_level_over_its_text(built, case):
    section = _section(case)
    doc = Document(built / case / "press-notice.docx")
    paras = [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]
    by_text = {_plain(p.text): p for p in paras}
    first = [_plain(p.text) for p in paras].index(_plain(section["parts"][0]["heading"]))
    head = [p for p in paras[:first] if _plain(p.text).endswith(_plain(section["heading"]))][-1]
    assert _outline(head) == 1                            # Word's レベル2, the PDF's H2
    size = 10.5
    for part in section["parts"]:
        sub = by_text[_plain(part["heading"])]
        assert _outline(sub) == 2, part["heading"]        # レベル3, the PDF's H3
        assert abs(_indent(sub, "left_indent") - size) < 0.1
        assert sub.paragraph_format.keep_with_next or sub.style.paragraph_format.keep_with_next
        for para in part["paragraphs"]:
            p = by_text[_plain(para)]
            assert _outline(p) is None, para              # text, not a heading
            first, left = _indent(p, "first_line_indent"), _indent(p, "left_indent")
            assert abs(left + first - 2 * size) < 0.1, para       # its first line two em in
    # in the order of the spec, each subheading straight before its text
    order = [_plain(p.text) for p in paras]
    at = order.index(_plain(section["parts"][0]["heading"]))
    written = [_plain(x) for part in section["parts"] for x in (part["heading"], *part["paragraphs"])]
    assert order[at:at + len(written)] == written


def test_parts_under_a_section_without_a_heading_are_headings_of_its_level(tmp_path):
    """No heading above them: the subheadings are the level a section's heading would be
    (H2, Word's レベル2), so neither the tree nor Word's navigation skips one."""
    spec = seed_with_sections(tmp_path, "no-heading", [
        {"parts": [{"heading": "（１）　期日", "paragraphs": ["令和６年２月27日"]}]}])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx", "--kinds", "press-notice")
    assert result.returncode == 0, result.stderr
    built = tmp_path / "out" / "no-heading"
    headings = _headings(built / "press-notice.pdf")
    assert (2, _plain("（１）　期日")) in headings
    doc = Document(built / "press-notice.docx")
    sub = next(p for p in doc.paragraphs if _plain(p.text) == _plain("（１）　期日"))
    assert _outline(sub) == 1


def test_a_section_template_older_than_parts_warns_of_each_line_it_leaves_out(tmp_path):
    """A user's section.xml.j2 written before parts prints none of them: each subheading and
    each paragraph of a part is a warning at its line, and the notice is still made."""
    text = (ROOT / "templates" / "section.xml.j2").read_text(encoding="utf-8")
    start = text.index("{#- its parts (sections[].parts)")
    end = text.index("{% if section.table %}")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "section.xml.j2").write_text(text[:start] + text[end:], encoding="utf-8")
    case = REAL / "yamaguchi-krasnodar-2017.yaml"
    result = run_generate(case, "-o", tmp_path / "out", "--format", "pdf", "--templates", mine)
    assert result.returncode == 0, result.stderr
    section = _section(case.stem)
    index = yaml.safe_load(case.read_text(encoding="utf-8"))["press_notice"]["sections"].index(section)
    warned = {m.group(1) for m in re.finditer(r"^warning: .*?: (press_notice\.sections\S*): ", result.stderr, re.M)}
    expected = {f"press_notice.sections[{index}].parts[{j}].{k}"
                for j, part in enumerate(section["parts"])
                for k in ("heading", *(f"paragraphs[{i}]" for i in range(len(part["paragraphs"]))))}
    assert warned == expected, result.stderr
    assert (tmp_path / "out" / case.stem / "press-notice.pdf").exists()


@pytest.mark.parametrize("section, key, words", [
    ({"heading": "協定の概要", "parts": [{"heading": "協定締結先"}]},
     "press_notice.sections[0].parts[0]", "a part needs its paragraphs"),
    ({"heading": "協定の概要", "parts": [{"heading": "協定締結先", "paragraphs": ["・三重県"]}],
      "table": [["番号", "連携事項"], ["１", "動物救護"]]},
     "press_notice.sections[0].table", "a table after a section's parts would read as its last part's"),
    ({"heading": "協定の概要", "parts": [{"paragraphs": ["・三重県"]}]},
     "press_notice.sections[0].parts[0].heading", ""),
])
def test_a_part_that_would_print_a_hole_is_refused_with_no_output(tmp_path, section, key, words):
    spec = seed_with_sections(tmp_path, "bad", [section])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    found = [line for line in result.stderr.splitlines() if f": {key}: " in line and words in line]
    assert found and re.match(rf"error: {re.escape(str(spec))}:\d+: ", found[0]), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


# ------------------------------------------------------------------ parts at the margin

HARA = "hara-ichinomiya-2025"     # 原村: 第2条(…) and 第4条(…) quoted over their text (notice.section_parts: margin)


@pytest.fixture(scope="module")
def hara(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parts-margin")
    result = run_generate(REAL / f"{HARA}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / HARA


def test_a_house_setting_parts_at_the_margin_sets_each_subheading_there_over_the_sections_text(hara):
    """Each article heading at the section heading's margin, its text set as the section's
    own paragraphs are: the first line one em in and the later lines at the margin, a
    bullet one em in with its later lines under its text (section_mark_hang)."""
    section = _section(HARA)
    rows = _rows(hara / "press-notice.pdf")
    texts = [t for t, _ in rows]
    head = next(i for i, t in enumerate(texts) if t.endswith(_plain(section["heading"])))   # ２.協定内容
    margin, size = _x(rows[head][1]), rows[head][1][0]["size"]
    at = head
    for part in section["parts"]:
        at = texts.index(_plain(part["heading"]), at + 1)
        assert abs(_x(rows[at][1]) - margin) < 0.5, part["heading"]          # at the margin, not an em in
        for para in part["paragraphs"]:
            at += 1
            assert _plain(para).startswith(texts[at]), (texts[at], para)
            assert abs(_x(rows[at][1]) - (margin + size)) < 0.5, para       # one em in, as the section's own
            whole = texts[at]
            while whole != _plain(para):
                at += 1
                whole += texts[at]
                expected = margin + 2 * size if para[0] == "・" else margin
                assert abs(_x(rows[at][1]) - expected) < 0.5, (para, texts[at])
    # still headings a level under the section's, as indented parts are
    headings = _headings(hara / "press-notice.pdf")
    levels = dict((t, level) for level, t in headings)
    above = next(level for level, t in headings if t.endswith(_plain(section["heading"])))
    assert [levels.get(_plain(p["heading"])) for p in section["parts"]] == [above + 1] * 2


def test_the_docx_sets_parts_at_the_margin_as_the_pdf(hara):
    section = _section(HARA)
    doc = Document(hara / "press-notice.docx")
    paras = [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]
    by_text = {_plain(p.text): p for p in paras}
    size = 10.5
    for part in section["parts"]:
        sub = by_text[_plain(part["heading"])]
        assert _outline(sub) == 2 and abs(_indent(sub, "left_indent")) < 0.1, part["heading"]
        for para in part["paragraphs"]:
            p = by_text[_plain(para)]
            first, left = _indent(p, "first_line_indent"), _indent(p, "left_indent")
            assert abs(left + first - size) < 0.1, para                    # its first line one em in


def test_a_house_value_for_parts_other_than_the_two_is_refused_at_its_line(tmp_path):
    spec = seed_with_sections(tmp_path, "parts", [{"heading": "協定内容", "parts": [
        {"heading": "第２条（平時の連携・交流）", "paragraphs": ["ふだんから連携します。"]}]}])
    (tmp_path / "house.yaml").write_text("notice:\n  section_parts: left\n", encoding="utf-8")
    text = spec.read_text(encoding="utf-8").replace("issuer: ", "style: house.yaml\nissuer: ", 1)
    spec.write_text(text, encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 1, result.stdout
    assert (f"error: {tmp_path / 'house.yaml'}:2: notice.section_parts: must be one of 'indented' or 'margin',"
            " got the text 'left'") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_two_sections_of_parts_are_set_alike(tmp_path):
    """神戸市港湾局 sets 1. 連携協定の概要 and 2. 締結式の概要 alike, each (1) and (2) a
    subheading over its text (`kobe-panama-2022`): every subheading at one x in one face,
    every text's first line at one x, in both sections."""
    case = "kobe-panama-2022"
    result = run_generate(REAL / f"{case}.yaml", "-o", tmp_path, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    spec = yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))
    sections = [s for s in spec["press_notice"]["sections"] if s.get("parts")]
    assert len(sections) == 2 and not spec["press_notice"]["ki"]
    rows = _rows(tmp_path / case / "press-notice.pdf")
    texts = [t for t, _ in rows]
    heads, firsts = set(), set()
    at = 0
    for section in sections:
        at = next(i for i in range(at, len(texts)) if texts[i].endswith(_plain(section["heading"])))
        for part in section["parts"]:
            at = texts.index(_plain(part["heading"]), at + 1)
            row = rows[at][1]
            heads.add((round(_x(row), 1), row[0]["fontname"]))
            firsts.add(round(_x(rows[at + 1][1]), 1))
    assert len(heads) == 1 and len(firsts) == 1, (heads, firsts)
