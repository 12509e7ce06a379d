"""Templates → markup text.

Jinja2 in a sandbox, with autoescape and StrictUndefined: a value holding `<`, `&`,
`{{ }}` or `{% %}` prints literally (Jinja never evaluates values, and escaping
keeps them from becoming markup), and a misspelt variable is an error, not a blank.
The filters here are the only way templates format dates, times and numbers, so
the house digit style is applied in one place.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from . import japanese
from .errors import fail
from .output import cache_dir
from .style import TEMPLATES, HouseStyle


def _finalize(value):
    """Every {{ value }}: escaped for the markup, and a newline inside a value
    becomes a line break rather than vanishing into the markup's whitespace."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(escape(str(value)).replace("\n", Markup("<br/>")))


@lru_cache(maxsize=16)
def environment(folder: Path, digits: str, western_year: bool) -> ImmutableSandboxedEnvironment:
    """One environment per template folder and number style: Jinja caches compiled
    templates per environment, and the filters carry the style."""
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(_filters(digits, western_year))
    return env


def _bytecode_cache():
    """Compiled templates kept between processes (keyed by their source's checksum):
    compiling them took 50 ms of every one-spec run."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder))
    except OSError:
        return None


def _filters(d: str, western_year: bool) -> dict:
    def date(value: dt.date, western: bool | None = None, weekday: bool = True, era: bool = True) -> str:
        w = western_year if western is None else western
        return japanese.format_date(value, d, western=w, weekday=weekday, era=era)

    def time(value: dt.time, minutes_if_zero: bool = True) -> str:
        return japanese.format_time(value, d, minutes_if_zero=minutes_if_zero)

    def num(value) -> str:
        return japanese.digits(value, d)

    def deadline(value: dt.date | dt.datetime) -> str:
        """令和６年２月21日（水）17時: no western year, as notices write deadlines."""
        text = date(value, western=False)
        if isinstance(value, dt.datetime):
            text += time(value.time(), minutes_if_zero=False)
        return text

    return {"date": date, "time": time, "num": num, "deadline": deadline,
            "kanji": japanese.kanji_numeral, "enumeration": japanese.join_japanese,
            "name_lines": japanese.name_lines}


def render(template_name: str, context: dict, style: HouseStyle, folder: Path = TEMPLATES) -> str:
    """Render one template to markup text. Template faults name file and line."""
    env = environment(folder, style.digits, style.western_year)
    try:
        template = env.get_template(template_name)
        return template.render(**context, style=style)
    except jinja2.TemplateSyntaxError as exc:
        raise fail(exc.filename or template_name, f"template error: {exc.message}", exc.lineno)
    except jinja2.TemplateNotFound as exc:
        raise fail(str(folder / template_name), f"template not found: {exc.name}")
    except jinja2.UndefinedError as exc:
        raise fail(str(folder / template_name), f"template uses an undefined value: {exc.message}",
                   _template_line(exc))
    except jinja2.exceptions.SecurityError as exc:
        raise fail(str(folder / template_name), f"template tried something unsafe: {exc}",
                   _template_line(exc))


def _template_line(exc: Exception) -> int | None:
    """The template line of a rendering error, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith((".j2", ".xml")):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
