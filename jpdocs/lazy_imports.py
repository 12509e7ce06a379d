"""Two third-party imports made cheap: work they do at import that a run rarely uses.

Installed when the package is imported (jpdocs/__init__.py), before anything
imports reportlab, so every entry point gets it:

- reportlab.pdfbase.ttfonts imports HarfBuzz (uharfbuzz, ~8 ms) in case a font is
  shaped; the PDF writer never shapes (it places glyphs itself, composer.py). The
  module is bound lazily: it loads when something first uses it (the DOCX writer's
  font measurements, ooxml.py), not when reportlab mentions it.
- reportlab.platypus.paragraph compiles, at import, a pattern for recognising URLs
  in paragraph text (`uri_pat`, a third of a Unicode range under IGNORECASE: ~20 ms,
  a tenth of a cold run). jpdocs draws no auto-linked URLs; the pattern is compiled
  the first time it is matched, if ever.
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import re
import sys
import types

_URI_PATTERN_START = r"(^(?:[a-z0-9\.\-\+]*)://)"


class _LazyPattern:
    """A compiled pattern that compiles on first use."""

    def __init__(self, pattern: str, flags: int):
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


class _ParagraphFinder(importlib.abc.MetaPathFinder):
    """Finds reportlab.platypus.paragraph as usual and runs it with re.compile
    deferring the URL pattern (only while the module body runs)."""
    NAME = "reportlab.platypus.paragraph"

    def find_spec(self, fullname, path, target=None):
        if fullname != self.NAME:
            return None
        sys.meta_path.remove(self)               # once; and let the real finders find it
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            real = re.compile

            def compile_(pattern, flags=0):
                if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
                    return _LazyPattern(pattern, flags)
                return real(pattern, flags)
            re.compile = compile_
            try:
                run(module)
            finally:
                re.compile = real
        spec.loader.exec_module = exec_module
        return spec


def _lazy(name: str) -> None:
    """Put a stand-in for module `name` in sys.modules that imports the real one at
    its first attribute (PEP 562 `__getattr__`), then takes on its contents.
    (importlib's LazyLoader does not do: an `import` statement of a module already
    in sys.modules reads its `__spec__`, and that alone loads it.)"""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return                                   # not installed: the importer copes
    stub = types.ModuleType(name)
    stub.__spec__ = spec

    def __getattr__(attr):
        if sys.modules.get(name) is stub:
            del sys.modules[name]
        real = importlib.import_module(name)
        stub.__dict__.update(real.__dict__)      # later look-ups are direct
        return getattr(real, attr)
    stub.__getattr__ = __getattr__
    sys.modules[name] = stub


def install() -> None:
    if "reportlab.platypus.paragraph" not in sys.modules and \
            not any(isinstance(f, _ParagraphFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _ParagraphFinder())
    _lazy("uharfbuzz")
