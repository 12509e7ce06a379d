"""A build message said in the form's words: the spec keys and YAML values it names
(`renewal: false と書いてください`, `document.subject`) become the field's label and
what to choose or type there (「自動更新」で「いいえ」を選んでください, 「協定書 › 前文の事項」).

The build's messages are the command line's, written for a YAML file; the app shows
them beside form fields whose keys its user never sees. Rather than a second copy of
each message, one mapping is applied where the app shows a message (preview.py):

- a key path → the labels of its steps (labels.py, through the schema's titles). A
  message names a key relative to where it is said (`renewal` at agreement.validity,
  `document.subject` at agreement.document.standard), so a path is looked up from the
  problem's own key outwards, then from the top;
- a YAML value after it → the option's label as the form shows it: true/false of a
  select はい/いいえ, false of a checkbox its words (前文なし…), null 空欄, an enum's
  value as the select lists it (x-jpdocs-choices: after_heading 見出しの後), a text as
  typed;
- the verb after such a pair (と書いてください, としてください …) → what to do in the
  form (を選んでください, にチェックを入れてください, と入力してください).

A word that is not a spec key (a house style's key, `key: value` in a YAML lesson) is
left as written: the test over the catalogue (tests/test_app_form_words.py) lists the
key-like words of every message and fails on one that names a spec key without a form
word here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..i18n import holes
from ..party_words import id_slot
from .fields import SEPARATOR, key_steps
from .party_words import keyed_name
from .schema_export import spec_schema

LIST, ANY = "[]", "*"            # a list's entry, a mapping's entry (a party's id) in a path pattern

# A key path as messages write it (document.subject, press_notice.ceremony.venue,
# contacts[0].phone), optionally with its YAML value after ": " (renewal: false, name:).
_PATH = r"(?<![\w.{\-/])([a-z][a-z0-9_]*(?:\[\d+\])?(?:\.[a-z][a-z0-9_]*(?:\[\d+\])?)*)"
_VALUE = r"(?:: ?(true|false|null|none|[a-z][a-z0-9_]*(?![\w.])|\d+(?![\w.:]))|:(?=\s|[　を）（、。「(]|$))?"
_VERB = (r"(?:\s*(と書いてください|としてください|にしてください|と書きます|とします|と書くと|とすると"
         r"|と書くか|とするか|にするか|を書いてください|を書くか|を書き|と書いても|を書いても))?")
TOKEN = re.compile(_PATH + _VALUE + _VERB)

# a value said alone, of the problem's own key (件名: ない場合は false と書いてください)
BARE_VALUE = re.compile(r"(?<![\w:.{\-])(true|false|none|null)(?![\w.])" + _VERB)

# the same in English, where a bare word is a value only after "or" ("or false for none")
ENGLISH_BARE_VALUE = re.compile(r"(?<=\bor )(true|false)\b")

# the YAML file's reading of a value, and the way to leave a key out, as the form has
# them: an empty box; the field's 削除 button (app.js's dropButton)
PHRASES = {"空（コロンの後ろに何も書かれていません）": "空欄",
           "空欄（null）": "空欄", "left open (null)": "left empty",
           "nothing (the value after the colon is empty)": "an empty box",
           # a list's item left empty (`- ` alone): in the form, an empty box of the list
           "空のリスト項目（- の後ろに何も書かれていません）。書き入れるか、その行を消してください":
               "空欄。入力するか、この欄を「削除」で外してください",
           "an empty list item (nothing written after its -); write it, or delete the line":
               "an empty box; fill it in, or take it out with its 削除 button",
           "このキーを消してください": "この欄を「削除」で外してください",
           "このキーを削除してください": "この欄を「削除」で外してください",
           "delete the key": "take the field out with its 削除 button",
           "remove the key": "take the field out with its 削除 button",
           # the spec's agreements: (the top key), not the ceremony's agreements the
           # message is said at, which the nearest key would be
           " agreements に書かれていません": "「複数の協定」に書かれていません",
           "not declared under agreements": "not declared under 「複数の協定」"}

# what to do in the form, by the verb's form: (select, checkbox, text box)
_DO = {"ください": ("を選んでください", "にチェックを入れてください", "と入力してください"),
       "ます": ("を選びます", "にチェックを入れます", "と入力します"),
       "と": ("を選ぶと", "にチェックを入れると", "と入力すると"),
       "か": ("を選ぶか", "にチェックを入れるか", "と入力するか"),
       "き": ("を選び", "にチェックを入れ", "と入力し"),
       "ても": ("を選んでも", "にチェックを入れても", "と入力しても")}
_BLANK_DO = {"ください": "を入力してください", "か": "を入力するか", "き": "を入力し", "ても": "を入力しても",
             "ます": "を入力します", "と": "を入力すると"}


# words a Japanese message uses as words, not as the keys of those names (spec ファイル)
ORDINARY_WORDS = {"spec", "true", "false", "null", "none", "yaml", "pdf", "docx", "key", "value"}


def _verb_form(verb: str) -> str:
    for ending in ("ください", "ても", "ます", "か", "と", "き"):
        if verb.endswith(ending):
            return ending
    return "ください"


# -- the schema's paths --------------------------------------------------------

@lru_cache(maxsize=1)
def schema_paths() -> dict[tuple, dict]:
    """Every key path of the spec (lists as [], mappings by id as *) → its schema node,
    with `model` (the model that holds it) and `field` added."""
    schema = spec_schema()
    defs = schema.get("$defs", {})
    out: dict[tuple, dict] = {}

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        return node or {}

    def walk(node, path, seen):
        node = resolve(node)
        for option in [resolve(o) for o in node.get("anyOf", [])] or [node]:
            if option.get("type") == "array" and isinstance(option.get("items"), dict):
                walk(option["items"], path + (LIST,), seen)
            for name, prop in (option.get("properties") or {}).items():
                here = path + (name,)
                out.setdefault(here, {"node": prop, "model": option.get("title"), "field": name})
                key = (option.get("title"), name)
                if key not in seen:
                    walk(prop, here, seen | {key})
            if isinstance(option.get("additionalProperties"), dict):
                walk(option["additionalProperties"], path + (ANY,), seen)

    walk(schema, (), frozenset())
    return out


@lru_cache(maxsize=1)
def _by_last_step() -> dict[str, list[tuple]]:
    index: dict[str, list[tuple]] = {}
    for path in schema_paths():
        index.setdefault(path[-1], []).append(path)
    return index


def _pattern(steps) -> tuple:
    return tuple(LIST if isinstance(s, int) else s for s in steps)


def _matches(pattern: tuple, path: tuple) -> bool:
    return len(pattern) == len(path) and all(p == q or q == ANY or (p == LIST and q == LIST)
                                             for p, q in zip(pattern, path))


def resolve_key(written: str, at: str = "", anywhere: bool = False) -> tuple | None:
    """The schema path a message's `written` key means, said at the problem key `at`:
    the path below the nearest enclosing key of `at` that holds it, else from the top,
    else None (not a spec key: a house style's, a YAML lesson's)."""
    steps = key_steps(written)
    if not steps:
        return None
    tail = _pattern(steps)
    base = _pattern(key_steps(at) or [])
    candidates = _by_last_step().get(tail[-1], []) if tail[-1] not in (LIST, ANY) else []
    for cut in range(len(base), -1, -1):
        wanted = base[:cut] + tail
        for path in candidates:
            if _matches(wanted, path):
                return path
    # said elsewhere than at its block (signed_by_hand at a signer): the one field,
    # or the fields of one label, that end so
    if not anywhere:
        return None
    ending = [p for p in candidates if len(p) >= len(tail) and _matches(tail, p[len(p) - len(tail):])]
    if ending and len({label_of(p, _steps_of(tail)) for p in ending}) == 1:
        return min(ending, key=len)
    return None


@lru_cache(maxsize=1)
def _top_keys() -> frozenset:
    return frozenset(p[0] for p in schema_paths())


def _steps_of(pattern: tuple) -> int:
    return sum(1 for s in pattern if s not in (LIST, ANY))


def label_of(path: tuple, shown: int, written: list | None = None, parties: dict | None = None) -> str:
    """The labels of the last `shown` keys of `path`, outer to inner (協定書 › 前文の事項).
    A party's id the message `written` (its key steps, the tail of `path`) names in a
    mapping keyed by party ids is the party as the form names it (`parties`: {id: name},
    party_words.py; an id not there as written); any other mapping's key is left out."""
    paths = schema_paths()
    names = []
    offset = len(path) - len(written or ())
    for i in range(len(path)):
        said = keyed_name(paths.get(path[:i], {}).get("node", {}), str(written[i - offset]), parties) \
            if path[i] == ANY and written and i >= offset and i >= len(path) - shown else None
        if said is not None:         # a party's (an agreement's) id: as the form names it
            names.append(said)
            continue
        if path[i] in (LIST, ANY):
            continue
        if i >= len(path) - shown or not names and i == len(path) - 1:
            node = paths.get(path[:i + 1], {}).get("node", {})
            names.append(node.get("title") or path[i])
    return SEPARATOR.join(names[-shown:]) if names else path[-1]


