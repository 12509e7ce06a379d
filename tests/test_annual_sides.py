"""相手方 in the annual book where no party is the issuer by name: the book lists a
party of the issuer's own side as its partner only if the spec says so. Real cases,
each built with the real command line; the CSV and the PDF's text read back.

上尾市 issues for its own fire department (上尾市消防本部), 鳥取県 signs as 日本国鳥取県,
下関市 for its port (下関港): a party whose name holds the issuer's, or the place the
issuer's begins with, and that says no `issuing:` is refused at its key; a spec whose
issuer is plainly no party (長野県林務部 for 府中市 and 佐久穂町) lists every party and
the build names that choice."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from conftest import ROOT, needs_poppler, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"


def copy_real(tmp_path: Path, case: str, drop_issuing: bool = False) -> Path:
    """The real case in a folder of its own beside its house styles; with drop_issuing,
    as it was before it said which side its party is on."""
    shutil.copytree(REAL / "styles", tmp_path / "styles", dirs_exist_ok=True)
    shutil.copytree(REAL / "photos", tmp_path / "photos", dirs_exist_ok=True)   # the captions' stand-in
    text = (REAL / f"{case}.yaml").read_text(encoding="utf-8")
    if drop_issuing:
        text, n = re.subn(r"\n    issuing: (true|false)[^\n]*", "", text)
        assert n == 1
    spec = tmp_path / f"{case}.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def annual(tmp_path: Path, spec: Path, fy: int):
    return run_generate("annual", "--fiscal-year", str(fy), spec, "-o", tmp_path / "out", "--format", "pdf,csv")


def partners_of(tmp_path: Path, fy: int) -> list[str]:
    with open(tmp_path / "out" / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as fh:
        return [row["相手方"] for row in csv.DictReader(fh)]


@needs_poppler
def test_the_issuers_own_fire_department_is_not_its_partner(tmp_path):
    """上尾市 and 上尾市消防本部 (issuing: true): the partner is the association alone,
    in the CSV and on the agreement's page of the PDF (the spec without issuing: is
    refused: the next test)."""
    assert annual(tmp_path / "old", copy_real(tmp_path / "old", "ageo-fire-2018", True), 2018).returncode == 1
    result = annual(tmp_path, copy_real(tmp_path, "ageo-fire-2018"), 2018)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2018) == ["埼玉県解体業協会"]
    text = no_space(pdf_text(tmp_path / "out" / "annual-2018.pdf"))
    assert "相手方埼玉県解体業協会" in text
    assert "上尾市消防本部" not in text
    assert "parties" not in result.stdout + result.stderr         # decided: nothing to say


def test_a_party_named_like_the_issuer_without_issuing_is_refused(tmp_path):
    """Without issuing:, 上尾市消防本部 may be the city's or a partner's: refused at its
    key and line, exit 1, nothing written, no traceback."""
    spec = copy_real(tmp_path, "ageo-fire-2018", drop_issuing=True)
    result = annual(tmp_path, spec, 2018)
    assert result.returncode == 1
    line = spec.read_text(encoding="utf-8").splitlines().index("  fire:") + 1
    assert f"{spec}:{line}: parties.fire.issuing:" in result.stdout + result.stderr
    assert "上尾市消防本部" in result.stderr and "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_party_holding_the_issuers_place_without_issuing_is_refused(tmp_path):
    """下関市 and its port 下関港: the names do not contain one another, but the port
    bears the city's place name; without issuing: the book cannot tell, and says so."""
    spec = copy_real(tmp_path, "shimonoseki-taicang-2017", drop_issuing=True)
    result = annual(tmp_path, spec, 2017)
    assert result.returncode == 1
    assert "parties.shimonoseki.issuing:" in result.stderr and "下関港" in result.stdout + result.stderr
    result = annual(tmp_path, copy_real(tmp_path, "shimonoseki-taicang-2017"), 2017)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2017) == ["蘇州太倉港"]


