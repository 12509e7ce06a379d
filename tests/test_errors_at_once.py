"""A spec's problems reported in one run, not a stage at a time (spec/past_schema.py).

A date or a time the schema refuses, or a key it does not know, used to stop the load
before the checks that need a model: the user who fixed it met the next problem only
on the next run. Those checks now run past such mistakes, and what they find is
reported only where it is about the spec as written, never a finding the refused
value's absence or stand-in made (a key with no effect without it, an end before a
start). Every real spec is tried: a wrong date or time in it gives its own problem
and nothing else."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, run_generate
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec

REAL = ROOT / "tests" / "data" / "real"
DATE_LINE = re.compile(r"^(\s*(?:- )?[A-Za-z_]\w*:\s+)(\d{4})-(\d\d)-(\d\d)(\s*(?:#.*)?)$")
TIME_LINE = re.compile(r'^(\s*(?:- )?[A-Za-z_]\w*:\s+)"(\d\d):(\d\d)"(\s*(?:#.*)?)$')


def problems(path) -> list[tuple[int, str, str]]:
    with pytest.raises(InputError) as raised:
        load_spec(path)
    return [(p.line, p.key, p.message) for p in raised.value.problems]


def seed_with(tmp_path, *edits: tuple[str, str]) -> Path:
    text = SEED_SPEC.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BAD_DATES = (("  signing_date: 2024-02-27", "  signing_date: 2024-13-01"),
             ("  issue_date: 2024-02-16", "  issue_date: 2024-02-30"))
UNDECLARED = ("signatories: [bureau, kitami_it]", "signatories: [bureau, kitami_itx]")
DEPARTMENT = "  department: オホーツク総合振興局地域創生部地域政策課   #"
OWN_HONORIFIC = ("    short_name: オホーツク総合振興局\n", "    short_name: オホーツク総合振興局\n    honorific: 様\n")


def test_check_names_two_wrong_dates_and_an_undeclared_signatory_in_one_run(tmp_path):
    spec = seed_with(tmp_path, *BAD_DATES, UNDECLARED)
    run = run_generate("check", spec)
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {spec}:30: agreement.signing_date: 2024-13-01 is not a valid date: there is no month 13",
        f"error: {spec}:67: press_notice.issue_date: 2024-02-30 is not a valid date: 2024年2月 has 29 days",
        f"error: {spec}:79: press_notice.ceremony.signatories[1]: party 'kitami_itx' is not declared under"
        " parties; did you mean 'kitami_it'?"], run.stderr
    assert "Traceback" not in run.stderr


def test_an_unknown_key_beside_known_ones_does_not_hide_a_later_problem(tmp_path):
    spec = seed_with(tmp_path, (DEPARTMENT, "  zz_memo: 内部用\n" + DEPARTMENT), OWN_HONORIFIC)
    found = problems(spec)
    assert [key for _, key, _ in found] == ["parties.bureau.honorific", "agreement.zz_memo"]
    assert "an office never writes 様 after its own head" in found[0][2]


def test_a_wrong_time_does_not_hide_a_later_problem(tmp_path):
    spec = seed_with(tmp_path, ('    start: "11:00"', '    start: "25:00"\n    end: "11:30"'), OWN_HONORIFIC)
    assert [key for _, key, _ in problems(spec)] == ["parties.bureau.honorific", "press_notice.ceremony.start"]


def test_a_wrong_time_with_no_other_time_to_stand_in_leaves_the_later_checks_for_the_next_run(tmp_path):
    """The seed's ceremony has its start alone: no time of the spec can stand in for it."""
    spec = seed_with(tmp_path, ('    start: "11:00"', '    start: "25:00"'), OWN_HONORIFIC)
    assert [key for _, key, _ in problems(spec)] == ["press_notice.ceremony.start"]


@pytest.mark.parametrize("edit, refused", [
    ((DEPARTMENT, DEPARTMENT.replace("department", "departmnt")), ["agreement.departmnt"]),
    (("  title: 北海道オホーツク総合振興局と", "  titel: 北海道オホーツク総合振興局と"), ["agreement.title", "agreement.titel"]),
])
def test_a_misspelt_key_is_read_as_the_key_it_likely_is(tmp_path, edit, refused):
    """department: optional, title: required (missing, and said to be the misspelt one):
    the later checks read the spec as the user will correct it."""
    found = problems(seed_with(tmp_path, edit, OWN_HONORIFIC))
    assert sorted(key for _, key, _ in found) == sorted(["parties.bureau.honorific", *refused]), found


