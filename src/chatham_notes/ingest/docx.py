"""Word .docx notes: body paragraphs and tables, headers, footers, footnotes.

python-docx opens the package (and checks its content type); the text is taken from
the WordprocessingML with lxml, because python-docx does not read tracked changes,
footnotes or text inside content controls. Tracked changes are read as accepted
(`w:ins` kept, `w:del` dropped). Comments and core properties are not content.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from ..errors import InputError
from ..model import BlockKind, Location, Metadata
from .blocks import RawBlock, clean_text
from .speakers import parse_label

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "del", W + "moveFrom", W + "delText", W + "instrText", W + "pPr", W + "rPr",
         MC + "Fallback", W + "commentReference", W + "footnoteReference", W + "endnoteReference"}
_BREAKS = {W + "tab", W + "br", W + "cr", W + "ptab"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}
_HEADING = re.compile(r"^(?:heading|titre|título|titolo|überschrift|kop)\s*(\d)$", re.I)
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def read_docx(path: Path) -> tuple[Metadata, list[RawBlock], tuple[str, ...]]:
    """Read a .docx (already checked by `safety.check_docx_zip`) into metadata, raw blocks and notes."""
    try:
        document = docx.Document(str(path))
        reader = _Reader(path.name, _style_names(document))
        blocks = reader.walk(document.element.body, "body")
        blocks += _header_footer_blocks(document, reader)
        blocks += _note_blocks(document, reader)
        notes = _facts(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, EOFError, OSError) as exc:
        raise InputError(path, f"is a corrupt .docx ({type(exc).__name__})", "open it in Word and save it again") from None
    except ValueError as exc:
        if "macroEnabled" in str(exc):
            raise InputError(path, "is a macro-enabled document (.docm) named .docx",
                             "save it as a plain Word document (.docx)") from None
        raise InputError(path, "is not a Word document", "save it as .docx") from None
    return Metadata(title=reader.title), blocks, notes


def _style_names(document: docx.document.Document) -> dict[str, str]:
    names = {}
    for style in document.styles.element.iter(W + "style"):
        name = style.find(W + "name")
        names[style.get(W + "styleId", "")] = name.get(W + "val", "") if name is not None else ""
    return names


def paragraph_text(p: etree._Element) -> str:
    """The visible text of a paragraph, tracked changes accepted."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(element: etree._Element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in _BREAKS:
            out.append(" ")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _collect(child, out)


class _Reader:
    """Walks a part's block-level content, numbering paragraphs in document order."""

    def __init__(self, file: str, styles: dict[str, str]) -> None:
        self.file = file
        self.styles = styles
        self.title: str | None = None
        self.counter = 0

    def walk(self, root: etree._Element, part: str) -> list[RawBlock]:
        self.counter = 0
        blocks: list[RawBlock] = []
        self._children(root, part, blocks)
        return blocks

    def _children(self, root: etree._Element, part: str, blocks: list[RawBlock]) -> None:
        for child in root:
            if child.tag == W + "p":
                self.counter += 1
                block = self._paragraph(child, part)
                if block is not None:
                    blocks.append(block)
            elif child.tag == W + "tbl":
                self._table(child, part, blocks)
            elif child.tag in _CONTAINERS:
                self._children(child, part, blocks)

    def _paragraph(self, p: etree._Element, part: str) -> RawBlock | None:
        text = clean_text(paragraph_text(p))
        if not text:
            return None
        loc = Location(file=self.file, part=part, paragraph=self.counter)
        style = self._style(p)
        if (m := _HEADING.match(style)) or (level := _outline_level(p)):
            level = int(m.group(1)) if m else level
            return RawBlock(BlockKind.HEADING, text, loc, level=level, marker="#" * level)
        if style.lower() == "title":
            self.title = self.title or text
            return RawBlock(BlockKind.HEADING, text, loc, level=1, marker="#")
        if style.lower() == "subtitle":
            return RawBlock(BlockKind.HEADING, text, loc, level=2, marker="##")
        list_level = self._list_level(p, style)
        label = parse_label(text)
        if label is not None:
            return RawBlock(BlockKind.TURN, label[1], loc, speaker=label[0], level=max(list_level, 0),
                            marker="-" if list_level >= 0 else "")
        if list_level >= 0:
            return RawBlock(BlockKind.BULLET, text, loc, level=list_level, marker="-")
        return RawBlock(BlockKind.PARAGRAPH, text, loc)

    def _style(self, p: etree._Element) -> str:
        style = p.find(f"{W}pPr/{W}pStyle")
        return self.styles.get(style.get(W + "val", ""), "") if style is not None else ""

    @staticmethod
    def _list_level(p: etree._Element, style: str) -> int:
        """Bullet depth (0-based) from numbering or a list style; -1 if not a list item."""
        ilvl = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
        if p.find(f"{W}pPr/{W}numPr") is not None:
            return int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
        if style.lower().startswith(("list", "liste")):
            digits = re.search(r"(\d)$", style)
            return int(digits.group(1)) - 1 if digits else 0
        return -1

    def _table(self, tbl: etree._Element, part: str, blocks: list[RawBlock]) -> None:
        """One TABLE_CELL block per non-empty cell; nested tables follow their cell."""
        cell_part = "table" if part == "body" else part
        for row in tbl.iter(W + "tr"):
            if _nearest(row, W + "tbl") is not tbl:
                continue
            for cell in row.iter(W + "tc"):
                if _nearest(cell, W + "tr") is row:
                    self._cell(cell, cell_part, blocks)

    def _cell(self, cell: etree._Element, part: str, blocks: list[RawBlock]) -> None:
        texts: list[str] = []
        first: int | None = None
        nested: list[RawBlock] = []
        for child in _flatten(cell):
            if child.tag == W + "p":
                self.counter += 1
                first = first or self.counter
                texts.append(clean_text(paragraph_text(child)))
            elif child.tag == W + "tbl":
                self._table(child, part, nested)
        text = clean_text(" ".join(t for t in texts if t))
        if text:
            blocks.append(RawBlock(BlockKind.TABLE_CELL, text, Location(self.file, part, paragraph=first)))
        blocks.extend(nested)


