"""Files a spec or a house style points at (issue 10, part 2): regular files only,
with a size limit; a file that is not a style is not echoed; files outside the
spec's folder are noted (and refused where the loader is told so); pictures with a
pixel limit, CMYK converted, large ones scaled down; fonts told apart by content.

Every case runs the real generator; a FIFO would make the old code wait for ever,
so each run has a time limit."""
from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, needs_poppler

LOGO_LINE = "    logo: logo.png\n"


def generate(*args, timeout=90) -> subprocess.CompletedProcess:
    """generate.py, with a time limit: a run that waits on a pipe fails the test."""
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def spec_text(style: str | None = None, logo: str | None = None, name: str = "道下") -> str:
    text = SEED_SPEC.read_text(encoding="utf-8")
    if style is not None:
        text = text.replace("issuer: 北海道オホーツク総合振興局\n", f"issuer: 北海道オホーツク総合振興局\nstyle: {style}\n", 1)
    if logo is not None:
        text = text.replace("    honorific: 様\n", f"    honorific: 様\n    logo: {logo}\n", 1)
    return text.replace("name: 道下", f"name: {name}", 1)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, start: str) -> int:
    return next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if l.startswith(start))


def assert_refused(result, out: Path):
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    assert not any(p.is_file() for p in out.rglob("*")) if out.exists() else True, list(out.rglob("*"))


