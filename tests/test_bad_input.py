"""The bad-spec corpus: each file in tests/bad_specs/ is one mistake a hurried
officer makes. Each must stop with exit status 1 and a message naming the file,
the line and the key, saying what to fix — no traceback, nothing written."""
from __future__ import annotations

from pathlib import Path

import pytest

from jpdocs import cli

from conftest import run_generate

BAD = Path(__file__).resolve().parent / "bad_specs"

# file: (line — an int, or a text whose first line it is, or None —, key path, what the message says)
EXPECT = {
    # 1. decoding
    "01-shift-jis.yaml": (1, "", "It looks like Shift_JIS (CP932)"),
    "02-utf-16.yaml": (None, "", "saved as UTF-16"),
    "03-empty.yaml": (None, "", "the file is empty"),
    "04-only-comments.yaml": (None, "", "holds no data"),
    "05-png-image.yaml": (None, "", "this is a PNG image, not a spec"),
    "06-nul-bytes.yaml": (2, "", "not a text file (it contains NUL bytes)"),
    "07-euc-jp.yaml": (1, "", "It looks like EUC-JP"),
    "08-binary-junk.yaml": (1, "", "not text in a known encoding"),
    # 2. YAML safety
    "10-alias-bomb.yaml": (4, "", "expands to more than 50,000 values"),
    "11-deep-nesting.yaml": ("  subject: [[[", "", "nested more than 40 levels deep"),
    "12-duplicate-key.yaml": ("  subject: 締結式", "press_notice.subject", "the key 'subject' appears twice (first at line 16)"),
    "13-tab-indent.yaml": ("\t\tname", "", "indent with spaces, not tabs"),
    "14-python-tag.yaml": ("!!python", "press_notice.subject", "the YAML tag !!python/object/apply:os.system is not allowed"),
    "15-full-width-colon.yaml": ("subject：", "", "full-width colon (：)"),
    "16-unclosed-quote.yaml": ('subject: "', "", "a quote (\") opened on this line is not closed"),
    "17-merge-key.yaml": ("<<", "", "merge keys (<<) are not supported"),
    "18-two-documents.yaml": ("---", "", "more than one document"),
    "19-control-char-in-file.yaml": ("道\a下", "", "control character U+0007"),
    "20-full-width-indent.yaml": ("\u3000\u3000venue", "", "indented with a full-width space"),
    "21-colon-in-value.yaml": ("件名: ", "", "put such a value in quotes"),
    "22-yaml-timestamp-tag.yaml": ("!!timestamp", "press_notice.issue_date", "the YAML tag !!timestamp is not allowed"),
    # 3. validation
    "23-february-30.yaml": ("2024-02-30", "press_notice.issue_date", "2024-02-30 is not a valid date: 2024年2月 has 29 days"),
    "24-april-31.yaml": ("2019-04-31", "press_notice.ceremony.date", "2019-04-31 is not a valid date: 2019年4月 has 30 days"),
    "25-before-its-era.yaml": ("令和元年", "press_notice.issue_date", "is before the 令和 era began (2019-05-01); that day is 平成31年4月1日"),
    "26-before-meiji.yaml": ("1850-01-01", "agreement.signing_date", "before the Meiji era"),
    "27-hour-25.yaml": ("25:00", "press_notice.ceremony.start", "25:00 is not a valid time of day: hours go from 0 to 23"),
    "28-time-as-number.yaml": ("1100", "press_notice.ceremony.start", "expected a time written as HH:MM in quotes"),
    "29-date-as-number.yaml": ("20240216", "press_notice.issue_date", "expected a date written as YYYY-MM-DD"),
    "30-unknown-key.yaml": ("subjet:", "press_notice.subjet", "unknown key 'subjet'; did you mean 'subject'?"),
    "31-nested-typo.yaml": ("phon:", "press_notice.contacts[0].phon", "did you mean 'phone'?"),
    "32-undeclared-party.yaml": ("signatories:", "press_notice.ceremony.signatories[1]",
                                 "party 'kitami' is not declared under parties; did you mean 北見工業大学（kitami_it）?"),
    "33-agreement-ends-before-start.yaml": ("end: 2023-03-31", "agreement.validity.end", "the agreement ends (2023-03-31) before it starts"),
    "34-end-before-start.yaml": ("end:", "press_notice.ceremony.end", "the end time 10:30 is not later than the start 11:00"),
    "54-wrong-weekday.yaml": ("    - 令和６年２月27日（月）", "press_notice.opening[0]",
                              "2024-02-27 is a 火曜日, not a 月曜日; correct the date or the weekday"),
    "58-date-with-weekday.yaml": ("    date: 令和6年2月27日（火）", "press_notice.ceremony.date",
                                  "write the date without its weekday ('令和6年2月27日'); the documents print the weekday themselves"),
    "59-name-with-sama.yaml": ("      name: 鈴木　聡一郎　様", "parties.kitami_it.representative.name",
                               "honorific: 様 (line 22) is printed after it: the notice would print 鈴木　聡一郎　様　様"),
    "55-not-a-holiday.yaml": ("    - 説明会は", "press_notice.opening[0]",
                              "2024-02-26 is a 月曜日 but no holiday of Japan"),
    "56-yearless-not-a-holiday.yaml": ("    - 説明会は", "press_notice.opening[0]",
                                       "５月７日（祝）: no 5月7日 of 2023 to 2025 (around press_notice.issue_date,"
                                       " 2024-02-16) is a holiday of Japan (2024-05-07 is a 火曜日)"),
    "57-wrong-holiday-name.yaml": ("    - 説明会は", "press_notice.opening[0]",
                                   "2024-11-04 is a 月曜日 and 振替休日, not 文化の日"),
    "35-missing-key.yaml": ("press_notice:", "press_notice.subject", "this key is required but missing"),
    "36-text-not-list.yaml": ("opening:", "press_notice.opening", "expected a list"),
    "37-number-as-text.yaml": ("phone: 5621", "press_notice.press_request.contact.phone", "put it in quotes (\"5621\")"),
    "38-empty-value.yaml": ("  subject:", "press_notice.subject", "expected text, a list of its paragraphs or lines, or false for none,"
                                                                 " got nothing"),
    "60-empty-list-item.yaml": (19, "press_notice.opening[1]",
                                "got an empty list item (nothing written after its -); write it, or delete the line"),
    "39-wrong-choice.yaml": ("phone_kind", "press_notice.contacts[0].phone_kind", "'内線' is not a phone's kind: write the extension's number as extension:"),
    "40-yes-in-japanese.yaml": ("closing_ijo", "press_notice.closing_ijo", "expected true or false"),
    "41-not-a-mapping.yaml": (1, "", "a spec is a mapping of keys"),
    "42-three-mistakes.yaml": ("2024-02-30", "press_notice.issue_date", "not a valid date"),
    # 4. text safety
    "43-control-char-escape.yaml": ("道\\a下", "press_notice.press_request.contact.name", "control character U+0007"),
    "44-tab-in-value.yaml": ("道\\t下", "press_notice.press_request.contact.name", "a tab character"),
    "45-zero-width-space.yaml": ("\u200b", "press_notice.press_request.contact.name", "U+200B (zero-width space)"),
    "46-replacement-char.yaml": ("\ufffd", "press_notice.subject", "U+FFFD"),
    "47-bidi-override.yaml": ("\u202e", "press_notice.press_request.contact.name", "U+202E (text-direction control)"),
    # 5. glyph coverage
    "48-rare-kanji.yaml": ("𠮷", "press_notice.press_request.contact.name", "no font has this character: 𠮷 (U+20BB7)"),
    "49-emoji.yaml": ("🎉", "press_notice.subject", "Emoji are not printed"),
    "50-variation-selector.yaml": ("葛", "press_notice.press_request.contact.name", "U+E0100 (VARIATION SELECTOR-17)"),
    "51-private-use.yaml": ("\ue000", "press_notice.press_request.contact.name", "no font has this character: U+E000"),
    # 6./7. files a spec refers to; the output folder its name gives
    "52-missing-style.yaml": ("style:", "style", "does not exist"),
    "53-trailing-dot..yaml": (None, "", "cannot name an output folder"),
}

