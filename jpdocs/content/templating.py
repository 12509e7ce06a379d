"""Templates → markup text.

Jinja2 in a sandbox (sandbox.py: an allow-list of what a template may touch, and
budgets for what it may build), with autoescape and StrictUndefined: a value holding `<`, `&`,
`{{ }}` or `{% %}` prints literally (Jinja never evaluates values, and escaping
keeps them from becoming markup), and a misspelt variable is an error, not a blank.
The filters here are the only way templates format dates, times and numbers, so
the house digit style is applied in one place.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import threading
from functools import lru_cache, partial
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

try:                # escape()'s own escaping of a str (MarkupSafe 2.1 and later)
    from markupsafe import _escape_inner
except ImportError:                                      # pragma: no cover
    def _escape_inner(text: str) -> str:
        return str(escape(text))

from .. import collector, enumeration, japanese
from ..errors import InputError, fail
from ..files import as_path
from .markup import LINE_BREAK, spaced
from ..output import private_cache_dir
from .sandbox import TemplateSandbox, bounded_filters
from .template_memo import remembering
from ..spec.style import TEMPLATES, Dates, HouseStyle, Times
from ..spec.textfile import identity


def _finalize(value):
    """Every {{ value }}: escaped for the markup, and a newline inside a value
    becomes a line break rather than vanishing into the markup's whitespace. The
    newline is passed as markup.LINE_BREAK, not as <br/>, because the same value may
    stand in an attribute (title="…"), where an element would break the markup.
    The final newline that YAML's `|` adds to a block is not a line of text."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    plain = str(value).rstrip("\n") if isinstance(value, str) else str(value)
    # A plain str escaped as escape() escapes it, made a Markup without Markup's
    # constructor: escape(s) is Markup(_escape_inner(s)) for a str, and Markup() of a
    # str (which has no __html__) is str.__new__(Markup, s); its hasattr(s, "__html__")
    # raised and dropped an AttributeError for each of a notice's ~70 values, about
    # half of this function's cost. Anything else (a str subclass) goes through escape().
    text = _markup_of(_escape_inner(plain)) if type(plain) is str else escape(plain)
    # str.replace, and only where there is a newline: Markup.replace escapes its
    # arguments and makes two Markups, three times the cost of the rest (a notice
    # prints some fifty values). Escaping leaves "\n" and LINE_BREAK as they are.
    return _markup_of(str.replace(text, "\n", LINE_BREAK)) if "\n" in text else text


# A Markup of text escaped already, as Markup(escaped) makes it (see _finalize): called
# in C, without a Python function's frame (a notice prints some fifty values).
_markup_of = partial(str.__new__, Markup)


def _printed(value) -> str:
    """What `{{ value }}` prints: the text of _finalize(value). A plain str (most values)
    is escaped and its newlines made LINE_BREAK as _finalize does, without the Markup
    _finalize makes of it, which str() then copied back into a str (two objects of the
    text's length for each of a notice's ~50 values); anything else goes through _finalize."""
    if type(value) is str:
        text = _escape_inner(value.rstrip("\n"))
        return str.replace(text, "\n", LINE_BREAK) if "\n" in text else text
    return str(_finalize(value))


