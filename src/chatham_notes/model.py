"""The data that flows between the pipeline's stages.

ingest -> NoteDocument; roster -> Roster; detect -> Detection (Mentions, Parties);
generalise -> GeneralisedBlock (segments of text and Placeholders);
translate/render -> Summary -> .docx; verify -> Leak.

Every class here is a frozen dataclass: a stage returns new values, it never
mutates what it was given.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Lang(StrEnum):
    """Language of a block of notes."""

    EN = "en"
    FR = "fr"
    MIXED = "mixed"
    UNKNOWN = "und"


class BlockKind(StrEnum):
    """What a block is in the notes' structure."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    TURN = "turn"  # a speaker turn: `speaker` holds the label
    TABLE_CELL = "table_cell"


@dataclass(frozen=True)
class Location:
    """Where a block came from, for the report and for error messages.

    Attributes:
        file: the input file's name (not its full path).
        part: the part of the file: body, header, footer, footnote, table, front-matter, cue.
        line: 1-based line number in a text file (the first line of the block).
        paragraph: 1-based paragraph index in a .docx part, or cue index in a transcript.
    """

    file: str
    part: str = "body"
    line: int | None = None
    paragraph: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else (
            f"paragraph {self.paragraph}" if self.paragraph is not None else ""
        )
        part = "" if self.part == "body" else f" {self.part}"
        return f"{self.file}{part}{', ' + where if where else ''}"


@dataclass(frozen=True)
class Speaker:
    """The label of a speaker turn, as written: `Amina (UNODC):` -> name="Amina", affiliation="UNODC"."""

    name: str
    affiliation: str | None = None


@dataclass(frozen=True)
class Block:
    """One unit of the notes: a heading, a paragraph, a bullet, a speaker turn or a table cell.

    `text` is the content only; for a turn the label lives in `speaker` and is not part of `text`.
    """

    id: str
    kind: BlockKind
    text: str
    lang: Lang
    location: Location
    speaker: Speaker | None = None
    level: int = 0  # heading level (1, 2...) or bullet depth (0-based)
    section: str = ""  # id of the heading block this block sits under ("" before any heading)
    marker: str = ""  # the heading or list marker the notes wrote: "##", "-", "1.", "a)" ("" if none)


@dataclass(frozen=True)
class Metadata:
    """Front matter or options: everything optional."""

    title: str | None = None
    title_fr: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) where it could be parsed, else as written
    place: str | None = None
    session: str | None = None
    language: Lang | None = None


@dataclass(frozen=True)
class NoteDocument:
    """One input file, read: its metadata and its ordered blocks.

    Attributes:
        source: the path as given by the user.
        notes: facts about the input the report should mention (e.g. "3 comments ignored").
    """

    source: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    sha256: str = ""
    size: int = 0
    notes: tuple[str, ...] = ()

    def block(self, block_id: str) -> Block:
        for b in self.blocks:
            if b.id == block_id:
                return b
        raise KeyError(block_id)


class Sector(StrEnum):
    """The six sectors a participant's affiliation can belong to."""

    INTERNATIONAL = "international_organisation"
    CIVIL_SOCIETY = "civil_society"
    ACADEMIA = "academia"
    PRIVATE = "private_sector"
    GOVERNMENT = "government"
    FOUNDATION = "foundation"


class Role(StrEnum):
    """A participant's role at the meeting; anything unrecognised is PARTICIPANT."""

    MODERATOR = "moderator"
    CHAIR = "chair"
    PANELLIST = "panellist"
    RAPPORTEUR = "rapporteur"
    ORGANISER = "organiser"
    OBSERVER = "observer"
    PARTICIPANT = "participant"


