"""Building many specs: in parallel, incrementally, one failure never stopping the rest.

The parent process decides what to build (record.py: a spec whose inputs have not
changed since its last successful build is skipped), hands the rest to a pool of
worker processes and reports. Each worker loads the fonts, the house style and the
compiled templates once (`_init_worker`) and then builds spec after spec; on Linux
workers are forked, which costs ~70 ms a worker against ~340 ms spawned. One spec,
or --jobs 1, is built in this process: a pool would only add its start-up.

Every file is written atomically (output.py) and the record only after the files
of a spec are in place, so a run killed at any moment leaves complete files, and
the next run builds what the record does not show as done.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem
from .record import Hasher, Record, options_key

SAVE_EVERY = 1.0       # seconds between record writes during a run (and once at the end)


@dataclass
class Result:
    spec: str
    status: str                          # built | unchanged | failed
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
    # Ctrl-C reaches the whole process group; the parent alone handles it (cancels
    # what is queued), and a worker finishes the spec it is writing, then exits.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from . import build, fonts, templating
        from .style import load_style
        style = load_style(style_override)
        fonts.register(style)
        fonts.fallback_names(style)
        env = templating.environment(templating.TEMPLATES, style.digits, style.dates, style.times)
        for kind in build.KINDS:
            env.get_template(kind.template)
        if "pdf" in formats:
            from .writers import pdf  # noqa: F401
        if "docx" in formats:
            from .writers import docx  # noqa: F401
    except Exception:
        pass       # a broken style or template is reported per spec, with its file and line


def build_one(spec: str, out_root: str, formats: tuple, style_override: str | None,
              force: bool = False, extra: dict | None = None) -> Result:
    """Build one spec; never raises (a failure is a Result). `extra` holds the other
    build options (templates, copies, pdfa, kinds), passed on to build.build."""
    global _hasher
    from .build import build, style_for
    from .record import input_files
    from .spec import load_spec
    _hasher = _hasher or Hasher()
    override = Path(style_override) if style_override else None
    extra = extra or {}
    try:
        loaded = load_spec(spec)
        style = style_for(loaded, override)
        options = options_key(formats, style_override, extra)
        inputs = input_files(loaded, style, formats, extra.get("templates"), extra.get("kinds"))
        digest = _hasher.digest(Path(spec), inputs, options)   # before building: what was read
        written = build(loaded, Path(out_root), formats, override, force=force, **extra)
        entry = {"digest": digest, "options": options, "inputs": [str(p) for p in inputs],
                 "outputs": [str(Path(w).relative_to(out_root)) for w in written],
                 "warnings": [[w.file, w.line, w.key, w.message] for w in loaded.warnings]}
        return Result(spec, "built", [str(w) for w in written], entry, warnings=loaded.warnings,
                      notes=loaded.notes)
    except InputError as exc:
        return Result(spec, "failed", problems=exc.problems)
    except OSError as exc:     # outside the writes, which say more (output.write_outputs)
        from .output import describe
        return Result(spec, "failed", problems=[Problem(str(exc.filename or spec), None, "", describe(exc))])
    except Exception as exc:   # a bug must not stop the other specs; say where it was
        where = traceback.extract_tb(exc.__traceback__)[-1]
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
        self.counts = {"built": 0, "unchanged": 0, "failed": 0}
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
                              f" failed {self.counts['failed']}  {rate:.0f}/s ")
            self.stream.flush()
        elif result.status != "unchanged" or verbose_unchanged:
            print(f"{result.status}: {result.spec}", file=self.stream, flush=True)

    def close(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def run(specs: list[Path], out_root: Path, formats=("pdf", "docx"), style_override: Path | None = None,
        force: bool = False, jobs: int | None = None, progress_stream=None,
        extra: dict | None = None) -> dict[str, list[Result]]:
    """Build every spec that needs it; returns the results by status."""
    out_root = Path(out_root)
    record, hasher = Record(out_root), Hasher()
    extra = dict(extra or {})
    options = options_key(formats, style_override, extra)
    style_arg = str(style_override) if style_override else None
    results: dict[str, list[Result]] = {"built": [], "unchanged": [], "failed": []}
    progress = Progress(len(specs), progress_stream)
    todo = []
    for spec in specs:
        if not force and record.is_current(spec, options, hasher):
            res = Result(str(spec), "unchanged", warnings=record.warnings(spec))   # they still stand
            results["unchanged"].append(res)
            progress.add(res)
        else:
            todo.append(str(spec))
    jobs = max(1, min(jobs or default_jobs(), len(todo)))
    last_save = time.monotonic()

    def take(res: Result) -> None:
        nonlocal last_save
        results[res.status].append(res)
        record.update(Path(res.spec), res.entry if res.status == "built" else None)
        if res.status == "built" and time.monotonic() - last_save > SAVE_EVERY:
            _save(record)
            last_save = time.monotonic()
        progress.add(res)

    try:
        if jobs == 1:
            for spec in todo:
                take(build_one(spec, str(out_root), tuple(formats), style_arg, force, extra))
        elif todo:
            pool = ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_init_worker,
                                       initargs=(tuple(formats), style_arg))
            try:
                futures = {pool.submit(build_one, s, str(out_root), tuple(formats), style_arg, force, extra): s for s in todo}
                for fut in as_completed(futures):
                    try:
                        take(fut.result())
                    except Exception as exc:     # a worker died (killed, out of memory)
                        take(Result(futures[fut], "failed",
                                    problems=[Problem(futures[fut], None, "", f"worker failed: {exc!r}")]))
            except BaseException:
                # Ctrl-C: stop at once rather than wait for the queued specs (`with`
                # would); what was written is complete and the record says so.
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
    finally:
        progress.close()
        if results["built"] or record.dirty:
            _save(record)
    return results


def _save(record: Record) -> None:
    """The record only saves work: when it cannot be written, say so and go on (the
    next run rebuilds what it would have skipped)."""
    try:
        record.save()
    except OSError as exc:
        from .output import describe
        print(f"warning: {record.path}: the build record was not written ({describe(exc)});"
              " the next run rebuilds these specs", file=sys.stderr)
