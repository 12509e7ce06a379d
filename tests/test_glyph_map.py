"""fonts/glyph_map.py: a font's /CIDToGIDMap written run-length encoded from the CIDs
drawn decodes to the map written out in full (two bytes a CID, big-endian, 0 where no
glyph), read by our decoder and by pypdf's; the PDFs carry it deflated over
RunLengthDecode, and each font's map gives its drawn CIDs the glyphs 1, 2 … in order."""
from __future__ import annotations

import io
import random
import re
from itertools import chain

from pypdf import PdfReader
from pypdf.filters import RunLengthDecode

from conftest import SEED_SPEC, run_generate
from jpdocs.fonts.glyph_map import decoded, run_length_map, zero_runs


def _full_map(cids, glyphs) -> bytes:
    """The map as bytes, the plain way."""
    data = bytearray(2 * (cids[-1] + 1 if cids else 1))
    for cid, glyph in zip(cids, glyphs):
        data[2 * cid:2 * cid + 2] = glyph.to_bytes(2, "big")
    return bytes(data)


def _both_read(codes: bytes) -> bytes:
    ours = decoded(codes)
    assert RunLengthDecode.decode(codes) == ours
    return ours


def test_runs_of_zeros_of_every_length():
    for count in chain(range(2, 600), (1025, 4097, 65535, 131071)):
        codes = zero_runs(count) + b"\x80"
        assert _both_read(codes) == bytes(count), count
        assert max(codes[::2][:-1]) <= 255 and 128 not in codes[::2][:-1]


def test_maps_of_random_glyph_sets_decode_to_the_map_in_full():
    rng = random.Random(5)
    for trial in range(300):
        size = rng.choice([1, 2, 3, 20, 254, 255, 256, 257, 600])
        spread = rng.choice([size + 1, 2 * size, 40 * size, 65535])
        cids = sorted(rng.sample(range(1, max(spread, size + 1)), size))
        glyphs = range(1, size + 1)
        codes = run_length_map(tuple(cids), glyphs)
        assert _both_read(codes) == _full_map(cids, glyphs), (trial, size, spread)
        # a glyph two CIDs share has one number: the numbers in any order
        numbers = [rng.randrange(1, 700) for _ in cids]
        codes = run_length_map(tuple(cids), numbers)
        assert _both_read(codes) == _full_map(cids, numbers), (trial, size, spread)
    assert _both_read(run_length_map((), range(1, 1))) == bytes(2)     # nothing drawn: CID 0 alone


def test_gaps_next_to_each_other_and_around_a_run_of_128():
    """Gaps that end a run on 1 byte (257 = 2 × 128 + 1 zeros) and CIDs next to each other."""
    cids = (1, 2, 3, 66, 130, 131, 259, 388, 389, 390)
    for glyphs in (range(1, 11), range(250, 260), [300, 1, 2, 256, 255, 511, 512, 3, 4, 65535]):
        assert _both_read(run_length_map(cids, glyphs)) == _full_map(cids, glyphs)


def test_the_notices_maps_are_deflated_run_length_codes_of_their_cids(tmp_path):
    result = run_generate(SEED_SPEC, "-o", tmp_path, "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(io.BytesIO((tmp_path / SEED_SPEC.stem / "press-notice.pdf").read_bytes()))
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert len(fonts) >= 2
    for font in fonts:
        cid_font = font["/DescendantFonts"][0].get_object()
        stream = cid_font["/CIDToGIDMap"].get_object()
        assert stream["/Filter"] == ["/FlateDecode", "/RunLengthDecode"]
        cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
        chars = "".join(re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S))
        cids = sorted(int(c, 16) for c in re.findall(r"^<([0-9A-F]{4})> <", chars, re.M))
        assert stream.get_data() == _full_map(cids, range(1, len(cids) + 1))


def test_a_notice_is_the_same_built_alone_or_after_other_documents(tmp_path):
    """The codes of gaps, the font templates and the stream heads are kept per process:
    what was built before changes no byte of the next document."""
    other = SEED_SPEC.parent / "2016-03-07-sports-culture-tourism.yaml"
    alone = run_generate(SEED_SPEC, "-o", tmp_path / "alone", "--format", "pdf", "--jobs", "1")
    after = run_generate(other, SEED_SPEC, "-o", tmp_path / "after", "--format", "pdf", "--jobs", "1")
    assert alone.returncode == 0 and after.returncode == 0, alone.stderr + after.stderr
    built = sorted((tmp_path / "alone" / SEED_SPEC.stem).glob("*.pdf"))
    assert len(built) >= 2
    for path in built:
        assert path.read_bytes() == (tmp_path / "after" / SEED_SPEC.stem / path.name).read_bytes(), path.name
