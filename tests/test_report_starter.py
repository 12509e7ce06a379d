"""The starter of a report after the signing (`generate.py new report`, the app's
新規作成 「締結の報告」): a notice that reports a signing that has happened (…を締結しました),
its text saying when, where and who signed, with the ceremony's photos and no 記 block.

Filled as a real case is (its facts written into the starter's keys through the app's
save, what the page has not deleted, its house style named), it prints what that case
prints. Unfilled, it is refused, naming each key to fill at its line, and writes
nothing: the starter states no fact of its own, and each wording a notice prints by
default that a report's page has not (報道機関各位, 配布, 項　目, 内容, the office under
the date) is written false in it, not left to the default.
"""
from __future__ import annotations

import re
import shutil

import docx
import pytest

from conftest import ROOT, needs_poppler, pdf_text, run_generate
from jpdocs.app import formdata, roundtrip
from jpdocs.app.starters import KINDS, TITLES, starter_text

REAL = ROOT / "tests" / "data" / "real"


def filled(facts: dict, drop: tuple = (), style: str | None = None) -> str:
    """The report starter with `facts` (key path → value) written in and the keys of
    `drop` deleted, saved as the app saves a form (spec_folder's _written: a text the
    file holds sent back unchanged is kept, `date_suffix: ""` too)."""
    text = starter_text("report")
    before = roundtrip.plain(roundtrip.load(text))
    data = roundtrip.plain(roundtrip.load(text))
    for path, value in facts.items():
        *head, last = path
        here = data
        for part in head:
            here = here[part]
        here[last] = value
    for *head, last in drop:
        here = data
        for part in head:
            here = here[part]
        del here[last]
    if style:
        data["style"] = style
    return roundtrip.checked_text(text, formdata.normalize(data, old=before))


KURIYAMA = {    # tests/data/real/kuriyama-komeri-2017.yaml's facts, in the starter's keys
    ("issuer",): "栗山町",
    ("parties", "party1", "name"): "栗山町",
    ("parties", "party2", "name"): "NPO法人コメリ災害対策センター",
    ("agreement", "title"): "災害時における物資供給に関する協定",
    ("agreement", "signing_date"): "2017-09-19",
    ("press_notice", "issue_date"): "2017-09-20",
    ("press_notice", "subject"): "災害時への安心につなげる　コメリ災害対策センターと協定締結",
    ("press_notice", "opening"): [
        "町とNPO法人コメリ災害対策センターは19日、「災害時における物資供給に関する協定」を結びました。"
        "災害が起きたときや起きるおそれがあるときに避難所の物資を確保できるよう、両者が協力して物資を速やかに"
        "調達することなどを定めています。",
        "役場会議室での締結式では、椿原紀昭町長が町民の安心につながる協定への感謝を述べ、NPO法人コメリ災害対策"
        "センターの古澤通規常務理事は、これまでの災害での経験を生かして物資をいち早く届けたいと話しました。"],
}
NAGAOKAUT = {   # tests/data/real/nagaokaut-tokamachi-2015.yaml's: a report with its photo
    ("issuer",): "長岡技術科学大学",
    ("parties", "party1", "name"): "長岡技術科学大学",
    ("parties", "party2", "name"): "十日町市",
    ("agreement", "title"): "包括的連携に関する協定",
    ("agreement", "signing_date"): "2015-03-16",
    ("press_notice", "category_line"): "新着情報",
    ("press_notice", "issue_date"): "2015-03-18",
    ("press_notice", "subject"): "十日町市と包括的連携に関する協定を締結しました。",
    ("press_notice", "sections", 0, "photos", 0, "file"): "photos/stand-in.jpg",
    ("press_notice", "sections", 0, "photos", 0, "caption"): "協定締結後に握手を交わす新原学長(左)と関口十日町市長",
}


def _real(case: str) -> dict:
    import yaml
    return yaml.safe_load((REAL / f"{case}.yaml").read_text(encoding="utf-8"))


def _printed(folder) -> tuple[str, list[str]]:
    """The notice's text read back from its PDF, and its DOCX's paragraphs."""
    return (pdf_text(folder / "press-notice.pdf"),
            [p.text for p in docx.Document(folder / "press-notice.docx").paragraphs])


@needs_poppler
@pytest.mark.parametrize("case, facts, drop, style", [
    ("kuriyama-komeri-2017", KURIYAMA, (("press_notice", "sections"), ("press_notice", "contacts")),
     "styles/kuriyama-town.yaml"),
    ("nagaokaut-tokamachi-2015", NAGAOKAUT, (("press_notice", "contacts"),), "styles/nagaokaut.yaml"),
])
def test_the_report_starter_filled_as_a_real_case_prints_what_it_prints(tmp_path, case, facts, drop, style):
    if case == "nagaokaut-tokamachi-2015":
        facts = {**facts, ("press_notice", "opening"): _real(case)["press_notice"]["opening"]}
    mine, theirs = tmp_path / "starter", tmp_path / "real"
    for folder in (mine, theirs):
        shutil.copytree(REAL / "styles", folder / "styles")
        (folder / "photos").mkdir()
        shutil.copy(REAL / "photos" / "stand-in.jpg", folder / "photos")
    made = run_generate("new", "report", mine / f"{case}.yaml")
    assert made.returncode == 0, made.stderr
    (mine / f"{case}.yaml").write_text(filled(facts, drop, style), encoding="utf-8")
    shutil.copy(REAL / f"{case}.yaml", theirs)
    for folder in (mine, theirs):
        run = run_generate(folder / f"{case}.yaml", "-o", folder / "out")
        assert run.returncode == 0, run.stderr
        assert "warning:" not in run.stderr, run.stderr
    text, paragraphs = _printed(mine / "out" / case)
    assert (text, paragraphs) == _printed(theirs / "out" / case)
    # what the starter leaves false is not printed: no header, no 配布, no label, no 内容, no 記
    assert not re.search(r"^\s*(報道機関各位|報 道 機 関 各 位|内\s*容|記|締結者)\s*$|配布$|^項\s*目", text, re.M), text
    assert list((mine / "out" / case).iterdir()) and not (mine / "out" / case / "agreement.pdf").exists()


