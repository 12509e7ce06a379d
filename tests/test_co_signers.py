"""A party that signs by two people (parties.X.co_signers: a public university's 理事長
and its 学長), built by the real command line and read back: the agreement's block of
that party with each signer's title and name over a seal and a signature field of
their own (丙, 丙2), the same lines in the DOCX, each signer a row of the notice's
締結者, and every use that cannot be printed refused at its file, line and key.

The agreement is tests/data/witness/four-parties-witness.yaml (made up, not a real
case) with a 学長 beside the university's 理事長; the notice is the real case
socu-suwa-2019 (two universities, each signing by its 理事長 and its 学長)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import needs_poppler, no_space, pdf_text, run_generate
from jpdocs.pdf.signing import signature_fields
from test_agreement import build, docx_texts, seal_circles

DATA = Path(__file__).resolve().parent / "data"
SPEC = DATA / "witness" / "four-parties-witness.yaml"
REAL = DATA / "real" / "socu-suwa-2019.yaml"
CO = {"title": "学長", "name": "森　八重"}


def variant(tmp_path: Path, change=lambda d: None, co=(CO,), style: str | None = None) -> Path:
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    data["parties"]["univ"]["co_signers"] = [dict(c) for c in co]
    if style is not None:
        (tmp_path / "house.yaml").write_text(style, encoding="utf-8")
        data = {"style": "house.yaml", **data}
    change(data)
    path = tmp_path / "co-signers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("co")
    return build(variant(tmp), tmp / "out")


@needs_poppler
def test_the_co_signer_signs_under_its_partys_block_before_the_next_party(built):
    text = no_space(pdf_text(built / "agreement.pdf"))
    block = no_space("丙みなみ県北山市学園町３番３号公立大学法人北山大学理事長林　三枝印学長森　八重印丁")
    assert block in text, text[text.find("丙みなみ"):][:120]
    # the closing is the spec's own; the co-signer is printed nowhere else
    assert text.count("森八重") == 1


def test_each_signer_has_a_field_of_their_own_over_their_seal(built):
    pdf = built / "agreement.pdf"
    fields = {f.name: f for f in signature_fields(pdf.read_bytes())}
    assert list(fields) == ["甲", "乙", "丙", "丙2", "丁", "立会人"]
    page = fields["丙2"].page
    circles = seal_circles(pdf)[page]
    assert len(circles) == 6
    for name in ("丙", "丙2"):                      # each field is over a seal of its own
        x0, y0, x1, y1 = fields[name].box
        inside = [c for c in circles if x0 < (c[0] + c[2]) / 2 < x1 and y0 < (c[1] + c[3]) / 2 < y1]
        assert len(inside) == 1, name
    # the 学長's seal is below the 理事長's and above the next party's
    assert fields["丁"].box[1] < fields["丙2"].box[1] < fields["丙"].box[1]


@needs_poppler
def test_a_labelled_block_calls_only_the_signer_代表者(tmp_path):
    """With the house's labelled lines (住　所, 名　称, 代表者), the co-signer's title
    stands under the signer's without the label: the 学長 is not the party's 代表者."""
    house = "agreement:\n  signature_labels: {address: 住所, organisation: 名称, title: 代表者}\n"
    pdf = build(variant(tmp_path, style=house), tmp_path / "out", "--format", "pdf") / "agreement.pdf"
    text = no_space(pdf_text(pdf))
    assert "住所みなみ県北山市学園町３番３号名称公立大学法人北山大学代表者理事長林三枝印学長森八重印丁" in text
    assert text.count("代表者") == 5                      # the four parties' and the witness's


def test_the_docx_holds_the_co_signer_under_the_block(built):
    joined = no_space("".join(docx_texts(built / "agreement.docx")))
    assert no_space("公立大学法人北山大学理事長林　三枝㊞学長森　八重㊞丁") in joined
    assert joined.count("㊞") == 6


def test_the_notice_names_every_signer_of_each_party(tmp_path):
    result = run_generate(REAL, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / REAL.stem / "press-notice.pdf"))
    item = text[text.index("出席者"):text.index("４立会人")]
    assert item == no_space("出席者公立諏訪東京理科大学理事長唐澤範行公立諏訪東京理科大学学長河村洋"
                            "山陽小野田市立山口東京理科大学理事長池北雅彦山陽小野田市立山口東京理科大学学長森田廣")


def test_a_draft_may_leave_a_co_signers_name_open_and_a_final_one_may_not(tmp_path):
    spec = variant(tmp_path, co=({"title": "学長", "name": None},))
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert "parties.univ.co_signers[0].name: left open (null), which only a draft may do" in result.stderr

    def draft(data):
        data["agreement"]["document"]["draft"] = True
    pdf = build(variant(tmp_path, draft, co=({"title": "学長", "name": None},)), tmp_path / "out",
                "--format", "pdf") / "agreement.pdf"
    assert no_space("理事長林三枝印学長") in no_space(pdf_text(pdf))
    assert "丙2" in [f.name for f in signature_fields(pdf.read_bytes())]


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("co, change, style, key, line_text, message", [
    # a co-signer named by the title alone: the agreement's block prints names
    ({"title": "学長"}, lambda d: None, None, "parties.univ.co_signers[0].name", "- title: 学長",
     "missing: the agreement's signature block prints the name of 学長"),
    # co-signers of a party that names no signer
    (CO, lambda d: d["parties"]["univ"].pop("representative"), None, "parties.univ.co_signers", "co_signers:",
     "co-signers sign beside the party's signer, and none is given"),
    # the house's two columns set one signer a block
    (CO, lambda d: None, "agreement:\n  signature_columns: 2\n", "parties.univ.co_signers", "co_signers:",
     "a co-signer signs under its party's block, which only one column sets"),
    # a reading of a co-signer named by the title alone would print nowhere
    ({"title": "学長", "reading": "がくちょう"}, lambda d: None, None, "parties.univ.co_signers[0].reading",
     "reading:", "the reading is printed after the name, and this person is named by the title alone"),
])
def test_what_cannot_be_printed_is_an_error_at_its_line(tmp_path, co, change, style, key, line_text, message):
    spec = variant(tmp_path, change, co=(co,), style=style)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert f"{spec}:{_line_of(spec, line_text)}: {key}: " in result.stderr, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "out" / spec.stem / "agreement.pdf").exists()


def test_the_co_signers_field_is_signed_on_its_own(tmp_path, built):
    from test_agreement import sign_one_field
    states = sign_one_field(built / "agreement.pdf", "丙2", tmp_path)
    assert [name for name, signed in states.items() if signed] == ["丙2"]


def test_a_notice_of_a_title_alone_co_signer_lists_titles(tmp_path):
    """Every signer named by the title alone (学長 too): the 締結者 a list of titles."""
    data = yaml.safe_load(REAL.read_text(encoding="utf-8"))
    for party in data["parties"].values():
        party["representative"].pop("name")
        for co in party["co_signers"]:
            co.pop("name")
    data.pop("agreement")
    data["style"] = str(REAL.parent / data["style"])
    data["press_notice"]["ceremony"].pop("signatories")
    data["press_notice"]["ki"][2] = {"item": "signatories", "label": "出席者"}
    spec = tmp_path / "titles.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert re.search(r"names .*学長.* by the title alone", result.stdout + result.stderr)
    text = no_space(pdf_text(tmp_path / "out" / "titles" / "press-notice.pdf"))
    assert no_space("山陽小野田市立山口東京理科大学　理事長山陽小野田市立山口東京理科大学　学長") in text
