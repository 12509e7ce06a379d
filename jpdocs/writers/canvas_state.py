"""A reportlab canvas whose graphics state is saved, restored and moved cheaply.

reportlab's `saveState` copies the 23 attributes of the state into a new dict,
one at a time in Python (`push_state_stack`); every flowable drawn is wrapped in
a save, a translate and a restore (platypus's `Flowable.drawOn`), so a notice
does all three some 35 times (~46,000 instructions each time, ~1.6 M a notice).
Here the state is saved as one tuple (`operator.itemgetter`) and put back as
reportlab puts it back: the same attributes, in the same order, the same objects;
the ExtGState copied for the inner state as reportlab copies it. `translate`
writes the same `cm` operator as reportlab's `transform` from a bounded memo of
its text (module-level, keyed by the offsets' values: the text is a function of
the two numbers alone, so no build sees what another drew).

`saveState` and `restoreState` themselves stay reportlab's: table_lines.py replays
a table's rules only on a canvas whose calls are reportlab's own.

A flowable whose drawing puts back every attribute of the state it changes (a
paragraph: reportlab's `drawPara` draws between a save and a restore of its own,
drawing.py between a `q` and a `Q` with the ExtGState it replaced put back) needs no
state saved around it but what `drawOn`'s translate moves: `draw_on` writes the same
`q`, `cm` and `Q` as platypus's `Flowable.drawOn` and puts back the tracked matrix
alone, where the 22 other attributes are the objects they were (a save and a restore
by name were ~19,000 instructions, some 30 paragraphs a notice). That needs the
canvas's save and restore to be reportlab's (or this module's) and nothing else
(`saves_plainly`); tests/test_paragraph_state.py checks the state after every
paragraph of the real specs and compares the files with platypus's drawOn's.
"""
from __future__ import annotations

from operator import itemgetter

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen import canvas as _canvas
from reportlab.pdfgen.canvas import Canvas, ExtGState
from reportlab.platypus.flowables import Flowable

_NAMES = tuple(Canvas.STATE_ATTRIBUTES)
_SAVED = itemgetter(*_NAMES)


def _put_back_by_name(d: dict, state: tuple) -> None:
    d.update(zip(_NAMES, state))


def _put_back_listed(d: dict, state: tuple) -> None:
    # one store a name, left to right: what `update(zip(_NAMES, state))` does for
    # these names (they are all present, so the dict's order stays), in about half
    # its instructions (~6,000 fewer a restore)
    (d["_x"], d["_y"], d["_fontname"], d["_fontsize"], d["_textMode"], d["_leading"], d["_currentMatrix"],
     d["_fillMode"], d["_charSpace"], d["_wordSpace"], d["_horizScale"], d["_textRenderMode"], d["_rise"],
     d["_textLineMatrix"], d["_textMatrix"], d["_lineCap"], d["_lineJoin"], d["_lineDash"], d["_lineWidth"],
     d["_mitreLimit"], d["_fillColorObj"], d["_strokeColorObj"], d["_extgstate"]) = state


_LISTED = ("_x", "_y", "_fontname", "_fontsize", "_textMode", "_leading", "_currentMatrix", "_fillMode",
           "_charSpace", "_wordSpace", "_horizScale", "_textRenderMode", "_rise", "_textLineMatrix",
           "_textMatrix", "_lineCap", "_lineJoin", "_lineDash", "_lineWidth", "_mitreLimit", "_fillColorObj",
           "_strokeColorObj", "_extgstate")
# (another reportlab's list of the state's attributes: put back by name, as it says)
_put_back = _put_back_listed if _NAMES == _LISTED else _put_back_by_name

_new = object.__new__
_TRANSLATIONS: dict[tuple, str] = {}    # (dx, dy) → its "1 0 0 1 dx dy cm"
_TRANSLATIONS_LIMIT = 4096               # forgotten all at once when full


