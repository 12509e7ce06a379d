"""A document's blocks walked once for the checks before its layout (issue #17).

make_documents walks a document's blocks once (model.every_block, a list) and hands
the list to the three checks that each walked them in turn (the house style's names,
the glyphs, the pictures). The list must be walk()'s blocks, in walk()'s order, on
every shape the markup makes, and the checks must refuse with it what they refused
walking the blocks themselves.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from jpdocs.build import checks, documents
from jpdocs.content import model as m
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec

from conftest import ROOT, SEED_SPEC

REAL = sorted(p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))


def _p(text: str, style: str = "body") -> m.Paragraph:
    return m.Paragraph([m.Text(text)], style=style)


def _nested() -> list:
    """Every block that holds blocks, inside one another: a 記 holding an item holding a
    table whose cell holds a kept-together group with an item and another table."""
    inner = m.Table(rows=[[m.Cell([_p("c")]), m.Cell([])]], widths=[1.0, 1.0])
    kept = m.KeepTogether([m.Item("・", [m.Text("i")], blocks=[_p("ib")]), inner])
    outer = m.Table(rows=[[m.Cell([_p("a"), kept])], [m.Cell([m.Spacer(3.0)])]], widths=[2.0])
    ki = m.Ki([m.Item("１", [m.Text("one")], blocks=[outer, _p("after")]), m.Image("x.png", 1.0, 1.0, alt="alt")])
    return [_p("first"), ki, m.PageBreak(), _p("last")]


def test_every_block_is_walk_in_its_order_on_nested_blocks():
    blocks = _nested()
    walked = list(m.walk(blocks))
    assert len(walked) == 15
    assert [id(b) for b in m.every_block(blocks)] == [id(b) for b in walked]


def _made(spec: Path) -> list[m.Document]:
    loaded = load_spec(spec)
    style = documents.style_for(loaded)
    try:
        return documents.make_documents(loaded, style)
    except InputError:
        return []


@pytest.mark.parametrize("spec", [SEED_SPEC, *REAL[::12]], ids=lambda p: p.stem)
def test_every_block_is_walk_in_its_order_on_real_documents(spec):
    docs = _made(spec)
    assert docs or spec != SEED_SPEC
    for doc in docs:
        assert [id(b) for b in m.every_block(doc.blocks)] == [id(b) for b in m.walk(doc.blocks)], doc.kind


def test_the_checks_refuse_with_the_list_as_walking_the_blocks(tmp_path):
    """A style the house does not have, deep in a table's cell, and a picture whose file
    is not there: refused the same, with the same elements named, given the list or not."""
    seed = _made(SEED_SPEC)[0]
    loaded = load_spec(SEED_SPEC)
    style = documents.style_for(loaded)
    blocks = _nested()
    blocks[1].blocks[0].blocks[0].rows[0][0].blocks[0].style = "no-such-style"
    doc = m.Document(kind=seed.kind, title="t", author="a", blocks=blocks)
    said = []
    for every in (None, m.every_block(doc.blocks)):
        with pytest.raises(InputError) as model_refusal:
            checks.check_model(doc, style, "src", every)
        with pytest.raises(InputError) as picture_refusal:
            documents.prepare_pictures(doc, loaded, "src", every)
        said.append([[p.message for p in e.value.problems] + [getattr(e.value, "elements", None)]
                     for e in (model_refusal, picture_refusal)])
    assert said[0] == said[1]
    assert "no-such-style" in said[0][0][0] and "x.png" in said[0][1][0]
