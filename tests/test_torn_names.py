"""A person's name the spec holds is never torn at a line's end in the PDF (ならコープ
森 / 宏之理事長 was sent back by a proof-reader, though JLREQ allows the break): the
writer finds each name in the paragraph (writers/kept_names.py, its spaces aside) and
the composer keeps it whole where the paragraph takes no more lines so
(composition.set_lines). The rule on synthetic metrics (as test_jlreq.py), then the
bundled specs built and read back (every real case: test_real_cases.py)."""
from __future__ import annotations

import yaml

from conftest import ROOT, needs_poppler, run_generate
from test_jlreq import EM, widths
from test_real_cases import people_of, reading_lines, torn_names

from jpdocs.content.person_names import names_held
from jpdocs.spec.load import load_spec
from jpdocs.spec.schema import Contact, Person, Representative
from jpdocs.spec.schema.notice import Photo
from jpdocs.spec.strict import Model
from jpdocs.writers import kept_names
from jpdocs.writers.composition import set_lines
from jpdocs.writers.jlreq import Settings

TEXT = "二月二日に締結式を開き奈良県生協連会長とならコープ森　宏之理事長の三者が協定を取り交わしました"
NAME = kept_names.prepared(("森　宏之", "瀧川　潔"))


def _texts(text: str, width: float, names=(), justify: bool = True) -> list[str]:
    _, lines = set_lines(text, widths(text), [EM] * len(text), Settings(), [width], False, justify, True,
                         names=names)
    return [text[line.start:line.end] for line in lines]


def test_a_name_is_found_as_the_spec_writes_it_its_spaces_aside():
    assert kept_names.spans("ならコープ森　宏之理事長", NAME) == ((5, 9),)
    assert kept_names.spans("ならコープ森宏之理事長", NAME) == ((5, 8),)
    assert kept_names.spans("森 宏之と瀧川　潔", NAME) == ((0, 4), (5, 9))
    assert kept_names.spans("森ならコープ理事長", NAME) == ()               # the surname alone: one word
    assert kept_names.spans("理事長森　宏之", kept_names.prepared(("宏之", "森　宏之"))) == ((3, 7),)   # the longer
    assert kept_names.spans("森　宏", NAME) == ()                               # the text ends inside it
    assert kept_names.prepared(("森",)) == ()                                  # one character: nothing to tear
    assert kept_names.prepared(()) == ()
    # a name joined by ・ is kept whole part by part, each ・ with the part before it
    found = kept_names.prepared(("シュポルト・ヴァチェスラフ",))
    assert kept_names.spans("知事シュポルト・ヴァチェスラフは", found) == ((2, 8), (8, 15))


