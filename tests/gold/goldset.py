"""Loader of the annotated gold set for detection quality.

Each case is a plain note file in `tests/gold/cases/*.txt`, written for the project with
fictional people. It may start with a YAML header between two `---` lines::

    ---
    lang: en            # en | fr | mixed
    roster: atelier1.csv   # a file in tests/gold/rosters/, or none
    ---
    [[Amina Diallo|person]] ([[UNODC|affiliation]]): we discussed {{coca}} in {{Bolivia}}.

Markup:

- `[[text|kind]]` is a gold span; kind is one of person, affiliation, contact, role.
  `[[text|kind@key]]` also names the entity the span is a form of (`[[TN|person@nasser]]`,
  `[[Tariq|person@nasser]]`): entity-level scores group forms by key. Without a key, the
  span's own text is its entity. Spans may nest (a role containing an affiliation:
  `[[the head of research at [[UNODC|affiliation]]|role]]`).
- `{{text}}` is a must-keep content term (a country, a city as a place, a drug, a body
  discussed as content, a date, a figure, or an ordinary word that looks like a name).

Annotation conventions (they only matter for the exact-match figures):

- a title belongs to the person span (`[[Dr Rose|person]]`, `[[Me Bonjour|person]]`);
- a possessive ending does not (`[[Diallo|person]]'s`);
- a role span covers the whole noun phrase (`[[our colleague in Abidjan|role]]`).

Every non-empty line after the header is one block. A line of the form
`[[Name|person]] (Affiliation): text` or `[[Name|person]]: text` (after a `[hh:mm:ss]` timestamp,
which then opens the turn's text) becomes a TURN block whose
`Speaker` holds the label: gold spans inside the label are evaluated on the SPEAKER and
SPEAKER_AFFILIATION fields. Any other line is a PARAGRAPH block.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from chatham_notes.model import (
    Block,
    BlockKind,
    Field,
    Lang,
    Location,
    Metadata,
    NoteDocument,
    Participant,
    Role,
    Roster,
    Sector,
    Speaker,
)

GOLD_DIR = Path(__file__).resolve().parent
CASES_DIR = GOLD_DIR / "cases"
ROSTERS_DIR = GOLD_DIR / "rosters"
# Every annotated set, in the order it was written: each lays out `cases/` and `rosters/`.
# "tuning" is what the detector was tuned on; "holdout" was written apart from the detector,
# then used once to fix general mechanisms; "fresh" has never been used for tuning.
SETS = {
    "tuning": GOLD_DIR,
    "holdout": GOLD_DIR.parent / "gold_holdout",
    "fresh": GOLD_DIR.parent / "gold_fresh",
    "parties": GOLD_DIR.parent / "gold_parties",
    "blind": GOLD_DIR.parent / "gold_blind",
    "blind2": GOLD_DIR.parent / "gold_blind2",
    "blind3": GOLD_DIR.parent / "gold_blind3",
    "blind4": GOLD_DIR.parent / "gold_blind4",
}

KINDS = ("person", "affiliation", "contact", "role")

_CLOSE = re.compile(r"\|(" + "|".join(KINDS) + r")(?:@([\w-]+))?\]\]")
_TURN = re.compile(r"^(?P<stamp>\[\d{1,2}:\d{2}(?::\d{2})?\]\s+)?\[\[(?P<name>[^\[\]|]+)\|person(?:@(?P<key>[\w-]+))?\]\](?:\s*\((?P<aff>[^()]*)\))?\s*:\s+(?P<rest>.*)$")


@dataclass(frozen=True)
class GoldSpan:
    """A gold span: offsets into the `field` string of block `block_id`."""

    block_id: str
    field: Field
    start: int
    end: int
    text: str
    kind: str
    entity: str = ""  # the entity key (`@key`), else the span's text

    def __post_init__(self) -> None:
        if not self.entity:
            object.__setattr__(self, "entity", self.text)


@dataclass(frozen=True)
class KeepTerm:
    """A must-keep content term: no mention may overlap it."""

    block_id: str
    field: Field
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldCase:
    """One annotated note file, ready to evaluate."""

    name: str
    lang: Lang
    roster_file: str | None
    roster: Roster | None
    document: NoteDocument
    spans: tuple[GoldSpan, ...]
    keeps: tuple[KeepTerm, ...]


def parse_markup(marked: str) -> tuple[str, list[tuple[int, int, str, str]], list[tuple[int, int]]]:
    """Strip the markup from one line.

    Returns the clean text, the gold spans as (start, end, kind, entity key or "") and the
    must-keep terms as (start, end), offsets into the clean text. Raises ValueError on
    unbalanced markup.
    """
    out: list[str] = []
    stack: list[int] = []
    spans: list[tuple[int, int, str, str]] = []
    keeps: list[tuple[int, int]] = []
    keep_start: int | None = None
    i = 0
    while i < len(marked):
        if marked.startswith("[[", i):
            stack.append(len(out))
            i += 2
            continue
        close = _CLOSE.match(marked, i)
        if close and stack:
            start = stack.pop()
            spans.append((start, len(out), close.group(1), close.group(2) or ""))
            i = close.end()
            continue
        if marked.startswith("{{", i):
            if keep_start is not None:
                raise ValueError(f"nested {{{{ in {marked!r}")
            keep_start = len(out)
            i += 2
            continue
        if marked.startswith("}}", i) and keep_start is not None:
            keeps.append((keep_start, len(out)))
            keep_start = None
            i += 2
            continue
        out.append(marked[i])
        i += 1
    if stack or keep_start is not None:
        raise ValueError(f"unbalanced markup in {marked!r}")
    text = "".join(out)
    for start, end, kind, _ in spans:
        if start >= end or text[start:end] != text[start:end].strip():
            raise ValueError(f"empty or padded {kind} span {text[start:end]!r} in {marked!r}")
    for start, end in keeps:
        if any(s < end and start < e for s, e, _, _ in spans):
            raise ValueError(f"must-keep term {text[start:end]!r} overlaps a gold span in {marked!r}")
    return text, spans, keeps


def _split_header(raw: str) -> tuple[dict, list[tuple[int, str]]]:
    """The YAML header (or {}) and the body lines with their 1-based line numbers."""
    lines = raw.splitlines()
    if lines and lines[0].strip() == "---":
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        header = yaml.safe_load("\n".join(lines[1:end])) or {}
        body = [(n + 1, line) for n, line in enumerate(lines) if n > end]
    else:
        header, body = {}, [(n + 1, line) for n, line in enumerate(lines)]
    return header, body


_SECTORS = {
    "international organisation": Sector.INTERNATIONAL,
    "civil society": Sector.CIVIL_SOCIETY,
    "academia": Sector.ACADEMIA,
    "private sector": Sector.PRIVATE,
    "government": Sector.GOVERNMENT,
    "foundation": Sector.FOUNDATION,
}


def _parse_roster_csv(path: Path) -> Roster:
    """Fallback roster reader (used only while `chatham_notes.roster` is missing)."""
    people = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle), start=1):
            split = lambda v: tuple(a.strip() for a in (v or "").split("|") if a.strip())  # noqa: E731
            role = (row.get("role") or "").strip().lower()
            people.append(
                Participant(
                    id=f"R{n}",
                    name=row["name"].strip(),
                    aliases=split(row.get("aliases")),
                    affiliation=(row.get("affiliation") or "").strip() or None,
                    affiliation_aliases=split(row.get("affiliation_aliases")),
                    sector=_SECTORS.get((row.get("category") or "").strip().lower()),
                    role=Role(role) if role in Role._value2member_map_ else Role.PARTICIPANT,
                )
            )
    return Roster(participants=tuple(people), source=str(path))


def load_roster(path: Path) -> Roster:
    """The project's `read_roster` if it exists, else the fallback CSV parser above."""
    try:
        from chatham_notes.roster import read_roster
    except ImportError:
        return _parse_roster_csv(path)
    return read_roster(path)


