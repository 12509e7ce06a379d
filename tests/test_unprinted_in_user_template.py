"""Keys no bundled template prints (spec/unprinted.py), with a user's templates
(--templates): a witness's reading and note, a person's note no 締結者 prints, a party's
country, a signer's typed form, a party's typed_name and the term's notice_in_writing
where no agreement document is made, a heading of its own on a section that is a linked
document, a fact of the ceremony no item of ki: prints, a typed form of a head who does
not sign, a typed_name over a block without an organisation line, a group and a phone
of a person the 記 lists, a step's people in a ceremony of several. The bundled
templates refuse each as a key with no effect, at its line; a template of the user's own that reads the field of
that very object gives it an effect: the spec builds, and the field is printed where
that template prints it (build/unprinted.py). Runs the real command line on real
template folders and reads the PDF back. (A head beside its signatory, the first key
decided so: tests/test_head_in_user_template.py.)"""
from __future__ import annotations

import shutil
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

# the seed's 局長 with a typed form, beside a signatory who signs in the 局長's place (a
# head the user's template reads too: tests/test_head_in_user_template.py)
NOT_SIGNING = SEED.replace("      name: 中島　和彦\n", "      name: 中島　和彦\n      typed: {name: 中島　　和彦}\n", 1).replace(
    "    statements:\n      - 公共", "    signatory: {title: 副局長, name: 山田　太郎}\n    statements:\n      - 公共", 1)
HEAD_TYPED_LINE = ("{% for pid, p in parties if p.representative.typed %}\n"
                   "<p>（{{ p.representative.title }}　{{ p.representative.typed.name }}）</p>\n{% endfor %}\n")

# the seed's agreement document as its published copy, which prints no signature block (nor
# so the parties' addresses), its 局長's name typed as the signed copy types it
WITHHELD = SEED.replace(
    DOCUMENT, DOCUMENT + "    signature_blocks: withheld\n", 1).replace(
    "    address: 北海道網走市北７条西３丁目\n", "", 1).replace("    address: 北海道北見市公園町165番地\n", "", 1).replace(
    "      name: 中島　和彦\n", "      name: 中島　和彦\n      typed: {name: 中島　　和彦}\n", 1)

# the seed's 振興局 with its name as the signed copy types it, over a block that prints no
# organisation line (its 局長's title names it); and without the agreement document
TYPED_NAME = SEED.replace("    name: 北海道オホーツク総合振興局\n",
                          "    name: 北海道オホーツク総合振興局\n    typed_name: 北海道ｵﾎｰﾂｸ総合振興局\n", 1)
TYPED_NAME_NO_DOCUMENT = TYPED_NAME.replace(DOCUMENT, "", 1)
TYPED_NAME_LINE = ("{% for pid, p in parties if p.typed_name %}\n"
                   "<p>（{{ p.typed_name }}）</p>\n{% endfor %}\n")

# the seed without its agreement document, its term's notice not to renew given in writing
IN_WRITING = SEED.replace(DOCUMENT, "", 1).replace("    renewal_notice: 1か月\n",
                                                   "    renewal_notice: 1か月\n    notice_in_writing: true\n", 1)
IN_WRITING_LINE = ("{% if agreement.validity.notice_in_writing %}\n"
                   "<p>更新しない旨の通知は書面による。</p>\n{% endif %}\n")

# the seed's agreement document without its 有効期間 article (the term is the spec's validity
# alone), its notice not to renew given in writing
NO_ARTICLE = SEED.replace(DOCUMENT, DOCUMENT + "    articles:\n      validity: {remove: true}\n", 1).replace(
    "    renewal_notice: 1か月\n", "    renewal_notice: 1か月\n    notice_in_writing: true\n", 1)

# the seed's 記 with an item of its own listing a guest with a group and a phone
LISTED = SEED.replace("  closing_ijo:", "  ki:\n    - date\n    - place\n    - signatories\n    - agenda\n"
                      "    - label: 出席者\n      people: [{title: 北見市長, name: 辻　直孝, group: 秘書グループ,"
                      " phone: 0157-00-0000}]\n  closing_ijo:", 1)
LISTED_LINE = ("{% for e in notice.ki if e.people %}{% for p in e.people %}\n"
               "<p>（{{ p.group }}　{{ p.name }}　電話{{ p.phone }}）</p>\n{% endfor %}{% endfor %}\n")

# 彦根市's two ceremonies, the first with a 次第 whose step lists who greets under it
SEVERAL = (ROOT / "tests" / "data" / "real" / "hikone-fire-drone-2022.yaml").read_text(encoding="utf-8").replace(
    "      signatories: [procrew]", "      signatories: [procrew]\n      agenda: [開会, {step: 挨拶, people: [{title: 消防長,"
    " name: 岡田　広幸}]}]", 1)
