"""phrase_model.py keeps BudouX's Japanese model in the private cache: what it gives,
from BudouX or from the cache, is what BudouX's own loader holds; a damaged entry is
never read; a changed model or parser is a new entry; a refused model is not kept."""
from __future__ import annotations

import shutil
from pathlib import Path

import budoux
import pytest

from jpdocs.writers import phrase_model, phrases


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("JPDOCS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "phrases"


def _same_as_budoux(found):
    parser = budoux.load_default_japanese_parser()
    base, tables = found
    assert base == parser._base_score and type(base) is type(parser._base_score)
    assert tables == parser.model
    assert list(tables) == list(parser.model)
    assert all(list(tables[name]) == list(table) for name, table in parser.model.items())


def test_the_model_from_budoux_and_from_the_cache_is_budouxs(cache):
    first = phrase_model.load(phrases._check)
    entries = list(cache.glob("budoux-ja-*.marshal"))
    assert len(entries) == 1, "the first load kept no entry"
    written = entries[0].stat().st_mtime_ns
    second = phrase_model.load(phrases._check)
    assert entries[0].stat().st_mtime_ns == written          # read, not written again
    _same_as_budoux(first)
    _same_as_budoux(second)


@pytest.mark.parametrize("damage", ["cut short", "a byte changed", "empty"])
def test_a_damaged_entry_is_not_read(cache, damage, monkeypatch):
    phrase_model.load(phrases._check)
    entry = next(cache.glob("budoux-ja-*.marshal"))
    data = entry.read_bytes()
    entry.write_bytes({"cut short": data[:-100], "a byte changed": data[:200] + bytes([data[200] ^ 1]) + data[201:],
                       "empty": b""}[damage])
    loaded = []
    real = budoux.load_default_japanese_parser
    monkeypatch.setattr(budoux, "load_default_japanese_parser", lambda: loaded.append(1) or real())
    found = phrase_model.load(phrases._check)
    assert loaded == [1], "the damaged entry was read as data"
    _same_as_budoux(found)
    assert entry.read_bytes() == data                        # written anew


def test_a_changed_model_or_parser_is_a_new_entry(cache, tmp_path, monkeypatch):
    package = Path(budoux.__file__).parent
    copy = tmp_path / "budoux"
    shutil.copytree(package, copy)

    class Spec:
        submodule_search_locations = [str(copy)]
    monkeypatch.setattr(phrase_model.importlib.util, "find_spec", lambda name: Spec)
    names = [phrase_model._entry()]
    model = copy / "models" / "ja.json"
    model.write_text(model.read_text(encoding="utf-8").replace("1", "2", 1), encoding="utf-8")
    names.append(phrase_model._entry())
    (copy / "parser.py").write_text((copy / "parser.py").read_text(encoding="utf-8") + "\n# changed\n",
                                    encoding="utf-8")
    names.append(phrase_model._entry())
    assert None not in names and len(set(names)) == 3


def test_a_refused_model_is_not_kept(cache):
    def refuse(tables):
        raise RuntimeError("refused")
    with pytest.raises(RuntimeError, match="refused"):
        phrase_model.load(refuse)
    assert not list(cache.glob("budoux-ja-*.marshal"))
