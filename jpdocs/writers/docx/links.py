"""A paragraph's link (m.Paragraph.link) in Word: its runs in one w:hyperlink, as the
PDF links the paragraph's text (writers/blocks.py). The paragraph's number, where it
is printed as text (a notice's ２　…), stays outside, as Word's own numbering (an
agreement's) is and as the PDF sets it, the paragraph's Lbl; a reference to an article
in it (a REF field, fields.article_ref) keeps its number and loses its own link, which
would take the clicks on its text from the address (the PDF links none there)."""
from __future__ import annotations

from copy import deepcopy

from ..ooxml import qn
from .paragraphs import R_TAG, RPR_TAG, T_TAG, XML_SPACE

_INSTR_TAG = qn("w:instrText")


def hyperlink(box, p, address: str, after: int = 0) -> None:
    """The paragraph's runs after its first `after` characters (its number) as one
    hyperlink to `address`, an external relationship of the part, as Word writes a
    link: its runs keep their own look (Word's Hyperlink character style is not applied,
    as the PDF draws the text as it is). The parser refuses a link with no text after
    the number (content/markup.py), so there are runs to link."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    runs = [child for child in p if child.tag == R_TAG]
    runs = runs[_split(runs, after):]
    if not runs:
        raise AssertionError("a linked paragraph with no text: the parser refuses it")
    rid = box.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = p.makeelement(qn("w:hyperlink"), {qn("r:id"): rid})
    runs[0].addprevious(link)
    for r in runs:
        link.append(r)
    for instr in link.iter(_INSTR_TAG):
        if instr.text and instr.text.lstrip().startswith("REF "):
            instr.text = instr.text.replace(" \\h ", " ")


def _split(runs: list, chars: int) -> int:
    """The index of the first run after `chars` characters of text, the run that holds
    both split in two where the count ends inside it (its copy after it, the rest)."""
    for i, r in enumerate(runs):
        if chars <= 0:
            return i
        texts = r.findall(T_TAG)
        held = sum(len(t.text or "") for t in texts)
        if held <= chars:
            chars -= held
            continue
        rest = deepcopy(r)
        _keep(r, chars, head=True)
        _keep(rest, chars, head=False)
        r.addnext(rest)
        runs.insert(i + 1, rest)
        return i + 1
    return len(runs)


def _keep(r, chars: int, head: bool) -> None:
    """Keep in run `r` its content up to `chars` characters of text (`head`) or after."""
    seen = 0
    for child in [c for c in r if c.tag != RPR_TAG]:
        n = len(child.text or "") if child.tag == T_TAG else 0
        if child.tag == T_TAG and seen < chars < seen + n:
            cut = chars - seen
            child.text = child.text[:cut] if head else child.text[cut:]
            child.set(XML_SPACE, "preserve")
        elif (seen < chars) != head:       # (wholly after the count in the head, or before it in the rest)
            r.remove(child)
        seen += n
