"""No file property is written empty. An empty key says nothing, and validators and
catalogue tools list it as a blank field: until the nineteenth session every PDF carried
an empty /Keywords (and, as PDF/A, an empty pdf:Keywords in its XMP), every DOCX an empty
cp:keywords, dc:description and cp:category (the reference document's, kept). No spec
gives keywords, a description or a category, so each is left out; the properties the
spec does give (the title, the issuer as author, the header or the kind as subject) are
still there, the same in the Info dictionary and the XMP, and the PDF/A files still
validate as PDF/A-2a and PDF/UA-1, signed too. Tested on the bundled spec, a real case
printed without a header line, their PDF/A files, a signed agreement and the annual book.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from certs import make_p12
from conftest import ROOT, SEED_SPEC, run_generate

REAL = ROOT / "tests" / "data" / "real"
NO_HEADER = REAL / "fukuoka-shakyo-seinan-2020.yaml"       # header: false, no subject either
SEED_TITLE = "北海道オホーツク総合振興局と北見工業大学との包括連携協定締結式について"
SEED_ISSUER = "北海道オホーツク総合振興局"
EMPTY_IN_XMP = re.compile(r"<(pdf:Keywords|dc:subject|dc:description)>\s*(<rdf:(Alt|Bag)>\s*(<rdf:li[^>]*>\s*</rdf:li>)?\s*</rdf:(Alt|Bag)>)?\s*</\1>")


def _info_and_xmp(pdf: Path) -> tuple[dict, str]:
    reader = PdfReader(pdf)
    info = {k: str(v) for k, v in reader.trailer["/Info"].get_object().items()}
    return info, reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


def _xmp_title(xmp: str) -> str:
    return re.search(r"<dc:title><rdf:Alt><rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S).group(1)


def _assert_no_empty_key(pdf: Path) -> dict:
    info, xmp = _info_and_xmp(pdf)
    assert "/Keywords" not in info and "Keywords" not in xmp, pdf
    assert [k for k, v in info.items() if v == ""] == [], (pdf, info)
    assert not EMPTY_IN_XMP.search(xmp), (pdf, EMPTY_IN_XMP.search(xmp).group(0))
    assert "<dc:subject" not in xmp, pdf                       # no keywords' bag either
    assert _xmp_title(xmp) == info["/Title"] and info["/Title"], pdf
    return info


# The Info entries PDF/A wants repeated in the XMP, and where (ISO 19005-2, 6.6.2.3.1).
# The validator the tests run does not compare the two (a changed /Title still passed
# it), so the test does.
XMP_OF_INFO = {"/Title": r"<dc:title><rdf:Alt><rdf:li[^>]*>(.*?)</rdf:li>",
               "/Author": r"<dc:creator><rdf:Seq><rdf:li>(.*?)</rdf:li>",
               "/Subject": r"<dc:description><rdf:Alt><rdf:li[^>]*>(.*?)</rdf:li>",
               "/Keywords": r"<pdf:Keywords>(.*?)</pdf:Keywords>",
               "/Producer": r"<pdf:Producer>(.*?)</pdf:Producer>",
               "/Creator": r"<xmp:CreatorTool>(.*?)</xmp:CreatorTool>"}


def _assert_info_and_xmp_agree(pdf: Path) -> None:
    """Each of those entries is in both or in neither, with the same text."""
    info, xmp = _info_and_xmp(pdf)
    for key, pattern in XMP_OF_INFO.items():
        found = re.search(pattern, xmp, re.S)
        assert (found.group(1) if found else None) == info.get(key), (pdf, key)
    assert "PDF/A-2a" in info["/Producer"] and "<pdfaid:part>2</pdfaid:part>" in xmp


def _core(docx: Path) -> str:
    return zipfile.ZipFile(docx).read("docProps/core.xml").decode("utf-8")


def _assert_no_empty_core_property(docx: Path) -> str:
    core = _core(docx)
    for tag in ("cp:keywords", "dc:description", "cp:category"):
        assert f"<{tag}" not in core, (docx, tag)
    assert not re.search(r"<([\w:]+)(\s[^>]*)?>\s*</\1>|<[\w:]+\s*/>", core), (docx, core)
    return core


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("metadata")
    result = run_generate(SEED_SPEC, NO_HEADER, "-o", out / "plain", "--format", "pdf,docx", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    result = run_generate(SEED_SPEC, NO_HEADER, "-o", out / "pdfa", "--format", "pdf", "--pdfa", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    return out


def test_no_pdf_has_empty_keywords_and_the_specs_values_stay(built):
    pdfs = sorted((built / "plain").glob("*/*.pdf"))
    assert {p.name for p in pdfs} >= {"press-notice.pdf", "agreement.pdf", "overview.pdf", "release.pdf"}
    infos = {(p.parent.name, p.name): _assert_no_empty_key(p) for p in pdfs}
    notice = infos[(SEED_SPEC.stem, "press-notice.pdf")]
    assert (notice["/Title"], notice["/Author"], notice["/Subject"]) == (SEED_TITLE, SEED_ISSUER, "報道機関各位")
    assert infos[(SEED_SPEC.stem, "agreement.pdf")]["/Subject"] == "協定書"
    assert "/Subject" not in infos[(NO_HEADER.stem, "press-notice.pdf")]


def test_no_docx_has_empty_core_properties_and_the_specs_values_stay(built):
    docxs = sorted((built / "plain").glob("*/*.docx"))
    assert len(docxs) >= 4
    cores = {(p.parent.name, p.name): _assert_no_empty_core_property(p) for p in docxs}
    notice = cores[(SEED_SPEC.stem, "press-notice.docx")]
    for tag, value in (("dc:title", SEED_TITLE), ("dc:creator", SEED_ISSUER), ("dc:subject", "報道機関各位"),
                       ("cp:lastModifiedBy", SEED_ISSUER), ("dc:language", "ja-JP")):
        assert f"<{tag}>{value}</{tag}>" in notice, (tag, notice)
    assert "<dc:subject" not in cores[(NO_HEADER.stem, "press-notice.docx")]


@pytest.mark.parametrize("name", ["press-notice.pdf", "agreement.pdf", "overview.pdf"])
def test_pdfa_without_empty_keys_validates(built, name):
    page = pytest.importorskip("page")
    for spec in (SEED_SPEC, NO_HEADER):
        pdf = built / "pdfa" / spec.stem / name
        if not pdf.exists():
            continue
        _assert_no_empty_key(pdf)
        _assert_info_and_xmp_agree(pdf)
        for profile in ("PDF_A_2A", "PDF_UA_1"):
            report = page.validate_pdf(str(pdf), profile=profile)
            assert report.is_compliant, (spec.stem, name, profile, [(f.rule_id, f.message) for f in report.failures])


def test_a_signed_pdfa_agreement_has_no_empty_keys_and_validates(built, tmp_path):
    page = pytest.importorskip("page")
    key, _ = make_p12(tmp_path)
    src = tmp_path / "agreement.pdf"
    src.write_bytes((built / "pdfa" / SEED_SPEC.stem / "agreement.pdf").read_bytes())
    result = run_generate("sign", src, "--field", "甲", "--p12", key, "-o", tmp_path / "signed.pdf",
                          env={"JPDOCS_P12_PASSWORD": "secret", "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _assert_no_empty_key(tmp_path / "signed.pdf")
    _assert_info_and_xmp_agree(tmp_path / "signed.pdf")
    for profile in ("PDF_A_2A", "PDF_UA_1"):
        report = page.validate_pdf(str(tmp_path / "signed.pdf"), profile=profile)
        assert report.is_compliant, (profile, [(f.rule_id, f.message) for f in report.failures])


def test_the_annual_book_has_no_empty_keys(tmp_path):
    result = run_generate("annual", "--fiscal-year", "2023", SEED_SPEC, "-o", tmp_path, "--format", "pdf,docx")
    assert result.returncode == 0, result.stderr
    info = _assert_no_empty_key(tmp_path / "annual-2023.pdf")
    assert info["/Author"] == SEED_ISSUER
    core = _assert_no_empty_core_property(tmp_path / "annual-2023.docx")
    assert f"<dc:title>{info['/Title']}</dc:title>" in core
