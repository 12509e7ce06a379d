"""A DOCX's text as its reader sees it, for the proof-reader's checks (printed_figures.py,
printed_words.py): read from the package's XML, not from the product's model, so that
what the writer adds shows.

Every paragraph in document order — body paragraphs and each table cell's paragraphs
where the table stands (text boxes too) — one line each, a tab as a tab and a line
break as a line break; then the headers' and footers'. A field shows its result only:
its instruction (PAGE, IF SECTIONPAGES > 1 "- 1 -" "") is no printed text, and a field
nested in another's instruction shows nothing of its own (Word prints the outer result).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph(p) -> str:
    parts = []
    fields = []                  # per open field: True once its result begins (separate)
    for el in p.iter():
        if el.tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                fields.append(False)
            elif kind == "separate" and fields:
                fields[-1] = True
            elif kind == "end" and fields:
                fields.pop()
        elif all(fields):        # outside any field's instruction
            if el.tag == W + "t":
                parts.append(el.text or "")
            elif el.tag == W + "tab":
                parts.append("\t")
            elif el.tag in (W + "br", W + "cr"):
                parts.append("\n")
    return "".join(parts)


def docx_text(path: Path) -> str:
    lines = []
    with zipfile.ZipFile(path) as package:
        parts = ["word/document.xml"] + sorted(
            n for n in package.namelist() if re.fullmatch(r"word/(header|footer)\d*\.xml", n))
        for part in parts:
            root = ElementTree.fromstring(package.read(part))
            for p in root.iter(W + "p"):          # document order: a cell's where its table stands
                lines.append(_paragraph_own(p))
    return "\n".join(lines)


def _paragraph_own(p) -> str:
    """The paragraph's text without that of paragraphs nested in it (a text box's),
    which root.iter() reaches on their own."""
    inner = [q for q in p.iter(W + "p") if q is not p]
    if not inner:
        return _paragraph(p)
    copy = ElementTree.fromstring(ElementTree.tostring(p))
    for parent in copy.iter():
        for child in list(parent):
            if child.tag in (W + "txbxContent",):
                parent.remove(child)
    return _paragraph(copy)


def paragraph_indents(path: Path) -> list[tuple[str, dict[str, str]]]:
    """Each body paragraph's text (its w:t runs joined) and the attributes of the
    indent it is set with: its own w:ind, else its style's (Word's inheritance, one
    step: the writer sets either), {} where neither sets one."""
    with zipfile.ZipFile(path) as package:
        body = ElementTree.fromstring(package.read("word/document.xml"))
        styles = ElementTree.fromstring(package.read("word/styles.xml"))
    by_style = {s.get(W + "styleId"): s.find(f"{W}pPr/{W}ind") for s in styles.iter(W + "style")}
    out = []
    for p in body.iter(W + "p"):
        ind = p.find(f"{W}pPr/{W}ind")
        if ind is None:
            name = p.find(f"{W}pPr/{W}pStyle")
            ind = by_style.get(name.get(W + "val")) if name is not None else None
        out.append(("".join(t.text or "" for t in p.iter(W + "t")), dict(ind.attrib) if ind is not None else {}))
    return out
