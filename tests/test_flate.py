"""The PDFs' streams are deflated by libdeflate (jpdocs/flate.py), and without it by
zlib: the same document either way, only the compressed bytes differ."""
from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from conftest import SEED_SPEC, needs_poppler, pdf_text, run_generate
from jpdocs import flate
from jpdocs.fonts.glyph_map import run_length_map


def _flate_streams(pdf: Path) -> list[bytes]:
    """Every stream of the file deflated alone (/Filter /FlateDecode), as written."""
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    out = []
    for num in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(IndirectObject(num, 0, reader))
        if isinstance(obj, StreamObject) and obj.get("/Filter") in ("/FlateDecode", ["/FlateDecode"]):
            out.append(obj._data)
    return out


def _font_programs(pdf: Path) -> list[bytes]:
    """The fonts' programs (/FontFile2), as written (fonts/cid.py)."""
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    return [font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]["/FontFile2"].get_object()._data
            for page in reader.pages for font in page["/Resources"]["/Font"].values()]


def _cid_to_gid_maps(pdf: Path) -> list[bytes]:
    """The fonts' /CIDToGIDMap streams, as written (fonts/cid.py): run-length codes
    deflated (fonts/glyph_map.py)."""
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    maps = [font.get_object()["/DescendantFonts"][0].get_object()["/CIDToGIDMap"].get_object()
            for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert all(m["/Filter"] == ["/FlateDecode", "/RunLengthDecode"] for m in maps)
    return [m._data for m in maps]


def _notice(out: Path, env: dict | None = None) -> Path:
    result = run_generate(SEED_SPEC, "-o", out, "--kinds", "press-notice", "--format", "pdf", env=env)
    assert result.returncode == 0, result.stderr
    return out / SEED_SPEC.stem / "press-notice.pdf"


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Path, Path]:
    """The seed notice built as installed (libdeflate) and with the `deflate` package
    hidden (a module of that name earlier on the path that fails to import)."""
    tmp = tmp_path_factory.mktemp("flate")
    (tmp / "hide").mkdir()
    (tmp / "hide" / "deflate.py").write_text('raise ImportError("hidden by the test")\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(tmp / "hide")] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}
    return _notice(tmp / "installed"), _notice(tmp / "zlib", env)


def test_libdeflate_is_installed_and_used():
    """requirements.txt installs it: without it every PDF deflates ~2.4 times slower."""
    assert flate.LIBRARY == "libdeflate", "the deflate package is missing: pip install -r requirements.txt"


def test_compress_writes_zlib_streams():
    rng = random.Random(17)
    samples = [b"", b"a", bytes(rng.randrange(256) for _ in range(5000)),
               (SEED_SPEC.read_bytes() * 40), bytes(100_000)]
    for data in samples:
        assert zlib.decompress(flate.compress(data)) == data


def test_every_stream_is_deflated_by_the_library_in_use(both):
    """The installed build's streams are flate.compress's output, each; with the
    package hidden, zlib's at the same level (the files as before flate.py)."""
    installed, fallback = both
    for path, deflate in ((installed, flate.compress), (fallback, zlib.compress)):
        streams, maps, programs = _flate_streams(path), _cid_to_gid_maps(path), _font_programs(path)
        assert len(streams) >= 4 and maps and programs  # page content, fonts, their ToUnicode maps and glyph maps
        levels = []
        for data in streams:
            raw = zlib.decompress(data)
            level = flate.FONT_PROGRAM if data in programs else flate.LEVEL
            assert deflate(raw, level) == data, path
            levels.append(level)
        assert flate.LEVEL in levels and levels.count(flate.FONT_PROGRAM) >= len(programs)
        for data in maps:               # (deflated over RunLengthDecode: not in `streams`)
            assert deflate(zlib.decompress(data), flate.CID_MAP) == data, path
    assert installed.read_bytes() != fallback.read_bytes()


@needs_poppler
def test_without_libdeflate_the_notice_is_the_same_document(both, tmp_path):
    installed, fallback = both
    assert pdf_text(installed) == pdf_text(fallback)
    for streams in (_flate_streams, _cid_to_gid_maps):
        assert [zlib.decompress(s) for s in streams(installed)] == [zlib.decompress(s) for s in streams(fallback)]
    assert installed.stat().st_size <= 100_000 and fallback.stat().st_size <= 100_000
    pages = []
    for name, path in (("a", installed), ("b", fallback)):
        subprocess.run(["pdftoppm", "-r", "70", "-png", str(path), str(tmp_path / name)], check=True)
        pages.append(sorted(tmp_path.glob(f"{name}-*.png")))
    assert len(pages[0]) == len(pages[1]) == 1
    from PIL import Image, ImageChops
    for a, b in zip(*pages):
        with Image.open(a) as ia, Image.open(b) as ib:
            assert ia.size == ib.size
            assert ImageChops.difference(ia.convert("RGB"), ib.convert("RGB")).getbbox() is None


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_both_files_pass_qpdf_check(both):
    for path in both:
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_fonts_streams_are_deflated_once_each(monkeypatch):
    """fonts/cid.py keeps a glyph set's font file and ToUnicode CMap with their
    deflated forms: a document that uses the set again writes those bytes, not
    deflated anew; other streams are deflated each time (also by a kept stream's
    filter given other bytes)."""
    from reportlab.pdfbase import pdfdoc
    from jpdocs.fonts import cid
    calls = []
    monkeypatch.setattr(cid, "compress", lambda data, level=flate.LEVEL: calls.append((bytes(data), level)) or
                        flate.compress(data, level))
    font_file = cid._Kept(random.Random(1).randbytes(5000), flate.FONT_PROGRAM)
    cmap = cid._Kept(b"<0001> <3042>\n" * 50)
    codes = run_length_map((3, 4, 900), range(1, 4))
    glyph_map = cid._KeptMap(codes)
    z = pdfdoc.PDFZCompress
    assert isinstance(z, cid._Flate)
    doc = pdfdoc.PDFDocument()
    for _ in range(3):
        for kept in (font_file, cmap):
            stream = kept.stream(doc)
            assert stream.content is kept.data and stream.filters == [kept]
            assert kept.encode(stream.content) == flate.compress(kept.data, kept.level)
        stream = glyph_map.stream(doc)
        assert stream.content == flate.compress(codes, flate.CID_MAP) and stream.filters is None
        assert stream.dictionary["Filter"].sequence == ["/FlateDecode", "/RunLengthDecode"]
        assert z.encode("q 1 0 0 1 0 0 cm Q") == flate.compress(b"q 1 0 0 1 0 0 cm Q")
    assert font_file.encode(b"other") == flate.compress(b"other")
    assert calls == [(font_file.data, flate.FONT_PROGRAM), (cmap.data, flate.LEVEL),
                     (codes, flate.CID_MAP)] + [(b"q 1 0 0 1 0 0 cm Q", flate.LEVEL)] * 3 + \
        [(b"other", flate.LEVEL)]
    doc.compression = 0                   # (nothing deflated: the map's run-length codes alone)
    stream = glyph_map.stream(doc)
    assert stream.content is codes and stream.dictionary["Filter"].sequence == ["/RunLengthDecode"]
