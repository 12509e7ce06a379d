"""The sandbox a template runs in: what it may touch, and how much it may build.

A template may come from the user (`--templates`), so it is treated as hostile.
Jinja's own sandbox is a deny-list (no `_` attributes, no known internals); any
other public method of any object in the context stays callable — a `Path` from the
house style could read, write or delete files. Here the rule is an allow-list:

- plain data (str, numbers, dates, lists, tuples, dicts) with a few read-only
  methods each (ALLOWED below);
- the project's own objects: their declared fields (models or dataclasses) and the
  methods their class names in `template_api`, nothing else;
- Jinja's loop variable, namespaces and macros.

Every other attribute is refused, and so is calling anything not on the list. (A
bundled template is the project's own code: where a render has no user's template in
it, its attribute reads and calls skip these checks: `access`.)

It also bounds what a template can build, whatever the means: each loop step, call,
attribute lookup and piece of output counts against a step budget per render; a
value a template makes (a string, a list, the output) has a size limit; widths
(`center`, `ljust`, `indent`, `%10000s` …) are capped. The numbers are far above
what any document needs and far below what hurts the machine.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import threading
import types
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, _PassArg
from markupsafe import Markup

from ..spec.strict import Model

MAX_STEPS = 5_000_000        # loop steps, calls, lookups and output pieces in one render
MAX_SIZE = 20_000_000        # characters (and list elements) in one value or in the output
MAX_WIDTH = 1_000            # a width or repeat count a template may ask for
MAX_RANGE = 100_000          # items of one range()

_STR = frozenset("""capitalize casefold count endswith find index isalnum isalpha isascii
    isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join
    lower lstrip partition removeprefix removesuffix replace rfind rindex rpartition rsplit
    rstrip split splitlines startswith strip swapcase title upper center ljust rjust zfill""".split())
_DATE = frozenset("year month day weekday isoweekday isoformat".split())
_TIME = frozenset("hour minute second isoformat".split())
_LOOP = frozenset("""index index0 revindex revindex0 first last length depth depth0 previtem
    nextitem cycle changed""".split())

# type → attributes a template may read (and, if they are methods, call). The most
# specific type wins: Markup before str, datetime before date.
ALLOWED: list[tuple[type, frozenset[str]]] = [
    (Markup, _STR | {"striptags", "unescape"}),
    (str, _STR),
    (dict, frozenset({"items", "keys", "values", "get"})),
    (list, frozenset({"count", "index"})),
    (tuple, frozenset({"count", "index"})),
    (dt.datetime, _DATE | _TIME | {"date", "time"}),
    (dt.date, _DATE),
    (dt.time, _TIME),
    (LoopContext, _LOOP),
]

_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill"}     # str methods whose first argument is a width


def _project_attributes(obj: Any) -> frozenset[str] | None:
    """The attributes of one of the project's own objects a template may use: its
    declared fields, and the methods its class lists in `template_api`."""
    cls = type(obj)
    if not cls.__module__.startswith("jpdocs."):
        return None
    if isinstance(obj, Model):
        fields = set(cls.model_fields)
    elif dataclasses.is_dataclass(obj):
        fields = {f.name for f in dataclasses.fields(obj)}
    elif hasattr(cls, "template_api"):
        # a value of a builtin kind with names of its own (content.sections.Hangs: a
        # tuple, and its parts'): the kind's allowed names and those
        fields = set(next((n for kind, n in ALLOWED if isinstance(obj, kind)), ()))
    else:
        return None
    return frozenset(fields | set(getattr(cls, "template_api", ())))


_BY_TYPE: dict[type, frozenset[str]] = {}
_READABLE: dict[type, frozenset[str]] = {}      # the same, without names beginning with _


def allowed_attributes(obj: Any) -> frozenset[str]:
    """Every attribute name a template may read on this object (empty: none)."""
    if isinstance(obj, Namespace):
        return frozenset(k for k in obj._Namespace__attrs if isinstance(k, str))   # its own keys
    # Apart from a namespace's keys, the answer depends on the object's class alone
    # (declared fields, template_api, the ALLOWED types), so it is found once per
    # class: a notice's render looks up about a hundred attributes.
    cls = type(obj)
    names = _BY_TYPE.get(cls)
    if names is None:
        names = _project_attributes(obj)
        if names is None:
            names = next((n for kind, n in ALLOWED if isinstance(obj, kind)), frozenset())
        _READABLE[cls] = frozenset(n for n in names if not n.startswith("_"))
        _BY_TYPE[cls] = names
    return names


_CONTAINERS = (list, tuple, set, frozenset, dict)


def size_of(value: Any) -> int:
    """The size of a value as printing it would make it: characters of its strings
    plus elements of its lists, a shared part counted each time it appears. Each
    distinct list is measured once, so a list built by nesting itself twice per
    step (`[l, l]`) costs its real memory to measure, not its printed size."""
    if not isinstance(value, _CONTAINERS):
        return len(value) if isinstance(value, str) else 0      # (most values: measured at once)

    def children(v):
        return [*v.keys(), *v.values()] if isinstance(v, dict) else list(v)

    def leaf(v) -> int:
        return len(v) if isinstance(v, str) else 0

    memo: dict[int, int] = {}
    opened: set[int] = set()          # being measured: a list holding itself counts once
    stack = [(value, False)]
    while stack:
        v, ready = stack.pop()
        if id(v) in memo:
            continue
        parts = children(v)
        if ready:
            memo[id(v)] = len(parts) + sum(memo.get(id(c), 0) if isinstance(c, _CONTAINERS) else leaf(c)
                                           for c in parts)
        elif id(v) not in opened:
            opened.add(id(v))
            stack.append((v, True))
            stack.extend((c, False) for c in parts if isinstance(c, _CONTAINERS) and id(c) not in memo)
    return memo[id(value)]


def check_size(value: Any, what: str) -> Any:
    if size_of(value) > MAX_SIZE:
        raise SecurityError(f"{what} would be larger than {MAX_SIZE:,} characters, more than a template may build")
    return value


def check_width(n: Any, what: str) -> None:
    if isinstance(n, int) and not isinstance(n, bool) and n > MAX_WIDTH:
        raise SecurityError(f"{what} of {n:,} is more than a template may ask for (at most {MAX_WIDTH:,})")


class BoundedNamespace(Namespace):
    """`namespace()` for templates: what is stored in it counts against the size limit
    (a loop doubling `ns.text ~ ns.text` is stopped, not run until memory is gone)."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, check_size(value, f"namespace value '{name}'"))


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[a-zA-Z%]")


