"""Generalisation stage: findings -> placeholders, as the Chatham House Rule requires.

Each finding becomes a typed `Placeholder` (see `attribution` for the words that
go with it): people and identifying roles become "a participant" or, later in
the same exchange, "another participant"; affiliations mentioned as content
become their sector's description; contacts and places tied to a person are
removed; gendered pronouns referring to a generalised person are neutralised
(`pronouns`). A block that only lists participants becomes one attendance
sentence. `wording.render_segments` writes the result in English or French.

Sectors are shown only at the `sector` level for people, and for affiliations
as content at either level, and only when at least k participants share the
sector (the roster's participants, else the people found in the notes).
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..matching import strip_phrases
from . import attribution, internal, phrases, syntax, wording
from .attribution import Unit, build_segments, plan_units
from ..model import (Block, BlockKind, Detection, Field, GeneralisedBlock, Kind, Lang, Level, Mention,
                    Placeholder, PlaceholderKind, Roster, Sector, Segment)
from .pronouns import feminine_agreement, neutralise
from .typography import at_sentence_start

LIST_REASON = "participants list"
CONTACT_REASON = "contact details"
_CUT = "\x00internal"  # the text of a unit that stands for an internal sentence cut out


@dataclass(frozen=True)
class GeneraliseOptions:
    """How much an attribution may say.

    Attributes:
        level: `participant` (no affiliation at all) or `sector`.
        k: a sector is named only if at least k participants share it.
        pseudonyms: "Participant A" instead of "a participant" (lets readers link statements).
    """

    level: Level = Level.PARTICIPANT
    k: int = 3
    pseudonyms: bool = False


class _People:
    """Who is who across the documents of one summary: identity keys, sectors, counts."""

    def __init__(self, detections: Sequence[Detection], roster: Roster | None) -> None:
        self.roster = roster or Roster()
        self.detections = tuple(detections)
        people: dict[str, Sector | None] = {}
        for index, detection in enumerate(detections):
            for party in detection.parties:
                if party.kind == Kind.PERSON:
                    people[self.key(index, party.id, party.label)] = self.person_sector(index, party.id)
        if self.roster:
            people = {f"R:{p.id}": p.sector for p in self.roster.participants}
        self.count = len(people)
        self.sectors = Counter(s for s in people.values() if s is not None)

    def key(self, doc: int, party_id: str | None, text: str) -> str:
        """A key that is the same for one person across blocks and documents."""
        if party_id is not None:
            party = self._party(doc, party_id)
            if party is not None and party.participant_id:
                return f"R:{party.participant_id}"
            if party is not None:
                return f"N:{party.label.casefold()}"
            return f"D{doc}:{party_id}"
        return "T:" + " ".join(text.casefold().split())

    def _party(self, doc: int, party_id: str | None):
        try:
            return self.detections[doc].party(party_id) if party_id else None
        except KeyError:
            return None

    def person_sector(self, doc: int, party_id: str | None) -> Sector | None:
        """A person's sector: their own, their roster entry's, or their organisation's."""
        party = self._party(doc, party_id)
        if party is None:
            return None
        if party.sector:
            return party.sector
        entry = next((p for p in self.roster.participants if p.id == party.participant_id), None)
        if entry and entry.sector:
            return entry.sector
        return self.org_sector(doc, party.affiliation_id)

    def org_sector(self, doc: int, party_id: str | None) -> Sector | None:
        """An organisation's sector: its own, else that of roster participants who belong to it."""
        party = self._party(doc, party_id)
        if party is None:
            return None
        if party.sector:
            return party.sector
        label = party.label.casefold()
        for entry in self.roster.participants:
            names = (entry.affiliation or "",) + entry.affiliation_aliases
            if entry.sector and label in (n.casefold() for n in names):
                return entry.sector
        return None

    def shown(self, sector: Sector | None, k: int) -> Sector | None:
        """The sector if at least k participants share it, else None."""
        return sector if sector is not None and self.sectors[sector] >= k else None


