"""Loader of the FRESH gold set (`tests/gold_fresh/`).

Same format as the tuning set in `tests/gold/` (see `tests/gold/goldset.py`: the YAML header,
`[[text|kind]]` gold spans, `{{must-keep}}` terms, speaker-turn lines), but the `roster:`
header names a file in `tests/gold_fresh/rosters/`.

Why a third set: the detector was tuned on `tests/gold/` and then on `tests/gold_holdout/`,
so neither gives an independent estimate any more. These cases were written without reading
the detector's code or models, nor the cases of the other two sets, with people, places and
phrasings new to the project. They are for REPORTING only: do not tune the detector on them
(no rule, lexicon entry or threshold added because a fresh case failed), or they stop
measuring anything. Fix a failure seen here by writing a new case in `tests/gold/` that shows
the same problem in other words.
"""

from __future__ import annotations

import sys
from pathlib import Path

FRESH_DIR = Path(__file__).resolve().parent
CASES_DIR = FRESH_DIR / "cases"
ROSTERS_DIR = FRESH_DIR / "rosters"

sys.path.insert(0, str(FRESH_DIR.parent / "gold"))

import goldset
from goldset import GoldCase


def load_case(path: Path) -> GoldCase:
    """One fresh case, its roster (if any) read from `tests/gold_fresh/rosters/`."""
    saved = goldset.ROSTERS_DIR
    goldset.ROSTERS_DIR = ROSTERS_DIR  # goldset.load_case reads the module global at call time
    try:
        return goldset.load_case(path)
    finally:
        goldset.ROSTERS_DIR = saved


def load_cases(directory: Path = CASES_DIR) -> list[GoldCase]:
    """Every fresh case, sorted by file name."""
    return [load_case(path) for path in sorted(directory.glob("*.txt"))]
