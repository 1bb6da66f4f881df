"""The leak check: look for every original name in an output file, and fail closed.

`needles_for(roster, detections)` gathers the strings that must never appear in a
shareable file: every roster name, alias, initials and affiliation, and the text of
every finding removed anywhere. `leak_check(path, needles)` scans a .docx (every XML
part of the zip, text and attributes), an XLIFF file (.xlf, .xliff: every source, target
and note, comments and attributes) or a .txt/.md file and returns the `Leak`s.

Matching is case-, accent- and hyphen-insensitive, on whole words. Like detection,
it takes care with short strings and common words: a needle of three letters or
fewer (initials, acronyms) or a common word ("Rose", "Grand") matches only as
written or in capitals, so "prices rose" is not a leak of the surname Rose, and
"am" is not a leak of the initials AM.

Needles are confidential: their `repr` never shows the text, so that a log line or
a traceback cannot print a name.
"""

from __future__ import annotations

import bisect
import functools
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from lxml import etree

from .errors import InputError
from .matching import TermMatcher, fold, is_common_word, lower
from .model import Detection, Kind, Leak, Roster

T = TypeVar("T")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = {f"{_W}t", f"{_W}delText", f"{_W}instrText"}
_SPACE_TAGS = {f"{_W}tab", f"{_W}br", f"{_W}cr"}


@dataclass(frozen=True)
class Needle:
    """A string that must not appear in a shareable file. Its repr hides the text.

    A person's form that is also an ordinary word ("Summer", « Sage ») is a leak only where
    it names someone, by the rule detection removed it with (`name_context.names_person`).
    """

    text: str = field(repr=False)
    kind: Kind
    source: str  # "roster p3", "party P2", "finding F-1a2b3c4d"

    @functools.cached_property
    def ordinary(self) -> bool:
        return self.kind is Kind.PERSON and " " not in self.text and is_common_word(self.text)

    def leaks_at(self, text: str, start: int, end: int) -> bool:
        """Whether this match of the needle in `text` names someone."""
        if not self.ordinary:
            return True
        from .detect.name_context import names_person

        return names_person(text, start, end)


@dataclass(frozen=True)
class Needles:
    """The strings the leak check looks for, deduplicated, in a stable order."""

    items: tuple[Needle, ...] = ()

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Needle]:
        return iter(self.items)

    def matcher(self) -> TermMatcher[Needle]:
        """A matcher over every needle."""
        return TermMatcher((n.text, n) for n in self.items)


def needles_for(roster: Roster | None, detections: Sequence[Detection], extra: Iterable[tuple[str, Kind]] = (),
                kept: Iterable[str] = ()) -> Needles:
    """The strings a shareable file must not hold: the party book's.

    Every form of every party (`Party.forms`: what detection propagated and removed), every
    roster form, the text of every other finding removed (contacts, roles), and `extra`
    (the reviewer's removals); not an organisation's form that is only a kind of body ("Center").
    The tool's own text (the rule's notice and name in both
    languages, headings, generic phrases) is never a needle: it is written into every summary;
    nor is a text the reviewer decided to keep (`kept`): the decision stands everywhere.
    """
    from .detect.sources import Source

    kept_keys = {lower(fold(text.strip())[0]).strip() for text in kept}
    seen: set[tuple[str, Kind]] = set()
    items: list[Needle] = []

    def add(text: str, kind: Kind, source: str) -> None:
        key = (lower(fold(text.strip())[0]).strip(), kind)
        if kind is Kind.AFFILIATION and _kind_of_body(text):
            return  # "XY (Center):" removes "Center" there; elsewhere it is a word ("center" in any file)
        if key[0] and key not in seen and key[0] not in kept_keys:
            seen.add(key)
            items.append(Needle(text.strip(), kind, source))

    for text, kind, participant_id in _roster_forms(roster):
        add(text, kind, f"roster {participant_id}")
    for detection in detections:
        for party in detection.parties:
            for form in party.forms:
                add(form, party.kind, f"party {party.id}")
        for mention in detection.mentions:
            if Source.of(mention.detector).needle:
                add(mention.text, mention.kind, f"finding {mention.id}")
    for text, kind in extra:
        add(text, kind, "decision")
    own = {id(n) for _, _, n in TermMatcher((n.text, n) for n in items).find(_own_text())}
    return Needles(tuple(n for n in items if id(n) not in own))


def _kind_of_body(text: str) -> bool:
    """Whether an organisation's form is only a word for a kind of body ("Center", « le
    Ministère »): like a reference, it names its party where the note writes it, nowhere else."""
    from .detect.lexicon import is_org_word

    words = re.sub(r"^(?i:the|la|le|les|l['’])\s*", "", text.strip()).split()
    return len(words) == 1 and is_org_word(words[0], any_case=True)


def _roster_forms(roster: Roster | None) -> list[tuple[str, Kind, str]]:
    """Every name form of the roster, as detection's roster recogniser knows them."""
    if not roster:
        return []
    from .detect import roster_needles

    return [(text, Kind(kind), str(pid)) for text, kind, pid in roster_needles(roster)]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@functools.lru_cache(maxsize=1)
