"""A doc template that names the flowable it could not place, and places the plain
flowables of our stories itself.

reportlab's `handle_flowable` takes every flowable through the same general steps:
`filterFlowables`, `handle_breakBefore` (four attribute tests), `handle_keepWithNext`,
then `Frame.add`, which sets and deletes two attributes on the flowable, asks it for
a frame action, its space before and after (each `Flowable.getSpace…` two or three
`hasattr`s), looks for frame backgrounds, and sets the frame's position through
`Frame.__setattr__`; then `drawOn`. A notice is some 35 such steps, most of them a
paragraph that fits where it stands. `Placing.handle_flowable` does the same for a
flowable of one of the types we make (`_DIRECT`) that none of those general steps
would act on: the same wrap with the same arguments, the same test of whether it
fits, the same `drawOn` at the same place, the frame left as `Frame.add` leaves it,
the same count and `afterFlowable`; and a group kept together (a KeepTogether, or
a flowable kept with the next) where all of it fits, as reportlab's KeepTogether
split leaves it (`_kept_together`). Anything else — a break before it, frame
backgrounds, an action, a group that does not fit or stands in an indented frame,
one that does not fit (reportlab then splits it or moves it on) — goes to
reportlab's own steps, which are also what runs where one of these tests fails.
A notice's flowables all take this way but its pages' own actions.
"""
from __future__ import annotations

from reportlab.platypus import Indenter, KeepTogether, Spacer
from reportlab.platypus.doctemplate import LayoutError, _addGeneratedContent, _ktAllow
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.frames import _FUZZ

from .composer import JParagraph
from .flowables import MeasuredTable, SealPlace, TrackedLine

# the flowables placed here: each wraps and draws as reportlab's Flowable protocol
# says, has no frameAction, no _ZEROSIZE and no _SPACETRANSFER; the templates keep
# reportlab's filterFlowables, which does nothing (tests/test_placing.py)
_DIRECT = frozenset((JParagraph, MeasuredTable, TrackedLine, Spacer, SealPlace))


# flowables whose wrap never looks at the document or its frame (a table's cells may hold
# these, text and nothing: _frame_blind)
_BLIND = frozenset((JParagraph, TrackedLine, Spacer, SealPlace))


def _frame_blind(f) -> bool:
    """Whether measuring `f` cannot reach the document's frame: one of _BLIND, an
    Indenter (not measured), or a MeasuredTable whose cells hold only text and _BLIND
    flowables (found once per table, kept with the list of cells it was found for:
    a table's cells are not changed once it is made, a copy's are a new list)."""
    kind = type(f)
    if kind in _BLIND or kind is Indenter:
        return True
    if kind is not MeasuredTable:
        return False
    d = f.__dict__
    cells = f._cellvalues
    found = d.get("_jp_frame_blind")
    if found is None or found[0] is not cells:
        found = d["_jp_frame_blind"] = (cells, all([
            cell is None or type(cell) is str or type(cell) in _BLIND
            or (type(cell) in (list, tuple) and all([type(v) in _BLIND for v in cell]))
            for row in cells for cell in row]))
    return found[1]


def _measured(content, width, canv, dims) -> float:
    """reportlab's `_listWrapOn(content, width, canv, dims=dims)[1]` (KeepTogether's
    measure) of flowables that never look at the document's frame (`_frame_blind`):
    its loop, without the deep copy of the frame it makes for the measured flowables
    to act on, and the content they leave on it taken after each (none: they cannot
    reach it). The copy alone was ~48,000 instructions, some six groups a notice."""
    height = space_after = 0
    at_top = 1
    for f in content:
        if hasattr(f, "frameAction"):
            if isinstance(f, Indenter):
                width -= f.left + f.right
            continue
        w, h = f.wrapOn(canv, width, 0xfffffff)
        dims.append((w, h))
        if h <= _FUZZ:
            continue
        height += h
        if not at_top:
            h = f.getSpaceBefore()
            if getattr(f, "_SPACETRANSFER", False):
                h = space_after
            h = max(h - space_after, 0)
            height += h
        else:
            at_top = 0
        s = f.getSpaceAfter()
        if getattr(f, "_SPACETRANSFER", False):
            s = space_after
        space_after = s
        height += space_after
    return height - space_after


def _breaks_before(f) -> bool:
    """Whether reportlab's handle_breakBefore would put a break before `f`."""
    style = getattr(f, "style", None)
    return (hasattr(f, "_skipMeNextTime") or getattr(f, "pageBreakBefore", 0) == 1
            or getattr(style, "pageBreakBefore", 0) == 1 or getattr(f, "frameBreakBefore", 0) == 1
            or getattr(style, "frameBreakBefore", 0) == 1)