@lru_cache(maxsize=None)
def _finalized_output() -> type:
    """Jinja's code generator, printing `{{ value }}` as printed(value) where Jinja
    writes escape(finalize(value)): _finalize gives every value escaped (a Markup as
    it is), and Jinja's escape() of its result only copied it into a new Markup,
    through three Python calls (a notice prints some 130 values); _printed gives its
    text. The text is the same character for character: escape(m) for a Markup m is
    m's text (tests/test_sandbox.py compares the two on every bundled template and spec).
    Made when a template is first compiled: a build whose templates come from the
    bytecode cache does not import Jinja's compiler."""
    from jinja2.compiler import CodeGenerator, optimizeconst

    class FinalizedOutput(CodeGenerator):
        def __init__(self, environment, name, filename, *args, **kwargs) -> None:
            super().__init__(environment, name, filename, *args, **kwargs)
            # A bundled template is the project's own code, not a user's: its attribute
            # reads are trusted (see visit_Getattr). Told by its file, as template_memo
            # tells one: a user's template of the same name (--templates) is elsewhere,
            # and one made from a string has no file.
            self.trusted = filename is not None and os.path.dirname(os.path.normpath(filename)) == str(TEMPLATES)

        def enter_frame(self, frame) -> None:
            super().enter_frame(frame)
            if self.trusted and (frame.rootlevel or frame.block_frame):
                # once a render of the template (its root, or a block): how it reads
                # attributes and calls in this render (TemplateSandbox.access)
                self.writeline("jpdocs_getattr, jpdocs_call = environment.access()")

        def write(self, x: str) -> None:
            # a call in a bundled template: made by jpdocs_call, trusted where the render
            # is (TemplateSandbox.access), where Jinja's visit_Call begins the sandbox's
            # call (a step, the allow-list, the sizes of the arguments and the result:
            # ~15,000 instructions a call, ~10 a notice)
            super().write("jpdocs_call(context, " if self.trusted and x == "environment.call(context, " else x)

        @optimizeconst
        def visit_Getattr(self, node, frame) -> None:
            """`obj.name` in a bundled template: read through jpdocs_getattr, a plain read
            where the render gathers no reads and is not traced, where Jinja's code calls the
            sandbox's getattr (a step, the record of reads, the allow-list: ~2,000
            instructions a read, ~120 reads a notice). A user's template keeps Jinja's."""
            if not self.trusted or self.environment.is_async:
                super().visit_Getattr(node, frame)
                return
            self.write("jpdocs_getattr(")
            self.visit(node.node, frame)
            self.write(f", {node.attr!r})")

        def _output_child_pre(self, node, frame, finalize) -> None:
            if finalize.src is None:                # (no finalize: Jinja's own way)
                super()._output_child_pre(node, frame, finalize)
                return
            self.write("environment.printed(")

        def _output_child_post(self, node, frame, finalize) -> None:
            if finalize.src is None:
                super()._output_child_post(node, frame, finalize)
                return
            self.write(")")
    return FinalizedOutput


class _Sandbox(TemplateSandbox):
    """The sandbox, compiling with _finalized_output's code generator."""

    printed = staticmethod(_printed)        # (what its code calls for each {{ value }})

    @property
    def code_generator_class(self) -> type:      # (what Jinja asks for when it compiles)
        return self.__dict__.get("_code_generator") or _finalized_output()

    @code_generator_class.setter
    def code_generator_class(self, generator: type) -> None:
        self.__dict__["_code_generator"] = generator


class _RegularFileLoader(jinja2.FileSystemLoader):
    """Jinja's loader, reading each template as every other input is read: a regular
    UTF-8 file of at most a megabyte (textfile.read_utf8), never a device or a pipe,
    with its line named when it is not UTF-8."""

    def get_source(self, environment, template):
        from jinja2.loaders import split_template_path
        from ..spec.textfile import read_utf8
        pieces = split_template_path(template)          # refuses ../ as Jinja does
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise jinja2.TemplateNotFound(template)
        contents = read_utf8(Path(filename), "template", "--templates")
        read_as = _identity(filename)
        return contents, os.path.normpath(filename), partial(_unchanged, template, filename, read_as)

    def load(self, environment, name, globals=None):
        """The template, a pure bundled include remembering its output (template_memo.py)."""
        return remembering(super().load(environment, name, globals), name, str(TEMPLATES), environment)


def _unchanged(name: str, filename: str, read_as: tuple | None) -> bool:
    """Jinja's reload check of a compiled template: is `filename` still the file it was
    compiled from? Within a render given what its build found on disk (render's
    `found`, textfile.find_templates: stat'ed a moment before), the answer is there —
    the same file, with the same identity — else the file is stat'ed. A name the build
    found in another folder (a template added to --templates) is not current either."""
    found_all = getattr(_rendering, "found", None)
    found = found_all.get(name) if found_all is not None else None
    if found is not None:
        return str(found[0]) == filename and found[1] == read_as
    return _identity(filename) == read_as


