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

from conftest import ROOT, SEED_SPEC, real_case_variant, run_generate
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
        " parties; did you mean 北見工業大学（kitami_it）?"], run.stderr
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


@pytest.mark.parametrize("edit, refused, said", [
    (("    parties: [hikone, procrew]\n    signing_date:", "    parties: [hikone, procrew]\n    signing_dat:"),
     ["agreements.procrew.signing_date", "agreements.procrew.signing_dat"], "did you mean 'signing_date'?"),
    (("    title: 災害時等における無人航空機の運用に関する協定\n    parties: [hikone, rise]",
      "    titel: 災害時等における無人航空機の運用に関する協定\n    parties: [hikone, rise]"),
     ["agreements.rise.title", "agreements.rise.titel"], "did you mean 'title'?"),
    (("    parties: [hikone, rise]\n", "    parties: [hikone, rise]\n    zz_memo: 内部用\n"),
     ["agreements.rise.zz_memo"], "; allowed here: amendments, amends, areas, department, fields, fiscal_year,"),
])
def test_a_misspelt_key_under_agreements_is_read_as_the_key_it_likely_is(tmp_path, edit, refused, said):
    """`agreements:` is an optional dict of agreements by id: a key under an id gets its
    did-you-mean (or the keys allowed there) as under agreement:, and the later checks
    read it as the key it likely is (until h158 nothing under an id was found: the
    message said neither, and a misspelt required key stopped the later checks)."""
    spec = real_case_variant(tmp_path, "hikone-fire-drone-2022", "hikone-press.yaml", edit,
                             ("    issuing: true ", "    honorific: 様\n    issuing: true "))
    found = problems(spec)
    assert sorted(key for _, key, _ in found) == sorted(["parties.hikone.honorific", *refused]), found
    unknown = [message for _, key, message in found if key == refused[-1]]
    assert unknown and said in unknown[0], found


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


# A required value left out or empty (h151): the later checks run with a stand-in for it.
# The seed's lines, each with the key the schema's message names.
BLANKS = [
    (("    name: 北見工業大学\n", "    name: ''\n"), "parties.kitami_it.name"),
    (("      title: 北見工業大学学長\n", ""), "parties.kitami_it.representative.title"),
    (("      title: 北見工業大学学長\n", "      title: ''\n"), "parties.kitami_it.representative.title"),
    (("issuer: 北海道オホーツク総合振興局\n", "issuer:\n"), "issuer"),
    (("  title: 北海道オホーツク総合振興局と北見工業大学との包括連携協定\n", "  title:\n"), "agreement.title"),
    (("  issue_date: 2024-02-16\n", "  issue_date:\n"), "press_notice.issue_date"),
    (("  subject: 北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について\n", ""), "press_notice.subject"),
    (("    - heading: 防災・減災に向けた地域づくりに関する事項\n", "    - heading: ''\n"), "agreement.areas[4].heading"),
]


@pytest.mark.parametrize("edit, key", BLANKS, ids=[f"{key}-{'removed' if not e[1] else 'empty'}" for e, key in BLANKS])
def test_a_required_value_left_empty_does_not_hide_a_later_problem(tmp_path, edit, key):
    """The app's form filled from empty meets a required value not yet written at every
    step: a signatory not among the parties is named in the same run."""
    spec = seed_with(tmp_path, edit, UNDECLARED)
    found = problems(spec)
    assert [k for _, k, _ in found] == sorted([key, "press_notice.ceremony.signatories[1]"],
                                              key=lambda k: next(line for line, kk, _ in found if kk == k)), found
    assert any("'kitami_itx' is not declared under parties" in message for _, _, message in found)


def test_a_party_whose_name_is_left_empty_is_offered_by_its_place(tmp_path):
    """A message that offers (lists) parties names each beside its id; the name of one
    left empty stands in as two words in turn (past_schema.py), and the message named the
    party by each: not given by both, it was dropped. It names the party as the spec
    has it, by its place (当事者 2), never by a stand-in."""
    found = problems(seed_with(tmp_path, ("    name: 北見工業大学\n", "    name: ''\n"), UNDECLARED))
    said = [message for _, key, message in found if key == "press_notice.ceremony.signatories[1]"]
    assert said == ["party 'kitami_itx' is not declared under parties; did you mean 当事者 2（kitami_it）?"], found


def test_check_names_an_empty_party_name_and_a_country_with_no_document_in_one_run(tmp_path):
    """A real spec (no agreement document): one party's name left empty, another given a
    country, which would print nowhere; `check` names both and nothing else."""
    work = tmp_path / "real"
    shutil.copytree(REAL, work, ignore=shutil.ignore_patterns("*.facts.yaml"))
    spec = work / "ageo-motomiya-2013.yaml"
    text = spec.read_text(encoding="utf-8")
    loaded = load_spec(spec)
    assert loaded.spec.agreement.document is None
    first, second = list(loaded.spec.parties)
    name = loaded.spec.parties[first].name
    text = text.replace(f"    name: {name}\n", "    name: ''\n", 1)
    text = re.sub(rf"(?m)^(  {second}:[^\n]*\n)", r"\1    country: 日本国\n", text, count=1)
    spec.write_text(text, encoding="utf-8")
    run = run_generate("check", spec)
    assert run.returncode == 1
    errors = [line.split(": ", 3)[2] for line in run.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"parties.{first}.name", f"parties.{second}.country"], run.stderr
    assert "Traceback" not in run.stderr


KEY_LINE = re.compile(r"^(\s*(?:- )?)([A-Za-z_]\w*):")


