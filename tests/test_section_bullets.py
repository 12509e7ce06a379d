"""A section's paragraph with its own lines nested under it, a level in ({text, bullets}),
as 和歌山県 sets each matter of its agreement with 石川県 over a line of what is planned
(`wakayama-ishikawa-2024`: 1.農林水産物等の…に関すること / 　・両県の首都圏の…), the fifth
matter without one. Each line after the house's mark (notice.list_bullet, ・; "": none)
one em further in than the point begins, its further lines under the line's text; under
the point's text where the house hangs the point after its number (section_number_hang).

The real case and variations of the seed are built by the real command line, the PDF
read back glyph by glyph (where each line starts), the DOCX reopened (its paragraphs in
order, their indents); a point without its lines or its text stops with file, line and
key and writes nothing; a user's section template older than the key prints the points'
text and warns of each line it leaves out.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from docx import Document

from conftest import ROOT, needs_poppler, run_generate, seed_with_sections
from glyphs import page_rows

REAL = ROOT / "tests" / "data" / "real"
CASE = "wakayama-ishikawa-2024"
EM = 10.5                       # the body's size (pt)


def _plain(text: str) -> str:
    return re.sub(r"[ 　]", "", text)


def _rows(pdf: Path) -> list[tuple[str, float]]:
    """Each line of the first page: its text without spaces, the x of its first glyph."""
    out = []
    for row in page_rows(pdf, 0):
        ink = [c for c in row if not c["text"].isspace()]
        if ink:
            out.append((_plain("".join(c["text"] for c in ink)), ink[0]["x0"]))
    return out


def _indents(p) -> tuple:
    """A DOCX paragraph's left and first-line indents (pt), its own or its style's."""
    own, of_style = p.paragraph_format, p.style.paragraph_format
    values = [getattr(own, k) if getattr(own, k) is not None else getattr(of_style, k)
              for k in ("left_indent", "first_line_indent")]
    return tuple(round(v.pt, 1) if v is not None else 0.0 for v in values)


def _docx_paragraphs(docx: Path) -> list:
    return [p for p in Document(str(docx)).paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def wakayama(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wakayama")
    result = run_generate(REAL / f"{CASE}.yaml", "-o", out, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    return out / CASE


def _points() -> list:
    spec = yaml.safe_load((REAL / f"{CASE}.yaml").read_text(encoding="utf-8"))
    return next(s for s in spec["press_notice"]["sections"] if s.get("heading") == "協定に基づく連携項目")["paragraphs"]


@needs_poppler
def test_each_matter_s_line_stands_a_level_in_under_it_its_further_lines_under_its_text(wakayama):
    """Each matter begins where a paragraph does; its line's ・ one em further in, the
    line's next line under its text after the ・ (two em in); the next matter, and the
    fifth without a line, back where the matters begin."""
    rows = _rows(wakayama / "press-notice.pdf")
    texts = [t for t, _ in rows]
    points = _points()
    assert any(isinstance(p, str) for p in points) and sum(isinstance(p, dict) for p in points) == 4
    begins = [rows[texts.index(_plain(p if isinstance(p, str) else p["text"]))][1] for p in points]
    assert max(begins) - min(begins) < 0.5, begins
    for point, x in zip(points, begins):
        if isinstance(point, str):
            continue
        at = texts.index(_plain(point["text"]))
        line, whole = _plain(point["bullets"][0]), ""
        k = at + 1
        assert texts[k].startswith("・") and abs(rows[k][1] - (x + EM)) < 0.5, (texts[k], rows[k][1], x)
        whole = texts[k][1:]
        while whole != line:                   # the line's further lines, under its text
            k += 1
            assert abs(rows[k][1] - (x + 2 * EM)) < 0.5, (texts[k], rows[k][1], x)
            whole += texts[k]
        assert abs(rows[k + 1][1] - x) < 0.5, texts[k + 1]        # the next matter


def test_the_docx_says_the_same_its_lines_set_in_by_indents(wakayama):
    """The DOCX's paragraphs in the PDF's order: each matter, then its line after ・ as one
    paragraph whose text stands three em in and whose first line hangs the mark an em out
    (the mark two em in, an em past where a matter begins), set by indents, not spaces;
    each matter as a paragraph of the section begins, its first line an em in."""
    paras = _docx_paragraphs(wakayama / "press-notice.docx")
    texts = [_plain(p.text) for p in paras]
    points = _points()
    expected = [_plain(x) for p in points
                for x in ([p] if isinstance(p, str) else [p["text"], *("・" + b for b in p["bullets"])])]
    at = texts.index(expected[0])
    assert texts[at:at + len(expected)] == expected, texts[at:at + len(expected)]
    for p, text in zip(paras[at:at + len(expected)], expected):
        assert not p.text.startswith(("　", " ")), p.text
        if text.startswith("・"):
            assert _indents(p) == (3 * EM, -EM), (text, _indents(p))
        else:
            assert _indents(p) == (0.0, EM), (text, _indents(p))


HUNG = [{"heading": "協定に基づく連携項目", "paragraphs": [
    {"text": "（１）観光振興に関すること", "bullets": ["周遊ルートの共同PR", "物産展の相互出展"]},
    "（２）防災に関すること"]}]
LONG = ("災害が起きたときに市内の避難所へ飲み水と給水のための資機材を運び、その後の応急給水の活動にも"
        "加わるほか、平時には両者の職員が合同で訓練を重ねること")


def _seed(tmp_path: Path, sections: list, style: str | None = None) -> Path:
    spec = seed_with_sections(tmp_path, "points", sections)
    if style is not None:
        (tmp_path / "house.yaml").write_text(style, encoding="utf-8")
        spec.write_text("style: house.yaml\n" + spec.read_text(encoding="utf-8"), encoding="utf-8")
    return spec


def _build(spec: Path, tmp_path: Path) -> Path:
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx", "--kinds", "press-notice")
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / spec.stem / "press-notice.pdf"


@needs_poppler
def test_under_a_point_hung_after_its_number_the_lines_stand_under_its_text(tmp_path):
    """notice.section_number_hang: （１） one em in, its text three em further; each line's
    mark where that text starts, not an em in from the number; the DOCX alike."""
    pdf = _build(_seed(tmp_path, HUNG, "notice:\n  section_number_hang: true\n"), tmp_path)
    rows = _rows(pdf)
    texts = [t for t, _ in rows]
    at = texts.index("（１）観光振興に関すること")
    assert texts[at + 1:at + 4] == ["・周遊ルートの共同PR", "・物産展の相互出展", "（２）防災に関すること"]
    number = rows[at][1]
    for k in (at + 1, at + 2):
        assert abs(rows[k][1] - (number + 3 * EM)) < 0.5, (texts[k], rows[k][1], number)
    assert abs(rows[at + 3][1] - number) < 0.5
    paras = _docx_paragraphs(pdf.with_suffix(".docx"))
    texts = [_plain(p.text) for p in paras]
    i = texts.index("（１）観光振興に関すること")
    assert texts[i + 1:i + 4] == ["・周遊ルートの共同PR", "・物産展の相互出展", "（２）防災に関すること"]
    point, line = _indents(paras[i]), _indents(paras[i + 1])
    assert line[0] + line[1] == point[0] and line[1] == -EM, (point, line)


@needs_poppler
def test_without_a_mark_each_line_and_its_further_lines_stand_a_level_in(tmp_path):
    """notice.list_bullet: "": each line as written, an em further in than the point
    begins, and a line too long for one its next line at the same x (no hang after a
    mark not printed)."""
    sections = [{"heading": "連携項目", "paragraphs": [{"text": "防災に関すること", "bullets": [LONG]},
                                                       "その他に関すること"]}]
    pdf = _build(_seed(tmp_path, sections, "notice:\n  list_bullet: \"\"\n"), tmp_path)
    rows = _rows(pdf)
    texts = [t for t, _ in rows]
    at = texts.index("防災に関すること")
    assert LONG.startswith(texts[at + 1]) and texts[at + 1] + texts[at + 2] == LONG, texts[at:at + 4]
    x = rows[at][1]
    assert abs(rows[at + 1][1] - (x + EM)) < 0.5 and abs(rows[at + 2][1] - (x + EM)) < 0.5
    assert texts[at + 3] == "その他に関すること" and abs(rows[at + 3][1] - x) < 0.5


@pytest.mark.parametrize("point, key, words", [
    ({"text": "１　観光振興に関すること"}, "bullets", "required but missing"),
    ({"bullets": ["周遊ルートの共同PR"]}, "text", "required but missing"),
    ({"text": "１　観光振興に関すること", "bullets": []}, "bullets", "at least 1"),
    ({"text": "", "bullets": ["周遊ルートの共同PR"]}, "text", "empty"),
    ({"text": "１　観光振興に関すること", "bullets": ["周遊ルートの共同PR"], "then": "です。"},
     "then", "unknown key 'then'"),
])
def test_a_point_with_a_hole_is_refused_with_no_output(tmp_path, point, key, words):
    """A point without its lines, without its text, with a line list empty or a key it has
    not (then: is a 記 list entry's): an error at its line and key, nothing written."""
    spec = seed_with_sections(tmp_path, "bad", [{"heading": "連携項目", "paragraphs": ["前文です。", point]}])
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf,docx")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    found = [line for line in result.stderr.splitlines()
             if f": press_notice.sections[0].paragraphs[1].{key}: " in line and words in line]
    assert found and re.match(rf"error: {re.escape(str(spec))}:\d+: ", found[0]), result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf")) and not list((tmp_path / "out").rglob("*.docx"))