# the canvas classes whose saveState and restoreState only save and restore the state
# (reportlab's, with this module's push and pop or reportlab's), by class
_PLAIN_SAVES: dict[type, bool] = {}


def saves_plainly(canvas) -> bool:
    """Whether `canvas`'s saveState and restoreState are reportlab's own calls, over a
    push and pop of the state that are reportlab's or StateCanvas's: skipping a pair of
    them skips nothing but the state's save (and the `q` and `Q`, written by `draw_on`)."""
    kind = type(canvas)
    plain = _PLAIN_SAVES.get(kind)
    if plain is None:
        if len(_PLAIN_SAVES) >= 64:
            _PLAIN_SAVES.clear()
        plain = _PLAIN_SAVES[kind] = (
            kind.saveState is Canvas.saveState and kind.restoreState is Canvas.restoreState
            and kind.push_state_stack in (Canvas.push_state_stack, StateCanvas.push_state_stack)
            and kind.pop_state_stack in (Canvas.pop_state_stack, StateCanvas.pop_state_stack)
            and kind.STATE_ATTRIBUTES is Canvas.STATE_ATTRIBUTES)
    return plain


def draw_on(flowable, canvas, x, y, _sW=0) -> None:
    """platypus's `Flowable.drawOn` of a flowable whose `draw` leaves the canvas's state
    as it found it (module docstring): the same operators, the tracked matrix put back
    as restoreState puts it back; anything else through platypus's own."""
    if not saves_plainly(canvas) or getattr(flowable, "_showBoundary", None):
        return Flowable.drawOn(flowable, canvas, x, y, _sW)
    x = flowable._hAlignAdjust(x, _sW)
    canvas._code.append("q")                # (saveState's operator)
    matrix = canvas._currentMatrix
    canvas.translate(x, y)
    flowable._drawOn(canvas)
    canvas._code.append("Q")                # (restoreState's)
    canvas._currentMatrix = matrix


class StateCanvas(Canvas):
    def push_state_stack(self):
        if self.STATE_ATTRIBUTES is not Canvas.STATE_ATTRIBUTES:   # (a subclass's own state)
            return super().push_state_stack()
        d = self.__dict__
        self.state_stack.append(_SAVED(d))
        state = d["_extgstate"]
        if type(state) is ExtGState:
            # ExtGState.pushCopy without its __init__, whose two new dicts it replaces at once
            inner = _new(ExtGState)
            inner._d = state._d.copy()
            inner._c = state._c
            d["_extgstate"] = inner
        else:
            self._extgstate = state.pushCopy()

    def pop_state_stack(self):
        state = self.state_stack.pop()
        if type(state) is tuple:
            _put_back(self.__dict__, state)
        else:
            self.__dict__.update(state)

    def translate(self, dx, dy):
        """reportlab's `transform(1, 0, 0, 1, dx, dy)`: the same tracked matrix, from the
        same arithmetic, and the same operator, `fp_str(1, 0, 0, 1, dx, dy) + " cm"`
        (fp_str writes each number alone, by its value: "1 0 0 1 " then fp_str(dx, dy));
        a translate that follows another transform is merged with it by reportlab."""
        code = self._code
        if not _canvas.ENABLE_TRACKING or (code and code[-1][-3:] == " cm"):
            return super().translate(dx, dy)
        a0, b0, c0, d0, e0, f0 = self._currentMatrix
        self._currentMatrix = (a0 * 1 + c0 * 0, b0 * 1 + d0 * 0, a0 * 0 + c0 * 1, b0 * 0 + d0 * 1,
                               a0 * dx + c0 * dy + e0, b0 * dx + d0 * dy + f0)
        key = (dx, dy)
        text = _TRANSLATIONS.get(key)
        if text is None:
            if len(_TRANSLATIONS) >= _TRANSLATIONS_LIMIT:
                _TRANSLATIONS.clear()
            text = _TRANSLATIONS[key] = f"1 0 0 1 {fp_str(dx, dy)} cm"
        code.append(text)
