"""The shortcuts taken for speed (issue #17) give what the long way gave.

Fonts' parts remembered per glyph set, glyph coverage filtered in C, the DOCX zip
written from python-docx's parts, imports deferred to first use: each is checked
against the long way on real specs and real output.
"""
from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEED_SPEC, seed_pdfs_in_process

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def test_a_glyph_set_remembered_gives_the_bytes_cut_afresh(tmp_path):
    """Notice A, then B, then A again in one process: the second A takes its fonts'
    parts (font file, /W, maps; fonts/cid.py) and its paragraphs' line breaks
    (composition.composed) from the caches and must be byte for byte the first, and
    the same as A built by a fresh process (which cuts every font anew)."""
    from jpdocs.build import batch
    from jpdocs.fonts import registry
    from jpdocs.writers import composer, composition
    a, b = write_specs(tmp_path / "specs", spread_dates(2, seed=17), notice_only=True)
    batch._init_worker(("pdf",), None)
    # the caches emptied first: each is cleared whole when full, and the tests this
    # worker ran before could have filled one to its bound, to be cleared between A's
    # two builds (seen once in a whole run: "cut its fonts anew")
    for font in registry._BY_CONTENT.values():
        font.jp_cid.made.clear()
    composition._COMPOSED.clear()
    composer._WRAPPED.clear()
    first = batch.build_one(str(a), str(tmp_path / "one"), ("pdf",), None)
    assert first.status == "built", first.problems
    assert batch.build_one(str(b), str(tmp_path / "one"), ("pdf",), None).status == "built"

    def kept():
        return {(font.fontName, cids) for font in registry._BY_CONTENT.values() for cids in font.jp_cid.made}
    cached = kept()
    composed = len(composition._COMPOSED)
    again = batch.build_one(str(a), str(tmp_path / "two"), ("pdf",), None)
    assert again.status == "built", again.problems
    # (a glyph set cut anew would be a new key)
    assert kept() == cached, "the second build of A cut its fonts anew: the cache was not used"
    assert composed == len(composition._COMPOSED), "the second build of A composed paragraphs anew"
    pdf = f"{a.stem}/press-notice.pdf"
    assert (tmp_path / "one" / pdf).read_bytes() == (tmp_path / "two" / pdf).read_bytes()
    fresh = subprocess.run([sys.executable, str(ROOT / "generate.py"), str(a), "-o", str(tmp_path / "fresh"),
                            "--format", "pdf"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert fresh.returncode == 0, fresh.stderr
    assert (tmp_path / "fresh" / pdf).read_bytes() == (tmp_path / "two" / pdf).read_bytes()


def _missing_the_long_way(text, fonts, fallbacks):
    """missing_chars as it was written before: a membership test per character and font."""
    from jpdocs.fonts.registry import glyph_map
    codes = set(map(ord, text))
    codes.discard(10)
    maps = [glyph_map(n) for n in fonts]
    absent = {c for c in codes if any(c not in m for m in maps)}
    for name in fallbacks:
        absent = {c for c in absent if c not in glyph_map(name)}
    return [ch for ch in dict.fromkeys(text) if ord(ch) in absent] if absent else []


def test_glyph_coverage_filtered_in_c_finds_what_the_long_way_found():
    from jpdocs.fonts.registry import covers, missing_chars, register
    from jpdocs.spec.style import load_style
    names = sorted(set(register(load_style()).values()))
    # characters some font lacks (Latin in a Japanese font is there; 𠮷, emoji and
    # variation selectors are not), mixed into ordinary Japanese text
    pool = list("報道機関各位北海道オホーツク総合振興局、。「」（）ABCabc123\n　") + ["𠮷", "😀", "\ufe00", "\u0378"]
    rng = random.Random(5)
    found_missing = 0
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        for fonts, fallbacks in ((names, []), (names[:1], names[1:]), ([], names)):
            expected = _missing_the_long_way(text, fonts, fallbacks)
            assert missing_chars(text, fonts, fallbacks) == expected, (text, fonts, fallbacks)
            found_missing += bool(expected)
        line = text.replace("\n", "")        # (a line break is no glyph: check_glyphs takes it apart)
        for name in names:
            assert covers(name, line) == (not _missing_the_long_way(line, [name], [])), line
    assert found_missing > 100       # the samples did reach characters no font has


def test_the_docx_zip_is_the_one_python_docx_saving_and_rewriting_made(tmp_path):
    """document_bytes takes the parts from python-docx instead of saving its zip and
    rewriting it: the bytes must be those the rewrite made."""
    from jpdocs.writers import docx as docx_writer, ooxml_zip
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec

    def the_long_way(document) -> bytes:
        raw, fixed = io.BytesIO(), io.BytesIO()
        document.save(raw)
        with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
            for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
                info = zipfile.ZipInfo(name, ooxml_zip.ZIP_TIME)
                info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
                dst.writestr(info, src.read(name))
        return fixed.getvalue()

    loaded = load_spec(SEED_SPEC)
    style = style_for(loaded)
    made = []
    real = docx_writer.document_bytes

    def both(document):
        made.append((real(document), the_long_way(document)))
        return made[-1][0]
    docx_writer.document_bytes = both
    try:
        for doc in make_documents(loaded, style):
            docx_writer.render_docx(doc, style)
    finally:
        docx_writer.document_bytes = real
    assert len(made) >= 3           # notice, overview sheet, agreement
    for short, long in made:
        assert short == long
        assert zipfile.ZipFile(io.BytesIO(short)).namelist()[0] == "[Content_Types].xml"


PROBE = """
import os, sys
sys.argv = ["generate.py", {spec!r}, "-o", {out!r}, "--kinds", "press-notice", "--format", "pdf", "--force"]
sys.path.insert(0, {root!r})
from jpdocs import lazy_imports; lazy_imports.install()       # as generate.py does
from jpdocs.cli import main
code = main(sys.argv[1:])
loaded = [m for m in ("uharfbuzz._harfbuzz", "http.client", "ssl", "PIL._imaging", "email.message") if m in sys.modules]
loaded += [m for m in ("secrets", "difflib", "inspect", "ipaddress", "tempfile", "reportlab.lib.rl_safe_eval", "ast",
                       "urllib.parse", "random", "glob", "bz2", "lzma", "traceback",
                       "jinja2.compiler", "jinja2.lexer", "jinja2.parser", "reportlab.lib.validators", "logging",
                       "reportlab.platypus.paraparser")
           if type(sys.modules.get(m)).__name__ == "module"]
loaded += [m for m in ("tokenize", "calendar", "signal", "jinja2.idtracking", "jpdocs.build.template_coverage",
                       "jpdocs.content.agreement.text", "xml.sax", "html", "html.parser", "html.entities")
           if m in sys.modules]
import reportlab.platypus.paragraph as paragraph, yaml.reader
print(code, loaded, type(paragraph.uri_pat).__name__, type(yaml.reader.Reader.NON_PRINTABLE).__name__)
print(bool(paragraph.uri_pat.match("https://www.pref.hokkaido.lg.jp/")), bool(paragraph.uri_pat.match("not a url")),
      bool(yaml.reader.Reader.NON_PRINTABLE.search("ok\\x07")))
"""


def test_a_notice_pdf_leaves_unused_libraries_unloaded(tmp_path):
    """HarfBuzz, urllib's HTTP stack, PIL, package metadata, inspect, ipaddress, tempfile, logging and reportlab's safe eval (with ast) are not loaded by a notice PDF,
    nor reportlab's paragraph parser (with html.parser and html.entities),
    nor urllib.parse, random, glob, bz2, lzma, traceback (with tokenize), calendar and signal's enums, nor
    Jinja's lexer, parser and compiler, nor the checks of a user's template against the bundled
    one (build/template_coverage.py) and the agreement's text classes they name, nor xml.sax for its
    escape (writers/tags.py writes the same) (the template comes compiled from the bytecode cache:
    the cache is filled by the first run, and checked in the second); and the two deferred patterns, once used, match as compiled ones do."""
    probe = PROBE.format(spec=str(SEED_SPEC), out=str(tmp_path / "out"), root=str(ROOT))
    env = dict(os.environ, JPDOCS_CACHE=str(tmp_path / "cache"))
    lines = []
    for run in ("fills the caches", "uses them"):
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                                timeout=300, env=env)
        assert result.returncode == 0, result.stderr
        lines.append(result.stdout.splitlines()[-2:])
    assert "'jinja2.compiler', 'jinja2.lexer', 'jinja2.parser'" in lines[0][0], "the first run compiled no template"
    first, second = lines[1]
    assert first == "0 [] _LazyPattern _LazyPattern"
    assert second == "True False True"
    assert (tmp_path / "out" / SEED_SPEC.stem / "press-notice.pdf").is_file()


ATTRIBUTE = {"uharfbuzz": "Blob", "PIL.Image": "open", "urllib.request": "urlopen", "importlib.metadata": "packages_distributions",
             "secrets": "compare_digest", "difflib": "get_close_matches", "inspect": "signature",
             "ipaddress": "ip_address", "tempfile": "gettempdir", "reportlab.lib.rl_safe_eval": "BadCode",
             "ast": "parse", "urllib.parse": "urljoin", "random": "shuffle", "glob": "iglob", "bz2": "BZ2File",
             "lzma": "LZMAFile", "traceback": "format_exc",
             # (deferred as Jinja's environment is imported, by `import jinja2.compiler` here too)
             "jinja2.compiler": "Frame", "jinja2.lexer": "Token", "jinja2.parser": "_statement_keywords",
             "reportlab.lib.validators": "isNumber", "logging": "basicConfig",
             # (deferred as reportlab.platypus.paragraph is imported, by the package's own import here)
             "reportlab.platypus.paraparser": "known_entities"}


def _with_lazy_imports(code: str) -> str:
    """What `code` prints, run in a fresh interpreter after lazy_imports.install() (as
    generate.py runs it); the run must succeed."""
    prelude = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from jpdocs import lazy_imports;"
               " lazy_imports.install()\n")
    result = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("module", sorted(ATTRIBUTE))