def test_a_section_template_older_than_the_key_prints_the_points_and_warns_of_their_lines(tmp_path):
    """A user's section.xml.j2 written when paragraphs were plain text prints each point's
    text (not the object), leaves its lines out and says so: a warning at each line's key,
    and the notice is still made."""
    text = (ROOT / "templates" / "section.xml.j2").read_text(encoding="utf-8")
    old = re.sub(r"\{% for b in bullets %\}.*?\{% endfor %\}", "", text, flags=re.S)
    old = old.replace("{{ para.text if bullets else para }}", "{{ para }}")
    assert old != text and "bullets" in old           # (only the set of `bullets` is left)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "section.xml.j2").write_text(old, encoding="utf-8")
    result = run_generate(REAL / f"{CASE}.yaml", "-o", tmp_path / "out", "--format", "pdf", "--templates", mine)
    assert result.returncode == 0, result.stderr
    warned = set(re.findall(r"^warning: .*?: (press_notice\.sections\S*): ", result.stderr, re.M))
    assert warned == {f"press_notice.sections[1].paragraphs[{k}].bullets[0]" for k in range(4)}, result.stderr
    pdf = tmp_path / "out" / CASE / "press-notice.pdf"
    texts = [t for t, _ in _rows(pdf)]
    assert "1.農林水産物等の情報発信・販売促進に関すること" in texts
    assert not any("SectionPoint" in t or "bullets" in t for t in texts)


