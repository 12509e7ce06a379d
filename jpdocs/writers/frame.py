"""reportlab's Frame, copied cheaply where reportlab measures a KeepTogether.

`flowables._listWrapOn` (KeepTogether's wrap, and so every table kept together)
deep-copies the document's current frame before measuring, so that what the
measured flowables do to the frame cannot reach the real one. A frame holds some
two dozen numbers and names, and the frame backgrounds list; copy.deepcopy walked
them all, value by value, ~0.2 ms of a press notice. When every value is one that
deepcopy returns as it is (numbers, text, None) or an empty list, a copy of the
attribute dict with fresh empty lists is exactly what deepcopy makes; any other
value (frame backgrounds being drawn) is deep-copied as before.
"""
from __future__ import annotations

import copy

from reportlab.platypus import Frame

_KEPT = (int, float, str, bool, type(None))    # deepcopy returns these as they are


class TextFrame(Frame):
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
