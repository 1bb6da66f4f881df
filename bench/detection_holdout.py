"""Detection quality on the HELD-OUT gold set (`tests/gold_holdout/`), with the plain-Presidio baseline.

Run: `.venv/bin/python bench/detection_holdout.py [--system detector|presidio|both] [--details] [--json]`

A thin wrapper around `bench/detection_quality.py`: the same predictors (the project's
Detector, plain Presidio), the same matching rules, the same tables; only the cases differ.
The held-out cases were written without looking at the detector's rules, with people, places
and phrasings absent from `tests/gold/`. Their figures are for reporting: do not tune on them
(see `tests/gold_holdout/holdout.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "gold_holdout"))

import detection_quality as dq
from holdout import CASES_DIR, load_cases


def main(argv: list[str] | None = None) -> int:
    banner = f"HELD-OUT set: {{n}} cases in {CASES_DIR.relative_to(ROOT)} (reporting only, not for tuning)"
    return dq.main(argv, cases_loader=load_cases, banner=banner)


if __name__ == "__main__":
    sys.exit(main())
