"""A spec's text checked before its schema sees it: control and invisible
characters refused, naming the field; a date it writes with its year that is not a
true one (a weekday not the day's, a 祝 beside a day that is no holiday, two years
that differ, ２月30日) refused (dates_in_text.py); ASCII spaces beside Japanese (a
warning); look-alike radicals (⼀ for 一) mended, with a warning.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .. import radicals
from ..dates_in_text import dates_read, may_hold_date
from ..yearless_dates import yearless_problem
from ..errors import Problem
from .source import dotted, line_of

# Characters that never belong in a value: invisible, they change nothing a reader
# sees but break search, copying and layout. A newline is allowed (it is a line
# break where the document prints the value); a tab is not (it has no meaning in
# the documents' layout).
_INVISIBLE = {0x00AD: "soft hyphen", 0x200B: "zero-width space", 0x200C: "zero-width non-joiner",
              0x200D: "zero-width joiner", 0x2060: "word joiner", 0xFEFF: "zero-width no-break space (BOM)"}
# The bidi marks (LRM, RLM, ALM) turn text as the overrides do, with no glyph of their own
_MARKS = (0x200E, 0x200F, 0x061C)
_JAPANESE = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e"
_ASCII_SPACE_BY_JAPANESE = re.compile(f"[{_JAPANESE}] +(?=[^ ])|(?<=[^ ]) +[{_JAPANESE}]")
# Every character the loop in check_text may refuse (Cc is U+0000–001F and
# U+007F–009F; the newline is allowed): a string without one, nearly every string,
# is passed by one search in C instead of a look at each character.
_SUSPECT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufffd\u00ad\u200b-\u200d\u2060\ufeff"
                      "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]")


def check_text(value, path, name, lines, warnings, dated: list | None = None) -> list[Problem]:
    """Refuse control and invisible characters and untrue dates, naming the field; warn
    (never alter) where an ASCII space touches Japanese text. `dated` gathers the (path,
    days) of each text that writes a date without its year beside a weekday or a holiday's
    mark (days: dates_in_text.yearless_weekdays of the text), for check_yearless_weekdays."""
    problems: list[Problem] = []
    if isinstance(value, str):
        dates, untrue, unsure, invisible, spaced, yearless = _findings(value)
        if dates:
            if dated is not None and yearless:
                dated.append((path, yearless))
            for message in untrue:
                problems.append(Problem(name, line_of(lines, path), dotted(path), message))
            for message in unsure:
                warnings.append(Problem(name, line_of(lines, path), dotted(path), message))
        # a typed form's half-width gaps are meant (赤 磐 市 長: spec/typed.py)
        if spaced and path[-2:-1] == ("typed",):
            spaced = None
        if invisible or spaced:
            where = (name, line_of(lines, path), dotted(path))
            if invisible:
                problems.append(Problem(*where, invisible))
            if spaced:
                warnings.append(Problem(*where, spaced))
    elif isinstance(value, dict):
        for k, v in value.items():
            problems += check_text(v, path + (k,), name, lines, warnings, dated)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            problems += check_text(v, path + (i,), name, lines, warnings, dated)
    return problems


def unprintable_in(text: str) -> str | None:
    """The message for the first control or invisible character of `text`, as check_text's."""
    return _findings(text)[3]


def unprintable(value, path: tuple = ()):
    """(key path, message) of each text in `value` (a file's data: a house style) holding a
    control or invisible character, as check_text refuses them in a spec."""
    if isinstance(value, str):
        found = _findings(value)[3]
        return [(path, found)] if found else []
    if isinstance(value, dict):
        return [hit for k, v in value.items() for hit in unprintable(v, path + (k,))]
    if isinstance(value, list):
        return [hit for i, v in enumerate(value) for hit in unprintable(v, path + (i,))]
    return []


# A text → what check_text finds in it, wherever it stands (_find): a batch's specs
# repeat most of their texts (offices, names, the house's wording: 43 of a notice's 50
# in the benchmark's notices), and a text met before is then one look-up where its
# checks (dates read, characters searched) took ~15,000 instructions. What is kept is
# the findings' messages, made Problems at each text's own key and line as before; a
# text with a problem is kept too, and refused again each time it is met. Bounded:
# cleared past _MAX_FINDINGS texts, and a text longer than _MAX_KEPT is not kept.
_FINDINGS: dict[str, tuple] = {}
_MAX_FINDINGS = 20_000
_MAX_KEPT = 2_000


