"""A phone's 内線 as a number of its own after the phone's (contacts.extension:
labelled), as 広島市 writes the desk under the date of its releases: 電話:504-2814
内線:2290 (the case, hiroshima-miyoshi-2021, stays pending: its stored copy ends before
the ceremony's facts; tests/data/real/pending-notices.facts.yaml). The default keeps
（内線2345） after the number.

Variations of the seed are built by the real command line, PDF and DOCX; the PDF read
back line by line as a reader sees it, the DOCX reopened.
"""
from __future__ import annotations

import pytest
from jpdocs import cli

from conftest import needs_poppler, no_space
from test_contact_forms import docx_paragraphs, lines_of
from test_notice_format import CONTACT, variant

DESK = ("    - {department: 企画総務局広域都市圏推進課, title: 課長, name: 光田, phones: [%s]}\n")
HEAD = "notice:\n  contacts_at: head\ncontacts:\n  label_gap: \"：\"\n  person_line: with_department\n"


@needs_poppler
@pytest.mark.parametrize("house, phone, line", [
    # 広島市's desk in the head: the person on the department's line, then the numbers
    (HEAD + "  extension: labelled\n", "{number: 504-2814, extension: \"2290\"}", "電話：504-2814　内線：2290"),
    # the note stays with the number it belongs to, the extension after both
    (HEAD + "  extension: labelled\n", "{number: 504-2814, extension: \"2290\", note: 平日のみ}",
     "電話：504-2814（平日のみ）　内線：2290"),
    # the house's gap between numbers on one line, and a kind as the label
    (HEAD + "  extension: labelled\n  number_gap: \"　／　\"\n", "{number: 082-245-2111, kind: 代表, extension: \"2290\"}",
     "代表：082-245-2111　／　内線：2290"),
    # the default, as before
    (HEAD, "{number: 504-2814, extension: \"2290\"}", "電話：504-2814（内線2290）"),
])
def test_the_extension_is_set_as_the_house_writes_it(house, phone, line, tmp_path, capsys):
    path = variant(tmp_path, (CONTACT, DESK % phone), style=house)
    code = cli.main([str(path), "-o", str(tmp_path / "out"), "--kinds", "press-notice", "--format", "pdf,docx"])
    assert code == 0, capsys.readouterr().err
    out = tmp_path / "out" / path.stem
    pdf = [text for text, _, _ in lines_of(out / "press-notice.pdf")]
    assert no_space("企画総務局広域都市圏推進課　課長　光田") in pdf, pdf[:6]
    assert no_space(line) in pdf, pdf[:6]
    assert sum("2290" in text for text in pdf) == 1
    assert line in docx_paragraphs(out / "press-notice.docx")
