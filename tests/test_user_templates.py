"""A user's templates (--templates) against specs and house styles newer than they are.

- every path a template can read a contact by (notice, spec.press_notice, the boxes, the
  release's after_contacts) gives a phone written with numbers: its `number`, the numbers
  joined with the house's comma: a template that prints ph.number never prints a label
  with nothing after it;
- a key added since a user's template was written, a family at a time, in a template
  of the form it had before the key: text it leaves out (a phone's numbers under a
  template older than phones:, a step's notes) is a warning at the text's line
  (template_coverage.left_out); a setting it does not heed (the spec's subtitle_joined,
  the house's contacts.label_gap, notice.section_mark_hang) is an error at the
  setting's line, nothing written (template_coverage.settings_without_effect); what Python composes before any
  template sees it (a 記 item's own marker, times.until, notice.people_mark_agenda)
  is printed by the old template as by the bundled one, and warns of nothing.

Each case is built by the real command line from a real case or the seed, and the PDF
read back.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from jpdocs import cli

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text

TEMPLATES = ROOT / "templates"
REAL = ROOT / "tests" / "data" / "real"
LEFT_OUT = "printed by the bundled template, not by the one in"
NO_EFFECT = "the template in"


def build(spec: Path, folder: Path, out: Path, capsys, kinds: str = "press-notice") -> tuple[int, str]:
    code = cli.main([str(spec), "-o", str(out), "--kinds", kinds, "--format", "pdf", "--templates", str(folder)])
    return code, capsys.readouterr().err


def old_template(folder: Path, name: str, *cuts: tuple[str, str]) -> Path:
    """The bundled template `name` as it was before a key: each (new, old) replaced,
    each `new` asserted present (a test of a template that no longer has it tests nothing)."""
    folder.mkdir(exist_ok=True)
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for new, old in cuts:
        assert new in text, new
        text = text.replace(new, old)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("warning:")]


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in text)


# ------------------------------------------------------------------ numbers: on every path

NUMBERS = ["0152-41-0618", "0152-41-0619"]


def numbers_spec(tmp_path: Path, after: bool = False) -> Path:
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    contact = data["press_notice"]["contacts"][0]
    for key in ("phone", "phone_kind", "extension"):
        contact.pop(key, None)
    contact["phones"] = [{"numbers": NUMBERS, "kind": "直通"}]
    if after:
        data["press_notice"]["after"] = {"issue_date": "2024-02-27", "opening": ["本日、包括連携協定を締結しました。"]}
    path = tmp_path / "numbers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# Each reads the contact by one path and prints its phones as a template written before
# numbers: did: the kind, then ph.number.
READS = {
    "spec": "{% for ct in spec.press_notice.contacts %}{% for ph in ct.phones %}",
    "spec-phone-list": "{% for ct in spec.press_notice.contacts %}{% for ph in ct.phone_list() %}",
    "notice": "{% for ct in notice.contacts %}{% for ph in ct.phones %}",
    "boxes": "{% for role, box in contact_boxes %}{% for ct in box %}{% for ph in ct.phones %}",
}


@needs_poppler
@pytest.mark.parametrize("path", READS)
def test_a_template_reading_the_contacts_by_any_path_prints_the_joined_numbers(path, tmp_path, capsys):
    loop = READS[path]
    ends = "{% endfor %}" * loop.count("{% for")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "press-notice.xml.j2").write_text(
        '<document kind="press-notice" title="{{ notice.subject }}" author="{{ spec.issuer }}">\n'
        f"{loop}<p>{{{{ ph.kind }}}}：{{{{ ph.number }}}}</p>{ends}\n</document>\n", encoding="utf-8")
    code, err = build(numbers_spec(tmp_path), mine, tmp_path / "out", capsys)
    assert code == 0, err
    lines = pdf_text(tmp_path / "out" / "numbers" / "press-notice.pdf").splitlines()
    assert "直通：0152-41-0618、0152-41-0619" in lines, lines
    assert not any("None" in line for line in lines), lines
    # the numbers are printed: nothing of them is warned of as left out
    assert ".phones[0].numbers" not in err, err


@needs_poppler
def test_the_release_after_the_signing_reads_its_contacts_with_the_joined_numbers(tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "press-notice-after.xml.j2").write_text(
        '<document kind="press-notice-after" title="t" author="{{ spec.issuer }}">\n'
        "{% for ct in after_contacts %}{% for ph in ct.phones %}<p>A{{ ph.kind }}：{{ ph.number }}</p>"
        "{% endfor %}{% endfor %}\n"
        "{% for ct in spec.press_notice.contacts %}{% for ph in ct.phones %}<p>B{{ ph.kind }}：{{ ph.number }}</p>"
        "{% endfor %}{% endfor %}\n</document>\n", encoding="utf-8")
    code, err = build(numbers_spec(tmp_path, after=True), mine, tmp_path / "out", capsys, kinds="press-notice-after")
    assert code == 0, err
    lines = [no_space(line) for line in pdf_text(tmp_path / "out" / "numbers" / "press-notice-after.pdf").splitlines()]
    assert "A直通：0152-41-0618、0152-41-0619" in lines, lines
    assert "B直通：0152-41-0618、0152-41-0619" in lines, lines


@needs_poppler
def test_the_house_comma_joins_the_numbers_on_every_path(tmp_path, capsys):
    """観光庁 (kankocho-bunka-2013) writes two 直通 numbers joined with its comma ，: a
    template reading the spec itself prints them as the bundled one does."""
    case = REAL / "kankocho-bunka-2013.yaml"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "press-notice.xml.j2").write_text(
        '<document kind="press-notice" title="{{ notice.subject }}" author="{{ spec.issuer }}">\n'
        "{% for ct in spec.press_notice.contacts %}{% for ph in ct.phones %}<p>{{ ph.number }}</p>"
        "{% endfor %}{% endfor %}\n</document>\n", encoding="utf-8")
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 0, err
    assert "03-5253-8321，03-5253-8328" in pdf_text(tmp_path / "out" / case.stem / "press-notice.pdf").splitlines()


# ------------------------------------------------------------------ text an old template leaves out

@needs_poppler
def test_a_contact_template_older_than_phones_warns_of_the_numbers(tmp_path, capsys):
    """A contact template of before phones: (it prints phone alone): the numbers of a
    phone given with numbers: are warned of at their line, and not printed."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "contact.xml.j2").write_text(
        '{#- a contact of before phones: (the include is indented: "-" takes the indent) -#}\n'
        '<p style="table">{{ ct.department }}</p>\n'
        '{% for person in ct.persons() %}\n<p style="table">{{ person.title }}　{{ person.name }}</p>\n{% endfor %}\n'
        '{% if ct.phone %}\n<p style="table" left="1">電話　{{ ct.phone }}</p>\n{% endif %}\n', encoding="utf-8")
    spec = numbers_spec(tmp_path)
    code, err = build(spec, mine, tmp_path / "out", capsys)
    assert code == 0, err
    at = line_of(spec, "0152-41-0618")
    for i in (0, 1):
        assert (f"warning: {spec}:{at + i}: press_notice.contacts[0].phones[0].numbers[{i}]: {LEFT_OUT} {mine}:"
                " the press-notice leaves it out") in err, err
    assert "0152-41-0618" not in pdf_text(tmp_path / "out" / "numbers" / "press-notice.pdf")


