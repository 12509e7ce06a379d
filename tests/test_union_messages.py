"""A block of keys in the place of a value that may be one of several kinds of block (a
prose paragraph: text, a list {items, marker}, a heading, a centred line; an opening's
paragraph: text, {label, lines}, {note}, {photos}) is told the problems of the kind it
was written as, the one whose keys it uses (strict/checks.py `_shaped_member`), not every
kind's: before, `items: []` in a real 協定書's prose was told that align, heading and text
were missing and, twice, "unknown key 'items'; did you mean 'items'?"."""
from __future__ import annotations

import shutil

from conftest import ROOT, run_generate

REAL = ROOT / "tests" / "data" / "real"


def problems(tmp_path, name: str, old: str, new: str) -> list[str]:
    """`generate.py check` on the real spec `name` with one passage replaced: its error
    lines, without the file's name."""
    text = (REAL / f"{name}.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(text.replace(old, new), encoding="utf-8")
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    if (REAL / "photos").is_dir():
        shutil.copytree(REAL / "photos", tmp_path / "photos")
    result = run_generate("check", spec)
    assert result.returncode == 1, result.stdout + result.stderr
    return [line.split(f"{spec}:", 1)[1] for line in result.stderr.splitlines() if line.startswith("error:")]


# kitamoto's prose: its list of 一、 to 五、 ({items: [...]}) after its first paragraph
LIST = "      - items:                            # numbered 一、 to 五、 as the text numbers them\n"


def test_an_empty_list_is_told_it_needs_an_entry_only(tmp_path):
    text = (REAL / "kitamoto-3villages-taisho.yaml").read_text(encoding="utf-8")
    start = text.index(LIST)
    end = text.index("\n      - ", start + len(LIST)) if "\n      - " in text[start + len(LIST):] else None
    whole = text[start:end]
    found = problems(tmp_path, "kitamoto-3villages-taisho", whole, "      - items: []")
    assert [p.split(": ", 1)[1] for p in found] == ["agreement.document.prose[1].items: needs at least 1 entry"]


def test_a_misspelt_key_is_told_of_its_own_kind(tmp_path):
    """keio's prose heading written heaading: told the key it is close to and that
    heading is missing, not that align, items and text are missing too."""
    found = problems(tmp_path, "keio-nta-1996", "      - heading: １　プログラムの目的",
                     "      - heaading: １　プログラムの目的")
    said = sorted(p.split(": ", 1)[1] for p in found)
    assert len(said) == 2, said
    assert said[0].endswith("prose[1].heaading: unknown key 'heaading'; did you mean 'heading'?"), said
    assert "prose[1].heading: this key is required but missing (is it the misspelt 'heaading'" in said[1], said


def test_an_unknown_key_beside_photos_lists_the_photos_keys(tmp_path):
    """kumamoto's opening begins with its photo ({photos: [...]}): a key beside it is told
    what a photo paragraph allows (photos), not what the first kind does (label, lines)."""
    old = "    - photos:   # the page's photo above its text"
    found = problems(tmp_path, "kumamoto-suntory-2015", old, "    - zz_unknown: 1\n      photos:   # the page's photo above its text")
    said = [p.split(": ", 1)[1] for p in found]
    assert said == ["press_notice.opening[0].zz_unknown: unknown key 'zz_unknown'; allowed here: photos"], said
