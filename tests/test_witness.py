"""A witness (立会人) who signs an agreement of four parties 甲乙丙丁 (agreement.document.
witnesses), built by the real command line from tests/data/witness/four-parties-witness.yaml
(a spec written for these tests, not a real case) and read back: the block's text,
order and page in the PDF, its signature field over its seal, the same lines in the
DOCX, and every key that would have no effect refused at its file, line and key."""
from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document as OpenDocx

from conftest import needs_poppler, no_space, pdf_text, run_generate
from jpdocs.pdf.signing import signature_fields
from test_agreement import W, build, docx_texts, pages_text, seal_circles

SPEC = Path(__file__).resolve().parent / "data" / "witness" / "four-parties-witness.yaml"
BLOCKS = [  # label, then the block's lines, as the spec gives them, in the signing's order
    ("甲", ["みなみ県北山市中央一丁目１番１号", "株式会社みなみ緑化", "代表取締役", "森田　一郎"]),
    ("乙", ["みなみ県北山市役所通り２番地", "北山市長", "川上　二郎"]),
    ("丙", ["みなみ県北山市学園町３番３号", "公立大学法人北山大学", "理事長", "林　三枝"]),
    ("丁", ["みなみ県北山市山手町４番地", "北山森林組合", "代表理事組合長", "木村　四郎"]),
    ("立会人", ["みなみ県南町一丁目１番地", "みなみ県知事", "南野　五郎"]),
]
CLOSING = "本協定の締結を証するため、本書５通を作成し、甲、乙、丙、丁及び立会人が記名押印の上、各自その１通を保有する。"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build(SPEC, tmp_path_factory.mktemp("witness"))


def variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    change(data["agreement"]["document"])
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@needs_poppler
def test_the_witness_block_follows_the_four_parties_on_the_page_of_the_closing(built):
    pdf = built / "agreement.pdf"
    pages = [no_space(p) for p in pages_text(pdf)]
    last = pages[-1]
    # the preamble defines 甲乙丙丁 and nothing for the witness; the closing is the spec's
    first = pages[0]
    assert no_space("株式会社みなみ緑化（以下「甲」という。）、北山市（以下「乙」という。）") in first
    assert no_space("北山森林組合（以下「丁」という。）は、") in first
    assert "以下「立会人」" not in "".join(pages)
    assert no_space(CLOSING) in last and "令和６年４月23日" in last
    assert "本書４通" not in "".join(pages)
    # every block whole, in the signing's order, after the date, the witness's last
    text = no_space(pdf_text(pdf))
    at = text.index("令和６年４月23日")
    for label, lines in BLOCKS:
        block = no_space(label + "".join(lines)) + "印"        # each block, then its seal place
        assert text.find(block, at) == at or text.find(block, at) > at, (label, text[at:at + 400])
        at = text.find(block, at) + len(block)
        assert block in last
    assert re.fullmatch(r"-\d+-", text[at:]), text[at:]         # nothing after the witness but the page number


def test_the_witness_has_a_signature_field_of_its_own_over_its_seal(built):
    pdf = built / "agreement.pdf"
    fields = signature_fields(pdf.read_bytes())
    assert [f.name for f in fields] == ["甲", "乙", "丙", "丁", "立会人"]
    circles = seal_circles(pdf)
    last = max(circles)
    assert len(circles[last]) == 5 and all(f.page == last for f in fields)
    witness = fields[-1]
    x0, y0, x1, y1 = witness.box
    lowest = min(circles[last], key=lambda c: c[1])           # the witness's block is the last, lowest
    cx, cy = (lowest[0] + lowest[2]) / 2, (lowest[1] + lowest[3]) / 2
    assert x0 < cx < x1 and y0 < cy < y1, (witness, lowest)
    assert min(f.box[1] for f in fields) == y0                # below every party's field


