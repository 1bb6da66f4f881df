"""Decoding text files as a person sees them: BOMs, UTF-8, then Windows-1252 and friends.

Short Western-European notes defeat statistical detectors (a cp1252 `é` + `’` often
comes out as a Central-European code page), so detection is restricted to the
code pages such notes are really written in, and cp1252 wins ties.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy code pages a rapporteur's older Word/Excel/Notepad may write; cp1252 first.
_LEGACY = ["cp1252", "iso8859_15", "mac_roman", "cp850"]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BINARY_SHARE = 0.005  # more control characters than this and it is not a text file


def decode_bytes(data: bytes, path: Path | str) -> str:
    """Decode a text file's bytes and normalise its line endings to `\\n`.

    Raises:
        InputError: the bytes are binary (NUL or control bytes) or cannot be decoded.
    """
    text = _decode(data, path)
    controls = len(_CONTROL.findall(text))
    if controls > _BINARY_SHARE * len(text):
        raise InputError(path, "looks like a binary file, not text (control characters found)")
    if controls:  # a stray control byte is noise, not content
        text = _CONTROL.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub("[\x0b\x0c\u2028\u2029]", "\n", text)


def _decode(data: bytes, path: Path | str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(path, f"cannot be decoded as {codec.upper()} despite its byte-order mark") from None
    if b"\x00" in data:
        return _bomless_utf16(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _legacy(data, path)


def _bomless_utf16(data: bytes, path: Path | str) -> str:
    """UTF-16 without BOM shows NULs in every other byte; anything else with NULs is binary."""
    head = data[:400]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    codec = "utf-16-le" if odd > 0.4 * len(head) / 2 and even == 0 else (
        "utf-16-be" if even > 0.4 * len(head) / 2 and odd == 0 else None)
    if codec:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    raise InputError(path, "looks like a binary file, not text (NUL bytes found)")


def _legacy(data: bytes, path: Path | str) -> str:
    best = from_bytes(data, cp_isolation=_LEGACY).best()
    codec = best.encoding if best is not None else "cp1252"
    for candidate in (codec, "cp1252"):
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(path, "cannot be decoded as UTF-8 or Windows-1252 text",
                     "save it as UTF-8")


def read_text_file(path: str | Path) -> str:
    """Read a text file (notes, roster, programme) with the checks and decoding above."""
    from .safety import check_path  # local import: safety is the one place for file checks

    path = Path(path)
    data = check_path(path, supported=(path.suffix.lower(),) if path.suffix else ("",))
    text = decode_bytes(data, path)
    if not text.strip():
        raise InputError(path, "contains only whitespace")
    return text
