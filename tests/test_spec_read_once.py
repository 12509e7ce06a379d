"""A batch build reads its spec once: the record's digest is of the bytes the build
read and parsed (LoadedSpec.read), not of the file read again, and files are read
without a buffered file object (files._read_at_most)."""
from __future__ import annotations

import os
import shutil

import pytest

from conftest import SEED_SPEC
from jpdocs import files


@pytest.mark.parametrize("length", [0, 1, 4095, 65536, 65537, 200_001])
@pytest.mark.parametrize("hint", ["exact", "smaller", "larger", "none"])
def test_a_file_is_read_as_a_buffered_read_reads_it(tmp_path, length, hint):
    """The same bytes as os.fdopen(fd, "rb").read(most), whatever the size the file had
    when it was opened (a file that grew since, or shrank), and at most `most` of them."""
    path = tmp_path / "f"
    path.write_bytes(os.urandom(length))
    size = {"exact": length, "smaller": length // 3, "larger": length * 2 + 10, "none": 0}[hint]
    for most in (length + 1, max(length // 2, 1), 100_001):
        fd = os.open(path, os.O_RDONLY)
        try:
            ours = files._read_at_most(fd, most, size)
        finally:
            os.close(fd)
        with open(path, "rb") as f:
            assert ours == f.read(most)


def test_a_file_that_grows_past_the_limit_while_it_is_read_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "f"
    path.write_bytes(b"a" * 100)
    real = files._open_regular

    def grown(*a):
        opened = real(*a)
        path.write_bytes(b"a" * 5000)                 # after its size was taken
        return opened
    monkeypatch.setattr(files, "_open_regular", grown)
    with pytest.raises(files.FileRefused, match="is 1,001 bytes"):
        files.read_regular_file(path, 1000, "spec")


def test_the_spec_is_digested_from_the_bytes_the_build_read(tmp_path, monkeypatch):
    """The digest a batch build records is the one the record's check computes from the
    file (Hasher.digest reading it again), the spec is read once, and a spec changed
    after it was read is recorded by the bytes that were built (the next run rebuilds)."""
    from jpdocs.build import batch, record
    from jpdocs.build.record import Hasher
    spec = tmp_path / SEED_SPEC.name
    shutil.copy(SEED_SPEC, spec)
    reads = []
    real = record.read_regular_file
    monkeypatch.setattr(record, "read_regular_file", lambda p, *a: reads.append(str(p)) or real(p, *a))
    monkeypatch.setattr(batch, "_hasher", Hasher())
    result = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
    assert result.status == "built", result.problems
    assert str(spec) not in reads
    inputs = [p for p in result.entry["inputs"]]
    assert result.entry["digest"] == Hasher().digest(spec, inputs, result.entry["options"])

    # changed between the read and the digest: the digest is of what was read
    from jpdocs.spec import load
    real_load = load.load_spec

    def load_then_change(path, *a, **k):
        loaded = real_load(path, *a, **k)
        spec.write_bytes(spec.read_bytes() + b"# changed\n")
        return loaded
    monkeypatch.setattr(load, "load_spec", load_then_change)
    monkeypatch.setattr(batch, "_hasher", Hasher())
    again = batch.build_one(str(spec), str(tmp_path / "out2"), ("pdf",), None, force=True)
    assert again.status == "built", again.problems
    assert again.entry["digest"] == result.entry["digest"]
    assert Hasher().digest(spec, inputs, result.entry["options"]) != result.entry["digest"]
