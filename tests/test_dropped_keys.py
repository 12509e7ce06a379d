"""A spec with any one of its keys left out (or one item of a list) is refused as bad
input, or builds documents whose sentences have no empty slot and which print nothing
of what was left out: "a sentence assembled from parts is complete or not printed".
Run on the bundled specs and on real cases of several kinds (a notice of many house
forms, a prefecture's notice with a 次第, an agreement on A3 sheets, a draft)."""
from __future__ import annotations

import copy
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml

from jpdocs.build.documents import make_documents, render_files, style_for
from jpdocs.errors import InputError
from jpdocs.spec.load import load_spec

from conftest import ROOT, needs_poppler

REAL = ROOT / "tests" / "data" / "real"
CASES = [ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml", ROOT / "specs" / "2016-03-07-sports-culture-tourism.yaml",
         REAL / "sgu-uchiko-2019.yaml", REAL / "tottori-biodiversity-2025.yaml", REAL / "kunitachi-cmj-2018.yaml",
         REAL / "kanwa-oboegaki-draft.yaml"]
# what a sentence with a hole reads like once spaces are removed and widths folded
SLOTS = ("は、までに", "、までに", "、、", "。。", "、。", "。、", "()", "「」", "［］", "【】", "までにまでに",
         "(内線)", "None", "{", "}")


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(pdf: bytes) -> str:
    return fold(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
                .decode("utf-8"))


def key_paths(data, prefix=()):
    """Every key of the data, and every item of its lists, as a path."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield prefix + (key,)
        yield from key_paths(value, prefix + (key,))


def strings(data):
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        for value in data:
            yield from strings(value)
    elif isinstance(data, str):
        yield data


def texts(spec: Path) -> dict[str, str]:
    """Each document's text (PDF), by kind."""
    loaded = load_spec(spec)
    style = style_for(loaded)
    return {doc.kind: pdf_text(render_files(doc, style, ("pdf",))["pdf"]) for doc in make_documents(loaded, style)}


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("spec", CASES, ids=lambda p: p.stem)
def test_a_spec_with_a_key_left_out_is_refused_or_prints_whole_sentences(tmp_path, spec):
    # beside the spec's own folder's files (its style, logos) as the original has them
    folder = tmp_path / spec.parent.name
    shutil.copytree(spec.parent, folder)
    original = yaml.safe_load(spec.read_text(encoding="utf-8"))
    before = {kind: {s for s in SLOTS if s in text} for kind, text in texts(folder / spec.name).items()}
    found, built = [], 0
    for path in key_paths(original):
        data = copy.deepcopy(original)
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        left_out = parent[path[-1]]
        del parent[path[-1]]
        variant = folder / f"{spec.stem}.variant.yaml"
        variant.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            made = texts(variant)
        except InputError:
            continue
        built += 1
        kept = [fold(s) for s in strings(data)]
        for kind, text in made.items():
            holes = [s for s in SLOTS if s in text and s not in before.get(kind, ())]
            if holes:
                found.append((".".join(map(str, path)), kind, holes))
            # a fact left out is printed by nothing (the document's title, left out, is
            # derived from agreement.title: …協定 → …に関する協定書)
            if isinstance(left_out, str) and len(fold(left_out)) >= 4 and fold(left_out) in text \
                    and not any(fold(left_out) in s for s in kept) and path[-2:] != ("document", "title"):
                found.append((".".join(map(str, path)), kind, left_out))
    assert built > 10, "the variants build (the test would pass on refusals alone)"
    assert not found, found
