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
the same count and `afterFlowable`. Anything else — a flowable kept with the next
(reportlab's KeepTogether), a break before it, frame backgrounds, an action, one
that does not fit (reportlab then splits it or moves it on) — goes to reportlab's
own steps, which are also what runs where one of these tests fails.
"""
from __future__ import annotations

from reportlab.platypus import Indenter, Spacer
from reportlab.platypus.doctemplate import _addGeneratedContent
from reportlab.platypus.frames import _FUZZ

from .composer import JParagraph
from .flowables import MeasuredTable, SealPlace, TrackedLine

# the flowables placed here: each wraps and draws as reportlab's Flowable protocol
# says, has no frameAction, no _ZEROSIZE and no _SPACETRANSFER; the templates keep
# reportlab's filterFlowables, which does nothing (tests/test_placing.py)
_DIRECT = frozenset((JParagraph, MeasuredTable, TrackedLine, Spacer, SealPlace))


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
            if kind in _DIRECT and not f.getKeepWithNext() and not _breaks_before(f) and self._placed(f):
                del flowables[0]
                self._curPageFlowableCount += 1
                self.afterFlowable(f)
                _addGeneratedContent(flowables, self.frame)
                return None
        return super().handle_flowable(flowables)

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

