"""The story's flowables remembered per house style (writers/blocks.py, house_memo.HouseMemo): a
paragraph, a list item's head, the 記's heading and a fitted label column made once
and each document given copies of what was made, never what another document wrapped
and drew. The bytes of a notice built after others against built alone:
tests/test_layout_memos.py."""
from __future__ import annotations

import io

from conftest import SEED_SPEC


def _notice(style):
    from jpdocs.build import documents
    from jpdocs.spec.load import load_spec
    loaded = load_spec(SEED_SPEC)
    return documents.make_documents(loaded, style, {"press-notice"})[0]


def _laid_out(doc, style):
    """The notice's story as the PDF writer builds and draws it, and its builder."""
    from reportlab.platypus import Flowable
    from jpdocs.writers.blocks import BlockBuilder
    from jpdocs.writers.pages import doc_template, page_size, text_width
    builder = BlockBuilder(style, page_size(doc))
    template = doc_template(doc, style, io.BytesIO(), builder)
    story = builder.blocks(doc.blocks, text_width(template))
    flat = [f for f in story if isinstance(f, Flowable)]
    template.build(list(story))
    return builder, flat


def test_each_document_draws_copies_of_what_the_memo_made():
    from jpdocs.build.documents import style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers import blocks, composer, house_memo
    house_memo.HOUSE_STYLES.clear()
    style = style_for(load_spec(SEED_SPEC))
    doc = _notice(style)
    first, drawn = _laid_out(doc, style)
    memo = first.memo
    assert memo.paragraphs and memo.items and memo.derived and memo.widths     # remembered
    made = {id(f[0]) if isinstance(f, tuple) else id(f) for got in (memo.paragraphs, memo.items)
            for f in got.values()}
    # what the memo holds is never what a document wraps and draws, and stays as made
    assert not made & {id(f) for f in drawn}
    for got in (memo.paragraphs, memo.items):
        for value in got.values():
            f = value[0] if isinstance(value, tuple) else value
            assert not {"blPara", "_jl_cache", "canv", "avail"} & f.__dict__.keys(), f
    wrapped = [f for f in drawn if isinstance(f, composer.JParagraph) and "blPara" in f.__dict__]
    assert len(wrapped) > 10

    # a second document of the house: served from the memo, each flowable new and unwrapped
    second = blocks.BlockBuilder(style)
    assert second.memo is memo
    sizes = (len(memo.paragraphs), len(memo.items))
    story = second.blocks(doc.blocks, 400)
    assert (len(memo.paragraphs), len(memo.items)) == sizes        # nothing made anew
    fresh = [f for f in story if isinstance(f, composer.JParagraph)]
    assert fresh and not {id(f) for f in fresh} & ({id(f) for f in drawn} | made)
    assert all("blPara" not in f.__dict__ for f in fresh)
    # each copy tagged with the second document's own structure elements
    assert all(f.jp_node is not None for f in fresh)
    nodes = {id(n) for n in _walk(second.node)}
    assert all(id(f.jp_node) in nodes for f in fresh)


def test_the_memos_are_bounded(monkeypatch):
    from jpdocs.build.documents import style_for
    from jpdocs.content import model as m
    from jpdocs.spec.load import load_spec
    from jpdocs.writers import blocks, house_memo
    monkeypatch.setattr(house_memo, "MAX_ENTRIES", 5)
    house_memo.HOUSE_STYLES.clear()
    builder = blocks.BlockBuilder(style_for(load_spec(SEED_SPEC)))
    for k in range(12):
        builder.blocks([m.Paragraph([m.Text(f"段落{k}")])], 400)
        assert 1 <= len(builder.memo.paragraphs) <= 5


def _walk(node):
    yield node
    for kid in node.kids:
        yield from _walk(kid)
