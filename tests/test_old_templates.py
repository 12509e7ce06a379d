"""A user's templates (--templates) older than a house-style key they cannot honour
(build/template_coverage.settings_unhonoured): the contacts on lines after the text
(notice.contacts_at: foot_line), the space above a signer (agreement.space_before_signer)
and a list's bullets without a mark (notice.list_bullet: "").
Built by the real command line from the real cases that use each key, with copies of the
bundled templates from before the key (tests/data/old_templates): an error at the style
file's line and key, exit status 1, nothing written; the same templates where the house
keeps the key's default, or today's templates given as the user's, build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, real_case_variant, run_generate

REAL = ROOT / "tests" / "data" / "real"
OLD = ROOT / "tests" / "data" / "old_templates"
HIROSHIMA = REAL / "hiroshima-labour-hatsukaichi-2024.yaml"
FUCHU = REAL / "fuchu-cmj-2017.yaml"
OSAKA = REAL / "osaka-pref-suido-2020.yaml"    # notice.list_bullet: "" (styles/osaka-pref-2020.yaml)


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def without_key(tmp_path: Path, spec: Path, style_name: str, key: str, default: str) -> Path:
    """The spec under a copy of its house style with the key at its default value."""
    style = REAL / "styles" / style_name
    lines = [x.split(key + ":")[0] + f"{key}: {default}" if x.strip().startswith(key + ":") else x
             for x in style.read_text(encoding="utf-8").splitlines()]
    (tmp_path / style_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = spec.read_text(encoding="utf-8").replace(f"style: styles/{style_name}", f"style: {tmp_path / style_name}")
    out = tmp_path / spec.name
    out.write_text(text, encoding="utf-8")
    shutil.copytree(spec.parent / "photos", tmp_path / "photos", dirs_exist_ok=True)   # the captions' stand-in
    return out


def test_a_template_without_the_foot_line_block_is_refused_at_contacts_at(tmp_path):
    style = REAL / "styles" / "hiroshima-labour.yaml"
    out = tmp_path / "out"
    result = run_generate(HIROSHIMA, "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-foot-line")
    assert result.returncode == 1, result.stderr
    assert (f"{style}:{line_of(style, 'contacts_at:')}: notice.contacts_at: the house sets notice.contacts_at:"
            " foot_line, and the template in") in result.stderr, result.stderr
    assert ("has no block printing the contacts on lines after the text (foot_contacts): the press-notice"
            " would be printed as if the key were not there") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"


def test_a_template_without_the_signers_space_is_refused_at_space_before_signer(tmp_path):
    style = REAL / "styles" / "cmj-fuchu.yaml"
    out = tmp_path / "out"
    result = run_generate(FUCHU, "-o", out, "--kinds", "agreement", "--format", "pdf",
                          "--templates", OLD / "before-space-before-signer")
    assert result.returncode == 1, result.stderr
    assert (f"{style}:{line_of(style, 'space_before_signer:')}: agreement.space_before_signer: the house sets"
            " agreement.space_before_signer: 16") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"


def test_a_template_older_than_unmarked_bullets_is_refused_at_list_bullet(tmp_path):
    """大阪府 lists its attendees a line each without a mark (notice.list_bullet: ""); the
    記 items' template of before the key hangs each bullet's later lines an em in, after a
    mark it no longer prints: an error at the style file's line, nothing written."""
    style = REAL / "styles" / "osaka-pref-2020.yaml"
    out = tmp_path / "out"
    result = run_generate(OSAKA, "-o", out, "--kinds", "press-notice", "--format", "pdf,docx",
                          "--templates", OLD / "before-bullet-hang")
    assert result.returncode == 1, result.stderr
    assert (f"{style}:{line_of(style, '  list_bullet:')}: notice.list_bullet: the house sets notice.list_bullet:"
            ' "", and the template in') in result.stderr, result.stderr
    assert ("has no bullet of a list's entry set where the house's mark says (its `bullet_hang`: under the"
            " bullet's start where the house sets no mark): the press-notice would be printed as if the key"
            " were not there") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")) and not any(out.rglob("*.docx")), "no output beside the error"


def test_the_old_templates_build_where_the_house_does_not_write_the_key(tmp_path):
    for spec, style, key, default, kind, folder in (
            (HIROSHIMA, "hiroshima-labour.yaml", "contacts_at", "foot", "press-notice", "before-foot-line"),
            (FUCHU, "cmj-fuchu.yaml", "space_before_signer", "0", "agreement", "before-space-before-signer"),
            (OSAKA, "osaka-pref-2020.yaml", "list_bullet", "・", "press-notice", "before-bullet-hang")):
        path = without_key(tmp_path, spec, style, key, default)
        result = run_generate(path, "-o", tmp_path / "out", "--kinds", kind, "--format", "pdf",
                              "--templates", OLD / folder)
        assert result.returncode == 0, result.stderr
        assert key not in result.stderr, result.stderr


