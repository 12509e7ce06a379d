"""Batch builds: parallel, incremental, one failure never stopping the rest, and
safe to kill. Specs are generated (benchmarks/specgen.py); a copy of the project in
a temporary folder lets a test edit a template without touching the real one."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from specgen import spread_dates, write_specs  # noqa: E402


def project_copy(tmp: Path) -> Path:
    """The generator's code and templates copied, the (large) fonts linked."""
    root = tmp / "project"
    root.mkdir()
    for folder in ("jpdocs", "templates"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("generate.py", "pyproject.toml", "requirements.txt"):
        shutil.copy(ROOT / name, root / name)
    (root / "fonts").symlink_to(ROOT / "fonts")
    return root


def generate(root: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "generate.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=root, timeout=300)


def counts(stdout: str) -> dict[str, int]:
    found = re.search(r"built (\d+), unchanged (\d+), failed (\d+)", stdout)
    assert found, stdout
    return dict(zip(("built", "unchanged", "failed"), map(int, found.groups())))


def break_spec(path: Path, old: str, new: str) -> int:
    """Make one spec invalid; returns the line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_three_broken_specs_are_reported_and_the_rest_built(tmp_path):
    specs = write_specs(tmp_path / "specs", spread_dates(9))
    lines = [break_spec(specs[1], "issue_date:", "issue_dat:"),
             break_spec(specs[4], "signing_date: '", "signing_date: '2024-02-30"),
             break_spec(specs[7], "venue:", "venu:")]
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "generate.py"), tmp_path / "specs", "-o", out, "-j", "2"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert counts(result.stdout) == {"built": 6, "unchanged": 0, "failed": 3}
    for spec, line in zip((specs[1], specs[4], specs[7]), lines):
        assert f"error: {spec}:{line}:" in result.stderr, result.stderr
    for i, spec in enumerate(specs):
        made = (out / spec.stem / "press-notice.pdf").is_file()
        assert made == (i not in (1, 4, 7)), spec


def test_second_run_skips_and_a_touched_template_rebuilds_its_users(tmp_path):
    root = project_copy(tmp_path)
    specs = write_specs(tmp_path / "specs", spread_dates(5))
    # One spec without a press notice: it uses none of the notice's templates.
    text = specs[0].read_text(encoding="utf-8")
    specs[0].write_text(text[:text.index("press_notice:")], encoding="utf-8")
    out = tmp_path / "out"
    first = generate(root, tmp_path / "specs", "-o", out)
    assert first.returncode == 0, first.stderr
    assert counts(first.stdout) == {"built": 5, "unchanged": 0, "failed": 0}
    pdf = out / specs[1].stem / "press-notice.pdf"
    stamp = pdf.stat().st_mtime_ns

    second = generate(root, tmp_path / "specs", "-o", out)
    assert counts(second.stdout) == {"built": 0, "unchanged": 5, "failed": 0}
    assert pdf.stat().st_mtime_ns == stamp                   # not even rewritten

    template = root / "templates" / "contact.xml.j2"        # included by the press notice
    template.write_text(template.read_text(encoding="utf-8") + "{# touched #}\n", encoding="utf-8")
    third = generate(root, tmp_path / "specs", "-o", out)
    assert counts(third.stdout) == {"built": 4, "unchanged": 1, "failed": 0}, third.stdout

    specs[2].write_text(specs[2].read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    (out / specs[3].stem / "press-notice.docx").unlink()     # an output deleted by hand
    fourth = generate(root, tmp_path / "specs", "-o", out)
    assert counts(fourth.stdout) == {"built": 2, "unchanged": 3, "failed": 0}, fourth.stdout

    forced = generate(root, tmp_path / "specs", "-o", out, "--force")
    assert counts(forced.stdout) == {"built": 5, "unchanged": 0, "failed": 0}


def opens(path: Path) -> bool:
    try:
        if path.suffix == ".pdf":
            return len(PdfReader(path).pages) >= 1
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and "word/document.xml" in z.namelist()
    except Exception:
        return False


def writers_of(parts) -> set[int]:
    """The process ids named in temporary files' names (".press-notice.pdf.4242-x1y2.part")."""
    return {int(m.group(1)) for p in parts if (m := re.search(r"\.(\d+)-[^.]*\.part$", p.name))}


def wait_until_dead(pids, timeout=30.0) -> None:
    """Wait until each process is gone or a zombie: dead, even if no one has reaped it
    yet (the killed workers' parent is gone too, so that is up to init)."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                break
            if stat[stat.rindex(")") + 2] in "ZX":
                break
            time.sleep(0.02)
        else:
            raise AssertionError(f"process {pid} still runs {timeout} s after SIGKILL")


def test_a_killed_batch_leaves_no_partial_file_and_the_next_run_finishes(tmp_path):
    specs = write_specs(tmp_path / "specs", spread_dates(40))
    out = tmp_path / "out"
    cmd = [sys.executable, str(ROOT / "generate.py"), tmp_path / "specs", "-o", out, "-j", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("*/press-notice.pdf")) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)                                          # well into the batch, files being written
    os.killpg(proc.pid, signal.SIGKILL)                      # the parent and its workers, at once
    proc.wait()
    wait_until_dead(writers_of(out.glob("*/.*.part")))
    made = [p for p in out.glob("*/*") if p.suffix in (".pdf", ".docx")]
    assert made and len(made) < 2 * len(specs), "kill the batch midway"
    assert [p for p in made if not opens(p)] == []

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    c = counts(again.stdout)
    assert c["failed"] == 0 and c["built"] + c["unchanged"] == len(specs) and c["built"] > 0
    for spec in specs:
        folder = out / spec.stem
        assert all(opens(folder / f"press-notice.{ext}") for ext in ("pdf", "docx")), spec
        assert list(folder.glob(".*.part")) == []


def test_jobs_must_be_a_positive_number():
    result = subprocess.run([sys.executable, str(ROOT / "generate.py"), "--jobs", "0"],
                            capture_output=True, text=True)
    assert result.returncode == 2


def test_the_warnings_of_a_batch_come_in_the_order_of_the_specs_however_their_builds_ended(tmp_path):
    """Warnings are printed spec by spec in the specs' order, whichever worker ended
    first, and whether the spec was built now or is unchanged since the last run."""
    specs = write_specs(tmp_path / "specs", spread_dates(4), notice_only=True)
    lines = {spec: break_spec(spec, "name: 杉村　勝彦", "name: 杉村 勝彦") for spec in specs}
    out = tmp_path / "out"
    first = generate(ROOT, tmp_path / "specs", "-o", out, "-j", "2")
    assert first.returncode == 0, first.stderr
    # the first spec changed: built now, after the other three found unchanged
    earliest = min(specs, key=str)
    earliest.write_text(earliest.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    again = generate(ROOT, tmp_path / "specs", "-o", out, "-j", "2")
    assert again.returncode == 0, again.stderr
    assert counts(again.stdout) == {"built": 1, "unchanged": 3, "failed": 0}
    for result in (first, again):
        warned = re.findall(r"^warning: (.+?):(\d+): press_notice\.contacts\[0\]\.name: ", result.stderr, re.M)
        assert warned == [(str(spec), str(lines[spec])) for spec in sorted(specs, key=str)], result.stderr
