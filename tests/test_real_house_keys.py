"""A real case's house style (tests/data/real/styles/) writes only forms its cases print.

A house style key that asks nothing of a document is accepted by the build (the house
sets how the office always sets a part, and one notice may have no such part:
build/setting_effects.py, README "a key that has no effect"); so the build cannot
notice a style file next to the real cases that keeps a form no page of the office was
seen to print. kobe-port.yaml kept the 記 block's marker and heading and the people's form
after kobe-panama-2022's section 2. stopped being a 記 block (the thirty-first session):
keys describing a block the page does not have. Here, for each real house style whose
cases print no 記 block (every notice `ki: []`, no release after the signing, which
lists people too), no key of the 記 block or its people is written."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from conftest import ROOT

REAL = ROOT / "tests" / "data" / "real"


def _cases_by_style() -> dict[Path, list[dict]]:
    users: dict[Path, list[dict]] = defaultdict(list)
    for spec in REAL.glob("*.yaml"):
        if spec.name.endswith(".facts.yaml"):
            continue
        data = yaml.safe_load(spec.read_text(encoding="utf-8"))
        if data.get("style"):
            users[(REAL / data["style"]).resolve()].append(data)
    return users


def _prints_no_ki(case: dict) -> bool:
    notice = case.get("press_notice")
    return notice is None or (notice.get("ki") == [] and not notice.get("after"))


def test_a_house_of_cases_without_a_ki_block_writes_none_of_its_keys():
    found = []
    for style, cases in _cases_by_style().items():
        if not all(_prints_no_ki(c) for c in cases):
            continue
        notice = (yaml.safe_load(style.read_text(encoding="utf-8")) or {}).get("notice") or {}
        found += [f"{style.name}: notice.{k}" for k in notice if k.startswith(("ki_", "people"))]
    assert not found, found


def test_the_check_sees_the_houses_of_cases_without_a_ki_block():
    """Not vacuous: some real houses' cases print no 記 block (kobe-port among them)."""
    houses = [s.name for s, cases in _cases_by_style().items() if all(_prints_no_ki(c) for c in cases)]
    assert "kobe-port.yaml" in houses and len(houses) >= 3, houses
