"""A person holding two offices, each on a line of its own, the name after the last, as
広島市水道局 lists the two heads at its 覚書締結式 (2020: 東京都公営企業管理者 / 水道局長　中嶋
正宏): a notice's person with its `title` given as lines. Set a line each (people: run)
and in columns (the offices above in the titles' column, the name beside the last), in
the PDF and the DOCX; refused where the house's form cannot set it (one line, columns of
organisation, title and name, the name first, a mark before each person) and in a
contact. The real command line on the real case and variants of its house."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import needs_poppler, real_case_variant, run_generate
from test_agreement import docx_texts
from test_real_cases import fold, visual_lines

CASE, STYLE = "hiroshima-water-tokyo-2020", "hiroshima-water.yaml"
ONE_LINE = "{title: 東京都公営企業管理者　水道局長, name: 中嶋　正宏}"
LINES = "{title: [東京都公営企業管理者, 水道局長], name: 中嶋　正宏}"


def variant(tmp_path: Path, house: tuple[str, str] | None = None, *pairs: tuple[str, str]) -> Path:
    """The real case, its house style changed by `house` (old, new), the spec by `pairs`."""
    spec = real_case_variant(tmp_path, CASE, STYLE, *pairs)
    if house:
        style = tmp_path / "styles" / STYLE
        text = style.read_text(encoding="utf-8")
        assert house[0] in text, house
        style.write_text(text.replace(house[0], house[1], 1), encoding="utf-8")
    return spec


def built(tmp_path: Path, spec: Path) -> tuple[list[str], list[str]]:
    """(the notice PDF's lines as a reader sees them, the DOCX's paragraphs)."""
    result = run_generate(spec, "-o", tmp_path / "out", "--kinds", "press-notice", "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / spec.stem
    return ([fold(x) for x in visual_lines(folder / "press-notice.pdf")],
            [fold(x) for x in docx_texts(folder / "press-notice.docx")])


@needs_poppler
def test_each_office_is_a_line_and_the_name_follows_the_last(tmp_path):
    """The real case (people: run): the first office on the label's line, the second and
    the name under it, as the page sets them; the DOCX the same lines in order."""
    lines, paragraphs = built(tmp_path, variant(tmp_path))
    at = lines.index(fold("⑶出席者東京都公営企業管理者"))
    assert lines[at + 1:at + 4] == ["水道局長中嶋正宏", "広島市水道事業管理者", "広島市水道局長友広整二"], lines[at:]
    at = paragraphs.index(fold("⑶　出席者　東京都公営企業管理者"))
    assert paragraphs[at + 1:at + 4] == ["水道局長中嶋正宏", "広島市水道事業管理者", "広島市水道局長友広整二"], \
        paragraphs[at - 2:]


@needs_poppler
def test_a_title_on_one_line_stays_on_one_line(tmp_path):
    """The title as one string prints both offices on the name's line, as before."""
    lines, _ = built(tmp_path, variant(tmp_path, None, (LINES, ONE_LINE)))
    assert fold("⑶出席者東京都公営企業管理者水道局長中嶋正宏") in lines, lines[-4:]


@needs_poppler
def test_in_columns_the_offices_stand_in_the_titles_column_the_name_beside_the_last(tmp_path):
    """people: columns: a row per office above, its name's cell empty, then the last
    office and the name: 水道局長 and 中嶋 正宏 on one line, 東京都公営企業管理者 alone above."""
    lines, paragraphs = built(tmp_path, variant(tmp_path, ("people: run", "people: columns")))
    at = lines.index(fold("⑶出席者"))             # the table under its label, as columns set it
    assert lines[at + 1:at + 5] == ["東京都公営企業管理者", "水道局長中嶋正宏", "広島市水道事業管理者",
                                    "広島市水道局長友広整二"], lines[at:]
    at = paragraphs.index("東京都公営企業管理者")   # the cells: office | (empty), office | name
    assert paragraphs[at + 1:at + 4] == ["", "水道局長", "中嶋正宏"], paragraphs[at - 2:]


TITLE_LINE_KEY = "press_notice.ki[3].people[0].title"