def plain_note(case_file: Path) -> str:
    """A gold note as the rapporteur wrote it: its markup stripped, its header's language as
    front matter (a mixed note has none: ingest detects each block's language)."""
    header, body = _split_header(case_file.read_text(encoding="utf-8"))
    lines = [parse_markup(marked)[0] for _, marked in body]
    lang = str(header.get("lang", "en"))
    front = f"---\nlanguage: {lang}\n---\n" if lang in ("en", "fr") else ""
    return front + "\n".join(lines) + "\n"


def load_case(path: Path) -> GoldCase:
    """Read one annotated case file into a NoteDocument plus its gold spans and keep terms.

    A `roster:` header names a file in the `rosters/` folder beside the case's `cases/` folder.
    """
    header, body = _split_header(path.read_text(encoding="utf-8"))
    lang = Lang(str(header.get("lang", "en")))
    roster_file = header.get("roster")
    roster_file = None if roster_file in (None, "none", "") else str(roster_file)
    roster = load_roster(path.parent.parent / "rosters" / roster_file) if roster_file else None

    blocks: list[Block] = []
    spans: list[GoldSpan] = []
    keeps: list[KeepTerm] = []
    for line_no, marked in body:
        if not marked.strip():
            continue
        block_id = f"b{len(blocks) + 1}"
        location = Location(file=path.name, line=line_no)
        turn = _TURN.match(marked.strip())
        if turn:
            name = turn.group("name").strip()
            spans.append(GoldSpan(block_id, Field.SPEAKER, 0, len(name), name, "person", turn.group("key") or ""))
            affiliation = None
            if turn.group("aff") is not None:
                affiliation, aff_spans, aff_keeps = parse_markup(turn.group("aff").strip())
                spans += [GoldSpan(block_id, Field.SPEAKER_AFFILIATION, s, e, affiliation[s:e], k, key)
                          for s, e, k, key in aff_spans]
                keeps += [KeepTerm(block_id, Field.SPEAKER_AFFILIATION, s, e, affiliation[s:e]) for s, e in aff_keeps]
            text, text_spans, text_keeps = parse_markup(turn.group("rest"))
            if turn.group("stamp"):  # "[00:12:03] MB: …": the timestamp opens the turn's text, as ingest reads it
                stamp = turn.group("stamp").strip() + " "
                text = stamp + text
                text_spans = [(s + len(stamp), e + len(stamp), k, key) for s, e, k, key in text_spans]
                text_keeps = [(s + len(stamp), e + len(stamp)) for s, e in text_keeps]
            blocks.append(Block(block_id, BlockKind.TURN, text, lang, location, speaker=Speaker(name=name, affiliation=affiliation)))
        else:
            text, text_spans, text_keeps = parse_markup(marked.strip())
            blocks.append(Block(block_id, BlockKind.PARAGRAPH, text, lang, location))
        spans += [GoldSpan(block_id, Field.TEXT, s, e, text[s:e], k, key) for s, e, k, key in text_spans]
        keeps += [KeepTerm(block_id, Field.TEXT, s, e, text[s:e]) for s, e in text_keeps]

    document = NoteDocument(source=str(path), metadata=Metadata(language=lang), blocks=tuple(blocks))
    return GoldCase(path.stem, lang, roster_file, roster, document, tuple(spans), tuple(keeps))


def load_cases(directory: Path = CASES_DIR) -> list[GoldCase]:
    """Every case in `directory`, sorted by file name."""
    return [load_case(path) for path in sorted(directory.glob("*.txt"))]
