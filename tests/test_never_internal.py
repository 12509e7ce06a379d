"""Bad input is never an internal error (issue 10, section 5): values at the edge
of what can be written, text too long for a page, files that cannot be read or
written. Each case goes through the real command line and must end with status 1,
one `error:` line naming the file, the line and the key (or the option), no
traceback and nothing written; `check` must find what the build finds."""
from __future__ import annotations

import re
from pathlib import Path

import os

import pytest

from conftest import ROOT, SEED_SPEC, run_generate

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
    standard = "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
    spec = spec_with(tmp_path, (standard, standard + "    extra_articles:\n      - heading: 個人情報の保護\n        text:\n"
                                          "          - text: 次に掲げる事項を遵守する。\n"
                                          f"            items: [{{text: 禁止事項, items: [{items}]}}]\n"))
    line = line_of(spec, "items: [{text: 禁止事項")
    check_and_build(spec, tmp_path, f"{spec}:{line}: agreement.document.extra_articles[0].text[0].items[0].items:",
                    "45 sub-items, but their markers ア, イ … run out after 44")


def test_area_items_as_sub_items_are_counted_too(tmp_path):
    items = "".join(f"        - 項目{i}\n" for i in range(45))
    standard = "    standard: 包括連携           # the house's standard articles (templates/articles.yaml)\n"
    spec = spec_with(tmp_path, ("        - 防災意識の向上\n", items), (standard, standard + "    area_items: true\n"))
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


# ---------------------------------------------------------------- files that cannot be read
def test_a_template_that_is_not_utf8_names_file_line_and_option(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    bundled = (Path(__file__).resolve().parent.parent / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    lines = [line.encode("utf-8") for line in bundled.split("\n")]
    lines[2] += "　報道機関各位".encode("cp932")        # pasted from a Shift_JIS file on line 3
    (folder / "press-notice.xml.j2").write_bytes(b"\n".join(lines))
    prefix = f"{folder / 'press-notice.xml.j2'}:3: --templates:"
    for argv in (["check", SEED_SPEC], [SEED_SPEC, "-o", tmp_path / "out"]):
        assert_refused(run_generate(*argv, "--templates", folder), prefix,
                       "the template is not UTF-8 text (first bad byte at line 3)", tmp_path / "out")


@pytest.mark.parametrize("root, kind", [('<document kind="overview">', "overview"), ("<document>", "")],
                         ids=["another-kind", "no-kind"])
def test_a_template_whose_document_is_of_another_kind_names_the_template(root, kind, tmp_path):
    # found: a press notice template without kind="press-notice" failed inside the release
    folder = tmp_path / "templates"
    folder.mkdir()
    bundled = (ROOT / "templates" / "press-notice.xml.j2").read_text(encoding="utf-8")
    assert bundled.count('<document kind="press-notice"') == 1
    (folder / "press-notice.xml.j2").write_text(bundled.replace('<document kind="press-notice"', root[:-1], 1),
                                                encoding="utf-8")
    # at the template's line that printed the root
    line = 1 + next(n for n, text in enumerate(bundled.splitlines()) if text.startswith('<document kind="press-notice"'))
    prefix = f"{folder / 'press-notice.xml.j2'}:{line} (the markup it rendered for {SEED_SPEC}): "
    for argv in (["check", SEED_SPEC], [SEED_SPEC, "-o", tmp_path / "out"]):
        assert_refused(run_generate(*argv, "--templates", folder), prefix,
                       f'the markup\'s root is <document kind="{kind}">, and this template makes the press-notice:'
                       ' write kind="press-notice"', tmp_path / "out")


def test_a_password_file_that_is_not_utf8(tmp_path, seed_build):
    from certs import make_p12
    p12, _ = make_p12(tmp_path)
    secret = tmp_path / "password.txt"
    secret.write_bytes("秘密\n".encode("cp932"))
    out = tmp_path / "signed.pdf"
    result = run_generate("sign", seed_build / "agreement.pdf", "--field", "甲", "--p12", p12,
                          "--password-file", secret, "-o", out)
    assert_refused(result, f"{secret}:1: --password-file:", "the password file is not UTF-8 text")
    assert not out.exists()


# ---------------------------------------------------------------- sign and annual: files that fail
# Tests run as root, where chmod stops nothing: the faults are injected in-process,
# through the same command line (cli.main), at the system calls every write makes.
def main(argv, capsys) -> tuple[int, str]:
    from jpdocs import cli
    code = cli.main([str(a) for a in argv])
    return code, capsys.readouterr().err


def read_only(monkeypatch, folder: Path):
    """A folder nothing can be written into (as root nothing is read-only): making a
    file in it is refused, whether by a rename, a link (sign's exclusive creation) or
    a temporary file."""
    import errno
    import os
    import tempfile
    real_replace, real_link, real_mkstemp = os.replace, os.link, tempfile.mkstemp

    def denied(path):
        return PermissionError(errno.EACCES, "Permission denied", str(path))

    def replace(src, dst):
        if Path(dst).parent == folder:
            raise denied(dst)
        return real_replace(src, dst)

    def link(src, dst, *args, **kwargs):
        if Path(dst).parent == folder:
            raise denied(dst)
        return real_link(src, dst, *args, **kwargs)

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == folder:
            raise denied(dir)
        return real_mkstemp(*args, dir=dir, **kwargs)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "link", link)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def disk_full(monkeypatch):
    """Every file written to disk fails as on a full disk (a write error names no file)."""
    import errno
    import os

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)