class _Exchange:
    """Per-summary state: pseudonym letters, the current exchange, attendance already written."""

    def __init__(self, people: _People, options: GeneraliseOptions) -> None:
        self.people, self.options = people, options
        self.letters: dict[str, str] = {}
        self.section: str | None = None
        self.last: str | None = None
        self.attendance_written: set[tuple[int, str]] = set()
        # who the participants lists of each (document, section) name: their keys and sectors
        self.listed: dict[tuple[int, str | None], dict[str, Sector | None]] = {}
        self.listed_places: dict[tuple[int, str | None], list[str]] = {}  # "(Party, Uruguay)": content
        self.planned: dict[tuple[int, str], list[Unit]] = {}  # units planned ahead, used once
        self.doc = 0
        self.block_kinds: dict[str, PlaceholderKind] = {}
        self.block_last: str | None = None
        self.members: frozenset[str] = frozenset()  # the people of the last enumeration
        self.turns: Counter[int] = Counter()
        self.sign_off_left = 0
        self.signature = False  # after "-- ": every line up to a heading or a turn is the signature
        self.openers = 0  # consecutive blocks that open with "another participant"

    def start_block(self, doc: int, block: Block) -> None:
        """A new block: a new section or heading starts a new exchange."""
        if (doc, block.section) != (self.doc, self.section) or block.kind == BlockKind.HEADING:
            self.section, self.last, self.members = block.section, None, frozenset()
        if doc != self.doc:
            self.sign_off_left = self.openers = 0
        self.doc, self.block_kinds, self.block_last = doc, {}, None

    def group(self, keys: Sequence[str]) -> None:
        """An enumeration of people was written: a person after it who is none of them is
        "another participant"; one of them is not."""
        self.last, self.members = "\x00group", frozenset(keys)

    def letter(self, key: str) -> str:
        """The pseudonym letter of a person: A, B… Z, AA, AB…"""
        if key not in self.letters:
            n = len(self.letters)
            letters = string.ascii_uppercase
            self.letters[key] = letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]
        return self.letters[key]

    def person(self, key: str, sector: Sector | None, form: str, back: bool, ids: tuple[str, ...],
               source: Kind) -> Placeholder:
        """The placeholder for a person or role, updating the exchange."""
        shown = self.people.shown(sector, self.options.k) if self.options.level == Level.SECTOR else None
        if form != "label" and key == self.block_last:  # the notes say it is the same person
            kind, form = self.block_kinds[key], form or "definite"
        elif back or self.last is None or key == self.last or key in self.members:
            kind = PlaceholderKind.PARTICIPANT
        else:
            kind = PlaceholderKind.ANOTHER
        if not back:
            self.last, self.members = key, frozenset()
        if form != "label":
            self.block_kinds[key], self.block_last = kind, key
        pseudonym = f"Participant {self.letter(key)}" if self.options.pseudonyms else None
        if pseudonym:
            kind = PlaceholderKind.PARTICIPANT
        return Placeholder(kind, sector=shown, form=form, source_kind=source, mention_ids=ids, pseudonym=pseudonym)


def _placeholder(unit: Unit, before: str, ex: _Exchange) -> Placeholder:
    """The placeholder for one unit of a block's text."""
    people, doc = ex.people, ex.doc
    form = "possessive" if unit.possessive else ""
    if unit.kind in (Kind.PERSON, Kind.ROLE):
        key = people.key(doc, unit.party_id, unit.text)
        return ex.person(key, people.person_sector(doc, unit.party_id), form, unit.back_reference,
                         unit.mention_ids, unit.kind)
    if unit.kind == Kind.AFFILIATION:
        sector = people.shown(people.org_sector(doc, unit.party_id), ex.options.k)
        return Placeholder(PlaceholderKind.ORGANISATION, sector=sector, form=form, source_kind=unit.kind,
                           mention_ids=unit.mention_ids)
    kind = PlaceholderKind.CONTACT if unit.kind.is_contact else PlaceholderKind.REMOVED
    return Placeholder(kind, source_kind=unit.kind, mention_ids=unit.mention_ids)


