"""What tools/mutate_specs.py found: real specs broken as users and attackers break
them, each the smallest mutation that showed a fault, run through generate.py (check
and a build of PDF and DOCX). Each must end in a clear refusal — exit status 1,
`error: FILE:LINE: KEY:` — with nothing written and no traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import real_case_variant, run_generate


def with_photos(spec: Path) -> Path:
    """The spec beside a copy of the real cases' photos (a grey stand-in)."""
    import shutil
    shutil.copytree(Path(__file__).resolve().parent / "data" / "real" / "photos", spec.parent / "photos")
    return spec


def refused(spec: Path, tmp_path: Path, line: int, key: str, fragment: str) -> None:
    out = tmp_path / "out"
    for args in (("check", spec), (spec, "-o", out, "--jobs", "1", "--format", "pdf,docx")):
        run = run_generate(*args, cwd=tmp_path)
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
        assert f"error: {spec}:{line}: {key}: " in run.stderr, run.stderr
        assert fragment in run.stderr, run.stderr
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".jpdocs")]


@pytest.mark.parametrize("value", ['"styles/ashiya\\0city.yaml"', '"styles/ashiya-city.yaml\\0"'])
def test_a_nul_in_the_style_path_is_the_text_check_s_error_not_an_internal_one(tmp_path, value):
    # before: internal error ValueError: embedded null byte (the path was resolved anyway)
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("style: styles/ashiya-city.yaml", f"style: {value}"))
    refused(spec, tmp_path, 11, "style", "the control character U+0000")


def test_a_nul_in_a_photo_s_file_is_refused_at_its_line(tmp_path):
    spec = real_case_variant(tmp_path, "ageo-fire-2018", "ageo-city.yaml",
                             ("{file: photos/stand-in.jpg, caption: 協定書に署名}",
                              '{file: "photos/stand\\0in.jpg", caption: 協定書に署名}'))
    line = next(n for n, l in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "stand\\0in" in l)
    refused(spec, tmp_path, line, "press_notice.sections[1].photos[0].file", "the control character U+0000")


@pytest.mark.parametrize("key, read_as", [("1.5", "the number 1.5"), ("1", "the number 1"),
                                          ("true", "true/false (true)"), ("null", "null")])
def test_a_key_read_as_a_number_or_null_is_refused_at_its_own_line(tmp_path, key, read_as):
    # before: at the line of parties: (the check's path held 1.5, the lines '1.5'), and
    # null's message said "got nothing (the value after the colon is empty)"
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("parties:\n", f"parties:\n  {key}: {{name: 変異}}\n"))
    refused(spec, tmp_path, 14, f"parties.{key}",
            f"this key is read as {read_as}, but a key here is a name; put it in quotes (\"{key}\")")


def test_a_nul_in_also_is_the_text_check_s_error_not_an_internal_one(tmp_path):
    # before: internal error ValueError: embedded null byte (joint.check_also resolved it)
    from conftest import SEED_SPEC
    text = SEED_SPEC.read_text(encoding="utf-8").replace("press_notice:\n", 'press_notice:\n  also: ["other\\0.yaml"]\n', 1)
    spec = tmp_path / "also-nul.yaml"
    spec.write_text(text, encoding="utf-8")
    line = text.split("\n").index('  also: ["other\\0.yaml"]') + 1
    refused(spec, tmp_path, line, "press_notice.also[0]", "the control character U+0000")


@pytest.mark.parametrize("written, fragment", [
    ('wording:\n  press_header: "報道\\x07機関各位"\n', "the control character U+0007"),   # before: blamed on the template's markup
    ('wording:\n  press_header: "報道\\t機関各位"\n', "a tab character"),                 # before: built, the tab printed
    ('fonts:\n  mincho: "a\\0b.ttf"\n', "the control character U+0000")])               # before: internal error
def test_a_house_style_s_text_is_checked_as_a_spec_s_is(tmp_path, written, fragment):
    from conftest import SEED_SPEC
    (tmp_path / "office.yaml").write_text(written, encoding="utf-8")
    spec = tmp_path / "seed.yaml"
    spec.write_text(SEED_SPEC.read_text(encoding="utf-8").replace("issuer:", "style: office.yaml\nissuer:", 1),
                    encoding="utf-8")
    out = tmp_path / "out"
    for args in (("check", spec), (spec, "-o", out, "--jobs", "1")):
        run = run_generate(*args, cwd=tmp_path)
        assert run.returncode == 1, run.stderr
        assert f"error: {tmp_path / 'office.yaml'}:2: {written.split(':')[0]}." in run.stderr, run.stderr
        assert fragment in run.stderr and "internal error" not in run.stderr and ".j2" not in run.stderr
    assert not out.exists() or not list(out.rglob("*.pdf")) + list(out.rglob("*.docx"))


