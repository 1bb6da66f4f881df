"""XLIFF 1.2 hand-off: the blocks awaiting translation out, the translations back in.

`export_units(parts, generalised)` lists the blocks still awaiting translation
after a run, and `xliff_bytes(units, source, target)` writes one direction of
them as an XLIFF 1.2 document: one `<file>` per notes file, one `<trans-unit>`
per block (id = the block id), its location and the meaning of its codes in a
`<note>`, and every placeholder as an `<x id="n"/>` inline code that CAT tools
(Trados, memoQ, OmegaT, Phrase) protect. Only generalised text is written:
no name is ever handed over, and `pipeline.summarise` leak-checks the file
before it writes it.

`read_xliff(path)` parses a returned file with defusedxml (no DTD, hence no
entity bomb and no external entity) into `Unit`s; `XliffTranslator` answers
the translation stage from them by (notes file, block id), then from a
translation memory (exact matches of earlier files' sources), and leaves the
rest pending or to a fallback backend. A unit is refused, with a `Rejection`
for the report, when its source changed since the export, its inline codes did
not come back exactly once each, or its translation names someone.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from .model import BilingualBlock, GeneralisedBlock, Lang, Placeholder
from .translate import Answer, Request, Translator, protect
from .verify import Needles, leak_check_text

NS = "urn:oasis:names:tc:xliff:document:1.2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TOKEN = re.compile(r"⟦(\d+)⟧")
_MAX_BYTES = 50 * 1024 * 1024
_TOOL = "chatham-notes"
_UNTRANSLATED_STATES = frozenset({"new", "needs-translation"})


@dataclass(frozen=True)
class ExportUnit:
    """One block awaiting translation, as it goes out.

    Attributes:
        document: the notes file's name (`Location.file`), the `<file original>`.
        block_id: the block's id, the unit's id.
        location: where the block is, for the translator's note.
        text: the block's text with its placeholders as tokens (`⟦1⟧ said…`).
        holders: the placeholders, token n being index n-1.
    """

    document: str
    block_id: str
    location: str
    text: str
    holders: tuple[Placeholder, ...]
    source: Lang
    target: Lang


@dataclass(frozen=True)
class Unit:
    """One `<trans-unit>` read back: its source and target with codes as tokens.

    Attributes:
        file: the XLIFF file's name, for the report.
        document: its `<file original>`.
        codes: the `ctype` of each code of the source, in token order (for memory matches).
        target: the translation in tokens, or None when there is none.
        problem: why the target cannot be used as it stands (None when it can).
    """

    file: str
    document: str
    id: str
    source_lang: str
    target_lang: str
    source: str
    codes: tuple[str, ...]
    target: str | None
    problem: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A translation file, or one of its units, that was not used, and why (no original text)."""

    file: str
    unit: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {'unit ' + self.unit + ': ' if self.unit else ''}{self.reason}"


# --- export -----------------------------------------------------------------------------------------


def export_units(parts: Sequence[tuple[object, Sequence[BilingualBlock]]],
                 generalised: Sequence[Sequence[GeneralisedBlock]]) -> list[ExportUnit]:
    """The blocks still awaiting translation after a run, in document order.

    Args:
        parts: `pipeline.bilingual_parts`' ((title EN, title FR), bilingual blocks) per file.
        generalised: the generalised blocks of each file, in the same order.
    """
    units: list[ExportUnit] = []
    for (_, blocks), items in zip(parts, generalised, strict=True):
        by_id = {item.block.id: item for item in items}
        for block in blocks:
            item = by_id.get(block.block_id)
            if not block.pending or item is None:
                continue
            text, holders = protect(item.segments)
            target = Lang.FR if block.source_lang is Lang.EN else Lang.EN
            units.append(ExportUnit(item.block.location.file, block.block_id, _where(item), text, holders,
                                    block.source_lang, target))
    return units


def _where(item: GeneralisedBlock) -> str:
    kind = item.block.kind.value.replace("_", " ")
    turn = "; the speaker label is written by the tool" if item.label is not None else ""
    return f"{item.block.location} ({kind}{turn})"