@pytest.mark.parametrize("house, message", [
    (("people: run", "people: joined"),
     "the house lists people on one line (notice.people: joined), where they cannot stand so"),
    (("people: run", "people: tabulated"),
     "the house lists people in columns of organisation, title and name (notice.people: tabulated), where they"
     " cannot stand so"),
    (("people: run", "people: run\n  signer_order: name_title"),
     "the house sets a person's title after the name (notice.signer_order: name_title), where they cannot stand"
     " so: write the title on one line (a string), or use a house style that sets the title first"),
    (("people: run", "people: run\n  people_mark: ・"),
     "the house marks each person's line (notice.people_mark: ・), which would stand before the first office"
     " alone: write the title on one line (a string), or use a house style without the mark"),
])
def test_a_title_of_lines_where_the_house_cannot_set_it_is_an_error_at_its_line(tmp_path, house, message):
    spec = variant(tmp_path, house)
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "[東京都公営企業" in t)
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"error: {spec}:{line}: {TITLE_LINE_KEY}: the title is given as lines (a person holding two offices,"
            f" each on a line of its own), and {message}") in result.stderr, result.stderr
    assert not (tmp_path / "out" / spec.stem).exists()


def test_a_title_of_one_line_given_as_a_list_or_in_a_contact_is_an_error(tmp_path):
    """A list of one line is a title written as a list for nothing (two lines at
    least); a contact's person is printed on its contact's line."""
    spec = variant(tmp_path, None, (LINES, "{title: [水道局長], name: 中嶋　正宏}"))
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (f"{TITLE_LINE_KEY}: the title is given as a list of one line: a list sets a person's offices each on"
            " a line of its own (two or more); write the one title as a string") in result.stderr, result.stderr
    contact = ("  ki:\n", "  contacts:\n    - department: 広島市水道局総務課\n      people:\n"
                          "        - {title: [総務課長, 企画担当課長], name: 広島　太郎}\n  ki:\n")
    (tmp_path / "c").mkdir()
    spec = variant(tmp_path / "c", None, contact)
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    line = next(n for n, t in enumerate(spec.read_text(encoding="utf-8").splitlines(), 1) if "[総務課長" in t)
    assert (f"error: {spec}:{line}: press_notice.contacts[0].people[0].title: a contact's person is printed on its"
            " contact's line, where a title of lines (two offices, each on a line of its own) cannot stand: write"
            " the title on one line") in result.stderr, result.stderr


def agenda_step(tmp_path: Path, house_text: str) -> Path:
    """The seed's notice, its fourth step of the 次第 a guest holding two offices, under a
    house that numbers the 次第 and sets people a line each with `house_text` after."""
    import yaml
    from conftest import SEED_SPEC
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["press_notice"]["ceremony"]["agenda"][3] = {
        "step": "来賓挨拶", "people": [{"title": ["北見市公営企業管理者", "北見市長"], "name": "辻　直孝"}]}
    (tmp_path / "house.yaml").write_text("notice:\n  agenda: numbered\n  people: run\n" + house_text, encoding="utf-8")
    data["style"] = "house.yaml"
    spec = tmp_path / "agenda.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return spec


@needs_poppler
def test_a_guest_under_a_step_of_the_次第_and_the_mark_the_house_keeps_for_the_attendees(tmp_path):
    """Under a step (at the step's text margin): the offices a line each, the name after
    the last; the house's mark for the attendees alone (people_mark_agenda: false) does
    not stand before them, so it is no hindrance; where it does, an error at the title."""
    lines, _ = built(tmp_path, agenda_step(tmp_path, "  people_mark: ・\n  people_mark_agenda: false\n"))
    at = lines.index(fold("（４）来賓挨拶"))
    assert lines[at + 1:at + 3] == ["北見市公営企業管理者", "北見市長辻直孝"], lines[at:at + 4]
    (tmp_path / "marked").mkdir()
    spec = agenda_step(tmp_path / "marked", "  people_mark: ・\n")
    result = run_generate("check", spec)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert ("press_notice.ceremony.agenda[3].people[0].title: the title is given as lines (a person holding two"
            " offices, each on a line of its own), and the house marks each person's line (notice.people_mark: ・)"
            ) in result.stderr, result.stderr
