"""A link's area in the PDF covers the glyphs it links, as they are drawn: each /Link
annotation's /Rect spans its line's linked glyphs from the first to the end of the last,
with the composer's JLREQ spacing (和欧間, a compressed closing bracket at the line's
end) taken in, and a link that wraps has one rectangle per line. Read back from real
output: the annotations by pypdf, the glyphs' boxes by pdfplumber. Cases: 館山市's
協定書 line given an address (one line, and a title long enough to wrap), and the
contents of the real cases' 2021 annual book (entries with dates after their titles,
some wrapped)."""
from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import ROOT, real_case_variant, run_generate
from test_tagged_pdf import validate

REAL = ROOT / "tests" / "data" / "real"
ADDRESS = "https://www.example.jp/kyotei.pdf"
LONG_TITLE = "沖ノ島及び周辺海域の環境の保全再生並びに地域の活性化に向けた連携に関する協定書の全文"


def _links(pdf: Path) -> list[tuple[int, tuple[float, ...], dict]]:
    """(page, its rectangle, the annotation) of every /Link annotation, in order."""
    out = []
    for number, page in enumerate(PdfReader(pdf).pages):
        for a in page.get("/Annots") or []:
            a = a.get_object()
            if a["/Subtype"] == "/Link":
                out.append((number, tuple(float(v) for v in a["/Rect"]), a))
    return out


def _covered(pdf: Path) -> list[str]:
    """The text each link's rectangle covers, after checking that it covers its glyphs:
    no glyph of its line is cut by either edge, and the right edge is within 1 pt of the
    end of the last glyph inside (its box as drawn, its full width)."""
    texts = []
    with pdfplumber.open(pdf) as doc:
        for number, (x0, y0, x1, y1), _ in _links(pdf):
            page = doc.pages[number]
            height = float(page.height)
            row = sorted((c for c in page.chars if y0 <= height - (c["top"] + c["bottom"]) / 2 <= y1),
                         key=lambda c: c["x0"])
            inside = [c for c in row if c["x0"] >= x0 - 0.5 and c["x1"] <= x1 + 0.5]
            text = "".join(c["text"] for c in inside)
            assert inside, (pdf.name, number, (x0, x1))
            cut = [c["text"] for c in row if c not in inside and c["x1"] > x0 + 0.5 and c["x0"] < x1 - 0.5]
            assert not cut, f"{pdf.name} p{number + 1}: {text!r} cuts {cut} at {x0:.2f}–{x1:.2f}"
            assert abs(x1 - inside[-1]["x1"]) <= 1, f"{text!r} ends at {inside[-1]['x1']:.2f}, its link at {x1:.2f}"
            texts.append(text)
    return texts


def _notice(tmp_path: Path, title: str) -> Path:
    old = "{title: 協定書, form: PDF形式, size: 294KB}"
    spec = real_case_variant(tmp_path, "tateyama-seven-2021", "tateyama-city.yaml",
                             (old, f'{{title: {title}, form: PDF形式, size: 294KB, address: "{ADDRESS}"}}'))
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "stand-in.jpg").write_bytes((REAL / "photos" / "stand-in.jpg").read_bytes())
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    return tmp_path / "out" / spec.stem / "press-notice.pdf"


@pytest.mark.parametrize("title, lines", [("協定書", 1), (LONG_TITLE, 2)])
def test_a_linked_documents_line_is_covered_to_its_last_glyph(tmp_path, title, lines):
    pdf = _notice(tmp_path, title)
    links = _links(pdf)
    assert len(links) == lines                      # one rectangle per line of the link
    assert all(a["/A"]["/URI"] == ADDRESS and "/StructParent" in a for _, _, a in links)
    assert re.sub("[ 　]", "", "".join(_covered(pdf))) == f"{title}［PDF形式：294KB］"
    assert validate(pdf) == []


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("book")
    specs = [p for p in sorted(REAL.glob("*.yaml")) if not p.name.endswith(".facts.yaml")]
    result = run_generate("annual", "--fiscal-year", "2021", *specs, "-o", out, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    return out / "annual-2021.pdf"


def test_the_annual_books_contents_entries_are_covered_to_their_last_glyph(book):
    texts = _covered(book)
    # each entry's title ends with its date, the （令和３年６月30日） whose closing
    # bracket the line's end compresses; the page numbers are links of their own
    entries = [t for t in texts if not t.isdigit()]
    assert len(entries) > 10 and sum(t.endswith("日）") for t in entries) > 10
    wrapped = [t for t in entries if t.startswith("（令和")]
    assert wrapped                               # some titles wrap: the date on a line of its own


# ------------------------------------------------------------------ no link over a bullet

# Every paragraph the PDF is drawn from, recorded as it is made: whether it holds a
# link (<a href>) and whether reportlab draws a bullet beside it (an item's marker)
_RECORD = """
import json, sys
from jpdocs.writers import composer
made = []
init = composer.JParagraph.__init__
def recording(self, text, style=None, bulletText=None, *args, **kwargs):
    if "<a href" in str(text):
        made.append(bulletText is not None)
    init(self, text, style, bulletText, *args, **kwargs)
composer.JParagraph.__init__ = recording
from jpdocs import cli
code = cli.main(sys.argv[1:])
print(json.dumps([code, made]))
"""


def test_no_link_is_drawn_over_a_bullet(tmp_path):
    """A bullet drawn by reportlab ends where the fonts' widths end it, so a link over a
    bulleted line would be short of its glyphs (the composer's spacing is measured on the
    text's runs, not the bullet's). No document puts one there, and this holds it: a link
    is a paragraph's (<p link>) or an annual book's contents entry, neither drawn beside a
    bullet (a paragraph's number is a run of its text, a contents entry's number a spread
    of it); an item, whose marker is the bullet, takes no link and no <a>, and a <p link>
    in an item is a paragraph of its own under it. Every linked paragraph of a notice with
    a linked document and of the real cases' 2021 annual book (its contents) is recorded
    as it is made: none has a bullet."""
    import json
    import subprocess
    import sys
    from jpdocs.content import markup
    from jpdocs.errors import InputError
    for text, refusal in (('<item marker="・" link="https://x.jp/">協定書</item>', "<item> has no attribute link"),
                          ('<item marker="・"><a href="https://x.jp/">協定書</a></item>', "<a> cannot stand")):
        with pytest.raises(InputError) as refused:
            markup.parse(f'<document kind="press-notice">{text}</document>', source="t")
        assert refusal in str(refused.value.problems[0].message), refused.value.problems
    _notice(tmp_path, "協定書")          # (its spec and photos: built again below, recorded)
    specs = [p for p in sorted(REAL.glob("*.yaml")) if not p.name.endswith(".facts.yaml")]
    for args in ([tmp_path / "tateyama-seven-2021.yaml", "-o", tmp_path / "again", "--format", "pdf"],
                 ["annual", "--fiscal-year", "2021", *specs, "-o", tmp_path / "book", "--format", "pdf"]):
        done = subprocess.run([sys.executable, "-c", _RECORD, *map(str, args)], capture_output=True, text=True,
                              cwd=ROOT, timeout=300)
        code, made = json.loads(done.stdout.splitlines()[-1])
        assert code == 0, done.stderr
        assert made and not any(made), (args[0], made)