def test_the_docx_holds_the_same_blocks_and_closing(built):
    joined = no_space("".join(docx_texts(built / "agreement.docx")))
    at = joined.index(no_space(CLOSING))
    for label, lines in BLOCKS:
        block = no_space(label + "".join(lines))
        found = joined.find(block, at)
        assert found > at, label
        at = found
    assert joined.count("㊞") == 5
    # the witness's block is a row of its own in the parties' table, kept with them
    body = OpenDocx(built / "agreement.docx").element.body
    rows = [r for r in body.iter(f"{W}tr") if "南野" in "".join(t.text or "" for t in r.iter(f"{W}t"))]
    own = min(rows, key=lambda r: len(list(r.iter())))
    assert no_space("".join(t.text or "" for t in own.iter(f"{W}t"))) == "立会人みなみ県南町一丁目１番地みなみ県知事南野五郎㊞"
    table = own.getparent()
    assert [no_space("".join(t.text or "" for t in tc.iter(f"{W}t")))[:1] for tr in table.iter(f"{W}tr")
            for tc in tr.findall(f"{W}tc")[1:2]] == ["甲", "乙", "丙", "丁", "立"]


def test_two_witnesses_of_one_label_get_a_field_each(tmp_path):
    def two(doc):
        doc["witnesses"].append({"name": "南町", "representative": {"title": "南町長", "name": "東　六郎"}})
        doc["closing"] = doc["closing"].replace("本書５通", "本書６通")    # each 立会人 keeps one
    pdf = build(variant(tmp_path, two), tmp_path / "out", "--format", "pdf") / "agreement.pdf"
    assert [f.name for f in signature_fields(pdf.read_bytes())] == ["甲", "乙", "丙", "丁", "立会人1", "立会人2"]
    text = no_space(pdf_text(pdf))
    assert text.index(no_space("立会人みなみ県南町一丁目１番地みなみ県知事南野五郎")) < text.index("立会人南町長東六郎")


def test_a_witness_in_person_and_its_own_label(tmp_path):
    """No organisation: the block is the title and the name; 特別立会人 printed as written."""
    def own(doc):
        doc["witnesses"] = [{"label": "特別立会人", "representative": {"title": "北山地区区長会長", "name": "谷　七子"}}]
    pdf = build(variant(tmp_path, own), tmp_path / "out", "--format", "pdf") / "agreement.pdf"
    assert no_space("特別立会人北山地区区長会長谷七子") in no_space(pdf_text(pdf))
    assert [f.name for f in signature_fields(pdf.read_bytes())][-1] == "特別立会人"


def test_a_draft_may_leave_the_witness_name_open_and_a_final_one_may_not(tmp_path):
    def open_name(doc):
        doc["witnesses"][0]["representative"]["name"] = None
    spec = variant(tmp_path, open_name)
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert f"{spec}:" in result.stderr and "agreement.document.witnesses[0].representative.name" in result.stderr
    assert "left open (null), which only a draft may do" in result.stderr

    def draft(doc):
        open_name(doc)
        doc["draft"] = True
    pdf = build(variant(tmp_path, draft), tmp_path / "out", "--format", "pdf") / "agreement.pdf"
    assert "立会人みなみ県南町一丁目１番地みなみ県知事" in no_space(pdf_text(pdf))
    assert "南野" not in pdf_text(pdf)


