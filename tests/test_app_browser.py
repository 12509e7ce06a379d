"""The app end to end in a real browser: Debian's chromium, headless, driven by
Playwright for Python (its own browser download is never used: executable_path).

A notice is made from the starter as a person would make it: typing into the form,
watching the pages change, meeting an error at its field, saving, reloading the
page, downloading the PDF and reading its text."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from conftest import no_space, pdf_text

from jpdocs.app.server import make_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

SUBJECT = "北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    server, app = make_server(folder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(app):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        # bypass_csp: the test waits with script of its own, which the page's policy forbids
        context = browser.new_context(accept_downloads=True, bypass_csp=True,
                                      viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"http://127.0.0.1:{app.port}/")
        page.wait_for_selector("body[data-ready]")
        yield page
        assert errors == []            # no script error on the way
        browser.close()


def field(page, path: str, tag: str = "input, textarea, select"):
    """The control of the form field at a key path (as the command line names keys)."""
    return page.locator(f'[data-path="{path}"]').first.locator(tag).first


def add_row(page, path: str):
    page.locator(f'[data-path="{path}"] > fieldset > button.add').click()


def wait_preview(page, state: str):
    page.wait_for_function(f"document.querySelector('#preview').dataset.state === '{state}'"
                           " && !document.querySelector('#preview').classList.contains('busy')", timeout=30_000)


def open_spec(page, name: str):
    """Open a spec written into the app's folder (the page reloaded: its list names it)
    and wait for its pages."""
    page.reload()
    page.wait_for_selector("body[data-ready]")
    page.select_option("#spec-list", name)
    page.click("#open-spec")
    wait_preview(page, "ok")


def test_make_a_notice_in_the_browser(app, page, tmp_path):
    page.select_option("#starter-kind", "notice")
    page.fill("#new-name", "2024-02-27-kitami")
    page.click("#new-spec")
    page.wait_for_selector('[data-path="issuer"] input')
    assert (app.folder / "2024-02-27-kitami.yaml").is_file()
    # The starter says nothing: the problems are listed, each at its field.
    wait_preview(page, "problems")
    # an empty box is said as the form shows it (the CLI: "got nothing (the value after the colon is empty)")
    assert "expected text, got an empty box" in page.locator('[data-path="issuer"] .field-error').inner_text()
    assert "error: " in page.locator("#problems").inner_text()
    # said in the form's words: the subject's message names the checkbox beside its box,
    # where it said `false` (a YAML value the form user never types), and the empty box
    # as the form shows it, not the YAML's colon
    subject = page.locator('[data-path="press_notice.subject"] .field-error .message').inner_text()
    assert "「件名なし（写しに表題がないとき）」 ticked" in subject and "false" not in subject, subject
    assert "colon" not in subject, subject
    # the line the list names is the line of the file the user would open (the text the
    # app builds leaves out the starter's empty representative.name: lines above it)
    on_disk = (app.folder / "2024-02-27-kitami.yaml").read_text(encoding="utf-8").splitlines()
    where = page.locator('#problems [data-key="press_notice.subject"] .where').inner_text()
    line = int(where.split(":")[1].split()[0])
    assert on_disk[line - 1].strip().startswith("subject:"), (where, on_disk[line - 1])

    field(page, "issuer").fill("北海道オホーツク総合振興局")
    field(page, "parties.party1.name").fill("北海道オホーツク総合振興局")
    field(page, "parties.party1.representative.title").fill("北海道オホーツク総合振興局長")
    field(page, "parties.party1.representative.name").fill("中島　和彦")
    field(page, "parties.party2.name").fill("北見工業大学")
    field(page, "parties.party2.representative.title").fill("北見工業大学学長")
    field(page, "parties.party2.representative.name").fill("鈴木　聡一郎")
    field(page, "agreement.title").fill("北海道オホーツク総合振興局と北見工業大学との包括連携協定")
    field(page, "agreement.signing_date").fill("2024-02-27")
    add_row(page, "agreement.areas")
    field(page, "agreement.areas[0].heading").fill("農林水産業の振興に関する事項")
    field(page, "press_notice.issue_date").fill("2024-02-16")
    field(page, "press_notice.subject").fill("仮の件名")
    add_row(page, "press_notice.opening")
    field(page, "press_notice.opening[0]").fill("今般、北海道オホーツク総合振興局と北見工業大学は、包括連携協定を締結することとしました。")
    field(page, "press_notice.ceremony.date").fill("2024-02-27")
    field(page, "press_notice.ceremony.start").fill("11:00")
    field(page, "press_notice.ceremony.venue").fill("オホーツク合同庁舎　１階保健所会議室")
    page.locator('[data-path="press_notice.background"] button.remove').first.click()    # no 経緯
    field(page, "press_notice.press_request.contact.department").fill("オホーツク総合振興局地域創生部地域政策課")
    field(page, "press_notice.contacts[0].department").fill("オホーツク総合振興局地域創生部")
    wait_preview(page, "ok")
    assert page.locator("#problems .problem").count() == 0
    # the era beside the date, as the notice prints it
    assert page.locator('[data-era-for="press_notice.issue_date"]').inner_text() == "令和６年２月16日（金）"
    first = page.locator('#preview img[data-doc="press-notice.pdf"]').first.get_attribute("src")
    assert page.locator('#preview img[data-doc="overview.pdf"]').count() == 1

    # The pages follow the typing.
    field(page, "press_notice.subject").fill(SUBJECT)
    page.wait_for_function("src => document.querySelector('#preview img').getAttribute('src') !== src", arg=first,
                           timeout=30_000)
    wait_preview(page, "ok")

    # A mistake is shown at its field, in the command line's words.
    field(page, "press_notice.ceremony.date").fill("2024-02-30")
    error = page.locator('[data-path="press_notice.ceremony.date"] .field-error')
    error.wait_for(timeout=30_000)
    assert error.locator(".message").inner_text() == "2024-02-30 is not a valid date: 2024年2月 has 29 days"
    listed = page.locator("#problems .problem").inner_text()
    assert "報道発表（報道機関各位） › 締結式 › 日時（日付）: 2024-02-30 is not a valid date" in listed
    assert "press_notice.ceremony.date" in page.locator("#problems .problem .where").inner_text()
    field(page, "press_notice.ceremony.date").fill("2024-02-27")
    wait_preview(page, "ok")
    assert page.locator(".field-error").count() == 0

    # Save, reload: the form shows the file as saved.
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved = (app.folder / "2024-02-27-kitami.yaml").read_text(encoding="utf-8")
    assert f"subject: {SUBJECT}" in saved and "# 件名" in saved          # the starter's comments stay
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert field(page, "press_notice.subject").input_value() == SUBJECT
    wait_preview(page, "ok")

    # Download the notice and read it.
    with page.expect_download() as info:
        page.click('#downloads a[data-file="press-notice.pdf"]')
    pdf = tmp_path / "downloaded.pdf"
    info.value.save_as(pdf)
    text = no_space(pdf_text(pdf))
    assert no_space(SUBJECT) in text
    assert "令和６年（2024年）２月27日（火）" in text and "北見工業大学学長鈴木聡一郎" in text


def test_a_logo_uploaded_in_the_browser_is_on_the_overview_sheet(app, page, tmp_path):
    from PIL import Image
    from conftest import SEED_SPEC
    (app.folder / SEED_SPEC.name).write_text(SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    before = page.locator('#preview img[data-doc="overview.pdf"]').get_attribute("src")
    logo = tmp_path / "bureau-logo.png"
    Image.new("RGB", (400, 100), (30, 60, 120)).save(logo)
    page.locator('[data-path="parties.bureau"] details.more').first.evaluate("d => d.open = true")
    page.locator('[data-path="parties.bureau.logo"] input[type=file]').set_input_files(str(logo))
    page.wait_for_function("document.querySelector('[data-path=\"parties.bureau.logo\"] input').value"
                           " === 'bureau-logo.png'", timeout=30_000)
    assert (app.folder / "bureau-logo.png").read_bytes() == logo.read_bytes()
    page.wait_for_function("src => document.querySelector('#preview img[data-doc=\"overview.pdf\"]')"
                           ".getAttribute('src') !== src", arg=before, timeout=30_000)
    wait_preview(page, "ok")
    # a file that is not what its name says is refused, with the server's words
    fake = tmp_path / "fake.png"
    fake.write_text("<html></html>", encoding="utf-8")
    page.locator('[data-path="parties.kitami_it"] details.more').first.evaluate("d => d.open = true")
    page.locator('[data-path="parties.kitami_it.logo"] input[type=file]').set_input_files(str(fake))
    page.wait_for_function("document.querySelector('#status').textContent.includes('not a PNG image')",
                           timeout=30_000)
    assert not (app.folder / "fake.png").exists()
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    assert "    logo: bureau-logo.png\n" in (app.folder / SEED_SPEC.name).read_text(encoding="utf-8")


def test_a_photo_uploaded_in_the_browser_is_printed_over_its_caption(app, page, tmp_path):
    """A notice's photo is a picture: its file field offers images (not the PDFs an
    attachment takes), the upload lands beside the spec, and the saved spec builds a
    notice whose page holds that picture."""
    import subprocess
    import sys
    from PIL import Image
    from conftest import ROOT, SEED_SPEC
    Image.new("RGB", (300, 200), (200, 200, 200)).save(app.folder / "first.jpg")
    section = ("  sections:\n    - heading: 【締結式の様子】\n      photos:\n"
               "        - {file: first.jpg, caption: 協定書を手にする局長と学長}\n  press_request:\n")
    spec = SEED_SPEC.read_text(encoding="utf-8").replace("  press_request:\n", section, 1)
    (app.folder / SEED_SPEC.name).write_text(spec, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    path = "press_notice.sections[0].photos[0].file"
    control = page.locator(f'[data-path="{path}"] input[type=file]')
    assert control.get_attribute("accept") == ".png,.jpg,.jpeg"
    photo = tmp_path / "signing.jpg"
    Image.new("RGB", (480, 320), (150, 40, 40)).save(photo)
    control.set_input_files(str(photo))
    page.wait_for_function(f"document.querySelector('[data-path=\"{path}\"] input').value === 'signing.jpg'",
                           timeout=30_000)
    assert (app.folder / "signing.jpg").read_bytes() == photo.read_bytes()
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    assert "{file: signing.jpg, caption: 協定書を手にする局長と学長}" in (app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(ROOT / "generate.py"), str(app.folder / SEED_SPEC.name), "--kinds", "press-notice",
                    "--format", "pdf", "-o", str(out)], check=True, capture_output=True)
    images = subprocess.run(["pdfimages", "-list", str(next(out.rglob("press-notice.pdf")))],
                            check=True, capture_output=True, text=True).stdout
    assert any(line.split()[3:5] == ["480", "320"] for line in images.splitlines()[2:]), images
    assert "協定書を手にする局長と学長" in no_space(pdf_text(next(out.rglob("press-notice.pdf"))))


def test_a_signer_without_a_title_is_a_checkbox_beside_the_title(app, page, tmp_path):
    """職名なし beside a signer's title: checked, the box is emptied and disabled, the pages
    build, the save writes title: false and a reload shows it checked; unchecked, the
    title box is empty and editable again and the missing title is said at its field."""
    from conftest import SEED_SPEC
    seed = SEED_SPEC.read_text(encoding="utf-8")
    (app.folder / SEED_SPEC.name).write_text(seed, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    path = "parties.kitami_it.representative.title"
    box = page.locator(f'[data-path="{path}"] label:has-text("職名なし") input[type=checkbox]')
    assert box.count() == 1 and not box.is_checked() and field(page, path).input_value() == "北見工業大学学長"
    before = page.locator('#preview img[data-doc="press-notice.pdf"]').first.get_attribute("src")
    box.check()
    page.wait_for_function("src => document.querySelector('#preview img').getAttribute('src') !== src",
                           arg=before, timeout=30_000)
    wait_preview(page, "ok")
    assert field(page, path).is_disabled() and field(page, path).input_value() == ""
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved = (app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    assert saved == seed.replace("      title: 北見工業大学学長\n", "      title: false\n")
    page.reload()
    page.wait_for_selector("body[data-ready]")
    wait_preview(page, "ok")
    box = page.locator(f'[data-path="{path}"] label:has-text("職名なし") input[type=checkbox]')
    assert box.is_checked() and field(page, path).is_disabled()
    with page.expect_download() as info:
        page.click('#downloads a[data-file="press-notice.pdf"]')
    pdf = tmp_path / "notice.pdf"
    info.value.save_as(pdf)
    text = no_space(pdf_text(pdf))
    assert "北見工業大学鈴木聡一郎様" in text and "北見工業大学学長" not in text
    # unchecked: an empty title box again, the missing title at its field
    box.uncheck()
    assert not field(page, path).is_disabled() and field(page, path).input_value() == ""
    page.locator(f'[data-path="{path}"] .field-error').wait_for(timeout=30_000)
    field(page, path).fill("北見工業大学学長")
    wait_preview(page, "ok")
    assert page.locator(".field-error").count() == 0


def test_no_issuing_office_line_is_a_checkbox_under_the_offices_lines(app, page, tmp_path):
    """発信部署の行なし under the issuing offices' lines (issuing_office: a list, or a text,
    or false: the office's line under the date left out). Checked, the lines are gone and
    the pages build; the save writes issuing_office: false in place of the list and a
    reload shows it checked; the notice read back from the downloaded PDF has its date
    line followed by its 項目, no office between. Unchecked, an empty text box: the issuer,
    as an empty box always meant."""
    from conftest import SEED_SPEC
    listed = "  issuing_office: [オホーツク総合振興局地域創生部地域政策課]\n"
    seed = SEED_SPEC.read_text(encoding="utf-8").replace("  issue_date: 2024-02-16\n",
                                                         "  issue_date: 2024-02-16\n" + listed)
    (app.folder / SEED_SPEC.name).write_text(seed, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    path = "press_notice.issuing_office"
    box = page.locator(f'[data-path="{path}"] label:has-text("発信部署の行なし") input[type=checkbox]')
    assert box.count() == 1 and not box.is_checked()
    assert field(page, f"{path}[0]").input_value() == "オホーツク総合振興局地域創生部地域政策課"
    before = page.locator('#preview img[data-doc="press-notice.pdf"]').first.get_attribute("src")
    box.check()
    page.wait_for_function("src => document.querySelector('#preview img').getAttribute('src') !== src",
                           arg=before, timeout=30_000)
    wait_preview(page, "ok")
    assert page.locator(f'[data-path="{path}[0]"]').count() == 0
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved = (app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    assert saved == seed.replace(listed, "  issuing_office: false\n"), saved
    page.reload()
    page.wait_for_selector("body[data-ready]")
    wait_preview(page, "ok")
    box = page.locator(f'[data-path="{path}"] label:has-text("発信部署の行なし") input[type=checkbox]')
    assert box.is_checked() and page.locator(f'[data-path="{path}"] input[type=text]').is_disabled()
    with page.expect_download() as info:
        page.click('#downloads a[data-file="press-notice.pdf"]')
    pdf = tmp_path / "notice.pdf"
    info.value.save_as(pdf)
    text = no_space(pdf_text(pdf))
    assert "２月16日（金）配布項目" in text and "地域政策課" not in text.split("項目")[0], text[:120]
    # unchecked: an empty text box, editable; the issuer's line again, no problem
    box.uncheck()
    assert not field(page, path).is_disabled() and field(page, path).input_value() == ""
    wait_preview(page, "ok")
    assert page.locator(".field-error").count() == 0


def test_a_warning_is_at_its_field_and_its_advice_can_be_followed(app, page, tmp_path):
    """The seed with its venue left empty (`venue:`, a starter's line not filled): the
    build's warning (the 記 prints no 場所; delete the key where it is not yet known) is
    beside the 場所 field, in the build's words but for the key (its 削除 button), and listed under the field's Japanese
    name. The field has a 削除 button (a required field has none); pressed, the field
    moves under その他の項目, the warning goes, and the save writes the file without
    the key. Before, the warning stood in a list in the command line's terms and the
    key could not be dropped: an emptied box is saved as an empty value."""
    from conftest import SEED_SPEC
    seed = SEED_SPEC.read_text(encoding="utf-8")
    spec = seed.replace("    venue: オホーツク合同庁舎　１階保健所会議室\n    venue_address: 網走市北７条西３丁目\n",
                        "    venue:\n")
    assert spec != seed
    (app.folder / SEED_SPEC.name).write_text(spec, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    path = "press_notice.ceremony.venue"
    warning = page.locator(f'[data-path="{path}"] .field-warning')
    warning.wait_for(timeout=30_000)
    assert warning.locator(".level").inner_text() == "warning:"
    # in the form's words: the key to delete is the field's 削除 button (form_words.py)
    assert warning.locator(".message").inner_text() == (
        "left empty, as if not written: the notice prints no 場所;"
        " write it, or take the field out with its 削除 button where it is not yet known")
    listed = page.locator(f'#problems .warning[data-key="{path}"]')
    assert listed.locator(".field-name").inner_text() == "報道発表（報道機関各位） › 締結式 › 場所"
    assert f"{SEED_SPEC.name}:" in listed.locator(".where").inner_text()
    # optional keys the spec holds have the button, required ones none
    for optional in (path, "press_notice.ceremony.start", "parties.bureau.short_name"):
        assert page.locator(f'[data-path="{optional}"] > button.drop').count() == 1, optional
    for required in ("issuer", "parties.bureau.name", "press_notice.subject", "press_notice.issue_date"):
        assert page.locator(f'[data-path="{required}"] > button.drop').count() == 0, required
    page.locator(f'[data-path="{path}"] > button.drop').click()
    assert page.locator(f'details.more [data-path="{path}"]').count() == 1          # with the absent keys
    assert page.locator(f'[data-path="{path}"] > button.drop').count() == 0
    page.wait_for_function("document.querySelectorAll('.field-warning').length === 0", timeout=30_000)
    wait_preview(page, "ok")
    assert path not in page.locator("#problems").inner_text()
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved = (app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    assert saved == spec.replace("    venue:\n", ""), saved
    assert page.locator('#problems .warning').count() == 0


def test_a_party_renamed_stays_a_signatory(app, page, tmp_path):
    """A new user renames a party's 記号 (kitami_it → kitami): the ceremony's 締結者 named
    it by its old id, so its box was unticked and the build refused the notice (the
    signatory kitami_it is not a party, "did you mean …" another one). Renamed, it is
    renamed in 締結者 too: still ticked, the pages built, and the save writes the new id."""
    from conftest import SEED_SPEC
    seed = SEED_SPEC.read_text(encoding="utf-8")
    (app.folder / SEED_SPEC.name).write_text(seed, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    ids = page.locator('[data-path="parties"] input.dict-key')
    old = [ids.nth(i).input_value() for i in range(ids.count())]
    assert "kitami_it" in old
    ids.nth(old.index("kitami_it")).fill("kitami")
    # (the pages are the same: an id is printed nowhere; the preview's answer is awaited)
    with page.expect_response(lambda r: "/api/preview" in r.url, timeout=30_000):
        ids.nth(old.index("kitami_it")).press("Tab")
    box = page.locator('[data-path="press_notice.ceremony.signatories"] input[value="kitami"]')
    assert box.is_checked()
    wait_preview(page, "ok")
    assert page.locator("#problems .problem").count() == 0
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    from jpdocs.spec.source import load_yaml
    saved, _ = load_yaml(app.folder / SEED_SPEC.name)
    assert "kitami" in saved["parties"] and "kitami_it" not in saved["parties"]
    assert "kitami" in saved["press_notice"]["ceremony"]["signatories"]
    assert "kitami_it" not in str(saved["press_notice"]["ceremony"]["signatories"])


def test_the_yaml_keys_are_hidden_until_asked_for(app, page, tmp_path):
    """The form showed each field's YAML key in grey beside its label (issuer, subject):
    clutter for a clerk who never opens the file. Now the label stands alone, its key a
    tooltip; the toolbar's 「YAML のキーを表示」 shows every key beside its label, for the
    user who also edits the YAML, and the choice is kept across a reload. The help under
    a field says it in the form's words (labels.py, tests/test_app_help_words.py)."""
    page.select_option("#starter-kind", "notice")
    page.fill("#new-name", "keys")
    page.click("#new-spec")
    page.wait_for_selector('[data-path="issuer"] input')
    label = page.locator('[data-path="press_notice.subject"] > label').first
    key = label.locator(".key")
    assert key.inner_text() == "subject" and not key.is_visible()
    assert label.get_attribute("title") == "YAML: press_notice.subject"
    assert label.inner_text().strip() == "件名"                  # what a clerk reads
    # a help that said `document: overview` says what to choose in the form
    help_text = page.locator('[data-path="press_notice.attachments"] .help').first.inner_text()
    assert "「生成する資料」で「協定の概要」を選ぶ" in help_text and "document:" not in help_text, help_text

    page.check("#show-keys")
    assert key.is_visible() and page.locator('[data-path="issuer"] > label .key').is_visible()
    page.reload()                                              # reloaded: the choice is kept
    page.wait_for_selector("body[data-ready]")
    page.select_option("#spec-list", "keys.yaml")
    page.click("#open-spec")
    page.wait_for_selector('[data-path="press_notice.subject"] > label')
    assert page.is_checked("#show-keys")
    assert page.locator('[data-path="press_notice.subject"] > label .key').first.is_visible()
    page.uncheck("#show-keys")
    assert not page.locator('[data-path="press_notice.subject"] > label .key').first.is_visible()


def test_a_page_break_offers_every_choice_and_parties_are_named(app, page, tmp_path):
    """改ページ of an article of the spec's own is true (a new page before it), false, or
    after_heading: the form offered （なし） and after_heading while it was empty, and はい
    and いいえ alone once chosen (the one option of the union that fit the value). Now one
    select of all, in the form's words, empty or filled; 見出しの後 chosen is saved as
    after_heading. And each party is named by its name in the form's legends (its id
    in its 記号 box alone), the legend following the name as it is typed."""
    from conftest import SEED_SPEC
    seed = SEED_SPEC.read_text(encoding="utf-8").replace(
        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n",
        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n"
        "    extra_articles:\n      - heading: 費用の負担\n        text: [この協定に要する費用は、各自が負担する。]\n", 1)
    assert "extra_articles" in seed
    (app.folder / SEED_SPEC.name).write_text(seed, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    path = "agreement.document.extra_articles[0].new_page"
    select = field(page, path, "select")
    every = ["（既定）", "はい", "いいえ", "見出しの後"]

    def offered():
        return select.evaluate("s => [...s.options].map((o) => o.textContent)")
    assert offered() == every and select.input_value() == ""
    page.locator(f'[data-path="{path}"]').evaluate("e => e.closest('details').open = true")
    select.select_option(label="見出しの後")
    wait_preview(page, "ok")
    assert offered() == every
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    assert "new_page: after_heading" in (app.folder / SEED_SPEC.name).read_text(encoding="utf-8")
    select.select_option(label="はい")
    wait_preview(page, "ok")
    assert offered() == every

    # a cover: はい, or its items (false is refused by the spec: the select offered いいえ)
    cover = field(page, "agreement.document.cover", "select")
    assert cover.evaluate("s => [...s.options].map((o) => o.textContent)") == ["（既定）", "はい"]
    page.locator('[data-path="agreement.document.cover"] button.add').evaluate("b => b.click()")
    field(page, "agreement.document.cover.date", "select").wait_for(state="attached")

    legends = page.locator('[data-path="parties"] > fieldset > .field > .field > fieldset > legend')
    assert legends.all_inner_texts() == ["北海道オホーツク総合振興局", "北見工業大学"]
    field(page, "parties.kitami_it.name").fill("北見工大")
    assert legends.nth(1).inner_text() == "北見工大"


def test_party_ids_are_chosen_by_name_and_a_page_may_show_no_date(app, page, tmp_path):
    """A translation's signer (当事者) and the rows of 署名欄の前の記号 take a party's id:
    they were text boxes, where a clerk typed an id the form shows in the party's 記号 box
    alone. Now each is a select of the parties by name, storing the id, and renaming a
    party's id follows into it. 配布日 none (a page that gives no date) was typed into the
    date's box: now 「日付を示さない」 beside it, the box disabled while ticked."""
    from conftest import SEED_SPEC
    seed = SEED_SPEC.read_text(encoding="utf-8").replace(
        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n",
        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n"
        "    block_labels: [bureau]\n    cover:\n      names: {bureau: 北海道オホーツク総合振興局, kitami_it: 北見工業大学}\n"
        "    translations:\n      - language: en\n        title: AGREEMENT\n"
        "        paragraphs: [The parties agree.]\n        signers:\n"
        "          - party: bureau\n            lines: [Okhotsk General Subprefectural Bureau]\n"
        "          - party: kitami_it\n            lines: [Kitami Institute of Technology]\n", 1)
    assert "translations:" in seed
    (app.folder / SEED_SPEC.name).write_text(seed, encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    names = ["（当事者を選ぶ）", "北海道オホーツク総合振興局", "北見工業大学"]
    signer = field(page, "agreement.document.translations[0].signers[0].party", "select")
    row = field(page, "agreement.document.block_labels[0]", "select")
    for select in (signer, row):
        assert select.evaluate("s => [...s.options].map((o) => o.textContent)") == names
        assert select.input_value() == "bureau"
    row.select_option(label="北見工業大学")
    wait_preview(page, "ok")
    # a cover's names by party: the party chosen, ＋ 追加 the next party (it made party2)
    cover = '[data-path="agreement.document.cover.names"]'
    page.locator(cover).evaluate("e => e.closest('details') && (e.closest('details').open = true)")
    keys = page.locator(f"{cover} select.dict-key")
    offered = "ss => ss.map((s) => [...s.options].map((o) => o.textContent))"
    assert keys.evaluate_all(offered) == [names[1:2], names[2:]]        # each party once
    add = page.locator(f"{cover} > fieldset > button.add")
    assert add.is_disabled()                                             # every party has its name
    page.locator(f"{cover} > fieldset > .field > button.remove").nth(1).click()
    assert keys.evaluate_all(offered) == [names[1:]]
    add.click()
    field(page, "agreement.document.cover.names.kitami_it").fill("北見工業大学")
    wait_preview(page, "ok")
    # the party's id renamed: the translation's signer follows it
    ids = page.locator('[data-path="parties"] input.dict-key')
    with page.expect_response(lambda r: "/api/preview" in r.url, timeout=30_000):
        ids.nth(0).fill("okhotsk")
        ids.nth(0).press("Tab")
    signer = field(page, "agreement.document.translations[0].signers[0].party", "select")
    assert signer.input_value() == "okhotsk"

    date = field(page, "press_notice.issue_date", "input[type=text]")
    assert date.input_value() == "2024-02-16" and date.is_enabled()
    page.locator('[data-path="press_notice.issue_date"] label', has_text="日付を示さない").click()
    date = field(page, "press_notice.issue_date", "input[type=text]")
    assert date.is_disabled() and date.input_value() == "" and date.get_attribute("placeholder") is None
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    from jpdocs.spec.source import load_yaml
    saved, _ = load_yaml(app.folder / SEED_SPEC.name)
    assert saved["press_notice"]["issue_date"] == "none"
    assert saved["agreement"]["document"]["block_labels"] == ["kitami_it"]
    assert [s["party"] for s in saved["agreement"]["document"]["translations"][0]["signers"]] == ["okhotsk", "kitami_it"]
    assert saved["agreement"]["document"]["cover"]["names"] == {"okhotsk": "北海道オホーツク総合振興局",
                                                                "kitami_it": "北見工業大学"}
    page.locator('[data-path="press_notice.issue_date"] label', has_text="日付を示さない").click()
    assert field(page, "press_notice.issue_date", "input[type=text]").is_enabled()


def test_several_agreements_are_named_by_their_titles(app, page, tmp_path):
    """彦根市's two agreements (agreements:, by id: procrew, rise) were headed by their ids,
    each the id of a party too; a ceremony's 締結する協定 was a list of typed ids. Now each
    is headed by its title (one title for both: told apart by their places), and a
    ceremony's agreements are checkboxes named so."""
    from conftest import ROOT
    real = ROOT / "tests" / "data" / "real"
    (app.folder / "styles").mkdir()
    shutil.copy(real / "styles" / "hikone-press.yaml", app.folder / "styles")
    shutil.copy(real / "hikone-fire-drone-2022.yaml", app.folder)
    open_spec(page, "hikone-fire-drone-2022.yaml")
    title = "災害時等における無人航空機の運用に関する協定"
    legends = page.locator('[data-path="agreements"] > fieldset > .field > .field > fieldset > legend')
    assert legends.all_inner_texts() == [f"{title}（協定 1）", f"{title}（協定 2）"]
    boxes = page.locator('[data-path="press_notice.ceremonies[0].agreements"] .parties label')
    assert [t.strip() for t in boxes.all_inner_texts()] == [f"{title}（procrew）", f"{title}（rise）"]
    assert page.locator('[data-path="press_notice.ceremonies[0].agreements"] input[value="procrew"]').is_checked()
    field(page, "agreements.procrew.title").fill("ドローン協定")
    assert legends.nth(0).inner_text() == "ドローン協定"
    field(page, "agreements.procrew.title").fill("")
    assert legends.nth(0).inner_text() == "協定 1"


def test_a_tick_keeps_the_order_the_file_gives_its_signatories(app, page, tmp_path):
    """大阪港湾局's 締結者 are パナマ共和国's head before 大阪市's (signatories: [panama, osaka]),
    which is the order they print in, against parties: [osaka, panama]. A tick or an untick
    rebuilt the list in the parties' order, reordering the printed 締結者 behind the
    clerk's back: now a tick adds at the end, an untick takes out, the rest stays."""
    from conftest import ROOT
    from jpdocs.spec.source import load_yaml
    real = ROOT / "tests" / "data" / "real"
    name = "osaka-port-panama-2023.yaml"
    text = (real / name).read_text(encoding="utf-8")
    spec = app.folder / name
    spec.write_text(text, encoding="utf-8")
    (app.folder / "styles").mkdir()
    shutil.copy(real / "styles" / "osaka-port.yaml", app.folder / "styles")
    before, _ = load_yaml(spec)
    path = "press_notice.ceremony.signatories"
    assert before["press_notice"]["ceremony"]["signatories"] == ["panama", "osaka"]
    open_spec(page, name)
    box = page.locator(f'[data-path="{path}"] input[value="osaka"]')
    box.click()                                   # 大阪市 out
    box.click()                                   # and in again: at the end, where it was
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved, _ = load_yaml(spec)
    assert saved["press_notice"]["ceremony"]["signatories"] == ["panama", "osaka"]
    page.locator(f'[data-path="{path}"] input[value="panama"]').click()   # パナマ out, 大阪市 alone
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved, _ = load_yaml(spec)
    assert saved["press_notice"]["ceremony"]["signatories"] == ["osaka"]


def test_an_id_of_no_party_among_the_signatories_is_shown_and_can_be_unticked(app, page, tmp_path):
    """締結者 held an id no party has (kitami: the party is kitami_it), kept in the file
    but given no checkbox: the build said kitami is no party, and the form had nothing
    to untick. Now it has its box, ticked, marked as no party; saved as it was, the list
    keeps the file's order, and unticked it goes."""
    from conftest import SEED_SPEC
    from jpdocs.spec.source import load_yaml
    seed = SEED_SPEC.read_text(encoding="utf-8").replace("signatories: [bureau, kitami_it]",
                                                         "signatories: [kitami, bureau]").replace(
        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n",
        "    purpose: 持続可能で活力あるオホーツク地域の実現に向けた課題の解決を図る\n"
        "    block_labels: [kitami]\n    cover:\n      names: {bureau: 北海道オホーツク総合振興局, kitami: 北見工業大学}\n", 1)
    assert "[kitami, bureau]" in seed and "block_labels: [kitami]" in seed
    spec = app.folder / SEED_SPEC.name
    spec.write_text(seed, encoding="utf-8")
    page.reload()
    page.wait_for_selector("body[data-ready]")
    page.select_option("#spec-list", SEED_SPEC.name)
    page.click("#open-spec")
    wait_preview(page, "problems")
    path = "press_notice.ceremony.signatories"
    labels = page.locator(f'[data-path="{path}"] .parties label')
    assert [t.strip() for t in labels.all_inner_texts()] == [
        "北海道オホーツク総合振興局（bureau）", "北見工業大学（kitami_it）", "kitami（当事者にありません）"]
    # the select of one party (a row of 署名欄の前の記号, a cover's name's party) says so too
    for select in (field(page, "agreement.document.block_labels[0]", "select"),
                   page.locator('[data-path="agreement.document.cover.names"] select.dict-key').nth(1)):
        assert select.evaluate("s => s.options[s.selectedIndex].textContent") == "kitami（当事者にありません）"
    stray = page.locator(f'[data-path="{path}"] input[value="kitami"]')
    assert stray.is_checked() and not page.locator(f'[data-path="{path}"] input[value="kitami_it"]').is_checked()
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent.startsWith('保存しました')")
    assert load_yaml(spec)[0]["press_notice"]["ceremony"]["signatories"] == ["kitami", "bureau"]
    page.locator(f'[data-path="{path}"] input[value="kitami_it"]').click()
    stray.click()
    field(page, "agreement.document.block_labels[0]", "select").select_option("kitami_it")
    page.locator('[data-path="agreement.document.cover.names"] select.dict-key').nth(1).select_option("kitami_it")
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved, _ = load_yaml(spec)
    assert saved["press_notice"]["ceremony"]["signatories"] == ["bureau", "kitami_it"]
    assert saved["agreement"]["document"]["block_labels"] == ["kitami_it"]
    assert saved["agreement"]["document"]["cover"]["names"] == {"bureau": "北海道オホーツク総合振興局",
                                                                "kitami_it": "北見工業大学"}


def test_the_parties_labels_may_be_written_one_per_party(app, page, tmp_path):
    """当事者の呼び方 is one word (甲乙, 両市) or a word per party ({bureau: 局, …}): the
    form showed the word's text box alone, with no way to the mapping. Now ＋ 当事者ごとに
    書く starts it, a box per party named by its name; saved, reopened, the mapping is
    the form's again, edited and saved without loss, and printed in the agreement."""
    from conftest import SEED_SPEC
    from jpdocs.spec.source import load_yaml
    spec = app.folder / SEED_SPEC.name
    spec.write_text(SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    open_spec(page, SEED_SPEC.name)
    path = "agreement.document.labels"
    page.locator(f'[data-path="{path}"]').evaluate("e => e.closest('details').open = true")
    page.locator(f'[data-path="{path}"] button.add', has_text="当事者ごとに書く").click()
    legends = page.locator(f'[data-path="{path}"] > fieldset > .field > .field > label')
    assert legends.all_inner_texts() == ["北海道オホーツク総合振興局", "北見工業大学"]
    field(page, f"{path}.bureau").fill("局")
    field(page, f"{path}.kitami_it").fill("大学")
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved, _ = load_yaml(spec)
    assert saved["agreement"]["document"]["labels"] == {"bureau": "局", "kitami_it": "大学"}

    open_spec(page, SEED_SPEC.name)                     # the file's mapping, in the form again
    assert field(page, f"{path}.kitami_it").input_value() == "大学"
    field(page, f"{path}.kitami_it").fill("工大")
    wait_preview(page, "ok")
    page.click("#save")
    page.wait_for_function("document.querySelector('#save-status').textContent === '保存しました'")
    saved, _ = load_yaml(spec)
    assert saved["agreement"]["document"]["labels"] == {"bureau": "局", "kitami_it": "工大"}
    with page.expect_download() as got:
        page.click('#downloads a[data-file="agreement.pdf"]')
    text = no_space(pdf_text(got.value.path()))
    assert "（以下「局」という。）" in text and "（以下「工大」という。）" in text and "局及び工大" in text, text[:400]