def _spans_found_by_each_character(text: str, names: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """kept_names.spans as first written: every name looked for character by character
    in every text (kept_names now passes over the names its text without spaces lacks)."""
    found: list[tuple[int, int]] = []
    for name in names:
        at = text.find(name[0])
        while at >= 0:
            end = kept_names._match(text, at, name)
            if end and not any(a < end and at < b for a, b in found):
                found.append((at, end))
            at = text.find(name[0], end or at + 1)
    out = []
    for a, b in sorted(found):
        for i in range(a, b - 1):
            if text[i] == "・":
                out.append((a, i + 1))
                a = i + 1
        out.append((a, b))
    return tuple((a, b) for a, b in out if b - a > 1)


def test_the_names_passed_over_are_those_the_text_cannot_hold():
    # random texts of the names' own characters, spaces and ・ (names overlapping,
    # repeated, torn by two spaces, cut short by the text's end), against the names
    # looked for character by character
    import random
    rng = random.Random(17)
    letters = "森宏之瀧川潔・あ"
    seen = 0
    for _ in range(3000):
        people = tuple("".join(rng.choice(letters) for _ in range(rng.randint(1, 4)))
                       + rng.choice(("", "　", " ")) + "".join(rng.choice(letters) for _ in range(rng.randint(0, 3)))
                       for _ in range(rng.randint(1, 4)))
        names = kept_names.prepared(people)
        text = "".join(rng.choice(letters + "　 ") for _ in range(rng.randint(0, 24)))
        expected = _spans_found_by_each_character(text, names)
        assert kept_names.spans(text, names) == expected, (text, names)
        seen += bool(expected)
    assert seen > 100          # (names found in many of them, not only passed over)


def test_a_torn_name_goes_whole_to_the_next_line():
    width = (TEXT.index("宏之")) * EM               # JLREQ's break: …ならコープ森　/ 宏之理事長
    names = kept_names.spans(TEXT, NAME)
    assert _texts(TEXT, width)[0].endswith("森\u3000")
    got = _texts(TEXT, width, names)
    assert got[0].endswith("ならコープ") and got[1].startswith("森\u3000宏之理事長"), got
    assert len(got) == len(_texts(TEXT, width))
    # set left (no gaps to open), the same
    assert _texts(TEXT, width, names, justify=False)[1].startswith("森\u3000宏之")


def test_the_name_stays_torn_where_keeping_it_whole_takes_another_line():
    # the first line ends after 森 (its space takes no room there): the name moves whole
    text = "奈良県生協連会長とならコープの森　宏之理事長の三者"
    assert _texts(text, 16 * EM) == ["奈良県生協連会長とならコープの森\u3000", "宏之理事長の三者"]
    assert _texts(text, 16 * EM, kept_names.spans(text, NAME)) == ["奈良県生協連会長とならコープの",
                                                                    "森\u3000宏之理事長の三者"]
    # the second line full: keeping the name whole would take a third, so JLREQ's lines stay
    full = "奈良県生協連会長とならコープの森　宏之理事長の三者が協定を交わした"
    assert _texts(full, 16 * EM) == ["奈良県生協連会長とならコープの森\u3000", "宏之理事長の三者が協定を交わした"]
    assert _texts(full, 16 * EM, kept_names.spans(full, NAME)) == _texts(full, 16 * EM)


def test_a_name_longer_than_a_line_breaks_all_the_same():
    text = "知事シュポルトヴァチェスラフイヴァノビッチは"
    found = kept_names.prepared(("シュポルトヴァチェスラフイヴァノビッチ",))
    assert _texts(text, 10 * EM, kept_names.spans(text, found)) == _texts(text, 10 * EM)


def test_a_name_joined_by_middle_dots_breaks_only_after_one():
    text = "ロシア連邦ハバロフスク地方知事シュポルト・ヴァチェスラフ・イヴァノビッチは、会談した。"
    found = kept_names.prepared(("シュポルト・ヴァチェスラフ・イヴァノビッチ",))
    width = text.index("スラフ") * EM            # JLREQ's break: …ヴァチェ / スラフ…
    assert _texts(text, width)[0].endswith("ヴァチェ")
    assert _texts(text, width, kept_names.spans(text, found))[0].endswith("シュポルト・")


def test_the_reading_back_finds_a_torn_name():
    assert torn_names(["ならコープ森", "宏之理事長の3者"], {"森　宏之"}) == [("森/宏之", "ならコープ森", "宏之理事長の3者")]
    assert torn_names(["ならコープ", "森 宏之理事長"], {"森　宏之"}) == []
    assert torn_names(["知事シュポルト・", "イヴァノビッチ"], {"シュポルト・イヴァノビッチ"}) == []
    assert people_of({"parties": {"a": {"representative": {"title": "市長", "name": "森　宏之"}}},
                      "press_notice": {"contacts": [{"department": "課", "name": "道下"}],
                                       "ki": [{"label": "出席者", "people": [{"name": "○○　○"}]}]}}) \
        == {"森　宏之", "道下"}


def _every_person(x, found: set) -> set:
    """Every name of a Person, Representative or Contact anywhere in a model, by walking
    every key (what names_held does by its list of places)."""
    if isinstance(x, Model):
        if isinstance(x, (Person, Representative, Contact)) and x.name:
            found.add(x.name)
        if isinstance(x, Photo) and x.names:             # the people a caption is said to name
            found.update(x.names)
        for key in type(x).model_fields:
            _every_person(getattr(x, key), found)
    elif isinstance(x, (list, tuple)):
        for value in x:
            _every_person(value, found)
    elif isinstance(x, dict):
        for value in x.values():
            _every_person(value, found)
    return found


def test_the_names_held_are_every_person_of_every_spec():
    specs = sorted((ROOT / "specs").glob("*.yaml")) + sorted(
        p for p in (ROOT / "tests" / "data" / "real").glob("*.yaml") if not p.name.endswith(".facts.yaml"))
    held = 0
    for path in specs:
        loaded = load_spec(path)
        names = names_held(loaded)
        assert len(names) == len(set(names)), path
        assert set(names) == _every_person(loaded.spec, set()), path
        held += bool(names)
    assert held > 80                           # (people, and the specs that name none)


@needs_poppler
def test_no_name_of_the_bundled_specs_is_torn(tmp_path):
    specs = sorted((ROOT / "specs").glob("*.yaml"))
    run = run_generate(*specs, "-o", tmp_path, "--format", "pdf")
    assert run.returncode == 0, run.stderr
    for spec in specs:
        names = people_of(yaml.safe_load(spec.read_text(encoding="utf-8")))
        assert names, spec                     # the seed's heads and contacts
        pdfs = sorted((tmp_path / spec.stem).glob("*.pdf"))
        assert pdfs
        for pdf in pdfs:
            assert torn_names(reading_lines(pdf), names) == [], pdf
