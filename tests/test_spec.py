"""Spec validation: every problem at once, each with file, line and key path."""
from __future__ import annotations

import pytest

from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec

from conftest import SEED_SPEC, run_generate


def write(tmp_path, text: str, name="spec.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def broken_seed(tmp_path):
    """The seed with three mistakes: a misspelt key (line of `subjet`), an impossible
    date, and a missing required field (the representative's title: a name left out is
    the head by title alone, refused only where a document prints the name,
    test_title_only.py)."""
    text = SEED_SPEC.read_text(encoding="utf-8")
    text = text.replace("  subject: 北海道", "  subjet: 北海道", 1)
    text = text.replace("issue_date: 2024-02-16", "issue_date: 2024-02-30", 1)
    text = text.replace("      title: 北海道オホーツク総合振興局長\n", "", 1)
    return write(tmp_path, text), text.splitlines()


def line_with(lines, needle):
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_the_seed_spec_is_valid():
    loaded = load_spec(SEED_SPEC)
    assert loaded.spec.press_notice.ceremony.start.hour == 11
    assert [p.name for _, p in loaded.spec.party_list()] == ["北海道オホーツク総合振興局", "北見工業大学"]


def test_three_mistakes_are_reported_together_with_lines(tmp_path):
    path, lines = broken_seed(tmp_path)
    with pytest.raises(InputError) as caught:
        load_spec(path)
    found = {(p.line, p.key): p.message for p in caught.value.problems}
    assert len(caught.value.problems) == 4, caught.value     # subjet unknown + subject missing
    date_line = line_with(lines, "issue_date: 2024-02-30")
    assert "not a valid date" in found[(date_line, "press_notice.issue_date")]
    typo_line = line_with(lines, "subjet:")
    assert "did you mean 'subject'" in found[(typo_line, "press_notice.subjet")]
    rep_line = line_with(lines, "representative:")
    assert found[(rep_line, "parties.bureau.representative.title")] == "this key is required but missing"


def test_the_command_line_prints_all_problems_and_exits_1(tmp_path):
    path, lines = broken_seed(tmp_path)
    result = run_generate(path, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert len(errors) == 4, result.stderr
    assert f"{path}:{line_with(lines, 'subjet:')}: press_notice.subjet: unknown key" in result.stderr
    assert not (tmp_path / "out").exists()                   # nothing half-written


def test_check_validates_without_writing(tmp_path):
    result = run_generate("check", SEED_SPEC, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "output").exists()


def test_usage_errors_exit_2():
    assert run_generate("--format", "odt").returncode == 2
    assert run_generate("check").returncode == 2


def test_unknown_party_reference_names_the_line(tmp_path):
    text = SEED_SPEC.read_text(encoding="utf-8").replace("signatories: [bureau, kitami_it]",
                                                         "signatories: [bureau, kitami]")
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_spec(path)
    [problem] = caught.value.problems
    assert problem.key == "press_notice.ceremony.signatories[1]"
    assert "did you mean 北見工業大学（kitami_it）" in problem.message
    assert problem.line == line_with(text.splitlines(), "signatories:")


def test_times_are_times_not_base_60_numbers(tmp_path):
    text = SEED_SPEC.read_text(encoding="utf-8").replace('start: "11:00"', "start: 11:00")
    loaded = load_spec(write(tmp_path, text))
    assert loaded.spec.press_notice.ceremony.start.strftime("%H:%M") == "11:00"
    bad = write(tmp_path, text.replace("start: 11:00", "start: 25:00"), "bad.yaml")
    with pytest.raises(InputError) as caught:
        load_spec(bad)
    assert "not a valid time" in str(caught.value)


def test_kangxi_radicals_are_mapped_with_a_warning(tmp_path):
    text = SEED_SPEC.read_text(encoding="utf-8").replace("name: 北見工業大学\n", "name: 北⾒⼯業⼤学\n", 1)
    loaded = load_spec(write(tmp_path, text))
    assert loaded.spec.parties["kitami_it"].name == "北見工業大学"
    [warning] = loaded.warnings
    assert warning.key == "parties.kitami_it.name"
    assert "U+2F92" in warning.message and warning.line == line_with(text.splitlines(), "name: 北⾒")


def test_the_texts_are_mended_and_checked_in_one_walk_as_in_two():
    """text_checks.mended_and_checked walks the spec's tree once: the data, warnings,
    problems and dated texts are those of mend_radicals' walk and then check_text's,
    in the same order, on trees of texts with radicals, control characters, ASCII
    spaces beside Japanese and untrue dates, nested in lists and keys."""
    import random
    from jpdocs.spec.text_checks import check_text, mend_radicals, mended_and_checked
    rng = random.Random(11)
    pieces = ["北海道", "⾒", "⼀", " ", "\t", "\u200b", "２月30日（月）", "2024年2月27日（火）", "ab", "\n", "５月３日（祝）"]

    def value(depth):
        r = rng.random()
        if depth > 3 or r < 0.5:
            return rng.choice([None, 3, True, 1.5]) if r < 0.1 else "".join(
                rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        if r < 0.75:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {f"k{i}": value(depth + 1) for i in range(rng.randint(0, 3))}
    lines = {}
    compared = 0
    for _ in range(300):
        tree = {f"top{i}": value(1) for i in range(rng.randint(1, 4))}
        shared = tree.copy()
        tree["again"] = shared                         # a value reached twice (an alias)
        w1, d1, w2, d2 = [], [], [], []
        mended = mend_radicals(tree, (), "s.yaml", lines, w1)
        p1 = check_text(mended, (), "s.yaml", lines, w1, d1)
        data, p2 = mended_and_checked(tree, "s.yaml", lines, w2, d2)
        assert (data, p2, w2, d2) == (mended, p1, w1, d1)
        compared += bool(w1) + bool(p1)
    assert compared > 100
