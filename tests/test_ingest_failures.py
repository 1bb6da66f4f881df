"""Every unusable input is one InputError line naming the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from chatham_notes.errors import InputError
from chatham_notes.ingest import read_notes
from chatham_notes.ingest import safety


def check(path: Path, pattern: str) -> None:
    with pytest.raises(InputError) as info:
        read_notes(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert pytest.importorskip("re").search(pattern, message), message


def test_missing(tmp_path: Path) -> None:
    check(tmp_path / "nope.md", "file not found")


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "dir.md").mkdir()
    check(tmp_path / "dir.md", "directory")


@pytest.mark.parametrize(("name", "data", "pattern"), [
    ("empty.txt", b"", "is empty"),
    ("blank.md", b"  \n\t\n  ", "only whitespace"),
    ("blank16.txt", " \n \n".encode("utf-16"), "only whitespace"),
    ("binary.txt", b"abc\x00\x01\x02\xff\xfe" * 50, "binary"),
    ("controls.md", bytes(range(1, 9)) * 40, "binary"),
    ("notes.pdf", b"%PDF-1.4", r"unsupported file type '\.pdf'.*\.docx"),
    ("notes", b"text", "unsupported file type"),
    ("macro.docm", b"PK", r"\.docm.*convert it to \.docx"),
    ("tmpl.dotx", b"PK", r"\.dotx.*convert it to \.docx"),
    ("old.doc", safety.OLE_MAGIC + b"\0" * 600, r"old binary Word \.doc.*convert it to \.docx"),
    ("old-renamed.docx", safety.OLE_MAGIC + b"\0" * 600, r"old binary Word \.doc"),
    ("locked.docx", safety.OLE_MAGIC + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"), "password-protected"),
    ("notzip.docx", b"this is not a zip at all", "not a zip"),
])
def test_bad_files(tmp_path: Path, name: str, data: bytes, pattern: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    check(path, pattern)


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Some notes about the meeting.")
    d.save(buffer)
    return buffer.getvalue()


def test_truncated_docx(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    path.write_bytes(_docx_bytes()[:1500])
    check(path, "corrupt|not a zip")


def test_docx_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    check(path, "word/document.xml is missing")


def test_zip_bomb_by_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_UNCOMPRESSED", 1_000_000)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w/>")
        z.writestr("word/padding.xml", b"\0" * 2_000_000)  # compresses to ~2 kB
    assert path.stat().st_size < 50_000
    check(path, "zip bomb")


def test_zip_bomb_by_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_ENTRIES", 50)
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
        for n in range(60):
            z.writestr(f"word/x{n}.xml", "x")
    check(path, "zip entries")


def test_corrupt_xml_in_docx(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(path, "w") as z:
        for info in source.infolist():
            data = source.read(info.filename)
            z.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    check(path, "corrupt")


def test_malformed_vtt(tmp_path: Path) -> None:
    path = tmp_path / "bad.vtt"
    path.write_text("this is not webvtt\n\nat all\n", encoding="utf-8")
    check(path, "malformed WebVTT")
