"""The page set-up every PDF of the project shares: A4 in the document's orientation,
the house margins, the metadata, a canvas that numbers and tags its pages, the marks
of an original or a copy, and an /ID that is a digest of the content."""
from __future__ import annotations

import re
from functools import partial

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from ..content import model as m
from ..digested import digested
from ..sha import sha256
from ..spec.style import HouseStyle
from .frame import use_text_frames
from .geometry import FRAME_PAD as _FRAME_PAD   # reportlab's Frame padding, each side
from .placing import Placing
from .sheet import SheetTemplate
from .tags import Node, TaggingCanvas


class NumberedCanvas(TaggingCanvas):
    """A canvas that holds the pages back until the end, so that page numbers
    (- 1 -) go only where wanted: `numbered(total)` says how many leading pages are
    numbered; one page alone is never numbered; a cover (jp_cover: the first page,
    or the first A3 sheet) is neither numbered nor counted, nor are the pages from
    the annexes on (flowables.NumbersEnd). It tags what it draws with the
    structure tree (tags.py); the page numbers are artifacts. `outline()`, if
    given, says the bookmarks as (0-based page, title), in order: they are made as
    the held pages are written, when the document knows each page's place."""

    def __init__(self, *args, jp_numbers: tuple = (), jp_cover: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._numbers = jp_numbers         # (font, size, numbered, outline)
        self._cover = jp_cover             # the first page (sheet) a cover: neither numbered nor counted
        self._held = []

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        font, size, numbered, outline = self._numbers
        halves = getattr(self, "jp_halves", 1)    # two pages a sheet (sheet.py): numbered by half
        pages = len(self._held) * halves
        if halves == 2 and not getattr(self, "jp_last_half", 1):
            pages -= 1                             # the last sheet's right half holds nothing
        skip = halves if self._cover else 0        # a cover (its sheet's other half left blank)
        # the pages from an agreement's annexes on are neither numbered nor counted (NumbersEnd)
        count = numbered(min(pages, getattr(self, "jp_numbers_end", pages)) - skip)
        marks = outline() if outline else []
        held, self._held = self._held, []  # each held state holds the list: a cycle, once saved
        for i, state in enumerate(held):
            self.__dict__.update(state)
            width = self._pagesize[0] / halves
            for k in range(halves):
                number = i * halves + k - skip
                if count > 1 and 0 <= number < count:
                    self.setFont(font, size)
                    self.drawCentredString(width * (k + 0.5), 10 * mm, f"- {number + 1} -")
            for k, (page, title) in enumerate(marks):
                if page == i:
                    self.bookmarkPage(f"part-{k}")
                    self.addOutlineEntry(title, f"part-{k}", level=0)
            super().showPage()
        held.clear()
        # a page's state held while the build ran holds reportlab's `_doctemplate`, which the
        # build deletes from the canvas as it ends: put back with the state, it made the
        # canvas and its template a cycle of the whole layout (a notice of two pages: ~630
        # objects), freed only by the cycle collector
        self.__dict__.pop("_doctemplate", None)
        if marks:
            self.showOutline()
        super().save()


def numbered_canvas(font: str, size: float, numbered, tree: Node, forms: bool = False, outline=None,
                    cover: bool = False):
    """The canvas maker of a document (NumberedCanvas) with its own values."""
    return partial(NumberedCanvas, jp_tree=tree, jp_forms=forms, jp_numbers=(font, size, numbered, outline),
                   **({"jp_cover": True} if cover else {}))


def page_marks(marks: list[m.PageMark], font: str):
    """The page template's callback drawing the marks of a copy or an original on
    every page, before the page's text, so that a light mark stays under it. On an
    A3 sheet (sheet.py) it is called for each half as the text enters it (`half`):
    a half the text never reaches is no page and carries no mark."""
    def draw(canv, doc, half: int = 0):
        halves = getattr(doc, "jp_halves", 1)
        width, height = canv._pagesize[0] / halves, canv._pagesize[1]
        for mark in marks:
            canv.saveState()
            if half:
                canv.translate(half * width, 0)      # the right half (sheet.py)
            if mark.where == "diagonal":
                size = min(width, height) * 0.5 / max(len(mark.text), 1)
                canv.setFillColor(colors.Color(0.85, 0.85, 0.85))
                canv.setFont(font, size)
                canv.translate(width / 2, height / 2)
                canv.rotate(45)
                canv.drawCentredString(0, -size * 0.36, mark.text)
            else:
                canv.setFillColor(colors.black)
                canv.setFont(font, 10.5)
                canv.drawRightString(width - doc.rightMargin, height - doc.topMargin + 10.5 * 1.2, mark.text)
            canv.restoreState()
    return draw


# Pages' content streams deflated only: reportlab's default also wraps them in ASCII85
# (/Filter [/ASCII85Decode /FlateDecode]), text for 7-bit channels that a PDF file, a
# binary file, does not need; it made each page's stream a quarter bigger (~0.75 KB a
# notice) and cost an encoding pass. reportlab reads the setting as it writes each
# page, and this is the process's only PDF writer (flate.py: the level this allowed).
rl_config.useA85 = 0


def page_size(doc: m.Document) -> tuple[float, float]:
    return landscape(A4) if doc.orientation == "landscape" else A4


def document_settings(title: str, author: str, subject: str, margins, body: ParagraphStyle) -> dict:
    """What every PDF of the project carries, for any doc template: the margins, the
    metadata shown in the viewer, /Lang, byte-identical output, and a canvas that
    starts in the body font (else reportlab names an unembedded Helvetica)."""
    return dict(leftMargin=margins.left * mm, rightMargin=margins.right * mm, topMargin=margins.top * mm,
                bottomMargin=margins.bottom * mm, title=title, author=author, subject=subject,
                creator="jpdocs", lang="ja-JP", displayDocTitle=True, invariant=1,
                initialFontName=body.fontName, initialFontSize=body.fontSize)


class _Template(Placing, SimpleDocTemplate):
    def addPageTemplates(self, templates):
        super().addPageTemplates(templates)
        use_text_frames(self)            # (SimpleDocTemplate.build makes its frame itself)

    def build(self, *args, **kwargs):
        try:
            super().build(*args, **kwargs)
        finally:
            # reportlab's namespace for evaluating text in a document holds the
            # template itself, which holds everything the build made: a cycle of it
            # all, left to the cycle collector. Nothing evaluates in it after the build.
            self._nameSpace = {}


def doc_template(doc: m.Document, style: HouseStyle, buf, builder) -> SimpleDocTemplate:
    """The page set-up: A4 in the document's orientation, the house margins of its kind;
    an agreement two pages to an A3 sheet where the house prints it so (sheet.py)."""
    settings = document_settings(doc.title, doc.author, doc.subject, style.page.margins_for(doc.kind),
                                 builder.styles["body"])
    if doc.kind == "agreement" and style.agreement.pages_per_sheet == 2:
        return SheetTemplate(buf, **{**settings, "lang": doc.lang})
    return _Template(buf, pagesize=page_size(doc), **{**settings, "lang": doc.lang})


def text_width(template: SimpleDocTemplate) -> float:
    """The width paragraphs wrap to: the frame SimpleDocTemplate makes has 6pt of
    padding on each side, inside the margins; tables take this width too, so that
    their right edge is the text's."""
    return template.width - 2 * _FRAME_PAD


_ID = re.compile(rb"\[<([0-9a-fA-F]{32})><\1>\]")
_BLANK_ID = b"[<" + b"0" * 32 + b"><" + b"0" * 32 + b">]"


def content_id(pdf: bytes) -> bytes:
    """Replace the metadata-derived /ID by a digest of the file's content (same
    length, so the cross-reference offsets stay right): the SHA-256 of the file with
    the /ID zeroed, its first 16 bytes. The file comes back with its own SHA-256,
    which the folder's manifest records (digested.py)."""
    # the /ID is the trailer's, at the file's end: looked for from the last "trailer"
    # on first, not from the start (the pattern begins "[<", as the pages' text arrays
    # do: a search of the whole file tried it at each, ~0.3 M instructions a notice)
    found = _ID.search(pdf, max(pdf.rfind(b"trailer"), 0)) or _ID.search(pdf)
    if not found:
        return pdf
    # Both digests (the /ID, and the manifest's SHA-256 of the file as written) begin
    # with the file up to its /ID, nearly all of it: hashed once, through a view (a
    # copy is about an instruction a byte), each finished from its own copy of that
    # state (a copy's digest is that of those bytes followed by what it is given).
    # One SHA-256 pass where an MD5 and a SHA-256 were made: a notice's 0.53 → 0.17 ms
    # here (OpenSSL uses the processor's SHA instructions), 0.54 M instructions fewer
    # under callgrind (which hides those instructions: SHA-256 counts 3 times MD5's).
    start, end = found.span()
    view = memoryview(pdf)
    head = sha256(view[:start])
    content = head.copy()
    content.update(_BLANK_ID)
    content.update(view[end:])
    digest = content.hexdigest()[:32].encode()
    new_id = b"".join((b"[<", digest, b"><", digest, b">]"))
    head.update(new_id)
    head.update(view[end:])
    return digested(b"".join((view[:start], new_id, view[end:])), head.hexdigest())
