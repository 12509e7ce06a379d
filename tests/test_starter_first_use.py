"""A new user's first spec from `generate.py new notice`: the starter's head says that
the parts the page has not are deleted, lines and all, and doing just that (with the
facts written in) is a spec `check` accepts; each part left empty instead is named,
file, line and key, and the blank names and heads are not told to make a draft
agreement (the notice makes none)."""
from __future__ import annotations

import re

from conftest import run_generate

FACTS = {
    "issuer:": "issuer: 多古町",
    "  issue_date:": "  issue_date: 2017-03-17",
    "  subject:": "  subject: 多古町社会福祉協議会と協定を締結しました",
    "  title:": "  title: 多古町災害ボランティアセンター設置運営に関する協定",
    "  signing_date:": "  signing_date: 2017-03-17",
    "  opening:": "  opening: [平成29年3月17日、町は社会福祉協議会と協定を結びました。]\n  ki: []   # a report: no 記 block",
}
# the parts this page has not (the line and the indented lines under it)
SECTIONS = ("  background:", "  press_request:", "  ceremony:", "  attachments:")
HEADS = ("    representative:", "    honorific:")


def filled(text: str, deleted: tuple, names: bool) -> str:
    out, skipping = [], None
    for line in text.splitlines():
        if skipping is not None:
            if line.startswith(" " * (skipping + 1)):
                continue
            skipping = None
        if line.startswith(deleted):
            skipping = len(line) - len(line.lstrip())
            continue
        for key, value in FACTS.items():
            if line.startswith(key + " ") or line == key:
                line = value
        out.append(line)
    text = "\n".join(out) + "\n"
    if names:
        parties = iter(["多古町", "多古町社会福祉協議会"])
        text = re.sub(r"^    name:.*$", lambda m: f"    name: {next(parties)}", text, count=2, flags=re.M)
    return text.replace("      department:\n      title:", "      department: 総務課\n      title:")


def check(spec, text):
    spec.write_text(text, encoding="utf-8")
    return run_generate("check", spec)


def test_the_notice_starter_says_to_delete_what_the_page_has_not_and_then_checks(tmp_path):
    spec = tmp_path / "notice.yaml"
    made = run_generate("new", "notice", spec)
    assert made.returncode == 0, made.stdout + made.stderr
    text = spec.read_text(encoding="utf-8")
    assert "ページにない部分" in text.split("\n\n")[0]        # said in the head, before the first key
    # the facts written in, nothing deleted: each empty part is an error at its key
    kept = check(spec, filled(text, (), names=True))
    assert kept.returncode == 1
    assert re.search(r"notice\.yaml:\d+: press_notice\.background\.heading: expected text, got nothing", kept.stderr)
    # the sections deleted, the parties' names and heads still blank: each named, and not
    # sent to make a draft agreement the notice does not make
    blank = check(spec, filled(text, SECTIONS, names=False))
    assert blank.returncode == 1
    lines = [line for line in blank.stderr.splitlines() if "parties.party1." in line]
    assert [line.split(": ")[2] for line in lines] == [
        "parties.party1.name", "parties.party1.representative.title", "parties.party1.representative.name"], lines
    assert all("no agreement document" in line and "agreement.document.draft" not in line for line in lines), lines
    # the heads deleted but not the ceremony, whose 締結者 the notice lists by default: told
    # of ki: [] too
    but_ceremony = tuple(s for s in SECTIONS if s != "  ceremony:")
    listed = check(spec, filled(text, but_ceremony + HEADS, names=True).replace("  ki: []", "  # ki: []"))
    assert listed.returncode == 1
    assert "parties.party1.representative: missing: the press notice's 締結者" in listed.stderr
    assert "ki: [] for a report with no 記 block" in listed.stderr
    # no ceremony: no 締結者 listed by default (who signed is a fact the spec states), so the
    # heads may go without ki: []
    unlisted = check(spec, filled(text, SECTIONS + HEADS, names=True).replace("  ki: []", "  # ki: []"))
    assert "representative: missing" not in unlisted.stderr, unlisted.stderr
    # deleting what the page has not, as the head says, and writing the facts: accepted
    done = check(spec, filled(text, SECTIONS + HEADS, names=True))
    assert done.returncode == 0, done.stdout + done.stderr + spec.read_text(encoding="utf-8")
