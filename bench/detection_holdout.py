"""Detection quality on the HELD-OUT gold set (`tests/gold_holdout/`), with the plain-Presidio baseline.

Run: `.venv/bin/python bench/detection_holdout.py [--system detector|presidio|both] [--details] [--json]`

A thin wrapper around `bench/detection_quality.py`: the same predictors (the project's
Detector, plain Presidio), the same matching rules, the same tables; only the cases differ.
The held-out cases were written without looking at the detector's rules, with people, places
and phrasings absent from `tests/gold/`. Their figures are for reporting: do not tune on them
(see `tests/gold_holdout/holdout.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "gold_holdout"))

import detection_quality as dq
from holdout import CASES_DIR, load_cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--system", choices=("detector", "presidio", "both"), default="both")
    parser.add_argument("--details", action="store_true", help="list misses, false positives and dropped terms")
    parser.add_argument("--json", action="store_true", help="print the full results as JSON")
    args = parser.parse_args(argv)
    systems = ("detector", "presidio") if args.system == "both" else (args.system,)
    cases = load_cases()
    results = [dq.evaluate(s, cases) for s in systems]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"HELD-OUT set: {len(cases)} cases in {CASES_DIR.relative_to(ROOT)} (reporting only, not for tuning)\n")
    for result in results:
        print(dq.format_table(result), end="\n\n")
        if args.details:
            print(dq.format_details(result), end="\n\n")
    if len(results) > 1:
        print(dq.format_side_by_side(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
