"""A paragraph pasted from Word keeps the full-width space (　) its writer typed to begin
it; where the house's style sets the paragraph's first line one character in, it prints
two characters in (h132). The build warns at the paragraph's line and key, in English
and Japanese, and prints the text as written (the space kept, the glyph two em in)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from conftest import ROOT, SEED_SPEC

EN = ("the paragraph begins with a full-width space (　) and the house's style already sets its first"
      " line one character in: it prints indented two characters; delete the space (the style indents)")
JA = ("段落が全角空白（　）で始まっていますが、書式がすでに段落の1行目を1字下げます。"
      "このままでは2字下がって印刷されます。空白を消してください（字下げは書式が行います）")
REAL = ROOT / "tests" / "data" / "real"
NIIZA = REAL / "niiza-nasushiobara-2005.yaml"

# (spec, the paragraph's text as the spec writes it, its key, the document printing it, its first characters)
CASES = {
    "opening": (SEED_SPEC, "    - 今般、北海道", "press_notice.opening[0]", "press-notice", "今般"),
    "background": (SEED_SPEC, "      - 一方で、", "press_notice.background.paragraphs[1]", "press-notice", "一方"),
    "prose": (NIIZA, "      - この協定書には、", "agreement.document.prose[1]", "agreement", "この"),
    # the agreement's own preamble, where the house sets it one character in (the default):
    # the build, which knows the style, says it
    "preamble": (REAL / "daito-higashiosaka-library-2008.yaml", "    preamble: 大東市",
                 "agreement.document.preamble", "agreement", "大東"),
}


def _typed(old: str) -> str:
    """The spec's line with 　 typed before the paragraph's text (a list's entry or a key's value)."""
    return old.replace("- ", "- 　", 1) if "- " in old else old.replace(": ", ": 　", 1)


def _build(tmp_path, spec, old, language):
    """The spec copied with 　 typed before the paragraph, built; (copy, result, out)."""
    folder = tmp_path / "spec"
    # the spec, its pictures and its folders (a house style in styles/), not the other specs
    shutil.copytree(spec.parent, folder, ignore=lambda d, names: [] if Path(d) != spec.parent else [
        n for n in names if n != spec.name and not n.endswith((".png", ".jpg")) and not (Path(d) / n).is_dir()])
    copy = folder / spec.name
    text = spec.read_text(encoding="utf-8")
    assert text.count(old) == 1
    copy.write_text(text.replace(old, _typed(old)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env["LANG"] = "ja_JP.UTF-8" if language == "ja" else "C.UTF-8"
    out = tmp_path / f"out-{language}"
    done = subprocess.run([sys.executable, str(ROOT / "generate.py"), str(copy), "-o", str(out)],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    return copy, done, out


@pytest.mark.parametrize("case", CASES)
def test_a_paragraph_begun_with_a_full_width_space_is_warned_at_its_line(tmp_path, case):
    spec, old, key, document, first = CASES[case]
    copy, done, out = _build(tmp_path, spec, old, "en")
    assert done.returncode == 0, done.stderr
    typed = _typed(old)
    line = next(n for n, text in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(typed))
    assert f"warning: {copy}:{line}: {key}: {EN}" in done.stderr.splitlines()
    assert done.stderr.count("full-width space (　) and the house's style") == 1
    # printed as written: the space kept, the paragraph's first glyph two em past the margin
    pdf = next(out.rglob(f"{document}.pdf"))
    with pdfplumber.open(pdf) as opened:
        for page in opened.pages:
            chars = page.chars
            at = [i for i in range(len(chars) - 1) if chars[i]["text"] + chars[i + 1]["text"] == first]
            if at:
                break
        margin = min(c["x0"] for c in chars if c["text"].strip())
        glyph = chars[at[0]]
        assert glyph["x0"] - margin == pytest.approx(2 * glyph["size"], abs=0.5)
    # and in the DOCX: the space kept, after the paragraph style's first-line indent
    import docx
    [para] = [p for p in docx.Document(str(next(out.rglob(f"{document}.docx")))).paragraphs
              if p.text.lstrip("\u3000").startswith(first)]
    assert para.text.startswith("\u3000" + first)
    assert (para.paragraph_format.first_line_indent or para.style.paragraph_format.first_line_indent).pt > 0
    _, ja, _ = _build(tmp_path / "ja", spec, old, "ja")
    assert ja.returncode == 0, ja.stderr
    assert f"警告: {tmp_path / 'ja' / 'spec' / spec.name}:{line}: {key}: {JA}" in ja.stderr.splitlines()


def test_the_paragraphs_as_published_are_no_warning():
    """The seed and a real text of prose, as published, begin no paragraph with 　 (nor does
    any real or bundled spec: h132's survey), and the check says nothing of them."""
    from jpdocs.spec.load import load_spec
    for spec in (SEED_SPEC, NIIZA):
        loaded = load_spec(spec)
        assert loaded.spec.agreement is not None
        assert not [w for w in loaded.warnings if "(the style indents)" in w.message]


def test_a_preamble_the_house_sets_at_the_margin_may_begin_with_a_full_width_space(tmp_path):
    """府中市 sets its preamble at the margin (agreement.preamble_indent: 0): a 　 typed there
    is the writer's own one-character indent, printed one em in, and no slip."""
    spec = REAL / "fuchu-cmj-2017.yaml"
    copy, done, out = _build(tmp_path, spec, "    preamble: 府中市", "en")
    assert done.returncode == 0, done.stderr
    assert "full-width space (　)" not in done.stderr
    with pdfplumber.open(next(out.rglob("agreement.pdf"))) as opened:
        chars = opened.pages[0].chars
        margin = min(c["x0"] for c in chars if c["text"].strip())
        at = next(i for i in range(len(chars) - 1) if chars[i]["text"] + chars[i + 1]["text"] == "府中")
        assert chars[at]["x0"] - margin == pytest.approx(chars[at]["size"], abs=0.5)


def test_one_of_several_agreements_holds_no_prose_to_check(tmp_path):
    """A spec of several agreements (`agreements:` by id) cannot give one a document, so
    no prose of its own: the key is refused at its line, and no paragraph is checked."""
    spec = REAL / "amatobu-fire-2020.yaml"
    old = "    parties: [amatobu, taiyo]\n"
    text = spec.read_text(encoding="utf-8")
    assert text.count(old) == 1
    copy = tmp_path / spec.name
    copy.write_text(text.replace(old, old + "    document:\n      prose: [\"　字下げした段落。\"]\n"), encoding="utf-8")
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    done = subprocess.run([sys.executable, str(ROOT / "generate.py"), "check", str(copy)],
                          capture_output=True, text=True, cwd=ROOT)
    line = text.splitlines().index(old.rstrip("\n")) + 2
    assert done.returncode == 1
    assert f"error: {copy}:{line}: agreements.lpgas.document: an agreement of several" in done.stderr, done.stderr
    assert "full-width space (　)" not in done.stderr