def _flatten(element: etree._Element) -> list[etree._Element]:
    """Block-level children, looking through content controls and custom XML."""
    out: list[etree._Element] = []
    for child in element:
        if child.tag in _CONTAINERS:
            out.extend(_flatten(child))
        elif child.tag in (W + "p", W + "tbl"):
            out.append(child)
    return out


def _nearest(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _outline_level(p: etree._Element) -> int:
    level = p.find(f"{W}pPr/{W}outlineLvl")
    value = level.get(W + "val", "9") if level is not None else "9"
    return int(value) + 1 if value.isdigit() and int(value) < 9 else 0


def _parts(document: docx.document.Document, pattern: str) -> list:
    regex = re.compile(pattern)
    parts = [p for p in document.part.package.iter_parts() if regex.fullmatch(str(p.partname))]
    return sorted(parts, key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(p.partname))])


def _root(part) -> etree._Element:
    return part.element if hasattr(part, "element") else etree.fromstring(part.blob, _SAFE)


def _header_footer_blocks(document: docx.document.Document, reader: _Reader) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for kind in ("header", "footer"):
        for part in _parts(document, rf"/word/{kind}\d*\.xml"):
            blocks += reader.walk(_root(part), kind)
    return blocks


def _note_blocks(document: docx.document.Document, reader: _Reader) -> list[RawBlock]:
    """One block per footnote or endnote (separators skipped)."""
    blocks: list[RawBlock] = []
    for name, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
        for part in _parts(document, rf"/word/{name}\.xml"):
            notes = [n for n in _root(part).iter(W + tag) if n.get(W + "type") not in _NOT_NOTES]
            for index, note in enumerate(notes, start=1):
                text = clean_text(" ".join(paragraph_text(p) for p in note.iter(W + "p")))
                if text:
                    blocks.append(RawBlock(BlockKind.PARAGRAPH, text,
                                           Location(reader.file, "footnote", paragraph=index)))
    return blocks


def _facts(document: docx.document.Document) -> tuple[str, ...]:
    """What the report should know: comments present, tracked changes accepted, unread embeds."""
    notes = []
    comments = sum(len(list(_root(p).iter(W + "comment"))) for p in _parts(document, r"/word/comments\.xml"))
    if comments:
        notes.append(f"{comments} comment{'s' if comments != 1 else ''} present (not content)")
    body = document.element.body
    # w:ins/w:del inside w:rPr only mark a paragraph mark; count the changes to text
    ins, dels = (sum(1 for e in body.iter(W + tag) if e.getparent().tag != W + "rPr") for tag in ("ins", "del"))
    if ins or dels:
        notes.append(f"tracked changes read as accepted ({ins} insertion(s) kept, {dels} deletion(s) dropped)")
    chunks = len(list(body.iter(W + "altChunk")))
    if chunks:
        notes.append(f"{chunks} embedded document(s) (altChunk) not read")
    return tuple(notes)