def _own_text() -> str:
    """The tool's own wording (notice, headings, generic phrases), one phrase a line."""
    from .resources import read_yaml

    parts = list(_strings(read_yaml("notice.yaml")))
    for lang in ("en", "fr"):
        parts += _strings(read_yaml("wording", f"{lang}.yaml"))
    return "\n".join(parts)


def leak_check_text(text: str, needles: Needles, location: str = "text") -> list[Leak]:
    """The leaks in an in-memory string; `location` is reported as is (plus the line if several)."""
    return _leaks_in(text, needles.matcher(), "text", location, by_line=False)


def leak_check(path: Path, needles: Needles) -> list[Leak]:
    """The leaks in a .docx, .xlf/.xliff, .txt or .md file, each with its part and location.

    Raises:
        InputError: the file is missing, of another type, or not a readable .docx or XLIFF file.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    matcher = needles.matcher()
    inner = [s.lower() for s in path.suffixes]  # a temporary file: summary.docx.x1y2.part
    if suffix == ".docx" or (".docx" in inner and _is_zip(path)):
        leaks: list[Leak] = []
        for part, units in _docx_parts(path):
            leaks.extend(_leaks_in_units(part, units, matcher))
        return leaks
    if suffix in _XLIFF_SUFFIXES or set(_XLIFF_SUFFIXES) & set(inner):
        return _leaks_in_units("xliff", _xliff_units(path), matcher)
    if suffix in (".txt", ".md") or {".txt", ".md"} & set(inner):
        return _leaks_in(_read_text(path), matcher, "text", "", by_line=True)
    raise InputError(path, f"cannot check a {suffix or 'extension-less'} file", "use .docx, .xlf, .txt or .md")


def _is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _longest(matches: Iterable[tuple[int, int, T]]) -> Iterator[tuple[int, int, T]]:
    """The longest match at each place (a full name, not also its surname inside it)."""
    covered_to = -1
    for start, end, payload in matches:
        if start >= covered_to:
            covered_to = end
            yield start, end, payload


def _leaks_in(text: str, matcher: TermMatcher[Needle], part: str, location: str, by_line: bool) -> list[Leak]:
    leaks: list[Leak] = []
    found = ((s, e, n) for s, e, n in matcher.find(text) if n.leaks_at(text, s, e))
    for start, end, needle in _longest(found):
        where = f"line {text.count(chr(10), 0, start) + 1}" if by_line else location
        leaks.append(Leak(part, where, needle.kind, text[start:end], _context(text, start, end)))
    return leaks


_UNIT_SEPARATOR = "\x00"  # not a letter, not a space: no needle can match across two units


_BATCH_CHARS = 1_000_000  # units are searched in batches of about this size: bounded memory


def _leaks_in_units(part: str, units: Sequence[tuple[str, str]], matcher: TermMatcher[Needle]) -> list[Leak]:
    """The leaks of one part's units (location, text), searched a batch of units at a time."""
    leaks: list[Leak] = []
    batch: list[tuple[str, str]] = []
    size = 0
    for unit in units:
        batch.append(unit)
        size += len(unit[1]) + 1
        if size >= _BATCH_CHARS:
            leaks.extend(_leaks_in_batch(part, batch, matcher))
            batch, size = [], 0
    return leaks + _leaks_in_batch(part, batch, matcher)


def _leaks_in_batch(part: str, units: Sequence[tuple[str, str]], matcher: TermMatcher[Needle]) -> list[Leak]:
    """One pass of the matcher over the units joined by a separator no needle can span."""
    joined = _UNIT_SEPARATOR.join(text for _, text in units)
    starts, position = [], 0
    for _, text in units:
        starts.append(position)
        position += len(text) + 1
    def named(start: int, end: int, needle: Needle) -> bool:
        if not needle.ordinary:
            return True
        index = bisect.bisect_right(starts, start) - 1  # an ordinary word is judged in its own unit
        return needle.leaks_at(units[index][1], start - starts[index], end - starts[index])

    leaks: list[Leak] = []
    for start, end, needle in _longest((s, e, n) for s, e, n in matcher.find(joined) if named(s, e, n)):
        index = bisect.bisect_right(starts, start) - 1
        location, text = units[index]
        offset = starts[index]
        leaks.append(Leak(part, location, needle.kind, joined[start:end], _context(text, start - offset, end - offset)))
    return leaks


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _docx_parts(path: Path) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(part, units) for every XML part; a unit is (location, text): a paragraph, loose text, an attribute."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, "not a readable .docx (zip) file", str(exc)) from None
    with archive:
        for name in sorted(archive.namelist()):
            if not name.lower().endswith((".xml", ".rels")):
                continue  # media and embedded binaries hold no text the renderer writes
            try:
                root = etree.fromstring(archive.read(name), parser)
            except etree.XMLSyntaxError as exc:
                raise InputError(path, f"part {name} is not well-formed XML", str(exc)) from None
            yield name, _part_units(root)