def test_a_point_s_text_begun_with_a_full_width_space_is_warned_at_its_line(tmp_path):
    """A point's text is a paragraph the house sets an em in, as any: a 　 typed before it
    prints it two em in, and the build says so at its line and key (spec/slips.py)."""
    spec = seed_with_sections(tmp_path, "typed", [{"heading": "連携項目", "paragraphs": [
        {"text": "　観光振興に関すること", "bullets": ["周遊ルートの共同PR"]}]}])
    result = run_generate("check", spec)
    assert result.returncode == 0, result.stderr
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "　観光振興に関すること" in t)
    assert (f"warning: {spec}:{line}: press_notice.sections[0].paragraphs[0].text: the paragraph begins with"
            " a full-width space") in result.stderr, result.stderr


@needs_poppler
@pytest.mark.parametrize("style, part_in", [(None, 1), ("notice:\n  section_parts: margin\n", 0)])
def test_a_point_in_a_part_nests_its_lines_an_em_further_in_than_it_begins(tmp_path, style, part_in):
    """A part's paragraph is set as the part sets its paragraphs (its first line an em past
    the subheading): a point's lines there an em further in still, its next point back where
    points begin; at the section's margin (section_parts: margin) the same, an em less."""
    sections = [{"heading": "協定の概要", "parts": [{"heading": "（１）　連携事項", "paragraphs": [
        {"text": "観光振興に関すること", "bullets": ["周遊ルートの共同PR"]}, "防災に関すること"]}]}]
    pdf = _build(_seed(tmp_path, sections, style), tmp_path)
    rows = _rows(pdf)
    texts = [t for t, _ in rows]
    sub = texts.index("（１）連携事項")
    margin = rows[texts.index("協定の概要")][1]
    assert abs(rows[sub][1] - (margin + part_in * EM)) < 0.5
    assert texts[sub + 1:sub + 4] == ["観光振興に関すること", "・周遊ルートの共同PR", "防災に関すること"], texts[sub:sub + 4]
    begins = rows[sub + 1][1]
    assert abs(begins - (margin + (part_in + 1) * EM)) < 0.5, (begins, margin)
    assert abs(rows[sub + 2][1] - (begins + EM)) < 0.5 and abs(rows[sub + 3][1] - begins) < 0.5
    texts = [_plain(p.text) for p in _docx_paragraphs(pdf.with_suffix(".docx"))]
    i = texts.index("（１）連携事項")
    assert texts[i + 1:i + 4] == ["観光振興に関すること", "・周遊ルートの共同PR", "防災に関すること"]


