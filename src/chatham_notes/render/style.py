"""Low-level Word helpers for the renderer: runs with a language, styles, page, footer.

Every run carries `w:lang` (en-GB or fr-FR) so that Word's and LibreOffice's
spell-checkers use the right dictionary in each language.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..model import Lang

LANG_TAGS = {Lang.EN: "en-GB", Lang.FR: "fr-FR"}
GREY = RGBColor(0x6B, 0x6B, 0x6B)
# Styles the renderer uses; each gets a language so that new text typed in it is checked too.
USED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
               "List Bullet", "List Bullet 2", "Footer", "Table Grid", "Light Grid Accent 1")


def lang_tag(lang: Lang) -> str:
    """The BCP 47 tag Word expects: en-GB for English, fr-FR for French (and anything else)."""
    return LANG_TAGS.get(lang, "en-GB")


def set_lang(rpr_parent: object, lang: Lang) -> None:
    """Set `w:lang` on a run's or a style's run properties (replacing any)."""
    rpr = rpr_parent.get_or_add_rPr()
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), lang_tag(lang))
    rpr.append(element)


def add_run(paragraph: Paragraph, text: str, lang: Lang, *, bold: bool = False,
            italic: bool = False, grey: bool = False) -> Run:
    """Append a run of `text` in `lang` to the paragraph.

    Args:
        paragraph: where to add it.
        text: the text (may be empty).
        lang: its language, written as `w:lang`.
        bold, italic: character formatting.
        grey: grey colour (text awaiting translation).
    """
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if grey:
        run.font.color.rgb = GREY
    set_lang(run._r, lang)
    return run


def apply_style(paragraph: Paragraph, name: str) -> None:
    """Give `paragraph` the style called `name`.

    python-docx resolves a style name, and checks whether it is the default style, by
    scanning every style on each assignment; the id is resolved once per document here.
    """
    paragraph._p.style = _style_id(paragraph.part, name)


def apply_table_style(table: Table, name: str) -> None:
    """Give `table` the table style called `name` (see `apply_style`)."""
    table._tbl.tblPr.style = _style_id(table.part, name)


def _style_id(part: object, name: str) -> str:
    ids = part.__dict__.setdefault("_chatham_style_ids", {})
    if name not in ids:
        ids[name] = part.styles[name].style_id
    return ids[name]


def setup_document(doc: DocxDocument) -> None:
    """A4 portrait, 2 cm margins, British English by default, languages on the styles."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    _default_lang(doc)
    names = {style.name for style in doc.styles}
    for name in USED_STYLES:
        if name in names:
            set_lang(doc.styles[name].element, Lang.EN)
    doc.styles["Normal"].font.size = Pt(10.5)


def _default_lang(doc: DocxDocument) -> None:
    """Set the document default language (docDefaults) to en-GB."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), "en-GB")
    rpr.append(element)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str, lang: Lang) -> None:
    """Append a complex field (e.g. PAGE) that Word and LibreOffice update on display."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("text", placeholder), ("end", None)):
        run = add_run(paragraph, "", lang)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def add_footer(doc: DocxDocument, parts: tuple[tuple[str, Lang], ...]) -> None:
    """The footer: the given texts (each in its language), then the page number, centred."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.style = doc.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, lang in parts:
        add_run(paragraph, text, lang, grey=True)
    add_run(paragraph, "  |  ", Lang.EN, grey=True)
    add_field(paragraph, "PAGE", "1", Lang.EN)


def repeat_header(table: Table) -> None:
    """Mark the table's first row as a header row, repeated on each page."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def plain_look(table: Table) -> None:
    """Style the header row only: no bold first column, no banded rows (two equal languages)."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblLook")):
        tbl_pr.remove(old)
    look = OxmlElement("w:tblLook")
    for key, value in (("firstColumn", "0"), ("firstRow", "1"), ("lastColumn", "0"),
                       ("lastRow", "0"), ("noHBand", "1"), ("noVBand", "1"), ("val", "0620")):
        look.set(qn(f"w:{key}"), value)
    tbl_pr.append(look)


def keep_row_together(table: Table) -> None:
    """Do not split a row across pages when it fits on one (readability of pairs)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "true")
        tr_pr.insert(0, cant)


def set_table_width(table: Table, widths_cm: tuple[float, ...]) -> None:
    """Fixed column widths, so both languages get the same room."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
