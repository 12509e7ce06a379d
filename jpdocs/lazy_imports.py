"""Third-party imports made cheap: work they do at import that a run rarely uses.

Installed by the program (generate.py) before anything imports reportlab; not
by `import jpdocs`, as it changes how modules load for the whole process. Each saves 5–20 ms of a cold
start of ~0.35 s, and loads in full the first time it is really used:

- HarfBuzz (uharfbuzz): reportlab.pdfbase.ttfonts imports it in case a font is
  shaped; the PDF writer never shapes (it places glyphs itself, composer.py),
  and the DOCX writer reads its fonts' names itself (fonts/names.py).
- urllib.request: xml.sax.saxutils imports it (with http.client and ssl) for a
  function that opens URLs; jpdocs only escapes text with it.
- PIL.Image: reportlab.lib.utils imports it for images; only a logo uses it.
- importlib.metadata (and the email package it reads metadata with): libraries
  import `entry_points` or `version` from it at their import (pydantic did, to look
  for plugins), for what a build rarely asks. The names imported from it stand in
  for the functions until the module runs (FORWARDED).
- fontTools.ttLib, when pypdf is imported (the release, attachments, PDF/A): pypdf
  imports its TTFont class to read the fonts embedded in a PDF for text extraction,
  which jpdocs does not do (~8 ms). pypdf only calls TTFont, so it gets a stand-in
  that calls the real class (FORWARDED).
- inspect (with dis, tokenize and linecache, ~4 ms): dataclasses imports it to
  write a signature as the docstring of a class that has none, reportlab's safe
  eval and Jinja to inspect callables they are given (Jinja's filters import
  getattr_static from it: FORWARDED); a build gives none, and every dataclass of
  jpdocs on a build's path has a docstring (tests/test_speed_paths.py keeps it so).
- tempfile (~1.5 ms): Jinja's bytecode cache and reportlab's temporary folder
  import it for files a build never makes (atomic.py makes its own).
- reportlab's safe eval and ast (~3 ms): reportlab.lib.utils imports their
  functions (FORWARDED) for colour strings and document-template expressions,
  which jpdocs never gives it.
- ipaddress (~1 ms): urllib.parse imports it (pathlib imports urllib.parse) to
  check a URL's bracketed IPv6 host, which a build never parses.
- secrets (imported for comparing secret strings), and difflib: the spec checks
  import it for their did-you-mean suggestions, made only for a spec with
  mistakes (~1 ms together).
- Jinja's lexer, parser and compiler (~4 ms, with the compiler's helpers and the
  lexer's identifier pattern): its environment imports them to compile templates,
  and a build's templates come compiled from the bytecode cache (templating.py);
  only a template new or changed since compiles. They are deferred as the
  environment is imported (DEFER_BEFORE), its names of them FORWARDED.
- urllib.parse (~1 ms): pathlib, reportlab and Jinja import functions of it
  (FORWARDED) for URLs, file URIs and a filter a build never uses; random (~1 ms,
  with its seeding hash): Jinja's lorem ipsum and `random` filter; glob:
  reportlab's search for Type 1 font files (a notice embeds TrueType fonts).
- bz2 and lzma (~1.5 ms): shutil and zipfile import them in case an archive is
  compressed so; traceback (with linecache, tokenize and textwrap, ~2 ms):
  logging (which reportlab imports) formats exceptions with it, and a build's
  internal error (build/batch.py) names its place with it.
- logging (~0.5 ms, 3 M instructions): reportlab's frames and doc templates each take a
  logger at their import for debug messages, written only when a frame or template is
  made with `_debug` (jpdocs never does). Their `logging.getLogger(name)` gives a
  logger that makes the real call at its first use (DEFERRED_CALLS); anything else
  of logging runs the module.
- reportlab.lib.validators (with normalDate, ~1 ms): reportlab's tables check a
  style's rounded corners with one of its validators (FORWARDED), which a
  notice's tables never set.
- python-docx's image header readers (docx.image: BMP, GIF, JPEG, PNG, TIFF, ~1 ms,
  deferred as docx.api is imported): its package imports them for the pictures a
  DOCX embeds, which most documents have none of; docx.image.image, which the
  package's parts name, is imported as before, and runs them when it first reads a picture.
- reportlab's paragraph parser (reportlab.platypus.paraparser, with html.parser and
  html.entities, ~20 M instructions: its table of ~2,000 Greek and entity names made
  at import): reportlab's Paragraph parses its text with it, but jpdocs hands every
  paragraph its frags made (writers/composer.py, whose ParaFrag is jpdocs's own, the
  same bag), so a build that sets no paragraph through reportlab's markup never runs
  it. Deferred as reportlab.platypus.paragraph is imported (DEFER_BEFORE: the package
  is loaded by then), its names FORWARDED (a stand-in also answers isinstance and
  attribute reads by running the module) and its `__all__` given (STAR), which the
  package's `from .paraparser import *` reads.
- Two patterns compiled at import, which compile the first time they are matched:
  reportlab.platypus.paragraph's `uri_pat` for recognising URLs in paragraph text
  (IGNORECASE over most of Unicode: ~20 ms; jpdocs draws no auto-linked URLs), and
  yaml.reader's NON_PRINTABLE (~5 ms), used by the pure-Python YAML reader, which
  reads only a spec that libyaml could not (source.py), to explain what is wrong.

pyHanko is not here: a build does not import it at all, since the agreement's
empty signature fields are written by jpdocs (pdf/sig_fields.py); only signing
(`sign`) loads it. (Until then the build imported the part of pyHanko that adds
fields, with pyhanko.sign and pyhanko_certvalidator deferred by `defer` where
they were used: their __init__ import every signer and the certificate validator.)
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
import types

from . import lazy_fontdata

# module → the start of the pattern it compiles at import that waits for its first use
DEFERRED = {
    "reportlab.platypus.paragraph": r"(^(?:[a-z0-9\.\-\+]*)://)",
    "yaml.reader": "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF",
}


class _LazyPattern:
    """A compiled pattern that compiles on first use."""

    def __init__(self, pattern: str, flags: int):
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


class _DeferringFinder:
    """Finds the modules of DEFERRED as usual and runs each with re.compile
    deferring its pattern (only while the module body runs); and reportlab's data
    of the standard fonts, run with that data pending (lazy_fontdata.py). (A finder
    of sys.meta_path needs only find_spec: importlib.abc costs 17 ms to import.)"""

    def find_spec(self, fullname, path, target=None):
        for name in DEFER_BEFORE.get(fullname, ()):
            defer(name)
        start = DEFERRED.get(fullname)
        if start is None and fullname != lazy_fontdata.MODULE:
            return None
        sys.meta_path.remove(self)               # let the real finders find it
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module
        if start is None:
            spec.loader.exec_module = lambda module: lazy_fontdata.run(module, run)
            return spec

        def exec_module(module):
            real = re.compile

            def compile_(pattern, flags=0):
                if isinstance(pattern, str) and pattern.startswith(start):
                    return _LazyPattern(pattern, flags)
                return real(pattern, flags)
            re.compile = compile_
            try:
                run(module)
            finally:
                re.compile = real
        spec.loader.exec_module = exec_module
        return spec


# names that modules import *from* a deferred module (`from m import f`) at their own
# import: a stand-in (_StandIn) that runs the module at its first use and gives the real f
FORWARDED = {"importlib.metadata": ("entry_points", "version", "distribution", "distributions"),
             "fontTools.ttLib": ("TTFont",), "inspect": ("getattr_static",),
             "reportlab.lib.rl_safe_eval": ("rl_safe_exec", "rl_safe_eval", "safer_globals", "rl_extended_literal_eval"),
             "ast": ("literal_eval",),
             "jinja2.compiler": ("CodeGenerator", "generate"), "jinja2.parser": ("Parser",),
             "jinja2.lexer": ("get_lexer", "Lexer", "TokenStream"),
             "random": ("choice", "randrange"), "glob": ("glob",),
             "urllib.parse": ("quote_from_bytes", "unquote", "urlparse"),
             "reportlab.lib.validators": ("isListOfNumbersOrNone",),
             "reportlab.platypus.paraparser": ("ParaFrag", "ParaParser", "_PCT", "_num", "_re_us_value")}

# a deferred module's `__all__`, for `from m import *` (which reads it) while m has not
# run: reportlab.platypus's __init__ star-imports the parser (tests/test_speed_paths.py
# checks it against the module's own)
STAR = {"reportlab.platypus.paraparser": ("ParaFrag", "ParaParser")}

# functions of a deferred module whose call, while the module has not run, gives an
# object that makes the real call when it is first used (_DeferredResult): reportlab's
# modules take a logger at their import, and use it only when debugging
DEFERRED_CALLS = {"logging": ("getLogger",)}

# modules deferred when another is first imported, for that one's sake
DEFER_BEFORE = {"pypdf": ("fontTools.ttLib",), "docx.api": ("docx.image",),
                "jinja2.environment": ("jinja2.compiler", "jinja2.lexer", "jinja2.parser"),
                "reportlab.platypus.paragraph": ("reportlab.platypus.paraparser",)}


_RUNNING = threading.RLock()


class _Deferred(types.ModuleType):
    """A module whose code has not run yet: the first attribute read that it lacks
    (PEP 562 `__getattr__`), or set, runs it in this same object, which is then a
    plain module. One object before and after, so what sets an attribute on it
    (images.py: PIL's MAX_IMAGE_PIXELS) sets the module's own. (importlib's
    LazyLoader does not do here: an `import` statement of a module already in
    sys.modules reads its `__spec__`, and with LazyLoader that alone runs it.)"""

    def _run(self):
        with _RUNNING:                      # one thread runs it; another waits, then finds it run
            if type(self) is not _Deferred:
                return
            types.ModuleType.__setattr__(self, "__class__", types.ModuleType)
            try:
                self.__spec__.loader.exec_module(self)
            except BaseException:           # as a failed import: not left half-made in sys.modules
                if sys.modules.get(self.__name__) is self:
                    del sys.modules[self.__name__]
                raise
            _replace_stand_ins(self)

    def __getattr__(self, attr):
        if attr == "__path__" and self.__spec__.submodule_search_locations is None:
            # `from m import f` asks whether m is a package first; a module that is
            # not has no __path__, and asking is no use of it
            raise AttributeError(attr)
        _Deferred._run(self)
        return getattr(self, attr)

    def __setattr__(self, attr, value):
        if isinstance(value, types.ModuleType) and value.__name__ == f"{self.__name__}.{attr}":
            # the import system naming a submodule on its package: the package's
            # own code need not run for that (a submodule can be imported without
            # its deferred package's __init__)
            types.ModuleType.__setattr__(self, attr, value)
            return
        _Deferred._run(self)
        setattr(self, attr, value)


class _StandIn:
    """What `from m import name` gives while m has not run: calling it runs m and
    calls the real object. Not a function: a class attribute holding it (Jinja's
    Environment.code_generator_class) is read as the real object would be, a class
    as a class, a function as a method."""

    def __init__(self, module: types.ModuleType, attr: str):
        self._module, self._attr = module, attr
        self.__name__ = self.__qualname__ = attr

    def __call__(self, *args, **kwargs):
        return _real(self._module, self._attr)(*args, **kwargs)

    def __get__(self, obj, objtype=None):
        real = _real(self._module, self._attr)
        get = getattr(type(real), "__get__", None)
        return real if get is None else get(real, obj, objtype)

    def __mro_entries__(self, bases):
        # a class statement given the stand-in of a class as a base (PEP 560)
        # derives from the real class
        return (_real(self._module, self._attr),)

    def __instancecheck__(self, instance):
        # isinstance(x, stand-in of a class), which Python asks the stand-in's type
        return isinstance(instance, _real(self._module, self._attr))

    def __getattr__(self, name):
        # an attribute of the object it stands for (a pattern's match); not the
        # special names other code probes objects for (__wrapped__, __signature__ …)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(self._module, self._attr), name)


class _DeferredCall(_StandIn):
    """A stand-in whose call, while its module has not run, is itself deferred: it
    gives a _DeferredResult. Once the module has run, the real function is called."""

    def __call__(self, *args, **kwargs):
        if isinstance(self._module, _Deferred):
            return _DeferredResult(self, args, kwargs)
        return _real(self._module, self._attr)(*args, **kwargs)


class _DeferredResult:
    """What a deferred call gives: its first attribute read or set runs the module,
    makes the call, and from then on every attribute is the real result's."""

    __slots__ = ("_call", "_result")

    def __init__(self, call: _DeferredCall, args: tuple, kwargs: dict):
        object.__setattr__(self, "_call", (call, args, kwargs))

    def _real_result(self):
        try:
            return object.__getattribute__(self, "_result")
        except AttributeError:
            call, args, kwargs = object.__getattribute__(self, "_call")
            result = _real(call._module, call._attr)(*args, **kwargs)
            object.__setattr__(self, "_result", result)
            return result

    def __getattr__(self, attr):
        return getattr(_DeferredResult._real_result(self), attr)

    def __setattr__(self, attr, value):
        setattr(_DeferredResult._real_result(self), attr, value)

    def __repr__(self):
        return repr(_DeferredResult._real_result(self))


def _forwarder(module: types.ModuleType, attr: str) -> _StandIn:
    stand_in = _StandIn(module, attr)
    _STAND_INS.setdefault(module.__name__, []).append((stand_in, attr))
    return stand_in


def _real(module: types.ModuleType, attr: str):
    if isinstance(module, _Deferred):
        _Deferred._run(module)              # (its code replaces the stand-in with the real object)
    real = getattr(module, attr)
    if isinstance(real, _StandIn):          # a name the module (another version of it) does not define
        raise AttributeError(f"module {module.__name__!r} has no attribute {attr!r}")
    return real


# module name → its stand-ins, each with the name it stands for
_STAND_INS: dict[str, list[tuple[_StandIn, str]]] = {}


def _replace_stand_ins(module: types.ModuleType) -> None:
    """Once `module` has run, the stand-ins that other modules imported from it
    become the real objects in those modules' globals: a class imported as a stand-in
    is a class again (isinstance; Jinja's environment checks a token stream against
    its TokenStream). Looked for under the names they stand for (a name imported
    under another, pathlib's urlquote_from_bytes, keeps its stand-in, which works
    as well): a look-up or two per module, when a module with stand-ins runs."""
    stand_ins = _STAND_INS.pop(module.__name__, None)
    if not stand_ins:
        return
    for other in list(sys.modules.values()):
        if not isinstance(other, types.ModuleType) or isinstance(other, _Deferred):
            continue
        namespace = other.__dict__
        for stand_in, attr in stand_ins:
            if namespace.get(attr) is stand_in:
                namespace[attr] = module.__dict__.get(attr, stand_in)


def defer(name: str) -> None:
    """Put module `name` in sys.modules (and on its parent package) with its code
    not run yet (_Deferred); nothing if it is imported already, or if the program
    did not install() deferring (jpdocs used as a library leaves its host's imports
    alone)."""
    if name in sys.modules or not any(isinstance(f, _DeferringFinder) for f in sys.meta_path):
        return
    parent_name, _, child = name.rpartition(".")
    parent = importlib.import_module(parent_name) if parent_name else None
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return                                   # not installed: the importer copes
    module = importlib.util.module_from_spec(spec)
    for attr in FORWARDED.get(name, ()):
        module.__dict__[attr] = _forwarder(module, attr)
    if name in STAR:
        module.__dict__["__all__"] = STAR[name]
    for attr in DEFERRED_CALLS.get(name, ()):
        stand_in = module.__dict__[attr] = _DeferredCall(module, attr)
        _STAND_INS.setdefault(name, []).append((stand_in, attr))
    module.__class__ = _Deferred
    sys.modules[name] = module
    if parent is not None:
        setattr(parent, child, module)


def install() -> None:
    if not any(isinstance(f, _DeferringFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferringFinder())
    for name in ("uharfbuzz", "urllib.request", "PIL.Image", "importlib.metadata", "secrets", "difflib", "inspect",
                 "ipaddress", "tempfile", "reportlab.lib.rl_safe_eval", "ast", "urllib.parse", "random", "glob",
                 "bz2", "lzma", "traceback", "reportlab.lib.validators", "logging"):
        defer(name)
