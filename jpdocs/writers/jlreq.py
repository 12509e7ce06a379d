"""Japanese line composition after JLREQ (W3C "Requirements for Japanese Text
Layout") and JIS X 4051, independent of reportlab.

`prepare` reads one paragraph (its characters, their natural advances and em
sizes) into a `Para`: where a line may break, where space may be added, which
punctuation is compressed and by how much it may shrink further. `compose`
(jlreq_lines.py) then breaks it into lines of a given width in the JLREQ order of
adjustment: push-in first (追い込み), hanging only for 、。，． (ぶら下げ), then
push-out (追い出し), and says how much each line's spaces stretch or shrink.
writers/composer.py turns the result into reportlab lines.

Speed matters (every paragraph of every document comes through here), so the
per-character work is done by regular expressions, `bytearray.find` and
prefix sums, which run in C; Python loops run per match or per line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from . import phrases

# ------------------------------------------------ JLREQ Appendix A classes
CL01_OPEN = "‘“（〔［｛〈《「『【｟〘〖〝«([{"
CL02_CLOSE = "’”）〕］｝〉》」』】｠〙〗〟»)]}"
CL03_HYPHEN = "‐〜゠–～"            # U+FF5E: how most Japanese input writes the wave dash
CL04_DIVIDE = "？！‼⁇⁈⁉?!"
CL05_MIDDOT = "・：；:;"
CL06_STOP = "。．."
CL07_COMMA = "、，,"
CL08_INSEP = "—―…‥〳〴〵"
CL09_ITER = "ヽヾゝゞ々〻"
CL10_PSM = "ー"
CL11_SMALL = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
CL12_PREFIX = "￥＄￡＃€№"
CL13_POSTFIX = "％‰℃°′″￠%"
SPACES = " \u3000"

# The ASCII hyphen-minus, as Japanese text uses it for a dash (「地域と関わる-大学生と大学-」):
# no JLREQ class, but UAX #14 (LB21) never breaks before it, and a line begun with 「-」」
# reads as a stray mark (seen in a new user's first build, h155). Inside a Latin word or
# a number it is in a run (_RUN_RE); a URL still breaks after it (_URL_BREAK_RE).
HYPHEN_MINUS = "-"
NO_START = (CL02_CLOSE + CL03_HYPHEN + HYPHEN_MINUS + CL04_DIVIDE + CL05_MIDDOT + CL06_STOP + CL07_COMMA
            + CL09_ITER + CL10_PSM + CL11_SMALL + CL13_POSTFIX + SPACES + "\n")
NO_END = CL01_OPEN + CL12_PREFIX
HANGING = "、。，．"

# Full-width punctuation whose glyph is one em with a blank half: the blank is
# what compression takes away. (Half-width ASCII punctuation has none.)
BLANK_RIGHT = "）〕］｝〉》」』】｠〙〗〟。．、，"
BLANK_LEFT = "（〔［｛〈《「『【｟〘〖〝"
BLANK_BOTH = "・：；"                  # a quarter em each side

_cls = lambda s: "[" + re.escape(s) + "]"
_NO_START_RE = re.compile(_cls(NO_START) + "+")
_NO_END_RE = re.compile(_cls(NO_END) + "+")
# Runs that never break inside: Latin words and numbers (ASCII and Latin-1
# letters), full-width alphanumerics, inseparables (…… ――), numbers with their
# separators (0152-67-5621, １，０００) and a number with its counter (27日,
# 11時00分, ２月16日, and in addresses and counts 15号, ３丁目, 165番地, 30名, 9つ, 4者,
# 2社, 各自その1通, 17団体, 8項目, 1市2町, 17頁) so that dates, times, addresses and counts
# stay whole (seen: 「11番15／号」, 「市町の9／つの」, 「各自その1／通を」, 「17／団体」, 「17／頁）」), and
# a length of time with its unit (１年間, ３か月, ２週間: seen 「１年 / 間」 in a narrow cell).
_D = "0-9０-９"
# (Each alternative starts with one of _RUN_START's characters: the lookahead lets the
# engine pass over the other characters, most of a Japanese text, at one test each
# instead of one per alternative.)
_RUN_START = rf"[{_D}!-~\u00a0-\u024f０-９Ａ-Ｚａ-ｚ{re.escape(CL08_INSEP)}]"
_RUN_RE = re.compile(
    rf"(?={_RUN_START})(?:[{_D}]+(?:[-‐－,，.．:：/／][{_D}]+)*(?:[年日時分]間|[かヵヶカケ](?:月|年|所)|週間"
    rf"|[年月日時分秒]|番地|丁目|団体|項目|[番号条階名人円件回歳つ者社通点市町村校頁])(?:[{_D}]+[月日時分秒])*"
    rf"|[!-~\u00a0-\u024f]{{2,}}"
    rf"|[０-９Ａ-Ｚａ-ｚ]+(?:[-‐－,，.．:：/／][０-９]+)+|[０-９Ａ-Ｚａ-ｚ]{{2,}}|{_cls(CL08_INSEP)}{{2,}})")
# Breakable spots inside an over-long URL or e-mail address: after / . - _ ? & = #.
_URL_RE = re.compile(r"(?:https?://|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
_URL_BREAK_RE = re.compile(r"[/.\-_?&=#](?=.)")
# 和欧間: a Japanese character beside a Latin letter or digit.
_JA = "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〻〆"
_LATIN = "A-Za-z0-9\u00c0-\u024f"
# (Found from the Latin runs, a few in a paragraph, rather than by testing every
# character of the Japanese text around them.)
_LATIN_RUN_RE = re.compile(rf"[{_LATIN}]+")
_JA_RE = re.compile(rf"[{_JA}]")
# Pairs of punctuation that JLREQ sets 1.5 em instead of 2 (table 3.1.4):
# a closer (or 、。) before a closer or an opener loses its right blank;
# an opener after an opener loses its left blank.
# (The first lookahead passes over the characters neither alternative starts with.)
_PAIR_RE = re.compile(rf"(?={_cls(BLANK_RIGHT + BLANK_LEFT)})"
                      rf"(?:(?={_cls(BLANK_RIGHT)}[{re.escape(BLANK_RIGHT + BLANK_LEFT)}])"
                      rf"|(?<={_cls(BLANK_LEFT)}){_cls(BLANK_LEFT)})")
_BLANK_RE = re.compile(_cls(BLANK_RIGHT + BLANK_LEFT + BLANK_BOTH))
_QUOTE_RE = re.compile(r"「[^「」\n]*」")
_PAREN_RE = re.compile(r"（[^（）\n]*）")
# An era with its year and the date after it (令和６年10月21日, 平成27年（2015年）11月27日):
# never broken between the era and its year nor inside, where it fits on a line.
_ERA_DATE_RE = re.compile(rf"(?:明治|大正|昭和|平成|令和)(?:元|[{_D}]+)年(?:（[{_D}]+年）)?"
                          rf"(?:[{_D}]+月(?:[{_D}]+日)?)?")
# An address's block and lot numbers (２丁目11番15号, ３丁目４番地41, １２番地１): never
# broken between them, where they fit on a line (seen: 中央２丁目11番 / 15号 in a
# signature block); each number with its counter is a run of its own (_RUN_RE).
_ADDRESS_RE = re.compile(rf"[{_D}]+(?:丁目|番地|番)(?:[{_D}]+(?:丁目|番地|番|号))*(?:[{_D}]+号?)?")
EPS = 1e-6


@dataclass(frozen=True)
class Settings:
    """The house style's `typesetting:` choices (style.Typesetting), as the
    composer needs them. `pitch` is the character grid's cell in points;
    `keep_brackets` keeps a bracketed phrase whole where it fits a line (a ruled
    table's cell: see prepare)."""
    hanging: bool = True
    compress: bool = True
    latin_spacing: bool = True
    pitch: float | None = None
    keep_brackets: bool = False
    # Latin text (an agreement's English text, <p lang="en">): lines break only after
    # a space, never inside a word (Whakatāne’s, sister-city), and only the spaces
    # stretch; none of JLREQ's rules for Japanese characters applies
    latin: bool = False


class Para:
    """One paragraph ready for breaking. Lists are indexed by character:
    `adv` advance after compression, `gap` space after the character
    (和欧間), `shr` how far it may shrink in push-in, `xoff` sideways shift
    of the glyph (an opener that lost its left blank). `brk[i]` is 1 where a
    line may break before character i; `stretch[i]` is 1 where the space
    after character i may grow in justification. `pbrk` are the breaks tried
    first (phrases, or spaces: see prepare); `by_phrase` whether, none fitting,
    a phrase longer than its line breaks where its script changes; `palt` (phrases
    only, else None) the breaks before a compound particle kept whole with the phrase
    before it (ページ / に関する), taken only where a line would hold a short word alone
    (jlreq_lines.compose); `pweak` (phrases only, else None) BudouX's ends inside a run of
    kanji or katakana kept closed, opened where that sets the heading on fewer lines."""

    __slots__ = ("text", "n", "ems", "adv", "gap", "shr", "xoff", "cum", "cshr", "brk", "pbrk", "by_phrase",
                 "stretch", "palt", "pweak")


# `phrases` of prepare: break between BudouX phrases (titles, headings), or, with
# AT_SPACES, after a full-width space where the line must break (the notice's 締結者
# cell 「北海道オホーツク総合振興局」/「北海道オホーツク総合振興局長」): the parts were
# separated there, and a break inside one would cut a name or a title.
AT_SPACES = "spaces"
# AT_WORDS: a labelled line of a signature block (住　所　…, its label padded with
# full-width spaces, so no break after them): where it must break, after a word
# (_word_break), as a part between spaces does.
AT_WORDS = "words"


def prepare(text: str, widths: list[float], ems: list[float], s: Settings,
            min_width: float, phrases: bool | str = False, spreads: tuple = ()) -> Para:
    """`spreads`: (start, end, width) of stretches set across a width (均等割付): the
    space between their characters grows alike, none after the last, and no line
    breaks, justification or push-in inside them; width 0: a stretch set as it is, kept on one
    line where it fits one (a name: model.Whole); a negative width: that much space
    after each character but the last, whatever their own widths (a typed gap)."""
    n = len(text)
    p = Para()
    p.text, p.n, p.ems = text, n, ems
    adv = list(widths)
    if s.pitch:
        # on the grid every glyph takes whole (or half) cells, centred in them
        xoff = {i: (w / e * s.pitch - w) / 2 for i, (w, e) in enumerate(zip(widths, ems)) if e}
        adv = [w / e * s.pitch if e else w for w, e in zip(widths, ems)]
    else:
        xoff = {}
    gap, shr = {}, {}
    if s.compress:
        for m in _PAIR_RE.finditer(text):
            i = m.start()
            half = adv[i] / 2
            adv[i] -= half
            if text[i] in BLANK_LEFT:
                xoff[i] = xoff.get(i, 0.0) - half
        for m in _BLANK_RE.finditer(text):     # what is left of each blank may shrink
            i = m.start()
            shr[i] = adv[i] - widths[i] / 2 if adv[i] > widths[i] / 2 + EPS else 0.0
    if s.latin_spacing:
        for m in _LATIN_RUN_RE.finditer(text):
            a, b = m.span()                     # a Japanese character before it, after it
            for i in ((a - 1,) if a and _JA_RE.match(text, a - 1) else ()) + \
                     ((b - 1,) if b < n and _JA_RE.match(text, b) else ()):
                gap[i] = max(ems[i], ems[i + 1]) / 4
    for a, b, width in spreads:
        if width and shr:
            # its characters stand where its width puts them: push-in takes its room from
            # the rest of the line (a contents entry's （12） kept as wide as （１１）'s label)
            for i in range(a, b):
                if i in shr:
                    shr[i] = 0.0
        if b - a > 1 and width:
            natural = sum(adv[a:b]) + sum(gap.get(i, 0.0) for i in range(a, b - 1))
            extra = -width if width < 0 else (width - natural) / (b - a - 1)
            if extra > EPS:
                for i in range(a, b - 1):
                    adv[i] += extra
    step = adv
    if gap:
        step = list(adv)
        for i, q in gap.items():
            step[i] += q
    p.adv, p.gap, p.shr, p.xoff = adv, gap, shr, xoff
    p.cum = [0.0, *accumulate(step)]
    # push-in takes what is left of the punctuation blanks and half of each
    # 和欧間 (JLREQ: 1/4 em may shrink to 1/8); none when compression is off
    p.cshr = None
    if s.compress and (shr or gap):
        room = [0.0] * n
        for i, q in shr.items():
            room[i] = q
        for i, q in gap.items():
            room[i] += q / 2
        p.cshr = [0.0, *accumulate(room)]

    brk = bytearray(b"\x01") * (n + 1)
    brk[0] = 0
    for m in _NO_START_RE.finditer(text):
        brk[m.start():m.end()] = bytes(m.end() - m.start())
    for m in _NO_END_RE.finditer(text):
        brk[m.start() + 1:m.end() + 1] = bytes(m.end() - m.start())
    stretch = bytearray(b"\x01") * n
    for m in _RUN_RE.finditer(text):
        a, b = m.start(), m.end()
        brk[a + 1:b] = bytes(b - a - 1)
        stretch[a:b - 1] = bytes(b - a - 1)
    if "年" in text:
        for m in _ERA_DATE_RE.finditer(text):
            a, b = m.span()
            if p.cum[b] - p.cum[a] <= min_width:
                brk[a + 1:b] = bytes(b - a - 1)
                stretch[a:b - 1] = bytes(b - a - 1)
    if "番" in text or "丁目" in text:
        for m in _ADDRESS_RE.finditer(text):
            a, b = m.span()
            if p.cum[b] - p.cum[a] <= min_width:
                brk[a + 1:b] = bytes(b - a - 1)
                stretch[a:b - 1] = bytes(b - a - 1)
    if s.keep_brackets and "（" in text:
        # a narrow column broke （自動更新） and （第29号） into （自動 / 更新）, which reads
        # as two things: the phrase moves whole to the next line where it fits one
        for m in _PAREN_RE.finditer(text):
            a, b = m.span()
            if p.cum[b] - p.cum[a] <= min_width:
                brk[a + 1:b] = bytes(b - a - 1)
    for a, b, width in spreads:
        if not width:                  # kept whole, where it fits; justified as the rest
            if p.cum[b] - p.cum[a] <= min_width:
                brk[a + 1:b] = bytes(b - a - 1)
            continue
        brk[a + 1:b] = bytes(b - a - 1)
        stretch[a:b - 1] = bytes(b - a - 1)
    brk[n] = 1
    if "@" in text or "/" in text or "www." in text:
        for m in _URL_RE.finditer(text):
            a, b = m.span()
            if p.cum[b] - p.cum[a] > min_width:      # too long for any line: may break inside
                for u in _URL_BREAK_RE.finditer(text, a, b):
                    brk[u.end()] = 1
    if "\n" in text:
        for i, ch in enumerate(text):
            if ch == "\n" and i + 1 < n:
                brk[i + 1] = 1
    if s.latin:
        brk, stretch = _latin_breaks(text)
    p.brk, p.stretch = brk, stretch
    p.by_phrase = phrases is True
    p.palt = p.pweak = None
    p.pbrk = (_space_breaks(p) if phrases == AT_SPACES else _end_break(p) if phrases == AT_WORDS
              else _phrase_breaks(p, min_width) if phrases else None)
    return p


def _latin_breaks(text: str) -> tuple[bytearray, bytearray]:
    """Latin text's breaks: just after each run of spaces (and a line break), and the
    stretchable gaps: the spaces."""
    n = len(text)
    brk, stretch = bytearray(n + 1), bytearray(n)
    for m in _LATIN_SPACES.finditer(text):
        if m.end() < n:
            brk[m.end()] = 1
        stretch[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    brk[n] = 1
    return brk, stretch


_LATIN_SPACES = re.compile("[ \n]+")


def _space_breaks(p: Para) -> bytearray:
    """The breaks just after each full-width space (and at the end)."""
    out = bytearray(p.n + 1)
    for m in _IDEOGRAPHIC_SPACE.finditer(p.text):
        out[m.end()] = p.brk[m.end()]
    out[p.n] = 1
    return out


_IDEOGRAPHIC_SPACE = re.compile("\u3000+")


def _end_break(p: Para) -> bytearray:
    """No break tried first but the end: a word break decides (AT_WORDS)."""
    out = bytearray(p.n + 1)
    out[p.n] = 1
    return out


# The words that finish a compound particle after に or の (…に関する, …における, …のための,
# …に係る): BudouX ends a phrase before them (交流促進に / 関する覚書), and a title broken
# there reads as torn; each is one phrase with the phrase before it where the line holds
# the two (…10周年に係る / 交流促進に関する覚書), and so is a number and what follows it
# (BudouX's 1 / 0 / 周年).
_PARTICLE_ENDS = ("関する", "関し", "係る", "おける", "おいて", "於ける", "対する", "対し", "基づく", "基づき",
                  "向けた", "向け", "ついて", "ついての", "よる", "ための")
_DIGITS = "0123456789０１２３４５６７８９"
# BudouX ends phrases inside long runs of kanji or katakana, often inside a word (締結議 /
# 定書, 国立水俣 / 病総合研究センター, 東日本高速 / 道路株式会社, 無人航 / 空機, 北 / 見工業大学
# in the real cases' titles): such an end is one phrase with the phrase after it where the
# line holds the two and the heading takes no more lines for it (BudouX is right as often:
# …建物管理制度 / 管理不全土地…); not after a legal form (国立研究開発法人 / 国立環境研究所と)
# nor after ・ or ‐, where a word does start.
_KANJI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff々〆]{2}")
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc-\u30ff]{2}")
LEGAL_FORMS = ("法人", "株式会社", "有限会社", "合同会社")