def _label(block: Block, mentions: Sequence[Mention], ex: _Exchange) -> tuple[Segment, ...]:
    """The generalised speaker label of a turn: always a placeholder, whatever it said.

    The label is the turn's number in its note ("Intervention 3"): it counts turns, not
    people, so it never links one person's turns; with pseudonyms, the person's pseudonym.
    The speaker still counts for the exchange ("another participant" in the text after it).
    """
    assert block.speaker is not None
    people, doc = ex.people, ex.doc
    named = next((m for m in mentions if m.field == Field.SPEAKER and m.kind == Kind.PERSON), None)
    org = next((m for m in mentions if m.field == Field.SPEAKER_AFFILIATION), None)
    party_id = named.party_id if named else None
    key = people.key(doc, party_id, named.text if named else "speaker:" + block.speaker.name)
    sector = people.person_sector(doc, party_id) or (people.org_sector(doc, org.party_id) if org else None)
    ids = tuple(m.id for m in mentions if m.field != Field.TEXT)
    holder = ex.person(key, sector, "label", False, ids, Kind.PERSON)
    if holder.pseudonym:
        return (holder,)
    ex.turns[doc] += 1
    return (Placeholder(PlaceholderKind.TURN, sector=holder.sector, form="label", source_kind=Kind.PERSON,
                        mention_ids=ids, count=ex.turns[doc]),)


def _is_list(block: Block, units: Sequence[Unit]) -> bool:
    """A block that only names participants (a "Participants: …" line, a participants table's cell)."""
    if block.kind in (BlockKind.HEADING, BlockKind.TURN) or not units:
        return False
    if block.kind != BlockKind.TABLE_CELL and not any(u.kind == Kind.PERSON for u in units):
        return False
    words, _ = strip_phrases(attribution.outside(block.text, units), attribution.list_words(), "·")
    return not any(ch.isalpha() for ch in words)


def _agree(segments: list[Segment], lang: Lang) -> list[Segment]:
    """French: « X est intervenu » -> « Une personne participante est intervenue »."""
    if lang not in (Lang.FR, Lang.MIXED):
        return segments
    out = list(segments)
    for i in range(1, len(out)):
        holder, text = out[i - 1], out[i]
        if not (isinstance(holder, Placeholder) and isinstance(text, str)) or holder.pseudonym:
            continue
        before = "".join(s for s in out[:i - 1] if isinstance(s, str))
        subject = at_sentence_start(before) or re.search(r"(?<![\w-])(?:que|qu['’])\s*$", before)
        if holder.kind in (PlaceholderKind.PARTICIPANT, PlaceholderKind.ANOTHER) and subject:
            out[i] = feminine_agreement(text)
        if _feminine(holder):  # « Le Conseil a-t-il… » -> « Une organisation a-t-elle… »: the inversion says it is the subject
            out[i] = _INVERTED_IL.sub(r"\1elle", out[i])
    return out


_INVERTED_IL = re.compile(r"^(\s+[\w’']+-(?:t-)?)il(?![\w’'-])")


def _feminine(holder: Placeholder) -> bool:
    """Whether a placeholder's French words are feminine (« une personne participante », « une organisation »)."""
    if holder.kind in (PlaceholderKind.PARTICIPANT, PlaceholderKind.ANOTHER):
        return True
    return holder.kind is PlaceholderKind.ORGANISATION and wording.placeholder_text(holder, Lang.FR).startswith("une ")


_OPENING_PRONOUN = re.compile(r"^[\s\-–—•*\d.)]*(?:he|she|il|elle)\b", re.I)


