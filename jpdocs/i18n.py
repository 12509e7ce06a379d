"""Messages in the user's language (gettext; English is the default and the source).

Two catalogues, both `ja` only for now:

- `jpdocs/locale/ja/LC_MESSAGES/jpdocs.po`: the build's and check's messages (a
  Problem's message, notes, the summary line). The code keeps writing its messages in
  English, as f-strings at hundreds of places; the catalogue's msgids are the English
  TEMPLATES of those messages with named holes ("unknown key '{key}'; did you mean
  '{close}'?"). A message is matched against the templates when it is shown, and the
  msgstr is filled with what the holes caught. A message that matches no template is
  shown in English, whole: a translation can be missing, never wrong or garbled. A
  hole whose name starts with `msg` is itself translated (a message made of a message:
  "this is not valid YAML: {msg} (YAML says: {yaml})").
- `jpdocs/app/locale/ja/LC_MESSAGES/jpdocs-app.po`: the app's own fixed messages
  (jpdocs/app/i18n.py), looked up as plain gettext msgids.

The .mo beside each .po is compiled by `python -m jpdocs.i18n` (this module, in Python:
no Debian gettext needed to build or test); tests/test_i18n.py checks that each .mo is
what its .po compiles to.

The command line follows the environment's locale (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG, as gettext reads them: ja_JP.UTF-8 → Japanese); the app follows the request's
Accept-Language.
"""
from __future__ import annotations

import gettext
import os
import re
import struct
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
LOCALE_DIR = HERE / "locale"
APP_LOCALE_DIR = HERE / "app" / "locale"
DOMAIN = "jpdocs"
APP_DOMAIN = "jpdocs-app"
LANGUAGES = ("ja",)            # the languages that have catalogues
CATALOGUES = ((LOCALE_DIR, DOMAIN), (APP_LOCALE_DIR, APP_DOMAIN))


# -- which language ----------------------------------------------------------

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")     # what gettext.find reads


def environment_language() -> str | None:
    """The language of the environment's locale that has a catalogue, else None
    (English). gettext's own rule: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG
    that is set decides; C and POSIX mean English. Asked for every message and help
    text, so remembered for the variables' values (gettext.find looks for the
    catalogue of every language the locale could mean: 2.5 ms of every start)."""
    return _language_of(tuple(os.environ.get(v) for v in LOCALE_VARIABLES))


@lru_cache(maxsize=16)
def _language_of(variables: tuple) -> str | None:
    found = gettext.find(DOMAIN, LOCALE_DIR)
    return Path(found).parents[1].name if found else None


def accept_language(header: str | None) -> str | None:
    """The language of a browser's Accept-Language header: the first it ranks highest
    that has a catalogue; None (English) if English comes first or none has one."""
    ranked = []
    for i, part in enumerate((header or "").split(",")):
        lang, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        if lang:
            ranked.append((-weight, i, lang.strip().lower()))
    for _, _, lang in sorted(ranked):
        base = lang.split("-")[0]
        if base in LANGUAGES:
            return base
        if base == "en":
            break
    return None


@lru_cache(maxsize=16)
def translation(domain: str, language: str | None):
    """gettext for the domain in the language (None: English, the msgid itself)."""
    folder = LOCALE_DIR if domain == DOMAIN else APP_LOCALE_DIR
    if language is None:
        return gettext.NullTranslations()
    return gettext.translation(domain, folder, languages=[language], fallback=True)


# -- messages matched against templates --------------------------------------

_HOLE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Templates:
    """The catalogue's templates, most specific (longest fixed text) first, so "{msg}"
    never wins over a template that says more. Each is compiled to an anchored pattern
    only when a message could match it (its fixed texts are in the message, in order):
    compiling all ~1,000 took 0.34 s, and kept in the compile cache (compiled.py) they
    filled the file every start reads, though a build that reports nothing in Japanese
    needs none of them. The few compiled are not stored there (compiled.not_stored)."""

    def __init__(self, catalogue: dict[str, str]):
        entries = []
        for msgid, msgstr in catalogue.items():
            if not msgid or not msgstr:
                continue
            fixed = tuple(_HOLE.split(msgid)[::2])      # the texts before, between and after the holes
            entries.append((-sum(map(len, fixed)), msgid, fixed, msgstr))
        self.entries = [(fixed, msgid, msgstr) for _, msgid, fixed, msgstr in sorted(entries)]
        self._patterns: dict[str, re.Pattern] = {}

    @staticmethod
    def pattern(msgid: str) -> re.Pattern:
        out, seen, at = [], set(), 0
        for hole in _HOLE.finditer(msgid):
            out.append(re.escape(msgid[at:hole.start()]))
            name = hole.group(1)
            out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.*?)")
            seen.add(name)
            at = hole.end()
        out.append(re.escape(msgid[at:]))
        from .compiled import not_stored
        return not_stored("".join(out), re.DOTALL)

    def match(self, message: str):
        """(msgid, msgstr, holes) of the first template the whole message matches, or None."""
        for fixed, msgid, msgstr in self.entries:
            if not _has_in_order(message, fixed):
                continue
            pattern = self._patterns.get(msgid)
            if pattern is None:
                pattern = self._patterns[msgid] = self.pattern(msgid)
            found = pattern.fullmatch(message)
            if found:
                return msgid, msgstr, found.groupdict()
        return None

    def translate(self, message: str, depth: int = 0) -> str:
        found = self.match(message) if depth < 4 else None
        if found is None:
            return message
        _, msgstr, holes = found
        holes = {k: self.translate(v, depth + 1) if k.startswith("msg") else v for k, v in holes.items()}
        # filled by substitution, not str.format: a value may hold braces
        return _HOLE.sub(lambda m: holes.get(m.group(1), m.group(0)), msgstr)


