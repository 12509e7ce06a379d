"""drawing.py remembers the code of a paragraph's text object (its program) and plays
it into the next paragraph of the same composition, style, height, bullet and label:
a paragraph drawn from memory must write the bytes of one drawn afresh, whatever the
process drew before. Checked on real builds (remembering, in two orders, against a
memory that never remembers, and against a spec built alone in a process of its
own) and on paragraphs made to differ in one thing only (colour, alignment, bullet,
label, the font a document draws first)."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED_SPEC

from test_drawing import _build_all, _specs_drawn  # (every PDF of the specs, and the seed's copies)


def _forgetting(monkeypatch):
    """drawing.py finding no place to remember a paragraph's code: every one made afresh
    (and no wrap's lines taken from composer._WRAPPED, which keep what they were drawn
    from: drawing.draw_lines)."""
    from jpdocs.writers import composer, drawing
    monkeypatch.setattr(drawing, "_key", lambda *args: None)
    monkeypatch.setattr(composer, "_WRAPPED", {})


def _count_played(monkeypatch) -> dict:
    """drawing._play counted where it plays a program played before (from memory), by
    the steps the program holds that are the document's."""
    from jpdocs.writers import drawing
    played = {"programs": 0, "fonts named": 0, "colours": 0, "label switches": 0}
    before: dict[int, tuple] = {}           # (the programs kept alive: no id taken again)
    play = drawing._play

    whole = drawing._played_whole

    def note(program):
        if id(program) in before:
            kinds = [s[0] for s in program[0] if type(s) is tuple]
            played["programs"] += 1
            played["fonts named"] += kinds.count(drawing._NAME)
            played["colours"] += kinds.count(drawing._COLOUR)
            played["label switches"] += kinds.count(drawing._AFTER)
        before[id(program)] = program

    def counted(program, tx, doc):
        note(program)
        return play(program, tx, doc)

    def counted_whole(canvas, x, y, program):             # (a text object's code written whole)
        done = whole(canvas, x, y, program)
        if done:
            note(program)
        return done
    monkeypatch.setattr(drawing, "_play", counted)
    monkeypatch.setattr(drawing, "_played_whole", counted_whole)
    return played