class Placing:
    """Mixed into a doc template (before reportlab's class): remembers the flowable it
    is placing, so that one too large for any page can be named (reportlab's
    LayoutError only describes it); places the plain ones itself (module docstring)."""
    placing = None

    def handle_flowable(self, flowables):
        if flowables:
            f = flowables[0]
            self.placing = f
            kind = type(f) if getattr(self, "frame", None) is not None else None
            if kind is Indenter:
                # Frame.add calls its frameAction and nothing else; not counted, no afterFlowable
                del flowables[0]
                f.frameAction(self.frame)
                _addGeneratedContent(flowables, self.frame)
                return None
            if kind in _DIRECT and not _breaks_before(f):
                if not f.getKeepWithNext():
                    if self._placed(f):
                        del flowables[0]
                        self._done(f, flowables)
                        return None
                elif self._kept_together(flowables):
                    return None
            elif kind is KeepTogether and not _breaks_before(f) and self._kept_together(flowables):
                return None
        return super().handle_flowable(flowables)

    def _done(self, f, flowables) -> None:
        """What handle_flowable does after a flowable is drawn."""
        self._curPageFlowableCount += 1
        self.afterFlowable(f)
        _addGeneratedContent(flowables, self.frame)

    def _kept_together(self, flowables) -> bool:
        """A KeepTogether at the head of the list, or the flowables reportlab's
        handle_keepWithNext would put in one (a heading and what follows it), where
        they all fit: the first drawn and the rest left at the head of the list,
        True; else nothing drawn, False, for reportlab's own steps.

        reportlab measures the group (KeepTogether.wrap, which is `_listWrapOn`,
        called here as it calls it; its loop alone, `_measured`, where no flowable of
        the group can reach the frame it copies for them), finds it too tall for any frame on purpose
        (Frame.add fails), splits it (Frame.split, KeepTogether.split): where the
        whole group and its first part fit in the height left (and the frame is not
        full at the top), the split is the group's flowables themselves, the first
        added by Frame.add and the rest put back on the list. That is what is done
        here, without the KeepTogether, its failed add and its split. Where the
        frame has indents (an Indenter), KeepTogether.split measures the group
        again at the frame's whole width: left to reportlab."""
        f = flowables[0]
        if type(f) is KeepTogether:
            content, chained = f._content, False
            if f._maxHeight:
                return False
        else:                         # handle_keepWithNext's group
            i, n = 0, len(flowables)
            while i < n and flowables[i].getKeepWithNext() and _ktAllow(flowables[i]):
                i += 1
            if i < n and _ktAllow(flowables[i]):
                i += 1
            content, chained = flowables[:i], True
        if (not content or type(content[0]) not in _DIRECT
                or any(type(c) not in _DIRECT and type(c) is not Indenter for c in content)):
            return False
        frame, canv = self.frame, self.canv
        d = frame.__dict__
        if (d.get("_frameBGs") or d["_leftExtraIndent"] or d["_rightExtraIndent"] or not self.allowSplitting
                or getattr(self, "_multiBuildEdits", None)):
            return False
        space = 0
        if not d["_atTop"]:
            space = content[0].getSpaceBefore()        # (KeepTogether's: its first flowable's)
            if d["_oASpace"]:
                space = max(space - d["_prevASpace"], 0)
        height = d["_y"] - d["_y1p"] - space
        if height <= 0:
            return False
        dims = []
        if all([_frame_blind(c) for c in content]):
            whole = _measured(content, d["_aW"], canv, dims)
        else:
            whole = _listWrapOn(content, d["_aW"], canv, dims=dims)[1]
        first = dims[0][1] if dims else 0
        too_tall = whole > height
        if too_tall or first > height or (too_tall and d["_atTop"]):
            return False              # (a break before the group: measured again by reportlab, alike)
        if chained:
            for c in content[:-1]:
                c.__dict__["keepWithNext"] = 0          # as handle_keepWithNext leaves them
        head = content[0]
        if not self._placed(head):    # (reportlab: Frame.add with trySplit=0, the same test)
            raise LayoutError(f"Splitting error on page {self.page}")
        if chained:
            del flowables[0]
        else:
            flowables[0:1] = content[1:]
        self._done(head, flowables)
        return True

    def _placed(self, f) -> bool:
        """reportlab's Frame._add for a frame without backgrounds, where `f` fits: drawn,
        True; where it does not, nothing drawn, False (reportlab's own steps then wrap
        it again, to the same answer, and split it or move it on)."""
        frame, canv = self.frame, self.canv
        d = frame.__dict__
        if d.get("_frameBGs"):
            return False
        f._frame = frame
        f.canv = canv                 # (a table's measure is kept per canvas: MeasuredTable)
        try:
            y, p = d["_y"], d["_y1p"]
            avail = d["_aW"] - d["_leftExtraIndent"] - d["_rightExtraIndent"]
            space = 0
            if not d["_atTop"]:
                space = f.getSpaceBefore()
                if d["_oASpace"]:
                    space = max(space - d["_prevASpace"], 0)
            h = y - p - space
            if h <= 0:
                return False
            w, h = f.wrap(avail, h)
            y -= h + space
            if y < p - _FUZZ:
                return False
            after = f.getSpaceAfter()
            f.drawOn(canv, d["_x"] + d["_leftExtraIndent"], y, _sW=avail - w)
            f.canv = canv             # (as Frame._add: drawOn deletes it)
            y -= after
            if d["_oASpace"]:
                d["_prevASpace"] = after
            if y != d["_y"]:
                d["_atTop"] = 0
            d["_y"] = y
            return True
        finally:
            f.__dict__.pop("canv", None)
            f.__dict__.pop("_frame", None)