@needs_poppler
def test_a_ki_template_older_than_step_notes_warns_of_them(tmp_path, capsys):
    """四国学院大学 (sgu-uchiko-2019): 報道関係者との質疑応答 under a step of the 次第; a
    記 template of before a step's notes leaves it out, warned of at its line."""
    case = REAL / "sgu-uchiko-2019.yaml"
    mine = old_template(tmp_path / "mine", "ki-items.xml.j2",
                        ('{% for line in x.notes %}<p before="0">{{ line }}</p>{% endfor %}\n', ""))
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 0, err
    at = line_of(case, "報道関係者との質疑応答")
    assert re.search(rf"^warning: {re.escape(str(case))}:{at}: press_notice\.ceremony\.agenda\[\d+\]\.notes\[0\]:"
                     rf" {LEFT_OUT} {re.escape(str(mine))}: the press-notice leaves it out$", err, re.M), err
    assert "報道関係者との質疑応答" not in no_space(pdf_text(tmp_path / "out" / case.stem / "press-notice.pdf"))


# ------------------------------------------------------------------ settings an old template does not read

def refused(err: str, out: Path) -> None:
    """The build stopped with an error, no traceback, and wrote nothing."""
    assert "Traceback" not in err
    assert not list(out.rglob("*.pdf")), "no output beside the error"


