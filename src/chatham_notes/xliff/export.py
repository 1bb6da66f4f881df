"""Export: the blocks awaiting translation as XLIFF 1.2, one direction per document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..model import BilingualBlock, Lang, Placeholder
from .units import NS, TOKEN, ExportUnit, ctype

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TOOL = "chatham-notes"


def export_units(parts: Sequence[tuple[object, Sequence[BilingualBlock]]]) -> list[ExportUnit]:
    """What still awaits a translator after a run, in document order: the translation stage's
    unanswered requests (one per block, one per sentence of a block written in both languages).

    Args:
        parts: `pipeline.bilingual_parts`' ((title EN, title FR), bilingual blocks) per file.
    """
    return [request for _, blocks in parts for block in blocks for request in block.awaiting]


def xliff_bytes(units: Sequence[ExportUnit], source: Lang, target: Lang) -> bytes:
    """The units of one direction as an XLIFF 1.2 document (UTF-8)."""
    from lxml import etree

    from .. import __version__

    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS}, version="1.2")
    files: dict[str, etree._Element] = {}
    for unit in units:
        if (unit.source, unit.target) != (source, target):
            continue
        if unit.document not in files:
            files[unit.document] = _file_element(root, unit.document, source, target, __version__)
        _unit_element(files[unit.document], unit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _file_element(root, document: str, source: Lang, target: Lang, version: str):
    from lxml import etree

    file = etree.SubElement(root, f"{{{NS}}}file", {
        "original": document, "source-language": str(source), "target-language": str(target),
        "datatype": "plaintext", "tool-id": _TOOL})
    header = etree.SubElement(file, f"{{{NS}}}header")
    etree.SubElement(header, f"{{{NS}}}tool", {"tool-id": _TOOL, "tool-name": _TOOL, "tool-version": version})
    etree.SubElement(header, f"{{{NS}}}note").text = (
        "Generalised notes of a meeting held under the Chatham House Rule. Each inline code stands for "
        "words the tool writes itself in each language (a participant, an organisation...): keep every "
        "code exactly once, and add no name.")
    return etree.SubElement(file, f"{{{NS}}}body")


def _unit_element(body, unit: ExportUnit) -> None:
    from lxml import etree

    trans = etree.SubElement(body, f"{{{NS}}}trans-unit", {"id": unit.block_id, _XML_SPACE: "preserve"})
    source = etree.SubElement(trans, f"{{{NS}}}source", {_XML_LANG: str(unit.source)})
    pieces = TOKEN.split(unit.text)
    source.text = pieces[0]
    for index in range(1, len(pieces), 2):
        holder = unit.holders[int(pieces[index]) - 1]
        code = etree.SubElement(source, f"{{{NS}}}x", {"id": pieces[index], "ctype": ctype(holder)})
        shown = _words(holder, unit.source)
        if shown:
            code.set("equiv-text", shown)
        code.tail = pieces[index + 1]
    etree.SubElement(trans, f"{{{NS}}}note", {"from": _TOOL, "annotates": "general"}).text = _note(unit)


def _words(holder: Placeholder, lang: Lang) -> str:
    from ..generalise.wording import placeholder_text

    return placeholder_text(holder, lang)


def _note(unit: ExportUnit) -> str:
    """The block's location, and what each code becomes in the target language."""
    legend = []
    for number, holder in enumerate(unit.holders, start=1):
        words = _words(holder, unit.target)
        quoted = f"«\u00a0{words}\u00a0»" if unit.target is Lang.FR else f"“{words}”"
        legend.append(f"{{{number}}} = {quoted}" if words else f"{{{number}}} = removed details (no words)")
    codes = f" Codes, as the tool writes them in {unit.target}: " + "; ".join(legend) + "." if legend else ""
    return f"{unit.location}.{codes}"


def direction_path(path: Path, source: Lang, target: Lang) -> Path:
    """`summary.xlf` -> `summary.en-fr.xlf`: one file per direction."""
    suffix = path.suffix if path.suffix.lower() in (".xlf", ".xliff") else ".xlf"
    stem = path.name[: -len(path.suffix)] if path.suffix.lower() in (".xlf", ".xliff") else path.name
    return path.with_name(f"{stem}.{source}-{target}{suffix}")
