"""reportlab's data of the 14 standard PDF fonts, read when a standard font is used.

reportlab.pdfbase._fontdata imports, at its import, the glyph widths of the 14
standard fonts and the glyph names of 7 encodings: 21 modules of data (~11 M
instructions, some 1.5% of a cold press notice), for fonts jpdocs never draws with
(it embeds TrueType fonts). Run through lazy_imports (its finder calls `run` for
that module), _fontdata finds those 21 modules as stand-ins holding their data
pending (_Pending), and afterwards:

- its tables `widthsByFontGlyph` and `encodings` read a font's or an encoding's
  data (importing its module) when it is looked up: pdfmetrics reads them only so
  (`widthsByFontGlyph[name]`, `encodings[name]`), and anything else done with a
  table (its values, a copy) reads all of it first;
- its names of the encodings (WinAnsiEncoding …) are read through the module's
  `__getattr__`, which imports the encoding's module.

Should _fontdata do more with the data at its import than put it in tables (a
reportlab other than the one read for this), it runs again as it would have
without this, the data imported.
"""
from __future__ import annotations

import importlib
import sys
import types

MODULE = "reportlab.pdfbase._fontdata"
_PACKAGE = "reportlab.pdfbase."
# each data module → the name of its data
DATA = {f"{_PACKAGE}_fontdata_widths_{face}": "widths"
        for face in ("courier", "courierbold", "courieroblique", "courierboldoblique", "helvetica",
                     "helveticabold", "helveticaoblique", "helveticaboldoblique", "timesroman", "timesbold",
                     "timesitalic", "timesbolditalic", "symbol", "zapfdingbats")}
DATA.update({f"{_PACKAGE}_fontdata_enc_{enc}": name for enc, name in (
    ("winansi", "WinAnsiEncoding"), ("macroman", "MacRomanEncoding"), ("standard", "StandardEncoding"),
    ("symbol", "SymbolEncoding"), ("zapfdingbats", "ZapfDingbatsEncoding"), ("pdfdoc", "PDFDocEncoding"),
    ("macexpert", "MacExpertEncoding"))})
TABLES = ("widthsByFontGlyph", "encodings")


class _Pending:
    """The data of a module not imported yet."""

    def __init__(self, module_name: str, attr: str):
        self.module_name, self.attr = module_name, attr

    def read(self):
        value = getattr(importlib.import_module(self.module_name), self.attr)
        if isinstance(value, _Pending):
            raise AttributeError(f"module {self.module_name!r} has no attribute {self.attr!r}")
        return value


def _read(value):
    return value.read() if isinstance(value, _Pending) else value


class _Reading:
    """A table (a dict) whose pending values are read when looked up; whatever
    else a caller does with it (iterate over its values, copy it) reads them all first."""

    def __getitem__(self, key):
        return _read(super().__getitem__(key))

    def get(self, key, default=None):
        return _read(super().get(key, default))

    def read_all(self):
        for key, value in list(dict.items(self)):
            if isinstance(value, _Pending):
                dict.__setitem__(self, key, value.read())

    def __iter__(self):              # (also makes dict(table) and {**table} look each value up)
        return iter(dict.keys(self))


def _all_read(name):
    def method(self, *args, **kwargs):
        self.read_all()
        return getattr(super(_Reading, self), name)(*args, **kwargs)
    method.__name__ = name
    return method


for _name in ("values", "items", "copy", "pop", "popitem", "setdefault", "__eq__", "__ne__", "__repr__",
              "__reduce__", "__reduce_ex__", "__or__", "__ror__"):
    setattr(_Reading, _name, _all_read(_name))


def _reading(table: dict) -> dict:
    """`table` (a dict, or a subclass of it) as a _Reading table of its class."""
    cls = type(f"Reading{type(table).__name__}", (_Reading, type(table)), {})
    reading = cls()
    dict.update(reading, table)
    return reading


def run(module: types.ModuleType, exec_module) -> None:
    """Run _fontdata's code (exec_module) with its data pending: while it runs, each
    data module not imported yet is a module holding only a _Pending (in sys.modules
    and on the package, where an import finds it; taken away after)."""
    package = sys.modules.get("reportlab.pdfbase")
    placed = {}
    for name, attr in DATA.items():
        if name not in sys.modules:
            placed[name] = types.ModuleType(name)
            placed[name].__dict__[attr] = _Pending(name, attr)
    if not placed or package is None:
        exec_module(module)
        return
    fresh = dict(module.__dict__)
    sys.modules.update(placed)
    for name, placeholder in placed.items():
        setattr(package, name.rpartition(".")[2], placeholder)
    try:
        exec_module(module)
        namespace = module.__dict__
        for table in TABLES:
            namespace[table] = _reading(namespace[table])
        done = True
    except Exception:
        done = False
    finally:
        for name, placeholder in placed.items():
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]
            if package.__dict__.get(name.rpartition(".")[2]) is placeholder:
                delattr(package, name.rpartition(".")[2])
    if not done:
        # not the _fontdata this was written for: run it again, as it would have run
        module.__dict__.clear()
        module.__dict__.update(fresh)
        exec_module(module)
        return
    names = {name: value for name, value in namespace.items() if isinstance(value, _Pending)}
    for name in names:
        del namespace[name]

    def __getattr__(name):
        if name in names:
            value = namespace[name] = names[name].read()
            return value
        raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")
    namespace["__getattr__"] = __getattr__
