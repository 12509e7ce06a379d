"""A prepared paragraph (jlreq.py) broken into lines after JLREQ, in its order of
adjustment: push-in first (追い込み), hanging only for 、。，． (ぶら下げ), then
push-out (追い出し); each line says how much its spaces stretch or shrink.

Kept apart from the preparing (jlreq.py), which reads the characters once; this runs
once per width a paragraph is set at, with the places a long name or heading breaks
when no phrase fits (after a word, where the script changes, after a legal form), and
the line of prose that would end inside a word moved to the word's end or its phrase's
start where that costs little (_keep_word).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from . import phrases
from .units import after_unit
from .jlreq import BLANK_BOTH, BLANK_LEFT, EPS, HANGING, LEGAL_FORMS, NO_START, SPACES, Para, in_kana_word


@dataclass
class Line:
    """Characters [start, end) of a paragraph. `adjust` > 0 is the space
    added to each stretchable gap, < 0 the fraction of the shrinkable amounts
    taken away (push-in); `hang` marks a line whose last glyph hangs;
    `forced` a line ended by a line break; `width` its width as set."""
    start: int
    end: int
    adjust: float = 0.0
    hang: bool = False
    forced: bool = False
    last: bool = False
    width: float = 0.0
    gaps: int = 0
    letters: bool = False              # stretch every gap, even inside Latin runs


def _width(p: Para, s: int, e: int) -> float:
    """Width of characters s..e-1 as one line: the space after the last one
    goes, and a space at the line end takes no room."""
    w = p.cum[e] - p.cum[s] - p.gap.get(e - 1, 0.0)
    if p.text[e - 1] in SPACES:
        w -= p.adv[e - 1]
    return w


def _shrinkable(p: Para, s: int, e: int) -> float:
    """How far characters s..e-1 may shrink as one line (push-in); only asked when
    compression is on (p.cshr), so every bracket and dot has its entry in p.shr."""
    room = p.cshr[e] - p.cshr[s] - p.gap.get(e - 1, 0.0) / 2
    # a line-start opener keeps its blank: JLREQ §3.1.5 lets a house set a bracket at a
    # line's head with its blank half (a full em) or without it (天付き, Appendix B.2 note
    # 17's preferred); this house keeps it everywhere, a block caption's lines too, so
    # that the text after （ begins where the text after a ・ on the next line does
    # (tests/test_photo_captions.py)
    if p.text[s] in BLANK_LEFT + BLANK_BOTH:
        room -= p.shr[s]
    return room


def compose(p: Para, widths: list[float], justify: bool, may_hang: bool) -> list[Line]:
    """Break `p` into lines; widths[k] is the width of line k (the last
    value serves every further line). A heading whose words BudouX parts inside a run of
    kanji (p.pweak: 締結議 / 定書) keeps them whole unless parting them sets it on fewer lines."""
    lines = _compose(p, widths, justify, may_hang)
    if p.pweak is None or len(lines) < 2:
        return lines
    opened = Para()
    for name in Para.__slots__:
        setattr(opened, name, getattr(p, name))
    opened.pbrk = bytearray(a | b for a, b in zip(p.pbrk, p.pweak))
    fewer = _compose(opened, widths, justify, may_hang)
    return fewer if len(fewer) < len(lines) else lines


def _compose(p: Para, widths: list[float], justify: bool, may_hang: bool) -> list[Line]:
    lines: list[Line] = []
    n, text, brk, cum = p.n, p.text, p.brk, p.cum
    s = 0
    while s < n:
        W = widths[min(len(lines), len(widths) - 1)]
        nl = text.find("\n", s)
        # e: the most characters from s that fit (cum is a safe under-estimate)
        e = max(s + 1, bisect_right(cum, cum[s] + W + EPS, s) - 1)
        e = min(e, n)
        while e < n and _width(p, s, e + 1) <= W + EPS:
            e += 1
        if 0 <= nl < e:
            lines.append(_line(p, s, nl + 1, W, False, forced=True))
            s = nl + 1
            continue
        if e >= n:
            lines.append(_line(p, s, n, W, False, last=True))
            break
        line = None
        if p.pbrk is not None:                       # headings: between phrases first
            b = e if p.pbrk[e] else p.pbrk.rfind(1, s + 1, e)
            if s < b and p.palt is not None and len(text[s:b].strip(SPACES + "\n")) <= 2:
                # a short word alone on its line (この / ページに関する / …): the line ends
                # before the compound particle instead, where it holds that (このページ /
                # に関する / …), the particle whole and the word with its noun
                b = max(b, p.palt.rfind(1, b + 1, e + 1))
            if b <= s and p.by_phrase:               # a phrase longer than the line: after a
                b = next((i for i in range(e, s, -1)  # word's ・ or ‐, or where the script changes
                          if brk[i] and (text[i - 1] in _WORD_ENDS   # (オホーツク / 総合振興局)
                                         or script_of(text[i - 1]) != script_of(text[i])
                                         and not in_kana_word(text, i))), s)
            if b <= s and p.by_phrase:               # none: in a run of kanji, after a unit of an
                b = next((i for i in range(e, s, -1)  # organisation (総合振興局管内 / 市町村会)
                          if brk[i] and script_of(text[i]) == "C" and after_unit(text, i)), s)
            if b > s:
                line = _line(p, s, b, W, justify)
        if line is None and brk[e]:                  # breaks right at the edge
            words = p.pbrk is not None and not p.by_phrase and _word_break(p, s, e)   # (AT_SPACES, AT_WORDS)
            line = _line(p, s, words or e, W, justify)
        if line is None and p.cshr is not None:      # push-in
            # b: the next break (at most n, and at most just after a line break,
            # since a break always follows one: the pushed-in line never spans it)
            b = brk.find(1, e + 1)
            over = _width(p, s, b) - W
            room = _shrinkable(p, s, b)
            if room > 0 and over <= room + EPS:
                if p.pbrk is not None and not p.by_phrase and b < n and not _word_start(text, b):
                    # (AT_SPACES, AT_WORDS) a pushed-in line that would end inside a word
                    # (…マッパーズ・ジャ / パン): after the word's ・ instead, as at the edge
                    words = _word_break(p, s, e)
                    if words:
                        line = _line(p, s, words, W, justify)
                elif p.pbrk is not None and not p.by_phrase and b < n and s < _word_break(p, s, b) < b:
                    # … or before a suffix of its word (…コロンビア州サレー / 市長, the ・'s
                    # blank squeezed): before the word, as at the edge (…州 / サレー市長)
                    line = _line(p, s, _word_break(p, s, b), W, justify)
                if line is None:
                    line = Line(s, b, -over / room, width=W, last=b >= n)
        if line is None and may_hang and text[e] in HANGING and brk[e + 1] \
                and _width(p, s, e) <= W + EPS:     # hanging 、。
            line = _line(p, s, e + 1, W, justify, hang=True)
        if line is None:                             # push-out
            b = brk.rfind(1, s + 1, e)
            if p.pbrk is not None and not p.by_phrase:   # (AT_SPACES, AT_WORDS, as at the edge)
                b = _word_break(p, s, e) or b
            if b <= s:
                b = e                                # nothing breakable: cut at the edge
            line = _line(p, s, b, W, justify)
        if p.pbrk is None and not line.forced and line.end < n and _torn(text, line.end):
            line = _keep_word(p, s, line, W, justify)
        elif p.pbrk is None and not line.forced and line.end < n and _weekday_at(text, line.end):
            line = _keep_weekday(p, s, line, W, justify)
        lines.append(line)
        s = line.end
    if p.pbrk is None and justify:
        _no_widow(p, lines, widths)
    return lines


# How far a justified line's gaps may open so that a word is not torn at its end (in em of
# the line's first character): a tenth of an em. Chosen on the real pages (all outputs,
# every line this rule would move, rendered): a prose line of 43 characters that gives up
# two (…議会議長と / 福島秀雄…, 0.05 em a gap) or three (…寄附により / 医学研究科, 0.1 em)
# reads as its neighbours do; four or more (0.11–0.2 em: …専門とする / 学術・医療) open
# visible gaps across the line, and from 0.2 em (a narrow cell giving up （スポー) the
# letters stand apart, worse than the torn word: it stays torn.
KEEP_WORD_SPREAD = 0.1
_KEEP_WORD_AHEAD = 4       # (_keep_word) at most so many characters pushed in to end the word


def _torn(text: str, b: int) -> bool:
    """Whether a break before text[b] tears a word: between two kanji or two katakana
    (福島 / 秀雄, 知 / 事, スポー / ツ), where JLREQ allows it; after hiragana, before
    a particle or between scripts, a line may end as it does."""
    k = script_of(text[b])
    return k in "KC" and script_of(text[b - 1]) == k


def _keep_word(p: Para, s: int, line: Line, W: float, justify: bool) -> Line:
    """A line of prose that would end inside a word, inside one of BudouX's
    phrases (a person's name 福島 / 秀雄, a title 中央県知 / 事, スポー / ツ): pushed in to
    the word's end where its punctuation gives the room (…中央県知事 / チェベクミディン),
    else ended at the phrase's start (or a word's inside it: _between_words) where its gaps
    open by at most KEEP_WORD_SPREAD em (…議会議長と / 福島秀雄…); else as JLREQ broke it.
    Not a break at a phrase's start (…観光資源 / 取組): no word is torn there. (A word,
    not only a name the spec lists: the prose names people no key holds.) BudouX is asked
    last, about the few places the cheaper tests leave (phrases.starts_at): scoring every
    boundary of a notice's prose was ~4 M instructions. A line not justified (set left,
    centred: a caption, a cell set left) opens no gaps: it ends at such a start in its
    second half, whatever the room it leaves (…駐日リトアニア / 共和国特命全権大使あいさつ).
    Where the composer's line was justified (`justify`), the limit holds."""
    b, text, brk, n = line.end, p.text, p.brk, p.n
    kind = script_of(text[b])
    ahead = b
    while ahead < n and ahead - b < _KEEP_WORD_AHEAD and script_of(text[ahead]) == kind:
        ahead += 1
    ahead = brk.find(1, ahead) if ahead < n else n
    if 0 < ahead - b <= _KEEP_WORD_AHEAD and ahead < n and p.cshr is not None and "\n" not in text[b:ahead]:
        over = _width(p, s, ahead) - W
        room = _shrinkable(p, s, ahead)
        if (over <= EPS or room > 0 and over <= room + EPS) and _word_starts(text, ahead) \
                and not phrases.starts_at(text, b):
            return _line(p, s, ahead, W, justify) if over <= EPS else Line(s, ahead, -over / room, width=W)
    for i in range(b - 1, s + (b - s) // 2, -1):           # each a little more open than the last
        if not brk[i] or _torn(text, i):
            continue
        shorter = _line(p, s, i, W, justify)
        if justify and (shorter.letters or shorter.adjust > KEEP_WORD_SPREAD * p.ems[s] + EPS):
            break
        if _word_starts(text, i):
            return line if phrases.starts_at(text, b) else shorter
    return line


# A weekday in brackets (（火）, （月曜日）, （水・祝）, (木)), as it follows its day.
_WEEKDAY_RE = re.compile(r"[（(][月火水木金土日](?:曜日?)?(?:[・･][祝休]日?)?[）)]")
_DIGITS = "0123456789０１２３４５６７８９"


def _weekday_at(text: str, b: int) -> re.Match | None:
    """The weekday starting at text[b] right after its day (…25日 / （月曜日）), or None."""
    return _WEEKDAY_RE.match(text, b) if b > 1 and text[b - 1] == "日" and text[b - 2] in _DIGITS else None


def _keep_weekday(p: Para, s: int, line: Line, W: float, justify: bool) -> Line:
    """A line of prose that would end between a day and its weekday (…2019年3月25日 /
    （月曜日）に…, 町田市's page; JLREQ allows a break before the bracket, a proof-reader
    reads the date torn): pushed in to the weekday's end where the line's punctuation gives
    the room, else ended before the date where its gaps open by at most KEEP_WORD_SPREAD em
    (a date moved whole from a justified line of prose opened ~0.2 em between every
    letter, worse than the tear); else as JLREQ broke it. As _keep_word does for a word."""
    b, text, brk, n = line.end, p.text, p.brk, p.n
    ahead = brk.find(1, _weekday_at(text, b).end())
    ahead = n if ahead < 0 else ahead
    if p.cshr is not None and "\n" not in text[b:ahead]:
        over = _width(p, s, ahead) - W
        room = _shrinkable(p, s, ahead)
        if over <= EPS:
            return _line(p, s, ahead, W, justify, last=ahead >= n)
        if room > 0 and over <= room + EPS:
            return Line(s, ahead, -over / room, width=W, last=ahead >= n)
    i = brk.rfind(1, s + 1, b)                 # before the date, kept whole as a run
    if i <= s + (b - s) // 2:
        return line
    shorter = _line(p, s, i, W, justify)
    if justify and (shorter.letters or shorter.adjust > KEEP_WORD_SPREAD * p.ems[s] + EPS):
        return line
    return shorter


def _word_starts(text: str, i: int) -> bool:
    """Whether a word starts at text[i] as _keep_word counts them: a phrase's start, after a
    full-width space, or a word's start inside a phrase (_between_words)."""
    return text[i - 1] == "\u3000" or _between_words(text, i) or phrases.starts_at(text, i)


def _between_words(text: str, i: int) -> bool:
    """Whether text[i] starts a word inside a phrase: after a ・ or ‐ (学術・ / 医療), or
    where katakana meet kanji (スポーツ / 文化)."""
    return text[i - 1] in _WORD_ENDS or {script_of(text[i - 1]), script_of(text[i])} == {"K", "C"}


def _no_widow(p: Para, lines: list[Line], widths: list[float]) -> None:
    """A paragraph of prose whose last line holds one character (…各自その１通を保有す /
    る。) takes the previous line's last break back (…保有 / する。): a proof-reader's
    widow, which JLREQ's typesetters avoid by pushing out the line before. Not where that
    line ends at a line break or hangs, nor where it would give up more than two
    characters or half of itself, nor where the character is a word after a space."""
    if len(lines) < 2:
        return
    prev, last = lines[-2], lines[-1]
    text = p.text
    body = text[last.start:last.end].rstrip("\n" + SPACES)
    if not last.last or prev.forced or prev.hang or len(body.rstrip(NO_START)) != 1 or body[0] in SPACES \
            or text[last.start - 1] in SPACES:          # a word of its own after a space (…観光の推進　/ 等)
        return
    b = p.brk.rfind(1, prev.start + 1, prev.end)
    if b < prev.end - 2 or b - prev.start < (prev.end - prev.start) / 2 or "\n" in text[b:last.end - 1]:
        return
    W = widths[min(len(lines) - 2, len(widths) - 1)]
    lines[-2] = _line(p, prev.start, b, W, True)
    lines[-1] = _line(p, b, last.end, widths[min(len(lines) - 1, len(widths) - 1)], False, last=True)


_WORD_ENDS = "・‐－-／/"       # a long katakana phrase breaks after these (イレブン・ / ジャパン)
_OPENERS, _CLOSERS = "（「『［〔", "）」』］〕"


def after_word(text: str, i: int) -> bool:
    """Whether text[i] starts a word: after a ・ or ‐, where the script changes, or after
    an organisation's legal form (国立大学法人 / 北海道国立大学機構, 株式会社 / ○○): a name of
    kanji alone has no other place that is not inside a word."""
    return (text[i - 1] in _WORD_ENDS or script_of(text[i - 1]) != script_of(text[i])
            or text.endswith(LEGAL_FORMS, 0, i))


def _word_start(text: str, i: int) -> bool:
    """Whether a line may end before text[i] without cutting a word: after a full-width
    space or where a word starts (after_word)."""
    return text[i - 1] == "\u3000" or after_word(text, i)


def _word_break(p: Para, s: int, e: int) -> int:
    """Where a part between full-width spaces that does not fit its line (a signature
    block's ＮＰＯ法人クライシスマッパーズ・ジャパン) breaks, at the edge or pushed out,
    outside brackets: at the last word start in the line's second half (…マッパーズ・ /
    ジャパン, not …ジャパ / ン; …ジャパン / （第１５号））, unless that is only where the
    letters change script inside a name that has a legal form: then after its legal form,
    the name whole on the next line (公益社団法人 / 日本文書情報マネジメント協会, not
    …マネジメント / 協会, its last word alone); in a name with no legal form where kanji
    follow katakana, before the katakana word where it starts in that half: after its ・
    or where the script changes to it (a title: マレーシア・ / ペナン州首席大臣, not …ペナン /
    州首席大臣, ペナン州 torn; …コロンビア州 / サレー市長, not …州サレー / 市長). With no
    word start in the second half, after a legal form in the first (国立大学法人 /
    北海道国立大学機構); 0 if none."""
    text, brk = p.text, p.brk

    def outside_brackets(i: int) -> bool:
        part = text[s:i]
        return sum(part.count(c) for c in _OPENERS) <= sum(part.count(c) for c in _CLOSERS)

    legal = next((i for i in range(s + 2, e + 1)
                  if brk[i] and text.endswith(LEGAL_FORMS, 0, i) and outside_brackets(i)), 0)
    half = s + (e - s + 1) // 2
    for i in range(e, half, -1):
        if brk[i] and after_word(text, i) and outside_brackets(i):
            inside_name = text[i - 1] not in _WORD_ENDS and script_of(text[i - 1]) in _LETTERS \
                and script_of(text[i]) in _LETTERS
            if inside_name and not legal and script_of(text[i]) == "C" and script_of(text[i - 1]) == "K":
                # kanji after katakana is a suffix of its word (ペナン州, サレー市長): before
                # the katakana word, where it starts in that half: after its ・ (マレーシア・ /
                # ペナン州首席大臣) or where the script changes to it (…コロンビア州 / サレー
                # 市長, not …州サレー / 市長); katakana after kanji starts a word
                return next((j for j in range(i - 1, half, -1)
                             if brk[j] and after_word(text, j) and outside_brackets(j)), i)
            return legal if inside_name and legal else i
    return legal


_LETTERS = "KHC"          # (script_of) katakana, hiragana, kanji: the letters of a name


def script_of(ch: str) -> str:
    """Katakana, hiragana, kanji or other: where a long heading phrase may break."""
    o = ord(ch)
    if 0x30A0 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9F:
        return "K"
    if 0x3040 <= o <= 0x309F:
        return "H"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or o in (0x3005, 0x3006):
        return "C"
    return "O"


def _line(p: Para, s: int, e: int, W: float, justify: bool, hang: bool = False,
          forced: bool = False, last: bool = False) -> Line:
    line = Line(s, e, hang=hang, forced=forced, last=last)
    if forced or last or not justify:
        line.width = _width(p, s, e) if e > s else 0.0
        return line
    stop = e - 1                                     # gaps after s .. e-2
    if p.text[stop] in SPACES and stop > s:          # a space at the end takes no room
        stop -= 1
    content = (p.cum[e - 1] - p.cum[s]) if hang else _width(p, s, e)
    if hang:
        stop = e - 1
    extra = W - content
    gaps = p.stretch.count(1, s, stop)
    if stop > s and (not gaps or extra / gaps > p.ems[s] / 2):
        # a line of one Latin run (a long URL), or so few Japanese gaps that
        # they would open wider than half an em: space every letter instead
        gaps, line.letters = stop - s, True
    if gaps and extra > EPS:
        line.adjust, line.gaps = extra / gaps, gaps
    line.width = W if gaps else content
    return line