SEVERAL_LINE = ("{% for c in notice.ceremonies %}{% for a in c.agenda %}{% for p in a.people %}\n"
                "<p>（{{ c.label }}　{{ a.step }}　{{ p.title }}）</p>\n{% endfor %}{% endfor %}{% endfor %}\n")

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
    "not-signing": (NOT_SIGNING, "agreement.xml.j2", HEAD_TYPED_LINE, "（北海道オホーツク総合振興局長中島和彦）", [
        ("typed: {name", "parties.bureau.representative.typed",
         "北海道オホーツク総合振興局長 does not sign the agreement (the signatory signs for the party): typed would"
         " have no effect; write it under signatory")]),
    "typed-withheld": (WITHHELD, "agreement.xml.j2", TYPED_LINE, "（署名中島和彦）", [
        ("typed: {name", "parties.bureau.representative.typed",
         "signature_blocks: withheld prints no signature block, and typed sets the signer's title and name in it:"
         " it would have no effect")]),
    "typed-name": (TYPED_NAME, "agreement.xml.j2", TYPED_NAME_LINE, "（北海道ｵﾎｰﾂｸ総合振興局）", [
        ("typed_name:", "parties.bureau.typed_name",
         "the signature block prints no organisation line (the title 北海道オホーツク総合振興局長 names it;"
         " organisation_line: always would print it): typed_name would have no effect; remove it")]),
    "typed-name-no-document": (TYPED_NAME_NO_DOCUMENT, "press-notice.xml.j2", TYPED_NAME_LINE,
                               "（北海道ｵﾎｰﾂｸ総合振興局）", [
        ("typed_name:", "parties.bureau.typed_name",
         "typed_name sets the organisation's line of the agreement's signature block, and no block is printed"
         " (no agreement document, or signature_blocks: withheld): it would have no effect; remove it")]),
    "in-writing": (IN_WRITING, "press-notice.xml.j2", IN_WRITING_LINE, "更新しない旨の通知は書面による。", [
        ("notice_in_writing:", "agreement.validity.notice_in_writing",
         "notice_in_writing is printed in the agreement document's 有効期間 article, and there is no document:"
         " it would have no effect")]),
    "in-writing-no-article": (NO_ARTICLE, "agreement.xml.j2", IN_WRITING_LINE, "更新しない旨の通知は書面による。", [
        ("notice_in_writing:", "agreement.validity.notice_in_writing",
         "notice_in_writing is printed in the standard set's 有効期間 article, and the document prints no such"
         " article (no set chosen, the article removed or given its own text): it would have no effect; write"
         " 書面による in the article's own text")]),
    "listed": (LISTED, "press-notice.xml.j2", LISTED_LINE, "（秘書グループ辻直孝電話0157-00-0000）", [
        (f"{key}:", f"press_notice.ki[4].people[0].{key}",
         f"{key} is printed on a contact's person's line (press_notice.contacts[].people), and this person is one"
         " the notice lists: it would have no effect; write it in the person's title or the item's text, or"
         " remove it") for key in ("group", "phone")]),
    "several": (SEVERAL, "press-notice.xml.j2", SEVERAL_LINE, "（調印式(1)挨拶消防長）", [
        ("agenda: [開会", "press_notice.ceremonies[0].agenda[1].people",
         "a ceremony of several prints its 次第 on one line after its label, its steps joined, where nothing stands"
         " under a step: people would have no effect (a line under the ceremony's item is one of its notes:)")]),
}


def _spec(folder: Path, name: str) -> Path:
    text = CASES[name][0]
    for changed in (WITNESS != WITNESSED.read_text(encoding="utf-8"), NOTE.count("note: 予定") == 1,
                    "typed: {name" in TYPED, "【参考資料】" in SECTION, "ki: [date, signatories" in VENUE,
                    "ki: [date, place]" in NOTE, "agenda: [" not in NOTE, DOCUMENT not in COUNTRY, "country: 日本国" in COUNTRY):
        assert changed                         # each replacement found its text
    for changed in ("signatory: {title: 副局長" in NOT_SIGNING, "typed: {name: 中島　　和彦}" in NOT_SIGNING,
                    "typed_name: 北海道ｵﾎｰﾂｸ" in TYPED_NAME, DOCUMENT not in TYPED_NAME_NO_DOCUMENT,
                    DOCUMENT not in IN_WRITING, "notice_in_writing: true" in IN_WRITING,
                    "phone: 0157-00-0000" in LISTED, "signature_blocks: withheld" in WITHHELD,
                    "address: 北海道北見市" not in WITHHELD, "typed: {name" in WITHHELD, "validity: {remove: true}" in NO_ARTICLE, "name: 岡田　広幸}]}]" in SEVERAL):
        assert changed
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    if "style: styles/" in text:                 # a real case: beside its house style
        style = text.split("style: styles/", 1)[1].split()[0]
        (folder / "styles").mkdir(exist_ok=True)
        shutil.copy(ROOT / "tests" / "data" / "real" / "styles" / style, folder / "styles")
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


def test_what_the_text_alone_knows_is_unprinted_is_said_beside_its_other_problems(tmp_path):
    """Where the agreement's text is refused for another reason (a blank title note), a
    typed_name whose block prints no organisation line and a notice_in_writing with no
    article to print it are refused beside it, at once, as before they were the build's
    to decide: the build stops at the text, before any template could read them."""
    text = NO_ARTICLE.replace("    name: 北海道オホーツク総合振興局\n",
                              "    name: 北海道オホーツク総合振興局\n    typed_name: 北海道ｵﾎｰﾂｸ総合振興局\n", 1)
    text = text.replace(DOCUMENT, DOCUMENT + '    title_note: "　"\n', 1)
    assert "typed_name: 北海道ｵﾎｰﾂｸ" in text and "title_note:" in text
    spec = tmp_path / "beside.yaml"
    spec.write_text(text, encoding="utf-8")
    check = run_generate("check", spec, "--templates", _templates(tmp_path, "agreement.xml.j2", TYPED_NAME_LINE))
    assert check.returncode == 1 and "Traceback" not in check.stderr
    _, key, message = CASES["typed-name"][4][0]
    assert f"error: {spec}:{_line(spec, 'typed_name:')}: {key}: {message}" in check.stderr, check.stderr
    _, key, message = CASES["in-writing-no-article"][4][0]
    assert f"error: {spec}:{_line(spec, 'notice_in_writing:')}: {key}: {message}" in check.stderr, check.stderr
    assert f"error: {spec}:{_line(spec, 'title_note:')}: agreement.document.title_note: " in check.stderr
