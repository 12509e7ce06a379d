"""The event spec: one YAML file read, checked and validated (load_spec).

The schema is in schema/, the checks and messages in text_checks.py,
schema_messages.py, checks.py and file_checks.py; here they are put together so that
every problem is reported at once, each with file, line and key path, and what was
mended on the way comes back as warnings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError, Problem
from .schema import Spec
from .source import dotted, line_of, parse_yaml, read_yaml_bytes
from ..files import is_within, resolve_file
from .checks import cross_check, date_warnings, sort_problems
from .slips import empty_ceremony_facts, full_width_emails, indented_twice
from .file_checks import check_named_files, named_files
from .honorific_names import honorifics_in_names
from .past_schema import found_past_schema, refused_dates
from .schema_messages import problems_of
from .strict import ValidationError
from .text_checks import check_yearless_weekdays, mended_and_checked, reference_day, unprintable_in
from .values import describe


@dataclass
class LoadedSpec:
    """A validated spec with where it came from and what was mended on the way.
    `lines` maps key paths to the lines they are on, for later messages."""
    path: Path
    spec: Spec
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)   # what was chosen for the user (a standard article, a term's end)
    lines: dict = field(default_factory=dict)
    others: dict = field(default_factory=dict)           # press_notice.also: written path → LoadedSpec (joint.py)
    # (template name, folders) → the files it is made of and their identities
    # (textfile.find_templates), as this build's record of its inputs found them
    # (build/record.input_files): its documents are made from the same files, not
    # looked up (nor stat'ed by Jinja's reload check) a second time
    templates_found: dict = field(default_factory=dict)
    # (--style given, the house style style_for found for it): the record's inputs and
    # the documents of this build take the same style, its files stat'ed once
    style_found: tuple | None = None
    # the spec's path resolved, where a batch resolved it for its record (Hasher.spec_file):
    # its outputs' manifest names the same owner without resolving it a third time
    resolved_path: Path | None = None
    # the file's bytes as this load read and parsed them (None: given by the caller, raw):
    # a batch's record digests these, not the file read a second time (build/record.py)
    read: bytes | None = field(default=None, repr=False)
    # where the spec writes the agreement this one states: ("agreements", id) for a view
    # of one of several (several.agreement_views), so that a message names its key
    agreement_at: tuple = ("agreement",)
    # items a view left out moved the ones after them (the annual book's day, annual/as_of.py):
    # {"agreement.amendments[0]": "agreement.amendments[1]"}, the key in the view → as written
    moved: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    def file(self, relative: str) -> Path:
        """A file the spec names (style, logo), relative to the spec's folder."""
        return resolve_file(self.path, relative)

    def line_of(self, path: tuple) -> int | None:
        return line_of(self.lines, path)

    def key(self, path: tuple) -> str:
        """A key path as the spec writes it: agreement.title is agreements.land.title
        in a view of the agreement land of several."""
        path = tuple(path)
        if path[:1] == ("agreement",):
            path = self.agreement_at + path[1:]
        return dotted(path)

    def as_written(self, exc: InputError) -> InputError:
        """The problems of a view (several.agreement_views, annual/as_of.py) that the
        stages it passes through (the overview sheet) name at agreement.…, at the keys
        the spec writes."""
        if self.agreement_at == ("agreement",) and not self.moved:
            return exc
        head, file = dotted(self.agreement_at), str(self.path)

        def written(key: str) -> str:
            for view, own in self.moved.items():
                if key == view or key.startswith((view + ".", view + "[")):
                    key = own + key[len(view):]
                    break
            return re.sub(r"^agreement(?=$|[.\[])", head, key)
        problems = [replace(p, key=written(p.key)) if p.file == file else p for p in exc.problems]
        return exc if problems == exc.problems else InputError(problems)     # (a LayoutProblem stays one)

    def outside_files(self) -> list[tuple[tuple, Path]]:
        """(key path, file) of the files the spec names outside its own folder:
        allowed on the command line, and noted by `check`."""
        files = [(key, self.file(written)) for key, written in named_files(self.spec)]
        return [(key, path) for key, path in files if not is_within(path, self.path.parent)]


def _unusable_in_a_name(value) -> bool:
    """Whether a text of the spec holds U+0000 or a lone surrogate, which no file name can
    (looked for only once a problem is found)."""
    if isinstance(value, str):
        return "\0" in value or _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_unusable_in_a_name(k) or _unusable_in_a_name(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_unusable_in_a_name(v) for v in value)
    return False


