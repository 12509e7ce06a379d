"""reportlab's ParagraphStyle, made as its constructor makes it but in a few C-level
dict updates.

PropertySet.__init__ copies the class defaults, then the parent's attributes one by
one in a Python loop (testing each name against a list), then the keywords one by
one: ~60 thousand instructions a style, and a notice makes some thirty of them (the
house's styles, each paragraph's combination of indents and spacing, each list
item's). The same dict results, key for key and in the same order:
tests/test_paragraph_styles.py compares them.
"""
from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

_DEFAULTS = ParagraphStyle.defaults


def paragraph_style(name: str, parent: ParagraphStyle | None = None, **kw) -> ParagraphStyle:
    """ParagraphStyle(name, parent=parent, **kw)."""
    if parent is not None and type(parent) is not ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)     # (reportlab's checks, its message)
    style = object.__new__(ParagraphStyle)
    d = style.__dict__
    d["name"] = name
    d["parent"] = parent
    d.update(_DEFAULTS)
    if parent is not None:
        # every attribute of the parent but its name and parent (PropertySet.refresh):
        # those two keys stand first already, so the update keeps the order, and they
        # are set back
        d.update(parent.__dict__)
        d["name"] = name
        d["parent"] = parent
    d.update(kw)
    return style
