"""benchmarks/warm_stages.py: its trampolines call what they wrap, every stage it
counts still names a function of the code (a rename would make it count nothing),
and callgrind_annotate's listing is read as it is written."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import warm_stages  # noqa: E402


@pytest.mark.parametrize("via", list(warm_stages._C_NAMES))
def test_trampoline_passes_arguments_and_result(via):
    seen = []

    def f(a, b=0):
        seen.append((a, b))
        return (a, b, "out")
    assert via(f)(1, b=2) == (1, 2, "out")
    assert seen == [(1, 2)]              # called once, not once per key or item


def test_one_c_function_per_trampoline():
    assert len(set(warm_stages._C_NAMES.values())) == len(warm_stages._C_NAMES)


@pytest.mark.parametrize("pass_name", ["layout", "drawing", "spec", "documents", "around"])
def test_every_stage_names_a_function(pass_name):
    stages = warm_stages._stages()[pass_name]
    for label, owner, attr, via in stages:
        found = owner.__dict__.get(attr) if isinstance(owner, type) else getattr(owner, attr, None)
        assert callable(found) or isinstance(found, staticmethod), label
    # within a pass, no C function counts two stages
    vias = [via for *_, via in stages]
    assert len(set(vias)) == len(vias)


def test_listing_read():
    text = """--------------------------------------------------------------------------------
3,604,577,913 (100.0%)  PROGRAM TOTALS

--------------------------------------------------------------------------------
Ir                       file:function
--------------------------------------------------------------------------------
1,175,851,397 (32.62%)  /tmp/Python-3.11.7/./Modules/_operator.c:_operator_call [/lib/libpython3.11.so.1.0]
  900,000,000 (24.00%)  /tmp/Python-3.11.7/./Modules/_operator.c:_operator_call'2 [/lib/libpython3.11.so.1.0]
  223,594,013 ( 6.20%)  ???:libdeflate_zlib_compress [/site-packages/deflate/_deflate.abi3.so]
"""
    costs = warm_stages.parse_inclusive(text)
    assert costs["PROGRAM TOTALS"] == 3_604_577_913
    assert costs["_operator_call"] == 1_175_851_397      # the outermost call's, not the recursive one's
    assert costs["libdeflate_zlib_compress"] == 223_594_013


def test_calls_read_from_callgrinds_file(tmp_path):
    # a callee named the first time it is met (as a caller's fn= or a cfn=) and by its
    # number after; each calls= line after a cfn= counts toward that callee
    out = tmp_path / "callgrind.out"
    out.write_text("""events: Ir
fn=(1) main
0 10
cfn=(2) builtin_sorted
calls=3 0x0
0 500
cfn=(3) pairwise_next
calls=2 0x0
0 40
fn=(4) other
cfn=(2)
calls=5 0x0
0 70
fn=(2)
0 1
cfn=(3)
calls=1 0x0
0 9
cfn=(5) pairwise_next'2
calls=4 0x0
0 9
""")
    # a recursive call's name (callgrind's name'2) counts toward its function
    assert warm_stages.c_calls(str(out)) == {"builtin_sorted": 8, "pairwise_next": 7}
