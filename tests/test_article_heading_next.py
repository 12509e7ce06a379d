"""An article's heading as a clerk and a screen reader meet it (README, "The DOCX a
secretariat edits" and "Accessible PDFs").

Enter at the end of a heading paragraph gives the paragraph its style's next style
(w:next; LibreOffice's style:next-style-name). A heading's next was itself (条見出し had
none, 条見出し（左１字） named itself): a clerk typing a new article after （目的）⏎ got a
second heading. It is now the style the articles' first paragraphs use, in each of the
house's layouts: 本文（字下げ） under 第１条（目的）, 条 under （協定の趣旨） above 第１条　…
(where that style is the numbered level). Body styles (項, 号, 条) stay their own next.

In the PDF, a heading above its article's numbered first paragraph （協定の趣旨） was a P
while 第１条（目的） is an H2 (and the DOCX's 条見出し outline level 2): it is an H2 too."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from conftest import ROOT, SEED_SPEC, run_generate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MITAKA = ROOT / "tests" / "data" / "real" / "mitaka-cmj-2018.yaml"     # （協定の趣旨） above 第１条　この協定は…
RUN_IN = 'agreement:\n  article_heading: ""\n  article_lead: "{number}（{heading}）　"\n'
LEAD = 'agreement:\n  article_heading: "（{heading}）"\n  article_lead: "{number}　"\n'
needs_lo = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice needed")


def _build(spec, out, *args) -> dict:
    result = run_generate(spec, "-o", out, "--format", "pdf,docx", *args)
    assert result.returncode == 0, result.stderr
    return {p.name: p for p in out.glob("*/*.*")}


@pytest.fixture(scope="module")
def layouts(tmp_path_factory) -> dict:
    """The agreement's DOCX and PDF in each layout the house makes."""
    from test_kanji_article_numbers import variant
    tmp = tmp_path_factory.mktemp("heading-next")
    out = {"numbered heading": _build(SEED_SPEC, tmp / "a"),                  # 第１条（目的）
           "heading above": _build(MITAKA, tmp / "b")}                        # （協定の趣旨） / 第１条　…
    for name, house in (("heading above, generated", LEAD), ("run in", RUN_IN)):
        folder = tmp / name.replace(" ", "-").replace(",", "")
        folder.mkdir()
        out[name] = _build(variant(folder, house), folder / "out", "--kinds", "agreement")
    return out


def _parts(docx) -> tuple:
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read("word/styles.xml")), etree.fromstring(z.read("word/document.xml"))


def _styles(styles) -> dict:
    return {st.get(f"{W}styleId"): st for st in styles.iter(f"{W}style")}


def _val(el, child: str):
    found = el.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _chain(by_id: dict, style_id: str) -> list[str]:
    out = []
    while style_id and len(out) < 20:
        out.append(style_id)
        style_id = _val(by_id[style_id], "basedOn")
    return out


def _style_of(p) -> str | None:
    ppr = p.find(f"{W}pPr")
    return _val(ppr, "pStyle") if ppr is not None else None


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _followers(docx) -> dict[str, list[str]]:
    """Each article heading style (条見出し or one based on it) → the styles of the paragraphs
    after its paragraphs (the last article is in the signature page's cell: document order)."""
    styles, document = _parts(docx)
    by_id = _styles(styles)
    ps = list(document.iter(f"{W}p"))
    out: dict[str, list[str]] = {}
    for p, after in zip(ps, ps[1:]):
        style_id = _style_of(p)
        if style_id and "article" in _chain(by_id, style_id):
            out.setdefault(style_id, []).append(_style_of(after))
    return out


@pytest.mark.parametrize("layout, heading, first", [
    ("numbered heading", "条見出し", "本文（字下げ）"),
    ("heading above", "条見出し（左１字）", "条"),
    ("heading above, generated", "条見出し（左１字）", "条"),
])
def test_enter_after_an_article_heading_gives_the_articles_first_paragraph_style(layouts, layout, heading, first):
    docx = layouts[layout]["agreement.docx"]
    styles, _ = _parts(docx)
    by_id = _styles(styles)
    followers = _followers(docx)
    assert len(followers) == 1, followers
    (style_id, after), = followers.items()
    assert _val(by_id[style_id], "name") == heading
    assert len(after) >= 7 and len(set(after)) == 1, after        # every article's first paragraph, one style
    assert _val(by_id[style_id], "next") == after[0]
    assert _val(by_id[after[0]], "name") == first
    assert _val(by_id[after[0]], "next") == after[0]               # a body style is its own next


def test_heading_styles_are_not_their_own_next_and_body_styles_are(layouts, tmp_path):
    """No style with an outline level (表題, 見出し, 条見出し and those based on them) is its own
    next, nor has none (Word then takes itself); 記 gives the items under it; 項, 号, 条 and
    本文（字下げ） give themselves."""
    docs = [d["agreement.docx"] for d in layouts.values()] + [layouts["numbered heading"]["press-notice.docx"]]
    seen = set()
    for docx in docs:
        styles, _ = _parts(docx)
        by_id = _styles(styles)
        for style_id, st in by_id.items():
            if st.get(f"{W}type") != "paragraph":
                continue
            chain = _chain(by_id, style_id)
            name = _val(st, "name")
            if any(s in chain for s in ("title", "heading", "article")):
                assert _val(st, "next") not in (None, style_id), (docx, name)
                seen.add(name)
            elif name in ("項", "号", "条", "本文（字下げ）"):
                assert _val(st, "next") == style_id, (docx, name)
                seen.add(name)
        if "ki" in by_id:
            assert _val(by_id["ki"], "next") == "item"
    assert {"表題", "見出し", "条見出し", "条見出し（左１字）", "項", "号", "条", "本文（字下げ）"} <= seen


