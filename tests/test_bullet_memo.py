"""drawing._bullet draws a paragraph's bullet (１, ・, the 記's １　日　時：) from memory
where reportlab's `_drawBullet` would set its font, colour and each part: a bullet
drawn from memory must write the bytes reportlab's own drawing writes, and leave the
paragraph's first line at the same offset, whatever the process drew before. Checked
on real builds (against reportlab's bullet drawing, remembering in two orders) and on
bullets made to differ in one thing only (text, a part's placing, font, size, colour,
indent, offset), each against reportlab's own in a document of its own."""
from __future__ import annotations

import io

import pytest

from test_drawing import _build_all, _specs_drawn  # (every PDF of the specs, and the seed's copies)


def test_bullets_drawn_from_memory_are_reportlabs_bytes(tmp_path, monkeypatch):
    from jpdocs.writers import drawing
    specs = _specs_drawn(tmp_path, seed=43)
    monkeypatch.setattr(drawing, "_BULLETS", {})
    made = drawing._bullet_program
    counted = {"made": 0, "parts": 0}

    def counting(text, style):
        got = made(text, style)
        if got is not None:
            counted["made"] += 1
            counted["parts"] = max(counted["parts"], len(got[2]))
        return got
    monkeypatch.setattr(drawing, "_bullet_program", counting)
    drawn = {"bullets": 0}
    bullet = drawing._bullet

    def bullets(*args):
        drawn["bullets"] += 1
        return bullet(*args)
    monkeypatch.setattr(drawing, "_bullet", bullets)
    remembered = _build_all(specs, tmp_path / "remembered")
    backwards = _build_all(specs[::-1], tmp_path / "backwards")      # each drawn after all the others
    # most bullets from memory, some of several parts (a marker with a spread part)
    assert drawn["bullets"] > 300 and counted["made"] < drawn["bullets"] / 4, (drawn, counted)
    assert counted["parts"] >= 2, counted
    monkeypatch.setattr(drawing, "_bullet_key", lambda text, style: None)     # reportlab's _drawBullet
    plain = _build_all(specs, tmp_path / "plain")
    assert plain.keys() == remembered.keys() == backwards.keys() and len(plain) > 20
    for name in plain:
        assert remembered[name] == plain[name], f"{name} differs with its bullets from memory"
        assert backwards[name] == plain[name], f"{name} differs drawn after the others"


def _styles():
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from jpdocs.spec.style import load_style
    from jpdocs.writers.blocks import BlockBuilder
    font = BlockBuilder(load_style()).font
    base = dict(fontName=font["mincho"], fontSize=10.5, leading=18, bulletFontName=font["mincho"],
                bulletFontSize=10.5, leftIndent=21, bulletIndent=0)
    return font, {
        "plain": ParagraphStyle("plain", **base),
        "gothic": ParagraphStyle("gothic", **{**base, "bulletFontName": font["gothic"]}),
        "small": ParagraphStyle("small", **{**base, "bulletFontSize": 9}),
        "red": ParagraphStyle("red", **base, bulletColor=colors.Color(0.8, 0, 0)),
        "half red": ParagraphStyle("half red", **base, bulletColor=colors.Color(0.8, 0, 0, alpha=0.5)),
        "indented": ParagraphStyle("indented", **{**base, "bulletIndent": 10.5, "leftIndent": 42}),
        "raised": ParagraphStyle("raised", **base, bulletOffsetY=2),
        "parts": ParagraphStyle("parts", **{**base, "bulletFontSize": 0}),
        "middle": ParagraphStyle("middle", **base, bulletAnchor="middle"),       # (reportlab's own way)
    }


def _bullets():
    """(style, bullet text) pairs that differ in one thing from another of them."""
    from reportlab.lib import colors
    from jpdocs.writers.inline_runs import bullet_frag
    from jpdocs.writers.composer import spread_run
    font, styles = _styles()
    mincho, gothic = font["mincho"], font["gothic"]
    wide = spread_run("日時", mincho, 10.5, 42)
    wider = spread_run("日時", mincho, 10.5, 52.5)

    def parts(*runs, colour=colors.black):
        return [bullet_frag(text, name, size, colour) for text, name, size in runs]
    return [
        (styles["plain"], "・"), (styles["plain"], "１"), (styles["plain"], "（１）"),
        (styles["gothic"], "・"), (styles["small"], "・"), (styles["red"], "・"), (styles["half red"], "・"),
        (styles["indented"], "・"), (styles["raised"], "・"), (styles["middle"], "１."),
        (styles["parts"], parts(("１", mincho, 10.5), ("　", mincho, 10.5), (wide, mincho, 10.5),
                                ("：", mincho, 10.5))),
        (styles["parts"], parts(("１", mincho, 10.5), ("　", mincho, 10.5), (wider, mincho, 10.5),
                                ("：", mincho, 10.5))),
        (styles["parts"], parts(("１", mincho, 10.5), ("　", gothic, 10.5), (wide, mincho, 10.5))),
        (styles["parts"], parts(("１", mincho, 10.5), ("", mincho, 10.5), (wide, mincho, 9))),
        (styles["parts"], parts(("◆", gothic, 10.5), colour=colors.Color(0, 0, 0.6))),
    ]


def _drawn(draw, bullets, order):
    """Each bullet drawn by `draw(canvas, offset, cur_y, text, style)` in `order`, after the
    ones before it in its document (a new document every fourth: its fonts named anew):
    each document's code, fonts and codes drawn, and the offsets the bullets gave."""
    from jpdocs.writers.tags import Node, TaggingCanvas
    out, canvas = [], None
    for k, i in enumerate(order):
        if k % 4 == 0:
            if canvas is not None:
                out.append(_document(canvas))
            tree = Node("Document")
            canvas = TaggingCanvas(io.BytesIO(), jp_tree=tree)
            canvas.jp_offsets = []
        style, text = bullets[i]
        canvas.jp_text((Node("Lbl", tree), None))
        canvas.jp_offsets.append(draw(canvas, 3.0, 12.5, text, style))
    out.append(_document(canvas))
    return out


def _document(canvas):
    return ("\n".join(canvas._code), dict(canvas._doc.fontMapping), canvas.jp_offsets,
            {coding.font.fontName: list(codes) for coding, (_, codes) in canvas._doc.jp_cid_fonts.items()})


@pytest.mark.parametrize("order", ["forwards", "backwards", "shuffled"])
def test_a_bullet_differing_in_one_thing_is_drawn_as_reportlab_draws_it(monkeypatch, order):
    import random
    from reportlab.platypus import paragraph as rl_paragraph
    from jpdocs.writers import drawing
    bullets = _bullets()
    n = len(bullets)
    sequence = {"forwards": list(range(n)) * 2, "backwards": list(range(n))[::-1] * 2,
                "shuffled": random.Random(17).sample(range(n), n) * 3}[order]
    monkeypatch.setattr(drawing, "_BULLETS", {})
    remembered = _drawn(drawing._bullet, bullets, sequence)
    # every bullet remembered but the "middle" one; the "indented" and "raised" ones are
    # the "plain" one's code begun elsewhere
    assert len(drawing._BULLETS) == n - 3

    def reportlabs(canvas, offset, cur_y, text, style):
        return rl_paragraph._drawBullet(canvas, offset, cur_y, text, style, rtl=False)
    assert remembered == _drawn(reportlabs, bullets, sequence)
    # the bullets do write different code (the key must tell them apart): no two alike
    singles = [_drawn(drawing._bullet, bullets, [i])[0] for i in range(n)]
    assert len({repr(s) for s in singles}) == n
