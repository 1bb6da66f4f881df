"""Render a `Summary` as a bilingual Word document.

Two layouts:
- `side-by-side`: after a bilingual title and notice, each section is a heading
  in both languages and a two-column table, English | Français, one row a block;
- `sequential`: all English, then all French, as francophone invitations do.

Everything the tool writes itself (notice, labels, footer) comes from
`models/notice.yaml` or `wording`, never from a translator. The package is
cleaned and written reproducibly by `docx_package`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
from babel.dates import format_date
from docx.document import Document as DocxDocument

from .package import write_reproducible
from .style import (
    add_footer,
    apply_style,
    apply_table_style,
    add_run,
    keep_row_together,
    plain_look,
    repeat_header,
    set_table_width,
    setup_document,
)
from ..errors import ChathamError
from ..generalise.wording import phrase
from ..model import BilingualBlock, BlockKind, Lang, Section, Summary
from ..resources import read_yaml

LAYOUTS = ("side-by-side", "sequential")
TABLE_STYLE = "Light Grid Accent 1"
_BABEL_LOCALES = {Lang.EN: "en_GB", Lang.FR: "fr_FR"}
_COLUMN_CM = (8.5, 8.5)
_LABEL_SEPARATOR = {Lang.EN: ": ", Lang.FR: "\u00a0: "}


def _texts() -> dict[str, Any]:
    return read_yaml("notice.yaml")


def format_day(date: str | None, lang: Lang) -> str | None:
    """An ISO date in the language's convention (26 April 2021 / 26 avril 2021); else as written."""
    if not date:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return format_date(day, format="long", locale=_BABEL_LOCALES[lang])


def generalisation_line(summary: Summary, lang: Lang) -> str:
    """One sentence saying how attributions were generalised (level and k), in `lang`."""
    return phrase(f"level.{summary.level}", lang, k=summary.k)


def _block_text(block: BilingualBlock, lang: Lang) -> str:
    return block.en if lang is Lang.EN else block.fr


def _label(block: BilingualBlock, lang: Lang) -> str | None:
    label = block.label_en if lang is Lang.EN else block.label_fr
    if not label:
        return None
    return label if label.rstrip().endswith(":") else label.rstrip() + _LABEL_SEPARATOR[lang]


def _block_style(block: BilingualBlock) -> str:
    if block.kind is BlockKind.BULLET:
        return "List Bullet 2" if block.level >= 1 else "List Bullet"
    return "Normal"


def write_block(paragraph: Any, block: BilingualBlock, lang: Lang) -> None:
    """Write one block in `lang` into an (empty) paragraph: label, text, pending mark.

    A block awaiting translation shows its original text (in its own language,
    for spell-check) in grey italics, after a tag in `lang`; in a block written in
    both languages, so does each sentence awaiting translation.
    """
    style = _block_style(block)
    if style != "Normal":  # a new paragraph is Normal already
        apply_style(paragraph, style)
    label = _label(block, lang)
    if label:
        add_run(paragraph, label, lang, bold=True)
    runs = block.runs_en if lang is Lang.EN else block.runs_fr
    if runs:  # written in both languages: sentence by sentence, each in its own language
        tag = _texts()["labels"]["pending"][str(lang)]
        for index, run in enumerate(r for r in runs if r.text):
            space = " " if index else ""
            if run.pending:
                add_run(paragraph, f"{space}{tag} ", lang, italic=True, grey=True)
            add_run(paragraph, run.text if run.pending else space + run.text, run.lang, italic=run.pending,
                    grey=run.pending)
        return
    pending = block.pending and lang is not block.source_lang
    if pending:
        tag = _texts()["labels"]["pending"][str(lang)]
        add_run(paragraph, tag + " ", lang, italic=True, grey=True)
    text_lang = block.source_lang if pending else lang
    add_run(paragraph, _block_text(block, lang), text_lang, italic=pending, grey=pending,
            bold=block.kind is BlockKind.HEADING)


def _title_block(doc: DocxDocument, summary: Summary) -> None:
    """Title in both languages, then date and place in each language's conventions."""
    add_run(doc.add_paragraph(style="Title"), summary.title_en, Lang.EN)
    if summary.title_fr and summary.title_fr != summary.title_en:
        add_run(doc.add_paragraph(style="Subtitle"), summary.title_fr, Lang.FR)
    lines = []
    for lang in (Lang.EN, Lang.FR):
        parts = [p for p in (format_day(summary.date, lang), summary.place) if p]
        if parts:
            lines.append((", ".join(parts), lang))
    if lines:
        paragraph = doc.add_paragraph()
        for index, (text, lang) in enumerate(lines):
            if index:
                add_run(paragraph, "  ·  ", Lang.EN)
            add_run(paragraph, text, lang)