# What the build rendering in this thread found of its templates (render's `found`):
# per thread, since the app's threads share an environment (sandbox.py's budget is
# per thread for the same reason).
_rendering = threading.local()


def _identity(filename: str) -> tuple | None:
    try:
        return identity(os.stat(filename))
    except OSError:
        return None


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose error says what object it was read of, and what name
    (`undefined`, read by _undefined_of): Jinja takes its own frames out of the
    traceback, and with them the undefined value. Every use StrictUndefined refuses
    refuses here alike; only the error carries more."""
    __slots__ = ()

    def _fail_with_undefined_error(self, *args, **kwargs):
        try:
            return jinja2.StrictUndefined._fail_with_undefined_error(self, *args, **kwargs)
        except jinja2.UndefinedError as exc:
            exc.undefined = (self._undefined_obj, self._undefined_name)
            raise


# (the operators Jinja's classes bind to the refusing function itself, not by its name)
for _name, _value in [*vars(jinja2.Undefined).items(), *vars(jinja2.StrictUndefined).items()]:
    if _value is jinja2.Undefined._fail_with_undefined_error:
        setattr(_Undefined, _name, _Undefined._fail_with_undefined_error)


@lru_cache(maxsize=16)
def environment(folder: Path | tuple[Path, ...], digits: str, dates: Dates = Dates(),
                times: Times = Times(), comma: str = "、") -> ImmutableSandboxedEnvironment:
    """One environment per template folder (or folders, searched in order: a user's
    --templates folder before the bundled one) and number style: Jinja caches
    compiled templates per environment, and the filters carry the style."""
    paths = [str(f) for f in (folder if isinstance(folder, tuple) else (folder,))]
    env = _Sandbox(
        loader=_RegularFileLoader(paths),
        autoescape=True,
        undefined=_Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(_filters(digits, dates, times, comma))
    env.filters = bounded_filters(env.filters, env)
    return env


# The cache's file names: apart from those of the code Jinja's own generator made
# (_finalized_output), which a cache written before would still hold, and from the
# code earlier versions of it made (output1: str(environment.finalize(…)); output2: a
# bundled template's attributes read through the sandbox, not jpdocs_getattr; output3:
# its calls made through the sandbox, not jpdocs_call).
BYTECODE_FILES = "__jpdocs_output4_%s.cache"


def _bytecode_cache():
    """Compiled templates kept between processes: compiling them took 50 ms of every
    one-spec run. A cache entry is Python code that is run on loading, so the folder
    must be the user's own and writable by no one else (else no cache is used); Jinja
    checks each entry against the checksum of the template's source."""
    folder = private_cache_dir("templates")
    if folder is None:
        return None
    _drop_stale_entries(str(folder))
    return _BytecodeCache(str(folder), BYTECODE_FILES)


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's, with each template's source checked by BLAKE2b instead of SHA-1:
    sha.py keeps OpenSSL out of the process, and Python's own SHA-1 takes ~7 µs a KB
    (0.8 M instructions of a cold notice, for its ~37 KB of templates), its BLAKE2b ~2.
    An entry written with the SHA-1 is found stale once and written again."""

    def get_source_checksum(self, source: str) -> str:
        return hashlib.blake2b(source.encode("utf-8"), digest_size=20).hexdigest()


# The entries of the cache's names before BYTECODE_FILES (Jinja's own, __jinja2_%s.cache,
# __jpdocs_output1_, 2_ and 3_%s.cache): never read again, they would stay in the user's cache
# folder for ever. They are removed once, and the file STALE_REMOVED says so: a cache
# folder may hold thousands of entries (one per template source), and listing it at
# every start would cost ms. (Named anew with each name retired: a folder swept before
# output3 was retired is swept again.)
STALE_FILES = (("__jinja2_", ".cache"), ("__jpdocs_output1_", ".cache"), ("__jpdocs_output2_", ".cache"),
               ("__jpdocs_output3_", ".cache"))
STALE_REMOVED = "__jpdocs_stale_removed4"


@lru_cache(maxsize=4)
def _drop_stale_entries(folder: str) -> None:
    """Remove the entries a version before BYTECODE_FILES left, the first time this
    version opens the folder; after that, one stat a process."""
    done = os.path.join(folder, STALE_REMOVED)
    if os.path.exists(done):
        return
    try:
        with os.scandir(folder) as entries:
            stale = [e.path for e in entries
                     if any(e.name.startswith(start) and e.name.endswith(end) for start, end in STALE_FILES)]
        for path in stale:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass                # another process removed it first
        open(done, "x").close()
    except OSError:
        pass                        # tried again by the next process


def date_text(value: dt.date, digits: str, dates: Dates, western: bool | None = None,
              weekday: bool = True, era: bool | None = None, year: bool = True) -> str:
    """A date in the house's calendar and weekday form (japanese.date_in); western=False
    drops the Western year of era_western, era=False writes the Western year only."""
    calendar = dates.calendar
    if era is False:
        calendar = "western"
    elif era is True and calendar == "western":
        calendar = "era_western" if western else "era"
    elif western is not None and calendar != "western":
        calendar = "era_western" if western else "era"
    return japanese.date_in(value, calendar, dates.weekday if weekday else "none", digits, year=year)


def event_date_text(value: dt.date, issued: dt.date | None, digits: str, dates: Dates,
                    western: bool | None = None) -> str:
    """The date of the event (the ceremony, a deadline): without its year where the
    house says so (dates.event_year: false) and the year is the issue date's."""
    return date_text(value, digits, dates, western=western, year=event_year_kept(value, issued, dates))