def _written_steps(written: str) -> int:
    return sum(1 for s in key_steps(written) or [] if not isinstance(s, int))


# -- values --------------------------------------------------------------------

def value_word(path: tuple, value: str) -> tuple[str, str] | None:
    """(how the form takes it: "select", "check", "text", "blank"; the option's words),
    or None where the field cannot hold the value (`amends: true` of a house style's
    column is not the spec's agreement.amends, a block)."""
    node = schema_paths()[path]["node"]
    options = _options(node)
    kinds = {o.get("type") for o in options}
    if value in ("", "null"):
        return "blank", "空欄"
    if node.get("x-jpdocs-none") and value == node.get("x-jpdocs-none-value"):
        return "check", node["x-jpdocs-none"]       # issue_date: none: 日付を示さない ticked
    if value in ("true", "false"):
        if value == "false" and node.get("x-jpdocs-none"):
            return "check", node["x-jpdocs-none"]
        if "boolean" in kinds:
            return "select", "はい" if value == "true" else "いいえ"
        return None
    if value.isdigit():
        return ("text", value) if kinds & {"integer", "number", "string"} else None
    free_text = any(o.get("type") == "string" and "enum" not in o and "const" not in o for o in options)
    if any(value in (o.get("enum") or []) or o.get("const") == value for o in options):
        if free_text:
            return "text", value
        # the option as the select lists it (after_heading: 見出しの後; 協定書 as written)
        words = {v: w for v, w in node.get("x-jpdocs-choices") or [] if isinstance(v, str)}
        return "select", words.get(value, value)
    # a word of the format's own (bracketed, first_line) the field does not list is
    # another file's setting of that name (a house style's extension: bracketed)
    return None


