"""The build record (.jpdocs-build.json) and a user's --templates folder: a spec is
rebuilt when a template it uses changes, whichever folder that template comes from."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED_SPEC, no_space, pdf_text, needs_poppler, run_generate

BUNDLED = ROOT / "templates"


def counts(stdout: str) -> dict[str, int]:
    found = re.search(r"built (\d+), unchanged (\d+), failed (\d+)", stdout)
    assert found, stdout
    return dict(zip(("built", "unchanged", "failed"), map(int, found.groups())))


def run(out: Path, folder: Path, *args) -> dict[str, int]:
    result = run_generate(SEED_SPEC, "-o", out, "--templates", folder, "--format", "pdf", *args)
    assert result.returncode == 0, result.stderr
    return counts(result.stdout)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@needs_poppler
def test_editing_a_template_in_the_users_folder_rebuilds(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    # contact.xml.j2 is included by the bundled press-notice template: the include
    # must resolve to (and the record must hash) the user's copy
    shutil.copy(BUNDLED / "contact.xml.j2", folder / "contact.xml.j2")
    out = tmp_path / "out"
    assert run(out, folder) == {"built": 1, "unchanged": 0, "failed": 0}
    assert run(out, folder) == {"built": 0, "unchanged": 1, "failed": 0}

    # main's contact template prints each phone of ct.phone_list() as its label (ph.kind,
    # else the wording's) and ph.number (or its numbers joined)
    edit(folder / "contact.xml.j2", "{{ gap }}{% if ph.numbers %}", "）{% if ph.numbers %}")
    edit(folder / "contact.xml.j2", "{% endif %}{{ label }}", "{% endif %}電話（{{ label }}")
    assert run(out, folder) == {"built": 1, "unchanged": 0, "failed": 0}
    notice = no_space(pdf_text(out / SEED_SPEC.stem / "press-notice.pdf"))
    assert "電話（直通）0152-41-0618" in notice
    assert run(out, folder) == {"built": 0, "unchanged": 1, "failed": 0}


@needs_poppler
def test_a_template_added_to_the_users_folder_rebuilds(tmp_path):
    """A new file in the folder that now takes the place of a bundled template."""
    folder = tmp_path / "templates"
    folder.mkdir()
    out = tmp_path / "out"
    assert run(out, folder) == {"built": 1, "unchanged": 0, "failed": 0}
    assert run(out, folder) == {"built": 0, "unchanged": 1, "failed": 0}
    shutil.copy(BUNDLED / "press-notice.xml.j2", folder / "press-notice.xml.j2")
    user = folder / "press-notice.xml.j2"
    user.write_text(user.read_text(encoding="utf-8") + "{# the office's own copy #}\n", encoding="utf-8")
    assert run(out, folder) == {"built": 1, "unchanged": 0, "failed": 0}
    # and removed again: the bundled one is back, so the documents change back
    (folder / "press-notice.xml.j2").unlink()
    assert run(out, folder) == {"built": 1, "unchanged": 0, "failed": 0}


def test_pointing_at_another_templates_folder_rebuilds(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        shutil.copy(BUNDLED / "contact.xml.j2", folder / "contact.xml.j2")
    edit(second / "contact.xml.j2", "{{ gap }}{% if ph.numbers %}", "：{% if ph.numbers %}")
    out = tmp_path / "out"
    assert run(out, first) == {"built": 1, "unchanged": 0, "failed": 0}
    assert run(out, second) == {"built": 1, "unchanged": 0, "failed": 0}
    assert run(out, second) == {"built": 0, "unchanged": 1, "failed": 0}


def test_the_generator_version_ignores_the_app_but_not_the_writers(tmp_path, monkeypatch):
    """Editing the local app's form must not rebuild every spec; editing a writer must."""
    import shutil
    from jpdocs.build import record
    root = tmp_path / "src"
    shutil.copytree(record.PACKAGE, root / "jpdocs", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(record.ROOT / "requirements.txt", root / "requirements.txt")
    monkeypatch.setattr(record, "PACKAGE", root / "jpdocs")
    monkeypatch.setattr(record, "ROOT", root)

    def version():
        record.generator_version.cache_clear()
        return record.generator_version()

    try:
        before = version()
        (root / "jpdocs" / "app" / "server.py").write_text("# a label changed\n", encoding="utf-8")
        assert version() == before
        with open(root / "jpdocs" / "i18n.py", "a", encoding="utf-8") as f:
            f.write("\n# a message's language rule changed\n")
        assert version() == before
        with open(root / "jpdocs" / "spec" / "term.py", "a", encoding="utf-8") as f:
            f.write("\n# a changed rule\n")
        assert version() != before
    finally:
        record.generator_version.cache_clear()


def test_the_record_is_json_with_one_spec_a_line_and_reads_back_whole(tmp_path):
    """record_text writes each spec's entry with json's C encoder on a line of its
    own; what it writes reads back as the very entries, in key order (also empty,
    and with Japanese text, quotes and backslashes in keys and values)."""
    import json
    from jpdocs.build.record import FORMAT, Record, record_text
    specs = {f"/specs/{i:03d}-北見\"q\\.yaml": {"digest": f"{i:x}", "inputs": ["/a", "/b"],
                                              "warnings": [["f", 3, "k", "ASCII の空白"]], "outputs": []}
             for i in range(30, 0, -1)}
    for given in ({}, specs):
        text = record_text(given)
        data = json.loads(text)
        assert data["format"] == FORMAT and data["specs"] == given
        assert list(data["specs"]) == sorted(given)
        assert len(text.splitlines()) == (len(given) + 2 if given else 1)
    record = Record(tmp_path)
    for key, entry in specs.items():
        record.update(Path(key), entry)
    record.save()
    assert Record(tmp_path).specs == {str(Path(k).resolve()): v for k, v in specs.items()}


def test_saving_merges_what_another_run_saved_and_skips_reading_only_its_own_file(tmp_path, monkeypatch):
    """Record.save merges its changes into the record on disk; it reads that record
    again unless the file is the very one this run last read or wrote (no other run
    saved since), and an entry changed since its line was written is written anew."""
    import json
    from jpdocs.build import record as rec
    one, two = rec.Record(tmp_path), rec.Record(tmp_path)          # two runs into one folder
    reads = []
    real_read = rec.Record._read

    def counted(self):
        reads.append(self)
        return real_read(self)
    monkeypatch.setattr(rec.Record, "_read", counted)
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one.update(a, {"digest": "a1"})
    one.save()
    assert reads == [one]                        # the file was not there when `one` began: read
    one.update(a, {"digest": "a2"})              # a new entry for the same spec: its line anew
    one.save()
    assert reads == [one]                        # its own file: not read again
    assert json.loads((tmp_path / rec.RECORD_NAME).read_text())["specs"] == {rec.Record.key(a): {"digest": "a2"}}
    two.update(b, {"digest": "b1"})
    two.save()                                   # `one` saved since `two` read: read, merged
    assert reads == [one, two]
    one.update(a, {"digest": "a3"})
    one.save()                                   # `two` saved since `one` wrote: read, merged
    assert reads == [one, two, one]
    assert rec.Record(tmp_path).specs == {rec.Record.key(a): {"digest": "a3"}, rec.Record.key(b): {"digest": "b1"}}
    # a save that read another run's entries and failed to write: the next save,
    # finding the file as it read it, still writes them
    c = tmp_path / "c.yaml"
    two.update(c, {"digest": "c1"})
    two.save()                                   # `one` saved since: read, merged, written
    one.update(a, {"digest": "a4"})
    real_write = rec.write_atomic

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(rec, "write_atomic", full)
    with pytest.raises(OSError):
        one.save()                               # read (c1 merged), not written
    monkeypatch.setattr(rec, "write_atomic", real_write)
    one.save()
    assert rec.Record(tmp_path).specs == {rec.Record.key(a): {"digest": "a4"}, rec.Record.key(b): {"digest": "b1"},
                                          rec.Record.key(c): {"digest": "c1"}}


def test_the_hasher_reads_the_spec_again_and_every_other_input_once(tmp_path):
    """Hasher.digest re-reads the spec each time (however it is named) and takes any
    other input from its memory; a path given as text and as a Path are one input."""
    from jpdocs.build.record import Hasher
    spec, other = tmp_path / "x.yaml", tmp_path / "t.j2"
    spec.write_text("a: 1\n")
    other.write_text("one")
    hasher = Hasher()
    first = hasher.digest(tmp_path / "." / "x.yaml", [spec, other], "o")
    assert hasher.digest(spec, [str(spec), str(other)], "o") == first
    spec.write_text("a: 2\n")
    second = hasher.digest(tmp_path / "." / "x.yaml", [spec, other], "o")
    assert second != first
    other.write_text("two")                       # read once per run: not seen again
    assert hasher.digest(spec, [spec, other], "o") == second
    assert Hasher().digest(spec, [spec, other], "o") != second
    other.unlink()
    assert Hasher().digest(spec, [spec, other], "o") is None


def test_runs_in_one_process_each_digest_the_inputs_as_they_are_then(tmp_path):
    """batch.run called again in one process (a library user, the app): a spec built
    in the process is recorded with the digest of its inputs as this run read them.
    Run 2 builds with the style changed, run 3 with it changed back: with run 1's
    memory of the style, run 2 would record run 1's digest and run 3 would call the
    spec unchanged though its documents were built from the other style."""
    from jpdocs.build import batch
    from jpdocs.spec.style import DEFAULT_STYLE
    style = tmp_path / "house.yaml"
    original = DEFAULT_STYLE.read_text(encoding="utf-8")
    spec = tmp_path / SEED_SPEC.name
    shutil.copy(SEED_SPEC, spec)
    out = tmp_path / "out"

    def build(text: str) -> list[str]:
        style.write_text(text, encoding="utf-8")
        results = batch.run([spec], out, ("pdf",), style_override=style, extra={"kinds": ("press-notice",)})
        assert not results["failed"], results["failed"][0].problems
        return [status for status, done in results.items() if done]

    assert build(original) == ["built"]
    assert build(original) == ["unchanged"]
    assert build(original + "\n# another house's comment\n") == ["built"]
    assert build(original) == ["built"]
    assert build(original) == ["unchanged"]


def test_the_inputs_resolved_once_a_run_are_the_inputs_resolved_afresh(tmp_path):
    """input_files with a run's Hasher.resolved gives what resolving every path gave,
    for the bundled and real specs; the run resolves a path once, the next run again
    (a font folder linked elsewhere in between is seen)."""
    from jpdocs.build.documents import style_for
    from jpdocs.build.record import Hasher, input_files
    from jpdocs.spec.load import load_spec
    hasher = Hasher()
    specs = sorted((ROOT / "specs").glob("*.yaml")) + sorted((ROOT / "tests" / "data" / "real").glob("*-20??.yaml"))
    assert len(specs) > 10
    for path in specs:
        loaded = load_spec(path)
        style = style_for(loaded)
        for formats in (("pdf",), ("pdf", "docx")):
            assert (input_files(loaded, style, formats, resolve=hasher.resolved)
                    == input_files(loaded, style, formats)), path
    real, other = tmp_path / "real", tmp_path / "other"
    real.mkdir(), other.mkdir()
    link = tmp_path / "fonts"
    link.symlink_to(real)
    assert hasher.resolved(link / "a.ttf") == real / "a.ttf"
    link.unlink()
    link.symlink_to(other)
    assert hasher.resolved(link / "a.ttf") == real / "a.ttf"           # this run: as it first was
    assert Hasher().resolved(link / "a.ttf") == other / "a.ttf"         # the next run: as it is now


def test_a_spec_resolved_by_its_run_is_the_spec_resolved_afresh(tmp_path, monkeypatch):
    """Hasher.spec_file (the spec's folder resolved once a run, its name each build)
    gives what Path.resolve gives: relative and absolute paths, a linked folder, a
    linked spec, '..' after a link, a spec not there, the working folder changed."""
    from jpdocs.build.record import Hasher
    real, sub = tmp_path / "real", tmp_path / "real" / "sub"
    sub.mkdir(parents=True)
    (real / "a.yaml").write_text("a: 1\n")
    (tmp_path / "link").symlink_to(real)
    (real / "l.yaml").symlink_to(real / "a.yaml")
    (sub / "up").symlink_to(tmp_path)
    monkeypatch.chdir(tmp_path)
    hasher = Hasher()
    paths = ["real/a.yaml", "link/a.yaml", "link/l.yaml", "link/none.yaml", "./real/a.yaml", "real//a.yaml",
             "real/sub/../a.yaml", "real/sub/up/../a.yaml", "link/../real/a.yaml", str(tmp_path / "link" / "a.yaml"),
             "a.yaml", "real/", "link", ".", Path("link/a.yaml")]
    for path in paths * 2:                       # (the second time: each folder remembered)
        assert hasher.spec_file(path) == Path(path).resolve(), path
    monkeypatch.chdir(real)
    for path in ("a.yaml", "l.yaml", "sub/../a.yaml"):
        assert hasher.spec_file(path) == Path(path).resolve(), path
    assert hasher.spec_file("a.yaml") != Hasher().spec_file(tmp_path / "a.yaml")


def test_a_batch_build_makes_its_documents_from_the_templates_its_record_lists(tmp_path, monkeypatch):
    """A batch build looks up the templates a document is made of once (record.input_files),
    and makes the documents from that list: textfile.find_templates is not called again."""
    from jpdocs.build import batch, documents
    from jpdocs.build.record import Hasher
    calls = []
    real = documents.find_templates
    monkeypatch.setattr(documents, "find_templates", lambda *a: calls.append(a) or real(*a))
    monkeypatch.setattr(batch, "_hasher", Hasher())
    spec = tmp_path / SEED_SPEC.name
    shutil.copy(SEED_SPEC, spec)
    result = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
    assert result.status == "built", result.problems
    assert calls == []
    templates = {Path(p).name for p in result.entry["inputs"] if p.endswith(".j2")}
    assert {"press-notice.xml.j2", "agreement.xml.j2", "overview.xml.j2"} <= templates


def test_a_batch_build_names_its_spec_in_the_manifest_resolved_once(tmp_path, monkeypatch):
    """The manifest of a batch build names its spec by the path the build's record resolved
    (Hasher.spec_file), the same as Path.resolve gives through a linked folder, and the
    spec's path is not resolved again for it."""
    from jpdocs.build import batch
    from jpdocs.build.record import Hasher
    from jpdocs.output import MANIFEST
    real = tmp_path / "real"
    real.mkdir()
    shutil.copy(SEED_SPEC, real / SEED_SPEC.name)
    (tmp_path / "link").symlink_to(real)
    spec = tmp_path / "link" / SEED_SPEC.name
    monkeypatch.setattr(batch, "_hasher", Hasher())
    resolved = []
    original = Path.resolve
    monkeypatch.setattr(Path, "resolve", lambda self, *a: resolved.append(self) or original(self, *a))
    result = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True)
    assert result.status == "built", result.problems
    assert spec not in resolved
    manifest = json.loads((tmp_path / "out" / SEED_SPEC.stem / MANIFEST).read_text())
    assert manifest["spec"] == str(original(spec)) == str(real / SEED_SPEC.name)


