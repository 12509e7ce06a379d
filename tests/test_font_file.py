"""Fonts are read where a document needs them (files.FileBytes), not whole at the
start: the pieces must be the file's bytes, and a font file rewritten in place
during a build must stop the build with a message naming it, not print glyphs
of two different fonts."""
from __future__ import annotations

import random
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED_SPEC

from jpdocs.files import FileChanged, FileRefused, open_regular_file

FONT = ROOT / "fonts" / "BIZUDGothic-Bold.ttf"


def test_pieces_read_are_the_files_bytes(tmp_path):
    data = FONT.read_bytes()
    opened = open_regular_file(FONT, 10**9, "font file")
    try:
        assert len(opened) == len(data)
        rng = random.Random(5)
        for _ in range(300):
            a, b = sorted(rng.randrange(-len(data) - 10, len(data) + 10) for _ in range(2))
            assert opened[a:b] == data[a:b], (a, b)
            assert opened[a:] == data[a:] if rng.random() < 0.02 else True
        for i in (0, 1, 4096, len(data) - 1, -1, -len(data)):
            assert opened[i] == data[i]
        for i in (len(data), -len(data) - 1):
            with pytest.raises(IndexError):
                opened[i]
        assert opened[::4096] == data[::4096]
        assert opened.whole() == data
    finally:
        opened.close()


def test_a_special_or_oversized_file_is_refused_as_a_read_one_is(tmp_path):
    with pytest.raises(FileRefused, match="is a folder, not a regular file"):
        open_regular_file(tmp_path, 10**9, "font file")
    with pytest.raises(FileRefused, match="is .* bytes; a font file is at most 1,000"):
        open_regular_file(FONT, 1000, "font file")
    with pytest.raises(FileRefused, match="does not exist"):
        open_regular_file(tmp_path / "nowhere.ttf", 10**9, "font file")


def test_a_file_cut_short_while_open_is_a_change_not_short_bytes(tmp_path):
    font = tmp_path / "font.ttf"
    shutil.copyfile(FONT, font)
    opened = open_regular_file(font, 10**9, "font file")
    try:
        assert opened[100:200] == FONT.read_bytes()[100:200]
        with open(font, "r+b") as fh:
            fh.truncate(50_000)
        with pytest.raises(FileChanged):
            opened[60_000:60_100]
        with pytest.raises(FileChanged):
            opened.check_unchanged()
    finally:
        opened.close()


# A build whose Gothic is a copy that is rewritten in place (one byte of a glyph
# outline changed, its size and modification time kept, as a copying tool keeping
# times leaves it) while the notice is being laid out.
_REWRITE_DURING_BUILD = """
import os, sys
sys.path.insert(0, {root!r})
from jpdocs.writers import blocks
font = {font!r}
real = blocks.BlockBuilder.blocks
def blocks_then_rewrite(self, *args, **kwargs):
    out = real(self, *args, **kwargs)
    st = os.stat(font)
    with open(font, "r+b") as fh:
        if {cut_short}:
            fh.truncate(st.st_size // 50)
        else:
            fh.seek(st.st_size // 2)
            byte = fh.read(1)
            fh.seek(st.st_size // 2)
            fh.write(bytes([byte[0] ^ 1]))
    os.utime(font, ns=(st.st_atime_ns, st.st_mtime_ns))
    return out
blocks.BlockBuilder.blocks = blocks_then_rewrite
from jpdocs.cli import main
sys.exit(main())
"""