def _options(node: dict) -> list[dict]:
    defs = spec_schema().get("$defs", {})

    def resolve(n):
        while isinstance(n, dict) and "$ref" in n:
            n = defs.get(n["$ref"].rsplit("/", 1)[-1], {})
        return n or {}
    node = resolve(node)
    return [resolve(o) for o in node.get("anyOf", [])] or [node]


# -- a message ------------------------------------------------------------------

# what a message quotes (a user's text, 「{title}」) is never rewritten, nor a template's
# markup (<table widths="…">: a tag, not the spec's table)
_QUOTED = re.compile(r"「[^「」]*」|“[^”]*”|\"[^\"]*\"|'[^']*'|<[^<>]*>")
_JAPANESE = r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]"
# a party's id with its name, as a message lists it (北見工業大学（kitami_it）), held out of the
# message while its keys are read: its id may be a key's name too (a party `date`)
_SLOT = re.compile("\x02(\\d+)\x03")


def in_form_words(message: str, at: str = "", language: str | None = "ja", parties: dict | None = None) -> str:
    """`message` (said at the problem key `at`) with every spec key and YAML value it
    names said as the form shows them (in the reader's `language`: "ja", or None for
    English); anything else, and anything it quotes, as written, but for a party's id
    where the message says it is one (`parties`, {id: the party as the form names it}:
    'kitami' does not sign → 「北見工業大学」 does not sign; said_ids); where the
    message lists ids, the check named each already, 北見工業大学（kitami）, and it stays so). A
    message at a key that is not the spec's (a house style's, the annual book's
    columns) is about another file: it stays as written."""
    if at and resolve_key(at) is None and key_steps(at) and key_steps(at)[0] not in _top_keys():
        return message
    ids = said_ids(message)
    # the ids the message lists, each with its name (party_words.with_names): said as they are,
    # and only they, not another word that is the same as an id (a key `date`, a party `date`)
    # (an agreement's, by its title: the one the app's `parties` carry along)
    slots: list[str] = []
    listed = [id_slot(*p) for p in list((parties or {}).items())
              + list(getattr(parties, "agreements_listed", {}).items())]
    for slot in sorted(listed, key=lambda s: -len(s)):
        if slot in message:
            message = message.replace(slot, f"\x02{len(slots)}\x03")
            slots.append(slot)
    # a message the catalogue has no Japanese for is shown in English: said as English
    japanese = language == "ja" and bool(re.search(r"[\u3041-\u309f]", message))
    # An agreement the spec declares is said by the check by its title beside its id
    # (…協定（rise）: a slot above), never by its id quoted; a quoted id after the word
    # agreement (協定「ris」, agreement 'ris') is one no agreement has, as written.
    # A party's id, quoted ('kitami', 当事者「kitami」), is the party as the form names it:
    # 「北見工業大学」 (found before the quotes are: an English apostrophe, the cover's, would
    # pair with it); not one said to be an agreement's (協定「procrew」 no agreement has); and
    # only where the message says it is a party's (said_ids): 'place' of ki is an item of
    # ki, though a party's id be `place`
    for pid, name in sorted((parties or {}).items(), key=lambda p: -len(p[0])):
        if pid in ids:
            message = re.sub(rf"(?<!協定)(?<!agreement ){_quoted(pid)}", f"\x01「{name}」\x01", message)
    out, last = [], 0
    for q in _QUOTED.finditer(message):
        out += [_plain(message[last:q.start()], at, japanese, parties or {}), q.group(0)]
        last = q.end()
    said = "".join(out + [_plain(message[last:], at, japanese, parties or {})])
    said = _SLOT.sub(lambda m: f"\x01{slots[int(m[1])]}\x01", said)
    if japanese:                     # the space that kept 'kitami' apart from Japanese goes with it
        said = re.sub(rf"(?<={_JAPANESE}) (?=\x01)|(?<=\x01) (?={_JAPANESE})", "", said)
    return said.replace("\x01", "")