def test_a_deferred_module_is_the_real_one_once_used(module):
    """Imported through jpdocs, a deferred module has not run yet; its first
    attribute runs it, and it is then the module itself, in sys.modules and for
    importlib alike."""
    out = _with_lazy_imports(f"import importlib; import {module} as m; print(type(m).__name__); "
                             f"getattr(m, {ATTRIBUTE[module]!r}); "
                             f"print(type(m).__name__, importlib.import_module({module!r}) is m is sys.modules[{module!r}])")
    assert out.split("\n")[:2] == ["_Deferred", "module True"]


def test_reportlabs_logger_taken_before_logging_ran_is_the_real_one_once_used():
    """reportlab's frames and doc templates take a logger at their import; with logging
    deferred that is a deferred call, which makes the real call at its first use: the
    logger is then logging's own (its name, level and handlers), and a message logged
    through it reaches a handler set on the real logger."""
    out = _with_lazy_imports(
        "import reportlab.platypus.frames as frames, reportlab.platypus.doctemplate as dt\n"
        "print(type(sys.modules['logging']).__name__, type(frames.logger).__name__)\n"
        "import logging, io\n"
        "stream = io.StringIO(); logging.getLogger('reportlab.platypus').addHandler(logging.StreamHandler(stream))\n"
        "logging.getLogger('reportlab.platypus').setLevel(logging.DEBUG)\n"
        "frames.logger.debug('drew %s', 'x'); dt.logger.debug('page %d', 2)\n"
        "print(type(sys.modules['logging']).__name__, frames.logger.name, frames.logger.level, repr(stream.getvalue()))\n"
        "print(logging.getLogger is logging.__dict__['getLogger'], type(logging.getLogger('a')).__name__)")
    assert out.splitlines() == ["_Deferred _DeferredResult", "module reportlab.platypus 10 'drew x\\npage 2\\n'",
                                "True Logger"]


