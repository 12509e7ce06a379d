"""sandbox._called (a method of the project's objects called without Jinja's
Context.call) against Context.call itself: the same results, the same undefined value
for a StopIteration, a pass_context method still given its context, and in a template
a method called in a loop (which Jinja passes _loop_vars) prints the same."""
import jinja2
import pytest

from jpdocs.content import sandbox, templating
from jpdocs.spec.style import TEMPLATES, load_style


class _Owner:
    def plain(self, a, b="b"):
        return f"{a}{b}"

    def stops(self):
        raise StopIteration

    @jinja2.pass_context
    def with_context(self, context, a):
        return (context.name, a)


@pytest.fixture
def context():
    style = load_style()
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    env.start_render()
    return env.from_string("x").new_context({})


@pytest.mark.parametrize("method, args, kwargs", [
    ("plain", ("a",), {}), ("plain", ("a",), {"b": "c", "_loop_vars": {}, "_block_vars": {}}),
    ("with_context", ("a",), {}), ("with_context", ("a",), {"_loop_vars": {}})])
def test_called_as_context_call(context, method, args, kwargs):
    for _ in range(2):          # the first call finds the function plain, the second knows it
        ours = sandbox._called(context, getattr(_Owner(), method), args, dict(kwargs))
        assert ours == context.call(getattr(_Owner(), method), *args, **dict(kwargs))


def test_a_stop_iteration_is_undefined_as_context_call_makes_it(context):
    ours = sandbox._called(context, _Owner().stops, (), {})
    theirs = context.call(_Owner().stops)
    assert isinstance(ours, jinja2.Undefined) and type(ours) is type(theirs)
    assert ours._undefined_hint == theirs._undefined_hint


def test_a_method_called_in_a_loop_prints_the_same():
    style = load_style()
    env = templating.environment((TEMPLATES,), style.digits, style.dates, style.times, style.word("comma"))
    env.start_render()
    text = env.from_string("{% for k in ['comma', 'ijo'] %}[{{ style.word(k) }}]{% endfor %}").render(style=style)
    assert text == f"[{style.word('comma')}][{style.word('ijo')}]"