def _pages(pdf: Path) -> list[str]:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return [_plain(page.extract_text() or "") for page in doc.pages]


@needs_poppler
@pytest.mark.parametrize("point, style", [
    ({"text": "防災に関すること", "bullets": ["避難所の相互利用", "物資の融通"]}, None),
    ({"text": "（１）防災に関すること", "bullets": ["避難所の相互利用", "物資の融通"]}, "notice:\n  section_number_hang: true\n"),
    ("part", None),
])
def test_a_point_is_kept_on_the_page_with_its_first_line(tmp_path, point, style):
    """A point and the line nested under it read as one: a page never ends between them.
    More and more paragraphs go before the point until it stands at the top of the next
    page; at each count, the point and its first line on one page (before, a count left the
    point alone at the foot of the first page: its lines on the next). The DOCX keeps it with
    the next paragraph too (keepNext)."""
    from docx import Document
    moved = False
    for n in range(2, 16):
        paragraphs = [f"第{k}の段落です。" for k in range(n)]
        if point == "part":
            sections = [{"heading": "連携項目", "paragraphs": paragraphs, "parts": [{"heading": "（１）　内容",
                         "paragraphs": [{"text": "防災に関すること", "bullets": ["避難所の相互利用", "物資の融通"]}]}]}]
        else:
            sections = [{"heading": "連携項目", "paragraphs": paragraphs + [point]}]
        folder = tmp_path / str(n)
        folder.mkdir()
        pdf = _build(_seed(folder, sections, style), folder)
        pages = _pages(pdf)
        on = [k for k, page in enumerate(pages) if "防災に関すること" in page]
        first = [k for k, page in enumerate(pages) if "避難所の相互利用" in page]
        assert on == first, (n, on, first)
        if on[0] > 0 and "の段落です" not in pages[on[0]].split("防災に関すること")[0]:
            moved = True                 # (no paragraph above the point on its page)
            break
    assert moved, "no count of paragraphs brought the point to the top of a page"
    paras = _docx_paragraphs(pdf.with_suffix(".docx"))
    at = next(p for p in paras if "防災に関すること" in p.text)
    assert at.paragraph_format.keep_with_next, at.text
