"""A font read from the parse cache (fonts/cache.py) reads its big tables (cmap,
widths, horizontal metrics, glyph offsets) only where something uses them, and
answers the glyph checks from a bitmap of its cmap's code points until then; the cmap
and widths a cold run reads as arrays (fonts/lookups.py), which answer as they do."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC

from jpdocs.files import open_regular_file
from jpdocs.fonts import cache

TABLES = ("charToGlyph", "charWidths", "hmetrics", "glyphPos")

# A cold press notice, run as the program runs it; at its end, for each font: its
# cmap and its glyph metrics read or not, and then (read now if they were not)
# whether they equal a fresh parse of the file, value for value and type for type.
NOTICE = """
import atexit, json, runpy, sys
sys.path.insert(0, {root!r})

def report():
    from reportlab.pdfbase import ttfonts
    from jpdocs.fonts import registry
    out = {{}}
    for font in registry._BY_CONTENT.values():
        face = font.face
        read = ["charToGlyph" in face.__dict__, "hmetrics" in face.__dict__]
        parsed = ttfonts.TTFontFace(str(registry.path_of(font.fontName)))
        same = all(getattr(face, k) == getattr(parsed, k) and type(getattr(face, k)) is type(getattr(parsed, k))
                   for k in {tables!r})
        same = same and list(map(type, face.charWidths.values())) == list(map(type, parsed.charWidths.values()))
        out[registry.path_of(font.fontName).stem] = [read, same]
    print("FONTS " + json.dumps(out), file=sys.stderr)
atexit.register(report)
sys.argv = ["generate.py", {spec!r}, "--force", "--kinds", "press-notice", "--format", "pdf", "-o", sys.argv[1]]
runpy.run_path({generate!r}, run_name="__main__")
"""


def _notice(tmp_path: Path, name: str) -> tuple[dict, bytes]:
    code = NOTICE.format(root=str(ROOT), tables=TABLES, spec=str(SEED_SPEC), generate=str(ROOT / "generate.py"))
    out = tmp_path / name
    env = {"JPDOCS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("FONTS "))
    pdf, = out.glob("*/press-notice.pdf")
    return json.loads(line[6:]), pdf.read_bytes()


def test_a_cold_notice_reads_the_tables_of_the_fonts_it_draws_only(tmp_path):
    """The notice draws Gothic and Mincho Regular; Gothic Bold is registered and its
    coverage checked, never drawn: from the cache, its tables are never read. Of the
    fonts drawn, the cmap and widths are not read (their arrays answer), nor the glyph
    metrics and offsets where every glyph drawn is in the glyph cache (glyph_cache.py,
    which the first run filled); with that cache gone, they are read for the subsets'
    cut. The tables are the parse's, and the notice is the one made from parsed fonts."""
    parsed, first = _notice(tmp_path, "parsed")          # an empty cache: every font parsed
    assert parsed == {"BIZUDGothic-Bold": [[True, True], True], "BIZUDGothic-Regular": [[True, True], True],
                      "BIZUDMincho-Regular": [[True, True], True]}
    assert len(list((tmp_path / "cache" / "glyphs").glob("*.marshal"))) == 2     # the two faces drawn
    cached, second = _notice(tmp_path, "cached")         # each font and its glyphs from the cache
    assert cached == {"BIZUDGothic-Bold": [[False, False], True], "BIZUDGothic-Regular": [[False, False], True],
                      "BIZUDMincho-Regular": [[False, False], True]}
    shutil.rmtree(tmp_path / "cache" / "glyphs")
    glyphs_read, third = _notice(tmp_path, "glyphs read")     # the fonts from the cache, the glyphs not
    assert glyphs_read == {"BIZUDGothic-Bold": [[False, False], True],
                           "BIZUDGothic-Regular": [[False, True], True], "BIZUDMincho-Regular": [[False, True], True]}
    assert second == first and third == first


def _system_fonts(count: int) -> list[Path]:
    """A few TrueType fonts of the system's (Latin ones with other cmaps than BIZ UD's)."""
    found = []
    for name in ("DejaVuSans.ttf", "DejaVuSerif-Bold.ttf", "LiberationSans-Regular.ttf",
                 "LiberationMono-Bold.ttf", "ipamjm.ttf"):
        found += sorted(Path("/usr/share/fonts").rglob(name))[:1]
    return found[:count]


FONTS = sorted((ROOT / "fonts").glob("*.ttf")) + _system_fonts(4)


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_coverage_from_the_bitmap_is_the_cmaps(path, tmp_path, monkeypatch):
    """For every code point, the bitmap stored with a cache entry says what the
    parsed cmap says (U+00A0 and U+0020 included, which the parse makes equal), and
    the registry's checks answer alike before and after the tables are read."""
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    data = open_regular_file(path, 10**9, "font file")
    digest = cache.content_digest(data.whole, data.st)
    stored = cache.load_ttfont("A", data, digest, str(path)).face     # parsed, then stored
    face = cache.load_ttfont("B", open_regular_file(path, 10**9, "font file"), digest, str(path)).face
    bitmap = cache.coverage(face)
    assert isinstance(bitmap, cache.Coverage) and "_tables" in face.__dict__
    cmap = stored.charToGlyph
    assert cache.coverage(stored) is cmap
    assert (0x20 in cmap) == (0xA0 in cmap) == (0x20 in bitmap) == (0xA0 in bitmap)
    covered = [c for c in range(0x110000) if c in bitmap]
    assert covered == sorted(cmap)
    assert "_tables" in face.__dict__, "the bitmap read the tables"
    assert face.charToGlyph == cmap and cache.coverage(face) is face.__dict__["charToGlyph"]