# More mistakes within some files, all reported at once with the first.
ALSO = {
    "30-unknown-key.yaml": [("press_notice:", "press_notice.subject", "(is it the misspelt 'subjet' at line 16?)")],
    "42-three-mistakes.yaml": [("subjet:", "press_notice.subjet", "did you mean 'subject'?"),
                               ("25:00", "press_notice.ceremony.start", "hours go from 0 to 23")],
}


def test_the_corpus_covers_every_file_and_is_large_enough():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECT)
    assert len(EXPECT) >= 40


def expected_line(path: Path, where) -> int | None:
    if where is None or isinstance(where, int):
        return where
    text = path.read_bytes().decode("utf-8")
    return next(n for n, line in enumerate(text.split("\n"), 1) if where in line and not line.startswith("#"))


def expected_prefix(path: Path, where, key: str) -> str:
    line = expected_line(path, where)
    prefix = f"{path}:{line}:" if line else f"{path}:"
    return f"error: {prefix} {key}:" if key else f"error: {prefix} "


def run(argv, capsys) -> tuple[int, str]:
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.err


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_bad_spec_stops_with_its_message(name, tmp_path, capsys):
    path = BAD / name
    out = tmp_path / "out"
    for argv in (["check", path], [path, "-o", out]):
        code, err = run(argv, capsys)
        assert code == 1, err
        assert "Traceback" not in err and "internal error" not in err
        errors = [l for l in err.splitlines() if l.startswith("error:")]
        for where, key, fragment in [EXPECT[name], *ALSO.get(name, [])]:
            prefix = expected_prefix(path, where, key)
            assert any(l.startswith(prefix) and fragment in l for l in errors), (prefix, fragment, err)
    assert not out.exists() or not any(out.rglob("*")), "something was written"