# the issue date's forms that write no era (a year left out beside them is the Western one)
_WESTERN_ONLY = ("western", "iso", "dots", "slashes", "dots_short_year")


def event_year_kept(value: dt.date, issued: dt.date | None, dates: Dates) -> bool:
    """Whether the date of the event keeps its year: always, unless the house leaves it
    out (dates.event_year: false) and the issue date says it. The issue date says it only
    in the same Western year and, where either date is written with an era, the same era
    year: under 平成31年４月26日, ５月１日 would be read as 平成31年５月１日, a day that is
    令和元年's (and under 昭和64年１月６日, １月10日 a day 昭和 never had)."""
    if dates.event_year or issued is None:
        return True
    value, issued = japanese._as_date(value), japanese._as_date(issued)
    if value.year != issued.year:
        return True
    western_only = dates.calendar == "western" and (dates.issue_calendar or dates.calendar) in _WESTERN_ONLY
    return not western_only and japanese.era_of(value) != japanese.era_of(issued)


def deadline_text(value: dt.date | dt.datetime, issued: dt.date | None, digits: str, dates: Dates,
                  times: Times) -> str:
    """令和６年２月21日（水）17時: no Western year beside an era year, as notices write
    deadlines, and no minutes on the hour. A weekday in full without brackets (long_plain)
    has none to hold it apart from the hour: a full-width space stands between, as
    Japanese writes a date with its weekday and a time (CLDR's y年M月d日EEEE H時mm分:
    ２月21日水曜日　17時, not ２月21日水曜日17時)."""
    text = event_date_text(value, issued, digits, dates, western=False)
    if isinstance(value, dt.datetime):
        if dates.weekday == "long_plain":
            text += "　"
        text += japanese.format_time(value.time(), digits, minutes_if_zero=False, clock=times.clock,
                                     notation=times.notation, pad_minutes=times.pad_minutes)
    return text


