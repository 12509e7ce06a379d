"""Bad input is never an internal error (issue 10, section 5): values at the edge
of what can be written, text too long for a page, files that cannot be read or
written. Each case goes through the real command line and must end with status 1,
one `error:` line naming the file, the line and the key (or the option), no
traceback and nothing written; `check` must find what the build finds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEED_SPEC, run_generate

SEED = SEED_SPEC.read_text(encoding="utf-8")


def spec_with(folder: Path, *changes: tuple[str, str], name: str = "case.yaml") -> Path:
    """The seed spec with each (old, new) replaced once."""
    text = SEED
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in l)


def assert_refused(result, prefix: str, fragment: str, out: Path | None = None) -> None:
    """Status 1, an error line starting with `prefix` (file:line: key:) holding
    `fragment`, no internal error, and nothing written under `out`."""
    err = result.stderr
    assert result.returncode == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    errors = [l for l in err.splitlines() if l.startswith("error: ")]
    assert any(l.startswith(f"error: {prefix}") and fragment in l for l in errors), (prefix, fragment, err)
    if out is not None:
        assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()], "something was written"


def check_and_build(spec: Path, tmp_path: Path, prefix: str, fragment: str) -> None:
    """`check` and the build both refuse the spec with the same message."""
    assert_refused(run_generate("check", spec), prefix, fragment)
    out = tmp_path / "out"
    assert_refused(run_generate(spec, "-o", out), prefix, fragment, out / spec.stem)


# ---------------------------------------------------------------- values at the edge
def test_sub_item_markers_that_run_out_name_the_list(tmp_path):
    items = ", ".join(f"項目{i}" for i in range(45))
    spec = spec_with(tmp_path, ("  areas:\n", "  extra_articles:\n    - heading: 個人情報の保護\n      text:\n"
                                              "        - text: 次に掲げる事項を遵守する。\n"
                                              f"          items: [{{text: 禁止事項, items: [{items}]}}]\n  areas:\n"))
    line = line_of(spec, "items: [{text: 禁止事項")
    check_and_build(spec, tmp_path, f"{spec}:{line}: agreement.extra_articles[0].text[0].items[0].items:",
                    "45 sub-items, but their markers ア, イ … run out after 44")


def test_area_items_as_sub_items_are_counted_too(tmp_path):
    items = "".join(f"        - 項目{i}\n" for i in range(45))
    spec = spec_with(tmp_path, ("        - 防災意識の向上\n", items), ("  areas:\n", "  area_items: true\n  areas:\n"))
    line = line_of(spec, "項目0") - 1          # the items: key above the list
    check_and_build(spec, tmp_path, f"{spec}:{line}: agreement.areas[4].items:", "run out after 44")


def test_a_signing_date_whose_fiscal_year_cannot_end(tmp_path):
    spec = spec_with(tmp_path, ("signing_date: 2024-02-27", "signing_date: 9999-12-31"),
                     ("    end: 2025-03-31            # the first term runs to the end of the next fiscal year\n", ""))
    check_and_build(spec, tmp_path, f"{spec}:{line_of(spec, 'signing_date:')}: agreement.signing_date:",
                    "9999-12-31 falls in the fiscal year 9999")


def test_a_fiscal_year_no_date_can_hold(tmp_path):
    spec = spec_with(tmp_path, ("  areas:\n", "  fiscal_year: 100000000000000000000\n  areas:\n"))
    check_and_build(spec, tmp_path, f"{spec}:{line_of(spec, 'fiscal_year:')}: agreement.fiscal_year:",
                    "is not a fiscal year that can be written")


@pytest.mark.parametrize("year", ["0", "-1", "9999", "1867", "1868"])
def test_annual_fiscal_year_out_of_range_names_the_option(year, tmp_path):
    out = tmp_path / "out"
    result = run_generate("annual", f"--fiscal-year={year}", SEED_SPEC, "-o", out)
    assert_refused(result, "--fiscal-year:", f"{year} is not a fiscal year that can be written", out)
