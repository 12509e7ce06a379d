"""What every model of the spec is made of: a line of the user's text, the ids that
name a party or one of several agreements, and the strict model (frozen; an unknown
key is an error)."""
# (The models' modules keep their annotations as text: strict/model.py's _build.)

from typing import Annotated, Union

from .strict import Model, StringConstraints
from .strict.fields import MinLen

# Text a user writes: one line or more, never empty.
Line = Annotated[str, StringConstraints(min_length=1)]

# A title as one line, or as its lines where the page breaks it (an agreement's
# document.title, a notice's subject): printed a line each, and whole wherever it is
# named rather than printed (the file's title, the tagged heading's words)
TitleLines = Union[Line, Annotated[list[Line], MinLen(1)]]


def title_text(title: "str | list[str]") -> str:
    """A title of TitleLines as one string: its lines joined, nothing between them."""
    return "".join(title) if isinstance(title, list) else title


def title_lines(title: "str | list[str]") -> tuple[str, ...]:
    """A title of TitleLines a line each, as the spec breaks it (one line: itself)."""
    return tuple(title) if isinstance(title, list) else (title,)


class Refers:
    """Annotated metadata of a text that is no words to print but the id of an entry of
    the spec's `parties:` or `agreements:` (its `kind`). One check looks each up there
    (id_checks.py); the app's form offers the entries to choose and names them by name
    (both find the fields by this mark, refers.py: a field of ids added to a model is
    checked and offered so without a list kept by hand)."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"Refers({self.kind!r})"


PARTIES, AGREEMENTS = Refers("parties"), Refers("agreements")
# A value that is a party's id (a list's entry, a translation's signer) …
PartyId = Annotated[Line, PARTIES]
AgreementId = Annotated[Line, AGREEMENTS]
# … and a mapping's key that is one (a cover's names, labels by party): a key is never
# empty text, and as before no length is checked of it
PartyKey = Annotated[str, PARTIES]
AgreementKey = Annotated[str, AGREEMENTS]


class Strict(Model):
    """Every model of the spec: frozen, and an unknown key is an error (strict.py)."""
