"""Import: a returned XLIFF 1.2 file, parsed safely, as `Unit`s with their codes as tokens."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from ..errors import TranslationFileError
from .units import NS, Unit

_MAX_BYTES = 50 * 1024 * 1024
_UNTRANSLATED_STATES = frozenset({"new", "needs-translation"})
_INLINE = frozenset({"g", "bx", "ex", "bpt", "ept", "it", "sub", "x", "ph", "mrk"})


def read_xliff(path: Path) -> list[Unit]:
    """Every `<trans-unit>` of an XLIFF 1.2 file.

    Raises:
        TranslationFileError: the file is unreadable, too large, not well-formed, has a DTD
            (entity bombs, external entities) or is not XLIFF 1.2.
    """
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise TranslationFileError(path, "is larger than 50 MB; not read")
        data = path.read_bytes()
    except OSError as error:
        raise TranslationFileError(path, f"cannot be read ({error.strerror or error})") from None
    root = _parse(data, path)
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        raise TranslationFileError(path, "is not an XLIFF 1.2 file (expected <xliff version=\"1.2\"> in its namespace)")
    units = []
    for file in root.iter(f"{{{NS}}}file"):
        units.extend(_units(file, path.name))
    return units


def _parse(data: bytes, path: Path) -> ET.Element:
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise TranslationFileError(path, "declares a DTD or entities (an XML bomb or an external entity?); not read") from None
    except ET.ParseError as error:
        raise TranslationFileError(path, f"is not well-formed XML (line {error.position[0]}); not read") from None


def _units(file: ET.Element, name: str) -> list[Unit]:
    document = file.get("original", "")
    source_lang = _lang(file.get("source-language", ""))
    target_lang = _lang(file.get("target-language", ""))
    units = []
    for trans in file.iter(f"{{{NS}}}trans-unit"):
        source = trans.find(f"{{{NS}}}source")
        target = trans.find(f"{{{NS}}}target")
        source_text, codes, _ = _tokens(source) if source is not None else ("", (), "no source")
        target_text, problem = None, None
        if target is not None and target.get("state") not in _UNTRANSLATED_STATES:
            target_text, _, problem = _tokens(target)
            if not target_text.strip():
                target_text, problem = None, None
        units.append(Unit(name, document, trans.get("id", ""), source_lang, target_lang,
                          canonical(source_text), codes, target_text, problem))
    return units


def _lang(code: str) -> str:
    """`fr-FR`, `fr_CA`, `FR` -> `fr`: CAT tools often write a region."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def _tokens(element: ET.Element) -> tuple[str, tuple[str, ...], str | None]:
    """Mixed content -> text with `⟦n⟧` tokens, the codes' ctypes, and a problem if any."""
    parts: list[str] = []
    codes: list[str] = []
    problems: list[str] = []

    def add(text: str | None) -> None:
        if text and ("⟦" in text or "⟧" in text):
            problems.append("the text holds the tool's ⟦ ⟧ brackets; not used")
        parts.append(text or "")

    def visit(node: ET.Element) -> None:
        add(node.text)
        for child in node:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag in ("x", "ph") and (child.get("id") or "").isdigit():
                parts.append(f"⟦{int(child.get('id'))}⟧")
                codes.append(child.get("ctype", ""))
            elif tag == "mrk":  # segmentation or comment marks of CAT tools: keep their text
                visit(child)
            else:
                known = tag if tag in _INLINE else "?"
                problems.append(f"an inline code <{known}> that the export did not write; not used")
            add(child.tail)

    visit(element)
    return "".join(parts), tuple(codes), (problems[0] if problems else None)


def canonical(text: str) -> str:
    """NFC, one space for any run of white space, trimmed: how two sources compare."""
    return " ".join(unicodedata.normalize("NFC", text).split())
