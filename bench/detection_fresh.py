"""Detection quality on the FRESH gold set (`tests/gold_fresh/`), with the plain-Presidio baseline.

Run: `.venv/bin/python bench/detection_fresh.py [--system detector|presidio|both] [--details] [--json]`

A thin wrapper around `bench/detection_quality.py`: the same predictors (the project's
Detector, plain Presidio), the same matching rules, the same tables; only the cases differ.
The fresh cases were written without reading the detector's code or models, nor the cases of
`tests/gold/` and `tests/gold_holdout/` (both already used for tuning). Their figures are for
reporting: do not tune on them (see `tests/gold_fresh/fresh.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "gold_fresh"))

import detection_quality as dq
from fresh import CASES_DIR, load_cases


def main(argv: list[str] | None = None) -> int:
    banner = f"FRESH set: {{n}} cases in {CASES_DIR.relative_to(ROOT)} (never seen in tuning; reporting only)"
    return dq.main(argv, cases_loader=load_cases, banner=banner)


if __name__ == "__main__":
    sys.exit(main())
