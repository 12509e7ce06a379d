"""--kinds asking for a kind a spec cannot make: the build says which kind, and why
(the section or key the spec lacks, at its line), counts the spec apart from the
built ones, and fails when the run made no document at all."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_AREAS = ROOT / "tests/data/real/ageo-fire-2018.yaml"        # a notice and an agreement without areas
NO_NOTICE = ROOT / "tests/data/real/nta-jiima-2021.yaml"        # an agreement only
WITH_AREAS = ROOT / "specs/2024-02-27-okhotsk-kitami.yaml"      # makes an overview


def generate(*args, lang: str = "C") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=300)


def _line_of(spec: Path, text: str) -> int:
    return next(n for n, line in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if line == text)


def test_a_kind_the_spec_cannot_make_is_named_with_the_key_it_lacks(tmp_path):
    run = generate(NO_AREAS, "--kinds", "overview", "-o", tmp_path)
    assert run.returncode == 1
    assert "built 0, unchanged 0, failed 0, made nothing 1" in run.stdout
    assert f"made nothing: {NO_AREAS}" in run.stdout
    line = _line_of(NO_AREAS, "agreement:")
    assert (f"error: {NO_AREAS}:{line}: agreement.areas: makes no overview (--kinds): it has no agreement.areas"
            in run.stderr)
    assert not any(tmp_path.rglob("*.pdf")) and not any(tmp_path.rglob("*.docx"))


def test_a_missing_section_has_no_line_and_a_release_says_what_it_lacks(tmp_path):
    run = generate(NO_NOTICE, "--kinds", "release,press-notice", "-o", tmp_path)
    assert run.returncode == 1
    assert f"error: {NO_NOTICE}: press_notice: makes no release (--kinds): it has no press_notice" in run.stderr
    assert f"error: {NO_NOTICE}: press_notice: makes no press-notice (--kinds): it has no press_notice" in run.stderr
    line = _line_of(NO_AREAS, "press_notice:")
    run = generate(NO_AREAS, "--kinds", "release", "-o", tmp_path)
    assert run.returncode == 1
    assert (f"{NO_AREAS}:{line}: press_notice.attachments: makes no release (--kinds):"
            " it has no press_notice.attachments") in run.stderr
    run = generate(WITH_AREAS, "--kinds", "release", "--format", "docx", "-o", tmp_path)
    assert run.returncode == 1
    assert "makes no release (--kinds): a release is a PDF, and --format has no pdf" in run.stderr


def test_a_batch_where_some_specs_make_the_kind_says_which_made_nothing(tmp_path):
    run = generate(NO_AREAS, WITH_AREAS, "--kinds", "overview", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert "built 1, unchanged 0, failed 0, made nothing 1" in run.stdout
    assert f"warning: {NO_AREAS}:" in run.stderr and "makes no overview (--kinds)" in run.stderr
    assert (tmp_path / WITH_AREAS.stem / "overview.pdf").is_file()
    assert not (tmp_path / NO_AREAS.stem).exists()


def test_a_spec_that_makes_some_of_the_kinds_notes_the_others(tmp_path):
    run = generate(NO_AREAS, "--kinds", "press-notice,overview", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    assert "built 1, unchanged 0, failed 0 (" in run.stdout
    assert f"note: {NO_AREAS}:" in run.stdout and "makes no overview (--kinds)" in run.stdout
    assert (tmp_path / NO_AREAS.stem / "press-notice.pdf").is_file()


def test_in_japanese(tmp_path):
    run = generate(NO_AREAS, "--kinds", "overview", "-o", tmp_path, lang="ja_JP.UTF-8")
    assert run.returncode == 1
    assert "作成 0 件、変更なし 0 件、失敗 0 件、作成物なし 1 件" in run.stdout
    assert f"作成物なし: {NO_AREAS}" in run.stdout
    assert "agreement.areas: overview は作成できません（--kinds）: agreement.areas がありません" in run.stderr


def _record(out: Path) -> dict:
    import json
    return json.loads((out / ".jpdocs-build.json").read_text(encoding="utf-8"))["specs"]


def test_a_spec_that_made_nothing_is_in_the_build_record_with_its_reason(tmp_path):
    run = generate(NO_AREAS, WITH_AREAS, "--kinds", "overview", "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    specs = _record(tmp_path)
    built, nothing = specs[str(WITH_AREAS.resolve())], specs[str(NO_AREAS.resolve())]
    assert built["outputs"] and "made" not in built
    assert nothing["made"] == "nothing" and "outputs" not in nothing
    line = _line_of(NO_AREAS, "agreement:")
    reason = f"{NO_AREAS}:{line}: agreement.areas: makes no overview (--kinds): it has no agreement.areas"
    assert nothing["reasons"] == [reason]
    assert f"warning: {reason}" in run.stderr                   # as the run printed it
    # never `unchanged`: the next run says the same again, and the record still holds it
    again = generate(NO_AREAS, WITH_AREAS, "--kinds", "overview", "-o", tmp_path)
    assert "built 0, unchanged 1, failed 0, made nothing 1" in again.stdout
    assert f"warning: {reason}" in again.stderr
    assert _record(tmp_path)[str(NO_AREAS.resolve())]["reasons"] == [reason]


def test_a_run_that_made_nothing_at_all_still_writes_the_record(tmp_path):
    run = generate(NO_NOTICE, "--kinds", "release,press-notice", "-o", tmp_path)
    assert run.returncode == 1
    entry = _record(tmp_path)[str(NO_NOTICE.resolve())]
    assert entry["made"] == "nothing"
    assert entry["reasons"] == [f"{NO_NOTICE}: press_notice: makes no {kind} (--kinds): it has no press_notice"
                                for kind in ("release", "press-notice")]
    # the spec made later in full: its entry is a build's again
    run = generate(NO_NOTICE, "-o", tmp_path)
    assert run.returncode == 0, run.stderr
    entry = _record(tmp_path)[str(NO_NOTICE.resolve())]
    assert "made" not in entry and entry["outputs"]