@dataclass(frozen=True)
class Participant:
    """One roster entry. Only `name` is required in the roster file."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    affiliation_aliases: tuple[str, ...] = ()
    sector: Sector | None = None
    role: Role = Role.PARTICIPANT


@dataclass(frozen=True)
class Roster:
    """The participants of a meeting, as the organisers list them."""

    participants: tuple[Participant, ...] = ()
    source: str | None = None

    def __bool__(self) -> bool:
        return bool(self.participants)


class Kind(StrEnum):
    """Type of a finding."""

    PERSON = "person"
    AFFILIATION = "affiliation"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    HANDLE = "handle"
    ROLE = "role"  # an identifying role description (quasi-identifier): "the moderator"
    PLACE = "place"  # a place tied to a person: "our colleague in Abidjan"

    @property
    def is_contact(self) -> bool:
        return self in (Kind.EMAIL, Kind.PHONE, Kind.URL, Kind.HANDLE)


class Field(StrEnum):
    """Which string of a block a mention's offsets refer to."""

    TEXT = "text"
    SPEAKER = "speaker"  # Block.speaker.name
    SPEAKER_AFFILIATION = "speaker_affiliation"  # Block.speaker.affiliation


@dataclass(frozen=True)
class Mention:
    """A span of a block that identifies someone (or may: see `Candidate`).

    Offsets are character offsets into the block's `field` string.
    """

    block_id: str
    start: int
    end: int
    text: str
    kind: Kind
    detector: str  # e.g. "roster", "spacy", "presidio:EmailRecognizer", "label", "cue"
    score: float
    party_id: str | None = None
    field: Field = Field.TEXT

    def __post_init__(self) -> None:
        if self.end - self.start != len(self.text) or self.start < 0:
            raise ValueError(f"span {self.start}:{self.end} does not fit text {self.text!r}")

    @property
    def id(self) -> str:
        """A stable id: the same input gives the same id."""
        key = f"{self.block_id}|{self.field}|{self.start}|{self.end}|{self.kind}|{self.text}"
        return "F-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Party:
    """A person or an organisation that several mentions refer to.

    Attributes:
        id: "P1", "P2"... for people, "O1"... for organisations; stable for the same input.
        label: the canonical original name (confidential: only the report shows it).
        participant_id: the roster entry, if the party is on the roster.
        affiliation_id: for a person, the party id of their organisation, if known.
        forms: every way the party is written in the notes or was looked for (full name,
            parts, initials; an organisation's names in both languages): what the rewrite
            removed and what the leak check looks for (confidential, like `label`).
    """

    id: str
    kind: Kind  # PERSON or AFFILIATION
    label: str
    participant_id: str | None = None
    sector: Sector | None = None
    role: Role = Role.PARTICIPANT
    affiliation_id: str | None = None
    forms: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Candidate:
    """Something that might identify someone but was kept: the reviewer decides."""

    block_id: str
    start: int
    end: int
    text: str
    reason: str  # e.g. "low-confidence PERSON", "unknown capitalised word"
    kind: Kind = Kind.PERSON
    score: float = 0.0
    field: Field = Field.TEXT

    @property
    def id(self) -> str:
        key = f"C|{self.block_id}|{self.field}|{self.start}|{self.end}|{self.text}"
        return "C-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Detection:
    """What the detection stage found in one document."""

    document: NoteDocument
    mentions: tuple[Mention, ...]
    parties: tuple[Party, ...] = ()
    candidates: tuple[Candidate, ...] = ()

    def party(self, party_id: str) -> Party:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)


class Level(StrEnum):
    """How much an attribution may say about the speaker."""

    PARTICIPANT = "participant"
    SECTOR = "sector"


class PlaceholderKind(StrEnum):
    """What a placeholder stands for; `wording` renders each in English and French."""

    PARTICIPANT = "participant"  # "a participant" / « une personne participante »
    ANOTHER = "another"  # "another participant" / « une autre personne participante »
    ORGANISATION = "organisation"  # affiliation as content: "an international organisation"
    CONTACT = "contact"  # removed contact details
    PRONOUN = "pronoun"  # a neutralised pronoun: "they", "their"
    REMOVED = "removed"  # anything else removed
    ATTENDANCE = "attendance"  # a participants list: "Twenty-three participants from five sectors took part"
    GROUP = "group"  # coordinated people: "two participants" / « deux personnes participantes »
    TURN = "turn"  # a turn's label, numbered in the note: "Intervention 3" (never links a person's turns)


