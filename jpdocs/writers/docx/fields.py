"""Word fields (w:fldChar runs) for the DOCX writer: page numbers, references to
articles and the table of contents. A complex field is begin, instruction, separate,
result, end; the result is what an application shows before it updates the field,
so each one is written with the text the PDF prints there."""
from __future__ import annotations

from docx.oxml import OxmlElement

from ..ooxml import qn


def _run(child) -> object:
    r = OxmlElement("w:r")
    r.append(child)
    return r


def _char(kind: str, **attrs) -> object:
    c = OxmlElement("w:fldChar", {qn("w:fldCharType"): kind, **{qn(f"w:{k}"): v for k, v in attrs.items()}})
    return _run(c)


def _instr(text: str) -> object:
    t = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    t.text = text
    return _run(t)


def text_run(text: str) -> object:
    t = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    t.text = text
    return _run(t)


def field(instruction, result: list, dirty: bool = False) -> list:
    """The runs of one complex field. `instruction` is a string or a list of strings
    and nested fields (lists of runs); `result` the runs shown before an update.
    `dirty` asks Word to update the field when it opens the document."""
    parts = [_char("begin", **({"dirty": "true"} if dirty else {}))]
    for piece in instruction if isinstance(instruction, list) else [instruction]:
        parts += [_instr(piece)] if isinstance(piece, str) else piece
    parts.append(_char("separate"))
    parts += result
    parts.append(_char("end"))
    return parts


def if_more_pages(shown: str) -> list:
    """{ IF { SECTIONPAGES } > 1 "- 1 -" "" }, for the first page's footer: Word prints
    - 1 - when the document has more than one page. LibreOffice cannot evaluate it and
    prints the stored result of the nested SECTIONPAGES, which is therefore `shown`
    (what the PDF prints on page 1), as is the IF's own stored result."""
    count = field(" SECTIONPAGES ", [text_run(shown)] if shown else [])
    return field([" IF ", count, ' > 1 "- 1 -" "" '], [text_run(shown)] if shown else [])


def article_bookmark(article: int) -> str:
    """The hidden bookmark (a leading _, as Word names its own) on article N's heading."""
    return f"_Ref_article_{article}"


def article_ref(article: int) -> str:
    """REF … \\r: the referenced paragraph's number as its numbering prints it (第２条);
    \\h links it, as Word's own cross-references are."""
    return f" REF {article_bookmark(article)} \\r \\h "


def bookmark(p, name: str, ident: int) -> None:
    """A bookmark around the paragraph's text (after its properties)."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(ident), qn("w:name"): name})
    ppr = p.find(qn("w:pPr"))
    (ppr.addnext(start) if ppr is not None else p.insert(0, start))
    p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(ident)}))


def wrap_result(p, first: int, instruction: str) -> None:
    """Make the runs of paragraph `p` from child index `first` on the result of a field."""
    result = list(p)[first:]
    head = [_char("begin"), _instr(instruction), _char("separate")]
    anchor = result[0] if result else None
    for part in head:
        anchor.addprevious(part) if anchor is not None else p.append(part)
    p.append(_char("end"))
