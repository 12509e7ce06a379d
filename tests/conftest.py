"""Shared fixtures: the real generator run on real specs, output read back."""
from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The tests assert English messages: a developer's Japanese locale must not turn them
# Japanese (jpdocs/i18n.py follows LANGUAGE, LC_ALL, LC_MESSAGES, LANG). The tests of the
# Japanese messages set the locale themselves (tests/test_i18n.py).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SEED_SPEC = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"
SEED_TEXT = Path(__file__).resolve().parent / "data" / "seed.txt"  # copy of ../shared/seed/000_52e1c9292607b919.txt
SHARED = ROOT.parent / "shared"


# LibreOffice with a profile of this test run's own: with the user's profile, a
# conversion hands its file to a LibreOffice already open on it (the user's, or another
# test run's) and writes nothing here.
_LO_PROFILE = Path(tempfile.mkdtemp(prefix="jpdocs-tests-lo-"))
atexit.register(shutil.rmtree, _LO_PROFILE, ignore_errors=True)
SOFFICE = ("soffice", f"-env:UserInstallation={_LO_PROFILE.as_uri()}", "--headless")


def shared_file(*parts) -> Path:
    """A file of ../shared (the CI clone has a copy beside it)."""
    return SHARED.joinpath(*parts)


def run_generate(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def seed_pdfs_in_process(out: Path) -> dict[str, bytes]:
    """The seed spec's PDFs built in this process as a batch worker builds them (so a test
    can patch a fast path away and compare): each file's bytes by name. The caller has
    run jpdocs.build.batch._init_worker(("pdf",), None)."""
    from jpdocs.build import batch
    res = batch.build_one(str(SEED_SPEC), str(out), ("pdf",), None, force=True)
    assert res.status == "built", res.problems
    return {p.name: p.read_bytes() for p in sorted(out.rglob("*.pdf"))}


def real_case_variant(tmp_path: Path, case: str, style: str, *pairs: tuple[str, str]) -> Path:
    """The real case tests/data/real/CASE.yaml with each `old` replaced by `new` once (each
    must be there), written to TMP_PATH beside a copy of its house style styles/STYLE."""
    real = ROOT / "tests" / "data" / "real"
    text = (real / f"{case}.yaml").read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    (tmp_path / "styles").mkdir(exist_ok=True)
    shutil.copy(real / "styles" / style, tmp_path / "styles")
    path = tmp_path / f"{case}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def agreement_lines_and_paragraphs(spec: Path, out: Path) -> tuple[list[str], list[str]]:
    """`spec` built into OUT: its agreement PDF's lines (spaces out) and its DOCX's
    paragraphs, the signature blocks' nested tables' too (a w:br read as \\n)."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    run = run_generate(spec, "-o", out)
    assert run.returncode == 0, run.stderr
    built = out / spec.stem
    lines = [no_space(line) for line in pdf_text(built / "agreement.pdf").splitlines()]
    body = docx.Document(built / "agreement.docx").element.body
    return lines, [Paragraph(p, None).text for p in body.iter(qn("w:p"))]


def seed_with_sections(folder: Path, name: str, sections: list[dict]) -> Path:
    """The seed spec with the notice's own sections replaced, written as FOLDER/NAME.yaml."""
    import yaml
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["press_notice"]["sections"] = sections
    spec = folder / f"{name}.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


def pdf_text(path: Path) -> str:
    """Text in content-stream order: reportlab draws in reading order, so this is
    what a reader (or a screen reader) gets."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = run_generate(SEED_SPEC, "-o", out)
    assert result.returncode == 0, result.stderr
    return out / SEED_SPEC.stem
