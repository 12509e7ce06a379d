"""A justified line of prose does not end inside a word where keeping it whole costs little
(jlreq_lines._keep_word): a proof-reader sent back 福島 / 秀雄 (a person's name, in
urahoro-hirono-2014's notice), 中央県知 / 事 (a title, tottori-tov-1997's 覚書) and スポー /
ツ, 取 / 組, 支 / 援 in the narrow cells of an overview sheet. JLREQ allows each break;
the line is pushed in to the word's end where its punctuation gives the room, else ends
at the phrase's start where its gaps open by at most KEEP_WORD_SPREAD em; else the
legal break stays; a line set left or centred, which opens no gaps, gives the word up
at any phrase start in its second half. The rule on synthetic metrics (as test_jlreq.py), then the real
documents built and read back."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import needs_poppler, pdf_text, run_generate
from test_jlreq import EM, lines, texts

from jpdocs.writers import jlreq_lines

ROOT = Path(__file__).resolve().parent.parent
NAMES = "田村寛邦浦幌町議会議長と福島秀雄洋野町議会議長の立会いのもと、両町長が調印書に署名しました。"
LEAD = "式典では一行が紹介された後、門馬孝敬浦幌町副町長が協定文を読み上げ、"


def test_a_name_torn_at_a_wide_line_end_goes_whole_to_the_next_line():
    text = LEAD + NAMES
    width = text.index("秀雄") * EM                     # JLREQ's break: …議会議長と福島 / 秀雄…
    got = texts(text, width)
    assert got[0].endswith("議会議長と") and got[1].startswith("福島秀雄"), got
    assert 0 < lines(text, width)[0].adjust <= jlreq_lines.KEEP_WORD_SPREAD * EM   # 2 em over 47 gaps


def test_the_legal_break_stays_where_keeping_the_name_whole_would_open_the_line(monkeypatch):
    # 14 characters a line: giving up 福島 opens each of 11 gaps by 0.18 em
    assert texts(NAMES, 14 * EM)[:2] == ["田村寛邦浦幌町議会議長と福島", "秀雄洋野町議会議長の立会いの"]
    # a long name with no slack at all: the break inside it stays where JLREQ puts it
    name = "会談にはシュポルトヴァチェスラフイヴァノビッチ知事が出席した。"
    assert texts(name, 12 * EM)[:2] == ["会談にはシュポルトヴァ", "チェスラフイヴァノビッチ"]
    # and the line that gives up the two characters is kept only within the limit
    text = LEAD + NAMES
    monkeypatch.setattr(jlreq_lines, "KEEP_WORD_SPREAD", 0.04)
    assert texts(text, text.index("秀雄") * EM)[0].endswith("福島")


def test_a_title_torn_before_its_last_character_is_pushed_in_to_its_end():
    text = "モンゴル国中央県は、博覧会に出展して参加し、鳥取県知事　西尾邑次の招きに応じ、中央県知事　チェベクミディンが会談した。"
    width = text.index("事　チ") * EM                   # JLREQ: …中央県知 / 事
    first = lines(text, width)[0]
    assert text[first.start:first.end].endswith("中央県知事\u3000")
    assert -1 <= first.adjust < 0                       # its three commas give the em it takes


def test_a_break_between_phrases_or_after_kana_is_left_as_it_is():
    text = "両町長が調印書に署名して取り交わし、町旗も交換しました。"
    assert texts(text, 8 * EM)[0] == "両町長が調印書に"        # a phrase's start: nothing torn
    assert texts(text, 14 * EM)[0] == "両町長が調印書に署名して取り"   # after kanji, before kana: not torn


def test_a_ragged_line_gives_up_the_name_whatever_the_gap_it_leaves():
    # a line set left (a caption, a centred line, a cell set left) has no gaps to open: the
    # name goes to the next line whole where its phrase starts in the line's second half
    assert texts(NAMES, 14 * EM, justify=False)[:2] == ["田村寛邦浦幌町議会議長と", "福島秀雄洋野町議会議長の立会"]
    assert texts(NAMES, 14 * EM)[0] == "田村寛邦浦幌町議会議長と福島"    # justified: 0.18 em a gap, too open


def _lines_of(path: Path) -> list[str]:
    return [line.strip() for line in pdf_text(path).splitlines()]


@needs_poppler
def test_the_real_names_and_words_stand_on_one_line(tmp_path):
    specs = [ROOT / "tests" / "data" / "real" / "urahoro-hirono-2014.yaml",
             ROOT / "tests" / "data" / "real" / "tottori-tov-1997.yaml",
             ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml"]
    run = run_generate(*specs, "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    notice = _lines_of(out / "urahoro-hirono-2014" / "press-notice.pdf")
    assert any(line.startswith("福島秀雄洋野町議会議長") for line in notice), notice
    agreement = _lines_of(out / "tottori-tov-1997" / "agreement.pdf")
    assert any(re.search("中央県知事$", line) for line in agreement), agreement
    assert not any(line.endswith("中央県知") for line in agreement)
    sheet = _lines_of(out / "2016-03-07-sports-culture-tourism" / "overview.pdf")
    for torn in ("（スポー", "地域の取", "まちづくりの支"):
        assert not any(line.endswith(torn) for line in sheet), (torn, sheet)
    for whole in ("（スポーツ", "取組の支援", "まちづくりの支援"):
        assert any(whole in line for line in sheet), (whole, sheet)
