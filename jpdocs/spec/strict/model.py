"""Model, the base of every model: its fields read from its annotations, its objects
frozen and compared by value."""
from __future__ import annotations

import _thread
import sys
from typing import Annotated, ClassVar, get_origin

from ...compiled import eval_code
from .checks import check_model
from .fields import REQUIRED, FieldInfo
from .findings import FAIL, ValidationError


class Model:
    """The base of every model: frozen, unknown keys refused, fields as declared."""
    __slots__ = ("__dict__", "_fields_set")
    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    _own_checks: ClassVar[tuple] = ()       # (Model marks none of its methods: see _build)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # A class's machinery (its fields, checks and keys) is made at its first use
        # (`_build`), not here: a press notice makes 34 of the 69 models its imports
        # define (the spec's and the house style's it checks, and the style's defaults).
        for unbuilt in _UNBUILT:
            setattr(cls, unbuilt.name, unbuilt)

    def __init__(self, **data):
        errors: list[dict] = []
        made = check_model(type(self), data, (), errors, into=self)
        if made is FAIL:
            raise ValidationError(type(self).__name__, errors)

    @classmethod
    def model_validate(cls, data):
        errors: list[dict] = []
        made = check_model(cls, data, (), errors)
        if made is FAIL:
            raise ValidationError(cls.__name__, errors)
        return made

    @property
    def model_fields_set(self) -> set[str]:
        return set(self._fields_set)

    def model_copy(self, update: dict | None = None):
        """A copy with `update`'s fields replaced, unchecked (as pydantic's)."""
        new = object.__new__(type(self))
        object.__setattr__(new, "__dict__", {**self.__dict__, **(update or {})})
        object.__setattr__(new, "_fields_set", self._fields_set | frozenset(update or ()))
        return new

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")

    def __delattr__(self, name):
        raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be deleted")

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self):
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"


class _Unbuilt:
    """One of a model class's attributes that `_build` makes, until it is made: read,
    it makes them all (bases first) and gives the one asked for."""
    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __get__(self, instance, owner):
        _build(owner)
        return owner.__dict__[self.name]


_UNBUILT = tuple(_Unbuilt(name) for name in
                 ("model_fields", "_field_checks", "_model_checks", "_keys", "_plan"))
_lock = _thread.RLock()         # two threads' first reads of a class make it once


def _build(cls) -> None:
    """A model class's fields from its annotations (and its first model base's
    fields), the checks marked in it and its bases, and the keys a spec may write."""
    with _lock:
        if not isinstance(cls.__dict__.get("model_fields"), _Unbuilt):
            return                      # (made meanwhile)
        base = next(klass for klass in cls.__mro__[1:] if "model_fields" in klass.__dict__)
        fields = dict(base.model_fields)        # (an unmade base made here)
        own = cls.__dict__.get("__annotations__", {})
        if any(isinstance(a, str) for a in own.values()):
            # a module with `from __future__ import annotations` (the spec's schema, the
            # house style, article_sets.py): its annotations are their source text,
            # evaluated in its namespace and the class's, the code from the code cache
            # (compiled.py); a notice's imports define 69 models and check 34, so the
            # typing forms of the rest are never made
            module = sys.modules[cls.__module__].__dict__
            texts = [a for a in own.values() if isinstance(a, str)]
            # one code a class, each text in parentheses as written after its colon
            values = iter(eval(eval_code(f"(({'), ('.join(texts)}),)"), module, vars(cls)))
            own = {name: next(values) if isinstance(a, str) else a for name, a in own.items()}
        for name, annotation in own.items():
            origin = get_origin(annotation)
            if origin is ClassVar or annotation is ClassVar:
                # a class value in place of a base's field: not a key of this class (its
                # checks, messages and schema do not offer it), and its objects read the
                # value (AgreementOfSeveral's document, None: no document of its own)
                fields.pop(name, None)
                continue
            given = cls.__dict__.get(name, REQUIRED)
            info = given if isinstance(given, FieldInfo) else FieldInfo(given)
            if origin is Annotated:
                info.metadata = list(annotation.__metadata__) + info.metadata
                annotation = annotation.__origin__
            info.annotation = annotation
            fields[name] = info
            if name in cls.__dict__:
                delattr(cls, name)      # the default is the field's, not a class attribute
        # The checks marked in every class of the MRO, base first: each class's own
        # found once, when it is made (`_own_checks`), where every class scanned all of
        # its bases' attributes again (~0.5 ms of a cold start over its 62 models).
        cls._own_checks = _marked(vars(cls))
        cls._field_checks = {}
        cls._model_checks = []
        for klass in reversed(cls.__mro__):
            own = klass.__dict__.get("_own_checks")     # (None: a class not made, or not a model)
            if own is None:
                if klass is object:     # (nothing of object's is marked)
                    continue
                own = _marked(vars(klass))
            for func, names, whole in own:
                for name in names:
                    cls._field_checks.setdefault(name, []).append(func)
                if whole and func not in cls._model_checks:
                    cls._model_checks.append(func)
        cls._keys = frozenset(f.alias or n for n, f in fields.items())     # as a spec writes them
        cls._plan = None                # check_model's, made at the class's first check (checks._plan)
        cls.model_fields = fields       # (last: what says the class is made)


def _marked(attributes: dict) -> tuple:
    """The checks among a class's own attributes, in their order: (function, the
    fields it checks, whether it checks the whole object) each (fields.py marks them)."""
    out = []
    for attr in attributes.values():
        func = attr.__func__ if isinstance(attr, classmethod) else attr
        names = getattr(func, "_checks_fields", ())
        whole = getattr(func, "_checks_model", False)
        if names or whole:
            out.append((func, names, whole))
    return tuple(out)