def _required_lines(spec: Path):
    """(line index, key, kind) of each required text, date or list of texts the spec
    writes on a line of its own (spec/schema_messages.required_kind)."""
    from jpdocs.spec.schema_messages import required_kind
    from jpdocs.spec.source import dotted, parse_yaml, read_yaml_bytes
    _, lines = parse_yaml(spec, read_yaml_bytes(spec))
    text = spec.read_text(encoding="utf-8").split("\n")
    for path, line in lines.items():
        kind = required_kind(path) if path else None
        m = kind and KEY_LINE.match(text[line - 1])
        if m and m[2] == path[-1]:
            yield line - 1, dotted(path), kind


def _blanked(lines: list[str], i: int, kind: str, how: str) -> list[str]:
    """The spec's lines with the value at line i left empty (its block of more indented
    lines under it too)."""
    m = KEY_LINE.match(lines[i])
    col, j = len(m[1]), i + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" ")) > col
                              or (len(lines[j]) - len(lines[j].lstrip(" ")) == col and lines[j].lstrip().startswith("- ")
                                  and "-" not in m[1])):
        j += 1
    value = {"null": "", "empty": " []" if kind == "texts" else " ''"}[how]
    return lines[:i] + [f"{m[1]}{m[2]}:{value}"] + lines[j:]


def _found(spec: Path) -> list[tuple] | None:
    try:
        load_spec(spec)
    except InputError as raised:
        return [(p.line, p.key, p.message) for p in raised.problems]
    return None


def test_a_sample_of_real_specs_with_each_required_value_left_empty_say_that_alone(tmp_path, monkeypatch):
    """Every tenth real spec and the bundled ones, each required value (a party's name, a
    head's title, the issuer, a date …) left empty in turn, as null and as '': the specs
    load clean, so a finding the schema and the checks before it do not make (the later
    checks' past it left out) is one a stand-in made (a title that is no party's, a date
    that moves another); and with a second mistake
    beside it (a country with no agreement document, a signatory not among the parties),
    both are named."""
    work = tmp_path / "real"
    shutil.copytree(REAL, work, ignore=shutil.ignore_patterns("*.facts.yaml"))
    for bundled in (ROOT / "specs").glob("*.yaml"):
        shutil.copy(bundled, work / bundled.name)
    sample = _real_specs()[::10] + sorted(ROOT / "specs" / p.name for p in (ROOT / "specs").glob("*.yaml"))
    tried, wrong, both, missed = 0, [], 0, []
    for original in sample:
        spec = work / original.name
        text = original.read_text(encoding="utf-8")
        lines = text.split("\n")
        loaded = load_spec(spec)
        documentless = [pid for pid, party in loaded.spec.parties.items()
                        if not party.country and not (loaded.spec.agreement and loaded.spec.agreement.document)
                        and loaded.spec.agreements is None]
        for i, key, kind in list(_required_lines(spec)):
            for how in ("null", "empty"):
                broken = _blanked(lines, i, kind, how)
                spec.write_text("\n".join(broken), encoding="utf-8")
                found = _found(spec)
                if found is None:
                    continue            # (null where a draft may leave it open: a title, a name)
                with monkeypatch.context() as m:
                    m.setattr("jpdocs.spec.load._past_the_schema", lambda *args: [])
                    schema = _found(spec)
                tried += 1
                if found != schema:
                    wrong.append((original.name, key, how, [f for f in found if f not in schema]))
                other = next((pid for pid in documentless if not key.startswith(f"parties.{pid}.")), None)
                head = other and re.search(rf"(?m)^  {re.escape(other)}:[ \t]*(?:#.*)?\n", "\n".join(broken))
                if head:
                    spec.write_text("\n".join(broken).replace(head[0], head[0] + "    country: 日本国\n", 1),
                                    encoding="utf-8")
                    again = problems(spec)
                    both += 1
                    beside = [(k, message) for _, k, message in again if (k, message) not in {f[1:] for f in found}]
                    if len(again) != len(found) + 1 or [k for k, _ in beside] != [f"parties.{other}.country"]:
                        missed.append((original.name, key, how, again))
        spec.write_text(text, encoding="utf-8")
    assert tried > 200 and not wrong, wrong[:5]
    assert both > 100 and not missed, "\n".join(map(str, missed[:6]))


def test_a_finding_that_quotes_a_stand_in_is_not_reported():
    """No check of today's quotes a stand-in away from the key it stands in at (the sweep
    above finds none); one that did (a name compared with another section's, quoted)
    would be about the stand-in, not the spec, and the second stand-in leaves it out.
    The later checks here: a finding quoting the text at parties.kitami_it.name, and one
    that does not."""
    import yaml
    from jpdocs.errors import Problem
    from jpdocs.spec.past_schema import found_past_schema
    from jpdocs.spec.schema import Spec
    from jpdocs.spec.strict import ValidationError
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["parties"]["kitami_it"]["name"] = ""
    with pytest.raises(ValidationError) as refused:
        Spec.model_validate(data)
    own = [Problem("s", 17, "parties.kitami_it.name", "the value is empty; write it, or remove the key")]
    seen = []

    def check(variant):
        spec = Spec.model_validate(variant)
        seen.append(spec.parties["kitami_it"].name)
        return [Problem("s", 90, "press_notice.contacts[0].department", f"'{spec.parties['kitami_it'].name}' quoted"),
                Problem("s", 80, "press_notice.ceremony.agenda", "a finding of the spec as written")]
    found = found_past_schema(data, refused.value, own, check)
    assert seen == ["未記入", "空欄"]
    assert [p.message for p in found] == ["a finding of the spec as written"]
