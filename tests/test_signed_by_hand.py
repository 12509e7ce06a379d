"""An agreement the signers sign by hand (署名, agreement.document.signed_by_hand), as
調布市, 狛江市 and an NPO signed theirs in 2017 (甲乙丙それぞれ署名の上, the names
written, not printed): the generated closing says 署名 and no block prints 印; a
signer named by the title alone gets a blank line to sign on, a name given is
printed; and what contradicts it, or would have no effect, is refused at its line.
Built from the seed spec by the real command line, the PDF and the DOCX read back."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SEED_SPEC, no_space, pdf_text, run_generate
from test_agreement import build, docx_texts

CLOSING = "本協定の締結を証するため、本書２通を作成し、甲乙署名の上、各自その１通を保有する。"


def variant(tmp_path: Path, change=lambda doc, parties: None) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    data["agreement"]["document"]["signed_by_hand"] = True
    del data["parties"]["bureau"]["representative"]["name"]        # 甲 signs on a blank line
    change(data["agreement"]["document"], data["parties"])
    path = tmp_path / "by-hand.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("by-hand")
    return build(variant(tmp), tmp / "out")


def test_the_closing_says_署名_and_no_block_prints_印(built):
    text = no_space(pdf_text(built / "agreement.pdf"))
    assert no_space(CLOSING) in text and "記名押印" not in text
    blocks = text[text.index("令和６年２月27日", text.index(no_space(CLOSING))):]
    assert blocks.startswith("令和６年２月27日甲北海道網走市北７条西３丁目北海道オホーツク総合振興局長乙")
    assert "北見工業大学学長鈴木聡一郎" in blocks        # a name given is printed, to sign beside
    assert "印" not in blocks and "中島" not in text


def test_the_docx_says_the_same(built):
    joined = no_space("".join(docx_texts(built / "agreement.docx")))
    assert no_space(CLOSING) in joined and "㊞" not in joined and "中島" not in joined


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("change, key, where, message", [
    (lambda doc, parties: doc.update(closing="以上の証として、本書２通を作成し、甲乙記名押印の上、各自１通を保有する。"),
     "agreement.document.closing", "closing:",
     "the closing has the names printed and sealed (記名押印), and signed_by_hand: true has the signers write"
     " them by hand: write 署名 in the closing, remove signed_by_hand, or say signed_by_hand: despite_closing"
     " where the signed copy has the names written by hand under this closing all the same"),
    (lambda doc, parties: (doc.update(closing="以上の証として、本書２通を作成し、甲乙署名の上、各自１通を保有する。"),
                           parties["bureau"]["representative"].update(name="中島　和彦")),
     "agreement.document.signed_by_hand", "signed_by_hand:",
     "signed_by_hand words the generated closing (署名の上) and leaves a line to sign on for a signer named by"
     " the title alone; with the spec's own closing and every name given it would have no effect"),
])
def test_what_contradicts_it_or_has_no_effect_is_an_error(tmp_path, change, key, where, message):
    spec = variant(tmp_path, change)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert f"{spec}:{_line_of(spec, where)}: {key}: {message}" in result.stderr, result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()


def test_without_it_a_title_alone_still_needs_its_name(tmp_path):
    spec = variant(tmp_path, lambda doc, parties: doc.pop("signed_by_hand"))
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert "parties.bureau.representative.name: missing: the agreement's signature block prints the name" \
        in result.stderr


# ---------------------------------------------------------------- names by hand under a 記名押印 closing

KIMEI = "甲及び乙は、この協定の成立を証するため、本協定書を２通作成し、それぞれ記名押印の上、その１通を保管する。"


def test_despite_closing_a_line_to_sign_on_and_印_as_the_closing_asks(tmp_path):
    """世田谷区's signed copy (2017): the closing says 記名押印 and the names are written
    by hand. With signed_by_hand: despite_closing the closing prints as written, the
    title alone with a line to sign on, and 印 by each block, as the closing has them seal."""
    spec = variant(tmp_path, lambda doc, parties: (
        doc.update(closing=KIMEI, signed_by_hand="despite_closing"),
        parties["kitami_it"]["representative"].pop("name")))
    folder = build(spec, tmp_path / "out")
    text = no_space(pdf_text(folder / "agreement.pdf"))
    assert no_space(KIMEI) in text
    blocks = text[text.index("令和６年２月27日", text.index(no_space(KIMEI))):]
    assert "北海道オホーツク総合振興局長" in blocks and "北見工業大学学長" in blocks
    assert blocks.count("印") == 2 and "中島" not in text and "鈴木" not in text
    texts = docx_texts(folder / "agreement.docx")
    at = texts.index("北見工業大学学長")
    assert texts[at + 1] and not texts[at + 1].strip("\u3000")     # the line to sign on, under the title


def test_a_closing_of_署名押印_is_signed_by_hand_and_sealed(tmp_path):
    """署名押印 is the names written by hand, then sealed: signed_by_hand: true beside it
    is no contradiction, and each block has its 印."""
    closing = "本協定の締結を証するため、本書２通を作成し、甲乙署名押印の上、各自その１通を保有する。"
    folder = build(variant(tmp_path, lambda doc, parties: doc.update(closing=closing)), tmp_path / "out")
    text = no_space(pdf_text(folder / "agreement.pdf"))
    blocks = text[text.index("令和６年２月27日", text.index(no_space(closing))):]
    assert blocks.count("印") == 2 and "中島" not in text


@pytest.mark.parametrize("closing, message", [
    (CLOSING, "despite_closing says the signed copy has the names written by hand although its closing says"
              " 記名押印, and this closing does not say 記名: write signed_by_hand: true"),
    (None, "despite_closing says the signed copy has the names written by hand although its closing says 記名押印,"
           " and the closing is the generated one (署名の上): write the text's own closing (document.closing), or"
           " signed_by_hand: true"),
])
def test_despite_closing_without_a_closing_that_says_記名_is_refused(tmp_path, closing, message):
    spec = variant(tmp_path, lambda doc, parties: doc.update(
        {"signed_by_hand": "despite_closing", **({"closing": closing} if closing else {})}))
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert (f"{spec}:{_line_of(spec, 'signed_by_hand:')}: agreement.document.signed_by_hand: {message}"
            in result.stderr), result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()