# BudouX also ends a phrase after the okurigana of a noun inside a compound (子育て / 支援に,
# 見守り / 活動): one kana of the い or え row (a verb's noun form) between two kanji, not
# a particle (に, へ, で) nor 及び, nor a compound particle's end (…に向け / 取組を). The compound is one phrase as a run of kanji is
# (子育て支援に / 関すること, not 子育て / 支援に関すること).
_OKURIGANA = re.compile("[\u3400-\u4dbf\u4e00-\u9fff々][いきしちひみりぎじえけせてねめれげべ][\u3400-\u4dbf\u4e00-\u9fff々]")


def _inside_a_word(text: str, i: int) -> bool:
    """Whether a phrase end before text[i] falls in a run of kanji or of katakana that
    no legal form ends, or after a compound's okurigana (see above)."""
    return (bool(_KANJI.match(text, i - 1) or _KATAKANA.match(text, i - 1)) and not text.endswith(LEGAL_FORMS, 0, i)
            or after_okurigana(text, i))


def after_okurigana(text: str, i: int) -> bool:
    """Whether a break before text[i] parts a compound after its okurigana (子育て / 支援,
    空き / 家), not after a compound particle's end (…に向け / 取組を): a caller breaking
    between its own words (annual/lines.py) keeps the compound whole too."""
    return i >= 2 and bool(_OKURIGANA.match(text, i - 2)) and not tears_particle(text, i - 2)


