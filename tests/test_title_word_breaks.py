"""A signer's title too long for its column breaks at its words: after the word's ・,
never inside a word where only the script changes (マレーシア・ / ペナン州首席大臣, not
マレーシア・ペナン / 州首席大臣, ペナン州 torn). Seen in kanagawa-penang-1991 with a
house's label of the name line (agreement.signature_labels: {name: 署名}): the title
sits under the label's padding. With 署名, the two blocks' lines now share the measure
(fit="blocks" measures a word after the padding from where a broken line would begin:
3 em more than before) and the title stands whole, the other block's lines narrower
but whole too. With a longer label (署名者) the two blocks' words no longer fit side by
side, the widths stay the template's, and the title breaks as above. In the built PDF
and in the DOCX."""
from __future__ import annotations

from pathlib import Path

from conftest import agreement_lines_and_paragraphs, needs_poppler

REAL = Path(__file__).resolve().parent / "data" / "real"
CASE = "kanagawa-penang-1991"


def _build(tmp_path: Path, label: str) -> tuple[list[str], list[str]]:
    """The case built with the house's name label `label` and no signature mark: the
    PDF's lines (spaces out) and the DOCX's paragraphs (a w:br read as \\n)."""
    folder = tmp_path / label
    (folder / "styles").mkdir(parents=True)
    style = (REAL / "styles" / "kanagawa-intl.yaml").read_text(encoding="utf-8")
    assert "  name_line: above_title\n" in style
    (folder / "styles" / "kanagawa-intl.yaml").write_text(
        style.replace("  name_line: above_title\n", f"  name_line: above_title\n  signature_labels: {{name: {label}}}\n"),
        encoding="utf-8")
    spec = (REAL / f"{CASE}.yaml").read_text(encoding="utf-8")
    assert "signature_mark:" in spec              # the mark and the label would both stand before the name
    (folder / f"{CASE}.yaml").write_text(
        "".join(line for line in spec.splitlines(keepends=True) if "signature_mark:" not in line), encoding="utf-8")
    return agreement_lines_and_paragraphs(folder / f"{CASE}.yaml", folder / "out")


@needs_poppler
def test_a_title_breaks_after_its_words_middle_dot_not_inside_a_word(tmp_path):
    lines, texts = _build(tmp_path, "署名者")
    assert any(line.endswith("署名者コー・ツー・クーン") for line in lines), lines[-6:]
    assert any(line.endswith("マレーシア・") for line in lines), lines[-6:]        # the title does not fit: it breaks
    assert "ペナン州首席大臣" in lines, lines[-6:]
    assert "州首席大臣" not in lines
    assert any("マレーシア・\nペナン州首席大臣" in t for t in texts), [t for t in texts if "大臣" in t]


@needs_poppler
def test_a_title_the_other_block_leaves_room_for_stands_whole(tmp_path):
    lines, texts = _build(tmp_path, "署名")
    assert any(line.endswith("署名コー・ツー・クーン") for line in lines), lines[-6:]
    assert any(line.endswith("マレーシア・ペナン州首席大臣") for line in lines), lines[-6:]
    assert any(line.endswith("日本国神奈川県知事") for line in lines), lines[-6:]   # the narrower block's title whole
    assert not any(line.endswith("マレーシア・") for line in lines)
    assert any(t.strip("\u3000") == "マレーシア・ペナン州首席大臣" for t in texts), [t for t in texts if "大臣" in t]
