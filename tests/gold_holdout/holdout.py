"""Loader of the HELD-OUT gold set (`tests/gold_holdout/`).

Same format as the tuning set in `tests/gold/` (see `tests/gold/goldset.py`: the YAML header,
`[[text|kind]]` gold spans, `{{must-keep}}` terms, speaker-turn lines), but the `roster:`
header names a file in `tests/gold_holdout/rosters/`.

These cases were written without looking at the detector's rules or models, with people,
places and phrasings that do not occur in `tests/gold/`. They are for REPORTING only: do not
tune the detector on them (no rule, lexicon entry or threshold added because a held-out case
failed), or they stop measuring anything. Fix a failure seen here by writing a new case in
`tests/gold/` that shows the same problem in other words.
"""

from __future__ import annotations

import sys
from pathlib import Path

HOLDOUT_DIR = Path(__file__).resolve().parent
CASES_DIR = HOLDOUT_DIR / "cases"
ROSTERS_DIR = HOLDOUT_DIR / "rosters"

sys.path.insert(0, str(HOLDOUT_DIR.parent / "gold"))

import goldset
from goldset import GoldCase


def load_case(path: Path) -> GoldCase:
    """One held-out case, its roster (if any) read from `tests/gold_holdout/rosters/`."""
    saved = goldset.ROSTERS_DIR
    goldset.ROSTERS_DIR = ROSTERS_DIR  # goldset.load_case reads the module global at call time
    try:
        return goldset.load_case(path)
    finally:
        goldset.ROSTERS_DIR = saved


def load_cases(directory: Path = CASES_DIR) -> list[GoldCase]:
    """Every held-out case, sorted by file name."""
    return [load_case(path) for path in sorted(directory.glob("*.txt"))]