def _unprintable_ids(spec: Spec, name: str, lines) -> list[Problem]:
    """The ids a spec chooses (parties:, agreements:) hold no control or invisible
    character, as its texts do not (check_text sees values only): an id is written
    again where it is used, and named in messages."""
    ids = [("parties", k) for k in spec.parties] + [("agreements", k) for k in spec.agreements or ()]
    return [Problem(name, line_of(lines, key), dotted(key), found)
            for key, found in ((key, unprintable_in(key[1])) for key in ids) if found]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _later_checks(spec: Spec, name: str, lines, dated: list, allow_outside: bool,
                  warnings: list[Problem], named_warnings: list[Problem], refused: bool = True) -> list[Problem]:
    """The problems the checks after the schema's find (references between sections,
    weekdays of dates without a year, the files named, honorifics in names); the
    warnings they find are added to the lists given. Where the spec is refused
    (`refused`: already; or by these checks), also the keys no bundled template prints,
    which the build decides otherwise (spec/unprinted.py): a spec's problems at once."""
    problems = cross_check(spec, name, lines)
    problems += _unprintable_ids(spec, name, lines)
    around = reference_day(spec)
    if around:
        problems += check_yearless_weekdays(dated, around, name, lines, warnings)
    problems += check_named_files(spec, name, lines, allow_outside)
    named_errors, found_warnings = honorifics_in_names(spec, name, lines)
    named_warnings += found_warnings
    problems += named_errors
    if refused or problems:
        from .unprinted import refused_beside   # here: it imports notice_checks, which a spec that loads needs not yet
        problems += refused_beside(spec, name, lines)
    return problems


def _past_the_schema(data, exc: ValidationError, refused: list[Problem], name: str, lines, dated: list,
                     allow_outside: bool) -> list[Problem]:
    """The later checks' problems of a spec the schema refused, found past the refused
    values (an unknown key taken out, a misspelt one read as meant, a wrong date or time
    or a required value left out or empty stood in for) and only those about none of
    them (past_schema.py), so that a spec's problems are reported at once, not a stage
    at a time."""
    def check(variant):
        try:
            spec = Spec.model_validate(variant)
        except ValidationError as again:
            return again
        # (the warnings of a spec that will not be built are not shown)
        return _later_checks(spec, name, lines, dated, allow_outside, [], [])
    return found_past_schema(data, exc, refused, check)


def load_spec(path: Path | str, allow_outside: bool = True, others: bool = True,
              raw: bytes | None = None) -> LoadedSpec:
    """The spec at `path`, or InputError with every problem. allow_outside=False refuses
    files (style:, logo:, also:) outside the spec's own folder: for a service that builds
    specs sent by others, where a spec must not reach the server's files. others=False
    leaves the specs press_notice.also names unread (joint.py reads them so). raw: the
    file's bytes as they would be saved, not read from `path` (the app's preview of an
    unsaved edit: its lines and relative files are those of the spec at `path`)."""
    path = Path(path)
    read = read_yaml_bytes(path) if raw is None else None
    data, lines = parse_yaml(path, raw if read is None else read)
    name = str(path)
    if not isinstance(data, dict):
        raise InputError([Problem(name, 1, "", "a spec is a mapping of keys (issuer:, parties: …),"
                                              f" but this file holds {describe(data)}")])
    warnings: list[Problem] = []
    dated: list = []
    data, problems = mended_and_checked(data, name, lines, warnings, dated)    # radicals mended, then the text checked
    if problems and _unusable_in_a_name(data):
        # check_text has refused it; no file name holds a NUL or a lone surrogate, and the checks that follow
        # resolve the files the spec names (style, photos, also) by theirs
        raise InputError(sort_problems(problems))
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        refused = problems_of(exc, name, lines)
        dates = {dotted(path) for path in refused_dates(data, exc)}
        problems = [p for p in problems if p.key not in dates]      # (past_schema.refused_dates)
        problems += refused + _past_the_schema(data, exc, refused, name, lines, dated, allow_outside)
        raise InputError(sort_problems(problems)) from None
    named_warnings: list[Problem] = []
    problems += _later_checks(spec, name, lines, dated, allow_outside, warnings, named_warnings, bool(problems))
    if problems:
        raise InputError(sort_problems(problems))
    warnings += date_warnings(spec, name, lines)
    warnings += empty_ceremony_facts(data, name, lines)
    warnings += full_width_emails(data, name, lines)
    warnings += indented_twice(data, name, lines)
    warnings += named_warnings
    if spec.agreement and spec.agreement.amends:
        from .amends_checks import amends_warnings
        warnings += amends_warnings(spec, name, lines)
    loaded = LoadedSpec(path=path, spec=spec, warnings=warnings, lines=lines, read=read)
    if others and spec.press_notice and spec.press_notice.also:
        from .joint import check_attached, load_others
        from .photo_checks import check_names_announced
        loaded.others, problems = load_others(spec, path, lines, allow_outside, load_spec)
        if not problems:
            problems = check_attached(loaded) + check_names_announced(loaded)
        if problems:
            own = sort_problems([p for p in problems if p.file == name])
            raise InputError(own + [p for p in problems if p.file != name])
        for other in loaded.others.values():
            loaded.warnings.extend(other.warnings)
    return loaded
