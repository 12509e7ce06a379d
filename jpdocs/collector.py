"""Python's cycle collector, paused while the program starts (issue #17).

A cold run makes some 300,000 objects that live until the process ends: modules,
classes, the schema's checks, the fonts' metrics. The collector's passes over them
while they are made freed nothing and cost 35–50 ms of a 0.3 s press notice, and
the passes of the interpreter's shutdown over them another 50 ms.

So generate.py pauses the collector (`pause`), and it is resumed (`resume`) where a
template is first rendered (a template may be a user's, and hostile: its garbage
must be collected), and wherever a process goes on to more than one piece of work
(the batch's workers, `check` from its second spec, the annual overview, the app):
what exists by then is frozen first (gc.freeze), so that later passes skip it. At
the end the program freezes everything (`at_exit`), so that the shutdown's
collections do not walk it. A library user's process is never touched: resume does
nothing unless the program paused. Apart from that, `held_off` holds the collector
off while a writer lays out one document, and `call_held_off` until the layout is
let go as well.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

_paused = False
_freezes = False      # this process freezes what lasts (resume, freeze): lasting() joins in


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    global _paused, _freezes
    if _paused:
        _paused = False
        _freezes = True
        gc.freeze()
        gc.enable()


def freeze() -> None:
    """Freeze what exists now, for a process that goes on to build spec after spec
    (a batch worker after its start), and what lasting() makes later with it."""
    global _freezes
    _freezes = True
    gc.freeze()


@contextmanager
def held_off():
    """The collector held off while a writer lays out and writes a document. Every
    object the layout makes and keeps to its end (flowables, lines, frags, the PDF's
    objects: tens of thousands a notice) was otherwise traced by several collections
    as it aged, none of it garbage before the end: a tenth of a notice's time in a
    batch. The collector runs again after it (the next allocations start one), and
    was held off only if it was running. Documents are bounded by the model (the
    templates, which a user may write, run before, with the collector on)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def call_held_off(work, *args):
    """work(*args) with the collector held off (held_off), resumed once work has
    returned. By then work's frame is gone, and with it every object of the layout
    that no cycle keeps: the collection that the next allocation starts traces only
    what is still alive (what caches keep, the few objects left in cycles), where
    one started inside, with the layout still referenced, traced all of it, kept it
    a generation older and freed it a collection later: the collections of a warm
    batch of different notices took ~1 ms a notice, now ~0.5 (of ~20)."""
    with held_off():
        return work(*args)


def lasting(make):
    """`make()`, for objects that then live as long as the process: a font's tables,
    read where a document first draws with it (fonts/cache.py), 50,000 objects in two
    big lists and two dicts. Made with the collector held off (its passes while they
    are made would walk the half-made lists and free nothing), and frozen if the
    process freezes what lasts (the program once it resumed the collector, a batch
    worker after its start), as the fonts read at the start are: else every later
    pass walks the 28,000 items of a font's lists again. The freeze takes in what
    else is alive at that moment, a document being built, once per font and
    process; that document's objects are still freed by their counts."""
    with held_off():
        made = make()
        if _freezes:
            gc.freeze()
        return made


def at_exit() -> None:
    """Before the interpreter shuts down: everything left is freed by the operating
    system as the process ends, not walked by the shutdown's collections."""
    gc.freeze()


def exit_now(code: int) -> None:
    """End the program's process with `code` once its work is done, as the
    interpreter's own shutdown would, without its last step: taking apart every
    module and object one by one (~10 ms of a 0.3 s run), which the operating
    system does at once. What the shutdown does that matters is done first: the
    exit handlers run (atexit: the compiled-code cache saved, temporary folders
    removed, coverage data written) and the standard streams are flushed (a failed
    flush exits 120, as Python does). Returns, leaving it all to the interpreter,
    while a thread other than a daemon still runs (Python waits for it) or under a
    profiler or tracer (cProfile, coverage, pyinstrument write their results
    after the program returns)."""
    import atexit
    import os
    import sys
    import threading
    if not isinstance(code, int) or sys.getprofile() is not None or sys.gettrace() is not None:
        return                      # (sys.exit gives None and a message their own meanings)
    main = threading.main_thread()
    if any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:
            code = code or 120
    os._exit(code)
