"""The XML parts a document's copy of a prepared package (package.py) shares with
it until the document changes them, and the document's styles as the writer reads
and adds to them (`stylesheet`).

Most of a package's parts are the same in every document made from it: the
settings, the footers, an empty numbering, and all the styles but the few each
document adds at the end (styles.py: 本文（字下げ）, 項; paragraphs.py: 表題（明朝）).
Copying each of their trees for every document, and serialising the copies again
to save them, was a tenth of a notice's DOCX. So in a copy such a part is
`unread`: its tree is copied from the prepared one the first time anything asks
for it (python-docx's `element`, `document.styles`, …), and until then its XML is
the prepared part's, serialised once.

The styles part (KeptStylesPart) goes further, since every document reads its
styles and adds some: look-ups (`find`, `names`, `spacing`) read the prepared tree,
shared and never changed, through tables made once; the styles a document adds go
into an empty styles element of its own (a copy of the root: the same namespace
declarations), and the part's XML is the prepared XML with theirs spliced in
before its end tag, which is what serialising the whole tree with them appended
gives. A prepared style a document changes (an agreement's 条見出し gets its
numbering, a heading its next: `own`) is a copy of the document's, and its XML
takes the place of the prepared style's in the part's (KeptStyles.span): reading
and writing the whole tree again cost a notice's DOCX half as much again as all
the rest of its writing. Where the splice cannot be made, the document gets the
whole tree, with the styles it added and changed.
`Stylesheet` is the long way, over a document's own styles element.
"""
from __future__ import annotations

from docx.opc.oxml import serialize_part_xml
from docx.opc.part import Part
from docx.parts.styles import StylesPart
from docx.oxml.ns import nsmap
from lxml import etree

from ..ooxml import qn, sub

STYLE, STYLE_ID, NAME, BASED_ON, VAL = qn("w:style"), qn("w:styleId"), qn("w:name"), qn("w:basedOn"), qn("w:val")
STYLE_SPACING = f"{qn('w:pPr')}/{qn('w:spacing')}"
_STYLE_NAMES = etree.XPath("w:style/w:name/@w:val", namespaces={"w": nsmap["w"]}, smart_strings=False)
_STYLE_COUNT = etree.XPath("count(w:style)", namespaces={"w": nsmap["w"]})


def _chain(style_id, find, limit: int = 20) -> list:
    """The style and its bases, nearest first (at most `limit`: a loop of bases ends)."""
    chain = []
    st = find(style_id)
    while st is not None and len(chain) < limit:
        chain.append(st)
        based = st.find(BASED_ON)
        st = find(based.get(VAL) if based is not None else None)
    return chain


def _spacing(chain, out: dict | None = None) -> dict:
    """The spacing the styles of `chain` give, over `out`: the nearest's wins."""
    out = dict(out or {})
    for st in reversed(chain):
        sp = st.find(STYLE_SPACING)
        if sp is not None:
            out.update(sp.attrib)
    return out


def spacing_of(style_id, find) -> dict:
    """The spacing a style gives (its own over its bases'); `find` gives a style by id."""
    return _spacing(_chain(style_id, find))


def style_name(st) -> str | None:
    name = st.find(NAME)
    return name.get(VAL) if name is not None else None


class Stylesheet:
    """A styles element's styles, looked up by id (the last of an id, as a dict of them
    keeps it), their names, the spacing each gives; styles added at its end."""

    def __init__(self, element):
        self.element = element
        self._by_id = {st.get(STYLE_ID): st for st in element.iterchildren(STYLE)}

    def find(self, style_id):
        return self._by_id.get(style_id)

    def names(self) -> set:
        """The names of the styles: read in one XPath call where each style has an id
        of its own (always, but for a reference made by hand)."""
        if _STYLE_COUNT(self.element) == len(self._by_id):
            return set(_STYLE_NAMES(self.element))
        return {name for name in map(style_name, self._by_id.values()) if name is not None}

    def spacing(self, style_id: str) -> dict:
        return spacing_of(style_id, self.find)

    def own(self, style_id: str):
        """The style, to change (the document's own)."""
        return self.find(style_id)

    def new_style(self, **attrs):
        """A new w:style at the end, to be filled in (its id given here)."""
        st = sub(self.element, "style", **attrs)
        self._by_id[st.get(STYLE_ID)] = st
        return st

    def add(self, st) -> None:
        self.element.append(st)
        self._by_id[st.get(STYLE_ID)] = st


def stylesheet(document_part) -> Stylesheet:
    """The styles of the document `document_part` belongs to."""
    styles_part = document_part._styles_part        # python-docx's: made when a document has none
    if isinstance(styles_part, KeptStylesPart):
        return styles_part
    return Stylesheet(styles_part.element)