@pytest.mark.parametrize("edit", [
    ("  issue_date: 2024-02-16", "  issue_date: [2024-02-16]"),     # a list, not a date
    ("    venue: オホーツク合同庁舎", "    venue: [オホーツク合同庁舎]\n    venu: オホーツク合同庁舎"),   # both
])
def test_past_other_mistakes_the_later_checks_wait(tmp_path, edit):
    """A value of another kind has no stand-in, nor has a misspelt key whose right
    spelling is there too: their problems come on the next run."""
    found = problems(seed_with(tmp_path, edit, OWN_HONORIFIC))
    assert "parties.bureau.honorific" not in {key for _, key, _ in found}, found


def test_a_finding_the_refused_value_would_make_is_not_reported(tmp_path):
    """akaiwa-cmj-2020's term ends 2021-03-31; its only other date is the signing date.
    With that refused, a stand-in on the end's day would make the term end as it
    starts: a finding about the stand-in, not the spec."""
    work = tmp_path / "real"
    shutil.copytree(REAL, work, ignore=shutil.ignore_patterns("*.facts.yaml"))
    spec = work / "akaiwa-cmj-2020.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("signing_date: 2020-12-11", "signing_date: 2020-12-32"),
                    encoding="utf-8")
    assert [key for _, key, _ in problems(spec)] == ["agreement.signing_date"]


def _real_specs():
    return sorted(p for p in REAL.glob("*.yaml") if not p.name.endswith(".facts.yaml"))


def test_every_real_spec_with_a_wrong_date_or_time_has_that_problem_alone(tmp_path):
    """Every date and time line of every real spec made wrong in turn (month 13, hour
    25): the real specs load clean, so any problem beyond the one at that line is one
    the second pass made up. Run through the later checks, with stand-ins."""
    work = tmp_path / "real"
    shutil.copytree(REAL, work, ignore=shutil.ignore_patterns("*.facts.yaml"))
    tried, wrong = 0, []
    for original in _real_specs():
        spec = work / original.name
        text = original.read_text(encoding="utf-8")
        lines = text.split("\n")
        for i, line in enumerate(lines):
            m = DATE_LINE.match(line) or TIME_LINE.match(line)
            if not m:
                continue
            broken = lines[:]
            broken[i] = (f"{m[1]}{m[2]}-13-{m[4]}{m[5]}" if DATE_LINE.match(line) else f'{m[1]}"25:{m[3]}"{m[4]}')
            spec.write_text("\n".join(broken), encoding="utf-8")
            found = problems(spec)
            tried += 1
            if {line for line, _, _ in found} != {i + 1}:
                wrong.append((original.name, i + 1, found))
        spec.write_text(text, encoding="utf-8")
    assert tried > 500 and not wrong, wrong[:5]


def test_a_real_spec_with_a_wrong_date_and_an_honorific_on_its_own_head_says_both(tmp_path):
    """Each real spec with a signing date and another date to stand in for it: the
    signing date made wrong, and 様 put on the issuing party's head (a later check's
    finding). One run names both."""
    work = tmp_path / "real"
    shutil.copytree(REAL, work, ignore=shutil.ignore_patterns("*.facts.yaml"))
    tried, missed = 0, []
    for original in _real_specs():
        text = original.read_text(encoding="utf-8")
        if sum(1 for line in text.split("\n") if DATE_LINE.match(line)) < 2:
            continue
        loaded = load_spec(original)
        own = [pid for pid, party in loaded.spec.parties.items()
               if party.on_issuing_side(loaded.spec.issuer) and not party.honorific]
        sign = re.search(r"(?m)^  signing_date: (\d{4})-\d\d-(\d\d)", text)
        head = own and re.search(rf"(?m)^  {re.escape(own[0])}:[ \t]*(?:#.*)?\n", text)
        if not (sign and head):
            continue
        broken = text.replace(sign[0], f"  signing_date: {sign[1]}-13-{sign[2]}", 1)
        broken = broken.replace(head[0], head[0] + "    honorific: 様\n", 1)
        spec = work / original.name
        spec.write_text(broken, encoding="utf-8")
        keys = {key for _, key, _ in problems(spec)}
        tried += 1
        if keys != {"agreement.signing_date", f"parties.{own[0]}.honorific"}:
            missed.append((original.name, keys))
    assert tried > 40 and not missed, missed[:5]
