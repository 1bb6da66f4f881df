"""The ingest stage: read a notes file (.txt, .md, .docx, .vtt, .srt) into a NoteDocument.

`read_notes` checks the file (see `safety`), decodes it (see `encoding`), hands it to
the reader for its format and numbers the blocks (see `blocks`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Metadata, NoteDocument
from .blocks import build_document
from .docx import read_docx
from .encoding import decode_bytes, read_text_file
from .safety import NOTE_EXTENSIONS, check_docx_zip, check_path
from .text import read_markdown
from .transcript import read_srt, read_vtt

__all__ = ["NOTE_EXTENSIONS", "read_notes", "read_text_file"]


def read_notes(path: str | Path) -> NoteDocument:
    """Read a notes file into a NoteDocument.

    Args:
        path: a .txt, .md, .markdown, .docx, .vtt or .srt file.

    Raises:
        InputError: the file is missing, unreadable, of an unsupported type, empty, binary,
            corrupt, encrypted, a zip bomb, or has malformed front matter.
    """
    source = Path(path)
    data = check_path(source)
    suffix = source.suffix.lower()
    notes: tuple[str, ...] = ()
    if suffix == ".docx":
        check_docx_zip(source)
        metadata, raw, notes = read_docx(source)
    else:
        text = decode_bytes(data, source)
        if not text.strip():
            raise InputError(source, "contains only whitespace")
        if suffix == ".vtt":
            metadata, raw = Metadata(), read_vtt(text, source)
        elif suffix == ".srt":
            metadata, raw = Metadata(), read_srt(text, source)
        else:
            metadata, raw = read_markdown(text, source)
    if not any(r.text.strip() or r.speaker for r in raw):
        raise InputError(source, "has no readable text")
    return build_document(str(path), raw, metadata, data, notes)