def test_an_attribute_set_on_deferred_pil_is_pils_own():
    """images.py lifts PIL's pixel limit by setting Image.MAX_IMAGE_PIXELS: on the
    deferred module that must reach the code of PIL that reads it."""
    out = _with_lazy_imports("from PIL import Image; Image.MAX_IMAGE_PIXELS = 5\n"
                             "try:\n    Image._decompression_bomb_check((10, 10))\n"
                             "except Image.DecompressionBombError:\n    print('refused')")
    assert out.strip() == "refused"


def test_a_font_changed_in_place_is_hashed_again(tmp_path, monkeypatch):
    """The font digest is remembered under the file's identity and times: a font
    rewritten in place with the same size and its old modification time (as a copy
    tool keeping times would leave it) must still get its new digest."""
    import hashlib
    import os
    from jpdocs.files import read_regular_file_stat
    from jpdocs.fonts.cache import content_digest
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path / "cache"))
    font = tmp_path / "font.ttf"
    font.write_bytes((ROOT / "fonts" / "BIZUDGothic-Bold.ttf").read_bytes()[:200_000])
    data, st = read_regular_file_stat(font, 10**9, "font file")
    assert content_digest(lambda: data, st) == hashlib.sha256(data).hexdigest()
    assert list((tmp_path / "cache" / "fonts").glob("*.sha256")), "the digest was not remembered"
    assert content_digest(None, st) == hashlib.sha256(data).hexdigest()       # from the cache, nothing read
    with open(font, "r+b") as fh:
        fh.seek(1000)
        fh.write(b"\xff\xfe")
    os.utime(font, ns=(st.st_atime_ns, st.st_mtime_ns))
    changed, st2 = read_regular_file_stat(font, 10**9, "font file")
    assert (st2.st_size, st2.st_mtime_ns) == (st.st_size, st.st_mtime_ns) and changed != data
    assert content_digest(lambda: changed, st2) == hashlib.sha256(changed).hexdigest()


def test_a_function_imported_from_deferred_metadata_works():
    """A module that imports entry_points or version from importlib.metadata at its own
    import gets a stand-in, which must run the module and give what the real function gives."""
    out = _with_lazy_imports("from importlib.metadata import version, entry_points\n"
                             "import importlib.metadata as md\n"
                             "print(type(md).__name__, version('jinja2'), type(md).__name__, "
                             "entry_points(group='console_scripts') == md.entry_points(group='console_scripts'))")
    import jinja2
    assert out.split() == ["_Deferred", jinja2.__version__, "module", "True"]


JINJA_COMPILING = """
import sys
sys.path.insert(0, {root!r})
from jpdocs import lazy_imports; lazy_imports.install()       # as generate.py does
import jinja2
from jinja2.compiler import CodeGenerator
print([type(sys.modules[m]).__name__ for m in ("jinja2.compiler", "jinja2.lexer", "jinja2.parser")])
class Counting(CodeGenerator):          # a class derived from the stand-in derives from the real class
    made = 0
    def __init__(self, *args, **kwargs):
        Counting.made += 1
        super().__init__(*args, **kwargs)
from jinja2.ext import Extension
class Streaming(Extension):
    def filter_stream(self, stream):
        yield from stream               # a generator: the environment wraps it in its (real) TokenStream
class Env(jinja2.Environment):
    code_generator_class = Counting
env = Env(extensions=[Streaming])
print(env.from_string("{{{{ a }}}}+{{{{ b }}}}").render(a=1, b=2), Counting.made, Counting.__mro__[1] is sys.modules["jinja2.compiler"].CodeGenerator)
from jinja2.nativetypes import NativeEnvironment
print(NativeEnvironment().from_string("{{{{ a + b }}}}").render(a=1, b=2))
import jinja2.environment as environment, jinja2.lexer as lexer
print(environment.TokenStream is lexer.TokenStream, jinja2.Environment.code_generator_class is CodeGenerator is sys.modules["jinja2.compiler"].CodeGenerator)
try:
    jinja2.Environment().from_string("line one\\n{{% if %}}")
except jinja2.TemplateSyntaxError as exc:
    print("syntax error on line", exc.lineno)
"""


