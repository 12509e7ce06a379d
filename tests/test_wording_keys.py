"""A house style's wording key that nothing reads (build/wording_keys.py): the real
generator refuses it at the style file's line, naming wording.<key> and the nearest
known key, and writes nothing; a user's template that reads the key makes it a key
with an effect; every wording the code names literally is a known one."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, SEED_SPEC, run_generate

from jpdocs.build.wording_keys import READ_BY_CODE, default_keys


def house(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_typo_of_a_wording_is_refused_at_its_line_and_nothing_is_written(tmp_path):
    style = house(tmp_path, "name: 事務所\nwording:\n  ijo: 以上\n  ki_datte: 日時\n  zzqqyy: x\n")
    out = tmp_path / "out"
    result = run_generate(SEED_SPEC, "-o", out, "--style", style)
    assert result.returncode == 1
    assert (f"error: {style}:4: wording.ki_datte: the wording 'ki_datte' is read by nothing (the generator,"
            " the templates in use), so it has no effect; did you mean 'ki_date'?") in result.stderr
    assert (f"error: {style}:5: wording.zzqqyy: the wording 'zzqqyy' is read by nothing (the generator,"
            " the templates in use), so it has no effect; remove it, or read it in a template of your own"
            " (--templates) with style.word") in result.stderr
    assert "wording.ijo" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("*.pdf")) and not any(out.rglob("*.docx"))
    checked = run_generate("check", SEED_SPEC, "--style", style)      # check agrees with the build
    assert checked.returncode == 1 and "wording.ki_datte" in checked.stderr


def test_a_key_a_users_template_reads_has_an_effect(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    bundled = (ROOT / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    mine = bundled.replace("{{ style.word('ijo') }}", "{{ style.word('ijo') }}{{ style.word('closing_note') }}")
    assert mine != bundled
    (folder / "press-notice.xml.j2").write_text(mine, encoding="utf-8")
    style = house(tmp_path, "wording:\n  closing_note: （終）\n")
    out = tmp_path / "out"
    result = run_generate(SEED_SPEC, "-o", out, "--style", style, "--templates", folder,
                          "--kinds", "press-notice", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert any(out.rglob("press-notice.pdf"))
    # without the template, the same style is refused
    refused = run_generate(SEED_SPEC, "-o", tmp_path / "out2", "--style", style, "--kinds", "press-notice")
    assert refused.returncode == 1 and "wording.closing_note" in refused.stderr


def test_every_wording_the_code_reads_is_known():
    known = default_keys() | READ_BY_CODE
    named = set()
    for path in (ROOT / "jpdocs").rglob("*.py"):
        if path.name == "wording_keys.py":       # (its comments name a key of the example's)
            continue
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"""\b(?:word|fill)\(\s*["'](\w+)["']""", text))
        named |= set(re.findall(r"""\bwording(?:\.get\(|\.setdefault\(|\[)\s*["'](\w+)["']""", text))
    assert named and named <= known, named - known


def test_the_annual_book_refuses_it_too(tmp_path):
    style = house(tmp_path, "wording:\n  annual_titel: \"{year}　協定一覧\"\n")
    out = tmp_path / "book"
    result = run_generate("annual", "--fiscal-year", "2020", ROOT / "tests" / "data" / "annual" / "nta-r2" / "specs",
                          "-o", out, "--style", style)
    assert result.returncode == 1
    assert f"{style}:2: wording.annual_titel:" in result.stderr and "did you mean 'annual_title'?" in result.stderr
    assert not out.exists() or not any(out.iterdir())
