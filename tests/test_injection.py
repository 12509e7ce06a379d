"""Values that look like markup or template code print literally in both files."""
from __future__ import annotations

import yaml
from docx import Document as OpenDocx

from conftest import SEED_SPEC, needs_poppler, no_space, pdf_text, run_generate

HOSTILE = [
    "<b>太字</b> & <br/> &amp;",
    "{{ spec.issuer }} と {% if true %}分岐{% endif %}",
    "\"引用\" 'quote' \\backslash </document>",
]


def hostile_spec(tmp_path):
    data = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    data["press_notice"]["subject"] = HOSTILE[0]
    data["press_notice"]["opening"] = HOSTILE[1:]
    data["press_notice"]["ceremony"]["start"] = "11:00"
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@needs_poppler
def test_markup_and_template_code_print_literally(tmp_path):
    result = run_generate(hostile_spec(tmp_path), "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "out" / "hostile"
    text = no_space(pdf_text(folder / "press-notice.pdf"))
    docx = OpenDocx(folder / "press-notice.docx")
    docx_text = no_space("".join(p.text for p in docx.paragraphs))
    for value in HOSTILE:
        assert no_space(value) in text, value
        assert no_space(value) in docx_text, value
    assert docx.core_properties.title == HOSTILE[0]