def test_templates_compile_with_jinjas_compiler_deferred():
    """Jinja's lexer, parser and compiler are deferred (a notice's template comes
    compiled from the cache): compiling a template runs them, and what imported
    their names before (the environment: CodeGenerator, TokenStream …) then holds
    the real classes, a class derived from a stand-in derives from the real one,
    and a syntax error is still reported with its line."""
    code = JINJA_COMPILING.format(root=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["['_Deferred', '_Deferred', '_Deferred']", "1+2 1 True", "3", "True True",
                                          "syntax error on line 2"]


FONT_DATA = """
import hashlib, io, sys
sys.path.insert(0, {root!r})
if sys.argv[1] == "deferred":
    from jpdocs import lazy_imports; lazy_imports.install()       # as generate.py does
from reportlab.pdfbase import pdfmetrics, _fontdata
loaded = [n for n in sys.modules if n.startswith("reportlab.pdfbase._fontdata_")]
from reportlab.pdfgen.canvas import Canvas
from reportlab import rl_config
pdf = io.BytesIO()
canvas = Canvas(pdf, invariant=1)
for face in ("Helvetica", "Times-BoldItalic", "Courier", "Symbol", "ZapfDingbats"):
    canvas.setFont(face, 12)
    canvas.drawString(72, 700, "Hello, world ÄÖÜ")
canvas.save()
widths = [pdfmetrics.stringWidth("Hello ÄÖÜ", face, 10) for face in _fontdata.standardFonts]
from reportlab.pdfbase._fontdata import MacExpertEncoding, WinAnsiEncoding
rl_config._reset()
widths += [pdfmetrics.stringWidth("Hello ÄÖÜ", face, 10) for face in _fontdata.standardFonts]
seen = repr((widths, sorted(_fontdata.widthsByFontGlyph.items()), sorted(dict(_fontdata.encodings).items()),
             pdfmetrics.getEncoding("MacRomanEncoding").vector, MacExpertEncoding, WinAnsiEncoding,
             _fontdata.SymbolEncoding, pdf.getvalue()))
print(len(loaded), "_Pending" in seen, hashlib.sha256(seen.encode()).hexdigest())
"""


def test_the_standard_fonts_data_is_read_when_used_and_is_reportlabs():
    """reportlab's widths and encodings of the 14 standard fonts (21 modules) are
    not imported with it when imports are deferred (lazy_fontdata.py), and what
    uses them — a PDF drawn in those fonts, their string widths, the encodings and
    their names, reportlab's reset of its tables — gets what it gets without that."""
    code = FONT_DATA.format(root=str(ROOT))
    seen = {}
    for how in ("deferred", "plain"):
        result = subprocess.run([sys.executable, "-c", code, how], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        seen[how] = result.stdout.split()
    assert seen["deferred"][:2] == ["0", "False"] and seen["plain"][:2] == ["21", "False"]
    assert seen["deferred"][2] == seen["plain"][2]


FONT_DATA_USED_AT_IMPORT = """
import sys, types
sys.path.insert(0, {root!r})
import reportlab.pdfbase
from jpdocs import lazy_fontdata
module = types.ModuleType("reportlab.pdfbase._fontdata")
def exec_module(m):                   # a _fontdata that uses an encoding as it is imported
    from reportlab.pdfbase._fontdata_enc_winansi import WinAnsiEncoding
    m.size = len(WinAnsiEncoding)
    m.widthsByFontGlyph, m.encodings = {{}}, {{}}
lazy_fontdata.run(module, exec_module)
print(module.size, type(module.widthsByFontGlyph).__name__, type(sys.modules["reportlab.pdfbase._fontdata_enc_winansi"]).__name__)
"""


def test_font_data_used_as_it_is_imported_is_read_first():
    """A reportlab whose _fontdata uses its data at import (not the one read for
    lazy_fontdata.py) gets it: the module runs again with the data imported."""
    code = FONT_DATA_USED_AT_IMPORT.format(root=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["256", "dict", "module"]


def test_a_function_imported_from_a_deferred_module_is_replaced_once_it_runs():
    """reportlab's tables import a validator from deferred reportlab.lib.validators:
    the stand-in answers as the validator does, and after that first use the tables'
    module holds the validator itself."""
    out = _with_lazy_imports("import reportlab.platypus.tables as tables\n"
                             "before = type(tables.isListOfNumbersOrNone).__name__\n"
                             "print(before, tables.isListOfNumbersOrNone([1, 2.5]), tables.isListOfNumbersOrNone(['x']), "
                             "type(tables.isListOfNumbersOrNone).__name__)")
    assert out.split() == ["_StandIn", "True", "False", "_isListOfNumbersOrNone"]


def test_the_deferred_paragraph_parser_stands_in_as_itself_until_it_runs():
    """reportlab.platypus imports its paragraph parser's names while it is deferred: the
    package's star import takes the parser's own __all__, the paragraph module's stand-ins
    answer a call, an isinstance and a pattern's match as the real objects do (each runs
    it), and are the real objects after; nothing of html is loaded before."""
    out = _with_lazy_imports(
        "import reportlab.platypus as platypus, reportlab.platypus.paragraph as paragraph\n"
        "parser = sys.modules['reportlab.platypus.paraparser']\n"
        "print(type(parser).__name__, 'html.entities' in sys.modules, type(paragraph._PCT).__name__, platypus.ParaFrag.__name__)\n"
        "pct = paragraph._PCT\n"
        "print(isinstance(2.0, pct), type(parser).__name__, isinstance(pct(50), paragraph._PCT), type(pct).__name__)\n"
        "print(paragraph._re_us_value.match('0.5*F').group(2), type(paragraph._re_us_value).__name__)\n"
        "print(type(platypus.ParaFrag).__name__, type(paragraph.ParaParser).__name__, parser.__all__ == ('ParaFrag', 'ParaParser'))\n"
        "import reportlab.platypus.paraparser as real\n"
        "print(sorted(real.__all__) == sorted(lazy_imports.STAR[real.__name__]))")
    assert out.split("\n")[:5] == ["_Deferred False _StandIn ParaFrag", "False module True _StandIn", "F Pattern",
                                    "type type True", "True"]


def test_the_composers_frag_is_reportlabs_bag_under_its_own_name():
    """composer.ParaFrag (so that a build need not run reportlab's parser module) is
    what reportlab's ParaFrag is: an ABag with nothing of its own (copyreg's cache of
    its slots' names aside)."""
    from reportlab.platypus.paraparser import ParaFrag
    from jpdocs.writers import composer
    own = lambda cls: sorted(k for k in vars(cls) if k not in ("__doc__", "__module__", "__qualname__", "__slotnames__"))  # noqa: E731
    assert composer.ParaFrag.__bases__ == ParaFrag.__bases__
    assert own(composer.ParaFrag) == own(ParaFrag) == []


SIGN_AFTER_BUILD = """
import os, sys
sys.path[:0] = [{root!r}, {tests!r}]
from pathlib import Path
from jpdocs import lazy_imports; lazy_imports.install()       # as generate.py does
from jpdocs.cli import main
assert main([{spec!r}, "-o", {out!r}, "--kinds", "agreement", "--format", "pdf"]) == 0
print("pyhanko loaded by the build:", sorted(m for m in sys.modules if m.split(".")[0] in
                                              ("pyhanko", "pyhanko_certvalidator", "asn1crypto", "aiohttp")))
from certs import make_p12
p12, _ = make_p12(Path({out!r}))
os.environ["JPDOCS_P12_PASSWORD"] = "secret"
pdf = Path({out!r}) / {stem!r} / "agreement.pdf"
assert main(["sign", str(pdf), "--field", "甲", "--p12", str(p12), "-o", str(pdf.with_name("signed.pdf"))]) == 0
from jpdocs.pdf.signing import broken_signatures, signature_fields
data = pdf.with_name("signed.pdf").read_bytes()
print("broken:", broken_signatures(data), [(f.name, f.signed) for f in signature_fields(data)])
"""


def test_signature_fields_without_pyhanko_then_signing_in_the_same_process(tmp_path):
    """The agreement's empty signature fields are added without importing pyHanko
    (sig_fields.py writes them); signing afterwards, in the same process, imports
    it and signs the field, the other staying empty."""
    script = SIGN_AFTER_BUILD.format(root=str(ROOT), tests=str(ROOT / "tests"), spec=str(SEED_SPEC),
                                     out=str(tmp_path), stem=SEED_SPEC.stem)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith(("pyhanko", "broken"))]
    assert lines[0] == "pyhanko loaded by the build: []"
    assert lines[1].startswith("broken: [] [('甲', True), ('乙', False)")


def test_importing_jpdocs_as_a_library_leaves_the_hosts_imports_alone():
    """Only the program (generate.py) defers imports: `import jpdocs` in someone
    else's process must not swap their modules for stand-ins."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import jpdocs, jpdocs.spec.load, jpdocs.build.documents\n"
            "from jpdocs.lazy_imports import defer; defer('pyhanko.sign')\n"
            "import PIL.Image, urllib.request, importlib.metadata, pyhanko.sign\n"
            "print([type(m).__name__ for m in (PIL.Image, urllib.request, importlib.metadata, pyhanko.sign)])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['module', 'module', 'module', 'module']"


def test_a_worker_freezes_what_it_loaded_once(tmp_path):
    """A worker's fonts, style and templates are frozen out of the cycle collector's
    walks (batch._init_worker), and the documents built after it are still freed:
    their cycles are young objects, which it still collects."""
    code = """if True:
        import gc, sys
        from jpdocs.build import batch
        sys.path.insert(0, sys.argv[3])
        from specgen import spread_dates, write_specs
        batch._init_worker(("pdf",), None)
        frozen = gc.get_freeze_count()
        specs = write_specs(__import__("pathlib").Path(sys.argv[1]), spread_dates(3, seed=5), notice_only=True)
        for s in specs:
            assert batch.build_one(str(s), sys.argv[2], ("pdf",), None).status == "built"
        gc.collect()
        documents = sum(type(o).__name__ == "PDFDocument" for o in gc.get_objects())
        print(frozen, documents)
    """
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "specs"), str(tmp_path / "out"),
                          str(ROOT / "benchmarks")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    frozen, documents = map(int, out.stdout.split())
    assert frozen > 10_000 and documents == 0


def test_the_collector_is_held_off_during_the_layout_only_and_left_as_found(monkeypatch):
    """writers/pdf.py pauses Python's cycle collector while platypus lays out and
    writes a document: off while paragraphs are drawn, on again after, and left
    off after the build when it was off before (a host that manages it itself)."""
    import gc
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers import drawing, pdf

    seen = []
    real = drawing.draw_lines

    def watched(para):
        seen.append(gc.isenabled())
        return real(para)
    monkeypatch.setattr(drawing, "draw_lines", watched)
    monkeypatch.setattr("jpdocs.writers.composer.draw_lines", watched)
    loaded = load_spec(SEED_SPEC)
    style = style_for(loaded)
    notice = next(d for d in make_documents(loaded, style) if d.kind == "press-notice")
    for before in (True, False):
        (gc.enable if before else gc.disable)()
        try:
            seen.clear()
            data = pdf.render_pdf(notice, style)
            assert data.startswith(b"%PDF") and seen and not any(seen)
            assert gc.isenabled() is before
        finally:
            gc.enable()


def test_the_collector_resumes_only_once_the_layout_is_let_go(monkeypatch):
    """The collection that follows a layout must find the layout gone (freed by
    reference counting as render_pdf_layout returns), not still referenced: one that
    traced it alive only aged its objects for a later collection to trace again
    (collector.call_held_off). Counted, not timed: the young objects when the
    collector is resumed, against those while paragraphs were being drawn (a rebuild,
    whose paragraphs the composer and the story remember, still makes several hundred)."""
    import contextlib
    import gc
    from jpdocs import collector
    from jpdocs.build.documents import make_documents, style_for
    from jpdocs.spec.load import load_spec
    from jpdocs.writers import drawing, pdf

    young = lambda: len(gc.get_objects(generation=0))  # noqa: E731
    while_drawing, at_resume = [], []
    real_draw, real_held_off = drawing.draw_lines, collector.held_off

    def watched(para):
        while_drawing.append(young())
        return real_draw(para)

    @contextlib.contextmanager
    def held_off():
        with real_held_off():
            yield
            at_resume.append(young())          # (still held off: nothing collected yet)
    monkeypatch.setattr("jpdocs.writers.composer.draw_lines", watched)
    monkeypatch.setattr(collector, "held_off", held_off)
    loaded = load_spec(SEED_SPEC)
    style = style_for(loaded)
    notice = next(d for d in make_documents(loaded, style) if d.kind == "press-notice")
    pdf.render_pdf(notice, style)                      # fonts and caches loaded
    gc.collect()
    while_drawing.clear()
    at_resume.clear()
    assert pdf.render_pdf(notice, style).startswith(b"%PDF")
    assert len(at_resume) == 1 and while_drawing
    # (11 at resume now; 1,561 before; a rebuild draws ~960 since its story's flowables are
    # copies of those the story memo made: writers/blocks.py _HouseMemo)
    assert max(while_drawing) > 500, while_drawing
    assert at_resume[0] < max(while_drawing) / 10, (at_resume, max(while_drawing))


def test_a_notice_leaves_almost_no_cyclic_garbage(tmp_path):
    """A PDF's objects are freed by reference counting when its build ends, not left
    to the cycle collector (a class made per document, the held pages' states, the
    template's namespace and a recursive helper each held all of a document's objects
    in a cycle: 1,630 objects a notice went to the collector; now about 66, json's
    encoder closures and the like). Counted, not timed: built with the collector off,
    what it then finds is what only it could free."""
    import gc
    from jpdocs.build import batch
    specs = write_specs(tmp_path / "specs", spread_dates(3, seed=4), notice_only=True)
    batch._init_worker(("pdf", "docx"), None)
    batch.build_one(str(specs[0]), str(tmp_path / "out"), ("pdf", "docx"), None, force=True)   # caches warm
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for spec in specs[1:]:
            res = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf", "docx"), None, force=True)
            assert res.status == "built", res.problems
        found = gc.collect()
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
    assert found < 2 * 200, found            # two notices; 1,630 each before


def test_glyph_checks_with_remembered_characters_find_what_a_fresh_check_found(monkeypatch):
    """check_spec_glyphs and check_glyphs remember the characters they found drawable
    (per set of fonts): on random texts, after any history, they refuse exactly what
    they refuse with nothing remembered."""
    from jpdocs.build import checks, documents
    from jpdocs.content import model
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    loaded = load_spec(SEED_SPEC)
    style = documents.style_for(loaded)
    pool = list("報道機関各位北海道オホーツク総合振興局、。「」（）ABCabc123\n　") + ["𠮷", "😀", "\ufe00", "\u0378"]
    rng = random.Random(11)

    def outcome(check, strings):
        monkeypatch.setattr(checks, "spec_strings", lambda spec: strings)
        doc = model.Document("press-notice", "t", "a", [model.Paragraph([model.Text(t.replace("\n", ""))])
                                                        for _, t in strings])
        try:
            check(loaded, style) if check is checks.check_spec_glyphs else check(doc, style, loaded)
        except InputError as exc:
            return [p.message for p in exc.problems]
        return []
    refused = remembered = 0
    for _ in range(200):
        strings = [(("press_notice", "subject"), "".join(rng.choice(pool) for _ in range(rng.randint(0, 12))))
                   for _ in range(rng.randint(1, 3))]
        for check, memories in ((checks.check_spec_glyphs, (checks._DRAWABLE, checks._COVERED)),
                                (checks.check_glyphs, (checks._HAS, checks._HAS_TEXTS))):
            remembered += bool(memories[0])
            warm = outcome(check, strings)
            for memory in memories:
                memory.clear()
            assert warm == outcome(check, strings), strings
            refused += bool(warm)
    assert refused > 100                         # the samples did reach characters no font has
    assert remembered > 300                      # most checked with characters remembered


def test_characters_found_drawable_are_not_looked_up_again(monkeypatch):
    from jpdocs.build import checks, documents
    from jpdocs.spec.load import load_spec
    loaded = load_spec(SEED_SPEC)
    style = documents.style_for(loaded)
    looked = []
    real = checks.missing_chars
    monkeypatch.setattr(checks, "missing_chars", lambda text, *a: looked.append(text) or real(text, *a))
    checks._DRAWABLE.clear()
    checks._COVERED.clear()            # (whole texts remembered as covered: none yet)
    checks.check_spec_glyphs(loaded, style)
    checks.check_spec_glyphs(loaded, style)
    assert len(looked) == 1


def test_texts_found_drawable_are_not_looked_at_again_and_a_missing_glyph_is_told_each_time(monkeypatch):
    """check_glyphs remembers whole texts found drawable in a font: the second look at a
    document asks nothing of the font, and a text with a character no font has is never
    remembered, so each document that holds it is refused."""
    from jpdocs.build import checks, documents
    from jpdocs.content import model
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    loaded = load_spec(SEED_SPEC)
    style = documents.style_for(loaded)
    doc = model.Document("press-notice", "t", "a", [model.Paragraph([model.Text("報道機関各位、北見")]),
                                                    model.Paragraph([model.Text("北見\u0378")])])
    checks._HAS.clear()
    checks._HAS_TEXTS.clear()
    looked = []
    monkeypatch.setattr(checks, "covers", lambda font, chars: looked.append(chars) or
                        all(c != "\u0378" for c in chars))
    for _ in range(2):
        with pytest.raises(InputError):
            checks.check_glyphs(doc, style, loaded)
    assert "報道機関各位、北見" in set().union(*checks._HAS_TEXTS.values())
    assert not any("\u0378" in t for texts in checks._HAS_TEXTS.values() for t in texts)
    looked.clear()
    checks._HAS.clear()                    # (the characters forgotten: only the texts answer)
    doc.blocks = doc.blocks[:1]
    checks.check_glyphs(doc, style, loaded)
    assert looked == []


def test_finalize_gives_what_markups_replace_gave():
    """templating._finalize replaces newlines with str.replace, and only where there
    are any: the same Markup as Markup.replace made, on values of every kind."""
    from markupsafe import Markup, escape
    from jpdocs.content.markup import LINE_BREAK
    from jpdocs.content.templating import _finalize

    def the_long_way(value):
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        return Markup(escape(str(value).rstrip("\n") if isinstance(value, str) else str(value))
                      .replace("\n", LINE_BREAK))
    rng = random.Random(2)
    pool = list("北海道 <>&\"'\n\r\t　") + [LINE_BREAK, "{{", "%}"]
    values = [None, 0, 12, 1.5, True, Markup("<b>x</b>\n"), "", "\n", "a\n\n", "値\nの\n"]
    values += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) for _ in range(500)]
    for value in values:
        got, expected = _finalize(value), the_long_way(value)
        assert got == expected and type(got) is type(expected), repr(value)


@pytest.mark.parametrize("attribute", ["\ufdd0", "&#xfdd0;", "&#65000;"])
def test_a_line_break_in_an_attribute_is_a_space_however_it_is_written(attribute):
    """markup.parse looks for the line break character in attributes only when the
    markup holds it or a character reference: both ways are found."""
    from jpdocs.content import markup
    doc = markup.parse(f'<document kind="k" title="a{attribute}b"><item marker="(1){attribute}">x</item></document>')
    expected = "a b" if attribute != "&#65000;" else "a\ufde8b"
    assert doc.title == expected
    assert doc.blocks[0].marker == expected.replace("a", "(1)").replace("b", "")
    assert doc.blocks[0].inlines[0].text == "x"


def test_a_text_frame_copies_as_deepcopy_copied_a_frame(tmp_path, monkeypatch):
    """The frames the documents are laid out in are TextFrames, and what
    KeepTogether's measuring copies (flowables._listWrapOn) is what deepcopy made:
    the same values, its own lists, the original untouched; a frame holding frame
    backgrounds is deep-copied as before."""
    import copy
    from reportlab.platypus import flowables
    from jpdocs.build import batch
    from jpdocs.writers.frame import TextFrame
    copied = []
    real = flowables.deepcopy

    def watch(x, memo=None):
        expected = {k: copy.deepcopy(v) for k, v in x.__dict__.items()}    # value by value, as deepcopy did
        got = real(x, memo)
        assert type(got) is TextFrame and got is not x
        assert got.__dict__ == expected
        assert all(v is not x.__dict__[k] for k, v in got.__dict__.items() if isinstance(v, list))
        copied.append(type(x))
        return got
    monkeypatch.setattr(flowables, "deepcopy", watch)
    # (placing.py measures the notice's groups without the copy: measured by _listWrapOn here)
    from jpdocs.writers import placing
    monkeypatch.setattr(placing, "_frame_blind", lambda f: False)
    batch._init_worker(("pdf",), None)
    res = batch.build_one(str(SEED_SPEC), str(tmp_path), ("pdf",), None, extra={"kinds": ("press-notice",)})
    assert res.status == "built", res.problems
    assert copied and set(copied) == {TextFrame}
    frame = TextFrame(10, 20, 300, 400, id="x")
    frame._frameBGs = [([1, 2], "bg")]                              # backgrounds being drawn
    deep = copy.deepcopy(frame)
    assert deep._frameBGs == frame._frameBGs and deep._frameBGs[0][0] is not frame._frameBGs[0][0]


def test_a_text_frame_answers_generated_content_as_a_frame(tmp_path, monkeypatch):
    """TextFrame's class default for `_generated_content` (None, where a Frame's
    __getattr__ raised for getattr's default) gives reportlab's steps the same answers
    as a Frame: none at first, the content a flowable added taken by
    _addGeneratedContent and none after, a measuring copy's set and deleted; and the
    seed's documents are the same bytes without the default."""
    import copy
    from reportlab.platypus import Frame
    from reportlab.platypus.doctemplate import _addGeneratedContent
    from jpdocs.build import batch
    from jpdocs.writers.frame import TextFrame
    for kind in (Frame, TextFrame):
        frame = kind(10, 20, 300, 400)
        assert getattr(frame, "_generated_content", None) is None
        frame.add_generated_content("a", "b")
        flowables = ["c"]
        _addGeneratedContent(flowables, frame)
        assert flowables == ["a", "b", "c"] and getattr(frame, "_generated_content", None) is None
        measuring = copy.deepcopy(frame)             # (as flowables._listWrapOn does)
        measuring._generated_content = None
        del measuring._generated_content
        assert getattr(measuring, "_generated_content", None) is None
        _addGeneratedContent(flowables, frame)
        assert flowables == ["a", "b", "c"]
    batch._init_worker(("pdf",), None)
    default = seed_pdfs_in_process(tmp_path / "default")
    monkeypatch.delattr(TextFrame, "_generated_content")
    assert seed_pdfs_in_process(tmp_path / "raised") == default and len(default) >= 3


def test_the_glyph_checks_texts_are_the_spec_strings_without_their_paths():
    """check_spec_glyphs looks at spec_texts first (no key paths made): it must hold
    every string spec_strings finds, in the same order, for every real case and
    bundled spec, or a character no font has could pass unseen."""
    from jpdocs.content.locate import spec_strings, spec_texts
    from jpdocs.spec.load import load_spec
    paths = [p for p in sorted((ROOT / "tests" / "data" / "real").glob("*.yaml")) if not p.name.endswith(".facts.yaml")]
    paths += sorted((ROOT / "specs").glob("*.yaml"))
    compared = 0
    for path in paths:
        spec = load_spec(path).spec
        texts = spec_texts(spec)
        assert texts == [text for _, text in spec_strings(spec)], path
        compared += bool(texts)
    assert compared >= 50


def test_a_character_no_font_has_is_found_after_texts_remembered_as_covered():
    """check_spec_glyphs remembers whole texts found covered: a spec after them with
    a character no font has is still stopped, at its field, and again the next time."""
    from jpdocs.build.checks import check_spec_glyphs
    from jpdocs.build.documents import style_for
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    seed = load_spec(SEED_SPEC)
    check_spec_glyphs(seed, style_for(seed))
    check_spec_glyphs(seed, style_for(seed))
    rare = load_spec(ROOT / "tests" / "bad_specs" / "48-rare-kanji.yaml")
    for _ in range(2):
        with pytest.raises(InputError) as caught:
            check_spec_glyphs(rare, style_for(rare))
        assert caught.value.problems[0].key == "press_notice.press_request.contact.name"
        assert "𠮷 (U+20BB7)" in caught.value.problems[0].message


def _load_outcome(path):
    """load_spec's outcome: its problems (or the spec's warnings and dated texts' checks)."""
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    try:
        loaded = load_spec(path)
    except InputError as exc:
        return "refused", [(p.file, p.line, p.key, p.message) for p in exc.problems]
    return "read", [(p.file, p.line, p.key, p.message) for p in loaded.warnings], loaded.spec


def test_the_text_checks_remembered_refuse_each_bad_spec_after_good_ones_as_afresh():
    """spec/text_checks.py remembers what it found in each text (_FINDINGS) and the texts
    with nothing to say (_CLEAN), which the next spec then takes as they are: each spec of
    the bad-spec corpus, read after every real case and bundled spec, gives the problems
    and warnings it gives with nothing remembered, and so does each good one after them."""
    from jpdocs.spec import text_checks
    real = [p for p in sorted((ROOT / "tests" / "data" / "real").glob("*.yaml")) if not p.name.endswith(".facts.yaml")]
    good = real + sorted((ROOT / "specs").glob("*.yaml"))
    bad = sorted((ROOT / "tests" / "bad_specs").glob("*.yaml"))

    def afresh(path):
        text_checks._FINDINGS.clear()
        text_checks._CLEAN.clear()
        return _load_outcome(path)
    expected = {path: afresh(path) for path in good + bad}
    for path in good + bad + bad + good:            # each after all the others, and again
        assert _load_outcome(path) == expected[path], path
    assert len(text_checks._CLEAN) > 500 and text_checks._FINDINGS
    assert sum(outcome[0] == "refused" for outcome in expected.values()) >= 40


def test_a_text_with_a_problem_is_refused_at_each_key_it_stands_at():
    """A text remembered with a problem (an untrue date, an invisible character) or a
    warning (an ASCII space beside Japanese) is told again at each key it stands at, the
    ASCII space not where the text is a typed form's (spec/typed.py)."""
    from jpdocs.spec import text_checks
    texts = ["２月30日（金）に開催", "道\u200b下", "北見 工業大学", "令和６年２月27日（火）"]
    for text in texts + ["平常の文"]:
        found = []
        for path in [("press_notice", "subject"), ("agreement", "title"), ("a", "typed", 0)]:
            warnings: list = []
            problems = text_checks.check_text(text, path, "S", {}, warnings, [])
            found.append(([p.key for p in problems], [p.key for p in warnings]))
        text_checks._FINDINGS.clear()
        again = text_checks.check_text(text, ("press_notice", "subject"), "S", {}, [], [])
        assert [p.key for p in again] == found[0][0]
        if text == "北見 工業大学":
            assert found == [([], ["press_notice.subject"]), ([], ["agreement.title"]), ([], [])]
        if text == "道\u200b下":
            assert [f[0] for f in found] == [["press_notice.subject"], ["agreement.title"], ["a.typed[0]"]]


def test_a_docx_reads_its_pictures_with_the_image_readers_deferred(tmp_path):
    """python-docx's image readers (docx.image) wait for a picture: the seed's DOCX
    files, which have none, leave them unrun; a notice with photos makes the same
    DOCX bytes as a process that imported them up front."""
    spec = ROOT / "tests" / "data" / "real" / "aichi-edu-kitashitara-2016.yaml"
    code = ("import atexit, runpy, sys\n"
            "{first}"
            "atexit.register(lambda: print(type(sys.modules.get('docx.image')).__name__))\n"
            "sys.argv = ['generate.py', sys.argv[1], '-o', sys.argv[2], '--format', 'docx', '--force']\n"
            "runpy.run_path('generate.py', run_name='__main__')\n")
    env = dict(os.environ, JPDOCS_CACHE=str(tmp_path / "cache"))
    seen = {}
    for name, first, spec_path in (("seed", "", SEED_SPEC), ("deferred", "", spec), ("up front", "import docx.image\n", spec)):
        result = subprocess.run([sys.executable, "-c", code.format(first=first), str(spec_path), str(tmp_path / name)],
                                cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
        seen[name] = result.stdout.split()[-1]
    assert seen == {"seed": "_Deferred", "deferred": "module", "up front": "module"}
    deferred, = (tmp_path / "deferred").glob("*/press-notice.docx")
    up_front, = (tmp_path / "up front").glob("*/press-notice.docx")
    assert b"word/media/" in deferred.read_bytes() and deferred.read_bytes() == up_front.read_bytes()


def test_text_is_escaped_for_xml_as_saxutils_escapes_it():
    """writers/tags.escape, which the writers use in place of xml.sax.saxutils.escape."""
    from xml.sax.saxutils import escape as sax_escape
    from jpdocs.writers.tags import escape
    rng = random.Random(5)
    alphabet = "&<>;amp gtl\"'北海道\u3000\n"
    texts = ["", "&amp;", "<&>", "a&&b<<c>>", "&lt;"] + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
                                                        for _ in range(2000)]
    for text in texts:
        assert escape(text) == sax_escape(text), text
