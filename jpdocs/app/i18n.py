"""The app's own messages in the user's language (gettext; English is the default).

The catalogue is `locale/ja/LC_MESSAGES/jpdocs-app.po`, compiled to the `.mo` beside it
(`python -m jpdocs.i18n`; a test checks that the two agree). Which language a reader
gets, and the build's own messages (spec checks, layout), are jpdocs/i18n.py's: the
command line (serve, new, schema) follows the environment's locale, the app's server
the browser's Accept-Language.

A message is written as `Msg("… {name} …", name=value)`: its text is looked up when it
is shown (a value that is itself a Msg is translated too), so the server can say one
refusal in the language of each request.
"""
from __future__ import annotations

from .. import i18n


class Msg:
    def __init__(self, msgid: str, **params):
        self.msgid, self.params = msgid, params

    def text(self, translate=None) -> str:
        translate = translate or (lambda s: s)
        params = {k: v.text(translate) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return translate(self.msgid).format(**params)

    def __str__(self) -> str:
        return self.text()


def environment_gettext():
    """gettext for the command line: the environment's locale decides."""
    return i18n.translation(i18n.APP_DOMAIN, i18n.environment_language()).gettext


def accept_language_gettext(header: str | None):
    """gettext for a browser's Accept-Language header (English where it prefers no
    language that has a catalogue)."""
    return i18n.translation(i18n.APP_DOMAIN, i18n.accept_language(header)).gettext
