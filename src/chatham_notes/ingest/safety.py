"""File checks before any parsing: existence, type, emptiness, containers and zip bombs.

Every problem is an `InputError` naming the file, in one line.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError

NOTE_EXTENSIONS = (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt")
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # total bytes a .docx may expand to
MAX_ENTRIES = 10_000  # entries in a .docx zip
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CONVERT = "open it in Word or LibreOffice and save it as .docx"
_OTHER_WORD = {
    ".doc": "old binary Word .doc",
    ".docm": "macro-enabled Word document (.docm)",
    ".dotx": "Word template (.dotx)",
    ".dotm": "macro-enabled Word template (.dotm)",
    ".dot": "old binary Word template (.dot)",
    ".rtf": "RTF document",
    ".odt": "OpenDocument text (.odt)",
}


def check_path(path: Path, supported: tuple[str, ...] = NOTE_EXTENSIONS) -> bytes:
    """Check that `path` is a readable, non-empty file of a supported type and return its bytes.

    Raises:
        InputError: missing file, a directory, an unsupported or Word-but-not-.docx extension,
            an empty file, an encrypted or OLE (.doc) file.
    """
    if not path.exists():
        raise InputError(path, "file not found")
    if path.is_dir():
        raise InputError(path, "is a directory, not a file")
    if not path.is_file():
        raise InputError(path, "is not a regular file")
    suffix = path.suffix.lower()
    if suffix in _OTHER_WORD and suffix not in supported:
        raise InputError(path, f"{_OTHER_WORD[suffix]} is not supported", f"convert it to .docx: {_CONVERT}")
    if suffix not in supported:
        raise InputError(path, f"unsupported file type '{suffix or '(none)'}'",
                         "supported: " + ", ".join(supported))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(path, "is empty" if not data else "contains only whitespace")
    check_ole(path, data)
    return data


def check_ole(path: Path, data: bytes) -> None:
    """Reject OLE compound files: encrypted Office documents and old binary .doc files."""
    if not data.startswith(OLE_MAGIC):
        return
    if _ENCRYPTED in data or b"EncryptedPackage" in data:
        raise InputError(path, "the document is password-protected (encrypted)",
                         "remove the password in Word and save it again as .docx")
    raise InputError(path, "is an old binary Word .doc (OLE) file", f"convert it to .docx: {_CONVERT}")


def check_docx_zip(path: Path) -> None:
    """Check a .docx container from its zip directory, before decompressing anything.

    Raises:
        InputError: not a zip (truncated or corrupt), too many entries, too large once
            decompressed (zip bomb), or no word/document.xml.
    """
    if not zipfile.is_zipfile(path):
        raise InputError(path, "is not a valid .docx (truncated or corrupt: not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"is a corrupt .docx ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(path, f"has {len(infos)} zip entries (limit {MAX_ENTRIES}): refusing a possible zip bomb")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(path, f"would expand to {total // (1024 * 1024)} MB "
                         f"(limit {MAX_UNCOMPRESSED // (1024 * 1024)} MB): refusing a possible zip bomb")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise InputError(path, "is not a valid .docx (word/document.xml is missing)")
