"""The app's own messages in the user's language (gettext; English is the default).

The catalogue is `locale/ja/LC_MESSAGES/jpdocs-app.po`, compiled to the `.mo` beside it
(`msgfmt -o jpdocs-app.mo jpdocs-app.po`; a test checks that the two agree). The
command line (serve, new, schema) follows the environment's locale (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG: ja_JP.UTF-8 → Japanese); the app's server follows the browser's
Accept-Language. Covered: the messages of jpdocs/app only; the build's own messages
(spec checks, layout) stay English, as on the command line.

A message is written as `Msg("… {name} …", name=value)`: its text is looked up when it
is shown (a value that is itself a Msg is translated too), so the server can say one
refusal in the language of each request.
"""
from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "jpdocs-app"
LANGUAGES = ("ja",)            # the catalogues there are


class Msg:
    def __init__(self, msgid: str, **params):
        self.msgid, self.params = msgid, params

    def text(self, translate=None) -> str:
        translate = translate or (lambda s: s)
        params = {k: v.text(translate) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return translate(self.msgid).format(**params)

    def __str__(self) -> str:
        return self.text()


@lru_cache(maxsize=8)
def _translation(language: str | None):
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language] if language else None, fallback=True)


def environment_gettext():
    """gettext for the command line: the environment's locale decides."""
    return _translation(None).gettext


def accept_language_gettext(header: str | None):
    """gettext for a browser's Accept-Language header: the first language it ranks
    highest that has a catalogue; English otherwise."""
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
            return _translation(base).gettext
        if base == "en":
            break
    return lambda s: s