@pytest.mark.slow
@needs_lo
@pytest.mark.parametrize("layout", ["numbered heading", "heading above"])
def test_libreoffice_reads_the_next_style(layouts, layout, tmp_path):
    """LibreOffice takes w:next as the style's next (style:next-style-name in the ODT it
    converts the DOCX to), the style Enter gives after the heading."""
    from conftest import SOFFICE
    docx = layouts[layout]["agreement.docx"]
    styles, _ = _parts(docx)
    by_id = _styles(styles)
    (style_id, after), = _followers(docx).items()
    subprocess.run([*SOFFICE, "--convert-to", "odt", "--outdir", str(tmp_path), str(docx)],
                   capture_output=True, timeout=300, check=True)
    with zipfile.ZipFile(tmp_path / "agreement.odt") as z:
        odt = etree.fromstring(z.read("styles.xml"))
    S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
    # LibreOffice names a style by its display name (style:display-name where style:name
    # has to be escaped)
    by_name = {(st.get(f"{S}display-name") or st.get(f"{S}name")): st
               for st in odt.iter(f"{S}style") if st.get(f"{S}family") == "paragraph"}
    names = {st.get(f"{S}name"): (st.get(f"{S}display-name") or st.get(f"{S}name")) for st in by_name.values()}
    heading = by_name[_val(by_id[style_id], "name")]
    assert names[heading.get(f"{S}next-style-name")] == _val(by_id[after[0]], "name")


def test_the_pdf_tags_a_heading_above_its_article_as_the_numbered_ones(layouts):
    """（協定の趣旨） above 第１条　この協定は… is an H2, as 第１条（目的） is (its Lbl the number),
    under the title's H1, and the PDF still validates as PDF/UA-1."""
    from test_tagged_pdf import structure, validate
    from test_docx_clerk_edits import HEADINGS
    for layout, heads in (("heading above", HEADINGS), ("numbered heading", None)):
        pdf = layouts[layout]["agreement.pdf"]
        leaves, elements, _ = structure(pdf)
        roles = [r for r, _ in elements]
        # the title's H1 (a cover's too), then the articles' H2s, no level skipped
        assert roles.count("H1") >= 1 and not any(r in ("H3", "H4", "H5", "H6") for r in roles)
        assert roles.count("H2") == (len(heads) if heads else 7)
        assert roles.index("H2") > max(i for i, r in enumerate(roles) if r == "H1")
        if heads is not None:
            assert [t for r, t in leaves if r == "H"][-len(heads):] == heads
        assert validate(pdf) == []


def test_an_agreement_that_follows_a_kept_indent_plan_names_the_same_next(monkeypatch):
    """An agreement whose levels Word does not number (消防庁's draft: （目的） above 第１条　…,
    typed) has its indent pass kept as a plan (styles._PLANS); the second time it is
    written it follows that plan, and the heading's next is set after either path: the
    same bytes, and the next the style of the articles' first paragraphs."""
    import io
    import jpdocs.writers.docx as writer
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers.docx import styles
    followed = []
    real_follow = styles._follow
    monkeypatch.setattr(styles, "_follow", lambda *a: followed.append(True) or real_follow(*a))
    monkeypatch.setattr(styles, "_PLANS", {})
    loaded = load_spec(str(ROOT / "tests" / "data" / "real" / "fdma-drone-2018-draft.yaml"))
    style = style_for(loaded)
    doc = next(d for d in make_documents(loaded, style) if d.kind == "agreement")
    first = writer.render_docx(doc, style, True)
    assert not followed
    second = writer.render_docx(doc, style, True)
    assert followed and second == first
    followers = _followers(io.BytesIO(second))
    assert len(followers) == 1
    (style_id, after), = followers.items()
    assert len(set(after)) == 1 and len(after) >= 5
    assert _val(_styles(_parts(io.BytesIO(second))[0])[style_id], "next") == after[0]


def test_enter_after_a_notices_heading_gives_the_style_its_text_is_set_in(layouts):
    """A notice's 見出し (内容) named 本文 as its next, set at the margin, while the text
    under it is set in 本文（字下げ）, made for the notice: Enter after 内容 gave a paragraph
    that was not indented as the rest. Its next is now the style that follows it."""
    styles, document = _parts(layouts["numbered heading"]["press-notice.docx"])
    by_id = _styles(styles)
    ps = list(document.iter(f"{W}p"))
    at = next(i for i, p in enumerate(ps) if _text(p) == "内容")
    heading, after = _style_of(ps[at]), _style_of(ps[at + 1])
    assert _val(by_id[heading], "name") == "見出し"
    assert _val(by_id[after], "name") == "本文（字下げ）"
    assert _val(by_id[heading], "next") == after
