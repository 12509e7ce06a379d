"""Building many specs: in parallel, incrementally, one failure never stopping the rest.

The parent process decides what to build (record.py: a spec whose inputs have not
changed since its last successful build is skipped), hands the rest to worker
processes (workers.py) and reports. Each worker loads the fonts, the house style
and the compiled templates once (`_init_worker`) and then builds spec after spec,
each rendered in memory while a thread of the worker writes the files of the last
ones (build_in_memory, workers.Later). A worker that dies or a spec over the time limit costs that spec alone, named in
the summary; the others go on. A single spec is built in this process (a worker
would only add its start-up), under the same time limit (SIGALRM).

Every file is written atomically (output.py) and the record only after the files
of a spec are in place, so a run killed at any moment leaves complete files, and
the next run builds what the record does not show as done.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
import time
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

try:
    # the C module that signal.py wraps to give its numbers enum names: that
    # wrapping cost ~0.5 ms of a start, for the one alarm a build sets and clears
    import _signal as signal
except ImportError:
    import signal

from .. import collector
from ..files import as_path
from ..errors import InputError, Problem
from .record import Hasher, Record, options_key

SAVE_EVERY = 1.0       # seconds between record writes during a run (and once at the end)
RING_AGAIN = 1.0       # seconds between the time limit's later rings (_build_here)
TIME_LIMIT = 300.0     # seconds one spec may take (--time-limit): real ones take 0.3–2 s, a generous margin


@dataclass
class Result:
    """What building one spec came to: its status, the files written, the problems."""
    spec: str
    status: str                          # built | unchanged | failed | nothing (none of the --kinds asked for)
    written: list[str] = field(default_factory=list)
    entry: dict | None = None            # the record entry of a successful build
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)     # what was chosen for the user


# ---------------------------------------------------------------- in a worker
_hasher: Hasher | None = None


def _init_worker(formats, style_override) -> None:
    """Everything every spec needs, once per process: the writers' imports, the fonts
    parsed and registered, the default (or --style) house style, compiled templates."""
    global _hasher
    _hasher = Hasher()
    try:
        from . import documents as build
        from ..fonts import registry as fonts
        from ..content import templating
        from ..spec.style import load_style
        style = load_style(style_override)
        fonts.register(style)
        fonts.fallback_names(style)
        env = templating.environment(templating.TEMPLATES, style.digits, style.dates, style.times, style.word("comma"))
        for kind in build.KINDS:
            env.get_template(kind.template)
        if "pdf" in formats:
            from ..writers import pdf  # noqa: F401
        if "docx" in formats:
            from ..writers import docx  # noqa: F401
    except Exception:
        pass       # a broken style or template is reported per spec, with its file and line
    collector.resume()      # spec after spec: their documents' cycles must be collected
    # What was loaded above lives as long as the worker (~47,000 objects: fonts, style,
    # templates, modules): frozen, the cycle collector's full collections no longer
    # walk it again and again (they took ~1 ms of a notice's processor time in a
    # batch of 200, ~0.25 ms frozen). Init leaves no cyclic garbage to freeze with it.
    # (resume() freezes too, when the program paused the collector; a library user's
    # worker gets the freeze here.)
    collector.freeze()


def build_one(spec: str, out_root: str, formats: tuple, style_override: str | None,
              force: bool = False, extra: dict | None = None) -> Result:
    """Build one spec; never raises (a failure is a Result). `extra` holds the other
    build options (templates, copies, pdfa, kinds), passed on to build.build."""
    begun = build_in_memory(spec, out_root, formats, style_override, force, extra)
    return begun if isinstance(begun, Result) else begun()


def build_in_memory(spec: str, out_root: str, formats: tuple, style_override: str | None,
                    force: bool = False, extra: dict | None = None) -> Result | Callable[[], Result]:
    """build_one in two steps: the spec read and its documents rendered now (a failure
    is its Result), and a function that writes them and gives the Result. Neither raises."""
    global _hasher
    from .documents import build_in_memory as render, style_for
    from .record import input_files
    from ..spec.load import load_spec
    _hasher = _hasher or Hasher()
    override = Path(style_override) if style_override else None
    extra = extra or {}
    try:
        loaded = load_spec(spec)
        if extra.get("kinds"):
            from .kinds import unmade
            missing = unmade(loaded, extra["kinds"], formats)
            if len(missing) == len(extra["kinds"]):       # none of them: said, and counted apart
                return Result(spec, "nothing", problems=missing, warnings=loaded.warnings)
            loaded.notes.extend(missing)                   # some of them: the others are made
        style = style_for(loaded, override)
        options = options_key(formats, style_override, extra)
        # The spec resolved once for its inputs and their digest (os.path.realpath looks
        # at each part of the path in Python, ~0.13 M instructions a time), its folder
        # once per run (Hasher.spec_file)
        spec_file = loaded.resolved_path = _hasher.spec_file(spec)
        inputs = input_files(loaded, style, formats, extra.get("templates"), extra.get("kinds"), override,
                             _hasher.resolved, spec_file)
        digest = _hasher.digest(spec, inputs, options, spec_file, loaded.read)   # before building: what was read
        write = render(loaded, Path(out_root), formats, override, force=force, stamp=digest, **extra)
    except Exception as exc:
        return _failed(spec, exc)

    def finish() -> Result:
        try:
            written = write()
        except Exception as exc:
            return _failed(spec, exc)
        entry = {"digest": digest, "options": options, "inputs": [str(p) for p in inputs],
                 "outputs": [str(as_path(w).relative_to(out_root)) for w in written],
                 "warnings": [[w.file, w.line, w.key, w.message] for w in loaded.warnings]}
        return Result(spec, "built", [str(w) for w in written], entry, warnings=loaded.warnings,
                      notes=loaded.notes)
    return finish


def _failed(spec: str, exc: Exception) -> Result:
    """The Result of a build that raised (SpecTimeout and Ctrl-C, not Exceptions, go on up)."""
    if isinstance(exc, InputError):
        return Result(spec, "failed", problems=exc.problems)
    if isinstance(exc, OSError):     # outside the writes, which say more (output.write_outputs)
        from ..output import describe
        return Result(spec, "failed", problems=[Problem(str(exc.filename or spec), None, "", describe(exc))])
    where = traceback.extract_tb(exc.__traceback__)[-1]     # a bug must not stop the other specs; say where
    return Result(spec, "failed", problems=[Problem(
        spec, None, "", f"internal error {type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})")])


# ---------------------------------------------------------------- in the parent
class Progress:
    """A bar redrawn in place on a terminal; one plain line per spec otherwise
    (a log file or CI gets lines it can grep, not carriage returns)."""

    def __init__(self, total: int, stream=None):
        # Looked up now (sys.stderr may have been replaced since import): the bar on a
        # terminal's stderr; otherwise plain lines on stdout, leaving stderr to errors.
        stream = stream or (sys.stderr if sys.stderr.isatty() else sys.stdout)
        self.total, self.done, self.stream = total, 0, stream
        self.counts = {"built": 0, "unchanged": 0, "failed": 0, "nothing": 0}
        self.tty = stream.isatty()
        self.start = time.monotonic()

    def add(self, result: Result, verbose_unchanged: bool = False) -> None:
        self.done += 1
        self.counts[result.status] += 1
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            rate = self.done / max(time.monotonic() - self.start, 1e-6)
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}"
                              f"  built {self.counts['built']}, unchanged {self.counts['unchanged']},"
                              f" failed {self.counts['failed']}"
                              + (f", made nothing {self.counts['nothing']}" if self.counts["nothing"] else "")
                              + f"  {rate:.0f}/s ")
            self.stream.flush()
        elif result.status != "unchanged" or verbose_unchanged:
            from ..i18n import for_environment          # built: / 作成: as the locale says
            word = "made nothing" if result.status == "nothing" else result.status
            print(f"{for_environment().label(word)} {result.spec}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def worker_count(asked: int | None, specs: int) -> int:
    """Workers for `specs` specs: one per core by default; never more than the specs,
    nor more than the cores (building is CPU-bound: more workers only add memory)."""
    return max(1, min(asked or default_jobs(), specs, default_jobs()))


def same_folder_groups(specs: list[Path]) -> dict[Path, list[Path]]:
    """Specs that would write into one output folder: `x.yaml` and `x.yml`,
    `a/x.yaml` and `b/x.yaml`, or names that differ only in Unicode normalisation
    or case (the same folder on macOS and Windows). Maps each such spec to the others."""
    by_folder: dict[str, list[Path]] = {}
    for spec in specs:
        key = unicodedata.normalize("NFC", Path(spec).stem).casefold()
        by_folder.setdefault(key, []).append(Path(spec))
    return {spec: [o for o in group if o != spec] for group in by_folder.values() if len(group) > 1
            for spec in group}


def _unique(specs: list[Path]) -> list[Path]:
    """The same spec named twice (a file and its folder, or via another path) is built once."""
    seen, out = set(), []
    for spec in specs:
        key = os.path.realpath(spec)
        if key not in seen:
            seen.add(key)
            out.append(Path(spec))
    return out


def _clash(spec: Path, others: list[Path], out_root: Path) -> Result:
    names = " and ".join(str(o) for o in others)
    folder = out_root / unicodedata.normalize("NFC", spec.stem)
    return Result(str(spec), "failed", problems=[Problem(
        str(spec), None, "", f"{spec.name} and {names} would both write into {folder}/ and mix their"
        " documents; neither is built. Rename one of them, or build them into different -o folders")])


class SpecTimeout(BaseException):
    """Raised by SIGALRM in a spec built in this process: not an Exception, so that
    nothing on the way catches it as a build error."""


def _timed_out(spec: str, limit: float) -> Result:
    return Result(spec, "failed", problems=[Problem(
        spec, None, "", f"not built: it took longer than {limit:g} s (--time-limit); does the spec or its"
        " style point at a file that never ends, such as a pipe (FIFO) or a device?")])


def _build_here(spec: str, args: tuple, limit: float | None) -> Result:
    """One spec in this process, stopped by SIGALRM after `limit` seconds (only the
    main thread receives signals, and Windows has no SIGALRM: there it runs without
    a limit)."""
    if not limit or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        return build_one(spec, *args)

    armed = [True]

    def stop(signum, frame):
        if armed[0]:
            raise SpecTimeout()
    # The alarm's handler runs at whatever bytecode comes next: before the build has
    # begun (a tiny limit), inside it, or after it returned. Until it is disarmed
    # that is inside the outer try; after, a late ring is ignored. A result already
    # made is kept, whenever the alarm rang.
    # A ring inside an object's __del__ (the garbage collector runs one at any moment)
    # is lost: Python passes the exception to sys.unraisablehook, which here rings
    # again at once. Should anything else swallow it (a bare except), the alarm rings
    # again every RING_AGAIN seconds until the build has unwound: rarely enough that
    # the clean-up of a stopped build (its temporary files) is not itself cut short.
    previous_hook = sys.unraisablehook

    def lost(unraisable):
        if unraisable.exc_type is SpecTimeout and armed[0]:
            signal.setitimer(signal.ITIMER_REAL, 0.001, max(limit, RING_AGAIN))
        else:
            previous_hook(unraisable)

    result = None
    old = signal.signal(signal.SIGALRM, stop)
    sys.unraisablehook = lost
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, limit, max(limit, RING_AGAIN))
            result = build_one(spec, *args)
        finally:
            armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    except SpecTimeout:
        if result is None:
            return _timed_out(spec, limit)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)     # a ring that left the finally above before it
        signal.signal(signal.SIGALRM, old)
        sys.unraisablehook = previous_hook
    return result


def _from_outcome(spec: str, outcome, limit: float | None) -> Result:
    """A worker's outcome as the spec's Result."""
    if outcome.status == "done":
        return outcome.value
    if outcome.status == "timeout":
        return _timed_out(spec, limit)
    # each message written whole, for the catalogue's templates (jpdocs/i18n.py)
    return Result(spec, "failed", problems=[Problem(
        spec, None, "", f"the worker process building it {outcome.value}; the other specs went on"
        if outcome.status == "died" else f"not built: {outcome.value}; the other specs went on")])


def run(specs: list[Path], out_root: Path, formats=("pdf", "docx"), style_override: Path | None = None,
        force: bool = False, jobs: int | None = None, progress_stream=None,
        extra: dict | None = None, time_limit: float | None = TIME_LIMIT) -> dict[str, list[Result]]:
    """Build every spec that needs it; returns the results by status. time_limit:
    seconds per spec (None or 0: no limit)."""
    global _hasher
    out_root = Path(out_root)
    record, hasher = Record(out_root), Hasher()
    # A spec built in this process digests its inputs as this run reads them: the
    # hasher of an earlier run in the same process (a library user's, the app's)
    # remembers files as they were then, and would record a digest of old inputs.
    _hasher = hasher
    extra = dict(extra or {})
    options = options_key(formats, style_override, extra)
    style_arg = str(style_override) if style_override else None
    results: dict[str, list[Result]] = {"built": [], "unchanged": [], "failed": [], "nothing": []}
    specs = _unique(specs)
    progress = Progress(len(specs), progress_stream)
    clashes = same_folder_groups(specs)
    todo = []
    for spec in specs:
        if spec in clashes:
            res = _clash(spec, clashes[spec], out_root)
            results["failed"].append(res)
            progress.add(res)
        elif not force and record.is_current(spec, options, hasher):
            res = Result(str(spec), "unchanged", warnings=record.warnings(spec))   # they still stand
            results["unchanged"].append(res)
            progress.add(res)
        else:
            todo.append(str(spec))
    last_save = time.monotonic()

    def take(res: Result) -> None:
        nonlocal last_save
        results[res.status].append(res)
        record.update(Path(res.spec), res.entry if res.status == "built"
                      else made_nothing_entry(res, options) if res.status == "nothing" else None)
        if res.status == "built" and time.monotonic() - last_save > SAVE_EVERY:
            _save(record)
            last_save = time.monotonic()
        progress.add(res)

    args = (str(out_root), tuple(formats), style_arg, force, extra)
    try:
        if len(todo) == 1:
            take(_build_here(todo[0], args, time_limit))
        elif todo:
            from .workers import run_tasks
            init = functools.partial(_init_worker, tuple(formats), style_arg)
            work = functools.partial(_build_task, args=args)
            # closing: whatever stops the loop (Ctrl-C) stops the workers at once
            with contextlib.closing(run_tasks(todo, worker_count(jobs, len(todo)), init, work, time_limit)) as ends:
                for spec, outcome in ends:
                    take(_from_outcome(spec, outcome, time_limit))
        # a spec deleted or renamed since an earlier run: its files stay in the output,
        # and the run says so rather than leave them to be published unsaid
        results["gone"] = [Result(spec, "gone", warnings=[Problem(spec, None, "", (
            f"the spec is gone (deleted or renamed), but the files an earlier run made of it are still in"
            f" {folder}: delete that folder if they should not be published"))])
            for spec, folder in record.left_behind()]
    finally:
        progress.close()
        if results["built"] or record.dirty:
            _save(record)
    return results


def made_nothing_entry(res: Result, options: str) -> dict:
    """The record's entry of a spec that made none of the --kinds asked for: whoever
    runs the yearly batch finds it there with its reasons, as the run printed them,
    not only as a spec absent from the record. It has no outputs, so it is never
    `unchanged`: the next run reads the spec again and says the same."""
    return {"made": "nothing", "options": options, "reasons": [str(p) for p in res.problems]}


def _build_task(spec: str, args: tuple):
    """In a worker: the spec rendered; its files written by the worker's finishing
    thread while it renders the next (workers.Later)."""
    from .workers import Later
    begun = build_in_memory(spec, *args)
    return begun if isinstance(begun, Result) else Later(begun)


def _save(record: Record) -> None:
    """The record only saves work: when it cannot be written, say so and go on (the
    next run rebuilds what it would have skipped)."""
    from ..output import describe
    try:
        record.save()
    except (OSError, InputError) as exc:
        why = describe(exc) if isinstance(exc, OSError) else exc.problems[0].message
        print(f"warning: {record.path}: the build record was not written ({why});"
              " the next run rebuilds these specs", file=sys.stderr)