@needs_poppler
def test_a_notice_template_older_than_subtitle_joined_is_refused_at_the_key(tmp_path, capsys):
    """麗澤大学 (reitaku-sakai-2015) runs its subtitle on after the subject
    (subtitle_joined: true); a notice template of before the key sets it under the
    subject: the key would have no effect, an error at its line, nothing written."""
    case = REAL / "reitaku-sakai-2015.yaml"
    mine = old_template(tmp_path / "mine", "press-notice.xml.j2",
                        ("{% set under = n.subtitle and not n.subtitle_joined %}", "{% set under = n.subtitle %}"),
                        ("{% if n.subtitle_joined %}{{ n.subtitle }}{% endif %}", ""))
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 1, err
    assert (f"error: {case}:{line_of(case, 'subtitle_joined')}: press_notice.subtitle_joined: {NO_EFFECT}"
            f" {mine} does not heed this key, which the bundled one reads at {TEMPLATES / 'press-notice.xml.j2'}:"
            f"{line_of(TEMPLATES / 'press-notice.xml.j2', 'not n.subtitle_joined')}: the press-notice is printed as"
            " if the key were not there") in err, err
    refused(err, tmp_path / "out")
    # and with the bundled template as the user's, nothing is warned of
    same = tmp_path / "same"
    shutil.copytree(TEMPLATES, same)
    code, err = build(case, same, tmp_path / "out2", capsys)
    assert code == 0 and not warnings(err), err


@needs_poppler
def test_a_contact_template_older_than_the_label_gap_is_refused_at_the_style_key(tmp_path, capsys):
    """茂原市 (mobara-abekura-2018) writes 電話:… with its own gap after the label
    (contacts.label_gap in styles/mobara-city.yaml); a contact template of before the
    key prints the house's full-width space: the style file's key is refused."""
    case = REAL / "mobara-abekura-2018.yaml"
    house = REAL / "styles" / "mobara-city.yaml"
    assert "label_gap" in house.read_text(encoding="utf-8")
    mine = old_template(tmp_path / "mine", "contact.xml.j2",
                        ("{% set gap = style.contacts.label_gap %}", "{% set gap = '　' %}"))
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 1, err
    assert (f"error: {house}:{line_of(house, 'label_gap')}: contacts.label_gap: {NO_EFFECT} {mine} does not heed"
            f" this key, which the bundled one reads at {TEMPLATES / 'contact.xml.j2'}:") in err, err
    refused(err, tmp_path / "out")


@needs_poppler
def test_a_contact_template_that_prints_no_contact_is_asked_nothing_by_the_label_gap(tmp_path, capsys):
    """茂原市's label_gap sets the gap after a contact's labels; a contact template
    that prints no contact at all has no label to set it after: the contacts are
    warned of as left out, and the gap is not refused."""
    case = REAL / "mobara-abekura-2018.yaml"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "contact.xml.j2").write_text("{#- no contact is printed -#}\n", encoding="utf-8")
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 0, err
    assert "contacts.label_gap" not in err, err
    assert f"{LEFT_OUT} {mine}: the press-notice leaves it out" in err, err


# the paragraphs of a section in section.xml.j2 as they are (with the lines a point nests
# under it, {text, bullets}), and as they were before a paragraph hung after its mark
# (notice.section_mark_hang) or its number (section_number_hang)
_SECTION_PARAGRAPHS = ("""{% set bh = hangs.bullet_hang %}
{% for para in section.paragraphs %}{% set h = hangs[loop.index0] %}{% set point = hangs.points[loop.index0] %}{% set bullets = hangs.bullets[loop.index0] if hangs.bullets else () %}
{% if point %}
<item style="body" marker="{{ point.marker }}" level="1" hang="{{ point.hang }}" before="{{ 8 if loop.first and not section.heading else 0 }}">{{ point.text }}{{ nested(bullets, 0, bh) }}</item>
{% else %}
<p {% if h %}left="{{ 1 + h }}" indent="{{ -h }}"{% else %}indent="1"{% endif %}{% if loop.first and not section.heading %} before="8"{% endif %}{% if bullets %} keep="yes"{% endif %}>{{ para.text if bullets else para }}</p>
{{ nested(bullets, 1 + h if h else 2, bh) }}
{% endif %}
{% endfor %}""", """{% for para in section.paragraphs %}
<p indent="1"{% if loop.first and not section.heading %} before="8"{% endif %}>{{ para }}</p>
{% endfor %}""")


@needs_poppler
@pytest.mark.parametrize("case, style, key", [
    # 物質・材料研究機構 hangs a section's bullets after ・ (styles/nims.yaml)
    ("nims-tsukuba-2010", "nims.yaml", "section_mark_hang"),
    # 島根県 hangs the points of 2 覚書の概要 after their (1) (styles/shimane-pref.yaml)
    ("shimane-kango-2025", "shimane-pref.yaml", "section_number_hang"),
])
def test_a_notice_template_older_than_the_hanging_sections_is_refused(tmp_path, capsys, case, style, key):
    """A notice template of before the hangs reads `sections` as (section, heading) and
    would print every bullet and point unhung: the key is refused at the style file's
    line (the bundled template reads notice_sections)."""
    house = REAL / "styles" / style
    # the loops over the sections in the notice's template, a section's paragraphs in the
    # template it includes for each (section.xml.j2): both as they were before the hang
    mine = old_template(tmp_path / "mine", "press-notice.xml.j2",
                        ("heading, hangs in notice_sections if", "heading in sections if"))
    old_template(mine, "section.xml.j2", _SECTION_PARAGRAPHS)
    code, err = build(REAL / f"{case}.yaml", mine, tmp_path / "out", capsys)
    assert code == 1, err
    assert (f"error: {house}:{line_of(house, key)}: notice.{key}: {NO_EFFECT}"
            f" {mine} does not heed this key, which the bundled one reads at {TEMPLATES / 'press-notice.xml.j2'}:"
            f"{line_of(TEMPLATES / 'press-notice.xml.j2', 'in notice_sections')}:") in err, err
    refused(err, tmp_path / "out")