# Words an office writes with kana for a kanji (交ぜ書き), which BudouX parts at the kana:
# 障が / い / 者支援に…, 高齢者・障が / い者の… (an overview's area heading set 障がい /
# 者支援に関すること). Each is one phrase, whatever its line.
KANA_WORDS = re.compile("障がい[者児]?")


def in_kana_word(text: str, i: int) -> bool:
    """Whether a break before text[i] falls inside one of KANA_WORDS (the fallbacks that
    break a phrase where the script changes keep it whole too: not 障 / がい者)."""
    return any(m.start() < i < m.end() for m in KANA_WORDS.finditer(text))


def _kana_words_whole(text: str, chunks: list[str]) -> list[str]:
    """`chunks` with no end inside one of KANA_WORDS."""
    inside = {i for m in KANA_WORDS.finditer(text) for i in range(m.start() + 1, m.end())}
    if not inside:
        return chunks
    out, pos = [], 0
    for chunk in chunks:
        if out and pos in inside:
            out[-1] += chunk
        else:
            out.append(chunk)
        pos += len(chunk)
    return out


@lru_cache(maxsize=512)
def _phrase_ends(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int, tuple[int, ...]], ...], tuple[int, ...]]:
    """(the ends of BudouX's phrases — but a last phrase of one or two characters (こと,
    事項 of …に関すること) is never set alone on a line: it stays with the phrase before
    it (…振興に / 関すること, not …振興に関する / こと) —, the phrases that are one
    where the line holds them: (start, end, the ends inside), each a compound particle
    (…に / 関する), a number (1 / 0周年) or a word BudouX parts (締結議 / 定書) with the
    phrases before it, and where each compound particle starts: its に or の (ページ /
    に関する), a line's place to break that never tears it)."""
    chunks = _kana_words_whole(text, phrases.chunks(text))  # BudouX's parse, its loop in C (phrases.py)
    if len(chunks) > 1 and len(chunks[-1].strip()) <= 2:
        chunks = chunks[:-2] + [chunks[-2] + chunks[-1]]
    out, pos, joined, start, particles = [], 0, [], 0, []
    for k, chunk in enumerate(chunks):
        before = chunks[k - 1] if k else ""
        particle = before and before[-1] in "にの" and chunk.startswith(_PARTICLE_ENDS)
        if particle:
            particles.append(pos - 1)
        if particle or before and (before[-1] in _DIGITS or _inside_a_word(text, pos)):
            if joined and joined[-1][1] == pos:         # a third phrase onto a joined two
                begin, _, inside = joined.pop()
                joined.append((begin, pos + len(chunk), inside + (pos,)))
            else:
                joined.append((start, pos + len(chunk), (pos,)))
        start = pos
        pos += len(chunk)
        out.append(pos)
    return tuple(out), tuple(joined), tuple(particles)