class Unread:
    """A copy's XML part read from the prepared part only when asked for (see above).
    Made by `unread`; `_kept` is the prepared part's tree, `_kept_blob` its XML."""

    def __getattr__(self, name):
        # only for what the part's class sets up from its tree (XmlPart: _element,
        # SettingsPart: _settings), and only until then
        if name not in ("_element", "_settings") or "_element" in self.__dict__:
            raise AttributeError(name)
        self._read()
        return self.__dict__[name]

    def _read(self):
        """The prepared tree copied, and the part set up from it as its class does."""
        self._part_class.__init__(self, self._partname, self._content_type, self._kept.__copy__(), self._package)

    @property
    def blob(self) -> bytes:
        return serialize_part_xml(self._element) if "_element" in self.__dict__ else self._kept_blob


_UNREAD: dict[type, type] = {}


def unread(cls: type, partname, content_type: str, kept, kept_blob: bytes, package) -> Part:
    """A part of class `cls` whose tree is `kept`'s copy, made when first asked for."""
    made = _UNREAD.get(cls)
    if made is None:
        made = _UNREAD[cls] = type(f"Unread{cls.__name__}", (Unread, cls), {"_part_class": cls})
    part = made.__new__(made)
    Part.__init__(part, partname, content_type, package=package)
    part._kept, part._kept_blob = kept, kept_blob
    return part


class KeptStyles:
    """A prepared styles part's tree and what its documents look up in it, made once:
    its styles by id, their names, the spacing each gives, its XML around its
    children (`head`, `end`: the splice above) and an empty copy of its root.
    `usable`: whether the splice gives the tree's XML (checked here on the tree
    itself) and every style has an id of its own."""

    def __init__(self, element):
        self.element = element
        self.blob = serialize_part_xml(element)
        sheet = Stylesheet(element)
        self.by_id = sheet._by_id
        self.names = frozenset(sheet.names())
        chains = {style_id: _chain(style_id, sheet.find) for style_id in self.by_id}
        self.spacing = {style_id: _spacing(chain) for style_id, chain in chains.items()}
        self.chain_length = {style_id: len(chain) for style_id, chain in chains.items()}
        self.root = element.__copy__()
        self.root.text = None
        for child in list(self.root):
            self.root.remove(child)
        probe = self.root.__copy__()                      # the root with one empty style: its XML around it
        etree.SubElement(probe, STYLE)
        probe_blob, mark = serialize_part_xml(probe), f"<{element.prefix}:style/>".encode()
        cut = probe_blob.find(mark)
        self.head, self.end = probe_blob[:cut], probe_blob[cut + len(mark):]
        self.usable = (cut > 0 and self.blob.startswith(self.head) and self.blob.endswith(self.end)
                       and _STYLE_COUNT(element) == len(self.by_id))
        self._spans: dict = {}

    def alone(self, st) -> bytes | None:
        """The XML of `st`, the only child of a copy of the root, as it stands in the
        part's XML (None where the splice's ends are not found around it)."""
        blob = serialize_part_xml(st.getparent())
        if not (blob.startswith(self.head) and blob.endswith(self.end)):
            return None
        return blob[len(self.head):-len(self.end)]

    def span(self, style_id: str) -> tuple[int, int] | None:
        """Where the prepared style `style_id`'s XML stands in the part's, found once:
        its XML made alone must occur there exactly once (None where it does not)."""
        if style_id not in self._spans:
            found = None
            if self.usable and style_id in self.by_id:
                probe = self.root.__copy__()
                probe.append(self.by_id[style_id].__copy__())
                piece = self.alone(probe[0])
                at = self.blob.find(piece) if piece else -1
                if at > 0 and self.blob.find(piece, at + 1) < 0:
                    found = (at, at + len(piece))
            self._spans[style_id] = found
        return self._spans[style_id]