# ------------------------------------------------------------------ what Python composes: no warning

@needs_poppler
@pytest.mark.parametrize("case, printed", [
    # a 記 item's own marker (1: and 2: before 3.), composed into it.marker
    ("kankocho-bunka-2013", "１:日時・場所"),
    # times.until: "" (13時30分から14時30分, no まで), composed into the item's text
    ("reitaku-sakai-2015", "13時30分から14時30分"),
])
def test_what_python_composes_is_printed_by_an_old_ki_template(case, printed, tmp_path, capsys):
    """A 記 template older than the keys (one that knows nothing of step notes or hangs)
    prints what the composed items carry: the item's own marker, the span's end."""
    spec = REAL / f"{case}.yaml"
    mine = old_template(tmp_path / "mine", "ki-items.xml.j2",
                        ('{% for line in x.notes %}<p before="0">{{ line }}</p>{% endfor %}\n', ""))
    code, err = build(spec, mine, tmp_path / "out", capsys)
    assert code == 0, err
    assert not warnings(err), err
    assert printed in no_space(pdf_text(tmp_path / "out" / spec.stem / "press-notice.pdf"))


@needs_poppler
def test_the_mark_before_the_attendees_only_with_an_old_ki_template(tmp_path, capsys):
    """people_mark_agenda: false (sgu-uchiko-2019) is composed into the steps' people:
    a 記 template older than it prints the attendees marked ○ and the people under
    あいさつ without, as the bundled one does."""
    case = REAL / "sgu-uchiko-2019.yaml"
    mine = old_template(tmp_path / "mine", "ki-items.xml.j2",
                        ('{% for line in x.notes %}<p before="0">{{ line }}</p>{% endfor %}\n', ""))
    cli.main([str(case), "-o", str(tmp_path / "ours"), "--kinds", "press-notice", "--format", "pdf"])
    capsys.readouterr()
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 0, err
    ours = pdf_text(tmp_path / "ours" / case.stem / "press-notice.pdf").splitlines()
    theirs = pdf_text(tmp_path / "out" / case.stem / "press-notice.pdf").splitlines()
    marked = [line for line in ours if line.startswith("○")]
    assert marked and [line for line in theirs if line.startswith("○")] == marked


# ------------------------------------------------------------------ a notice with no date of issue

UNDATED_CUTS = (("{% set has_date = n.issued_on is not none %}\n", "{% set has_date = true %}\n"),
                ("{% if has_date or date_elsewhere %}{% set dated %}", "{% set dated %}"),
                ("{% endset %}{% endif %}\n", "{% endset %}\n"))


@needs_poppler
def test_a_notice_template_older_than_no_issue_date_is_refused_at_its_line(tmp_path, capsys):
    """群馬県's report gives no date of its own (gunma-seven-2009, issue_date: none). A
    notice template of before the key prints the date line unconditionally: with an
    empty date it would print a line of nothing (or a prefix and suffix beside nothing),
    so the build stops at the template's line and writes nothing; the same template
    still builds a dated notice (the seed) as the bundled one does."""
    case = REAL / "gunma-seven-2009.yaml"
    mine = old_template(tmp_path / "mine", "press-notice.xml.j2", *UNDATED_CUTS)
    code, err = build(case, mine, tmp_path / "out", capsys)
    assert code == 1, err
    line = line_of(mine / "press-notice.xml.j2", "|issued")
    assert f"{mine / 'press-notice.xml.j2'}:{line}: the notice has no date of issue (issue_date: none): test issued_on" in err, err
    assert "Traceback" not in err
    assert not list((tmp_path / "out").rglob("*.pdf"))
    code, err = build(SEED_SPEC, mine, tmp_path / "seed", capsys)
    assert code == 0, err
    assert "２月16日（金）配布" in no_space(pdf_text(tmp_path / "seed" / SEED_SPEC.stem / "press-notice.pdf"))