def _pronouns_after_people(segments: list[Segment], lang: Lang, after_person: bool = False) -> list[Segment]:
    """Neutralise pronouns in the text that follows the first generalised person of the block, or
    in the whole block when it opens with one after a block that named a person (« Il note… »)."""
    people = (PlaceholderKind.PARTICIPANT, PlaceholderKind.ANOTHER)
    first = next((i for i, s in enumerate(segments) if isinstance(s, Placeholder) and s.kind in people), None)
    if after_person and segments and isinstance(segments[0], str) and _OPENING_PRONOUN.match(segments[0]):
        return neutralise(segments, lang)
    if first is None:
        return segments
    return segments[:first + 1] + neutralise(segments[first + 1:], lang)


def _attendance(doc: int, block: Block, ex: _Exchange) -> tuple[Segment, ...]:
    """One attendance sentence for the first participants list of a section, nothing for the others.

    It counts the people that the section's lists name, and their sectors: nothing is
    invented (a list of seven does not become the roster's eleven). A list whose people are
    not known apart (no person found) counts everyone of the summary.
    """
    if (doc, block.section) in ex.attendance_written:
        return ()
    ex.attendance_written.add((doc, block.section))
    listed = ex.listed.get((doc, block.section))
    if listed:
        count, sectors = len(listed), len({s for s in listed.values() if s is not None})
    else:
        count, sectors = ex.people.count, len(ex.people.sectors)
    holder = Placeholder(PlaceholderKind.ATTENDANCE, count=count, sectors=sectors)
    places = ex.listed_places.get((doc, block.section))
    if not places:
        return (holder,)
    lang = Lang.FR if block.lang is Lang.FR else Lang.EN
    return holder, " " + wording.phrase("represented", lang, places=", ".join(places))  # commas: "Saint Kitts and Nevis" holds an "and"


def _list_people(doc: int, detection: Detection, by_block: dict[str, list[Mention]], ex: _Exchange) -> None:
    """Record who the participants lists of each section of one document name."""
    people = ex.people
    for block in detection.document.blocks:
        mentions = [m for m in by_block.get(block.id, []) if m.field == Field.TEXT]
        units = ex.planned[(doc, block.id)] = plan_units(block.text, mentions)
        if not _is_list(block, units):
            continue
        listed = ex.listed.setdefault((doc, block.section), {})
        places = ex.listed_places.setdefault((doc, block.section), [])
        for unit in units:
            if unit.kind in (Kind.PERSON, Kind.ROLE):
                listed[people.key(doc, unit.party_id, unit.text)] = people.person_sector(doc, unit.party_id)
            place = unit.suffix.strip(" ()")
            if place and place not in places:
                places.append(place)


def _internal_block(block: Block, cuts: Sequence[internal.Cut], ex: _Exchange) -> str | None:
    """Why the whole block is the rapporteur's own (a sign-off and what follows it, only
    internal sentences), or None."""
    if block.kind == BlockKind.HEADING:
        ex.sign_off_left = 0
        return None
    if internal.is_sign_off(block.text) and block.speaker is None:
        ex.signature = internal.is_signature_delimiter(block.text)
        ex.sign_off_left = internal.sign_off_lines() * (2 if ex.signature else 1)
        return internal.SIGN_OFF
    if ex.sign_off_left and block.speaker is None and (ex.signature or internal.after_sign_off(block.text)):
        ex.sign_off_left -= 1
        return internal.SIGN_OFF
    ex.sign_off_left = 0
    if cuts and not any(c.isalnum() for c in attribution.outside(block.text, cuts)):
        return cuts[0].reason
    return None


def _without_cuts(units: list[Unit], cuts: Sequence[internal.Cut]) -> list[Unit]:
    """The units outside the cuts, plus one unit per cut (rendered as nothing). A cut that
    reaches into a unit takes the whole unit: half an e-mail address must not stay behind."""
    spans = []
    for c in cuts:
        start, end = c.start, c.end
        for u in units:
            if u.start < end and start < u.end:
                start, end = min(start, u.start), max(end, u.end)
        spans.append((start, end))
    kept = [u for u in units if not any(s < u.end and u.start < e for s, e in spans)]
    cut_units = [Unit(s, e, Kind.PLACE, text=_CUT) for s, e in spans]
    return sorted(kept + cut_units, key=lambda u: (u.start, u.end))


