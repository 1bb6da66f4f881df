"""The fresh gold set (`tests/gold_fresh/`) loads and its offsets are right.

Only the files are checked here, never the detector's figures on them: the fresh set is for
reporting (`bench/detection_fresh.py`), not a target to tune against.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gold"))
sys.path.insert(0, str(ROOT / "tests" / "gold_fresh"))
sys.path.insert(0, str(ROOT / "tests" / "gold_holdout"))

import holdout
from fresh import CASES_DIR, ROSTERS_DIR, load_cases
from goldset import CASES_DIR as TUNING_CASES_DIR
from goldset import KINDS
from goldset import ROSTERS_DIR as TUNING_ROSTERS_DIR
from goldset import load_cases as load_tuning_cases

from chatham_notes.model import Field, Lang


def _field_string(block, field: Field) -> str:
    if field is Field.TEXT:
        return block.text
    assert block.speaker is not None
    return block.speaker.name if field is Field.SPEAKER else (block.speaker.affiliation or "")


def test_fresh_cases_load_with_their_roster() -> None:
    cases = load_cases()
    assert sorted(p.name for p in CASES_DIR.glob("*.txt")) == sorted(f"{c.name}.txt" for c in cases)
    assert len(cases) == 10
    langs = [c.lang for c in cases]
    assert (langs.count(Lang.EN), langs.count(Lang.FR), langs.count(Lang.MIXED)) == (4, 3, 3)
    with_roster = [c for c in cases if c.roster is not None]
    assert len(with_roster) == 5
    assert {c.roster_file for c in with_roster} == {p.name for p in ROSTERS_DIR.glob("*.csv")} == {"fresh_workshop.csv"}
    assert all(c.roster.participants for c in with_roster)
    assert all(str(ROSTERS_DIR) in str(c.roster.source) for c in with_roster)
    for case in cases:
        assert 6 <= len(case.document.blocks) <= 10, case.name
        assert case.spans and case.keeps, case.name
    assert {s.kind for c in cases for s in c.spans} == set(KINDS)


def test_every_fresh_offset_points_at_its_text() -> None:
    for case in load_cases():
        for span in [*case.spans, *case.keeps]:
            block = case.document.block(span.block_id)
            assert _field_string(block, span.field)[span.start:span.end] == span.text, (case.name, span)


def test_no_markup_left_in_the_clean_text() -> None:
    for case in load_cases():
        for block in case.document.blocks:
            strings = [block.text] + ([block.speaker.name, block.speaker.affiliation or ""] if block.speaker else [])
            for string in strings:
                assert not re.search(r"\[\[|\]\]|\{\{|\}\}|\|(person|affiliation|contact|role)\b", string), (case.name, string)


def _roster_names(directory: Path) -> set[str]:
    names: set[str] = set()
    for path in directory.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            names |= {row["name"].strip() for row in csv.DictReader(handle)}
    return names


def test_fresh_people_are_new_to_the_project() -> None:
    """No fresh person (full name or surname) occurs among the tuning or held-out sets' people."""
    seen = {s.text for c in [*load_tuning_cases(), *holdout.load_cases()] for s in c.spans if s.kind == "person"}
    seen |= _roster_names(TUNING_ROSTERS_DIR) | _roster_names(holdout.ROSTERS_DIR)
    seen_words = {w.lower() for n in seen for w in re.findall(r"[^\W\d_]{3,}", n)}
    fresh = {s.text for c in load_cases() for s in c.spans if s.kind == "person"}
    fresh |= _roster_names(ROSTERS_DIR)
    assert not {n.lower() for n in fresh} & {n.lower() for n in seen}
    surnames = {n.split()[-1].lower() for n in fresh if len(n.split()) > 1 and len(n.split()[-1]) > 2}
    assert not surnames & seen_words, surnames & seen_words
    assert len({TUNING_CASES_DIR, holdout.CASES_DIR, CASES_DIR}) == 3