# ---------------------------------------------------------------- special files
def special(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
        return path
    return Path("/dev/zero")


SPECIAL = pytest.mark.parametrize("kind, words", [("fifo", "is a named pipe (FIFO), not a regular file"),
                                                  ("device", "is a device, not a regular file")])


@SPECIAL
def test_the_spec_itself_must_be_a_regular_file(tmp_path, kind, words):
    out = tmp_path / "out"
    result = generate(special(tmp_path, kind), "-o", out)
    assert_refused(result, out)
    assert f"the file {words}" in result.stderr


@SPECIAL
def test_a_style_named_by_the_spec_must_be_a_regular_file(tmp_path, kind, words):
    target = special(tmp_path, kind)
    spec = write(tmp_path / "spec.yaml", spec_text(style=target))
    out = tmp_path / "out"
    result = generate(spec, "-o", out)
    assert_refused(result, out)
    assert f"error: {spec}:{line_of(spec, 'style:')}: style: the house style {target.resolve()} {words}" \
        in result.stderr, result.stderr


@SPECIAL
def test_a_style_given_with_style_must_be_a_regular_file(tmp_path, kind, words):
    out = tmp_path / "out"
    target = special(tmp_path, kind)
    result = generate(SEED_SPEC, "-o", out, "--style", target)
    assert_refused(result, out)
    assert f"error: {target}: the file {words}" in result.stderr
    result = generate("annual", "--fiscal-year", "2023", SEED_SPEC, "-o", out, "--style", target)
    assert_refused(result, out)
    assert f"error: {target}: the file {words}" in result.stderr


@SPECIAL
def test_a_logo_must_be_a_regular_file(tmp_path, kind, words):
    target = special(tmp_path, kind)
    spec = write(tmp_path / "spec.yaml", spec_text(logo=target))
    out = tmp_path / "out"
    result = generate(spec, "-o", out)
    assert_refused(result, out)
    assert f"error: {spec}:{line_of(spec, '    logo:')}: parties.kitami_it.logo: the logo {target} {words}" \
        in result.stderr, result.stderr


@SPECIAL
def test_a_fallback_font_must_be_a_regular_file(tmp_path, kind, words):
    target = special(tmp_path, kind)
    style = write(tmp_path / "style.yaml", f"fallback_fonts: [{target}]\n")
    out = tmp_path / "out"
    result = generate(SEED_SPEC, "-o", out, "--style", style)
    assert_refused(result, out)
    assert f"error: {style}:1: fallback_fonts[0]: the font file {target} {words}" in result.stderr


@SPECIAL
def test_a_password_file_must_be_a_regular_file(tmp_path, kind, words):
    target = special(tmp_path, kind)
    result = generate("sign", tmp_path / "agreement.pdf", "--field", "甲", "--p12", tmp_path / "key.p12",
                      "--password-file", target)
    assert_refused(result, tmp_path / "nothing")
    assert f"error: {target}: --password-file: the file {words}" in result.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_files_over_their_size_limit_are_refused_unread(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(1_000_001)                 # sparse: refused by its size, not read
    spec = write(tmp_path / "spec.yaml", spec_text(style="big.yaml"))
    result = generate("check", spec)
    assert result.returncode == 1
    assert "big.yaml is 1,000,001 bytes; a house style is at most 1,000,000" in result.stderr
    password = tmp_path / "password"
    with password.open("wb") as fh:
        fh.truncate(10_000_000)
    result = generate("sign", tmp_path / "a.pdf", "--field", "甲", "--p12", tmp_path / "k.p12",
                      "--password-file", password)
    assert result.returncode == 1 and "a password file is at most 65,536" in result.stderr


def test_a_password_file_that_is_not_utf8_is_one_message(tmp_path):
    password = tmp_path / "password"
    password.write_bytes("秘密のパスワード\n".encode("cp932"))
    result = generate("sign", tmp_path / "a.pdf", "--field", "甲", "--p12", tmp_path / "k.p12",
                      "--password-file", password)
    assert result.returncode == 1 and "the password file is not UTF-8 text" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_build_record_naming_an_input_that_became_a_pipe_does_not_hang(tmp_path):
    """The parent of a batch re-hashes the inputs of the last build: a spec replaced
    by a pipe made it wait for ever; now the spec is built again, and refused."""
    spec = write(tmp_path / "spec.yaml", spec_text())
    out = tmp_path / "out"
    assert generate(spec, "-o", out, "--kinds", "press-notice", "--format", "pdf").returncode == 0
    spec.unlink()
    os.mkfifo(spec)
    result = generate(spec, "-o", out, "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 1 and "named pipe" in result.stderr, result.stderr


# ---------------------------------------------------------------- a file that is not a house style
SECRET = "sysadmin:$6$Xy7saltSECRET$hashhashhash:19700:0:99999:7:::"
NOT_STYLES = {
    "shadow": f"{SECRET}\ndaemon:*:19700:0:99999:7:::\n",               # one YAML string
    "config": f"api_token: {SECRET}\ndatabase_password: hunter2SECRET\n",  # keys, none a style's
    "broken": f"api_token: [{SECRET}\n  password: 'SECRET\n",           # not even YAML
}


@pytest.mark.parametrize("kind", NOT_STYLES)
def test_a_file_that_is_not_a_style_is_refused_once_without_its_content(tmp_path, kind):
    secret = write(tmp_path / "secret.txt", NOT_STYLES[kind])
    spec = write(tmp_path / "spec.yaml", spec_text(style="secret.txt"))
    out = tmp_path / "out"
    result = generate(spec, "-o", out)
    assert_refused(result, out)
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert errors == [f"error: {spec}:{line_of(spec, 'style:')}: style: the house style {secret} is not a house"
                      " style (a YAML file of keys such as name:, fonts:, styles:, like templates/house-style.yaml);"
                      " its content is not shown"], result.stderr
    for word in ("SECRET", "sysadmin", "api_token", "database_password", "hunter2", "daemon"):
        assert word not in result.stderr + result.stdout
    result = generate("check", SEED_SPEC, "--style", secret)
    assert result.returncode == 1 and "SECRET" not in result.stderr and "is not a house style" in result.stderr


def test_a_house_style_with_a_typo_is_still_told_key_by_key(tmp_path):
    style = write(tmp_path / "style.yaml", "name: 本庁\ndigitz: full\n")
    result = generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1
    assert f"error: {style}:2: digitz:" in result.stderr


# ---------------------------------------------------------------- files outside the spec's folder
def test_files_outside_the_spec_folder_are_noted_by_check_and_refused_when_confined(tmp_path):
    from jpdocs.errors import InputError
    from jpdocs.spec.load import load_spec
    png(tmp_path / "shared" / "logo.png")
    write(tmp_path / "shared" / "style.yaml", "name: 本庁\n")
    spec = write(tmp_path / "events" / "spec.yaml", spec_text(style="../shared/style.yaml", logo="../shared/logo.png"))
    result = generate("check", spec)
    assert result.returncode == 0, result.stderr
    shared = (tmp_path / "shared").resolve()
    assert f"note: {spec}:{line_of(spec, 'style:')}: style: reads {shared / 'style.yaml'}, outside the spec's folder" \
        in result.stdout
    assert f"note: {spec}:{line_of(spec, '    logo:')}: parties.kitami_it.logo: reads {shared / 'logo.png'}," \
        in result.stdout
    inside = write(tmp_path / "events" / "inside.yaml", spec_text())
    assert "outside the spec's folder" not in generate("check", inside).stdout
    # A service building specs sent by others loads them confined to their folder.
    with pytest.raises(InputError) as caught:
        load_spec(spec, allow_outside=False)
    keys = {p.key for p in caught.value.problems}
    assert keys == {"style", "parties.kitami_it.logo"}
    assert all("outside the spec's folder" in p.message for p in caught.value.problems)
    link = tmp_path / "events" / "link.png"                      # a link leading out counts as outside
    link.symlink_to(tmp_path / "shared" / "logo.png")
    with pytest.raises(InputError):
        load_spec(write(tmp_path / "events" / "linked.yaml", spec_text(logo="link.png")), allow_outside=False)
    assert load_spec(inside, allow_outside=False).spec.issuer


# ---------------------------------------------------------------- pictures
def png(path: Path, size=(300, 100), colour=(31, 78, 121)) -> Path:
    from PIL import Image
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)
    return path


def huge_png(path: Path, width: int, height: int) -> Path:
    """A valid one-bit PNG of width × height, all white, written row by row: it
    compresses to a few hundred KB however many pixels it has."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    z = zlib.compressobj(9)
    idat = b"".join(z.compress(row) for _ in range(height)) + z.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("size", [(30000, 30000), (9000, 8000)])
def test_a_picture_over_the_pixel_limit_is_refused_before_it_is_decoded(tmp_path, size):
    huge_png(tmp_path / "logo.png", *size)
    spec = write(tmp_path / "spec.yaml", spec_text(logo="logo.png"))
    out = tmp_path / "out"
    result = generate(spec, "-o", out)
    assert_refused(result, out)
    assert f"{spec}:{line_of(spec, '    logo:')}: parties.kitami_it.logo:" in result.stderr
    assert f"is {size[0]:,} × {size[1]:,} pixels" in result.stderr and "at most 60 million" in result.stderr


def cmyk_jpeg(path: Path) -> Path:
    """A print shop's logo: a CMYK JPEG with Photoshop's Adobe marker, no JFIF."""
    from PIL import Image
    Image.new("CMYK", (600, 200), (0, 255, 255, 0)).save(path, "JPEG", quality=95)   # red
    assert path.read_bytes()[6:10] != b"JFIF"
    return path


def test_a_cmyk_jpeg_logo_is_printed_in_rgb_in_both_files(tmp_path):
    from PIL import Image
    from pypdf import PdfReader
    cmyk_jpeg(tmp_path / "logo.jpg")
    spec = write(tmp_path / "spec.yaml", spec_text(logo="logo.jpg"))
    result = generate(spec, "-o", tmp_path / "out", "--kinds", "overview")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / "spec"
    [image] = PdfReader(folder / "overview.pdf").pages[0].images
    docx_media = [n for n in zipfile.ZipFile(folder / "overview.docx").namelist() if n.startswith("word/media/")]
    [name] = docx_media
    for picture in (image.image, Image.open(io.BytesIO(zipfile.ZipFile(folder / "overview.docx").read(name)))):
        assert picture.mode == "RGB"
        r, g, b = picture.convert("RGB").getpixel((picture.width // 2, picture.height // 2))
        assert r > 200 and g < 90 and b < 90, (r, g, b)


def test_a_large_photo_is_scaled_down_to_what_the_page_needs(tmp_path):
    from PIL import Image
    from pypdf import PdfReader
    noise = Image.frombytes("RGB", (3000, 1000), os.urandom(3000 * 1000 * 3))   # does not compress
    noise.save(tmp_path / "logo.png")
    assert (tmp_path / "logo.png").stat().st_size > 8_000_000
    spec = write(tmp_path / "spec.yaml", spec_text(logo="logo.png"))
    result = generate(spec, "-o", tmp_path / "out", "--kinds", "overview")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / "spec"
    assert (folder / "overview.pdf").stat().st_size < 1_500_000
    assert (folder / "overview.docx").stat().st_size < 1_500_000
    [image] = PdfReader(folder / "overview.pdf").pages[0].images
    # printed at most 160 × 40 pt (here 120 × 40): 300 dpi is 500 × 167 pixels
    assert image.image.size == (500, 167), image.image.size


def test_a_small_logo_is_embedded_as_it_is(tmp_path):
    from PIL import Image
    Image.new("RGB", (300, 100), (31, 78, 121)).save(tmp_path / "logo.jpg", "JPEG")
    spec = write(tmp_path / "spec.yaml", spec_text(logo="logo.jpg"))
    assert generate(spec, "-o", tmp_path / "out", "--kinds", "overview").returncode == 0
    docx = zipfile.ZipFile(tmp_path / "out" / "spec" / "overview.docx")
    [name] = [n for n in docx.namelist() if n.startswith("word/media/")]
    assert docx.read(name) == (tmp_path / "logo.jpg").read_bytes()
    from pypdf import PdfReader
    [xobject] = PdfReader(tmp_path / "out" / "spec" / "overview.pdf").pages[0]["/Resources"]["/XObject"].values()
    assert xobject.get_object().get_data() == (tmp_path / "logo.jpg").read_bytes()      # DCTDecode, as it was


# ---------------------------------------------------------------- fonts of one file name
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
needs_dejavu = pytest.mark.skipif(not (DEJAVU / "DejaVuMathTeXGyre.ttf").is_file(), reason="fonts-dejavu not installed")
SANS_ONLY, MATH_ONLY = "ƀ", "ℊ"      # U+0180 only in DejaVu Sans, U+210A only in its math font


def same_name_fonts(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a" / "fallback.ttf", tmp_path / "b" / "fallback.ttf"
    for path, source in ((a, "DejaVuSans.ttf"), (b, "DejaVuMathTeXGyre.ttf")):
        path.parent.mkdir()
        shutil.copy(DEJAVU / source, path)
    return a, b


def embedded_fonts(pdf: Path) -> set[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {m.group(1) for m in re.finditer(r"^[A-Z]{6}\+(\S+)", listing, re.M)}


@needs_dejavu
@needs_poppler
def test_two_fallback_fonts_of_one_file_name_are_two_fonts(tmp_path):
    a, b = same_name_fonts(tmp_path)
    style = write(tmp_path / "style.yaml", f"fallback_fonts: [{a}, {b}]\n")
    spec = write(tmp_path / "spec.yaml", spec_text(name=f"道下{SANS_ONLY}{MATH_ONLY}"))
    result = generate(spec, "-o", tmp_path / "out", "--style", style, "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert {"DejaVuSans", "DejaVuMathTeXGyre-Regular"} <= embedded_fonts(tmp_path / "out" / "spec" / "press-notice.pdf")


@needs_dejavu
@needs_poppler
def test_two_styles_with_a_fallback_font_of_one_file_name_in_one_run(tmp_path):
    """Two specs in one worker process, each with its own style's fallback.ttf."""
    a, b = same_name_fonts(tmp_path)
    for name, font, char in (("one", a, SANS_ONLY), ("two", b, MATH_ONLY)):
        write(tmp_path / "styles" / f"{name}.yaml", f"fallback_fonts: [{font}]\n")
        write(tmp_path / "specs" / f"{name}.yaml", spec_text(style=f"../styles/{name}.yaml", name=f"道下{char}"))
    result = generate(tmp_path / "specs", "-o", tmp_path / "out", "--jobs", "1", "--kinds", "press-notice",
                      "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "DejaVuSans" in embedded_fonts(tmp_path / "out" / "one" / "press-notice.pdf")
    assert "DejaVuMathTeXGyre-Regular" in embedded_fonts(tmp_path / "out" / "two" / "press-notice.pdf")


def test_a_file_that_is_not_a_truetype_font_is_refused_without_its_bytes(tmp_path):
    secret = write(tmp_path / "secret.ttf", "root:SECRET\n")
    style = write(tmp_path / "style.yaml", f"fallback_fonts: [{secret}]\n")
    result = generate("check", SEED_SPEC, "--style", style)
    assert result.returncode == 1
    assert f"fallback_fonts[0]: the font file {secret} is not a font file; a TrueType (.ttf) font is needed" \
        in result.stderr
    assert "726F6F74" not in result.stderr.upper() and "SECRET" not in result.stderr


def test_the_check_is_made_on_the_file_that_was_opened(tmp_path, monkeypatch):
    """A path swapped for a pipe after the early look (a race) is still refused: the
    read checks the file it opened, and opening does not wait for a writer."""
    from jpdocs import files
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    monkeypatch.setattr(files, "check_regular", lambda path, what: None)     # the early look was fooled
    with pytest.raises(files.FileRefused) as caught:
        files.read_regular_file(pipe, 1000, "house style")
    assert caught.value.reason == "is a named pipe (FIFO), not a regular file"
    grown = tmp_path / "grown.yaml"
    grown.write_bytes(b"x" * 1001)
    with pytest.raises(files.FileRefused, match="is 1,001 bytes; a house style is at most 1,000"):
        files.read_regular_file(grown, 1000, "house style")