@pytest.mark.parametrize("name", ["01-shift-jis.yaml", "16-unclosed-quote.yaml", "48-rare-kanji.yaml"])
def test_the_real_command_line_prints_no_traceback(name, tmp_path):
    result = run_generate(BAD / name, "-o", tmp_path / "out")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(l.startswith("error: ") for l in lines) and "Traceback" not in result.stderr
    # besides the errors, only the batch's progress line for the spec
    assert all(l.startswith(("error: ", "failed: ")) for l in lines), result.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, capsys):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(1_000_001)                # sparse: the check must not read it
    code, err = run(["check", path], capsys)
    # the README's limit, 1 MB, written out: importing the constant would follow any edit of it
    assert code == 1 and "the file is 1,000,001 bytes; a spec is at most" in err
    exactly = tmp_path / "limit.yaml"
    with exactly.open("wb") as fh:
        fh.truncate(1_000_000)
    code, err = run(["check", exactly], capsys)
    assert "bytes; a spec is at most" not in err


def test_a_missing_file_and_a_folder_of_nothing(tmp_path, capsys):
    code, err = run(["check", tmp_path / "nowhere.yaml"], capsys)
    assert code == 1 and "the file does not exist" in err
    code, err = run([tmp_path, "-o", tmp_path / "out"], capsys)
    assert code == 1 and "no specs found" in err


def test_utf8_with_bom_builds(tmp_path, capsys):
    from conftest import SEED_SPEC
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SEED_SPEC.read_bytes())
    code, err = run(["check", path], capsys)
    assert code == 0, err


def test_era_dates_and_full_width_digits_are_read(tmp_path):
    from conftest import SEED_SPEC
    from jpdocs.spec.load import load_spec
    text = SEED_SPEC.read_text(encoding="utf-8").replace("issue_date: 2024-02-16", "issue_date: 令和６年２月16日")
    path = tmp_path / "era.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_spec(path).spec.press_notice.issue_date.isoformat() == "2024-02-16"


def test_an_ascii_space_beside_japanese_is_a_warning_naming_field_and_line(tmp_path, capsys):
    from conftest import SEED_SPEC
    text = SEED_SPEC.read_text(encoding="utf-8").replace("name: 杉村　勝彦", "name: 杉村 勝彦")
    path = tmp_path / "space.yaml"
    path.write_text(text, encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), 1) if "杉村 勝彦" in l)
    code, err = run(["check", path], capsys)
    assert code == 0
    assert f"warning: {path}:{line}: press_notice.contacts[0].name: an ASCII space beside Japanese text" in err
    assert "full-width space (　)" in err