def unreadable(monkeypatch, path: Path):
    """As root nothing is unreadable: refuse the reads of `path` (by Path.read_bytes,
    and by os.open in files.py, which reads specs, styles and the like)."""
    import errno
    import jpdocs.files
    real, real_open = Path.read_bytes, os.open

    def refuse(self):
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    def refuse_open(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(jpdocs.files.os, "open", refuse_open)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def signing(tmp_path, seed_build, monkeypatch):
    from certs import make_p12
    p12, _ = make_p12(tmp_path)
    monkeypatch.setenv("JPDOCS_P12_PASSWORD", "secret")
    out = tmp_path / "signed"
    out.mkdir()
    return seed_build / "agreement.pdf", p12, out


@pytest.mark.parametrize("fault, fragment", [
    ("read-only", "cannot write: permission denied"),
    ("disk-full", "cannot write: the disk is full"),
    ("unreadable", "cannot read the file: permission denied"),
])
def test_sign_that_cannot_read_or_write_is_one_error(fault, fragment, signing, capsys, monkeypatch):
    src, p12, folder = signing
    out = folder / "agreement-signed.pdf"
    {"read-only": lambda: read_only(monkeypatch, folder), "disk-full": lambda: disk_full(monkeypatch),
     "unreadable": lambda: unreadable(monkeypatch, src)}[fault]()
    code, err = main(["sign", src, "--field", "甲", "--p12", p12, "-o", out], capsys)
    named = src if fault == "unreadable" else out
    assert code == 1 and "internal error" not in err, err
    assert f"error: {named}: {fragment}" in err, err
    assert leftovers(folder) == [], "a half-written or temporary file stayed"


@pytest.mark.parametrize("fault, fragment", [
    ("read-only", "cannot write: permission denied"),
    ("disk-full", "cannot write: the disk is full"),
    ("unreadable", "the file cannot be read (Permission denied)"),
    ("unreadable-folder", "cannot read the folder: permission denied"),
])
def test_annual_that_cannot_read_or_write_is_one_error(fault, fragment, tmp_path, capsys, monkeypatch):
    import errno
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    spec = specs / "kitami.yaml"
    spec.write_bytes(SEED_SPEC.read_bytes())
    out.mkdir()
    named = out
    if fault == "read-only":
        read_only(monkeypatch, out)
        named = out                 # the first file made there (a temporary one) is refused
    elif fault == "disk-full":
        disk_full(monkeypatch)
    elif fault == "unreadable":
        unreadable(monkeypatch, spec)
        named = spec
    else:
        real = Path.iterdir

        def refuse(self):
            if self == specs:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self)
        monkeypatch.setattr(Path, "iterdir", refuse)
        named = specs
    code, err = main(["annual", "--fiscal-year", "2023", specs, "-o", out], capsys)
    assert code == 1 and "internal error" not in err, err
    assert f"error: {named}" in err and fragment in err, err
    assert leftovers(out) == [], "a half-written or temporary file stayed"


