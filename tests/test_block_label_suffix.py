"""agreement.block_label_suffix: printed straight after each signature block's label, as
the house sets it — 国税庁's page sets the blocks of the 覚書 it publishes 甲：/乙：
(tests/data/real nta-jica-2021). In the labels' column and with the label in a line
(block_label_line: organisation), a witness's too, in the PDF and the DOCX; the
original's mark keeps the label alone (正本（甲保管）); nothing by default; a suffix ending
in a space is an error of the house style at its line. agreement.block_label_prefix, printed
straight before the label: with the suffix "）", （甲）, as the same page sets the blocks of the
合意 of 法務省民事局民事第二課 (tests/data/real moj-nta-kazei-2021). The real command line."""
from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, SEED_SPEC, needs_poppler, pdf_text, real_case_variant, run_generate
from test_agreement import docx_texts
from test_real_cases import fold, visual_lines

CASE, STYLE = "nta-jica-2021", "nta-documents.yaml"


def built(tmp_path: Path, spec: Path, *args: str) -> tuple[list[str], list[str]]:
    """(the agreement PDF's lines as a reader sees them, the DOCX's paragraphs)."""
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf,docx", *args)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / spec.stem
    return [fold(x) for x in visual_lines(folder / "agreement.pdf")], docx_texts(folder / "agreement.docx")


BRACKETS, BRACKETS_STYLE = "moj-nta-kazei-2021", "moj-nta-kazei.yaml"
PREFIX = '  block_label_prefix: "（"'


def house(tmp_path: Path, text: str | None) -> Path:
    """The real case under its house style, the suffix's line replaced by `text`."""
    spec = real_case_variant(tmp_path, CASE, STYLE)
    style = tmp_path / "styles" / STYLE
    line = '  block_label_suffix: "："\n'
    assert line in style.read_text(encoding="utf-8")
    if text is not None:
        style.write_text(style.read_text(encoding="utf-8").replace(line, text), encoding="utf-8")
    return spec


@needs_poppler
def test_each_label_is_followed_by_the_houses_colon(tmp_path):
    """甲：国税庁税務大学校 and 乙：独立行政法人国際協力機構 as the page sets them, in the labels'
    column (the DOCX's label cell says 甲：)."""
    lines, paragraphs = built(tmp_path, house(tmp_path, None))
    assert fold("甲：国税庁税務大学校") in lines and fold("乙：独立行政法人国際協力機構") in lines, lines[-7:]
    assert "甲：" in paragraphs and "乙：" in paragraphs, paragraphs[-10:]


@needs_poppler
def test_without_the_key_the_label_stands_alone(tmp_path):
    lines, paragraphs = built(tmp_path, house(tmp_path, ""))
    assert "甲国税庁税務大学校" in lines and "乙独立行政法人国際協力機構" in lines, lines[-7:]
    assert "甲" in paragraphs and "甲：" not in paragraphs


def seed(tmp_path: Path, witness: bool) -> Path:
    """The seed's agreement under a house that sets each label in the organisation's line
    with a colon; with a witness (立会人) signing, or without (to be built with --copies,
    where a witness is refused)."""
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    del data["press_notice"]
    if witness:
        doc = data["agreement"]["document"]
        doc["witnesses"] = [{"label": "立会人", "representative": {"title": "北見市長", "name": "辻　直孝"}}]
        doc["closing"] = "本協定の締結を証するため、本書３通を作成し、甲乙及び立会人記名押印の上、各自その１通を保有する。"
    (tmp_path / "house.yaml").write_text('agreement:\n  block_label_line: organisation\n  block_label_suffix: "："\n',
                                         encoding="utf-8")
    data["style"] = "house.yaml"
    path = tmp_path / "seed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@needs_poppler
