"""A table's reportlab object made once per shape and copied (writers/table_shapes.py):
a copy is what reportlab's Table, set_every_cell and setStyle make of the same rows,
shares nothing a document changes with the made one or another copy, and the real
documents come out byte for byte as with every table made afresh. The bytes of a
notice built after others against built alone: tests/test_layout_memos.py."""
from __future__ import annotations

from reportlab.platypus import Table

from conftest import ROOT, SEED_SPEC


def _rows(texts):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    return [[[Paragraph(a, ParagraphStyle("x"))], b] for a, b in texts]


_EVERY = dict(valign="TOP", fontname="Helvetica", leftPadding=4.0, rightPadding=4.0, topPadding=4.0,
              bottomPadding=4.0)
_CMDS = [("SPAN", (0, 1), (1, 1)), ("BACKGROUND", (0, 0), (0, 0), "#DDEEFF"), ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
         ("TOPPADDING", (0, 0), (0, 0), 7.5), ("GRID", (0, 0), (-1, -1), 0.6, "#808080")]


def _state(table):
    """A table's attributes, its cells' styles by their attributes."""
    d = dict(table.__dict__)
    d["_cellStyles"] = [[s.__dict__ for s in row] for row in d["_cellStyles"]]
    return d


def test_a_copy_is_what_reportlab_makes_of_the_same_rows(monkeypatch):
    from jpdocs.writers import table_shapes
    table_shapes._MADE.clear()
    made = []
    setstyle = Table.setStyle
    monkeypatch.setattr(Table, "setStyle", lambda self, s: made.append(self) or setstyle(self, s))
    first_rows, second_rows = _rows([("一", ""), ("二", "")]), _rows([("三", ""), ("四", "")])
    first = table_shapes.shaped_table(first_rows, [100.0, 200.0], _EVERY, _CMDS, 1)
    second = table_shapes.shaped_table(second_rows, [100.0, 200.0], _EVERY, _CMDS, 1)
    assert len(made) == 1 and len(table_shapes._MADE) == 1          # made once, for both
    fresh = table_shapes._made(_rows([("三", ""), ("四", "")]), [100.0, 200.0], _EVERY, _CMDS, 1)
    ours, theirs = _state(second), _state(fresh)
    assert ours.keys() == theirs.keys()
    for name in ours:
        if name == "_cellvalues":
            assert [[type(c) for c in row] for row in ours[name]] == [[type(c) for c in row] for row in theirs[name]]
            assert [row[0][0].text for row in ours[name]] == ["三", "四"]
        elif name in ("_bkgrndcmds", "_linecmds"):        # (colours: equal values, not the same objects)
            assert [[getattr(x, "hexval", lambda: x)() for x in cmd] for cmd in ours[name]] == \
                   [[getattr(x, "hexval", lambda: x)() for x in cmd] for cmd in theirs[name]]
        else:
            assert ours[name] == theirs[name], name
    assert second._cellStyles[0][0].topPadding == 7.5 and second._cellStyles[0][1].valign == "MIDDLE"
    # nothing a document changes is shared: the rows, the cells' styles, the lists
    shape = next(iter(table_shapes._MADE.values()))
    for a, b in ((first, second), (first, shape), (second, shape)):
        assert a._cellvalues is not b._cellvalues
        assert not {id(r) for r in a._cellvalues} & {id(r) for r in b._cellvalues}
        assert not {id(s) for row in a._cellStyles for s in row} & {id(s) for row in b._cellStyles for s in row}
        for name, value in a.__dict__.items():
            if type(value) in (list, dict):
                assert value is not b.__dict__[name], name
    assert second._rowHeights is second._argH and second._colWidths is second._argW   # aliased as made
    assert all(c == "" for row in shape._cellvalues for c in row)      # the shape holds no cells


def test_the_shapes_are_bounded(monkeypatch):
    from jpdocs.writers import table_shapes
    monkeypatch.setattr(table_shapes, "_LIMIT", 3)
    table_shapes._MADE.clear()
    for k in range(8):
        table_shapes.shaped_table(_rows([("一", "")]), [100.0 + k, 200.0], _EVERY, [], 0)
        assert 1 <= len(table_shapes._MADE) <= 3
    table_shapes._MADE.clear()


def test_documents_are_the_same_bytes_with_every_table_made_afresh(tmp_path, monkeypatch):
    from jpdocs.build import batch
    from jpdocs.writers import table_shapes
    real = sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml")
                  if not p.name.endswith(".facts.yaml"))
    specs = [SEED_SPEC, *real[:8]]

    def build(out):
        batch._init_worker(("pdf",), None)
        for spec in specs:
            res = batch.build_one(str(spec), str(out), ("pdf",), None, force=True)
            assert res.status == "built", res.problems
        return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.pdf"))}
    table_shapes._MADE.clear()
    ours = build(tmp_path / "ours")
    assert table_shapes._MADE                                          # (used)
    with monkeypatch.context() as m:                                   # every table made afresh
        from jpdocs.writers import block_table
        m.setattr(block_table, "shaped_table", table_shapes._made)
        theirs = build(tmp_path / "theirs")
    assert len(ours) >= 10 and ours.keys() == theirs.keys()
    for name in ours:
        assert ours[name] == theirs[name], name
