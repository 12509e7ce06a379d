"""A party's head (representative:) beside the signatory who signs in its place, with
a user's templates (--templates): the bundled templates print the signatory, never the
head, and refuse it as a key with no effect (build/unprinted.py); a template of the user's
own that prints the head gives it an effect, and the spec builds, the head printed
where that template prints it. Runs the real command line on a real template folder."""
from __future__ import annotations

from conftest import ROOT, SEED_SPEC, no_space, pdf_text, run_generate
from docx_reading import docx_text

# the seed's 北見工業大学 signed for by a 理事, its 学長 (representative:) kept beside him
BESIDE = SEED_SPEC.read_text(encoding="utf-8").replace(
    "      name: 鈴木　聡一郎\n    honorific: 様\n",
    "      name: 鈴木　聡一郎\n    signatory:\n      title: 北見工業大学理事\n      name: 山田　次郎\n"
    "    honorific: 様\n", 1)

# the bundled notice's template, with a line after its text naming each such party's head
HEAD_LINE = ("{% for pid, p in spec.parties.items() if p.signatory and p.representative %}\n"
             "<p>（{{ p.name }}の代表者　{{ p.representative.title }}　{{ p.representative.name }}）</p>\n"
             "{% endfor %}\n")

REFUSED = ("parties.kitami_it.representative: the party's signatory: signs for it wherever a signer is printed"
           " (the notices' 締結者, the agreement's signature block), and no document prints its head:"
           " representative would have no effect")


def _spec(folder):
    assert BESIDE != SEED_SPEC.read_text(encoding="utf-8")
    path = folder / "beside.yaml"
    path.write_text(BESIDE, encoding="utf-8")
    return path


def _head_line(spec) -> int:
    lines = spec.read_text(encoding="utf-8").splitlines()
    party = lines.index("  kitami_it:                   # second party: 乙")
    return lines.index("    representative:", party) + 1


def _templates(folder, prints_head: bool, line: str = HEAD_LINE):
    mine = folder / "mine"
    mine.mkdir()
    text = (ROOT / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    if prints_head:
        end = text.rindex("</document>")
        text = text[:end] + line + text[end:]
    (mine / "press-notice.xml.j2").write_text(text, encoding="utf-8")
    return mine


def test_a_head_a_users_template_prints_is_taken_and_printed(tmp_path):
    spec = _spec(tmp_path)
    mine = _templates(tmp_path, prints_head=True)
    check = run_generate("check", spec, "--templates", mine)
    assert check.returncode == 0, check.stderr
    assert "representative" not in check.stdout + check.stderr       # no refusal, and no note: the user's choice
    out = tmp_path / "out"
    build = run_generate(spec, "-o", out, "--templates", mine)
    assert build.returncode == 0, build.stderr
    for text in (pdf_text(out / "beside" / "press-notice.pdf"), docx_text(out / "beside" / "press-notice.docx")):
        assert "（北見工業大学の代表者北見工業大学学長鈴木聡一郎）" in no_space(text)
        assert "山田" in text                                        # the signatory still signs (締結者)


def test_a_head_no_template_in_use_prints_is_refused(tmp_path):
    spec = _spec(tmp_path)
    line = _head_line(spec)
    # a template folder whose notice reads no head (the bundled one, copied), and none at all
    for extra in (["--templates", _templates(tmp_path, prints_head=False)], []):
        check = run_generate("check", spec, *extra)
        assert check.returncode == 1 and "Traceback" not in check.stderr
        assert f"error: {spec}:{line}: {REFUSED}" in check.stderr, check.stderr


def test_a_head_a_users_template_reads_as_an_item_is_taken_too(tmp_path):
    """party['representative'] reads the head as party.representative does (Jinja's
    subscript falls back to the attribute): the render's record of what it read has it."""
    spec = _spec(tmp_path)
    line = ("{% for pid, p in spec.parties.items() if p.signatory %}\n"
            "<p>（{{ p.name }}の代表者　{{ p['representative'].title }}　{{ p['representative'].name }}）</p>\n"
            "{% endfor %}\n")
    check = run_generate("check", spec, "--templates", _templates(tmp_path, prints_head=True, line=line))
    assert check.returncode == 0, check.stderr