@dataclass(frozen=True)
class Placeholder:
    """A typed hole in generalised text, rendered in each language by `wording`.

    Attributes:
        kind: what it stands for.
        sector: the sector to mention, or None at the `participant` level.
        form: grammatical hint, e.g. "subject", "possessive", "object" (pronouns: "they", "their"...).
        source_kind: the Kind of the mention(s) it replaces (for the report).
        mention_ids: the findings it replaces.
    """

    kind: PlaceholderKind
    sector: Sector | None = None
    form: str = ""
    source_kind: Kind | None = None
    mention_ids: tuple[str, ...] = ()
    pseudonym: str | None = None  # "Participant A", only with --pseudonyms
    count: int = 0  # ATTENDANCE: number of participants; TURN: the turn's number; GROUP: how many people
    sectors: int = 0  # ATTENDANCE: number of distinct sectors


Segment = str | Placeholder


@dataclass(frozen=True)
class GeneralisedBlock:
    """A block with every finding replaced by placeholders.

    `label` replaces the speaker label of a turn (None if the block is not a turn).
    `removed_reason` is set when the block is dropped (e.g. a participants list); its
    `segments` then hold what stands in its place, possibly nothing. `internal` lists the
    rapporteur's internal sentences cut from a block that stays: (reason, original text),
    confidential, for the report.
    """

    block: Block
    segments: tuple[Segment, ...]
    label: tuple[Segment, ...] | None = None
    removed_reason: str | None = None
    internal: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Leak:
    """A string from the roster or the findings that survived into an output file."""

    part: str  # the XML part or "text"
    location: str  # e.g. "word/footer1.xml", "paragraph 12"
    kind: Kind
    text: str  # the original that leaked (confidential)
    context: str = ""


@dataclass(frozen=True)
class Request:
    """One text to translate (a block, or one sentence of a block written in both languages).

    Backends that answer block by block get these (`translate.BlockTranslator`); those left
    unanswered are what the XLIFF export hands to a translator.

    Attributes:
        document: the notes file's name in this run (`Location.file`, or its path below the folder
            two notes of the same name share: `pipeline.document_names`), the XLIFF `<file original>`.
        block_id: the unit's id: the block's id, or `block id.n` for its n-th sentence.
        text: the text with its placeholders as tokens (`translate.protect`).
        holders: the placeholders, token n being index n-1.
        location: where the text is, for a human translator ("notes.md, line 4 (turn)").
    """

    document: str
    block_id: str
    text: str
    holders: tuple[Placeholder, ...]
    source: Lang
    target: Lang
    location: str = ""


@dataclass(frozen=True)
class Run:
    """A sentence of a block written in both languages, as one column shows it.

    Attributes:
        text: the sentence, placeholders rendered.
        lang: its language (the column's, or the sentence's own while it awaits translation).
        pending: it awaits translation into the column's language.
    """

    text: str
    lang: Lang
    pending: bool = False


@dataclass(frozen=True)
class BilingualBlock:
    """A generalised block in both languages, ready to render.

    Attributes:
        en, fr: the block's text in each language (placeholders already rendered).
        label_en, label_fr: the generalised speaker label of a turn, else None.
        source_lang: the language the rapporteur wrote it in.
        pending: the other language is awaiting translation (it holds the original text).
        translated_by: who wrote the other language: "pairs", "argos", "xliff", "memory"...;
            "" when nothing needed translating or it is pending.
        runs_en, runs_fr: a block written in both languages (`source_lang` MIXED), sentence by
            sentence in each column; empty for any other block.
        awaiting: what still awaits a translator (one request for a block, one per sentence
            of a mixed block); empty when nothing is pending.
    """

    block_id: str
    kind: BlockKind
    en: str
    fr: str
    source_lang: Lang
    level: int = 0
    label_en: str | None = None
    label_fr: str | None = None
    pending: bool = False
    translated_by: str = ""
    runs_en: tuple[Run, ...] = ()
    runs_fr: tuple[Run, ...] = ()
    awaiting: tuple[Request, ...] = ()


@dataclass(frozen=True)
class Section:
    """A section of the summary: one heading (possibly empty) and its blocks."""

    heading_en: str
    heading_fr: str
    blocks: tuple[BilingualBlock, ...]
    level: int = 1


@dataclass(frozen=True)
class Summary:
    """Everything the renderer needs; nothing in it may identify anyone."""

    title_en: str
    title_fr: str
    date: str | None  # ISO date
    place: str | None
    level: Level
    k: int
    sections: tuple[Section, ...]
    created: str  # ISO timestamp written into the document properties
    translator: str = "none"
