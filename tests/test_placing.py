"""placing.Placing places the plain flowables of a story itself, as reportlab's
handle_flowable and Frame.add would: real specs (the seed's documents and release,
the real specs, date-shifted and text-varied notices, the copies with their marks)
are built with it and with reportlab's own steps for every flowable, and every PDF
must be the same bytes."""
from __future__ import annotations

from test_drawing import _build_all, _specs_drawn  # (every PDF of the specs, and the seed's copies)


def test_flowables_placed_directly_are_reportlabs_bytes(tmp_path, monkeypatch):
    from reportlab.platypus import BaseDocTemplate
    from jpdocs.writers import placing
    specs = _specs_drawn(tmp_path, seed=37)
    placed = {"direct": 0, "reportlab": 0}
    direct, general = placing.Placing._placed, BaseDocTemplate.handle_flowable

    def counted(self, f):
        done = direct(self, f)
        placed["direct"] += done
        return done

    def counted_general(self, flowables):
        placed["reportlab"] += 1
        return general(self, flowables)
    monkeypatch.setattr(placing.Placing, "_placed", counted)
    monkeypatch.setattr(BaseDocTemplate, "handle_flowable", counted_general)
    fast = _build_all(specs, tmp_path / "fast")
    monkeypatch.setattr(BaseDocTemplate, "handle_flowable", general)

    def reportlabs(self, flowables):           # Placing as it was: the name kept, nothing placed
        if flowables:
            self.placing = flowables[0]
        return BaseDocTemplate.handle_flowable(self, flowables)
    monkeypatch.setattr(placing.Placing, "handle_flowable", reportlabs)
    slow = _build_all(specs, tmp_path / "slow")
    assert fast.keys() == slow.keys() and len(fast) > 20
    for name in fast:
        assert fast[name] == slow[name], f"{name} differs"
    assert placed["direct"] > 500                      # most flowables placed directly,
    assert placed["reportlab"] > 100                   # the rest (kept with the next, breaks,
                                                       # actions, those that did not fit) by reportlab


def test_what_placing_skips_does_nothing_for_its_flowables():
    """The steps Placing.handle_flowable leaves out do nothing for the types it places:
    no frame action, no zero size, no space transfer, no break before; and reportlab's
    filterFlowables leaves the list as it is."""
    from reportlab.platypus import BaseDocTemplate
    from jpdocs.writers import placing
    from jpdocs.writers.pages import _Template
    from jpdocs.writers.sheet import SheetTemplate
    from jpdocs.annual.pdf import _Book
    for kind in placing._DIRECT:
        for name in ("frameAction", "_ZEROSIZE", "_SPACETRANSFER", "pageBreakBefore", "frameBreakBefore"):
            assert not hasattr(kind, name), (kind, name)
    for template in (_Template, SheetTemplate, _Book):
        assert template.filterFlowables is BaseDocTemplate.filterFlowables
    flowables = [object(), object()]
    before = list(flowables)
    BaseDocTemplate.filterFlowables(None, flowables)
    assert flowables == before


def test_groups_measured_without_the_frame_copy_measure_as_reportlab(tmp_path, monkeypatch):
    """placing._measured (a kept group measured without _listWrapOn's deep copy of the
    frame) gives every group of the real specs the height and sizes _listWrapOn gives
    it; a table whose cells hold a flowable that may look at the frame is measured
    by _listWrapOn."""
    from reportlab.platypus import CondPageBreak, Spacer
    from reportlab.platypus.flowables import _listWrapOn
    from jpdocs.writers import placing
    from jpdocs.writers.flowables import MeasuredTable
    specs = _specs_drawn(tmp_path, seed=43)
    measured = []
    lean = placing._measured

    def compared(content, width, canv, dims):
        theirs = []
        height = _listWrapOn(content, width, canv, dims=theirs)[1]
        got = lean(content, width, canv, dims)
        assert (got, dims) == (height, theirs)
        measured.append(len(content))
        return got
    monkeypatch.setattr(placing, "_measured", compared)
    _build_all(specs, tmp_path / "out")
    assert len(measured) > 100 and max(measured) >= 3
    assert placing._frame_blind(MeasuredTable([["text", [Spacer(1, 2)]]]))
    assert not placing._frame_blind(MeasuredTable([["text", [CondPageBreak(20)]]]))
    assert not placing._frame_blind(MeasuredTable([[MeasuredTable([["nested"]])]]))
    table = MeasuredTable([["text"]])
    assert placing._frame_blind(table)
    table._cellvalues = [[[CondPageBreak(20)]]]         # (cells given anew: found again)
    assert not placing._frame_blind(table)