def references(text) -> Markup:
    """An article's text with its references to other articles (第２条, the `refs` an
    articles.Referring carries) marked <ref article="2">, the rest escaped; any other
    text is only escaped."""
    out, pos = [], 0
    for start, end, article in getattr(text, "refs", ()):
        out += [escape(text[pos:start]), Markup('<ref article="%d">') % article, escape(text[start:end]),
                Markup("</ref>")]
        pos = end
    out.append(escape(str(text)[pos:]))
    return Markup("").join(out)


def name_lines(formal_name: str | None, name: str) -> tuple[list[str], str]:
    """party_names.name_lines, imported when a template first sets a party's name on
    several lines: the overview sheet alone does, and its legal forms' pattern costs
    every other build ~1.5 ms of its start."""
    from .. import party_names
    return party_names.name_lines(formal_name, name)


class NoIssueDate(Exception):
    """A template printed the date of issue of a notice that gives none (the `issued`
    filter): reported at the template's line as it is, not as a fault of Python."""


# Marks that close what stands before them (JLREQ's closing brackets, full stops and
# commas): a date_suffix beginning with one takes no gap after the date
_CLOSES_A_DATE = "）〕］｝〉》」』】)]}。．.、，,"


def _filters(d: str, dates: Dates, times: Times, comma: str = "、") -> dict:
    def date(value: dt.date, western: bool | None = None, weekday: bool = True, era: bool | None = None,
             year: bool = True) -> str:
        return date_text(value, d, dates, western=western, weekday=weekday, era=era, year=year)

    def time(value: dt.time, minutes_if_zero: bool | None = None) -> str:
        zero = times.zero_minutes if minutes_if_zero is None else minutes_if_zero
        return japanese.format_time(value, d, minutes_if_zero=zero, clock=times.clock, notation=times.notation,
                                    pad_minutes=times.pad_minutes)

    def num(value) -> str:
        return japanese.digits(value, d)

    def issue_date(value: dt.date | str | None) -> str:
        """The date of issue at the top of a notice, in the house's form for it. Where the
        spec says the page gives none (issue_date: none) there is nothing to print, and an
        empty date would leave its line, prefix and suffix standing without it: the
        template must test notice.issued_on first (ours do), so printing it is an error
        the build reports at the template's line."""
        if value is None or value == "none":
            raise NoIssueDate("the notice has no date of issue (issue_date: none): test "
                              "issued_on (`{% if n.issued_on is not none %}`) before printing issue_date|issued")
        if dates.issue_calendar == "iso":       # 2018-12-05: no era, no weekday (style_checks refuses them)
            return value.isoformat()
        if dates.issue_calendar == "dots":      # 2010.03.30: the same date, another form
            return value.strftime("%Y.%m.%d")
        if dates.issue_calendar == "slashes":   # 2017/04/12: and another
            return value.strftime("%Y/%m/%d")
        if dates.issue_calendar == "dots_short_year":   # 16.11.04: the year's last two digits (鹿児島大学)
            return value.strftime("%y.%m.%d")
        if dates.issue_calendar == "dots_era_year":     # 05.11.07: the era's year, its name unsaid (大分県信用組合)
            return f"{japanese.era_of(value)[1]:02d}." + value.strftime("%m.%d")
        text = japanese.date_in(value, dates.issue_calendar or dates.calendar, dates.issue_weekday or dates.weekday, d,
                                year=dates.issue_year, two_digits=dates.issue_two_digits, pad=dates.issue_pad or "")
        return spaced(text) if dates.issue_pad == " " else text

    def deadline(value: dt.date | dt.datetime, issued: dt.date | None = None) -> str:
        return deadline_text(value, issued, d, dates, times)

    def after_date(suffix: str, gap: str) -> str:
        """The spec's words after the date of issue, the house's gap (notice.date_suffix_gap)
        before them: ２月16日（金）　配布. A suffix that begins with a mark closing what stands
        before it (the page's stop after 2019.07.12., a bracket's ］) stands straight after the
        date: a gap would set the stop apart from the date it ends (2019.07.12　.)."""
        return suffix if suffix[:1] in _CLOSES_A_DATE else gap + suffix

    return {"date": date, "time": time, "num": num, "deadline": deadline, "issued": issue_date, "after_date": after_date,
            "kanji": enumeration.kanji_numeral, "enumeration": partial(enumeration.join_japanese, comma=comma),
            "name_lines": name_lines, "refs": references}