def test_a_label_in_a_line_and_a_witnesses_take_it_too(tmp_path):
    """block_label_line: organisation: 甲：北海道オホーツク総合振興局長 (no organisation
    line: the title's), 乙：国立大学法人北海道国立大学機構, 立会人：北見市長."""
    lines, paragraphs = built(tmp_path, seed(tmp_path, witness=True))
    for line in ("甲：北海道オホーツク総合振興局長", "乙：国立大学法人北海道国立大学機構", "立会人：北見市長"):
        assert any(x.startswith(fold(line)) for x in lines), (line, lines[-12:])
    assert any(p.startswith("立会人：") for p in paragraphs), paragraphs[-12:]


@needs_poppler
def test_the_originals_mark_keeps_the_label_alone(tmp_path):
    spec = seed(tmp_path, witness=False)
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf", "--copies")
    assert result.returncode == 0, result.stderr
    marks = fold(pdf_text(next((tmp_path / "out" / spec.stem).glob("agreement*甲*.pdf"))))
    assert fold("正本（甲保管）") in marks and fold("甲：保管") not in marks


def test_a_suffix_ending_in_a_space_is_an_error_at_its_line(tmp_path):
    spec = house(tmp_path, '  block_label_suffix: "：　"\n')
    style = tmp_path / "styles" / STYLE
    line = next(n for n, t in enumerate(style.read_text(encoding="utf-8").splitlines(), 1) if "block_label_suffix" in t)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"{style}:{line}: agreement.block_label_suffix: '：　' ends in a space: the suffix is printed straight"
            " after each block's label (\"：\" → 甲：), and the block's lines keep their own gap after it; write"
            " the mark alone") in result.stderr, result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()


def brackets(tmp_path: Path, prefix: bool) -> tuple[list[str], list[str]]:
    """The 合意 of 2021 built under its house style, with its prefix's line or without it."""
    spec = real_case_variant(tmp_path, BRACKETS, BRACKETS_STYLE)
    style = tmp_path / "styles" / BRACKETS_STYLE
    text = style.read_text(encoding="utf-8")
    assert PREFIX in text
    if not prefix:
        style.write_text("\n".join(t for t in text.splitlines() if not t.startswith(PREFIX)) + "\n",
                         encoding="utf-8")
    return built(tmp_path, spec)


@needs_poppler
def test_a_prefix_and_the_suffix_bracket_each_label(tmp_path):
    """（甲）法務省民事局民事第二課長 and （乙）国税庁課税部課税総括課長, as 国税庁's page sets the
    blocks (block_label_prefix "（" beside block_label_suffix "）"): in the PDF's lines and the
    DOCX's label cells."""
    lines, paragraphs = brackets(tmp_path, prefix=True)
    assert fold("（甲）法務省民事局民事第二課長") in lines and fold("（乙）国税庁課税部課税総括課長") in lines, lines[-6:]
    assert "（甲）" in paragraphs and "（乙）" in paragraphs, paragraphs[-8:]


@needs_poppler
def test_without_the_prefix_nothing_stands_before_the_label(tmp_path):
    """The same house without block_label_prefix: the suffix alone, 甲）, nothing before it."""
    lines, paragraphs = brackets(tmp_path, prefix=False)
    assert fold("甲）法務省民事局民事第二課長") in lines, lines[-6:]
    assert not any("（甲）" in x for x in lines) and "甲）" in paragraphs, paragraphs[-8:]


@needs_poppler
def test_the_originals_mark_keeps_the_label_alone_beside_a_prefix(tmp_path):
    """正本（甲保管）, never 正本（（甲）保管）: the prefix belongs to the block's label alone."""
    spec = seed(tmp_path, witness=False)
    house_style = tmp_path / "house.yaml"
    house_style.write_text('agreement:\n  block_label_prefix: "（"\n  block_label_suffix: "）"\n', encoding="utf-8")
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "agreement", "--format", "pdf", "--copies")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / spec.stem
    marks = fold(pdf_text(next(folder.glob("agreement*甲*.pdf"))))
    assert fold("正本（甲保管）") in marks and fold("（（甲）") not in marks
    assert fold("（甲）北海道網走市") in marks, marks[-200:]       # the block's own label, before its address