def _syntax(text: str, units: Sequence[Unit], groups: bool = True,
            plain: Callable[[Unit], bool] = lambda unit: True,
            ) -> tuple[list[Unit], dict[tuple[int, int], tuple[int, Kind, tuple[Unit, ...]]], set[tuple[int, int]]]:
    """Units with enumerations joined and vocatives grown over their comma.

    Args:
        text: the block's text.
        units: its planned units.
        groups: join enumerations of people (off with pseudonyms: they name each person).
        plain: whether an organisation unit is written without a sector (only such ones join).

    Returns:
        The units, the spans of the enumerations with their sizes, kinds (PERSON or
        AFFILIATION) and members, and the spans of the vocatives.
    """
    out: list[Unit] = []
    found: dict[tuple[int, int], tuple[int, Kind, tuple[Unit, ...]]] = {}
    vocatives: set[tuple[int, int]] = set()
    introductions = vocatives  # removed the same way: nothing in their place, a capital after
    i = 0
    while i < len(units):
        group = syntax.coordinated(text, units, i) if groups else None
        if group is None and units[i].kind == Kind.AFFILIATION:
            group = syntax.coordinated(text, units, i, kinds=(Kind.AFFILIATION,))
            members = units[i:i + group.count] if group else []
            group = group if group and all(plain(u) for u in members) else None
        if group is not None:
            out.append(group.unit)
            found[(group.unit.start, group.unit.end)] = (group.count, group.unit.kind if group.unit.kind ==
                                                         Kind.AFFILIATION else Kind.PERSON,
                                                         tuple(units[i:i + group.count]))
            i += group.count
            continue
        if (intro := syntax.introduction(text, units, i)) is not None and (not out or intro[0].start >= out[-1].end):
            out.append(intro[0])
            introductions.add((intro[0].start, intro[0].end))
            i += intro[1]
            continue
        voc = syntax.vocative(text, units[i])
        fits = voc is not None and (not out or voc.start >= out[-1].end) and (
            i + 1 >= len(units) or voc.end <= units[i + 1].start)
        out.append(voc if fits else units[i])
        if fits:
            vocatives.add((voc.start, voc.end))
        i += 1
    return out, found, vocatives


def _vary_opener(segments: list[Segment], ex: _Exchange) -> list[Segment]:
    """Every second block of a run that opens with "another participant" opens with "a further
    participant" (« une autre personne »), so the page does not read the same words down it."""
    first = segments[0] if segments else None
    if not (isinstance(first, Placeholder) and first.kind == PlaceholderKind.ANOTHER and not first.form
            and not first.pseudonym):
        ex.openers = 0
        return segments
    ex.openers += 1
    return [dataclasses.replace(first, form="further")] + segments[1:] if ex.openers % 2 == 0 else segments


