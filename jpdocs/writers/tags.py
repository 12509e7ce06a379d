"""Tagged PDF (PDF/UA-1) for reportlab, which has no tagging of its own.

The structure comes from the document model, not from the page: the PDF builder
(pdf.py) makes one `Node` per block as it turns the blocks into flowables (H1, P,
L/LI/Lbl/LBody, Table/TR/TH/TD, Figure …) and hangs it on the flowable that draws
it. While drawing, `TaggingCanvas` wraps what a tagged flowable draws in a
marked-content sequence with an MCID (`/P <</MCID 3>> BDC … EMC`) and everything
else — rules, boxes, shading, page numbers, the 写 and 正本 marks, a repeated table
head — in `/Artifact BMC … EMC`: every page's content starts as an artifact and
only a tagged flowable interrupts it, so nothing can be left neither tagged nor
artifact. Text is marked inside its text object (BT … ET), never across it.

At `save()` the canvas writes the structure tree, the parent tree, /StructParents
and /Tabs /S on every page, /MarkInfo and an XMP packet with dc:title and
pdfuaid:part 1, as reportlab objects of the same file: no second pass over the
bytes (pypdf or pikepdf would parse and rewrite the whole file again, several
times the cost of the tagging itself), and the bytes stay deterministic.

The marks of a drawing are kept by the canvas, not by the nodes, because the
annual book is drawn several times (multiBuild) from the same story.
"""
from __future__ import annotations

from functools import partial
from itertools import repeat

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObjectReference, PDFStream

from .canvas_state import StateCanvas
from .pdffile import FastDocument, Info, dictionary_bytes, references, register
from .textout import FastText, Placed


