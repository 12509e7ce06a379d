"""The kind of the paper on a line of its own, centred under the header and above the
date (press_notice.kind_line), as 横浜市 heads its 記者発表資料 (`yokohama-atsugi-2009`):
横浜市政記者、横浜ラジオ・テレビ記者各位 / 記者発表資料 / 平成21年4月10日 / the officials.

The real case is built by the real command line, PDF and DOCX; the PDF read back line
by line with each line's edges (centred: as far from the left margin as the title is),
the DOCX reopened (its paragraph centred, in the head's order). Variations of the seed
show it without a header, under a header dated above it, and not in the release after
the signing; an empty one stops with file, line and key.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from jpdocs import cli
from lxml import etree

from conftest import needs_poppler, no_space
from test_contact_forms import W, docx_paragraphs, lines_of
from test_notice_format import check, variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "yokohama-atsugi-2009"
KIND = ("  issue_date: 2024-02-16\n", "  kind_line: 記者発表資料\n  issue_date: 2024-02-16\n")
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")


def centre(line: tuple[str, float, float]) -> float:
    return (line[1] + line[2]) / 2


def docx_alignment(path: Path, text: str) -> str | None:
    """The w:jc of the DOCX paragraph whose text is `text`."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    for p in body.iter(f"{W}p"):
        if "".join(t.text or "" for t in p.iter(f"{W}t")) == text:
            return next((jc.get(f"{W}val") for jc in p.iter(f"{W}jc")), None)
    raise AssertionError(f"no paragraph {text!r}")


@needs_poppler
def test_yokohama_sets_its_kind_between_the_header_and_the_date_centred(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--format", "pdf,docx"]) == 0
    out = tmp_path / CASE
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    # the header broken before 各位, as the page breaks it; the kind line under it
    assert texts[:4] == ["横浜市政記者、横浜ラジオ・テレビ記者", "各位", "記者発表資料", "平成21年４月10日"], texts[:5]
    title = next(line for line in lines if line[0].startswith("横浜市と米海軍"))
    assert abs(centre(lines[2]) - centre(title)) < 1.0, (lines[2], title)
    assert lines[2][1] > lines[0][1] + 100           # not at the margin, where the header stands
    assert sum("記者発表資料" in text for text in texts) == 1
    docx = [text for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[:3] == ["横浜市政記者、横浜ラジオ・テレビ記者各位", "記者発表資料", "平成21年４月10日"], docx[:4]
    assert docx_alignment(out / "press-notice.docx", "記者発表資料") == "center"


@needs_poppler
@pytest.mark.parametrize("change, house, head", [
    # no header: the kind line first, then the date
    (("  issue_date: 2024-02-16\n", "  header: false\n  kind_line: 記者発表資料\n  issue_date: 2024-02-16\n"), None,
     ["記者発表資料", "令和６年（2024年）２月16日（金）配布"]),
    # the date above the header: the kind still under the header
    (KIND, "notice:\n  date_above_header: true\n", ["令和６年（2024年）２月16日（金）配布", "報道機関各位", "記者発表資料"]),
])
def test_the_kind_line_stands_under_the_header_wherever_the_date_is(change, house, head, tmp_path, capsys):
    path = variant(tmp_path, change, style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    texts = [no_space(text) for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert texts[:len(head)] == [no_space(h) for h in head], texts[:4]
    docx = [no_space(text) for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[:len(head)] == [no_space(h) for h in head], docx[:4]


@needs_poppler
def test_the_release_after_the_signing_prints_no_kind_line(tmp_path, capsys):
    """The key is the notice's: the release after it is another paper."""
    path = variant(tmp_path, KIND, AFTER)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    assert "記者発表資料" in [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert all("記者発表資料" not in text for text, _, _ in lines_of(out / "press-notice-after.pdf"))


def test_an_empty_kind_line_is_refused_at_its_line(tmp_path, capsys):
    path = variant(tmp_path, ("  issue_date: 2024-02-16\n", "  kind_line: \"\"\n  issue_date: 2024-02-16\n"))
    code, _, err = check(path, capsys)
    line = path.read_text(encoding="utf-8").splitlines().index("  kind_line: \"\"") + 1
    assert code == 1 and f"error: {path}:{line}: press_notice.kind_line: " in err, err