def _generalise_block(doc: int, block: Block, mentions: Sequence[Mention], ex: _Exchange) -> GeneralisedBlock:
    """One block: its label (turns), its text's placeholders, or its removal."""
    ex.start_block(doc, block)
    after_person = ex.last is not None  # « Il note que… » opens a block about the person of the one before
    cuts = internal.internal_cuts(block.text) if block.kind != BlockKind.HEADING else []
    if (reason := _internal_block(block, cuts, ex)) is not None:
        return GeneralisedBlock(block, (), None, internal.reason_text(reason))
    units = ex.planned.pop((doc, block.id), None)
    if units is None:
        units = plan_units(block.text, [m for m in mentions if m.field == Field.TEXT])
    units, described = phrases.with_descriptions(block.text, units, block.lang)
    if _is_list(block, units):
        label = _label(block, mentions, ex) if block.kind == BlockKind.TURN and block.speaker else None
        return GeneralisedBlock(block, _attendance(doc, block, ex), label, LIST_REASON)
    if block.kind != BlockKind.TABLE_CELL and internal.is_contact_block(block.text, units):
        return GeneralisedBlock(block, (), None, internal.reason_text(internal.CONTACT_BLOCK))
    if block.kind != BlockKind.TURN and internal.is_greeting(block.text, units):
        salutation = wording.phrase("salutation", Lang.FR if block.lang is Lang.FR else Lang.EN)
        return GeneralisedBlock(block, (salutation,), None, internal.reason_text(internal.GREETING))
    label = _label(block, mentions, ex) if block.kind == BlockKind.TURN and block.speaker else None
    people, doc = ex.people, ex.doc

    def plain(unit: Unit) -> bool:
        return people.shown(people.org_sector(doc, unit.party_id), ex.options.k) is None

    units, groups, vocatives = _syntax(block.text, units, groups=not ex.options.pseudonyms, plain=plain)
    units = _without_cuts(units, cuts) if cuts else units

    def make(unit: Unit, before: str) -> Segment | None:
        span = (unit.start, unit.end)
        if unit.text == _CUT:
            return None
        if span in vocatives:
            return Placeholder(PlaceholderKind.REMOVED, form="vocative", source_kind=unit.kind,
                               mention_ids=unit.mention_ids)
        if span in groups:
            count, kind, members = groups[span]
            if kind == Kind.PERSON:
                ex.group([people.key(doc, u.party_id, u.text) for u in members])
            return Placeholder(PlaceholderKind.GROUP, count=count, source_kind=kind,
                               form="organisation" if kind == Kind.AFFILIATION else "",
                               mention_ids=unit.mention_ids)
        return _placeholder(unit, before, ex)

    segments = _vary_opener(build_segments(block.text, units, make), ex)
    segments = _agree(_pronouns_after_people(segments, block.lang, after_person), block.lang)
    text_left = any(isinstance(s, str) and any(c.isalnum() for c in s) for s in segments)
    shown = any(isinstance(s, Placeholder) and s.kind != PlaceholderKind.CONTACT for s in segments)
    cut = tuple((internal.reason_text(c.reason), block.text[c.start:c.end].strip()) for c in cuts) + tuple(
        (phrases.DESCRIPTION_REASON, d.text) for d in described)
    if units and not text_left and not shown:
        return GeneralisedBlock(block, (), label, CONTACT_REASON, cut)
    return GeneralisedBlock(block, tuple(segments), label, internal=cut)


def _people_by_block(detection: Detection):
    """(block, its person mentions in the text) for each block that has some."""
    people: dict[str, list[Mention]] = {}
    for m in detection.mentions:
        if m.kind is Kind.PERSON and m.field == Field.TEXT:
            people.setdefault(m.block_id, []).append(m)
    return [(block, people[block.id]) for block in detection.document.blocks if block.id in people]


def generalise_many(detections: Sequence[Detection], roster: Roster | None,
                    options: GeneraliseOptions) -> list[tuple[GeneralisedBlock, ...]]:
    """Generalise the documents of one summary together (shared k-counts and pseudonyms).

    Returns:
        One tuple of generalised blocks per detection, in order.
    """
    ex = _Exchange(_People(detections, roster), options)
    phrases.parse_ahead([(block.text, [(m.start, m.end) for m in mentions], block.lang)
                         for detection in detections for block, mentions in _people_by_block(detection)])
    results = []
    for doc, detection in enumerate(detections):
        by_block: dict[str, list[Mention]] = {}
        for mention in detection.mentions:
            by_block.setdefault(mention.block_id, []).append(mention)
        _list_people(doc, detection, by_block, ex)
        results.append(tuple(_generalise_block(doc, block, by_block.get(block.id, []), ex)
                             for block in detection.document.blocks))
    return results


def generalise(detection: Detection, roster: Roster | None,
               options: GeneraliseOptions = GeneraliseOptions()) -> tuple[GeneralisedBlock, ...]:
    """Every block of `detection.document`, generalised, in the same order.

    Args:
        detection: the findings of one document (after the reviewer's decisions).
        roster: the participants, for sectors and k-counts; None or empty to use the people found.
        options: level, k and pseudonyms.
    """
    return generalise_many([detection], roster, options)[0]
