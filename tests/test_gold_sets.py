"""The held-out and fresh gold sets load, their offsets are right, and their people are new.

Only the files are checked here, never the detector's figures on them: those sets are for
reporting (`bench/detection_quality.py --set holdout|fresh`), not targets to tune against.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gold"))

from goldset import KINDS, SETS, load_cases  # noqa: E402

from chatham_notes.model import Field, Lang  # noqa: E402

# set: (cases, (en, fr, mixed), cases with a roster, (min, max) blocks per case)
SHAPES = {
    "holdout": (14, (5, 5, 4), 7, (5, 12)),
    "fresh": (10, (4, 3, 3), 5, (6, 10)),
}


def _field_string(block, field: Field) -> str:
    if field is Field.TEXT:
        return block.text
    assert block.speaker is not None
    return block.speaker.name if field is Field.SPEAKER else (block.speaker.affiliation or "")


@pytest.mark.parametrize("which", sorted(SHAPES))
def test_gold_set_cases_load_with_their_rosters(which: str) -> None:
    count, langs_wanted, with_roster_wanted, (low, high) = SHAPES[which]
    folder = SETS[which]
    cases = load_cases(folder / "cases")
    assert sorted(p.name for p in (folder / "cases").glob("*.txt")) == sorted(f"{c.name}.txt" for c in cases)
    assert len(cases) == count
    langs = [c.lang for c in cases]
    assert (langs.count(Lang.EN), langs.count(Lang.FR), langs.count(Lang.MIXED)) == langs_wanted
    with_roster = [c for c in cases if c.roster is not None]
    assert len(with_roster) == with_roster_wanted
    assert {c.roster_file for c in with_roster} == {p.name for p in (folder / "rosters").glob("*.csv")}
    assert all(c.roster.participants and str(folder / "rosters") in str(c.roster.source) for c in with_roster)
    for case in cases:
        assert low <= len(case.document.blocks) <= high, case.name
        assert case.spans and case.keeps, case.name
    assert {s.kind for c in cases for s in c.spans} == set(KINDS)


@pytest.mark.parametrize("which", sorted(SHAPES))
def test_gold_set_offsets_point_at_their_text_and_no_markup_is_left(which: str) -> None:
    for case in load_cases(SETS[which] / "cases"):
        for span in [*case.spans, *case.keeps]:
            block = case.document.block(span.block_id)
            assert _field_string(block, span.field)[span.start:span.end] == span.text, (case.name, span)
        for block in case.document.blocks:
            strings = [block.text] + ([block.speaker.name, block.speaker.affiliation or ""] if block.speaker else [])
            for string in strings:
                assert not re.search(r"\[\[|\]\]|\{\{|\}\}|\|(person|affiliation|contact|role)\b", string), string


def _people(which: str) -> set[str]:
    names = {s.text for c in load_cases(SETS[which] / "cases") for s in c.spans if s.kind == "person"}
    for path in (SETS[which] / "rosters").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            names |= {row["name"].strip() for row in csv.DictReader(handle)}
    return names


@pytest.mark.parametrize("which", sorted(SHAPES))
def test_gold_set_people_are_new_to_the_sets_written_before(which: str) -> None:
    """No person (full name or surname) of a set occurs among the people of the sets before it."""
    order = list(SETS)
    seen = set().union(*(_people(earlier) for earlier in order[:order.index(which)]))
    seen_words = {w.lower() for n in seen for w in re.findall(r"[^\W\d_]{3,}", n)}
    new = _people(which)
    assert not {n.lower() for n in new} & {n.lower() for n in seen}
    surnames = {n.split()[-1].lower() for n in new if len(n.split()) > 1 and len(n.split()[-1]) > 2}
    assert not surnames & seen_words, surnames & seen_words
