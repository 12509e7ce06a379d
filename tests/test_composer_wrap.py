"""JParagraph.wrap answers a wrap at the width of its last one, with the same style and
lines in hand, without wrapping again (composer.py): what reportlab's wrap would set
is set already. Anything that changes the answer wraps again, as a fresh paragraph
would: another width, another style (beside.py), the lines dropped (a split)."""
from __future__ import annotations

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle

from jpdocs.writers.composer import JParagraph

TEXT = ("今般、北海道オホーツク総合振興局と株式会社北洋銀行は、人材の育成及び交流に関すること、"
        "相互の人的・知的資源の活用を目的に連携協定を締結することとしました。")


@pytest.fixture
def style():
    from jpdocs.spec.style import load_style
    from jpdocs.writers.blocks import BlockBuilder
    font = BlockBuilder(load_style()).font["mincho"]
    return ParagraphStyle("body", fontName=font, fontSize=10.5, leading=18, alignment=TA_JUSTIFY, wordWrap="CJK")


def _state(p: JParagraph) -> tuple:
    return p.width, p.height, p._wrapWidths, [(ln.jl_span, ln.extraSpace) for ln in p.blPara.lines]


def _counted(monkeypatch) -> list:
    calls = []
    breaking = JParagraph.breakLinesCJK

    def counting(self, widths):
        calls.append(widths)
        return breaking(self, widths)
    monkeypatch.setattr(JParagraph, "breakLinesCJK", counting)
    return calls


def test_a_wrap_at_the_last_width_is_answered_without_breaking_again(style, monkeypatch):
    calls = _counted(monkeypatch)
    p = JParagraph(TEXT, style)
    first = p.wrap(200, 1000)
    state = _state(p)
    assert p.wrap(200, 50) == first            # (another height: the same answer)
    assert len(calls) == 1
    assert _state(p) == state


@pytest.mark.parametrize("change", ["width", "style", "split"])
def test_what_changes_the_answer_wraps_again_as_a_fresh_paragraph(style, monkeypatch, change):
    calls = _counted(monkeypatch)
    p = JParagraph(TEXT, style)
    p.wrap(200, 1000)
    width = 300 if change == "width" else 200
    if change == "style":                      # as beside.py sets a name's cell flush left
        p.style = ParagraphStyle("other", parent=style, leading=30, leftIndent=21)
        del p._jl_cache
    if change == "split":                      # reportlab's split drops the lines it had
        del p.blPara
    got = p.wrap(width, 1000)
    assert len(calls) == 2
    fresh = JParagraph(TEXT, p.style)
    assert got == fresh.wrap(width, 1000)
    assert _state(p) == _state(fresh)


def test_no_room_is_never_remembered_as_an_answer(style):
    p = JParagraph(TEXT, style)
    p.wrap(200, 1000)
    assert p.wrap(0.0, 1000) == (0, 0x7fffffff)
    assert p.wrap(0.0, 1000) == (0, 0x7fffffff)
    assert p.wrap(200, 1000) == JParagraph(TEXT, style).wrap(200, 1000)