@needs_poppler
def test_a_witness_by_the_title_alone_writes_the_name_by_hand(tmp_path):
    """大村市・仙北市 (2009): 立会人 大村市議会議長, named by the title alone, as the
    parties' mayors: with signed_by_hand each block has a line to write the name on and
    nothing is invented; without it the name is missing (the block prints it), and a
    draft leaves it blank as a draft's other names."""
    def title_only(doc):
        del doc["witnesses"][0]["representative"]["name"]
    spec = variant(tmp_path, title_only)
    result = run_generate("check", spec)
    assert result.returncode == 1
    assert (f"{spec}:{_line_of(spec, 'title: みなみ県知事') - 1}: agreement.document.witnesses[0]"
            ".representative.name: missing: the agreement's signature block prints the name of the witness"
            " みなみ県知事; give name: (or name: null in a draft to leave it blank; or signed_by_hand: true, for the"
            " witness to write it)") in result.stderr

    def by_hand(doc):
        title_only(doc)
        doc["signed_by_hand"] = True
        doc["closing"] = "本協定の締結を証するため、本書５通を作成し、甲、乙、丙、丁及び立会人が署名の上、各自その１通を保有する。"
    pdf = build(variant(tmp_path, by_hand), tmp_path / "out", "--format", "pdf") / "agreement.pdf"
    text = no_space(pdf_text(pdf))
    assert "立会人みなみ県南町一丁目１番地みなみ県知事" in text and "南野" not in text

    def draft(doc):
        title_only(doc)
        doc["draft"] = True
    result = run_generate(variant(tmp_path, draft), "-o", tmp_path / "draft", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "agreement.document.witnesses[0].representative.name" in result.stdout    # named among what is left open


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("change, key, line_text, message", [
    (lambda d: d.pop("closing"), "agreement.document.witnesses", "witnesses:",
     "an agreement with a witness (立会人) needs its own closing (document.closing, or a last article"),
    (lambda d: d["witnesses"][0].update(label="甲"), "agreement.document.witnesses[0].label", "label: 甲",
     "「甲」 is a party's label: a witness is none of the parties"),
    (lambda d: d["witnesses"][0]["representative"].update(reading="みなみの ごろう"),
     "agreement.document.witnesses[0].representative.reading", "reading:", "a witness's reading is printed nowhere"),
    (lambda d: d["witnesses"][0]["representative"].update(note="予定"),
     "agreement.document.witnesses[0].representative.note", "note:", "a witness's note is printed nowhere"),
    (lambda d: d["witnesses"][0].update(honorific="様"), "agreement.document.witnesses[0].honorific", "honorific:",
     "unknown key 'honorific'"),
    (lambda d: d["witnesses"][0].pop("representative"), "agreement.document.witnesses[0].representative", "- name: みなみ県",
     "missing"),
    (lambda d: d.update(copies=True), "agreement.document.witnesses", "witnesses:",
     "whether a witness keeps one is the closing's to say"),
])
def test_a_key_that_would_have_no_effect_is_an_error_at_its_line(tmp_path, change, key, line_text, message):
    spec = variant(tmp_path, change)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    line = _line_of(spec, line_text)
    assert f"{spec}:{line}: {key}: " in result.stderr, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "out" / spec.stem / "agreement.pdf").exists()


def test_the_witness_messages_are_said_in_japanese(tmp_path):
    import os
    spec = variant(tmp_path, lambda d: d.pop("closing"))
    env = dict(os.environ, LANG="ja_JP.UTF-8", LC_ALL="ja_JP.UTF-8", LANGUAGE="ja")
    result = run_generate("check", spec, env=env)
    assert result.returncode == 1
    assert "agreement.document.witnesses" in result.stderr
    assert re.search(r"[ぁ-ん]", result.stderr.split("agreement.document.witnesses", 1)[1]), result.stderr
    assert "needs its own closing" not in result.stderr


def test_the_witness_signs_its_own_field_after_the_parties(tmp_path, built):
    from test_agreement import sign_one_field
    states = sign_one_field(built / "agreement.pdf", "立会人", tmp_path)
    assert states == {"甲": False, "乙": False, "丙": False, "丁": False, "立会人": True}


@needs_poppler
def test_an_address_too_long_for_its_line_breaks_at_its_full_width_space(tmp_path):
    """A signature block's address with its building after a full-width space, too long
    for one line beside the widest label (特別立会人): the line breaks at the space
    (「…１番１号」/「北山中央ビルディング東館十二階」), not inside the building's name
    (「…１番１号　北山」/「中央ビルディング…」); the DOCX breaks there too, the space dropped
    at its break as the PDF drops it."""
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    data["parties"]["company"]["address"] = "みなみ県北山市中央一丁目１番１号　北山中央ビルディング東館十二階"
    data["agreement"]["document"]["witnesses"][0]["label"] = "特別立会人"
    path = tmp_path / "long-address.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = build(path, tmp_path / "out", "--format", "pdf,docx")
    layout = subprocess.run(["pdftotext", "-layout", str(out / "agreement.pdf"), "-"], capture_output=True, text=True,
                            check=True).stdout
    lines = [no_space(line) for line in layout.splitlines()]
    at = next(i for i, line in enumerate(lines) if "中央一丁目" in line)
    assert lines[at].endswith("みなみ県北山市中央一丁目１番１号") and lines[at + 1] == "北山中央ビルディング東館十二階"
    body = zipfile.ZipFile(out / "agreement.docx").read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", body.replace("<w:br/>", "\n"))      # (the blocks are nested tables)
    # the space is the break's, as in the PDF (line_breaks._broken): not left at the line's end
    assert "みなみ県北山市中央一丁目１番１号\n北山中央ビルディング東館十二階" in text