def _findings(value: str) -> tuple:
    found = _FINDINGS.get(value)
    if found is None:
        found = _find(value)
        if len(value) <= _MAX_KEPT:
            if len(_FINDINGS) >= _MAX_FINDINGS:
                _FINDINGS.clear()
            _FINDINGS[value] = found
    return found


def _find(value: str) -> tuple[bool, tuple[str, ...], tuple[str, ...], str | None, str | None, tuple]:
    """What check_text finds in a text: whether it may hold a date, the messages of its
    untrue dates (problems) and of its unsure ones (warnings), the message of its first
    control or invisible character (a problem) and of an ASCII space beside Japanese (a
    warning, given where the text is not a typed form's), and its dates without their
    year beside a weekday or a holiday's mark (yearless_weekdays: for
    check_yearless_weekdays, read with the dated ones)."""
    untrue: tuple[str, ...] = ()
    unsure: tuple[str, ...] = ()
    yearless: tuple = ()
    dates = may_hold_date(value)
    if dates:
        found_untrue, found_unsure, found_yearless = dates_read(value)
        untrue, unsure, yearless = tuple(found_untrue), tuple(found_unsure), tuple(found_yearless)
    suspect = _SUSPECT.search(value) is not None
    if not suspect and " " not in value:
        return dates, untrue, unsure, None, None, yearless
    invisible = None
    for i, ch in enumerate(value if suspect else ""):
        cp = ord(ch)
        if ch == "\n":
            continue
        if ch == "\t":
            what = "a tab character; write a full-width space (　) or spaces instead"
        elif ch == "\ufffd":
            what = ("the replacement mark � (U+FFFD), left where characters were lost in a conversion"
                    " (文字化け); type the original characters again")
        elif unicodedata.category(ch) == "Cc":
            what = f"the control character U+{cp:04X}, which cannot be printed; delete it"
        elif 0xD800 <= cp <= 0xDFFF:    # "\ud800" in quotes: half of a pair, no character (nor a file name)
            what = f"the lone surrogate U+{cp:04X}, which is not a character (an escape such as \\ud800 written alone); delete it"
        elif cp in _INVISIBLE or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069 or cp in _MARKS:
            label = _INVISIBLE.get(cp, "text-direction control")
            what = (f"the invisible character U+{cp:04X} ({label}), often pasted from web pages"
                    " or PDFs; delete it")
        else:
            continue
        invisible = f"the text contains {what} (at character {i + 1})"
        break
    found = _ASCII_SPACE_BY_JAPANESE.search(value)
    spaced = None
    if found:
        a, b = max(0, found.start() - 4), found.end() + 4
        spaced = (f"an ASCII space beside Japanese text ({_quoted(value[a:b])}) is printed"
                  " as it is; if a gap is meant, write a full-width space (　)")
    return dates, untrue, unsure, invisible, spaced, yearless


def _quoted(text: str) -> str:
    """text in quotes as repr() shows it (a newline or an NBSP escaped, so the message
    stays one line and an odd space is visible), but a full-width space as itself:
    repr() writes it \\u3000, which the staffer who typed 　 would not recognise."""
    return "'" + "".join("\u3000" if ch == "\u3000" else repr(ch)[1:-1] for ch in text) + "'"


def mend_radicals(value, path, name, lines, warnings):
    """Kangxi radical code points (⾒ for 見) come in with text pasted from PDFs; they
    break search and have no glyph in the fonts. Map them, and say so per field."""
    if isinstance(value, str):
        fixed, pairs = radicals.fix_radicals(value)
        if pairs:
            shown = ", ".join(f"{a} U+{ord(a):04X} → {b}" for a, b in pairs)
            warnings.append(Problem(name, line_of(lines, path), dotted(path),
                                    f"look-alike radical characters replaced: {shown}"))
        return fixed
    if isinstance(value, dict):
        return {k: mend_radicals(v, path + (k,), name, lines, warnings) for k, v in value.items()}
    if isinstance(value, list):
        return [mend_radicals(v, path + (i,), name, lines, warnings) for i, v in enumerate(value)]
    return value


