"""Outputs that never mix: specs with one file name, two builds or two signings at
once, the annual book over an edited file or on a full disk, a linked folder in
the output tree, and NFC/NFD spellings of one name. Through the real generator;
races are run many times (bounded) and manifest, record and files must agree."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from jpdocs import atomic, cli, output
from jpdocs.build.record import RECORD_NAME

from conftest import ROOT, SEED_SPEC, run_generate

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import write_specs  # noqa: E402


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def generate_async(*args, env=None, script=None) -> subprocess.Popen:
    program = ["-c", script] if script else [str(ROOT / "generate.py")]
    return subprocess.Popen([sys.executable, *program, *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


# The generator on a slow, uneven disk (an fsync takes up to 0.2 s), so that two
# builds' writes overlap and interleave as they would on a network share.
SLOW_DISK = """
import os, random, sys, time
sys.path.insert(0, {root!r})
from jpdocs import cli, output
real = os.fsync
def slow(fd):
    time.sleep(random.random() * 0.2)
    real(fd)
output.os.fsync = slow
sys.exit(cli.main(sys.argv[1:]))
""".format(root=str(ROOT))


def seed_copy(folder: Path, name: str = "x.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SEED_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    return path


# ------------------------------------------------------------ one file name, two specs
@pytest.mark.parametrize("names", [("a/x.yaml", "b/x.yaml"), ("s/x.yaml", "s/x.yml")])
def test_two_specs_with_one_file_name_are_refused_by_name(names, tmp_path):
    first, second = (seed_copy(tmp_path / Path(n).parent, Path(n).name) for n in names)
    other = seed_copy(tmp_path / "c", "other.yaml")
    out = tmp_path / "out"
    result = run_generate(first, second, other, "-o", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "built 1, unchanged 0, failed 2" in result.stdout
    assert f"error: {first}: x.yaml and {second} would both write into {out / 'x'}/" in result.stderr
    assert f"error: {second}: x.yml" in result.stderr or f"error: {second}: x.yaml and {first}" in result.stderr
    assert not (out / "x").exists() and (out / "other" / "press-notice.pdf").is_file()


def test_a_folder_written_by_another_spec_of_the_same_name_is_refused(tmp_path):
    first, second = seed_copy(tmp_path / "a"), seed_copy(tmp_path / "b")
    out = tmp_path / "out"
    assert run_generate(first, "-o", out).returncode == 0
    before = {p.name: sha(p) for p in (out / "x").iterdir()}
    for extra in ((), ("--force",)):
        result = run_generate(second, "-o", out, *extra)
        assert result.returncode == 1
        assert f"error: {second}: not built: its output folder {out / 'x'}/ holds the documents of another" \
               f" spec with the same file name, {first}" in result.stderr
    assert {p.name: sha(p) for p in (out / "x").iterdir()} == before
    # Specs moved elsewhere: the folder is theirs again.
    first.unlink()
    assert run_generate(second, "-o", out).returncode == 0


def test_nfc_and_nfd_spellings_of_one_name_make_one_folder(tmp_path):
    nfc = unicodedata.normalize("NFC", "協定が.yaml")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    spec = seed_copy(tmp_path / "one", nfd)
    out = tmp_path / "out"
    result = run_generate(spec, "-o", out, "--kinds", "press-notice")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir() if p.is_dir()] == [nfc[:-5]]
    # Both spellings in one run: one folder, so the pair is refused.
    seed_copy(tmp_path / "two", nfd), seed_copy(tmp_path / "two", nfc)
    result = run_generate(tmp_path / "two", "-o", tmp_path / "out2")
    assert result.returncode == 1 and "would both write into" in result.stderr
    assert not (tmp_path / "out2").exists() or not any((tmp_path / "out2").iterdir())


def test_a_linked_spec_folder_in_the_output_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "press-notice.pdf").write_bytes(b"not jpdocs's to replace")
    out = tmp_path / "out"
    out.mkdir()
    (out / "x").symlink_to(elsewhere)
    spec = seed_copy(tmp_path / "s")
    result = run_generate(spec, "-o", out, "--force")
    assert result.returncode == 1
    assert f"error: {out / 'x'}: is a symbolic link (to {elsewhere})" in result.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == ["press-notice.pdf"]
    assert (elsewhere / "press-notice.pdf").read_bytes() == b"not jpdocs's to replace"


# ------------------------------------------------------------ two builds at once
VARIANTS = {"plain": ("--kinds", "press-notice", "--format", "pdf"),
            "pdfa": ("--kinds", "press-notice", "--format", "pdf", "--pdfa")}


@pytest.mark.slow
def test_two_builds_of_one_spec_at_once_leave_manifest_record_and_files_agreeing(tmp_path):
    spec = seed_copy(tmp_path / "s")
    reference = {}
    for name, options in VARIANTS.items():
        result = run_generate(spec, "-o", tmp_path / f"ref-{name}", *options)
        assert result.returncode == 0, result.stderr
        reference[name] = sha(tmp_path / f"ref-{name}" / "x" / "press-notice.pdf")
    assert reference["plain"] != reference["pdfa"]
    out = tmp_path / "out"
    folder = out / "x"
    for round_ in range(10):
        # PDF/A takes longer to make: the plain build starts 0 to 0.45 s later, so
        # that their writes overlap in every round in another way.
        runs = [generate_async(spec, "-o", out, *VARIANTS["pdfa"], script=SLOW_DISK)]
        time.sleep(0.05 * round_)
        runs.append(generate_async(spec, "-o", out, *VARIANTS["plain"], script=SLOW_DISK))
        for proc in runs:
            stdout, stderr = proc.communicate(timeout=120)
            assert proc.returncode == 0, f"round {round_}: {stderr}"       # no false "edited in Word?"
        manifest = output.read_manifest(folder)
        assert manifest["press-notice.pdf"] == [sha(folder / "press-notice.pdf")], f"round {round_}"
        # Whatever the record says, a build with its options gives that build's file:
        # skipped only if the file is the one those options make.
        entry = json.loads((out / RECORD_NAME).read_text())["specs"][str(spec.resolve())]
        name = "pdfa" if "pdfa=True" in entry["options"] else "plain"
        result = run_generate(spec, "-o", out, *VARIANTS[name])
        assert result.returncode == 0, result.stderr
        assert sha(folder / "press-notice.pdf") == reference[name], f"round {round_}: a wrong skip: {result.stdout}"


# ------------------------------------------------------------ two signings at once
@pytest.mark.slow
def test_two_signings_into_one_file_at_once_one_wins_and_the_other_is_told(tmp_path, seed_build):
    from certs import make_p12
    key, _ = make_p12(tmp_path)
    env = {**os.environ, "JPDOCS_P12_PASSWORD": "secret"}
    src = seed_build / "agreement.pdf"
    for round_ in range(8):
        target = tmp_path / f"signed-{round_}.pdf"
        runs = [generate_async("sign", src, "--field", field, "--p12", key, "-o", target, env=env)
                for field in ("甲", "乙")]
        results = [(p.communicate(timeout=120), p.returncode) for p in runs]
        wrote = [i for i, (_, code) in enumerate(results) if code == 0]
        assert len(wrote) == 1, f"round {round_}: {results}"
        loser = results[1 - wrote[0]]
        assert loser[1] == 1 and "already exists; a signed file is never rewritten" in loser[0][1]
        from jpdocs.pdf.signing import signature_fields
        signed = [f.name for f in signature_fields(target.read_bytes()) if f.signed]
        assert signed == [("甲", "乙")[wrote[0]]], f"round {round_}: the winner's signature is the one kept"
        assert not list(tmp_path.glob(".*.part"))


# ------------------------------------------------------------ the annual book
@pytest.fixture(scope="module")
def annual_specs(tmp_path_factory):
    import datetime as dt
    folder = tmp_path_factory.mktemp("annual") / "specs"
    write_specs(folder, [dt.date(2024, 5, 1), dt.date(2024, 9, 1)])
    return folder


ANNUAL = ("annual-2024.pdf", "annual-2024.docx", "annual-2024.csv")


def test_annual_does_not_overwrite_an_edited_file_without_force(annual_specs, tmp_path):
    out = tmp_path / "out"
    assert run_generate("annual", "--fiscal-year", "2024", annual_specs, "-o", out).returncode == 0
    (out / "annual-2024.docx").write_bytes(b"edited in Word")
    before = {n: sha(out / n) for n in ANNUAL}
    result = run_generate("annual", "--fiscal-year", "2024", annual_specs, "-o", out)
    assert result.returncode == 1
    assert f"error: {out / 'annual-2024.docx'}: not overwritten: it was changed after jpdocs wrote it" \
           in result.stderr
    assert {n: sha(out / n) for n in ANNUAL} == before
    result = run_generate("annual", "--fiscal-year", "2024", annual_specs, "-o", out, "--force")
    assert result.returncode == 0, result.stderr
    assert (out / "annual-2024.docx").read_bytes()[:2] == b"PK"


def test_annual_on_a_full_disk_writes_none_of_its_files(annual_specs, tmp_path, capsys, monkeypatch):
    real_write = atomic._write_all
    written = []

    def full(fd, data):
        """The disk fills while the second of the three files is written."""
        if len(data) > 2_000 and written:
            raise OSError(errno.ENOSPC, "No space left on device")
        if len(data) > 2_000:
            written.append(len(data))
        real_write(fd, data)
    monkeypatch.setattr(atomic, "_write_all", full)
    out = tmp_path / "out"
    code = cli.main(["annual", "--fiscal-year", "2024", str(annual_specs), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert "the disk is full" in err and "Traceback" not in err
    assert written, "the first file was written before the disk filled"
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == []
    assert not list(out.glob(".*.part"))