def xliff_bytes(units: Sequence[ExportUnit], source: Lang, target: Lang) -> bytes:
    """The units of one direction as an XLIFF 1.2 document (UTF-8)."""
    from lxml import etree

    from . import __version__

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
    pieces = _TOKEN.split(unit.text)
    source.text = pieces[0]
    for index in range(1, len(pieces), 2):
        holder = unit.holders[int(pieces[index]) - 1]
        code = etree.SubElement(source, f"{{{NS}}}x", {"id": pieces[index], "ctype": _ctype(holder)})
        shown = _words(holder, unit.source)
        if shown:
            code.set("equiv-text", shown)
        code.tail = pieces[index + 1]
    etree.SubElement(trans, f"{{{NS}}}note", {"from": _TOOL, "annotates": "general"}).text = _note(unit)


def _ctype(holder: Placeholder) -> str:
    return f"x-{holder.kind.value}"


def _words(holder: Placeholder, lang: Lang) -> str:
    from .generalise.wording import placeholder_text

    return placeholder_text(holder, lang)


def _note(unit: ExportUnit) -> str:
    """The block's location, and what each code becomes in the target language."""
    legend = []
    for number, holder in enumerate(unit.holders, start=1):
        words = _words(holder, unit.target)
        quoted = f"« {words} »" if unit.target is Lang.FR else f"“{words}”"
        legend.append(f"{{{number}}} = {quoted}" if words else f"{{{number}}} = removed details (no words)")
    codes = f" Codes, as the tool writes them in {unit.target}: " + "; ".join(legend) + "." if legend else ""
    return f"{unit.location}.{codes}"


def direction_path(path: Path, source: Lang, target: Lang) -> Path:
    """`summary.xlf` -> `summary.en-fr.xlf`: one file per direction."""
    suffix = path.suffix if path.suffix.lower() in (".xlf", ".xliff") else ".xlf"
    stem = path.name[: -len(path.suffix)] if path.suffix.lower() in (".xlf", ".xliff") else path.name
    return path.with_name(f"{stem}.{source}-{target}{suffix}")


# --- import -----------------------------------------------------------------------------------------


class XliffError(Exception):
    """A translation file that cannot be read; its message is one line without original text."""


def read_xliff(path: Path) -> list[Unit]:
    """Every `<trans-unit>` of an XLIFF 1.2 file.

    Raises:
        XliffError: the file is unreadable, too large, not well-formed, has a DTD
            (entity bombs, external entities) or is not XLIFF 1.2.
    """
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise XliffError("is larger than 50 MB; not read")
        data = path.read_bytes()
    except OSError as error:
        raise XliffError(f"cannot be read ({error.strerror or error})") from None
    root = _parse(data)
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "1.2":
        raise XliffError("is not an XLIFF 1.2 file (expected <xliff version=\"1.2\"> in its namespace)")
    units = []
    for file in root.iter(f"{{{NS}}}file"):
        units.extend(_units(file, path.name))
    return units


def _parse(data: bytes) -> ET.Element:
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise XliffError("declares a DTD or entities (an XML bomb or an external entity?); not read") from None
    except ET.ParseError as error:
        raise XliffError(f"is not well-formed XML (line {error.position[0]}); not read") from None


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
                          _canonical(source_text), codes, target_text, problem))
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
                problems.append(f"an inline code <{tag}> that the export did not write; not used")
            add(child.tail)

    visit(element)
    return "".join(parts), tuple(codes), (problems[0] if problems else None)


def _canonical(text: str) -> str:
    """NFC, one space for any run of white space, trimmed: how two sources compare."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# --- the translator backend --------------------------------------------------------------------------


def code_problem(target: str, count: int) -> str | None:
    """What is wrong with a translation's codes, or None when each of the `count` codes is there once."""
    found = [int(n) for n in _TOKEN.findall(target)]
    expected = list(range(1, count + 1))
    if sorted(found) == expected:
        return None
    missing = [n for n in expected if n not in found]
    doubled = sorted({n for n in found if found.count(n) > 1})
    invented = sorted({n for n in found if n not in expected})
    what = [f"code {n} deleted" for n in missing] + [f"code {n} duplicated" for n in doubled]
    what += [f"code {n} invented" for n in invented]
    return "inline codes changed (" + ", ".join(what) + "); not used"