def test_the_inputs_are_listed_in_the_order_of_paths():
    """record._IN_ORDER sorts paths as Path's own < does: by their parts ("a/b" before
    "a-b", which a sort of their text would put first), whatever the names."""
    import random
    from jpdocs.build.record import _IN_ORDER
    rng = random.Random(3)
    names = ["a", "a-b", "a.b", "ab", "a b", "A", "b", "x.j2", "ゴ", "a_b", "a0", "a.b-c"]
    for _ in range(2000):
        paths = {Path("/" + "/".join(rng.choice(names) for _ in range(rng.randint(1, 4))))
                 for _ in range(rng.randint(1, 15))}
        assert sorted(paths, key=_IN_ORDER) == sorted(paths)
    assert sorted([Path("/a-b/c"), Path("/a/b")], key=_IN_ORDER) == [Path("/a/b"), Path("/a-b/c")]


@needs_poppler
def test_a_batch_worker_renders_the_templates_as_they_are_at_each_build(tmp_path, monkeypatch):
    """Two builds in one process, as a batch worker makes them: a --templates file added
    between them (in place of the bundled one the first build rendered), then one edited
    to the same size and modification time (only its ctime moves on), is what the next
    build renders. What a build found of its templates serves that build alone."""
    import os
    import time
    from jpdocs.build import batch
    from jpdocs.build.record import Hasher
    monkeypatch.setattr(batch, "_hasher", Hasher())
    mine = tmp_path / "mine"
    mine.mkdir()
    spec = tmp_path / SEED_SPEC.name
    shutil.copy(SEED_SPEC, spec)

    def notice_text() -> str:
        result = batch.build_one(str(spec), str(tmp_path / "out"), ("pdf",), None, force=True,
                                 extra={"templates": mine})
        assert result.status == "built", result.problems
        return pdf_text(next(Path(w) for w in result.written if w.endswith("press-notice.pdf")))

    assert "甲案です" not in notice_text()          # the bundled template
    (mine / "press-notice.xml.j2").write_text(
        '<document kind="press-notice" title="{{ notice.subject }}" author="{{ spec.issuer }}">\n'
        '{% include "mark.xml.j2" %}\n</document>\n', encoding="utf-8")
    (mine / "mark.xml.j2").write_text("<p>甲案です</p>\n", encoding="utf-8")
    assert "甲案です" in notice_text()
    st = (mine / "mark.xml.j2").stat()
    time.sleep(0.05)                                # past the file system's clock tick
    (mine / "mark.xml.j2").write_text("<p>乙案です</p>\n", encoding="utf-8")
    os.utime(mine / "mark.xml.j2", ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (mine / "mark.xml.j2").stat().st_size == st.st_size
    text = notice_text()
    assert "乙案です" in text and "甲案です" not in text


def test_a_deleted_specs_files_left_in_the_output_are_named_until_its_folder_goes(tmp_path):
    """A spec deleted (or renamed) since an earlier run left its folder in the output,
    said nowhere: whoever publishes the output folder would publish a document nothing
    builds any more (the thirty-eighth session's audit of the yearly batch). Each run
    now names it, until the folder is removed; then the record forgets it."""
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    for name in ("kept", "dropped"):
        shutil.copy(SEED_SPEC, specs / f"{name}.yaml")
    first = run_generate(specs, "-o", out, "--format", "pdf", "--kinds", "press-notice")
    assert first.returncode == 0, first.stderr
    assert (out / "dropped" / "press-notice.pdf").is_file() and "is gone" not in first.stderr
    (specs / "dropped.yaml").unlink()
    for _ in range(2):                 # said again while the folder is there
        again = run_generate(specs, "-o", out, "--format", "pdf", "--kinds", "press-notice")
        assert again.returncode == 0, again.stderr
        assert f"warning: {(specs / 'dropped.yaml').resolve()}: the spec is gone (deleted or renamed), but the" \
               f" files an earlier run made of it are still in {out / 'dropped'}: delete that folder if they" \
               " should not be published" in again.stderr, again.stderr
        assert counts(again.stdout) == {"built": 0, "unchanged": 1, "failed": 0}
    shutil.rmtree(out / "dropped")
    (specs / "moved").mkdir()           # the same name from another folder: its folder is that spec's now
    (specs / "kept.yaml").rename(specs / "moved" / "kept.yaml")
    moved = run_generate(specs / "moved", "-o", out, "--format", "pdf", "--kinds", "press-notice")
    assert moved.returncode == 0 and "is gone" not in moved.stderr, moved.stderr
    (specs / "moved" / "kept.yaml").rename(specs / "kept.yaml")
    last = run_generate(specs, "-o", out, "--format", "pdf", "--kinds", "press-notice")
    assert last.returncode == 0 and "is gone" not in last.stderr, last.stderr
    record = json.loads((out / ".jpdocs-build.json").read_text(encoding="utf-8"))
    assert list(record["specs"]) == [str((specs / "kept.yaml").resolve())]


@needs_poppler
def test_a_template_edited_to_the_same_size_and_time_rebuilds_though_its_digest_is_remembered(tmp_path):
    """The inputs' digests are remembered between runs (Hasher._recall, in the private
    cache) under the files' identities, sizes and times: a template rewritten with the
    same size and modification time (only its ctime moves on) is hashed again, so the
    spec is rebuilt from it and not called unchanged."""
    import os
    import time
    env = dict(os.environ, JPDOCS_CACHE=str(tmp_path / "cache"))
    mine, out = tmp_path / "mine", tmp_path / "out"
    mine.mkdir()
    (mine / "press-notice.xml.j2").write_text(
        '<document kind="press-notice" title="{{ notice.subject }}" author="{{ spec.issuer }}">\n'
        '{% include "mark.xml.j2" %}\n</document>\n', encoding="utf-8")
    mark = mine / "mark.xml.j2"
    mark.write_text("<p>甲案です</p>\n", encoding="utf-8")

    def build() -> dict[str, int]:
        result = run_generate(SEED_SPEC, "-o", out, "--templates", mine, "--format", "pdf",
                              "--kinds", "press-notice", env=env)
        assert result.returncode == 0, result.stderr
        return counts(result.stdout)

    assert build()["built"] == 1
    remembered = list((tmp_path / "cache" / "inputs").glob("*.digests"))
    assert len(remembered) == 1                  # the first run's inputs, for the next one
    assert build() == {"built": 0, "unchanged": 1, "failed": 0}
    assert list((tmp_path / "cache" / "inputs").glob("*.digests")) == remembered   # taken from it
    st = mark.stat()
    time.sleep(0.05)                             # past the file system's clock tick
    mark.write_text("<p>乙案です</p>\n", encoding="utf-8")
    os.utime(mark, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert mark.stat().st_size == st.st_size and mark.stat().st_mtime_ns == st.st_mtime_ns
    assert build() == {"built": 1, "unchanged": 0, "failed": 0}
    text = no_space(pdf_text(out / SEED_SPEC.stem / "press-notice.pdf"))
    assert "乙案です" in text and "甲案です" not in text


def test_a_runs_inputs_are_taken_from_the_entry_an_earlier_run_wrote(tmp_path, monkeypatch):
    """A second run's Hasher hashes only the spec: every other input's digest comes from
    the entry the first run wrote, and is the digest the first run computed."""
    from jpdocs.build import record
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path / "cache"))
    spec, one, two = tmp_path / "x.yaml", tmp_path / "t.j2", tmp_path / "u.j2"
    spec.write_text("a: 1\n")
    one.write_text("one")
    two.write_text("two")
    first = record.Hasher().digest(spec, [spec, one, two], "o")
    read = []
    monkeypatch.setattr(record, "read_regular_file", lambda path, *a: read.append(path) or path.read_bytes())
    assert record.Hasher().digest(spec, [spec, one, two], "o") == first
    assert read == [spec]
    one.write_text("ONE")                        # a new ctime: hashed again
    assert record.Hasher().digest(spec, [spec, one, two], "o") != first
    assert sorted(read[1:]) == [one, two, spec]         # (the spec read last)