# Attributes that hold codes, never text a person wrote: language tags (w:lang w:eastAsia="ja-JP"
# would otherwise "contain" the initials JP), fonts (the theme's "ＭＳ 明朝" holds the initials MS),
# revision ids.
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_CODE_ELEMENTS = frozenset({f"{_W}lang", f"{_W}themeFontLang", f"{_W}rFonts", f"{_W}font", f"{_W}altName",
                            f"{_A}latin", f"{_A}ea", f"{_A}cs", f"{_A}font", f"{_A}sym"})


def _part_units(root: etree._Element) -> list[tuple[str, str]]:
    """A part's text units in document order: paragraphs (w:t runs joined, so a name split
    across runs is found; nested paragraphs of text boxes apart), loose text, attributes."""
    units: list[tuple[str, str]] = []
    count = 0

    def visit(element: etree._Element, pieces: list[str] | None) -> None:
        nonlocal count
        tag = element.tag if isinstance(element.tag, str) else "comment"
        if tag == f"{_W}p":
            count += 1
            slot, own = len(units), []
            units.append((f"paragraph {count}", ""))
            _attributes(element, tag, units)
            for child in element:
                visit(child, own)
            units[slot] = (f"paragraph {count}", "".join(own))
            return
        if pieces is not None and tag in _TEXT_TAGS:
            pieces.append(element.text or "")
        elif pieces is not None and tag in _SPACE_TAGS:
            pieces.append(" ")
        elif pieces is None and element.text and element.text.strip():
            units.append((f"element {_short(tag)}", element.text))
        _attributes(element, tag, units)
        for child in element:
            visit(child, pieces)

    visit(root, None)
    return units


def _attributes(element: etree._Element, tag: str, units: list[tuple[str, str]]) -> None:
    if tag in _CODE_ELEMENTS:
        return
    for attribute, value in element.attrib.items():
        if _LETTER.search(value) and not _short(attribute).startswith("w:rsid"):
            units.append((f"attribute {_short(attribute)} of {_short(tag)}", value))


_LETTER = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=4096)
def _short(tag: str) -> str:
    """`{ns}local` -> `w:local` for the usual namespaces, else the local name."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    prefixes = {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
        "http://purl.org/dc/terms/": "dcterms",
    }
    return f"{prefixes[namespace]}:{local}" if namespace in prefixes else local


_XLIFF_SUFFIXES = (".xlf", ".xliff")
_XLIFF_TEXT = frozenset({"source", "target", "seg-source", "note"})  # their inline codes' text belongs to them
_XLIFF_CODE_ATTRIBUTES = frozenset({"lang", "source-language", "target-language", "version", "space", "state",
                                    "datatype", "ctype", "annotates", "tool-id"})  # `note from` may name its writer


def _xliff_units(path: Path) -> list[tuple[str, str]]:
    """An XLIFF file's text units (location, text): each source, target and note with its inline
    codes' text, any other text, comments, and the attributes that hold words. Locations count
    elements ("trans-unit 3, target"), never quote an id: a returned file may hold anything."""
    data = path.read_bytes()
    if re.search(rb"<!\s*(DOCTYPE|ENTITY)", data, re.I):
        raise InputError(path, "declares a DTD or entities (an XML bomb or an external entity?); not checked")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        # the line only: the parser's message may quote what the file wrote
        raise InputError(path, f"is not well-formed XML (line {exc.lineno}); not checked") from None
    units: list[tuple[str, str]] = []
    counts: dict[str, int] = {}

    def visit(element: etree._Element, where: str) -> None:
        if not isinstance(element.tag, str):  # a comment or processing instruction
            units.append((f"{where}, comment", element.text or ""))
            return
        name = etree.QName(element).localname
        if name in ("file", "trans-unit", "group", "bin-unit"):
            counts[name] = counts.get(name, 0) + 1
            where = f"{name} {counts[name]}" if name == "file" else f"{where.split(', ')[0]}, {name} {counts[name]}"
        for attribute, value in element.attrib.items():
            if etree.QName(attribute).localname not in _XLIFF_CODE_ATTRIBUTES and _LETTER.search(value):
                units.append((f"{where}, attribute {etree.QName(attribute).localname} of {name}", value))
        if name in _XLIFF_TEXT:
            units.append((f"{where}, {name}", "".join(element.itertext())))
            for child in element.iter():
                if child is not element:
                    for attribute, value in child.attrib.items():
                        if etree.QName(attribute).localname not in _XLIFF_CODE_ATTRIBUTES and _LETTER.search(value):
                            units.append((f"{where}, {name}, attribute {etree.QName(attribute).localname}", value))
            return
        if element.text and element.text.strip():
            units.append((f"{where}, {name}", element.text))
        for child in element:
            visit(child, where)
            if child.tail and child.tail.strip():
                units.append((f"{where}, {name}", child.tail))

    visit(root, "xliff")
    return units


def document_text(path: Path) -> str:
    """All the text the leak check reads in a .docx (every part, text and attributes) or an XLIFF
    file, one unit a line."""
    path = Path(path)
    if path.suffix.lower() in _XLIFF_SUFFIXES:
        return "\n".join(text for _, text in _xliff_units(path))
    return "\n".join(text for _, units in _docx_parts(path) for _, text in units)