# the holes of the catalogue's templates that hold a party's id ('{party}' does not sign …)
ID_HOLES = ("party",)


def said_ids(message: str) -> set[str]:
    """The words `message` says are parties' ids: what the ID_HOLES of the template it
    matches (in English or Japanese: i18n.holes) hold; none where it matches none. A
    quoted word was taken for the party wherever it was the party's id (a party `place`:
    "ki does not list 'place'" named it)."""
    return {value for found in holes(message) for hole, value in found.items() if hole in ID_HOLES}


def _quoted(eid: str) -> str:
    """An id quoted: 'kitami' (not the apostrophe of cover's), 「kitami」 (whatever is around
    it: の follows it in Japanese), "kitami"."""
    e = re.escape(eid)
    return rf"(?:(?<![\w\x01])'{e}'(?![\w\x01])|「{e}」|(?<![\w\x01])\"{e}\"(?![\w\x01]))"


def _plain(text: str, at: str, japanese: bool, parties: dict) -> str:
    for yaml, form in PHRASES.items():
        text = text.replace(yaml, form)
    said = TOKEN.sub(lambda m: _said(m, at, japanese, parties), text)
    if not japanese:                 # "or false for none": the checkbox, the option
        return ENGLISH_BARE_VALUE.sub(lambda m: _bare_english(m, at), said).replace("\x00", "")
    said = BARE_VALUE.sub(lambda m: _bare(m, at), said)
    # the spaces that kept a key apart from Japanese go with it
    said = re.sub(rf"(?<={_JAPANESE}) (?=「\x00)|(?<=\x00」) (?={_JAPANESE})", "", said)
    return said.replace("\x00", "")


def _bare(m: re.Match, at: str) -> str:
    """`false と書いてください` said of the problem's own field: its option, what to do."""
    path = resolve_key(at) if at else None
    if path is None or m.group(2) is None:
        return m.group(0)
    said = value_word(path, m.group(1))
    if said is None:
        return m.group(0)
    how, words = said
    form = _verb_form(m.group(2))
    if how == "blank":
        return m.group(0)
    return f"「\x00{words}\x00」" + _DO[form][("select", "check", "text").index(how)]


def _bare_english(m: re.Match, at: str) -> str:
    path = resolve_key(at) if at else None
    said = value_word(path, m.group(1)) if path else None
    if said is None or said[0] not in ("check", "select"):
        return m.group(0)
    return f"「{said[1]}」" + (" ticked" if said[0] == "check" else " chosen")


def _said(m: re.Match, at: str, japanese: bool, parties: dict) -> str:
    written, value, verb = m.group(1), m.group(2), m.group(3)
    rest = m.group(0)[len(written):]
    has_colon = rest.startswith(":")
    if has_colon and value is None and m.string[m.end():].lstrip().startswith("\x02"):
        return m.group(0)            # (parties: 北見工業大学（kitami_it）): a list, not the key's value
    if not japanese and "." not in written and "[" not in written and value is None:
        return m.group(0)            # English prose: "a name", "not a valid date: …"
    if not has_colon and "." not in written and "[" not in written and written in ORDINARY_WORDS:
        return m.group(0)
    path = resolve_key(written, at, anywhere=True)
    if path is None:
        return m.group(0)
    label = label_of(path, _written_steps(written), key_steps(written), parties)
    field = f"「\x00{label}\x00」"
    if not has_colon:
        return field + rest
    said = value_word(path, value or "")
    if said is None:                 # not this field's value: not this key
        return m.group(0)
    how, words = said
    if not japanese:
        return f"{field}: 「{words}」" + (rest[len(value) + rest.index(value):] if value else rest[1:])
    if verb is None:                 # said as a noun: the field and its option (「案：はい」)
        if value is None:
            return field + rest[1:]
        return f"「\x00{label}：{words}\x00」" + rest[rest.index(value) + len(value):]
    form = _verb_form(verb)
    if how == "blank":
        if value is None:            # `name: を書いてください` — the field itself, to fill in
            return field + _BLANK_DO[form]
        return f"{field}を空欄" + {"ください": "にしてください", "ます": "にします", "と": "にすると", "か": "にするか",
                                  "き": "にし", "ても": "にしても"}[form]
    if how == "check":
        return f"{field}の「{words}」" + _DO[form][1]
    if how == "select":
        return f"{field}で「{words}」" + _DO[form][0]
    return f"{field}に「{words}」" + _DO[form][2]