def render(template_name: str, context: dict, style: HouseStyle,
           folder: Path | tuple[Path, ...] = TEMPLATES, reads: set | None = None,
           found: dict | None = None) -> str:
    """Render one template to markup text. A fault of the template (a syntax error,
    an undefined value, an attempt on Python internals, an exception inside it)
    is reported with the template's file and line; the sandbox holds. `reads`, if
    given, gathers the (class, field) and (id of the object, field) of the project's
    objects the render reads (sandbox.start_render);
    `found`, what this build found of its templates (textfile.find_templates), taken
    for the files' state while this render lasts (never kept past it)."""
    folders = tuple(as_path(f) for f in (folder if isinstance(folder, tuple) else (folder,)))
    env = environment(folders, style.digits, style.dates, style.times, style.word("comma"))
    # A template (a user's, perhaps hostile) runs with the cycle collector on: a loop
    # making namespaces that hold themselves makes garbage only the collector frees
    # (paused while the program starts: collector.py).
    collector.resume()
    outer = getattr(_rendering, "found", None)
    _rendering.found = found
    try:
        template = env.get_template(template_name)
        env.start_render(reads)
        return template.render(**context, style=style)
    except InputError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise fail(exc.filename or template_name, f"template error: {exc.message}", exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        # an include, import or extends of a template that does not exist: named at the
        # line of the template that asks for it (the template asked for by name, at its file)
        file, line = _where(exc, folders, template_name)
        raise fail(file, f"template not found: {exc.name} (looked in {', '.join(map(str, folders))})", line) from None
    except (jinja2.UndefinedError, SecurityError) as exc:
        file, line = _where(exc, folders, template_name)
        message = exc.message if isinstance(exc, jinja2.UndefinedError) else str(exc)
        if isinstance(exc, SecurityError) or "unsafe" in (message or ""):
            text = f"template tried something a template may not do (the sandbox refused it): {message}"
        else:
            text = f"template uses an undefined value: {message}"
        error = fail(file, text, line)
        error.undefined = _undefined_of(exc)
        raise error from None
    except NoIssueDate as exc:
        file, line = _where(exc, folders, template_name)
        raise fail(file, str(exc), line) from None
    except MemoryError:
        file, line = _where(MemoryError(), folders, template_name)
        raise fail(file, "template error: it tried to build more than memory holds") from None
    except Exception as exc:       # ZeroDivisionError, TypeError, RecursionError … in template code
        file, line = _where(exc, folders, template_name)
        raise fail(file, f"template error: {type(exc).__name__}: {exc}", line) from None
    finally:
        _rendering.found = outer


def _undefined_of(exc: Exception) -> tuple[object, str] | None:
    """The object a template read a name of that it has not, and the name (a spec's
    {photos: …} entry and `label`, where a user's template older than that entry takes
    it for a {label, lines} one: build/template_coverage.unknown_entry names its key),
    as _Undefined told it; None where it was no object's."""
    found = getattr(exc, "undefined", None)
    return found if found is not None and found[0] is not jinja2.utils.missing else None


def _where(exc: Exception, folders: tuple[Path, ...], template_name: str) -> tuple[str, int | None]:
    """The template file and line of a rendering error, from the traceback Jinja
    rewrites (its frames carry the template's file name and line)."""
    roots = [str(f) for f in folders] + [str(f.resolve()) for f in folders]
    file, line = None, None
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if any(name.startswith(r) for r in roots) or name.endswith(".j2"):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    if file is None:
        found = next((f / template_name for f in folders if (f / template_name).is_file()), None)
        file = str(found or folders[0] / template_name)
    return file, line