KEYS_TO_FILL = ["issuer", "parties.party1.name", "parties.party2.name", "agreement.title", "press_notice.issue_date",
                "press_notice.subject", "press_notice.opening[0]", "press_notice.sections[0].photos[0]",
                "press_notice.sections[0].photos[0].file", "press_notice.contacts[0].department"]
# The starter's blanks no run of check names as an error: the signing date left open is
# read as an agreement not yet signed (a note, once the spec is otherwise right), and a
# contact may give its department alone (its title, name and phone optional)
NOT_REFUSED = {"agreement.signing_date", "press_notice.contacts[0].title", "press_notice.contacts[0].name",
               "press_notice.contacts[0].phone", "press_notice.contacts[0].phone_kind"}


def _errors(stderr: str, spec) -> list[tuple[int, str]]:
    """(line, key) of each error line of `check`."""
    return [(int(m[1]), m[2]) for m in re.finditer(rf"^error: {re.escape(str(spec))}:(\d+): ([^:]+): ", stderr, re.M)]


def _line(spec, start: str) -> int:
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def test_the_unfilled_report_starter_is_refused_naming_each_key_to_fill(tmp_path):
    spec = tmp_path / "report.yaml"
    made = run_generate("new", "report", spec)
    assert made.returncode == 0, made.stderr
    check = run_generate("check", spec)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    found = _errors(check.stderr, spec)
    assert [key for _, key in found] == KEYS_TO_FILL, check.stderr
    assert found[0][0] == _line(spec, "issuer:") and found[6][0] == _line(spec, "    - ")
    build = run_generate(spec, "-o", tmp_path / "out")
    assert build.returncode == 1 and not (tmp_path / "out" / "report").exists()
    # all written but the signing date (the photo and the contact deleted, as the head says
    # of what the page has not): the signing date left open is said
    spec.write_text(filled({k: v for k, v in KURIYAMA.items() if k[-1] != "signing_date"},
                           (("press_notice", "sections"), ("press_notice", "contacts"))), encoding="utf-8")
    check = run_generate("check", spec)
    assert check.returncode == 0, check.stderr
    assert (f"note: {spec}:{_line(spec, '  signing_date:')}: agreement.signing_date: left open (null): read as an"
            " agreement not yet signed") in check.stdout + check.stderr


def _blanks(value, path: str = "") -> list[str]:
    """The dotted keys of a starter's values left empty (null), in order."""
    if isinstance(value, dict):
        return [b for k, v in value.items() for b in _blanks(v, f"{path}.{k}" if path else k)]
    if isinstance(value, list):
        return [b for i, v in enumerate(value) for b in _blanks(v, f"{path}[{i}]")]
    return [path] if value is None else []


def test_one_check_of_the_unfilled_report_starter_names_every_blank_it_refuses(tmp_path):
    """Each blank of the starter that check refuses is named by its first run, at its
    line: a paragraph left empty (`- `) no longer stops the later checks, which name the
    parties' names and the photo's caption (until h167 a second run named them, after
    the paragraph was written). The blanks not refused are those NOT_REFUSED says."""
    import yaml
    spec = tmp_path / "report.yaml"
    assert run_generate("new", "report", spec).returncode == 0
    check = run_generate("check", spec)
    assert check.returncode == 1 and "Traceback" not in check.stderr
    named = {key: line for line, key in _errors(check.stderr, spec)}
    blanks = _blanks(yaml.safe_load(spec.read_text(encoding="utf-8")))
    # the caption left empty is named at its photo: a photo needs its caption (or alt:)
    assert "press_notice.sections[0].photos[0].caption" in blanks and "a photo needs its caption" in check.stderr
    assert sorted(named) == sorted({b.removesuffix(".caption") for b in blanks} - NOT_REFUSED), check.stderr
    text = spec.read_text(encoding="utf-8").splitlines()
    for key, line in named.items():     # each at its line: its key's, an item's "- " (a photo's "- file:")
        last = key.rpartition(".")[2]
        written = text[line - 1].strip()
        assert written.startswith("-") if last.endswith("]") else written.removeprefix("- ").startswith(f"{last}:"), \
            (key, text[line - 1])


def test_the_report_starter_is_one_of_the_commands_and_the_apps_starters():
    assert "report" in KINDS and set(TITLES) == set(KINDS)
    help_text = run_generate("new", "--help")
    assert "report" in help_text.stdout
    from jpdocs.app.server import STARTER_OPTIONS
    for kind in KINDS:
        assert f'<option value="{kind}">{TITLES[kind]}</option>' in STARTER_OPTIONS
    text = starter_text("report")
    assert text.startswith("# yaml-language-server: $schema=spec.schema.json\n")
    # a key of the notice the report has not: no ceremony (no 記), no press request
    assert not re.search(r"^\s+(ceremony|press_request|ki|attachments|background):", text, re.M), text
