"""A small fake detector for the generalisation tests, and tests of it.

It turns annotated strings ("mark `Amina Diallo` as party P1") into a `Detection`
without spaCy, so the generalisation stage is tested on its own. The people are
fictional; the institutions may be real (affiliations only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from chatham_notes.model import (Block, BlockKind, Detection, Field, Kind, Lang, Location, Mention,
                                 Metadata, NoteDocument, Participant, Party, Roster, Sector, Speaker)

_KINDS = {"email": Kind.EMAIL, "phone": Kind.PHONE, "url": Kind.URL, "handle": Kind.HANDLE,
          "role": Kind.ROLE, "place": Kind.PLACE, "person": Kind.PERSON, "affiliation": Kind.AFFILIATION}


def make_parties(spec: Mapping[str, Mapping[str, Any]]) -> tuple[Party, ...]:
    """Parties from {"P1": {"kind": "person", "label": ..., "sector": ..., "affiliation": "O1"}}."""
    return tuple(
        Party(id=pid, kind=_KINDS[p.get("kind", "person" if pid.startswith("P") else "affiliation")],
              label=p.get("label", pid), sector=Sector(p["sector"]) if p.get("sector") else None,
              affiliation_id=p.get("affiliation"), participant_id=p.get("participant"))
        for pid, p in spec.items())


def make_roster(sectors: Mapping[str, int] | None) -> Roster:
    """A roster of fictional participants, `n` per sector; None gives an empty roster."""
    if sectors is None:
        return Roster()
    people = []
    for sector, n in sectors.items():
        for i in range(n):
            people.append(Participant(id=f"R{len(people) + 1}", name=f"Fictional Person {len(people) + 1}",
                                      sector=Sector(sector) if sector != "none" else None))
    return Roster(tuple(people))


def _mark(value: str, parties: Sequence[Party]) -> tuple[Kind, str | None]:
    """"P1" -> (PERSON, "P1"); "O1" -> (AFFILIATION, "O1"); "email" -> (EMAIL, None); "role P1"."""
    words = value.split()
    if words[0] in _KINDS:
        return _KINDS[words[0]], (words[1] if len(words) > 1 else None)
    party = next(p for p in parties if p.id == words[0])
    return party.kind, party.id


def _find(block_id: str, text: str, marks: Mapping[str, str], parties: Sequence[Party],
          where: Field) -> list[Mention]:
    """Every whole-word occurrence of every marked string in `text`."""
    found = []
    for needle, value in marks.items():
        kind, party_id = _mark(value, parties)
        for m in re.finditer(rf"(?<![\w@.+]){re.escape(needle)}(?![\w@])", text):
            found.append(Mention(block_id, m.start(), m.end(), m.group(), kind, "fake", 1.0, party_id, where))
    return found


def _speaker(label: str | None) -> Speaker | None:
    """"Amina (UNODC)" -> Speaker("Amina", "UNODC")."""
    if not label:
        return None
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", label)
    return Speaker(m.group(1), m.group(2)) if m else Speaker(label)


def make_detection(blocks: Sequence[Mapping[str, Any]], marks: Mapping[str, str],
                   parties: Sequence[Party], lang: Lang) -> Detection:
    """A Detection of a document made of `blocks` ({text, kind?, speaker?, section?, lang?})."""
    made, mentions = [], []
    for i, spec in enumerate(blocks):
        speaker = _speaker(spec.get("speaker"))
        kind = BlockKind(spec.get("kind", "turn" if speaker else "paragraph"))
        block = Block(f"b{i + 1}", kind, spec["text"], Lang(spec.get("lang", lang)), Location("fake.md", line=i + 1),
                      speaker=speaker, section=spec.get("section", ""))
        made.append(block)
        mentions += _find(block.id, block.text, marks, parties, Field.TEXT)
        if speaker:
            mentions += _find(block.id, speaker.name, marks, parties, Field.SPEAKER)
            mentions += _find(block.id, speaker.affiliation or "", marks, parties, Field.SPEAKER_AFFILIATION)
    document = NoteDocument("fake.md", Metadata(), tuple(made))
    return Detection(document, tuple(mentions), tuple(parties))


def test_fake_detector_finds_whole_words_only() -> None:
    parties = make_parties({"P1": {"label": "Lan"}})
    detection = make_detection([{"text": "Lan said; Landry did not."}], {"Lan": "P1"}, parties, Lang.EN)
    assert [(m.start, m.end, m.party_id) for m in detection.mentions] == [(0, 3, "P1")]


def test_fake_detector_marks_speaker_fields() -> None:
    parties = make_parties({"P1": {"label": "Amina"}, "O1": {"label": "UNODC"}})
    detection = make_detection([{"text": "Hello.", "speaker": "Amina (UNODC)"}], {"Amina": "P1", "UNODC": "O1"},
                               parties, Lang.EN)
    assert {m.field for m in detection.mentions} == {Field.SPEAKER, Field.SPEAKER_AFFILIATION}
