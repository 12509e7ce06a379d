"""model.Text's own __init__ (one update of its dict, for speed) against the __init__
dataclass would make for it: the same fields, equality, hash, repr, frozenness, replace()
and pickling, for every way the code calls it."""
import dataclasses
import pickle

import pytest

from jpdocs.content import model as m


@dataclasses.dataclass(frozen=True)
class _DataclassText:
    """Text as dataclass makes it, its __init__ included."""
    text: str
    bold: bool = False
    font: str | None = None
    size: float | None = dataclasses.field(default=None, kw_only=True)
    changed: bool = dataclasses.field(default=False, kw_only=True)
    changed_at: tuple = dataclasses.field(default=(), kw_only=True)


CALLS = [(("日時",), {}), (("日時", True), {}), (("日時", False, "gothic"), {}),
         (("日時",), {"bold": True, "font": "mincho", "size": 14.0}), ((), {"text": "様", "size": None}),
         (("ぶら下がり取材",), {"changed": True}), (("ぶら下がり取材",), {"changed_at": ((0, 4),)})]


@pytest.mark.parametrize("args, kwargs", CALLS)
def test_text_fields_as_dataclass_makes_them(args, kwargs):
    ours, theirs = m.Text(*args, **kwargs), _DataclassText(*args, **kwargs)
    assert vars(ours) == vars(theirs) and list(vars(ours)) == list(vars(theirs))
    assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
    assert repr(ours) == repr(theirs).replace("_DataclassText", "Text")
    assert ours == m.Text(*args, **kwargs) and hash(ours) == hash(m.Text(*args, **kwargs))
    assert ours != m.Text("other") and ours != m.Whole(ours.text)
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert dataclasses.replace(ours, text="x") == m.Text("x", ours.bold, ours.font, size=ours.size,
                                                                changed=ours.changed, changed_at=ours.changed_at)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours.text = "x"


def test_text_refuses_what_dataclass_refuses():
    with pytest.raises(TypeError):
        m.Text("a", False, None, 12.0)          # size is keyword-only
    with pytest.raises(TypeError):
        m.Text()
    with pytest.raises(TypeError):
        m.Text("a", colour="red")


def test_subclasses_keep_their_fields():
    spread = m.Spread("日時", True, None, 3.0, (1.0,), size=12.0)
    assert (spread.text, spread.bold, spread.width, spread.gaps, spread.size) == ("日時", True, 3.0, (1.0,), 12.0)
    assert m.Reference("第２条", article=2).article == 2 and m.Whole("久保").text == "久保"
