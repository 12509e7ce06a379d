"""What every model of the spec is made of: a line of the user's text, and the
strict model (frozen; an unknown key is an error)."""
# (The models' modules keep their annotations as text: strict/model.py's _build.)

from typing import Annotated

from .strict import Model, StringConstraints

# Text a user writes: one line or more, never empty.
Line = Annotated[str, StringConstraints(min_length=1)]


class Strict(Model):
    """Every model of the spec: frozen, and an unknown key is an error (strict.py)."""
