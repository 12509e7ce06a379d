"""Where the header line of a notice stands (the house's notice.header_place): in the head
(default) or on the line under the title, as 長野県林務部's blog keeps its releases: the
entry's title, then the release's own ＜林務部プレスリリース＞ (`nagano-fuchu-sakuho-2011`).

The real case is built by the real command line, PDF and DOCX, and read back line by
line (order, the header at the left margin) and paragraph by paragraph. Variations of
the seed: a dated notice with its office (the head keeps the date and the office, the
header alone moves), the release after the signing alike, a date set under the title
too (the header first); beside date_above_header: true an error at the key's line.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import variant

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "nagano-fuchu-sakuho-2011"
AFTER = ("  closing_ijo:", "  after:\n    issue_date: 2024-02-28\n    opening: [本日、締結しました。]\n  closing_ijo:")
UNDER = "notice:\n  header_place: under_title\n"


@needs_poppler
def test_the_blog_sets_its_title_then_the_release_s_own_line(tmp_path):
    assert cli.main([str(REAL / f"{CASE}.yaml"), "-o", str(tmp_path), "--kinds", "press-notice",
                     "--format", "pdf,docx"]) == 0
    out = tmp_path / CASE
    lines = lines_of(out / "press-notice.pdf")
    texts = [text for text, _, _ in lines]
    assert texts[:2] == ["府中市と佐久穂町との森林の里親協定", "＜林務部プレスリリース＞"], texts[:3]
    assert sum("林務部プレスリリース" in text for text in texts) == 1
    margin = min(left for _, left, _ in lines)
    assert abs(lines[1][1] - margin) < 0.5 and lines[0][1] > margin + 10, lines[:2]   # the title centred
    docx = [no_space(text) for text in docx_paragraphs(out / "press-notice.docx") if text.strip()]
    assert docx[:2] == ["府中市と佐久穂町との森林の里親協定", "＜林務部プレスリリース＞"], docx[:3]


@needs_poppler
@pytest.mark.parametrize("house, order", [
    # the head keeps the date and the office; the header alone goes under the title
    (UNDER, ["令和６年", "北海道オホーツク総合振興局", "項目", "報道機関各位"]),
    # a date under the title too: the header first, then the date
    (UNDER + "  date_place: under_title\n", ["北海道オホーツク総合振興局", "項目", "報道機関各位", "令和６年"]),
])
def test_only_the_header_moves_under_the_title(house, order, tmp_path, capsys):
    path = variant(tmp_path, AFTER, style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice,press-notice-after",
                     "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    for name in ("press-notice", "press-notice-after"):
        for texts in ([text for text, _, _ in lines_of(out / f"{name}.pdf")],
                      [no_space(text) for text in docx_paragraphs(out / f"{name}.docx") if text.strip()]):
            at = [next((i for i, text in enumerate(texts) if text.startswith(no_space(o))), None) for o in order]
            assert None not in at and at == list(range(at[0], at[0] + len(order))), (name, order, texts[:6])   # line after line
            assert sum("報道機関各位" in text for text in texts) == 1, (name, texts[:6])


def test_the_header_under_the_title_beside_a_date_above_it_is_refused(tmp_path, capsys):
    path = variant(tmp_path, style="notice:\n  date_above_header: true\n  header_place: under_title\n")
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf"])
    err = capsys.readouterr().err
    assert code == 1
    assert (f"error: {tmp_path / 'house.yaml'}:3: notice.header_place: header_place: under_title sets the header"
            " line under the title, and date_above_header: true sets the date above it") in err, err
    assert "Traceback" not in err and not (tmp_path / "out" / path.stem).exists()
