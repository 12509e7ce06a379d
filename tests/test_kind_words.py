"""The text's own word of another kind, as signed (document.kind_words_as_written).

国税庁 and JIIMA's 協定書（追加締結分） (2021) calls itself 本覚書 in its 第３条 though its title
and kind are 協定書. The product refuses another kind's word in the spec's own text (a
mistake in most specs: 本協定 in a 覚書); a secretariat reproducing a signed text says which
words the text writes so, and each prints as written, named by the build. A word that is
no other kind's, or that the spec's own text never writes, would have no effect: refused
at its key. Real spec, real command line, the PDF read back.
"""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT, no_space, pdf_text, run_generate

REAL = ROOT / "tests" / "data" / "real"
CASE = REAL / "nta-jiima-2021.yaml"
KEY = "    kind_words_as_written: [本覚書]      # 第３条 as signed, in a text titled 協定書\n"


def variant(tmp_path: Path, new: str) -> Path:
    """The real spec with its kind_words_as_written line replaced (its style beside it)."""
    text = CASE.read_text(encoding="utf-8")
    assert KEY in text
    (tmp_path / "styles").mkdir(exist_ok=True)
    (tmp_path / "styles" / "nta-jiima.yaml").write_text((REAL / "styles" / "nta-jiima.yaml").read_text(encoding="utf-8"),
                                                        encoding="utf-8")
    path = tmp_path / CASE.name
    path.write_text(text.replace(KEY, new), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_the_texts_own_word_prints_as_signed_and_the_build_names_it(tmp_path):
    result = run_generate(CASE, "-o", tmp_path / "out", "--force")
    assert result.returncode == 0, result.stderr
    text = no_space(pdf_text(tmp_path / "out" / CASE.stem / "agreement.pdf"))
    assert "第３条本覚書に定めのない事項は、原協定の定めによる。" in text, text
    assert "本協定" not in text
    assert (f"{CASE}:{line_of(CASE, '    kind_words_as_written:')}: agreement.document.kind_words_as_written[0]:"
            " 「本覚書」 is printed as the signed text writes it, in a 協定書") in result.stdout, result.stdout


def refused(tmp_path: Path, spec: Path) -> str:
    result = run_generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout
    assert not (tmp_path / "out" / spec.stem).exists()
    return result.stderr


def test_without_it_the_word_is_refused_as_before(tmp_path):
    spec = variant(tmp_path, "")
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, '本覚書に定めのない')}: agreement.document.extra_articles[2].text[0]:"
            " 「本覚書」 in a 協定書: the document calls itself 本協定 (document.kind: 協定書)") in err, err


def test_a_word_of_no_other_kind_is_refused(tmp_path):
    spec = variant(tmp_path, KEY.replace("[本覚書]", "[本覚書, 本協定]"))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, '    kind_words_as_written:')}: agreement.document.kind_words_as_written[1]:"
            " 「本協定」 is not another kind's word for a 協定書 (") in err, err
    assert "kind_words_as_written would have no effect" in err


def test_a_word_the_text_never_writes_is_refused(tmp_path):
    spec = variant(tmp_path, KEY.replace("[本覚書]", "[本覚書, 本契約]"))
    err = refused(tmp_path, spec)
    assert (f"{spec}:{line_of(spec, '    kind_words_as_written:')}: agreement.document.kind_words_as_written[1]:"
            " the spec's own text (preamble, articles, closing) never writes 「本契約」:"
            " kind_words_as_written would have no effect") in err, err
