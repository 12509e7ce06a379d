"""What every model of the spec is made of: a line of the user's text, and the
strict model (frozen; an unknown key is an error)."""
# No `from __future__ import annotations`: the models' annotations are evaluated as made.

from typing import Annotated

from .strict import Model, StringConstraints

# Text a user writes: one line or more, never empty.
Line = Annotated[str, StringConstraints(min_length=1)]


class Strict(Model):
    """Every model of the spec: frozen, and an unknown key is an error (strict.py)."""
