"""The form's help texts (jpdocs/app/labels.py) speak the form's words: a field is named
by its label (「結びの文」, not closing), a choice by what the form shows (「はい」, not
true; an option as its select lists it, 「withheld」). Until the forty-second session
help said `signer_names: withheld のとき`, `document: overview`, `true か false を指定` to a
clerk who never sees the YAML file.

Reads every help the app's schema gives the form, and fails on one that names a spec
key or a YAML literal outside quotes, or quotes a word that is neither an option of the
spec (an enum or constant a select lists) nor a value a field takes as typed."""
from __future__ import annotations

import re

import pytest

from jpdocs.app import form_words, labels

LITERALS = {"true", "false", "null", "yes", "no", "on", "off"}
# an ASCII word as it stands in a help text (not inside a {number} placeholder)
WORD = re.compile(r"(?<![A-Za-z0-9_{.])[a-z][a-z0-9_]*(?![A-Za-z0-9_}])")
QUOTED = re.compile(r"「([^「」]*)」")


def spec_keys() -> set[str]:
    return {s for p in form_words.schema_paths() for s in p if s not in (form_words.LIST, form_words.ANY)}


def spec_options() -> set[str]:
    """Every value a select of the form lists (enums and constants of the schema)."""
    out = set()
    for entry in form_words.schema_paths().values():
        for option in form_words._options(entry["node"]):
            out.update(v for v in option.get("enum") or [] if isinstance(v, str))
            if isinstance(option.get("const"), str):
                out.add(option["const"])
    return out


def yaml_words(help_text: str, keys: set[str], choosable: set[str]) -> list[str]:
    """The spec keys, YAML literals and unknown quoted words `help_text` names."""
    found = []
    for m in QUOTED.finditer(help_text):
        inner = m.group(1)
        if re.fullmatch(r"[a-z][a-z0-9_]*", inner) and inner not in choosable:
            found.append(f"「{inner}」")
    bare = QUOTED.sub("", help_text)
    # another file's setting, named with that file (様式ファイルの notice.head_form: …), is not the form's
    bare = re.sub(r"様式ファイルの [a-z_.]+: [a-z_]+", "", bare)
    found += [w for w in WORD.findall(bare) if w in keys or w in LITERALS or w == "none"]
    found += re.findall(r"\b[a-z_]+: ?[a-z0-9_]+\b", bare)
    return found


def all_helps():
    return [((model, field), text) for (model, field), (_, text) in labels.LABELS.items() if text]


def test_no_help_names_a_spec_key_or_a_yaml_literal():
    keys, options = spec_keys(), spec_options()
    typed = {w for words in labels.TYPED_VALUES.values() for w in words}
    wrong = {f"{m}.{f}": found for (m, f), text in all_helps()
             if (found := yaml_words(text, keys, options | typed - LITERALS))}
    assert wrong == {}


@pytest.mark.parametrize("text, found", [
    ("signer_names: withheld のとき", ["signer_names", "signer_names: withheld"]),
    ("協定の概要を付けるなら document: overview", ["document", "document: overview"]),
    ("年度一覧の相手方のために true か false を指定", ["true", "false"]),
    ("結びの文（closing）を書くこと", ["closing"]),
    ("日付を示さないページは none", ["none"]),
    ("「true」を選ぶ", ["「true」"]),
    ("「bureau」と入力", ["「bureau」"]),
    # the form's words pass: a label, an option as the select lists it, a placeholder
    ("「署名者の氏名」で「withheld」を選んだとき", []),
    ("「はい」で条の前、「after_heading」で見出しの後", []),
    ("例：（{number}）", []),
    ("様式ファイルの notice.head_form: label_table のとき", []),
])
def test_the_check_finds_yaml_words(text, found):
    """The check itself, on the help texts this session rewrote and on their new words:
    a check that finds nothing on the old texts would let them back."""
    keys, options = spec_keys(), spec_options()
    assert yaml_words(text, keys, options | {"date"}) == found


def test_typed_values_are_the_builds_own_words():
    """A word a help tells the user to type in a 記 item is one the build knows: the
    built-in items (KI_BUILTINS, the item of several ceremonies among them)."""
    from jpdocs.spec.schema.notice import KI_BUILTINS
    assert set(labels.TYPED_VALUES[("KiEntry", "item")]) == set(KI_BUILTINS)