class XliffTranslator:
    """Answers from returned XLIFF units by (notes file, block id), then from memory, then a fallback.

    Attributes:
        rejections: what was refused so far (grows as blocks are translated; see `finish`).
    """

    name = "xliff"

    def __init__(self, units: Sequence[Unit], memory: Sequence[Unit], needles: Needles,
                 fallback: Translator, rejections: Sequence[Rejection] = ()) -> None:
        """Index the units.

        Args:
            units: units of the translation files given for this run (`read_xliff`).
            memory: units of earlier files, used for exact matches of their source.
            needles: what a translation must not contain (`verify.needles_for`).
            fallback: the backend for blocks no unit answers (`none` leaves them pending).
            rejections: problems already found (files that could not be read).
        """
        self._units = {(u.document, u.source_lang, u.target_lang, u.id): u for u in units}
        self._memory = {_memory_key(u.source_lang, u.target_lang, u.source, u.codes): u
                        for u in memory if u.target is not None and u.problem is None}
        self._needles = needles
        self.fallback = fallback
        self.rejections: list[Rejection] = list(rejections)
        self._used: set[tuple[str, str, str, str]] = set()
        self._documents: set[str] = set()

    @property
    def pairs(self) -> bool:
        """Whether `EN:`/`FR:` pairs are aligned first (as the fallback says)."""
        return bool(getattr(self.fallback, "pairs", False))

    def translate(self, texts: Sequence[str], source: Lang, target: Lang) -> list[str]:
        """Plain texts go to the fallback backend."""
        return self.fallback.translate(texts, source, target)

    def translate_blocks(self, requests: Sequence[Request]) -> list[Answer | None]:
        """Answer each request from its unit, else from memory, else from the fallback (or None)."""
        answers = [self._answer(request) for request in requests]
        if getattr(self.fallback, "translates", True):
            todo = [i for i, answer in enumerate(answers) if answer is None]
            for source in (Lang.EN, Lang.FR):
                batch = [i for i in todo if requests[i].source is source]
                if batch:
                    outputs = self.fallback.translate([requests[i].text for i in batch], source,
                                                      requests[batch[0]].target)
                    for i, output in zip(batch, outputs, strict=True):
                        answers[i] = Answer(output, self.fallback.name)
        return answers

    def _answer(self, request: Request) -> Answer | None:
        self._documents.add(request.document)
        key = (request.document, str(request.source), str(request.target), request.block_id)
        unit = self._units.get(key)
        if unit is not None:
            self._used.add(key)
            answer = self._checked(unit, request, "xliff")
            if answer is not None:
                return answer
        codes = tuple(_ctype(h) for h in request.holders)
        remembered = self._memory.get(_memory_key(str(request.source), str(request.target),
                                                  _canonical(request.text), codes))
        return self._checked(remembered, request, "memory", quiet=True) if remembered else None

    def _checked(self, unit: Unit, request: Request, origin: str, quiet: bool = False) -> Answer | None:
        """The unit's target when it may be used; else None, with a rejection unless `quiet`."""
        if unit.target is None:
            return None
        problem = unit.problem
        if problem is None and unit.source != _canonical(request.text):
            problem = "its source changed since the export; not used"
        problem = problem or code_problem(unit.target, len(request.holders))
        if problem is None:
            leaks = leak_check_text(_TOKEN.sub(" ", unit.target), self._needles)
            if leaks:
                kinds = ", ".join(sorted({leak.kind.value for leak in leaks}))
                problem = f"the translation names someone ({kinds}); not used"
        if problem is None:
            return Answer(unit.target, origin)
        if not quiet:
            self.rejections.append(Rejection(unit.file, unit.id, problem))
        return None

    def finish(self) -> tuple[Rejection, ...]:
        """Every rejection, with the units that matched no block awaiting translation."""
        others: dict[tuple[str, str], int] = {}
        for key, unit in self._units.items():
            if key in self._used or unit.target is None:
                continue
            if unit.document not in self._documents:
                others[(unit.file, unit.document)] = others.get((unit.file, unit.document), 0) + 1
            else:
                self.rejections.append(Rejection(unit.file, unit.id, "matches no block awaiting translation "
                                                 "(the notes may have changed); not used"))
        for (file, document), count in others.items():
            self.rejections.append(Rejection(file, "", f"{count} unit(s) are for another document "
                                             f"({document!r}, not among these notes); not used"))
        return tuple(self.rejections)


def _memory_key(source: str, target: str, text: str, codes: tuple[str, ...]) -> tuple[str, str, str, tuple[str, ...]]:
    return (source, target, text, codes)


def load_units(paths: Sequence[str | Path]) -> tuple[list[Unit], list[Rejection]]:
    """The units of every readable file, and a rejection for each file that is not."""
    units: list[Unit] = []
    rejections: list[Rejection] = []
    for path in paths:
        try:
            units.extend(read_xliff(Path(path)))
        except XliffError as error:
            rejections.append(Rejection(Path(path).name, "", str(error)))
    return units, rejections
