"""Keys no bundled template prints (spec/unprinted.py), with a user's templates
(--templates): a witness's reading and note, a person's note no 締結者 prints, a party's
country and a signer's typed form where no agreement document is made, a heading of its
own on a section that is a linked document, a fact of the ceremony no item of ki: prints. The bundled templates refuse each as a
key with no effect, at its line; a template of the user's own that reads the field of
that very object gives it an effect: the spec builds, and the field is printed where
that template prints it (build/unprinted.py). Runs the real command line on real
template folders and reads the PDF back. (A head beside its signatory, the first key
decided so: tests/test_head_in_user_template.py.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate

WITNESSED = Path(__file__).resolve().parent / "data" / "witness" / "four-parties-witness.yaml"
SEED = SEED_SPEC.read_text(encoding="utf-8")

# the witness みなみ県知事 with a reading and a note
WITNESS = WITNESSED.read_text(encoding="utf-8").replace(
    "representative: {title: みなみ県知事, name: 南野　五郎}",
    "representative: {title: みなみ県知事, name: 南野　五郎, reading: みなみの　ごろう, note: 代理出席}", 1)
WITNESS_LINE = ("{% for w in agreement.document.witnesses %}\n"
                "<p>立会人　{{ w.representative.name }}（{{ w.representative.reading }}）"
                "　{{ w.representative.note }}</p>\n{% endfor %}\n")
# reads every party's signer's reading and note, never the witness's
SIGNERS_LINE = ("{% for pid, p in parties %}\n"
                "<p>{{ p.signer().reading or '' }}{{ p.signer().note or '' }}</p>\n{% endfor %}\n")

# the seed's notice listing no 締結者 (ki: date and place), its 局長 with a note
# (and without the ceremony's signatories and 次第, which only the 記's items it leaves out print)
NOTE = "".join(line for line in SEED.replace("      name: 中島　和彦\n", "      name: 中島　和彦\n      note: 予定\n", 1)
               .replace("  closing_ijo:", "  ki: [date, place]\n  closing_ijo:", 1).splitlines(keepends=True)
               if not line.startswith(("    signatories: [bureau", "    agenda: [出席者紹介")))
NOTE_LINE = ("{% for pid, p in parties if p.representative.note %}\n"
             "<p>（{{ p.representative.title }}　{{ p.representative.note }}）</p>\n{% endfor %}\n")

# the seed without its agreement document, 北見工業大学 with a country
DOCUMENT = ("  document:                    # the agreement document (協定書), 甲乙 labels\n"
            "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
            "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n")
COUNTRY = SEED.replace(DOCUMENT, "", 1).replace(
    "    name: 北見工業大学\n", "    name: 北見工業大学\n    country: 日本国\n", 1)
COUNTRY_LINE = ("{% for pid, p in parties if p.country %}\n"
                "<p>{{ p.name }}（{{ p.country }}）</p>\n{% endfor %}\n")

# the seed without its agreement document, its 局長's name typed as the signed copy types it
TYPED = SEED.replace(DOCUMENT, "", 1).replace(
    "      name: 中島　和彦\n", "      name: 中島　和彦\n      typed: {name: 中島和彦}\n", 1)
TYPED_LINE = ("{% for pid, p in parties if p.representative.typed %}\n"
              "<p>（署名　{{ p.representative.typed.name }}）</p>\n{% endfor %}\n")

# the seed's notice with a section that is a linked document, given a heading of its own
SECTION = SEED.replace("  closing_ijo: false\n", "  closing_ijo: false\n  sections:\n    - heading: 【参考資料】\n"
                       "      document: {title: 協定書, address: \"https://example.jp/k.pdf\"}\n", 1)
SECTION_LINE = ("{% for s in notice.sections if s.document and s.heading %}\n"
                "<p>{{ s.heading }}</p>\n{% endfor %}\n")

# the seed's notice whose 記 lists no place: its venue and address printed by no item
VENUE = SEED.replace("  closing_ijo:", "  ki: [date, signatories, agenda]\n  closing_ijo:", 1)
VENUE_LINE = "<p>会場　{{ notice.ceremony.venue }}（{{ notice.ceremony.venue_address }}）</p>\n"

CASES = {
    # name: (spec, the template it is printed by, the line that prints it, what the PDF then says,
    #        the keys refused without it: (text on the key's line, its key, its message))
    "witness": (WITNESS, "agreement.xml.j2", WITNESS_LINE, "立会人南野五郎（みなみのごろう）代理出席", [
        ("reading: みなみの", "agreement.document.witnesses[0].representative.reading",
         "a witness's reading is printed nowhere (readings are the press notice's, and the witness is not in"
         " it): remove it"),
        ("note: 代理出席", "agreement.document.witnesses[0].representative.note",
         "a witness's note is printed nowhere (notes are the notices' 締結者, and the witness is not in it):"
         " remove it")]),
    "note": (NOTE, "press-notice.xml.j2", NOTE_LINE, "（北海道オホーツク総合振興局長予定）", [
        ("note: 予定", "parties.bureau.representative.note",
         "the note is printed after the signer's name in the notices' 締結者, and no notice of this spec lists"
         " the party's signer (a 締結者 item, or the release after the signing): it would have no effect")]),
    "country": (COUNTRY, "press-notice.xml.j2", COUNTRY_LINE, "北見工業大学（日本国）", [
        ("country: 日本国", "parties.kitami_it.country",
         "the country is printed above the party's signature block, and there is no agreement document"
         " (agreement.document): it would have no effect")]),
    "typed": (TYPED, "press-notice.xml.j2", TYPED_LINE, "（署名中島和彦）", [
        ("typed: {name", "parties.bureau.representative.typed",
         "typed sets the signer's title and name in the agreement's signature block, and there is no agreement"
         " document (agreement.document): it would have no effect")]),
    "venue": (VENUE, "press-notice.xml.j2", VENUE_LINE, "会場オホーツク合同庁舎１階保健所会議室（網走市北７条西３丁目）", [
        ("venue: オホーツク", "press_notice.ceremony.venue",
         "ki does not list 'place', so ceremony.venue would not be printed: add '- place' to ki, or remove the key"),
        ("venue_address:", "press_notice.ceremony.venue_address",
         "ki does not list 'place', so ceremony.venue_address would not be printed: add '- place' to ki, or remove"
         " the key")]),
    "section": (SECTION, "press-notice.xml.j2", SECTION_LINE, "【参考資料】", [
        ("heading: 【参考資料】", "press_notice.sections[0].heading",
         "the section is a linked document (document:), whose title is its heading: a heading of its own would be"
         " printed nowhere; give the title as the document's title, or write the section with a heading and"
         " documents: […] under it")]),
}


def _spec(folder: Path, name: str) -> Path:
    text = CASES[name][0]
    for changed in (WITNESS != WITNESSED.read_text(encoding="utf-8"), NOTE.count("note: 予定") == 1,
                    "typed: {name" in TYPED, "【参考資料】" in SECTION, "ki: [date, signatories" in VENUE,
                    "ki: [date, place]" in NOTE, "agenda: [" not in NOTE, DOCUMENT not in COUNTRY, "country: 日本国" in COUNTRY):
        assert changed                         # each replacement found its text
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _templates(folder: Path, template: str, line: str = "") -> Path:
    """A template folder with the bundled `template`, `line` added after its text."""
    mine = folder / f"mine-{len(list(folder.glob('mine-*')))}"
    mine.mkdir()
    text = (ROOT / "templates" / template).read_text(encoding="utf-8")
    end = text.rindex("</document>")
    (mine / template).write_text(text[:end] + line + text[end:], encoding="utf-8")
    return mine


def _line(spec: Path, text: str) -> int:
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@needs_poppler
@pytest.mark.parametrize("name", CASES)
def test_a_key_a_users_template_prints_is_taken_and_printed(name, tmp_path):
    spec = _spec(tmp_path, name)
    _, template, line, printed, refused = CASES[name]
    mine = _templates(tmp_path, template, line)
    out = tmp_path / "out"
    build = run_generate(spec, "-o", out, "--templates", mine)
    assert build.returncode == 0, build.stderr
    for _, key, _ in refused:
        assert key not in build.stdout + build.stderr     # no refusal, and no note: the user's choice
    kind = template.removesuffix(".xml.j2")
    assert printed in no_space(pdf_text(out / name / f"{kind}.pdf"))


@pytest.mark.parametrize("name", CASES)
def test_a_key_no_template_in_use_prints_is_refused(name, tmp_path):
    """With the bundled templates, and with a user's that does not read the field (the
    bundled one copied: its render reads other objects of the same kinds), refused at
    the key's line as before, and nothing is written."""
    spec = _spec(tmp_path, name)
    template, refused = CASES[name][1], CASES[name][4]
    for extra in ([], ["--templates", _templates(tmp_path, template)]):
        out = tmp_path / "out"
        build = run_generate(spec, "-o", out, *extra)
        assert build.returncode == 1 and "Traceback" not in build.stderr
        for text, key, message in refused:
            assert f"error: {spec}:{_line(spec, text)}: {key}: {message}" in build.stderr, build.stderr
        assert not (out / name).exists()


def test_a_witness_is_read_as_itself_not_as_every_signer(tmp_path):
    """A user's template that reads every party's signer's reading and note reads no
    witness's: the render's record is of the objects read, not of their kind, and the
    witness's reading and note are still refused."""
    spec = _spec(tmp_path, "witness")
    check = run_generate("check", spec, "--templates", _templates(tmp_path, "agreement.xml.j2", SIGNERS_LINE))
    assert check.returncode == 1 and "Traceback" not in check.stderr
    for text, key, message in CASES["witness"][4]:
        assert f"error: {spec}:{_line(spec, text)}: {key}: {message}" in check.stderr, check.stderr
