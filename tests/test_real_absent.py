"""The real cases' `absent:` entries say what they mean (tests/real_absent.py): a
fragment anywhere, a whole line ({line: 記}), or a text but inside words named ({text:
印, except_in: [調印]}); a one-letter fragment is refused.

中川町's page (nakagawa-nihon-u-2021) shows why: its caption's 記念撮影 holds 記, so
`absent: 記` (meaning the 記 heading) failed on the right page, and its facts checked
日時 in its place; a 記 block whose items have no 日時 then passed. {line: 記} passes
the page and finds the block.
"""
from __future__ import annotations

import shutil

import pytest

from conftest import needs_poppler, pdf_text, real_case_variant, run_generate
from real_absent import fold, prints_absent, refusal
from test_real_cases import FACTS, REAL, load, visual_lines

CASE = "nakagawa-nihon-u-2021"
STYLE = "nakagawa-town.yaml"


def _built(spec, out):
    result = run_generate(spec, "-o", out, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    pdfs = sorted((out / spec.stem).glob("*.pdf"))
    text = fold("".join(pdf_text(p) for p in pdfs))
    return text, lambda: {fold(line) for p in pdfs for line in visual_lines(p)}


@needs_poppler
def test_a_caption_holding_the_letter_is_no_ki_heading_and_a_ki_block_is_found(tmp_path):
    text, lines = _built(REAL / f"{CASE}.yaml", tmp_path / "page")
    assert "記念撮影" in text and fold("記") in text                 # the old `absent: 記` failed here
    assert {"line": "記"} in load(FACTS[CASE])["absent"]
    assert not prints_absent({"line": "記"}, text, lines)
    with_ki = real_case_variant(tmp_path, CASE, STYLE,
                                ("  ki: []", "  ki: [{label: 方式, text: [二つの会議室をWEBでつなぐ調印]}]"))
    (tmp_path / "photos").mkdir()
    shutil.copy(REAL / "photos" / "stand-in.jpg", tmp_path / "photos")
    text, lines = _built(with_ki, tmp_path / "with-ki")
    assert "記" in lines()                                            # the variant prints its 記 heading
    assert "日時" not in text                                         # the old proxy passed it
    assert prints_absent({"line": "記"}, text, lines)


def test_a_text_but_inside_the_words_named():
    never = lambda: set()                                             # noqa: E731
    seal = {"text": "印", "except_in": ["調印"]}
    assert not prints_absent(seal, fold("WEB調印式を実施しました"), never)
    assert prints_absent(seal, fold("WEB調印式　中川町長　石垣　寿聡　印"), never)
    assert prints_absent({"text": "印"}, fold("調印式"), never)
    assert not prints_absent({"text": "、、", "except_in": ["、、、"]}, "a、、、b", never)


@pytest.mark.parametrize("entry, refused", [
    ("記", True), ("様", True), ("印", True), ("ア", True),             # a letter stands inside words
    ({"写真": None}, True),                                            # `- 写真:` unquoted: a mapping, matched nothing
    ({"text": "印", "except_in": ["朱肉"]}, True),                      # a word without the text
    ({"text": "印", "except_in": ["印"]}, True),
    ({"line": "記", "text": "記"}, True),
    ("、", False), ("※", False), ("記念撮影", False), ({"line": "記"}, False), ({"text": "様"}, False),
    ({"text": "印", "except_in": ["調印", "印刷費"]}, False),
])
def test_the_checker_refuses_an_entry_that_says_nothing_sure(entry, refused):
    assert bool(refusal(entry)) == refused, refusal(entry)