@lru_cache(maxsize=512)
def budoux_bounds(text: str) -> tuple[int, ...]:
    """The ends of BudouX's phrases, こと kept with the phrase before it and a compound
    particle, a number or a word BudouX parts one phrase with the phrases before it
    (_phrase_ends), for a caller that falls back on words where a phrase is longer than
    its line (the annual book's titles: annual/lines.py)."""
    ends, joined, _ = _phrase_ends(text)
    inside = {end for _, _, ends_inside in joined for end in ends_inside}
    return tuple(end for end in ends if end not in inside)


def _phrase_breaks(p: Para, min_width: float) -> bytearray:
    """Break opportunities of a heading: JLREQ's, but only between BudouX
    phrases, never inside a compound particle, a number or a word BudouX parts (…に /
    関する, 1 / 0周年, 締結議 / 定書: _phrase_ends) nor inside a name in 「」 where a line
    holds it: a longer one breaks where BudouX ends a phrase inside it (地域活性化に関する /
    事業, not where the characters run out: …に関 / すること), a compound particle before
    its に or の (交流促進 / に関する覚書, not 交流促進に / 関する覚書). Sets p.palt: the
    breaks before the compound particles kept whole."""
    out = bytearray(p.n + 1)
    ends, joined, particles = _phrase_ends(p.text)
    for i in ends:
        out[i] = p.brk[i]
    starts = set(particles)
    alt = bytearray(p.n + 1)
    weak = bytearray(p.n + 1)
    for a, b, inside in joined:          # …に / 関する kept whole where a line holds it
        whole = p.cum[b] - p.cum[a] <= min_width
        for i in inside:
            if i - 1 in starts:          # a compound particle: longer than a line with the phrase
                alt[i - 1] = p.brk[i - 1]    # before it, after its に as BudouX ends the phrase
                if whole:                # (地域活性化に / 関すること); before its に only where
                    out[i] = 0           # a short word would stand alone (compose: このページ / に関する)
            elif whole:
                out[i] = 0
                if _inside_a_word(p.text, i):
                    weak[i] = p.brk[i]
    for m in _QUOTE_RE.finditer(p.text):
        a, b = m.span()
        if p.cum[b] - p.cum[a] <= min_width:
            out[a + 1:b] = bytes(b - a - 1)
            alt[a + 1:b] = bytes(b - a - 1)
            weak[a + 1:b] = bytes(b - a - 1)
    out[p.n] = 1
    p.palt = alt if any(alt) else None
    p.pweak = weak if any(weak) else None
    return out


def tears_particle(text: str, i: int) -> bool:
    """Whether a break before text[i] parts a compound particle (…に / 関する, …の / ための):
    a caller breaking between its own words (annual/lines.py) keeps it whole."""
    return i > 0 and text[i - 1] in "にの" and text.startswith(_PARTICLE_ENDS, i)
