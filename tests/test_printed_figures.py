"""The check of printed figures (printed_figures.py), which test_real_cases runs over
every real case: here, that it can fail — on text written to show each kind of figure it
must refuse, and on a real build whose default supplies a fact the spec did not give."""
from __future__ import annotations

import datetime as dt
import shutil

import yaml

from conftest import ROOT, needs_poppler, pdf_text, run_generate
from printed_figures import spec_figures, unsaid_figures

SPEC = {
    "agreement": {"title": "包括連携協定", "signing_date": dt.date(2025, 7, 15)},
    "press_notice": {"issue_date": dt.date(2025, 7, 10),
                     "opening": ["令和５年度から、４者で協定を結びます。"],
                     "ceremony": {"date": dt.date(2025, 7, 15), "start": "13:30", "end": "14:00"}},
}


def unsaid(text: str, parties: int = 2) -> list[str]:
    return [figure for figure, _ in unsaid_figures(text, spec_figures(SPEC), parties)]


def test_the_spec_s_dates_pass_in_either_calendar_and_with_the_house_s_clock():
    assert unsaid("令和７年７月15日（火）午後１時30分～２時00分") == []
    assert unsaid("2025 年 07 月 10 日 提供") == []
    assert unsaid("令和７年（2025年）７月15日") == []
    assert unsaid("７月15日、令和５年度から、４者で") == []


def test_a_date_the_spec_does_not_state_is_found():
    assert unsaid("令和７年７月16日（水）") == ["令和7年7月16日"]      # a day after
    assert unsaid("平成７年７月15日") == ["平成7年7月15日"]            # the era's year wrong
    assert unsaid("受付は７月14日まで") == ["7月14日"]                 # a day without its year


def test_a_count_the_spec_does_not_write_is_found():
    assert unsaid("有効期間は、更に１年間延長する") == ["1年間"]
    assert unsaid("出席者　市長ら３名") == ["3名"]
    assert unsaid("この協定書を３通作成し") == ["3通"]                  # two parties: 本書２通
    assert unsaid("この協定書を２通作成し、各自その１通を保有する") == []


def test_a_number_the_spec_does_not_hold_is_found_and_the_product_s_numbering_is_not():
    assert unsaid("本庁舎９階") == ["9"]
    assert unsaid("１　日時\n（２）署名\n（例３）合同企画\n第12条　協議\n- 3 -") == []
    assert unsaid("（２）本庁舎９階（例３）") == ["9", "3"]      # a number in the line is no marker


@needs_poppler
def test_a_default_that_supplies_a_fact_is_found_in_a_real_build(tmp_path):
    """The bundled 北見工業大学 spec gives its term's end and the notice before it, not the
    length of a renewal: the standard 有効期間 article renews it by １年間 (the default,
    named in a note). A figure the spec never wrote: the check finds it, as it would in
    any real case whose default supplied one."""
    spec = tmp_path / "okhotsk.yaml"
    shutil.copy(ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml", spec)
    result = run_generate(spec, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "renewal_term: not given" in result.stdout + result.stderr
    said = spec_figures(yaml.safe_load(spec.read_text(encoding="utf-8")))
    text = pdf_text(next((tmp_path / "out").rglob("agreement.pdf")))
    assert [figure for figure, _ in unsaid_figures(text, said, 2)] == ["1年間"]