class KeptStylesPart(Unread, StylesPart):
    """A copy's styles part (see above): unread until a style it did not add must change."""
    _part_class = StylesPart

    def __init__(self, partname, content_type: str, kept: KeptStyles, package):
        Part.__init__(self, partname, content_type, package=package)
        self._kept, self._kept_blob, self._facts = kept.element, kept.blob, kept
        self._root, self._added = None, []                 # the document's own styles element, its styles
        self._changed: dict = {}                           # prepared styles changed: id → the document's copy

    def _read(self) -> None:
        super()._read()
        for style_id, st in self._changed.items():         # the changed copies take their styles' places
            prepared = next(el for el in self._element.iterchildren(STYLE) if el.get(STYLE_ID) == style_id)
            prepared.getparent().replace(prepared, st)
        if self._added:                                    # the document's styles move to the whole tree
            self._element.extend(self._added)
        self._root, self._sheet, self._changed = None, Stylesheet(self._element), {}

    def _read_sheet(self) -> Stylesheet | None:
        return self._sheet if "_element" in self.__dict__ else None

    def find(self, style_id):
        sheet = self._read_sheet()
        if sheet is not None:
            return sheet.find(style_id)
        for st in reversed(self._added):
            if st.get(STYLE_ID) == style_id:
                return st
        changed = self._changed.get(style_id)
        return changed if changed is not None else self._facts.by_id.get(style_id)

    def names(self) -> set:
        sheet = self._read_sheet()
        ids = [st.get(STYLE_ID) for st in self._added]
        if sheet is None and self._facts.usable and len(set(ids)) == len(ids) \
                and not any(i in self._facts.by_id for i in ids):
            prepared = self._facts.names
            if self._changed:                              # (a changed copy may have been renamed)
                prepared = map(style_name, (self._changed.get(i, st) for i, st in self._facts.by_id.items()))
            return {n for n in prepared if n is not None}.union(
                n for n in map(style_name, self._added) if n is not None)
        return (sheet or self._whole()).names()

    def spacing(self, style_id: str) -> dict:
        """A prepared style's as made once; an added one's (based on a prepared style) over
        its base's, the walk up its bases the one spacing_of takes."""
        sheet = self._read_sheet()
        if sheet is not None:
            return sheet.spacing(style_id)
        if self._changed:                                  # (the spacing made once may be a changed style's)
            return spacing_of(style_id, self.find)
        facts, added = self._facts, {st.get(STYLE_ID) for st in self._added}
        base, own = style_id, []
        while base in added and len(own) < 20:
            own.append(self.find(base))
            based = own[-1].find(BASED_ON)
            base = based.get(VAL) if based is not None else None
        if base in added or base not in facts.spacing:
            return spacing_of(style_id, self.find)
        length = facts.chain_length[base]
        if not own:
            return facts.spacing[base]
        if length >= 20 or len(own) + length > 20:          # the walk would have stopped short of the base's end
            return spacing_of(style_id, self.find)
        return _spacing(own, facts.spacing[base])

    def own(self, style_id: str):
        """A style the document added is its own already; a prepared one is copied, for
        its XML to take the prepared one's place (see above), or else read whole."""
        if self._read_sheet() is None:
            for st in reversed(self._added):
                if st.get(STYLE_ID) == style_id:
                    return st
            if style_id in self._changed:
                return self._changed[style_id]
            if self._facts.span(style_id) is not None:
                root = self._facts.root.__copy__()
                root.append(self._facts.by_id[style_id].__copy__())
                self._changed[style_id] = root[0]
                return root[0]
        return self._whole().find(style_id)

    def new_style(self, **attrs):
        sheet = self._read_sheet()
        if sheet is not None:
            return sheet.new_style(**attrs)
        st = sub(self._own_root(), "style", **attrs)
        self._added.append(st)
        return st

    def add(self, st) -> None:
        sheet = self._read_sheet()
        if sheet is not None:
            return sheet.add(st)
        self._own_root().append(st)
        self._added.append(st)

    def add_all(self, styles) -> None:
        """The styles that are `styles`' children added in their order, `styles` a copy
        of the prepared root (KeptStyles.root) that is the caller's to give away: one
        lxml document for them all where adding each copy costs one of its own."""
        if self._read_sheet() is not None or self._root is not None:
            for st in list(styles):
                self.add(st)
            return
        self._root = styles
        self._added.extend(styles)

    def _whole(self) -> Stylesheet:
        if "_element" not in self.__dict__:
            self._read()
        return self._sheet

    def _own_root(self):
        if self._root is None:
            self._root = self._facts.root.__copy__()
        return self._root

    @property
    def blob(self) -> bytes:
        if "_element" in self.__dict__:
            return serialize_part_xml(self._element)
        facts, kept = self._facts, self._kept_blob
        for style_id, st in sorted(self._changed.items(), key=lambda c: facts.span(c[0]), reverse=True):
            start, end = facts.span(style_id)
            piece = facts.alone(st)
            if piece is None:
                return serialize_part_xml(self._whole().element)
            kept = kept[:start] + piece + kept[end:]
        if not self._added:
            return kept
        added = serialize_part_xml(self._root)
        if not (facts.usable and added.startswith(facts.head) and added.endswith(facts.end)):
            return serialize_part_xml(self._whole().element)
        return kept[:-len(facts.end)] + added[len(facts.head):]
