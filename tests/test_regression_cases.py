"""Regression cases per hard pattern and language (tests/regression/cases/*.json).

Each case is a short note written for the project (fictional people), with what must be
gone from `redact`'s text and what must stay. The test asserts that the set of failing ids
equals `KNOWN_FAILURES`: a fix shows (remove its id) and so does a regression (a new id).

Case fields: `id`, `lang`, `lines` (the note), optional `roster` (rows of the roster CSV),
`gone` (strings that must not appear as whole words, case as written) and `kept` (strings
that must still appear).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from chatham_notes.pipeline import Options, redact

CASES_DIR = Path(__file__).resolve().parent / "regression" / "cases"

# Known failures, each with the mechanism that is missing (see the note on the issue).
KNOWN_FAILURES: set[str] = set()


def _cases() -> list[dict]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append({**case, "file": path.name})
    return cases


CASES = _cases()


def _problems(case: dict, tmp: Path) -> list[str]:
    """What is wrong with `redact`'s output on one case (empty: it passes)."""
    note = tmp / f"{case['id']}.txt"
    note.write_text("\n\n".join(case["lines"]) + "\n", encoding="utf-8")
    roster = None
    if case.get("roster"):
        roster = tmp / f"{case['id']}.csv"
        with roster.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["name", "aliases", "affiliation", "affiliation_aliases"])
            writer.writeheader()
            writer.writerows(case["roster"])
    _, blocks = redact(note, roster=roster, options=Options())
    text = "\n".join(b.line for b in blocks)
    problems = [f"survives: {g!r}" for g in case["gone"] if re.search(rf"(?<!\w){re.escape(g)}(?!\w)", text)]
    problems += [f"lost: {k!r}" for k in case["kept"] if k not in text]
    return problems


def test_regression_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 20
    assert KNOWN_FAILURES <= set(ids)


def test_regression_cases_fail_exactly_as_declared(tmp_path: Path) -> None:
    failing = {}
    for case in CASES:
        problems = _problems(case, tmp_path)
        if problems:
            failing[case["id"]] = problems
    unexpected = {k: v for k, v in failing.items() if k not in KNOWN_FAILURES}
    fixed = KNOWN_FAILURES - set(failing)
    assert not unexpected, f"new failures: {unexpected}"
    assert not fixed, f"now passing, remove from KNOWN_FAILURES: {sorted(fixed)}"


@pytest.mark.parametrize("pattern", sorted({c["file"] for c in CASES}))
def test_every_pattern_has_cases_in_its_file(pattern: str) -> None:
    assert sum(c["file"] == pattern for c in CASES) >= 2