def test_paragraphs_drawn_from_memory_are_the_bytes_drawn_afresh(tmp_path, monkeypatch):
    from jpdocs.writers import drawing
    specs = _specs_drawn(tmp_path, seed=41)
    remember = drawing._key
    _forgetting(monkeypatch)
    afresh = _build_all(specs, tmp_path / "afresh")
    monkeypatch.setattr(drawing, "_key", remember)
    played = _count_played(monkeypatch)
    remembered = _build_all(specs, tmp_path / "remembered")
    backwards = _build_all(specs[::-1], tmp_path / "backwards")     # each drawn after all the others
    assert afresh.keys() == remembered.keys() == backwards.keys() and len(afresh) > 20
    for name in afresh:
        assert remembered[name] == afresh[name], f"{name} differs drawn from memory"
        assert backwards[name] == afresh[name], f"{name} differs drawn after the others"
    # most paragraphs of the second round from memory, and with them what is the document's
    assert played["programs"] > 1500, played
    assert played["fonts named"] > 300 and played["colours"] > 1500 and played["label switches"] > 100, played

    # the seed spec built alone, in a process of its own, is the same bytes
    alone = tmp_path / "alone"
    done = subprocess.run([sys.executable, str(ROOT / "generate.py"), str(SEED_SPEC), "-o", str(alone),
                           "--format", "pdf", "--force"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    built = {p.relative_to(alone): p.read_bytes() for p in alone.rglob("*.pdf")}
    assert len(built) >= 3
    for name, data in built.items():
        assert data == remembered[Path("plain") / name], name


def test_text_objects_written_whole_are_the_bytes_of_the_text_objects_made(tmp_path, monkeypatch):
    """A paragraph drawn from memory has its text object's code written whole
    (drawing._played_whole: no text object made, the canvas's beginText and drawText
    and _play's steps written out); the files are the bytes of the same builds with
    every text object made and played."""
    from jpdocs.writers import drawing
    specs = _specs_drawn(tmp_path, seed=43)
    whole = drawing._played_whole
    counted = {True: 0, False: 0}

    def counting(*args):
        done = whole(*args)
        counted[done] += 1
        return done
    monkeypatch.setattr(drawing, "_played_whole", counting)
    written = _build_all(specs, tmp_path / "whole")
    monkeypatch.setattr(drawing, "_played_whole", lambda *args: False)
    made = _build_all(specs, tmp_path / "made")
    assert written.keys() == made.keys() and len(written) > 20
    for name in written:
        assert written[name] == made[name], f"{name} differs written whole"
    # the paragraphs drawn from memory so (a label's switch, 第１条, ２, never: its own program)
    assert counted[True] > 400, counted


def _documents(variants, order):
    """Each list of paragraph variants drawn, in `order`, into a tagged document of its
    own: each document's pages' code and its fonts' names."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from jpdocs.spec.style import load_style
    from jpdocs.writers.blocks import BlockBuilder
    from jpdocs.writers.composer import JParagraph
    from jpdocs.writers.tags import Node, TaggingCanvas

    font = BlockBuilder(load_style()).font
    text = "北海道オホーツク総合振興局と斜里町は、災害時における相互支援体制の構築、人材の育成及び交流に関すること"
    base = dict(fontName=font["mincho"], fontSize=10.5, leading=18, alignment=TA_JUSTIFY, wordWrap="CJK",
                bulletFontName=font["mincho"], bulletFontSize=10.5)
    kinds = {
        "plain": ({}, {}),
        "red": ({"textColor": colors.Color(0.8, 0, 0)}, {}),
        "centred": ({"alignment": TA_CENTER}, {}),
        "right": ({"alignment": TA_RIGHT}, {}),
        "indented": ({"firstLineIndent": 10.5}, {}),
        "gothic": ({"fontName": font["gothic"]}, {}),
        "bullet": ({"leftIndent": 21}, {"bulletText": "・"}),
        "wide bullet": ({"leftIndent": 21}, {"bulletText": "（１）"}),
        "label 2": ({}, {"label": 2}),
        "label 30": ({}, {"label": 30}),         # (its characters out at the second line's run)
        "label 500": ({}, {"label": 500}),       # (never out: the switch left at the end)
    }
    out = []
    for doc in order:
        tree = Node("Document")
        canvas = TaggingCanvas(io.BytesIO(), jp_tree=tree)
        for kind in variants[doc]:
            style_kw, para_kw = kinds[kind]
            style = ParagraphStyle(kind, **{**base, **style_kw})
            label = para_kw.get("label")
            para = JParagraph(text, style, bulletText=para_kw.get("bulletText"))
            para.jp_node = Node("P", tree)
            para.jp_label = Node("Lbl", para.jp_node) if label or para.bulletText else None
            para.jp_label_chars = label or 0
            para.wrap(200, 1000)
            para.drawOn(canvas, 50, 500)
        out.append(("\n".join(canvas._code), dict(canvas._doc.fontMapping),
                    {coding.font.fontName: sorted(codes) for coding, (_, codes) in canvas._doc.jp_cid_fonts.items()}))
    return out


def test_a_paragraph_differing_in_one_thing_is_drawn_as_itself(monkeypatch):
    """Paragraphs of one text drawn in documents that draw other paragraphs before
    them (their fonts named in another order, their MCIDs numbered on): each
    document the same with the memory as without, and no two variants alike."""
    variants = [["plain", "red", "centred", "right", "indented", "gothic", "bullet", "wide bullet",
                 "label 2", "label 30", "label 500"],
                ["gothic", "label 30", "wide bullet", "plain", "label 2", "red", "bullet", "right", "indented",
                 "centred", "label 500"],
                ["label 2", "bullet", "plain", "plain", "gothic", "gothic", "red", "label 30"]]
    order = [0, 1, 2, 1, 0, 2]
    played = _count_played(monkeypatch)
    remembered = _documents(variants, order)
    assert played["programs"] > 20 and played["label switches"] > 5, played
    _forgetting(monkeypatch)
    afresh = _documents(variants, order)
    assert remembered == afresh
    # the variants do write different code (the key must tell them apart): each one
    # alone in a document, no two the same
    singles = [(page, str(fonts)) for page, fonts, _ in _documents([[kind] for kind in variants[0]],
                                                              range(len(variants[0])))]
    assert len(set(singles)) == len(singles)
    assert afresh[0][1] != afresh[1][1]                 # (the fonts named in another order)


def test_copies_of_a_paragraph_share_its_lines_and_what_they_were_drawn_from(monkeypatch):
    """The story's paragraphs are copies of one made per house style (blocks._fresh),
    sharing its frags: a copy wrapped at widths another was wrapped at takes its lines
    (composer._WRAPPED) and, drawn alike, the memory's entry they were drawn from
    (drawing.draw_lines: jl_drawn), without looking for it again; a copy whose style
    was replaced (as writers/beside.py replaces it) or drawn at another height is
    wrapped and drawn as itself. Every document the same as drawn afresh."""
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from jpdocs.spec.style import load_style
    from jpdocs.writers import composer, drawing
    from jpdocs.writers.blocks import BlockBuilder, _fresh
    from jpdocs.writers.composer import JParagraph
    from jpdocs.writers.tags import Node, TaggingCanvas

    font = BlockBuilder(load_style()).font
    text = "北海道オホーツク総合振興局と網走信用金庫は、災害時における相互支援体制の構築、人材の育成及び交流に関すること"
    style = ParagraphStyle("p", fontName=font["mincho"], fontSize=10.5, leading=18, alignment=TA_JUSTIFY,
                           wordWrap="CJK", bulletFontName=font["mincho"], bulletFontSize=10.5, leftIndent=21)
    left = ParagraphStyle("left", parent=style, alignment=TA_LEFT)
    made = JParagraph(text, style, bulletText="・")
    looked_up = {"keys": 0}
    key = drawing._key

    def counted(*args):
        looked_up["keys"] += 1
        return key(*args)
    monkeypatch.setattr(drawing, "_key", counted)

    def documents(changes):
        """Each copy of `made` wrapped, changed as said and drawn in a document of its own."""
        out, lines = [], []
        for change in changes:
            tree = Node("Document")
            canvas = TaggingCanvas(io.BytesIO(), jp_tree=tree)
            para = _fresh(made)
            para.jp_node = Node("P", tree)
            para.jp_label = Node("Lbl", para.jp_node)
            if change == "left":
                para.style = left
            para.wrap(200, 1000)
            if change == "taller":
                para.height += 18
            para.drawOn(canvas, 50, 500)
            out.append("\n".join(canvas._code))
            lines.append(para.blPara)
        return out, lines

    changes = ["same", "same", "left", "same", "taller", "left", "taller", "same"]
    monkeypatch.setattr(composer, "_WRAPPED", {})
    remembered, lines = documents(changes)
    shared = [changes[i] for i in range(1, len(changes)) if any(lines[i] is lines[j] for j in range(i))]
    assert shared == ["same", "same", "taller", "left", "taller", "same"]   # the lines of the same style shared
    assert lines[2] is not lines[0]
    # the key looked for by the first draw of each style and height, and after a
    # draw at another height (what its lines keep is the last draw's): the draws 0, 2,
    # 4 and 7
    assert looked_up["keys"] == 4, looked_up
    monkeypatch.setattr(drawing, "_key", lambda *args: None)
    monkeypatch.setattr(composer, "_WRAPPED", {})
    afresh, _ = documents(changes)
    assert remembered == afresh
    assert len(set(afresh)) == 3                        # (the changes do change what is drawn)
