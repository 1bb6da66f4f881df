"""From the readers' raw blocks to a NoteDocument: ids, sections, languages, file facts.

Every reader produces `RawBlock`s in reading order; `build_document` numbers them
(`<stem>:<n>`), links each to the heading above it and detects its language, with the
document's dominant language (or the front matter's) as the default for short blocks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..language import detect_languages, dominant_language
from ..model import Block, BlockKind, Lang, Location, Metadata, NoteDocument, Speaker

_EMPHASIS = (
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
)
_OUTSIDE = ("header", "footer", "footnote")


@dataclass
class RawBlock:
    """A block as a reader found it, before ids, sections and languages are assigned."""

    kind: BlockKind
    text: str
    location: Location
    speaker: Speaker | None = None
    level: int = 0
    marker: str = ""  # "#"… for a heading, "-", "1.", "a)" for a list item (a turn may be one)


def strip_emphasis(text: str) -> str:
    """Remove Markdown emphasis markers (`**`, `__`, `*`) but keep the words."""
    for pattern, repl in _EMPHASIS:
        text = pattern.sub(repl, text)
    return text.replace("**", "").replace("__", "")


def clean_text(text: str) -> str:
    """Collapse runs of white space (including line breaks) to single spaces."""
    return re.sub(r"[ \t\n\u00a0]+", lambda m: "\u00a0" if m.group() == "\u00a0" else " ", text).strip()


def build_document(
    source: str | Path,
    raw: list[RawBlock],
    metadata: Metadata,
    data: bytes,
    notes: tuple[str, ...] = (),
) -> NoteDocument:
    """Number the raw blocks, set sections and languages, and wrap them in a NoteDocument."""
    stem = Path(source).stem
    kept = [r for r in raw if r.text.strip() or r.speaker is not None]
    langs = detect_languages([r.text for r in kept])
    default = metadata.language or dominant_language(zip(langs, (r.text for r in kept)))
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []  # open headings, outermost first: (level, id)
    for n, (r, lang) in enumerate(zip(kept, langs), start=1):
        block_id = f"{stem}:{n}"
        if r.kind is BlockKind.HEADING:
            # a heading sits under the nearest heading of a higher rank
            while headings and headings[-1][0] >= r.level:
                headings.pop()
        # headers, footers and footnotes sit outside the body's sections
        section = headings[-1][1] if headings and r.location.part not in _OUTSIDE else ""
        if r.kind is BlockKind.HEADING:
            headings.append((r.level, block_id))
        blocks.append(Block(
            id=block_id, kind=r.kind, text=r.text, lang=lang if lang is not Lang.UNKNOWN else default,
            location=r.location, speaker=r.speaker, level=r.level, section=section, marker=r.marker,
        ))
    return NoteDocument(
        source=str(source), metadata=metadata, blocks=tuple(blocks),
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), notes=notes,
    )
