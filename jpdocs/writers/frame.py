"""reportlab's Frame, copied cheaply where reportlab measures a KeepTogether, and
asked cheaply for what a flowable left for the document to place next.

`flowables._listWrapOn` (KeepTogether's wrap, and so every table kept together)
deep-copies the document's current frame before measuring, so that what the
measured flowables do to the frame cannot reach the real one. A frame holds some
two dozen numbers and names, and the frame backgrounds list; copy.deepcopy walked
them all, value by value, ~0.2 ms of a press notice. When every value is one that
deepcopy returns as it is (numbers, text, None) or an empty list, a copy of the
attribute dict with fresh empty lists is exactly what deepcopy makes; any other
value (frame backgrounds being drawn) is deep-copied as before.

After every flowable placed, reportlab's `_addGeneratedContent` asks the frame for
`getattr(frame, "_generated_content", None)`: the content a flowable left for the
document to place next (a FrameBreak, an action's page break), nearly always none.
A plain Frame has no such attribute until then, and its `__getattr__` (which
serves the geometry's names) raises an AttributeError for it: some 40 exceptions
raised and caught a notice, ~8,000 instructions each. A class default of None is
the answer getattr's default gave, without the exception; the attribute set on a
frame (`add_generated_content`, `_listWrapOn`) is its own and is deleted as before.
"""
from __future__ import annotations

import copy

from reportlab.platypus import Frame

_KEPT = (int, float, str, bool, type(None))    # deepcopy returns these as they are


class TextFrame(Frame):
    _generated_content = None     # (none left to place: getattr's default, module docstring)

    def __deepcopy__(self, memo):
        state = self.__dict__
        new = object.__new__(type(self))
        memo[id(self)] = new
        if all(type(v) in _KEPT or (type(v) is list and not v) for v in state.values()):
            new.__dict__.update({k: [] if type(v) is list else v for k, v in state.items()})
        else:
            new.__dict__.update(copy.deepcopy(state, memo))
        return new


def use_text_frames(template) -> None:
    """Make the frames of a doc template's page templates TextFrames (those that
    reportlab's SimpleDocTemplate made as plain Frames)."""
    for page in template.pageTemplates:
        for frame in page.frames:
            if type(frame) is Frame:
                # (Frame.__setattr__ would keep __class__ as a plain attribute)
                object.__setattr__(frame, "__class__", TextFrame)
