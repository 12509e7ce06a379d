"""The house's standard articles file (jpdocs/content/agreement/article_sets.py) in process: a broken
file is refused with its file, line and key for every problem; texts in the other
writing style or writing 本協定 are named wherever they stand (lead, catch_all, a
paragraph, an item, a sub-item, otherwise); a spec naming a set the file lacks is
told which sets there are. Fast enough for the mutation run."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from jpdocs.content.agreement.article_sets import choose, load_sets
from jpdocs.errors import InputError
from conftest import ROOT


def write(tmp_path: Path, text: str, name: str = "sets.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[str, int | None, str, str]]:
    with pytest.raises(InputError) as caught:
        load_sets(path)
    return [(p.file, p.line, p.key, p.message) for p in caught.value.problems]


GOOD = """
    自前:
      subject: 連携
      articles:
        - name: purpose
          heading: 目的
          text: ["{doc}は、連携を目的とする。"]
    丁寧:
      writing: です・ます
      articles:
        - name: purpose
          heading: 目的
          text: ["{doc}は、連携を目的とします。"]
"""


def test_the_bundled_file_loads_its_sets_in_order():
    sets = load_sets(ROOT / "templates" / "articles.yaml")
    assert "包括連携" in sets
    names = [a.name for a in sets["包括連携"].articles]
    assert names[:3] == ["purpose", "areas", "promotion"] and "validity" in names


def test_a_good_file_gives_its_sets_with_their_subject_and_writing(tmp_path):
    sets = load_sets(write(tmp_path, GOOD))
    assert list(sets) == ["自前", "丁寧"]
    assert (sets["自前"].subject, sets["自前"].writing) == ("連携", "である")
    assert (sets["丁寧"].subject, sets["丁寧"].writing) == (None, "です・ます")


def test_an_edited_file_is_read_again_not_taken_from_the_cache(tmp_path):
    path = write(tmp_path, GOOD)
    assert load_sets(path)["自前"].subject == "連携"
    stamp = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8").replace("subject: 連携", "subject: 協力"), encoding="utf-8")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))        # a later time even on a coarse clock
    assert load_sets(path)["自前"].subject == "協力"
    # and a file of the same time but another size is read again too
    path.write_text(path.read_text(encoding="utf-8").replace("subject: 協力", "subject: 相互協力"), encoding="utf-8")
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))
    assert load_sets(path)["自前"].subject == "相互協力"


def test_a_missing_file_names_itself_and_the_key_of_the_style(tmp_path):
    missing = tmp_path / "nowhere.yaml"
    assert problems(missing) == [(str(missing), None, "",
                                  "the house style's standard articles file (article_sets:) does not exist")]


@pytest.mark.parametrize("text", ["[a, b]\n", "{}\n", "just text\n"])
def test_a_file_that_is_not_a_mapping_of_sets_is_refused_at_its_first_line(tmp_path, text):
    path = write(tmp_path, text)
    assert problems(path) == [(str(path), 1, "", "a file of standard articles is a mapping of set names to sets"
                                                 " (包括連携: {subject: …, articles: [...]})")]


def test_schema_problems_name_line_and_key_without_the_value_error_prefix(tmp_path):
    path = write(tmp_path, """
        一:
          articles:
            - name: purpose
              heading: 目的
              text: ["{doc}は、連携を目的とする。"]
            - name: purpose
              heading: 趣旨
              text: ["{doc}は、協力を目的とする。"]
        二:
          articles:
            - name: areas
              heading: 連携事項
              generated: areas
            - name: x
              heading: 見出し
              text: ["{all}は、協力する。"]
              catch_all: その他
            - name: y
              heading: 見出し
    """)
    assert problems(path) == [
        (str(path), 1, "一", "article names must differ: purpose used twice"),
        (str(path), 11, "二.articles[0]", "the generated areas article needs lead: (the paragraph before the list)"),
        (str(path), 14, "二.articles[1]", "lead: and catch_all: belong to the generated areas article only"),
        (str(path), 18, "二.articles[2]", "give an article either text: or generated: (areas or validity)"),
    ]


def test_an_article_with_both_text_and_generated_is_refused(tmp_path):
    path = write(tmp_path, """
        一:
          articles:
            - name: validity
              heading: 有効期間
              generated: validity
              text: ["{doc}の有効期間は、別に定める。"]
    """)
    assert problems(path) == [(str(path), 3, "一.articles[0]",
                               "give an article either text: or generated: (areas or validity)")]


def test_a_set_without_articles_is_refused(tmp_path):
    path = write(tmp_path, """
        一:
          subject: 連携
          articles: []
    """)
    [(file, line, key, message)] = problems(path)
    assert (file, line, key) == (str(path), 3, "一.articles") and message == "needs at least 1 entry"


def test_every_text_in_the_other_style_is_named_where_it_stands(tmp_path):
    path = write(tmp_path, """
        一:
          articles:
            - name: areas
              heading: 連携事項
              generated: areas
              lead: "{all}は、次の事項について連携します。"
              catch_all: "その他必要と認める事項です。"
            - name: promotion
              heading: 推進体制
              text:
                - "{all}は、窓口を設けるものとする。"
                - text: "{all}は、次のことを行います。"
                  items:
                    - "窓口を設けます。"
                    - text: "会議を開きます。"
                      items: ["年に一度開きます。"]
              otherwise: ["{all}は、協議します。"]
    """)
    found = problems(path)
    assert [(line, key) for _, line, key, _ in found] == [
        (6, "一.articles[0].lead"), (7, "一.articles[0].catch_all"),
        (12, "一.articles[1].text[1].text"), (14, "一.articles[1].text[1].items[0]"),
        (15, "一.articles[1].text[1].items[1].text"), (16, "一.articles[1].text[1].items[1].items[0]"), (17, "一.articles[1].otherwise[0]")]
    assert found[0][3] == ("「{all}は、次の事項について連携します。」 is not written である as the set is (writing:):"
                           " a document is written in one style")
    assert all(message.endswith("is not written である as the set is (writing:): a document is written in one style")
               for *_, message in found)


def test_a_plain_text_in_a_polite_set_is_named(tmp_path):
    path = write(tmp_path, """
        丁寧:
          writing: です・ます
          articles:
            - name: purpose
              heading: 目的
              text: ["{doc}は、連携を目的とします。", "{all}は、協力する。"]
    """)
    assert problems(path) == [(str(path), 6, "丁寧.articles[0].text[1]",
                               "「{all}は、協力する。」 is not written です・ます as the set is (writing:):"
                               " a document is written in one style")]


def test_本協定_written_in_any_text_of_a_set_is_named(tmp_path):
    path = write(tmp_path, """
        一:
          articles:
            - name: purpose
              heading: 目的
              text:
                - "{doc}は、連携を目的とする。"
                - text: "{all}は、次の事項を行う。"
                  items: ["本協定に基づく事業"]
    """)
    assert problems(path) == [(str(path), 8, "一.articles[0].text[1].items[0]",
                               "writes 本協定: write {doc}, which becomes the document's own word (本協定, 本覚書 …)")]


def test_problems_of_every_set_are_reported_together(tmp_path):
    path = write(tmp_path, """
        一:
          articles:
            - name: purpose
              heading: 目的
              text: ["本協定は、連携を目的とする。"]
        二:
          articles: []
    """)
    assert [(line, key) for _, line, key, _ in problems(path)] == [(5, "一.articles[0].text[0]"), (7, "二.articles")]


# ---------------------------------------------------------------- choose
def test_a_set_is_chosen_by_name(tmp_path):
    sets = load_sets(write(tmp_path, GOOD))
    assert choose(sets, "丁寧", "sets.yaml", ("spec.yaml", 9, "agreement.document.standard")) is sets["丁寧"]


def test_an_unknown_set_is_an_error_at_the_specs_key_with_a_close_name_and_the_sets_there_are(tmp_path):
    sets = load_sets(write(tmp_path, GOOD))
    with pytest.raises(InputError) as caught:
        choose(sets, "自前の", "sets.yaml", ("spec.yaml", 9, "agreement.document.standard"))
    [p] = caught.value.problems
    assert (p.file, p.line, p.key) == ("spec.yaml", 9, "agreement.document.standard")
    assert p.message == "no standard set of articles is named '自前の' in sets.yaml; did you mean '自前'? (sets there: 自前, 丁寧)"
    with pytest.raises(InputError) as caught:
        choose(sets, "まったく別", "sets.yaml", ("spec.yaml", 9, "agreement.document.standard"))
    assert caught.value.problems[0].message == "no standard set of articles is named 'まったく別' in sets.yaml (sets there: 自前, 丁寧)"
