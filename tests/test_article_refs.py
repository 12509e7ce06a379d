"""An article named by number in the agreement's own text (乙は、第４条の規定により…) is
one the document prints: content/agreement/article_refs.py.

The real case kuki-tomita-2019 (久喜市's published agreement, thirteen articles numbered
as its text numbers them, 第６条 then 第８条) is built with one of its references edited
as a secretariat's stale edit leaves it: 前条の実施に伴う経費 written 第２０条, and 第７条,
the number the text skips. Both are refused at the article's line, nothing written; its
own references stand. The real draft yonago-kihon-kyotei-draft, whose stored copy ends in
第４条 and names 第６条, builds with a note. The words before a number that make it
another text's article (a law's, another document's) are read on the real cases'
references."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_generate
from jpdocs.content.agreement.article_refs import own_references

REAL = ROOT / "tests" / "data" / "real"
KUKI = REAL / "kuki-tomita-2019.yaml"
STALE = "前条の実施に伴う経費は"


def _kuki(tmp_path, written: str):
    text = KUKI.read_text(encoding="utf-8")
    assert text.count(STALE) == 1
    copy = tmp_path / KUKI.name
    copy.write_text(text.replace(STALE, written), encoding="utf-8")
    shutil.copytree(REAL / "styles", tmp_path / "styles")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if STALE in t)
    return copy, line


@pytest.mark.parametrize("written, n", [("第２０条の実施に伴う経費は", 20), ("第７条の実施に伴う経費は", 7)])
def test_a_reference_to_an_article_not_printed_is_refused_and_nothing_is_written(tmp_path, written, n):
    copy, line = _kuki(tmp_path, written)
    out = tmp_path / "out"
    done = run_generate(copy, "-o", out)
    assert done.returncode == 1, done.stdout
    assert (f"error: {copy}:{line - 3}: agreement.document.extra_articles[4]: 「{written}、…」 names 第{n}条, and the"
            " document prints no such article (its articles: 第1条～第6条、第8条～第14条)") in done.stderr, done.stderr
    assert not list(out.rglob("*.pdf")) and not list(out.rglob("*.docx"))


def test_the_published_references_stand(tmp_path):
    """乙は、第４条の規定により… : 第４条 is printed."""
    copy, _ = _kuki(tmp_path, "第５条の実施に伴う経費は")
    done = run_generate("check", copy)
    assert done.returncode == 0, done.stderr


def test_a_draft_naming_an_article_it_does_not_print_yet_builds_with_a_note(tmp_path):
    spec = REAL / "yonago-kihon-kyotei-draft.yaml"
    done = run_generate("check", spec)
    assert done.returncode == 0, done.stderr
    assert ("agreement.document.extra_articles[2]: in a draft: 「…者の指定の意義並びに第６条第１項に規定するセン…」"
            " names 第6条, and the document prints no such article (its articles: 第1条～第4条)") in done.stdout


@pytest.mark.parametrize("text, own", [
    # another text's article: a law's, a document's, its number in brackets, chained after it
    ("消防組織法第21条の規定に基づき", []),
    ("災害対策基本法（昭和３６年法律第２２３号）第２条第１号に規定する災害", []),
    ("「多摩川の水利に関する覚書」第5条の規定は", []),
    ("原協定第１条を次のように改める。", []),
    ("帳簿等保存法第６条第３項及び同法第８条第２項", []),
    ("同法第６条及び第８条", []),
    ("協定第三条1を次のように改める。", []),
    # this document's: after punctuation, a particle, its own word
    ("乙は、第４条の規定により", [4]),
    ("業務（第２条に規定するもの）", [2]),
    ("第２条及び第３条に定める", [2, 3]),
    ("第２条から第５条までの規定", [2, 5]),
    ("本協定第十二条に定める", [12]),
    ("本協定は、第７条の規定にかかわらず", [7]),
    ("指定の意義並びに第６条第１項に規定する", [6]),
    # a chain is its joining words alone: after a law's article and more words, ours again
    ("消防組織法第21条の規定に基づき、第３条の応援を行う", [3]),
])
def test_which_references_are_the_documents_own(text, own):
    assert [n for n, _ in own_references(text)] == own