# ---------------------------------------------------------------- text too long for its page
def test_a_name_too_long_for_a_signature_block_is_found_by_check_and_build(tmp_path):
    spec = spec_with(tmp_path, ("name: 中島　和彦", "name: " + "長" * 3000))
    check_and_build(spec, tmp_path, f"{spec}:{line_of(spec, '長長長')}: parties.bureau.representative.name:",
                    "cannot be laid out: the table cell 「長長長")


def areas(count: int, items: int = 1) -> str:
    return "".join(f"    - heading: 連携事項その{i}に関する事項\n      items: [{', '.join(['取組の推進'] * items)}]\n"
                   for i in range(count))


def test_five_hundred_areas_are_found_by_check_and_named_as_the_areas(tmp_path):
    spec = spec_with(tmp_path, ("  areas:\n", "  areas:\n" + areas(500)))
    check_and_build(spec, tmp_path, f"{spec}:{line_of(spec, '  areas:')}: agreement.areas:",
                    "the tallest part is the box 「連携事項その0に関する事項」 and 12")
    # 506 areas, four to a row: over a hundred rows, named together (not the tallest single box)


def test_ten_thousand_items_are_found_by_check(tmp_path):
    items = "".join(f"        - 取組{i}\n" for i in range(10_000))
    spec = spec_with(tmp_path, ("        - 防災意識の向上\n", items))
    line = line_of(spec, "取組0") - 1
    result = run_generate("check", spec)
    assert_refused(result, f"{spec}:{line}: agreement.areas[4].items:", "does not fit on one page")


def test_does_not_fit_names_the_part_that_is_too_tall_not_the_first_box(tmp_path):
    long = "地域の持続的な発展に向けて、それぞれが有する知見と資源を最大限に生かしながら協働します。" * 12
    spec = spec_with(tmp_path, ("      - オホーツク地域の特性に根ざした", f"      - {long}\n      - {long}\n      - オホーツク地域の特性に根ざした"))
    result = run_generate(spec, "-o", tmp_path / "out")
    line = line_of(spec, long[:20]) - 2          # statements: then the first, unchanged one
    prefix = f"{spec}:{line}: parties.kitami_it.statements:"
    assert_refused(result, prefix, "the tallest part is the box 「", tmp_path / "out")
    assert "「北海道オホーツク総合振興局」" not in result.stderr, result.stderr     # the first party's box


def test_check_still_passes_what_builds(tmp_path):
    result = run_generate("check", SEED_SPEC, ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- aliases
def test_an_alias_repeating_long_text_is_refused_before_it_is_read(tmp_path):
    """Few values, much text: 25 aliases of a 100,000-character paragraph are 2.5
    million characters from a 300 KB file (the node limit alone let this through,
    and the checks then read every character of every copy)."""
    long = "経緯" * 50_000
    spec = spec_with(tmp_path, ("    paragraphs:\n", f"    paragraphs:\n      - &long {long}\n" + "      - *long\n" * 25))
    assert spec.stat().st_size < 400_000
    prefix = f"{spec}:{line_of(spec, 'paragraphs:')}: press_notice.background.paragraphs["
    check_and_build(spec, tmp_path, prefix, "the document's text expands to more than 2,000,000 characters")


def test_a_summary_row_too_tall_for_the_annual_book_names_its_spec_and_key(tmp_path):
    """The annual book's table row (相手方) never splits: a 6,000-character formal name
    is an error at that spec's key, not a LayoutError."""
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "other.yaml").write_bytes(SEED_SPEC.read_bytes())
    text = SEED.replace("formal_name: 国立大学法人北海道国立大学機構　北見工業大学", "formal_name: " + "機" * 6000)
    text = re.sub(r"  areas:\n(    .*\n|      .*\n|        .*\n)*", "", text, count=1)   # a plain sheet, no fit
    text = text.replace("attachments: [{title: 連携協定の概要, document: overview}]", "attachments: [連携協定の概要]")
    spec = specs / "long.yaml"
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_generate("annual", "--fiscal-year", "2023", specs, "-o", out)
    assert_refused(result, f"{spec}:{line_of(spec, '機機機')}: parties.kitami_it.formal_name:",
                   "the annual overview cannot be laid out: the table cell 「機機機", out)
