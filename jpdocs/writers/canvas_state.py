"""A reportlab canvas whose graphics state is saved and restored in C.

reportlab's `saveState` copies the 23 attributes of the state into a new dict,
one at a time in Python (`push_state_stack`); every flowable drawn is wrapped in
a save and a restore (platypus's `Flowable.drawOn`), so a notice saves the state
some 35 times. Here the state is saved as one tuple (`operator.itemgetter`) and
put back as reportlab puts it back: the same attributes, in the same order, the
same objects; the ExtGState copied for the inner state as reportlab copies it.
"""
from __future__ import annotations

from operator import itemgetter

from reportlab.pdfgen.canvas import Canvas

_NAMES = tuple(Canvas.STATE_ATTRIBUTES)
_SAVED = itemgetter(*_NAMES)


class StateCanvas(Canvas):
    def push_state_stack(self):
        if self.STATE_ATTRIBUTES is not Canvas.STATE_ATTRIBUTES:   # (a subclass's own state)
            return super().push_state_stack()
        self.state_stack.append(_SAVED(self.__dict__))
        self._extgstate = self._extgstate.pushCopy()

    def pop_state_stack(self):
        state = self.state_stack.pop()
        self.__dict__.update(zip(_NAMES, state) if type(state) is tuple else state)