def _notice_paragraphs(cell_or_doc: Any, summary: Summary, lang: Lang, first: Any = None) -> None:
    """The rule's heading (bold), its official wording, and the generalisation line."""
    notice = _texts()["notice"]
    heading = first if first is not None else cell_or_doc.add_paragraph()
    add_run(heading, notice["heading"][str(lang)], lang, bold=True)
    add_run(cell_or_doc.add_paragraph(), notice["text"][str(lang)], lang)
    add_run(cell_or_doc.add_paragraph(), generalisation_line(summary, lang), lang, italic=True)
    for note in notice_notes(summary):
        add_run(cell_or_doc.add_paragraph(), _texts()[note][str(lang)], lang, italic=True)


def notice_notes(summary: Summary) -> list[str]:
    """Keys of the notes that apply: machine translation, passages awaiting translation."""
    notes = ["machine_translation"] if summary.translator == "argos" else []
    if any(b.pending for section in summary.sections for b in section.blocks):
        notes.append("pending_note")
    return notes


def _heading(doc: DocxDocument, section: Section, langs: tuple[Lang, ...]) -> None:
    """A section heading; in both languages when they differ."""
    level = min(max(section.level, 1), 3)
    paragraph = doc.add_paragraph()
    apply_style(paragraph, f"Heading {level}")
    texts = [(section.heading_en, Lang.EN), (section.heading_fr, Lang.FR)]
    shown = [(t, lang) for t, lang in texts if lang in langs and t]
    if len(shown) == 2 and shown[0][0] == shown[1][0]:
        shown = shown[:1]
    for index, (text, lang) in enumerate(shown):
        if index:
            add_run(paragraph, " · ", Lang.EN)
        add_run(paragraph, text, lang)


def _new_table(doc: DocxDocument, rows: int) -> Any:
    """A two-column table with the English | Français header row."""
    table = doc.add_table(rows=rows + 1, cols=2)
    apply_table_style(table, TABLE_STYLE)
    plain_look(table)
    columns = _texts()["labels"]["column"]
    for cell, lang in zip(table.rows[0].cells, (Lang.EN, Lang.FR), strict=True):
        add_run(cell.paragraphs[0], columns[str(lang)], lang, bold=True)
    repeat_header(table)
    set_table_width(table, _COLUMN_CM)
    return table


def _side_by_side(doc: DocxDocument, summary: Summary) -> None:
    table = _new_table(doc, 1)
    for cell, lang in zip(table.rows[1].cells, (Lang.EN, Lang.FR), strict=True):
        _notice_paragraphs(cell, summary, lang, first=cell.paragraphs[0])
    keep_row_together(table)
    doc.add_paragraph()  # Word merges adjacent tables: keep the notice apart from a headless section
    for section in summary.sections:
        if section.heading_en or section.heading_fr:
            _heading(doc, section, (Lang.EN, Lang.FR))
        if not section.blocks:
            continue
        table = _new_table(doc, len(section.blocks))
        for row, block in zip(table.rows[1:], section.blocks, strict=True):
            for cell, lang in zip(row.cells, (Lang.EN, Lang.FR), strict=True):
                write_block(cell.paragraphs[0], block, lang)
        keep_row_together(table)


def _sequential(doc: DocxDocument, summary: Summary) -> None:
    versions = _texts()["labels"]["version"]
    for index, lang in enumerate((Lang.EN, Lang.FR)):
        paragraph = doc.add_paragraph(style="Subtitle")
        if index:
            paragraph.paragraph_format.page_break_before = True
        add_run(paragraph, versions[str(lang)], lang)
        _notice_paragraphs(doc, summary, lang)
        for section in summary.sections:
            if _heading_text(section, lang):
                _heading(doc, section, (lang,))
            for block in section.blocks:
                write_block(doc.add_paragraph(), block, lang)


def _heading_text(section: Section, lang: Lang) -> str:
    return section.heading_en if lang is Lang.EN else section.heading_fr


def build_document(summary: Summary, layout: str = "side-by-side") -> DocxDocument:
    """The Word document of `summary` (not yet cleaned nor saved).

    Raises:
        ChathamError: unknown layout.
    """
    if layout not in LAYOUTS:
        raise ChathamError(f"unknown layout {layout!r} (choose {' or '.join(LAYOUTS)})")
    doc = docx.Document()
    setup_document(doc)
    footer = _texts()["footer"]
    add_footer(doc, ((footer["en"], Lang.EN), (footer["separator"], Lang.EN), (footer["fr"], Lang.FR)))
    _title_block(doc, summary)
    (_side_by_side if layout == "side-by-side" else _sequential)(doc, summary)
    return doc


def render_docx(summary: Summary, path: Path, layout: str = "side-by-side") -> None:
    """Write `summary` as a .docx at `path`, with clean and reproducible package parts.

    Args:
        summary: what to write; nothing in it may identify anyone.
        path: the file to write (the caller handles atomic renames).
        layout: "side-by-side" (a two-column table) or "sequential" (English, then French).

    Raises:
        ChathamError: unknown layout.
        OutputError: the path cannot be written.
    """
    document = build_document(summary, layout)
    write_reproducible(document, Path(path), summary.created)