def _has_in_order(message: str, fixed: tuple) -> bool:
    """Whether `message` starts with the first of a template's fixed texts, ends with
    the last, and has the others between them in order: true of every message the
    template's pattern matches (its holes match any text), and cheap to ask of all."""
    if len(fixed) == 1:
        return message == fixed[0]
    first, last = fixed[0], fixed[-1]
    if not message.startswith(first) or not message.endswith(last):
        return False
    at, end = len(first), len(message) - len(last)
    if end < at:
        return False
    for text in fixed[1:-1]:
        at = message.find(text, at, end)
        if at < 0:
            return False
        at += len(text)
    return True


@lru_cache(maxsize=8)
def templates(language: str | None) -> Templates:
    if language is None:
        return Templates({})
    return Templates(read_mo(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"))


class Messages:
    """What one reader sees: `message(text)` for a message of the build (matched
    against the templates), `gettext(msgid)` for a fixed one, `problem(p)` for a
    Problem as the command line prints it (file:line: key: message)."""

    def __init__(self, language: str | None):
        self.language = language
        self.gettext = translation(DOMAIN, language).gettext
        self._templates = templates(language)

    def message(self, text: str) -> str:
        return self._templates.translate(str(text))

    def problem(self, p) -> str:
        """The problem's line, its message and what its file and line are of (the
        markup a template rendered, the macro's calls) in the reader's language."""
        from dataclasses import replace
        return str(replace(p, message=self.message(p.message), about=self.message(p.about) if p.about else ""))

    def label(self, word: str) -> str:
        """error, warning, note … as the line's first word."""
        return self.gettext(f"{word}:")


def holes(message: str, language: str = "ja") -> list[dict[str, str]]:
    """What the holes of the template `message` matches hold ({party: 'kitami_it'}), then
    those of each message it holds (a msg… hole), for the app to know what a message
    says a word is (form_words.py); [] where it matches none. `message` in English (the
    templates themselves) or in `language` (their translations, matched the same way)."""
    found = templates(language).match(message) or _translated_templates(language).match(message)
    if found is None:
        return []
    return [found[2]] + [h for k, v in found[2].items() if k.startswith("msg") for h in holes(v, language)]


@lru_cache(maxsize=8)
def _translated_templates(language: str) -> Templates:
    """The catalogue's translations as templates, each standing for itself."""
    catalogue = read_mo(LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo")
    return Templates({msgstr: msgstr for msgstr in catalogue.values()})


@lru_cache(maxsize=8)
def messages(language: str | None) -> Messages:
    return Messages(language)


def for_environment() -> Messages:
    return messages(environment_language())


def for_accept_language(header: str | None) -> Messages:
    return messages(accept_language(header))


# -- .po → .mo, in Python ------------------------------------------------------

def read_po(text: str) -> dict[str, str]:
    """{msgid: msgstr} of a .po file (the subset this project writes: msgid/msgstr,
    strings continued on the next lines, # comments; no plurals or contexts)."""
    import ast              # (only here: a build reads the compiled .mo files)
    out: dict[str, str] = {}
    field = None
    parts: dict[str, list[str]] = {}

    def flush():
        if "msgid" in parts:
            out["".join(parts["msgid"])] = "".join(parts.get("msgstr", []))

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("msgid ", "msgstr ")):
            field, _, rest = line.partition(" ")
            if field == "msgid":
                flush()
                parts = {}
            parts[field] = [ast.literal_eval(rest)]
        elif line.startswith('"') and field:
            parts[field].append(ast.literal_eval(line))
        else:
            raise ValueError(f"line {n}: not understood: {raw}")
    flush()
    return out


def compile_mo(catalogue: dict[str, str]) -> bytes:
    """The GNU .mo file of the catalogue (no hash table; Python's gettext and GNU
    gettext read it), as Tools/i18n/msgfmt.py writes it: keys sorted, so it is the
    same bytes for the same catalogue."""
    keys = sorted(catalogue)
    ids = b""
    strs = b""
    offsets = []
    for k in keys:
        kb, vb = k.encode("utf-8"), catalogue[k].encode("utf-8")
        offsets.append((len(ids), len(kb), len(strs), len(vb)))
        ids += kb + b"\0"
        strs += vb + b"\0"
    start = 7 * 4 + 16 * len(keys)
    koffsets, voffsets = [], []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + start]
        voffsets += [l2, o2 + start + len(ids)]
    header = struct.pack("<Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + struct.pack(f"<{len(koffsets)}i", *koffsets) + struct.pack(f"<{len(voffsets)}i", *voffsets) \
        + ids + strs


def read_mo(path: Path) -> dict[str, str]:
    """{msgid: msgstr} of a .mo file (little-endian, as compile_mo writes it)."""
    data = Path(path).read_bytes()
    magic, _, count, ids_at, strs_at = struct.unpack_from("<Iiiii", data)
    if magic != 0x950412DE:
        raise ValueError(f"{path}: not a little-endian .mo file")
    out = {}
    for i in range(count):
        klen, kat = struct.unpack_from("<ii", data, ids_at + 8 * i)
        vlen, vat = struct.unpack_from("<ii", data, strs_at + 8 * i)
        out[data[kat:kat + klen].decode("utf-8")] = data[vat:vat + vlen].decode("utf-8")
    return out


def po_files():
    for folder, domain in CATALOGUES:
        yield from sorted(folder.glob(f"*/LC_MESSAGES/{domain}.po"))


def main() -> int:
    """Compile every catalogue's .po to its .mo."""
    for po in po_files():
        po.with_suffix(".mo").write_bytes(compile_mo(read_po(po.read_text(encoding="utf-8"))))
        print(f"wrote {po.with_suffix('.mo')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