def escape(text: str) -> str:
    """`text` with &, > and < written as XML's entities, in that order, as
    xml.sax.saxutils.escape writes them: without importing xml.sax and its parser
    interfaces for it (~5 M instructions of a cold start)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")

# Roles whose element stays in the tree even with nothing drawn in it: a table keeps
# its shape (an empty cell is still a cell of its row and column).
_CELLS = ("TD", "TH")


class Node:
    """One structure element: `role` (a standard structure type), its kids in
    reading order, and what the writer knows of it (alternate text, attributes)."""
    __slots__ = ("role", "kids", "alt", "attrs", "title", "own_first", "note", "lang")

    def __init__(self, role: str, parent: "Node | None" = None, alt: str | None = None,
                 attrs: dict | None = None, title: str | None = None, note: str | None = None,
                 lang: str | None = None):
        self.role, self.kids, self.alt, self.attrs, self.title = role, [], alt, attrs, title
        self.lang = lang                 # /Lang where the element's language is not the document's (en)
        self.note = note                 # a Link's text, for its annotation's /Contents
        self.own_first = False           # its own content before its kids (never needed yet)
        if parent is not None:
            parent.kids.append(self)

    def add(self, role: str, **kw) -> "Node":
        return Node(role, self, **kw)

    def __repr__(self):
        return f"Node({self.role}, {len(self.kids)} kids)"


def tag(flowable, node: Node | None, label: Node | None = None):
    """Hang `node` (and the Lbl of its number or bullet) on a flowable."""
    flowable.jp_node, flowable.jp_label = node, label
    return flowable


# ------------------------------------------------------------------ XMP
def xmp_packet(title: str, author: str, subject: str, lang: str, extra: str = "", ua: bool = True) -> bytes:
    """The XMP PDF/UA-1 asks for: dc:title (shown by the viewer), pdfuaid:part 1,
    with the pdfuaid schema declared as PDF/A wants for a property it does not
    predefine. `extra` adds properties (pdfa.py's pdfaid and dates); `ua=False`
    leaves out the PDF/UA claim (a release with pages of other PDFs). No subject, no
    dc:description: the Info dictionary has no /Subject then (pdffile.py), and PDF/A
    wants the two to agree."""
    def alt(text):
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'
    description = f"   <dc:description>{alt(subject)}</dc:description>\n" if subject else ""
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
{"   <pdfuaid:part>1</pdfuaid:part>" if ua else ""}
   <dc:format>application/pdf</dc:format>
   <dc:title>{alt(title)}</dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>
{description}   <dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>{extra}
  </rdf:Description>
  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Indicates which part of ISO 14289 the file follows</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
"""
    return body.encode("utf-8")


class _TaggedLink(pdfdoc.LinkAnnotation):
    permitted = pdfdoc.LinkAnnotation.permitted + ("StructParent",)


class _Late(pdfdoc.PDFObject):
    """A number known only when the tree is written (an annotation's parent-tree key)."""
    value = 0

    def format(self, document):
        return str(self.value).encode()


class _PlainStream(PDFStream):
    """A stream written as it is, with no /Filter entry at all (reportlab writes an
    empty /Filter [] for no filters, which readers of the metadata do not accept);
    it ends with an end-of-line before `endstream`, as PDF/A wants."""

    def format(self, document):
        content = document.encrypt.encode(self.content)
        d = PDFDictionary(dict(self.dictionary.dict, Length=len(content)))
        return dictionary_bytes(d, document) + b"\nstream\n" + content + b"endstream\n"


# ------------------------------------------------------------------ the canvas
class _TaggedText(FastText):
    """A text object that switches from the Lbl of a numbered paragraph (第１条, ２)
    to the rest of its text once the label's characters are out."""
    jp_switch = None                     # (characters left of the label, node after it)
    jp_tagged = False                    # (a class default: drawText's getattr finds it without an exception)
    jp_runs = None                       # this line's runs written, with their fonts: for _linkRecord
    jp_line_end = False                  # the line is out (T*): the next run begins another

    def _textOut(self, text, TStar=0):
        super()._textOut(text, TStar)
        if text:
            runs = self.jp_runs
            if runs is None or self.jp_line_end:
                runs = self.jp_runs = []
                self.jp_line_end = False
            runs.append((text, self._fontname, self._fontsize))
        if TStar:
            self.jp_line_end = True
        if self.jp_switch and text:
            self.jp_after(len(text))

    def _linkRecord(self, key, what):
        """reportlab's drawing of a line calls this where a link starts (after its first
        run is written) and ends (before the next run is, or after the line's last):
        reportlab places the link's edges by the runs' widths by the font, which leave
        out what the composer adds to or takes from them (和欧間, compression,
        justification: a Placed run's glyphs' advances). Here each edge is moved by that
        difference over the line's runs before it, and takes in the whole box of a first
        glyph shifted left or a last one compressed (a closing bracket at the line's
        end set in part of its width still draws its full box)."""
        runs = self.jp_runs
        if not runs:
            return
        links = self.XtraState.links
        if what == "start":
            shift = self._jp_gain(runs[:-1])
            text, _, size = runs[-1]
            if type(text) is Placed:
                shift += min(0.0, text.off[0] * size / 1000)
            if shift:
                (link, x), lo, hi = links[key]
                links[key] = (link, x + shift), lo, hi
        else:
            shift = self._jp_reach(runs)
            if shift:
                start, x = links[key]
                links[key] = start, x + shift

    def jp_drawn_end(self, x: float) -> float:
        """Where the text of the line being drawn ends (its last glyph's whole box), `x`
        being where reportlab's drawing puts it: the annual book's contents start their
        leader there (annual/pdf.py), not over a title's last glyphs."""
        return x if self.jp_line_end or not self.jp_runs else x + self._jp_reach(self.jp_runs)

    def _jp_reach(self, runs) -> float:
        """How much further the runs reach as drawn than by the fonts' widths: their
        advances, and the rest of the last glyph's box where it is compressed."""
        text, _, size = runs[-1]
        reach = max(0.0, (text.nat[-1] + text.off[-1] - text.adv[-1]) * size / 1000) if type(text) is Placed else 0.0
        return self._jp_gain(runs) + reach

    def _jp_gain(self, runs) -> float:
        """How much wider the runs are drawn than the font's widths measure them."""
        width = self._canvas.stringWidth
        return sum(sum(text.adv) * size / 1000 - width(text, name, size)
                   for text, name, size in runs if type(text) is Placed)

    def jp_after(self, count: int):
        """`count` more characters are out (drawing.py calls this after each run it
        writes): past the label, the text's own element begins. The switch left, or None."""
        left, node = self.jp_switch
        left -= count
        if left > 0:
            self.jp_switch = (left, node)
        else:
            self.jp_switch = None
            self._code.append(f"EMC /{node.role} <</MCID {self._canvas.jp_mcid(node)}>> BDC")
            # (a link after the label, a numbered paragraph's, is the Link's: _addAnnotation)
            self._canvas.jp_current = node
        return self.jp_switch


class TaggingCanvas(StateCanvas):
    """A canvas that marks what tagged flowables draw and writes the structure tree.
    `jp_tree` is the Document node (given by `tagging_canvas`)."""
    jp_tree: Node | None = None
    jp_forms: bool = False               # keep the (empty) Form elements for signature fields
    # reportlab sets _curr_tx_info on the canvas while a line of a paragraph with
    # index entries is drawn, and deletes it after; beginText asks for it for every
    # text object, and a default here answers without raising an AttributeError
    _curr_tx_info = None

    def __init__(self, *args, jp_tree: Node | None = None, jp_forms: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.jp_tree, self.jp_forms = jp_tree, jp_forms
        self.jp_marks: dict[int, list[tuple[int, int]]] = {}   # id(node) → [(page, mcid)]
        self.jp_by_page: list[list[Node]] = []                 # page → node of each MCID
        self.jp_queue: list[tuple[Node, tuple | None]] = []    # nodes for the next text objects
        self.jp_seen: dict[int, object] = {}                   # flowables drawn already (kept alive,
                                                               # so that no new one takes an old id)
        self.jp_open = 0
        self.jp_current = None                                 # the node whose text is being set
        self.jp_annots: list = []                              # (annotation, its key, node, page)

    def _addAnnotation(self, annotation, name=None, addtopage=1):
        """A link in a tagged text (a table of contents entry) belongs to its Link
        element: /Contents says where it goes, /StructParent finds the element."""
        node = self.jp_current
        if node and node.role == "Link" and isinstance(annotation, pdfdoc.LinkAnnotation):
            key = _Late()
            annotation.__class__ = _TaggedLink
            annotation.Contents = node.note or ""
            annotation.otherkw["StructParent"] = key
            super()._addAnnotation(annotation, name, addtopage)
            self.jp_annots.append((annotation, key, node, self._pageNumber - 1))
        elif node and node.role == "Link" and isinstance(annotation, pdfdoc.PDFDictionary):
            # a link to a web address (canvas.linkURL: a linked document's line) likewise
            key = _Late()
            annotation["Contents"] = pdfdoc.PDFString(node.note or "")
            annotation["StructParent"] = key
            super()._addAnnotation(annotation, name, addtopage)
            self.jp_annots.append((annotation, key, node, self._pageNumber - 1))
        else:
            super()._addAnnotation(annotation, name, addtopage)

    # -- MCIDs
    def jp_mcid(self, node: Node) -> int:
        page = self._pageNumber - 1
        while len(self.jp_by_page) <= page:
            self.jp_by_page.append([])
        mcid = len(self.jp_by_page[page])
        self.jp_by_page[page].append(node)
        self.jp_marks.setdefault(id(node), []).append((page, mcid))
        return mcid

    def jp_first_draw(self, flowable) -> bool:
        """False when this flowable was drawn before on this canvas: a table head
        repeated on the next page is pagination, an artifact, not content again."""
        key = id(flowable)
        if key in self.jp_seen:
            return False
        self.jp_seen[key] = flowable
        return True

    # -- graphics (a figure): marked on the page's content
    def jp_begin(self, node: Node) -> None:
        self._code.append(f"EMC /{node.role} <</MCID {self.jp_mcid(node)}>> BDC")
        self.jp_open += 1

    def jp_end(self) -> None:
        self.jp_open -= 1
        self._code.append("EMC /Artifact BMC")

    # -- text: marked inside its text object
    def jp_text(self, *entries: tuple[Node, tuple | None]) -> None:
        """The next text objects begun belong to these nodes, in order; an entry's
        second part (characters, node) switches to another node after the label."""
        self.jp_queue = list(entries)

    def beginText(self, x=0, y=0, direction=None):
        # (direction passed by position: a keyword makes the class call build a dict)
        t = _TaggedText(self, x, y, direction)
        if self.jp_queue and getattr(self, "_curr_tx_info", None) is None and not self.jp_open:
            node, switch = self.jp_queue.pop(0)
            t._code.append(f"/{node.role} <</MCID {self.jp_mcid(node)}>> BDC")
            t.jp_tagged, t.jp_switch = True, switch
            self.jp_current = node
        return t

    def drawText(self, t):
        # Canvas.drawText's one line, `self._code.append(str(t.getCode()))`, written
        # here: no class between this one and Canvas draws text, and a text object's
        # getCode is a str; the super() call and the two calls under it were ~2,900
        # instructions of every text object (~40 a notice). tests/test_text_begun.py
        # builds a spec with reportlab's drawText and compares the bytes.
        if getattr(t, "jp_tagged", False):
            t.jp_tagged = self.jp_current = False
            t._code.append("EMC")
            self._code.append("EMC")
            self._code.append(t.getCode())
            self._code.append("/Artifact BMC")
        else:
            self._code.append(t.getCode())

    # -- pages
    def showPage(self):
        """Close the page: all of it that is not tagged is an artifact."""
        self.jp_queue = []
        self._code.insert(0, "/Artifact BMC")
        self._code.append("EMC")
        super().showPage()
        page = self._doc.Pages.pages[-1]
        page.__NoDefault__ = list(page.__NoDefault__) + ["StructParents", "Tabs"]
        page.StructParents = len(self._doc.Pages.pages) - 1
        page.Tabs = PDFName("S")

    def save(self):
        if self.jp_tree is not None:
            write_tree(self)
        if type(self._doc) is pdfdoc.PDFDocument:
            self._doc.__class__ = FastDocument     # the same file, written faster (pdffile.py)
        if type(self._doc.info) is pdfdoc.PDFInfo:
            self._doc.info.__class__ = Info         # no empty /Subject, in either writer (pdffile.py)
        super().save()


def tagging_canvas(tree: Node, forms: bool = False):
    """The canvas maker for one document whose structure is `tree`: the class with
    the document's own values, not a class made per document (a class is a cycle
    of references, and everything the canvas held waited for the cycle collector)."""
    return partial(TaggingCanvas, jp_tree=tree, jp_forms=forms)


# ------------------------------------------------------------------ the tree
def _in_order(root: Node, marked: dict, linked: dict, forms: bool) -> list[tuple[Node, int]]:
    """The elements in reading order, each with its parent's place in it (-1: the tree's
    root): the root, and under it each node of which anything was drawn (marked
    content, keyed by the node's id, or a link), or that is a Form kept for a field, or
    has such a node under it; a row that is kept keeps all its cells. One walk, which
    adds a node where it meets it and takes it out again (with what it added under
    it) where nothing of it was drawn, where a walk found the nodes kept and a second
    put them in order."""
    order = [(root, -1)]
    for kid in root.kids:
        if not _add_kept(kid, 0, marked, linked, forms, order) and kid.role in _CELLS:
            _add_cells(kid, 0, order)
    return order


def _add_kept(node: Node, parent: int, marked: dict, linked: dict, forms: bool, order: list) -> bool:
    """`node` and what is kept under it added to `order` if anything of it was drawn
    (True); else nothing (False)."""
    here = len(order)
    order.append((node, parent))
    drawn = id(node) in marked or node in linked or (forms and node.role == "Form")
    for kid in node.kids:
        if _add_kept(kid, here, marked, linked, forms, order):
            drawn = True
        elif kid.role in _CELLS:
            _add_cells(kid, here, order)
    if not drawn:
        del order[here:]
    return drawn


def _add_cells(cell: Node, parent: int, order: list) -> None:
    """A cell of which nothing was drawn, in a row that is kept (an empty cell is still
    a cell of its row and column), with the cells under it."""
    here = len(order)
    order.append((cell, parent))
    for kid in cell.kids:
        if kid.role in _CELLS:
            _add_cells(kid, here, order)


def _text(value: str) -> str:
    """A PDF text string: UTF-16BE with its byte-order mark, in hex."""
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"


_MCIDS = [str(i) for i in range(1000)]    # a marked-content id as the tree writes it (most pages have fewer)


def _element_head(role: str) -> str:
    return f"<</Type/StructElem/S/{role}/P "


_ROLES: dict[str, tuple[str, int | None]] = {}   # a role → its element's text up to the parent's
                                                  # reference, and its heading level (None: not one)
_NAMES: list[str] = []                    # the elements' internal names, jpSE1, jpSE2 … (spelled once)


def _role(role: str) -> tuple[str, int | None]:
    """_ROLES[role], made where first asked for (the roles are the writer's own: a few dozen)."""
    made = _ROLES.get(role)
    if made is None:
        level = int(role[1]) if len(role) == 2 and role[0] == "H" and role[1].isdigit() else None
        made = _ROLES[role] = (_element_head(role), level)
    return made


def _element_names(count: int) -> list[str]:
    if len(_NAMES) < count:
        _NAMES.extend(map("jpSE%d".__mod__, range(len(_NAMES) + 1, count + 1)))
    return _NAMES[:count]


def _element_texts(order: list, refs: list[str], pages: list[str], marks: dict,
                   objrs: dict) -> tuple[list[str], list[tuple[bytes, str, str]], dict]:
    """Each element's text, in `order`, with `refs` the elements' references and then
    the tree root's (refs[-1], the parent of the top element); and the Forms' IDs
    (a Form's /ID, its element's name, its reference); and each node's reference.

    Most elements are one of two shapes: a paragraph's (one marked content on its
    page, no kids, nothing else) and a group's (kids, nothing else); each is
    formatted at once (one f-string, the same text the general way joins from its
    parts, `_element_text`). Anything else goes the general way."""
    ref_of = dict(zip([node for node, _ in order], refs))     # a node → its element's reference
    texts: list[str] = []
    ids: list[tuple[bytes, str, str]] = []
    # Headings never skip a level (PDF/UA): a heading deeper than the one before it
    # by more than one is read one level below it (the notice's 記者発表内容 under
    # no title is H1). A heading under one of a shallower level (its parent: a
    # section's part under the section's heading) is read one level below its
    # parent as read, so that parts of one section are read at one level, the first
    # as the others.
    last = 0
    parents: list[tuple[int, int]] = []      # (level given, level read) of the headings above
    roles, mcids, append = _ROLES, _MCIDS, texts.append
    for i, (node, parent) in enumerate(order):
        head, level = roles.get(node.role) or _role(node.role)
        if level is not None:
            while parents and parents[-1][0] >= level:
                parents.pop()
            last = min(level, (parents[-1][1] if parents else last) + 1)
            parents.append((level, last))
            head = _role(f"H{last}")[0]
        # (its kids' references looked up in C; a kid not kept has none)
        kids = list(filter(None, map(ref_of.get, node.kids))) if node.kids else None
        own = marks.get(id(node))
        if node.attrs or node.alt is not None or node.title is not None or node.lang is not None or \
                node in objrs:
            pass
        elif own is None:
            if kids:
                append(f"{head}{refs[parent]}/K [{' '.join(kids)} ]>>")
                continue
        elif not kids and len(own) == 1 and own[0][1] < 1000:
            append(f"{head}{refs[parent]}/Pg {pages[own[0][0]]}/K [{mcids[own[0][1]]} ]>>")
            continue
        append(_element_text(node, i, head, refs, parent, kids or [], own, pages, objrs, ids))
    return texts, ids, ref_of


def _element_text(node: Node, i: int, head: str, refs: list[str], parent: int, kids: list[str],
                  own: list | None, pages: list[str], objrs: dict, ids: list) -> str:
    """An element's text, the general way: its head, its parent's reference, and only
    the entries it has."""
    if own:
        first = own[0][0]
        if len(own) == 1 and own[0][1] < 1000:
            content = [_MCIDS[own[0][1]]]
        else:
            content = [str(mcid) if page == first else f"<</Type/MCR/Pg {pages[page]}/MCID {mcid}>>"
                       for page, mcid in own]
        kids = content + kids if node.own_first else kids + content
        data = [head, refs[parent], "/Pg ", pages[first]]
    else:
        data = [head, refs[parent]]
    if node in objrs:
        kids += objrs[node]
    if kids:
        data += ("/K [", " ".join(kids), " ]")
    if node.lang is not None:
        data += ("/Lang ", _text(node.lang))
    if node.alt is not None:
        data += ("/Alt ", _text(node.alt))
    if node.title is not None:
        data += ("/T ", _text(node.title))
        if node.role == "Form":
            # found by its ID when the field is added (signing.py), without reading the tree
            key = b"field:" + node.title.encode("utf-8")
            ids.append((key, f"jpSE{i + 1}", refs[i]))
            data.append(f"/ID <{key.hex().upper()}>")
    if node.attrs:
        data += ("/A <<", "".join([f"/{k}/{v}" if isinstance(v, str) else f"/{k} {v}"
                                   for k, v in node.attrs.items()]), ">>")
    data.append(">>")
    return "".join(data)


def _tree_objects(canv: TaggingCanvas, order: list, refs: list[str], pages: list[str], objrs: dict) -> list[bytes]:
    """The tree's objects as their bytes, given their references (`refs`: the
    elements', in `order`, then the parent tree's and the tree root's): the
    elements, the parent tree (each page's marked contents' elements, then each
    link's) and the tree's root."""
    *refs, parent_tree_ref, root_ref = refs
    texts, ids, ref_of = _element_texts(order, refs + [root_ref], pages, canv.jp_marks, objrs)
    nums = ["<</Nums ["]
    by_page = canv.jp_by_page
    for i in range(len(pages)):
        nums.append(f"{i} [")
        if i < len(by_page) and by_page[i]:
            nums += (" ".join(map(ref_of.__getitem__, by_page[i])), " ")
        nums.append("] ")
    for annot, key, node, page in canv.jp_annots:
        nums.append(f"{key.value} {ref_of[node]} ")
    nums.append("]>>")
    top = [f"<</Type/StructTreeRoot/K {refs[0]}/ParentTree {parent_tree_ref}"
           f"/ParentTreeNextKey {len(pages) + len(canv.jp_annots)}"]
    if ids:
        top.append("/IDTree <</Names [")
        top += [f"<{key.hex().upper()}> {element} " for key, _, element in sorted(ids)]
        top.append("]>>")
    top.append(">>")
    texts += ("".join(nums), "".join(top))
    return list(map(str.encode, texts, repeat("latin-1")))


def write_tree(canv: TaggingCanvas) -> None:
    """The structure tree, parent tree and catalog entries, into the canvas's document.

    The objects are numbered in the order the file writes them (the elements in
    reading order, the parent tree, the tree's root), so that each is made here at
    once as its final bytes, its references spelled with the numbers reportlab gives
    them, and registered as those bytes, together (pdffile.register): a notice has
    some 60 elements, and making each a list of parts resolved when the file is
    written took half as much again (2.7 against 1.8 M instructions a notice). An
    element is its role's head (remembered per role), its parent's reference, and
    only the entries it has: most are a paragraph's /Pg and one MCID, or a group's
    kids (`_element_texts`). The tree went from 1.31 to 1.04 M instructions a warm
    notice with the one walk, the two shapes formatted at once and the elements made
    with their bytes; to ~0.85 M with the bytes registered as they are, not each
    wrapped in an object of its own (a Python call each) whose name register set."""
    doc = canv._doc
    numbers = doc.idToObjectNumberAndVersion

    def ref(name: str) -> str:
        return "%d %d R" % numbers[name]
    marks, root = canv.jp_marks, canv.jp_tree
    pages = [ref(p.__InternalName__) for p in doc.Pages.pages]
    pages_count = len(pages)
    # The nodes themselves key the tree's own tables (a node's hash is its identity):
    # an id() is a new int each time, and a dictionary compares it to its key again
    # (the drawing's marks stay keyed by id, as the canvas keeps them).
    objrs: dict[Node, list[str]] = {}    # a node → its links' object references
    for k, (annot, key, node, page) in enumerate(canv.jp_annots):
        key.value = pages_count + k
        objrs.setdefault(node, []).append(f"<</Type/OBJR/Obj {ref(annot.__InternalName__)}/Pg {pages[page]}>>")
    order = _in_order(root, marks, objrs, canv.jp_forms)
    count = len(order)
    names = _element_names(count) + ["jpParentTree", "jpStructTreeRoot"]
    # The objects are made before they are registered, with the numbers `register`
    # gives a run of new objects (the next ones, in order), so that each is made
    # with its bytes (the texts encoded in a C pass, not one by one); a document
    # that numbers them otherwise has them made again (in the same list, which a
    # run registered keeps).
    predicted = references(doc.objectcounter + 1, count + 2)
    objects = _tree_objects(canv, order, predicted, pages, objrs)
    given = register(doc, objects, names)
    if given != predicted:
        objects[:] = _tree_objects(canv, order, given, pages, objrs)
        doc.idToObject.update(zip(names, objects))
    cat = doc.Catalog
    cat.StructTreeRoot = PDFObjectReference("jpStructTreeRoot")
    cat.MarkInfo = PDFDictionary({"Marked": "true"})
    info = doc.info

    def text(value) -> str:
        value = getattr(value, "s", value) or ""
        return value.decode("utf-8") if isinstance(value, bytes) else str(value)
    xmp = _PlainStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                       xmp_packet(text(info.title), text(info.author), text(info.subject), text(cat.Lang) or "ja-JP"))
    cat.Metadata = doc.Reference(xmp, "jpMetadata")
