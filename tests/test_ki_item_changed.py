"""ki_item.changed, dataclasses.replace without its walk: on every item of the 記
blocks of the bundled and real specs, each change made both ways gives equal items
with the same fields in the same order; a name that is no field is refused."""
from __future__ import annotations

from dataclasses import fields, replace

import pytest

from jpdocs.build import documents as build
from jpdocs.content.ki_item import KiItem, changed
from jpdocs.spec.load import load_spec

from conftest import ROOT

SPECS = sorted((ROOT / "specs").glob("*.yaml")) + sorted(
    p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))


def test_a_changed_item_is_the_item_replace_makes():
    compared = 0
    for spec_path in SPECS:
        loaded = load_spec(spec_path)
        style = build.style_for(loaded)
        if not loaded.spec.press_notice:
            continue
        for item in build.context(loaded, style, agreement_text=False)["ki"]:
            for change in ({"marker": "１", "head": "日　時　"}, {"hang": 4.5}, {"hangs": (1.0,), "notes": ()},
                           {"label": item.label + "x", "lines": item.lines + ("x",)}):
                ours, theirs = changed(item, **change), replace(item, **change)
                assert ours == theirs and type(ours) is type(theirs)
                assert list(vars(ours).items()) == list(vars(theirs).items())
                assert vars(item) == vars(replace(item))          # the item itself left as it was
                compared += 1
    assert compared > 100


def test_a_name_that_is_no_field_is_refused():
    item = KiItem("日時", "text", ("令和６年２月27日",))
    with pytest.raises(TypeError):
        replace(item, lable="x")
    with pytest.raises(TypeError, match="lable"):
        changed(item, lable="x")
    assert all(f.init for f in fields(KiItem)) and not hasattr(KiItem, "__post_init__")