def test_a_file_name_holding_a_nul_does_not_exist():
    from jpdocs.files import FileRefused, check_regular
    with pytest.raises(FileRefused, match="does not exist"):
        check_regular("fonts/a\0b.ttf", "font file")


def test_a_lone_surrogate_in_the_style_path_is_refused_as_no_character(tmp_path):
    # before: internal error UnicodeEncodeError: … surrogates not allowed (the path was resolved)
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("style: styles/ashiya-city.yaml", 'style: "styles/ashiya\\ud800.yaml"'))
    refused(spec, tmp_path, 11, "style", "the lone surrogate U+D800, which is not a character")


@pytest.mark.parametrize("count", [46, 200])
def test_a_label_wider_than_its_line_is_refused_not_cut_off(tmp_path, count):
    # before: built, the label set on one line past the margin, its end off the page
    # (200 あ: 65 read back from the PDF); 45 of them still fit with the subject after
    spec = with_photos(real_case_variant(tmp_path, "oita-kagome-2016", "oita-pref-2016.yaml",
                                         ("  subject_label: false", f'  subject_label: "{"あ" * count}"')))
    refused(spec, tmp_path, 22, "press_notice.subject_label", "pt wide, and a label stands on one line")


def test_a_label_that_fits_is_printed_whole_within_the_margin(tmp_path):
    spec = with_photos(real_case_variant(tmp_path, "oita-kagome-2016", "oita-pref-2016.yaml",
                                         ("  subject_label: false", f'  subject_label: "{"あ" * 44}"')))
    run = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    import re
    import subprocess
    pdf = tmp_path / "out" / spec.stem / "press-notice.pdf"
    box = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    words = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)<', box)
    assert sum(text.count("あ") for _, text in words if "ああああ" in text) == 44
    assert max(float(x) for x, _ in words) < 595.3 - 56      # within the right margin (A4, 20mm)


def test_a_huge_text_in_a_date_s_place_is_quoted_in_part(tmp_path):
    # before: the error line quoted all 100,000 characters
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("signing_date: 1961-05-24", f'signing_date: "{"あ" * 100_000}"'))
    refused(spec, tmp_path, 35, "agreement.signing_date", f"'{'あ' * 60}…' is not a valid date")
    run = run_generate("check", spec, cwd=tmp_path)
    assert max(len(line) for line in run.stderr.splitlines()) < 300


def test_a_huge_file_name_is_named_in_part(tmp_path):
    # before: "the house style /…/ああ…(100,000 of them) cannot be read (File name too long)", whole
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("style: styles/ashiya-city.yaml", f'style: "{"あ" * 100_000}"'))
    refused(spec, tmp_path, 11, "style", "… cannot be read (File name too long)")
    run = run_generate("check", spec, cwd=tmp_path)
    assert max(len(line) for line in run.stderr.splitlines()) < 600


@pytest.mark.parametrize("mark", ["\\u200e", "\\u200f", "\\u061c"])
def test_a_bidi_mark_is_refused_as_a_direction_control(tmp_path, mark):
    # before: "no font has this character: U+200F (RIGHT-TO-LEFT MARK)", where a fallback
    # font having one would have printed it, invisible
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("signing_date: 1961-05-24", "signing_date: 1961-05-24\n  department: \"企画" + mark + "課\""))
    refused(spec, tmp_path, 36, "agreement.department", "(text-direction control), often pasted from web pages")


@pytest.mark.parametrize("party_id, fragment, shown", [('"kamei\\0"', "the control character U+0000", "kamei\\u0000"),
                                                       ('"\\u202e"', "U+202E (text-direction control)", "\\u202e")])
def test_a_party_s_id_holding_a_control_character_is_refused(tmp_path, party_id, fragment, shown):
    # before: built (an id is printed nowhere, but is written again where it is used and named in messages)
    spec = real_case_variant(tmp_path, "ashiya-montebello-1961", "ashiya-city.yaml",
                             ("  montebello:", f"  {party_id}:"))
    run = run_generate("check", spec, cwd=tmp_path)
    assert run.returncode == 1 and f"error: {spec}:14: parties." in run.stderr and fragment in run.stderr, run.stderr
    # the key path shows the character by its code (before: raw, a NUL or a line turned around)
    assert f"parties.{shown}:" in run.stderr and "\0" not in run.stderr and "\u202e" not in run.stderr, run.stderr