def test_todays_templates_given_as_the_users_honour_both_keys(tmp_path):
    """Today's templates as the user's heed every key: also a house whose style file
    writes paragraph styles (東久留米市: styles:, each tried without it)."""
    mine = tmp_path / "mine"
    shutil.copytree(ROOT / "templates", mine, ignore=shutil.ignore_patterns("*.yaml", "*.docx"))
    for spec, kind in ((HIROSHIMA, "press-notice"), (FUCHU, "agreement"), (OSAKA, "press-notice"),
                       (REAL / "higashikurume-cmj-2018.yaml", "agreement")):
        result = run_generate(spec, "-o", tmp_path / "out", "--kinds", kind, "--format", "pdf", "--templates", mine)
        assert result.returncode == 0, result.stderr
        assert "the house sets" not in result.stderr and "does not heed" not in result.stderr, result.stderr


@pytest.mark.parametrize("case, style_name, key, value, what", [
    ("chofu-4cities-2016", "chofu-city.yaml", "date_place", "before_title",
     "title that begins with the date of issue (date_before_title)"),
    ("yamagata-marukan-2021", "yamagata-pref.yaml", "contacts_at", "head_table",
     "table printing the contacts in the head (head_table)"),
])
def test_a_template_from_before_the_date_in_the_title_or_the_head_table_is_refused(case, style_name, key, value,
                                                                                     what, tmp_path):
    """A notice template from before notice.date_place: before_title and contacts_at:
    head_table (tests/data/old_templates/before-date-before-title: the bundled one as it
    was) would drop the date of issue, or the contacts: an error at the style file's line."""
    style = REAL / "styles" / style_name
    out = tmp_path / "out"
    result = run_generate(REAL / f"{case}.yaml", "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-date-before-title")
    assert result.returncode == 1, result.stderr
    assert (f"{style}:{line_of(style, key + ':')}: notice.{key}: the house sets notice.{key}: {value}, and the"
            f" template in") in result.stderr, result.stderr
    assert f"has no {what}: the press-notice would be printed as if the key were not there" in result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"


# ------------------------------------------------------------------ a setting the template does not heed

AGEO = REAL / "ageo-fire-2018.yaml"            # header: false, subject_label: false, opening_heading: false
REITAKU = REAL / "reitaku-sakai-2015.yaml"     # subtitle_joined: true


def test_a_template_older_than_header_false_is_refused_at_the_key(tmp_path):
    """A notice template of before `header: false` (the header line was n.header or the
    house's 報道機関各位) reads the key and prints 報道機関各位 all the same: the key
    turns that line off and the template prints it, an error at the spec's line; the
    labels it heeds (subject_label, opening_heading: false) are not named."""
    out = tmp_path / "out"
    result = run_generate(AGEO, "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-header-false")
    assert result.returncode == 1, result.stderr
    assert (f"{AGEO}:{line_of(AGEO, 'header: false')}: press_notice.header: the template in"
            f" {OLD / 'before-header-false'} does not heed this key, which the bundled one reads at"
            f" {ROOT / 'templates' / 'press-notice.xml.j2'}:") in result.stderr, result.stderr
    assert "the press-notice prints 報道機関各位, which the key leaves out" in result.stderr, result.stderr
    assert "subject_label" not in result.stderr and "opening_heading" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"


def test_a_template_that_never_prints_a_header_heeds_header_false(tmp_path):
    """An office's own notice template that has no header line at all never reads
    `header:`, and a spec that says header: false gets what it asks: it builds, and
    nothing says the key has no effect."""
    out = tmp_path / "out"
    result = run_generate(AGEO, "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "without-header")
    assert result.returncode == 0, result.stderr
    assert "press_notice.header" not in result.stderr, result.stderr
    assert (out / AGEO.stem / "press-notice.pdf").is_file()


def test_a_template_older_than_subtitle_joined_is_refused_at_the_key(tmp_path):
    """麗澤大学's subtitle runs on after the subject (subtitle_joined: true); a template
    of before the key sets it under the subject: an error at the key's line."""
    out = tmp_path / "out"
    result = run_generate(REITAKU, "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-subtitle-joined")
    assert result.returncode == 1, result.stderr
    assert (f"{REITAKU}:{line_of(REITAKU, 'subtitle_joined')}: press_notice.subtitle_joined: the template in"
            f" {OLD / 'before-subtitle-joined'} does not heed this key") in result.stderr, result.stderr
    assert "the press-notice is printed as if the key were not there" in result.stderr, result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"


@pytest.mark.slow
def test_todays_templates_given_as_the_users_heed_every_key_of_every_real_case(tmp_path):
    """Every real case checks as it does with the bundled templates when they are given
    as the user's: each setting tried (setting_effects.py) is heeded, and trying none
    of them fails (a default that cannot be copied stopped the whole batch once)."""
    mine = tmp_path / "mine"
    shutil.copytree(ROOT / "templates", mine, ignore=shutil.ignore_patterns("*.yaml", "*.docx"))
    specs = sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))
    result = run_generate("check", *specs, "--templates", mine)
    assert result.returncode == 0, result.stderr
    said = (result.stdout + result.stderr).splitlines()
    assert sum(line.startswith("ok: ") for line in said) == len(specs), said[-20:]
    assert "does not heed" not in result.stderr and "internal error" not in result.stderr, result.stderr