def mended_and_checked(data, name, lines, warnings, dated: list) -> tuple[object, list[Problem]]:
    """mend_radicals(data), then check_text of what it gives, in one walk of the spec's
    tree (two walks of a notice's ~120 values cost ~0.2 M instructions more): each text
    mended, then checked as check_text checks it. The warnings come as the two walks
    gave them, the radicals' for the whole tree first, then the text checks'; the
    problems, and the texts' dates without their year (`dated`), in the tree's order."""
    found: tuple[list, list, list] = ([], [], [])       # radicals' warnings, text checks' warnings, problems
    data = _mend_and_check(data, (), name, lines, found, dated)
    warnings += found[0]
    warnings += found[1]
    return data, found[2]


def _mend_and_check(value, path, name, lines, found, dated):
    """mended_and_checked's walk (a function of the module, not one nested in it: a
    nested function that calls itself is a cycle, which would hold the spec's lines
    and what the walk found until the cycle collector ran)."""
    if isinstance(value, str):
        fixed, pairs = radicals.fix_radicals(value)
        if pairs:
            shown = ", ".join(f"{a} U+{ord(a):04X} → {b}" for a, b in pairs)
            found[0].append(Problem(name, line_of(lines, path), dotted(path),
                                    f"look-alike radical characters replaced: {shown}"))
        found[2].extend(check_text(fixed, path, name, lines, found[1], dated))
        if not pairs and _findings(fixed) == _NOTHING and len(value) <= _MAX_KEPT:
            if len(_CLEAN) >= _MAX_FINDINGS:
                _CLEAN.clear()
            _CLEAN.add(value)
        return fixed
    # A text known clean (_CLEAN) is its own mended text and gives nothing: taken as it
    # is, without the call and the key path made for it (most of a notice's texts).
    if isinstance(value, dict):
        return {k: v if type(v) is str and v in _CLEAN else _mend_and_check(v, path + (k,), name, lines, found, dated)
                for k, v in value.items()}
    if isinstance(value, list):
        return [v if type(v) is str and v in _CLEAN else _mend_and_check(v, path + (i,), name, lines, found, dated)
                for i, v in enumerate(value)]
    return value                  # (check_text has nothing to say of a number, true/false or null)


# What _find gives a text with nothing to say: no date, no control or invisible
# character, no ASCII space beside Japanese.
_NOTHING = (False, (), (), None, None, ())
# texts that fix_radicals leaves as they are and in which check_text finds _NOTHING,
# wherever they stand: met again, taken as they are (_mend_and_check); bounded as _FINDINGS
_CLEAN: set[str] = set()


def reference_day(spec) -> tuple[dt.date, tuple] | None:
    """The day a spec's text is written around, and its key: the notice's date of issue,
    else its ceremony's day, else the signing date (None: the spec gives none)."""
    notice, agreement = spec.press_notice, spec.agreement
    for day, key in ((notice and notice.issued_on, ("press_notice", "issue_date")),
                     (notice and notice.ceremony.date, ("press_notice", "ceremony", "date")),
                     (agreement and agreement.signing_date, ("agreement", "signing_date"))):
        if isinstance(day, dt.date):
            return day, key
    return None


def check_yearless_weekdays(dated: list, around: tuple[dt.date, tuple], name, lines, warnings) -> list[Problem]:
    """A date the text writes without its year, with a weekday (２月27日（火）) or a holiday's
    mark (５月３日（祝））, means the one near the day the spec is written around
    (reference_day), in the year its weekday makes certain (dates_in_text.yearless_problem):
    refused where no such date of the year before, that year or the year after is what the
    text says it is (a 祝 beside a day of the year made certain is checked as beside a dated
    one), warned of where the nearest is not and another year's is (the text may mean another
    year's: 昨年２月27日（月）). `dated`: the (path, days) check_text gathered."""
    problems: list[Problem] = []
    day, key = around
    for path, days in dated:
        for written, month, mday, weekday, holiday in days:
            found = yearless_problem(written, month, mday, weekday, holiday, day, dotted(key))
            if found:
                problem = Problem(name, line_of(lines, path), dotted(path), found[1])
                (problems if found[0] == "refusal" else warnings).append(problem)
    return problems
