"""The form's help texts (jpdocs/app/labels.py) speak the form's words: a field is named
by its label (「結びの文」, not closing), a choice by what the form shows (「はい」, not
true; an option as its select lists it, 「載せない（職名だけ）」, not withheld). Until the forty-second session
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
    """Every option a select of the form lists, in the words it shows (x-jpdocs-choices:
    見出しの後, not after_heading)."""
    return {words for entry in form_words.schema_paths().values()
            for _, words in entry["node"].get("x-jpdocs-choices") or []}


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
    # YAML's own writing: a flow list ([daito]), an empty string (""); a switch the form
    # has not (オン, オフ: a yes/no field is a select of はい and いいえ)
    found += re.findall(r"\[[^\[\]{}]*\]|\"\"|(?<![ァ-ヶー])(?:オン|オフ)(?![ァ-ヶー])", bare)
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
    ("「署名者の氏名」で「withheld」を選んだとき", ["「withheld」"]),
    ("「はい」で条の前、「after_heading」で見出しの後", ["「after_heading」"]),
    ("オフ：甲・乙を印字しない。当事者IDの一覧（例：[daito]）", ["オフ", "[daito]"]),
    ("例：オンライン開催", []),
    ("\"\" は記入欄", ['""']),
    # the form's words pass: an option as the select lists it
    ("「署名者の氏名」で「載せない（職名だけ）」を選んだとき", []),
    ("「はい」で条の前、「見出しの後」で見出しと本文の間", []),
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


def test_no_label_is_english_or_yaml():
    """A field's label is Japanese: 「資料の spec」 named the key and the YAML file to a
    clerk until the forty-third session (now 資料を作る協定のファイル). A label may hold
    an abbreviation staff write themselves (PDFファイル, ＦＡＸ), never a lower-case word."""
    english = {k: label for k, (label, _) in labels.LABELS.items() if re.search(r"[a-z]", label)}
    english.update({k: words for k, words in labels.NONE_CHOICES.items() if re.search(r"[a-z]", words)})
    assert not english, english


def test_the_pages_own_words_say_no_spec():
    """The page's own Japanese (index.html, app.js) names the file a clerk opens as a
    ファイル: 「spec:」 over the list of files, 「この spec は読めません」 said the format's
    English name (the toolbar's 「YAML のキーを表示」 is for an editor, on purpose)."""
    from pathlib import Path
    static = Path(labels.__file__).parent / "static"
    said = []
    for name in ("index.html", "app.js"):
        text = (static / name).read_text(encoding="utf-8")
        # the text a user reads: Japanese strings of the script, the page's text nodes
        pieces = re.findall(r'"([^"\n]*)"|`([^`\n]*)`|>([^<>\n]+)<', text)
        said += [p for group in pieces for p in group if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", p)]
    said = [re.sub(r"\$\{[^}]*\}", "", p) for p in said]        # a template's ${spec.name} is code
    assert said and not [p for p in said if re.search(r"\bspec\b", p)], [p for p in said if "spec" in p]