def test_a_font_rewritten_during_a_build_stops_it_naming_the_file(tmp_path):
    font = tmp_path / "gothic.ttf"
    shutil.copyfile(ROOT / "fonts" / "BIZUDGothic-Regular.ttf", font)
    style = tmp_path / "style.yaml"
    style.write_text(f"fonts:\n  mincho: {ROOT / 'fonts' / 'BIZUDMincho-Regular.ttf'}\n  gothic: {font}\n"
                     f"  gothic-bold: {ROOT / 'fonts' / 'BIZUDGothic-Bold.ttf'}\n", encoding="utf-8")
    out = tmp_path / "out"
    code = _REWRITE_DURING_BUILD.format(root=str(ROOT), font=str(font), cut_short=False)
    result = subprocess.run([sys.executable, "-c", code, str(SEED_SPEC), "-o", str(out), "--style", str(style),
                             "--kinds", "press-notice", "--format", "pdf"],
                            capture_output=True, text=True, timeout=120, env={"JPDOCS_CACHE": str(tmp_path / "cache"),
                                                                               "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{font}: the font file changed while the build was reading it" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(out.rglob("*.pdf")), "a PDF was written"


@pytest.fixture
def forget_fonts_of(tmp_path):
    """Fonts this test loads from tmp_path leave the process's registry after it: a
    later test's build checks every open font (and its files go in the end)."""
    from jpdocs.fonts import registry
    yield
    for name, path in list(registry._PATHS.items()):
        if tmp_path in path.parents:
            del registry._PATHS[name], registry._DATA[name]
            for digest in [d for d, font in registry._BY_CONTENT.items() if font.fontName == name]:
                del registry._BY_CONTENT[digest]
    registry._load.cache_clear()


def test_after_a_font_changed_the_next_build_opens_it_anew(tmp_path, monkeypatch, forget_fonts_of):
    """In a long-lived process (the app, a batch worker) the build that finds a font
    changed fails; the next one uses the new font, and the others stay as they were."""
    from jpdocs.errors import InputError
    from jpdocs.fonts import registry
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path / "cache"))
    font = tmp_path / "gothic.ttf"
    # a content of its own (four bytes after the tables): a copy of a font already
    # loaded would be that font, under its name
    font.write_bytes((ROOT / "fonts" / "BIZUDGothic-Regular.ttf").read_bytes() + b"\0" * 4)
    other = registry._load(str(ROOT / "fonts" / "BIZUDGothic-Bold.ttf")).fontName
    before = registry._load(str(font)).fontName
    assert before != registry._load(str(ROOT / "fonts" / "BIZUDGothic-Regular.ttf")).fontName
    registry.check_unchanged()
    with open(font, "r+b") as fh:
        fh.seek(len(FONT.read_bytes()) // 3)
        fh.write(b"\x01")
    with pytest.raises(InputError, match="the font file changed while the build was reading it"):
        registry.check_unchanged()
    registry.check_unchanged()                      # the changed font forgotten: nothing else to say
    after = registry._load(str(font)).fontName
    assert after != before                          # a name made from the new content
    assert registry._load(str(ROOT / "fonts" / "BIZUDGothic-Bold.ttf")).fontName == other
    registry.check_unchanged()


def test_a_font_cut_short_during_a_build_stops_it_naming_the_file(tmp_path):
    """Truncated as the glyphs are read (the subsets are cut when the PDF is saved):
    the same message, not an internal error."""
    font = tmp_path / "gothic.ttf"
    shutil.copyfile(ROOT / "fonts" / "BIZUDGothic-Regular.ttf", font)
    style = tmp_path / "style.yaml"
    style.write_text(f"fonts:\n  mincho: {ROOT / 'fonts' / 'BIZUDMincho-Regular.ttf'}\n  gothic: {font}\n"
                     f"  gothic-bold: {ROOT / 'fonts' / 'BIZUDGothic-Bold.ttf'}\n", encoding="utf-8")
    env = {"JPDOCS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    # a first build parses the font (reading it whole) into the cache; the second
    # reads only the glyphs it draws, from the file, which is cut short meanwhile
    first = subprocess.run([sys.executable, str(ROOT / "generate.py"), str(SEED_SPEC), "-o", str(tmp_path / "first"),
                            "--style", str(style), "--kinds", "press-notice", "--format", "pdf"],
                           capture_output=True, text=True, timeout=120, env=env)
    assert first.returncode == 0, first.stderr
    code = _REWRITE_DURING_BUILD.format(root=str(ROOT), font=str(font), cut_short=True)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-c", code, str(SEED_SPEC), "-o", str(out), "--style", str(style),
                             "--kinds", "press-notice", "--format", "pdf"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{font}: the font file changed while the build was reading it" in result.stderr, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert not list(out.rglob("*.pdf")), "a PDF was written"
