"""Generalisation on the real detector's findings, on the bundled samples (loads spaCy)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chatham_notes.detect import Detector
from chatham_notes.generalise import GeneraliseOptions, generalise
from chatham_notes.ingest import read_notes
from chatham_notes.model import BlockKind, Detection, Kind, Lang, Level, Placeholder, PlaceholderKind
from chatham_notes.roster import read_roster
from chatham_notes.generalise.wording import render_segments

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CASES = [("en-session-bullets.md", "roster.csv"), ("fr-compte-rendu.md", "roster-fr.csv"),
         ("en-session-bullets.md", None), ("fr-compte-rendu.md", None)]

pytestmark = pytest.mark.slow


def _detect(note: str, roster_name: str | None) -> tuple[Detection, object]:
    roster = read_roster(SAMPLES / roster_name) if roster_name else None
    return Detector(roster).detect(read_notes(SAMPLES / note)), roster


@pytest.mark.parametrize(("note", "roster_name"), CASES)
@pytest.mark.parametrize("level", [Level.PARTICIPANT, Level.SECTOR])
def test_no_finding_survives_in_either_language(note: str, roster_name: str | None, level: Level) -> None:
    detection, roster = _detect(note, roster_name)
    blocks = generalise(detection, roster, GeneraliseOptions(level=level, k=1))
    assert [b.block.id for b in blocks] == [b.id for b in detection.document.blocks]
    needles = {m.text for m in detection.mentions if len(m.text) >= 3 and m.kind != Kind.PLACE}
    for block in blocks:
        for lang in (Lang.EN, Lang.FR):
            rendered = render_segments(block.segments, lang)
            rendered += " " + (render_segments(block.label, lang) if block.label else "")
            for needle in needles:
                assert not re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", rendered), (block.block.id, lang)


@pytest.mark.parametrize(("note", "roster_name"), CASES[:2])
def test_turn_labels_are_generalised(note: str, roster_name: str) -> None:
    detection, roster = _detect(note, roster_name)
    blocks = generalise(detection, roster, GeneraliseOptions())
    turns = [b for b in blocks if b.block.kind == BlockKind.TURN]
    assert turns and all(b.label for b in turns)
    labels = [render_segments(b.label, Lang.EN) for b in turns if b.label]
    assert labels == [f"Intervention {n}" for n in range(1, len(turns) + 1)]


def _sectors(blocks) -> set:
    return {s.sector for b in blocks for s in (*b.segments, *(b.label or ())) if isinstance(s, Placeholder)} - {None}


def test_sector_level_needs_k_participants_on_the_roster() -> None:
    detection, roster = _detect("en-session-bullets.md", "roster.csv")
    assert _sectors(generalise(detection, roster, GeneraliseOptions(level=Level.SECTOR, k=1)))
    assert not _sectors(generalise(detection, roster, GeneraliseOptions(level=Level.SECTOR, k=99)))
    participant_level = generalise(detection, roster, GeneraliseOptions(level=Level.PARTICIPANT, k=1))
    people = (PlaceholderKind.PARTICIPANT, PlaceholderKind.ANOTHER)
    assert all(s.sector is None for b in participant_level for s in (*b.segments, *(b.label or ()))
               if isinstance(s, Placeholder) and s.kind in people)