def check_percent_format(fmt: Any) -> None:
    """'%10000s' or '%*s' would let a format string pad without bound."""
    if isinstance(fmt, str):
        for m in _PERCENT_SPEC.finditer(fmt):
            for part in m.groups():
                if part == "*":
                    raise SecurityError("a '*' width in a % format is not allowed in a template")
                if part:
                    check_width(int(part), "a width in a % format")


def _over_budget() -> None:
    raise SecurityError(f"the template ran more than {MAX_STEPS:,} steps; it is looping without end"
                        " or building far more than a document")


class _Budget(threading.local):
    """A render's budget, one per thread (an environment is shared by threads): the steps
    it has taken, counted by `counter` (an itertools.count: next() gives the steps spent
    with this one, in C; a plain int read and written back on a threading.local took
    ~2,300 instructions a step, some 420 steps a notice), and `reads` (start_render)."""

    def __init__(self) -> None:
        self.restart(None)

    def restart(self, reads: set | None, replays: bool = True) -> None:
        self.counter = itertools.count(1)
        self.reads = reads
        self.now = (self.counter, reads)       # both in one read of the thread-local (getattr)
        # a remembered include may be played again (template_memo.py): not where the
        # render gathers reads, nor where it is traced (printed_lines.py)
        self.replays = replays and reads is None

    @property
    def steps(self) -> int:
        """The steps spent so far (count(n)'s repr names the next one, n)."""
        return int(repr(self.counter)[len("count("):-1]) - 1


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with an allow-list for attributes and calls, and
    budgets for steps and sizes (see the module's docstring)."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._budget = _Budget()
        self.globals.clear()           # lipsum, cycler and joiner are not needed
        self.globals.update(range=self.bounded_range, namespace=BoundedNamespace, dict=dict)
        self._callable_globals = (self.bounded_range, BoundedNamespace, dict)
        self.concat = self._bounded_concat

    # ------------------------------------------------------------- the budget
    def step(self, n: int = 1) -> None:
        counter = self._budget.counter
        if n == 1:
            spent = next(counter)
        elif n > 1:                   # n steps at once, counted in C (a range() is up to MAX_RANGE)
            spent = next(itertools.islice(counter, n - 1, None))
        else:
            spent = self._budget.steps
        if spent > MAX_STEPS:
            _over_budget()

    def start_render(self, reads: set | None = None, replays: bool = True) -> None:
        """A fresh budget for each render (per thread: an environment is shared), and
        where the caller asks, a set that gathers the (class, field) of every attribute of
        the project's objects the render reads (build/template_coverage.py: a setting a
        user's template never reads has no effect in what it makes), and the (id of the
        object, field) of each (build/unprinted.py: a key no bundled template prints is
        printed where a user's template reads that very object's field; the spec's objects
        live through the build, so no other object read has an id of theirs). replays=False: every
        included template runs its own code, none is played from memory (template_memo.py)."""
        self._budget.restart(reads, replays)

    def bounded_range(self, *args: int) -> range:
        r = range(*args)
        if len(r) > MAX_RANGE:
            raise SecurityError(f"range() of {len(r):,} items is more than a template may ask for"
                                f" (at most {MAX_RANGE:,})")
        self.step(len(r))             # charged at once: a range in a loop costs its length each time
        return r

    def counted(self, iterable: Any):
        """Every `{% for %}` iterates through this (see _parse): one step an item."""
        # the render's counter taken once (step()'s each item: see _bounded_concat)
        tick = self._budget.counter.__next__
        for item in iterable:
            if tick() > MAX_STEPS:
                _over_budget()
            yield item

    def _bounded_concat(self, pieces) -> str:
        # A step a piece, as step() counts it, on the render's counter taken once: the
        # thread-local read and the call of step() for each piece cost more than the
        # count (a notice's render joins ~180 pieces). The counter is this thread's
        # render's for as long as its pieces are joined (start_render is called before
        # a render, never inside one), and the steps the template's code takes between
        # two pieces (attributes, calls) are counted on the same counter.
        tick = self._budget.counter.__next__
        out, size = [], 0
        for piece in pieces:
            if tick() > MAX_STEPS:
                _over_budget()
            size += len(piece)
            if size > MAX_SIZE:
                raise SecurityError(f"the template's output would be larger than {MAX_SIZE:,} characters")
            out.append(piece)
        return "".join(out)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Route every for loop's iterable through the `counted` filter, so a loop —
        also one over data from the context, nested in another — spends the budget."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "jpdocs_counted", [], [], None, None, lineno=loop.lineno)
        return tree

    # ------------------------------------------------------------- the allow-list
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attr in allowed_attributes(obj) and not attr.startswith("_")

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (Macro, LoopContext)):
            return True
        if obj in self._callable_globals:     # by ==: a bound method is made anew on each access
            return True
        owner = getattr(obj, "__self__", None)
        if isinstance(obj, (types.MethodType, types.BuiltinMethodType)) and owner is not None:
            return obj.__name__ in allowed_attributes(owner)
        return False

    def wrap_str_format(self, value: Any):
        return None                   # str.format is not on the allow-list (its widths are unbounded)

    def getattr(self, obj: Any, attribute: str) -> Any:
        counter, reads = self._budget.now     # (one thread-local read: ~650 instructions each)
        if next(counter) > MAX_STEPS:
            _over_budget()
        cls = type(obj)
        if reads is not None:
            reads.add((cls, attribute))
            reads.add((id(obj), attribute))       # this object's field (start_render)
        # An attribute the object's class allows, read as Jinja's getattr reads it
        # (getattr, then is_safe_attribute: true; wrap_str_format: None), without its
        # four calls: a notice's render reads about two hundred. _READABLE holds the
        # classes whose answer is the class's alone, never a namespace's (its keys),
        # each with its allowed names that is_safe_attribute passes (no leading _).
        names = _READABLE.get(cls)
        if names is not None and attribute in names:
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass                  # Jinja's way: an item of that name, or undefined
        return super().getattr(obj, attribute)

    def access(self) -> tuple:
        """How a bundled template's code reads `obj.name` and calls in this render
        (templating.py's code generator has it ask once a template's render): through the
        sandbox where the render gathers the reads of the project's objects or is traced
        (start_render), else trusted (_trusted_getattr, _trusted_call), skipping what is
        there for a user's template."""
        if self._budget.replays:
            return self._trusted_getattr, self._trusted_call
        return self.getattr, self.call

    def _trusted_getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute` as a bundled template reads it, trusted: the attribute itself,
        without the sandbox's step, its record of reads and its allow-list (a bundled
        template reads only allowed names: tests/test_trusted_templates.py renders every
        bundled and real spec both ways). An object without the attribute goes the
        sandbox's way (an item of that name, or undefined)."""
        try:
            return getattr(obj, attribute)
        except AttributeError:
            return self.getattr(obj, attribute)

    def _trusted_call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """A call in a bundled template, trusted: made as call() makes it (_called),
        without its step, its allow-list of callables and its checks of widths and sizes
        (a bundled template calls only allowed methods, with arguments of a document's
        size: the same test renders every spec both ways)."""
        return _called(__context, __obj, args, kwargs)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.step()
        reads = self._budget.reads
        if reads is not None and isinstance(argument, str):
            # party['representative'] reads the field as party.representative does (Jinja's
            # getitem falls back to the attribute without asking getattr above)
            reads.add((type(obj), argument))
            reads.add((id(obj), argument))
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        __self.step()
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"calling {getattr(__obj, '__name__', type(__obj).__name__)!r}"
                                " is not allowed in a template")
        for a in (*args, *kwargs.values()):
            check_size(a, "an argument")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and args:
            name = __obj.__name__
            if name in _WIDTH_METHODS:
                check_width(args[0], f"the width of {name}()")
            elif name == "replace" and len(args) >= 2:
                check_replace(owner, args[0], args[1], "replace()")
            elif name == "join":
                parts = list(args[0])
                check_size([owner] * max(0, len(parts) - 1) + parts, "the result of join()")
                args = (parts, *args[1:])
        return check_size(_called(__context, __obj, args, kwargs), "the result of a call")

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self.step()
        sized = (str, list, tuple)
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError(f"the power {left!r} ** {right!r} is too large for a template")
        if operator == "*" and isinstance(left, sized) != isinstance(right, sized):
            count, seq = (right, left) if isinstance(left, sized) else (left, right)
            if isinstance(count, int) and count > 0 and count * max(1, size_of(seq)) > MAX_SIZE:
                raise SecurityError(f"repeating text or a list {count:,} times is more than a template may build")
        if operator == "+" and isinstance(left, sized) and isinstance(right, sized):
            if size_of(left) + size_of(right) > MAX_SIZE:
                raise SecurityError(f"joining these would be larger than {MAX_SIZE:,} characters")
        if operator == "%":
            check_percent_format(left)
        return super().call_binop(context, operator, left, right)


# The functions of methods (a model's template_api) found to carry no Jinja pass_context
# mark: called by _called without Jinja's Context.call. Bounded by the project's code:
# only methods is_safe_callable let through (the allowed names of the project's classes).
_PLAIN_FUNCTIONS: set = set()


def _called(context, obj: Any, args: tuple, kwargs: dict) -> Any:
    """context.call(obj, *args, **kwargs). A bound method whose function has no
    jinja_pass_arg (style.word, n.offices, ct.persons: ~9 a notice) is called as
    Context.call would call it (its _block_vars and _loop_vars dropped, a StopIteration
    made undefined), without Context.call's two failing hasattr lookups, which raised
    and dropped an AttributeError each: ~15,000 instructions a call. (A bound method's
    __call__ never has jinja_pass_arg, and its own is its function's.)"""
    func = obj.__func__ if type(obj) is types.MethodType else None
    if func not in _PLAIN_FUNCTIONS:
        if func is None or hasattr(func, "jinja_pass_arg") or len(_PLAIN_FUNCTIONS) >= 1_000:
            return context.call(obj, *args, **kwargs)
        _PLAIN_FUNCTIONS.add(func)
    kwargs.pop("_block_vars", None)
    kwargs.pop("_loop_vars", None)
    try:
        return obj(*args, **kwargs)
    except StopIteration:
        return context.environment.undefined("value was undefined because a callable raised a StopIteration exception")


def check_replace(text: Any, old: Any, new: Any, what: str) -> None:
    """Refuse a replacement whose result would pass the size limit, before making it."""
    if isinstance(text, str):
        old, new = str(old), str(new)
        hits = text.count(old) if old else len(text) + 1
        if len(text) + hits * max(0, len(new) - len(old)) > MAX_SIZE:
            raise SecurityError(f"the result of {what} would be larger than {MAX_SIZE:,} characters")


# Jinja's filters that take a width or a count: the position of that argument after
# the value, and its keyword.
_WIDTH_FILTERS = {"center": (0, "width"), "indent": (0, "width"), "wordwrap": (0, "width"),
                  "truncate": (0, "length"), "slice": (0, "slices"), "batch": (0, "linecount")}


def bounded_filters(filters: dict, sandbox: TemplateSandbox) -> dict:
    """Every filter wrapped: a step each, widths capped, results within the size
    limit; `format` checks its % widths; `jpdocs_counted` feeds the loop budget."""
    out = {name: _bounded(name, f, sandbox) for name, f in filters.items()}
    out["jpdocs_counted"] = sandbox.counted
    return out


def _bounded(name: str, f, sandbox: TemplateSandbox):
    pass_arg = _PassArg.from_obj(f)
    skip = 1 if pass_arg is not None else 0           # the context Jinja passes first
    width = _WIDTH_FILTERS.get(name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        sandbox.step()
        plain = args[skip:]                            # value, then the filter's arguments
        if width is not None:
            position, keyword = width
            if len(plain) > position + 1:
                check_width(plain[position + 1], f"the {keyword} given to the '{name}' filter")
            if keyword in kwargs:
                check_width(kwargs[keyword], f"the {keyword} given to the '{name}' filter")
        if name == "format" and plain:
            check_percent_format(plain[0])
        if name == "replace" and len(plain) >= 3:
            check_replace(plain[0], plain[1], plain[2], "the 'replace' filter")
        return check_size(f(*args, **kwargs), f"the result of the '{name}' filter")

    if pass_arg is not None:
        wrapper.jinja_pass_arg = pass_arg              # keep pass_context / pass_eval_context
    wrapper.__name__ = getattr(f, "__name__", name)
    return wrapper