# ------------------------------------------------------------------ a key of the spec the template does not print

MOTOMIYA = REAL / "ageo-motomiya-2013.yaml"     # its opening's photo above its first paragraph ({photos: […]})
ADDRESS = "https://www.example.jp/kyotei.pdf"


def test_a_template_older_than_the_openings_photos_is_refused_at_the_photos(tmp_path):
    """A notice template of before the opening's {photos: […]} (before-opening-photos:
    the bundled one without that branch) takes the entry for a {label, lines} one and
    reads its label: an error at the spec's entry that names the template and where the
    bundled one prints it, never Jinja's undefined value; the same template builds a
    notice whose opening has no photos."""
    out = tmp_path / "out"
    result = run_generate(MOTOMIYA, "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-opening-photos")
    assert result.returncode == 1, result.stderr
    assert (f"{MOTOMIYA}:{line_of(MOTOMIYA, '- photos:')}: press_notice.opening[0].photos: the template in"
            f" {OLD / 'before-opening-photos'} does not print this entry: it reads the entry's 'label'"
            f" ({OLD / 'before-opening-photos' / 'press-notice.xml.j2'}:") in result.stderr, result.stderr
    assert f"the bundled one prints it ({ROOT / 'templates' / 'press-notice.xml.j2'}:" in result.stderr
    assert "undefined" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"
    result = run_generate(HIROSHIMA.with_name("ageo-fire-2018.yaml"), "-o", out, "--kinds", "press-notice",
                          "--format", "pdf", "--templates", OLD / "before-opening-photos")
    assert result.returncode == 0, result.stderr


def test_a_template_that_reads_a_name_no_entry_has_keeps_its_own_message(tmp_path):
    """A fault of the template itself (a name no form of the entry has) is no key of the
    spec the template is older than: Jinja's message at the template's line stands."""
    mine = tmp_path / "mine"
    mine.mkdir()
    text = (ROOT / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    (mine / "press-notice.xml.j2").write_text(text.replace("n.subject_text", "n.subjekt", 1), encoding="utf-8")
    result = run_generate(MOTOMIYA, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf",
                          "--templates", mine)
    assert result.returncode == 1, result.stderr
    assert f"{mine / 'press-notice.xml.j2'}:" in result.stderr and "has no attribute 'subjekt'" in result.stderr
    assert "does not print this entry" not in result.stderr, result.stderr


@pytest.mark.parametrize("case, style, pairs, key", [
    ("tateyama-seven-2021", "tateyama-city.yaml",
     [("{title: 協定書, form: PDF形式, size: 294KB}", f"{{title: 協定書, form: PDF形式, size: 294KB, address: {ADDRESS}}}")],
     "press_notice.sections[1].documents[0].address"),
    ("kagoshima-ogaki-2024", "kagoshima-city.yaml",
     [("document: {title: 協定書}", f"document: {{title: 協定書, address: {ADDRESS}}}")],
     "press_notice.sections[3].document.address"),
])
def test_a_section_template_without_the_documents_links_is_refused_at_the_address(tmp_path, case, style, pairs,
                                                                                 key):
    """A section template that prints a linked document's line (館山市's 協定書［PDF形式：294KB］)
    or a section that is the document (鹿児島市's 4.協定書) with no link to its address
    (before-document-links) would drop the link silently: an error at the address's line
    naming the template; the same case without an address builds with it."""
    spec = real_case_variant(tmp_path, case, style, *pairs)
    shutil.copytree(REAL / "photos", tmp_path / "photos")
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-document-links")
    assert result.returncode == 1, result.stderr
    assert (f"{spec}:{line_of(spec, ADDRESS)}: {key}: the bundled template links a line to this address, and the"
            f" template in {OLD / 'before-document-links'} links nothing to it") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not any(out.rglob("*.pdf")), "no output beside the error"
    result = run_generate(REAL / f"{case}.yaml", "-o", out, "--kinds", "press-notice", "--format", "pdf",
                          "--templates", OLD / "before-document-links")
    assert result.returncode == 0, result.stderr
