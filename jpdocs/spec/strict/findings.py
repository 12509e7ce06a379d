"""What a check finds: each finding a dict of its kind, path (loc), message and input,
as pydantic 2 wrote them; ValidationError holds every finding of one validation."""
from __future__ import annotations


class ValueProblem(ValueError):
    """A finding of a kind of the spec's own (values.py's jp_value), raised by a
    BeforeValidator: reported with its message as written."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


class ValidationError(ValueError):
    def __init__(self, title: str, errors: list[dict]):
        # as pydantic words it, for a developer who builds a model in code
        lines = [f"{len(errors)} validation error{'s' if len(errors) > 1 else ''} for {title}"]
        for e in errors:
            lines += [".".join(map(str, e["loc"])) or "(the object)", f"  {e['msg']} [type={e['type']}]"]
        super().__init__("\n".join(lines))
        self._errors = errors

    def errors(self) -> list[dict]:
        return [dict(e) for e in self._errors]


FAIL = object()      # a check's result when it added findings


def error(errors, kind, loc, msg, value, ctx=None):
    e = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx is not None:
        e["ctx"] = ctx
    errors.append(e)
    return FAIL