def test_the_registry_checks_fonts_without_reading_their_tables(tmp_path, monkeypatch):
    """missing_chars, covers and has_glyph on fonts read from the cache: the answers
    of their cmaps, and no table read."""
    code = """
import sys
sys.path.insert(0, {root!r})
from reportlab.pdfbase import pdfmetrics
from jpdocs.fonts.registry import covers, has_glyph, missing_chars, register
from jpdocs.spec.style import load_style
names = sorted(set(register(load_style()).values()))
text = "報道機関各位オホーツク総合振興局、。「」ABCabc123 \\u00a0\\u3000𠮷😀\\ufe00\\u0378\\n"
answers = [missing_chars(text, names, []), [covers(n, text) for n in names],
           [[has_glyph(n, ch) for ch in text] for n in names]]
read = [n for n in names if "charToGlyph" in pdfmetrics.getFont(n).face.__dict__]
for n in names:
    pdfmetrics.getFont(n).face.charToGlyph           # the tables read: the cmaps answer
again = [missing_chars(text, names, []), [covers(n, text) for n in names],
         [[has_glyph(n, ch) for ch in text] for n in names]]
print(read, answers == again, ",".join("%X" % ord(c) for c in answers[0]))
""".format(root=str(ROOT))
    env = {"JPDOCS_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for _ in range(2):                          # the first stores the parses, the second reads them
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "True", "20BB7,1F600,FE00,378"], result.stdout


def test_damaged_tables_are_parsed_past(tmp_path, monkeypatch):
    """An entry whose tables cannot be read: the font is parsed where they are first
    asked for (the same tables), and the entry dropped, to be stored anew."""
    import marshal
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path))
    path = ROOT / "fonts" / "BIZUDGothic-Bold.ttf"
    data = open_regular_file(path, 10**9, "font file")
    digest = cache.content_digest(data.whole, data.st)
    parsed = cache.load_ttfont("A", data, digest, str(path)).face
    entry = cache._entry(digest)
    stored = marshal.loads(entry.read_bytes())
    cmap, metrics = stored["__tables__"]
    for damaged in ((cmap[:1000], metrics), (cmap, marshal.dumps({"hmetrics": []})),
                    (marshal.dumps({"charToGlyph": {}}), metrics)):
        entry.write_bytes(marshal.dumps({**stored, "__tables__": damaged}))
        face = cache.load_ttfont("B", open_regular_file(path, 10**9, "font file"), digest, str(path)).face
        assert "_tables" in face.__dict__
        for name in TABLES:
            assert getattr(face, name) == getattr(parsed, name), name
        assert "_tables" not in face.__dict__ and not entry.exists()
    # an entry of the format before (the tables in the entry itself): parsed and stored anew
    old = {k: v for k, v in stored.items() if k not in ("__tables__", "__coverage__", "__numbering__", "__arrays__")}
    old.update({k: getattr(parsed, k) for k in TABLES})
    entry.write_bytes(marshal.dumps(old))
    face = cache.load_ttfont("C", open_regular_file(path, 10**9, "font file"), digest, str(path)).face
    assert face.charWidths == parsed.charWidths and "__tables__" in marshal.loads(entry.read_bytes())


def test_tables_read_in_a_worker_are_frozen_with_what_it_loaded(tmp_path):
    """A batch worker freezes what its start loaded (the fonts among it); tables read
    later, where a document first draws, join it (collector.lasting), with the
    collector as it was. A library user's process that never froze is left alone."""
    code = """
import gc, sys
sys.path.insert(0, {root!r})
from reportlab.pdfbase import pdfmetrics
from jpdocs.build import batch
from jpdocs.fonts import registry
from jpdocs.spec.style import load_style
worker = sys.argv[1] == "worker"
if worker:
    batch._init_worker(("pdf",), None)
names = sorted(set(registry.register(load_style()).values()))
face = pdfmetrics.getFont(names[0]).face
before, lazy = gc.get_freeze_count(), "_tables" in face.__dict__
face.charWidths
print(lazy, before > 0, gc.get_freeze_count() > before, gc.isenabled())
""".format(root=str(ROOT))
    env = {"JPDOCS_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    seen = {}
    for mode in ("library", "worker", "library"):      # (the first run stores the parses)
        result = subprocess.run([sys.executable, "-c", code, mode], capture_output=True, text=True,
                                env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        seen[mode] = result.stdout.split()
    assert seen["worker"] == ["True", "True", "True", "True"]
    assert seen["library"] == ["True", "False", "False", "True"]