@needs_poppler
def test_the_prefecture_signing_by_its_formal_name_is_not_its_own_partner(tmp_path):
    """鳥取県 signs as 日本国鳥取県 (issuing: true): 相手方 is 江原道 alone; without
    issuing: the book refused."""
    old = annual(tmp_path / "old", copy_real(tmp_path / "old", "tottori-gangwon-1994", True), 1994)
    assert old.returncode == 1 and "parties.tottori.issuing:" in old.stderr
    result = annual(tmp_path, copy_real(tmp_path, "tottori-gangwon-1994"), 1994)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 1994) == ["大韓民国江原道"]
    text = no_space(pdf_text(tmp_path / "out" / "annual-1994.pdf"))
    assert "相手方大韓民国江原道" in text
    assert "相手方日本国鳥取県" not in text


def test_an_issuer_that_is_no_party_lists_every_party_and_says_so(tmp_path):
    """長野県林務部 issues for 府中市 and 佐久穂町: both listed, and the build's note
    names the spec, the line of parties: and what the book chose."""
    spec = copy_real(tmp_path, "nagano-fuchu-sakuho-2011")
    result = annual(tmp_path, spec, 2011)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2011) == ["府中市、佐久穂町"]
    line = spec.read_text(encoding="utf-8").splitlines().index("parties:") + 1
    assert f"{spec}:{line}: parties: no party is the issuer (長野県林務部)" in result.stdout + result.stderr
    assert "相手方 (府中市、佐久穂町)" in result.stdout + result.stderr
    # the user's issuing: false on each party confirms the choice: no note
    text = spec.read_text(encoding="utf-8")
    for key in ("fuchu", "sakuho"):
        assert f"\n  {key}:\n" in text
        text = text.replace(f"\n  {key}:\n", f"\n  {key}:\n    issuing: false\n")
    spec.write_text(text, encoding="utf-8")
    result = annual(tmp_path, spec, 2011)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2011) == ["府中市、佐久穂町"]
    assert "parties" not in result.stdout + result.stderr, "confirmed by the spec"


def test_the_issuer_column_names_no_office_that_did_not_sign(tmp_path):
    """The house's 締結者 column (data: issuer) over an issuer that is no party
    (長野県林務部 for 府中市 and 佐久穂町): －, and the build says why; over 上尾市,
    whose fire department signed (issuing: true), the issuer."""
    style = tmp_path / "house.yaml"
    style.write_text("name: 一覧\nannual:\n  columns:\n    - {data: number}\n    - {data: title}\n"
                     "    - {data: partners}\n    - {data: issuer}\n", encoding="utf-8")
    specs = [copy_real(tmp_path, "nagano-fuchu-sakuho-2011"), copy_real(tmp_path, "ageo-fire-2018")]
    books = {}
    for spec, fy in zip(specs, (2011, 2018)):
        result = run_generate("annual", "--fiscal-year", str(fy), spec, "-o", tmp_path / "out", "--style", style,
                              "--format", "csv")
        assert result.returncode == 0, result.stderr
        with open(tmp_path / "out" / f"annual-{fy}.csv", encoding="utf-8-sig", newline="") as fh:
            books[fy] = (list(csv.DictReader(fh)), result.stdout)
    [row], said = books[2011]
    assert row["締結者"] == "－" and row["相手方"] == "府中市、佐久穂町"
    line = specs[0].read_text(encoding="utf-8").splitlines().index("issuer: 長野県林務部") + 1
    assert f"{specs[0]}:{line}: issuer: 長野県林務部 is no party" in said
    [row], said = books[2018]
    assert row["締結者"] == "上尾市" and "is no party" not in said


def test_the_issuer_written_without_the_partys_space_is_still_that_party(tmp_path):
    """防災科研 issues as 国立研究開発法人防災科学技術研究所, its party is named
    国立研究開発法人　防災科学技術研究所 (a full-width space): the same body, never its own
    partner; the partner is the network (its issuing: true says the release is both's)."""
    result = annual(tmp_path, copy_real(tmp_path, "bosai-jgn-2018"), 2018)
    assert result.returncode == 0, result.stderr
    assert partners_of(tmp_path, 2018) == ["特定非営利活動法人　日本ジオパークネットワーク"]
