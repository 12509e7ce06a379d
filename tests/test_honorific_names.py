"""様 (or 殿) typed into a person's name (name: 鈴木　聡一郎　様). Where the spec's
honorific prints after the same name the notice would read 鈴木　聡一郎　様　様: an error
at the name's line, nothing written; on the office's own people (the issuer's head, a
contact) an error as their honorific is; elsewhere a warning, the name printed as typed.
The real generator on a copy of specs/ with the slip (jpdocs/spec/honorific_names.py)."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate

from jpdocs.spec.honorific_names import _suffix

SEED = SEED_SPEC.read_text(encoding="utf-8")
PARTNER = "      name: 鈴木　聡一郎\n"


def _specs(tmp_path, *changes: tuple[str, str]):
    """specs/ copied into tmp_path, the seed spec changed so; its path and text."""
    folder = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", folder)
    text = SEED
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / SEED_SPEC.name
    path.write_text(text, encoding="utf-8")
    return path, text


def _line(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def _refused(tmp_path, path, prefix: str, fragment: str) -> None:
    out = tmp_path / "out"
    result = run_generate(path.parent, "-o", out)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert any(l.startswith(f"error: {path}:{prefix}") and fragment in l for l in errors), result.stderr
    # the other spec of the folder builds; the refused one writes nothing
    assert not (out / SEED_SPEC.stem).exists() or not any((out / SEED_SPEC.stem).rglob("*"))


def test_sama_typed_before_the_partys_honorific_is_refused_at_the_name(tmp_path):
    path, text = _specs(tmp_path, (PARTNER, "      name: 鈴木　聡一郎　様\n"))
    line, honorific = _line(text, "鈴木　聡一郎　様"), _line(text, "    honorific: 様")
    _refused(tmp_path, path, f"{line}: parties.kitami_it.representative.name:",
             f"honorific: 様 (line {honorific}) is printed after it: the notice would print 鈴木　聡一郎　様　様")


def test_sama_typed_before_a_listed_persons_honorific_is_refused(tmp_path):
    path, text = _specs(tmp_path, ("  closing_ijo: false", "  ki:\n    - date\n    - place\n    - signatories\n"
                                   "    - {label: 立会人, people: [{title: 北見市長, name: 辻　直孝　様, honorific: 様}]}\n"
                                   "  closing_ijo: false"))
    _refused(tmp_path, path, f"{_line(text, '辻　直孝　様')}: press_notice.ki[3].people[0].name:",
             "the notice would print 辻　直孝　様　様")


@pytest.mark.parametrize("old, new, key", [
    ("      name: 中島　和彦", "      name: 中島　和彦　様", "parties.bureau.representative.name"),
    ("name: 杉村　勝彦", "name: 杉村　勝彦 殿", "press_notice.contacts[0].name"),
])
def test_sama_or_dono_on_the_offices_own_people_is_refused(tmp_path, old, new, key):
    path, text = _specs(tmp_path, (old, new))
    _refused(tmp_path, path, f"{_line(text, new.strip())}: {key}:", "an office never writes 様 after its own people")


@needs_poppler
def test_sama_without_an_honorific_is_warned_and_printed_as_typed(tmp_path):
    path, text = _specs(tmp_path, (PARTNER, "      name: 鈴木　聡一郎　様\n"), ("    honorific: 様\n", ""))
    out = tmp_path / "out"
    result = run_generate(path, "-o", out, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    line = _line(text, "鈴木　聡一郎　様")
    assert (f"warning: {path}:{line}: parties.kitami_it.representative.name: the name ends in '様', printed as"
            " typed; if it is meant as the honorific, delete it from the name and write honorific: 様") in result.stderr
    notice = no_space(pdf_text(out / SEED_SPEC.stem / "press-notice.pdf"))
    assert "鈴木聡一郎様" in notice and "様様" not in notice        # as typed, once


def test_a_name_without_a_typed_honorific_is_left_alone(tmp_path):
    # the seed as it is: 様 given as the party's honorific, no warning of a name
    result = run_generate("check", SEED_SPEC)
    assert result.returncode == 0 and "the name ends in" not in result.stderr


def test_what_counts_as_a_typed_honorific():
    assert _suffix("高橋　美咲　様") == "様" and _suffix("高橋美咲様　") == "様" and _suffix("高橋 殿") == "殿"
    # 殿 ends surnames (真殿, 大殿): taken for an honorific only after a space
    assert _suffix("真殿") is None and _suffix("大殿　") is None and _suffix("真殿　殿") == "殿"
    assert _suffix("様") is None and _suffix(None) is None and _suffix("様式　太郎") is None
