"""Whole-document expected outputs (issue 12): redacted notes against hand-redacted references.

Run: `.venv/bin/python bench/expected_outputs.py [--set DIR] [--quiet]`

`DIR` (default `tests/gold_parties/`) lays out `cases/*.txt` (the gold format of
`tests/gold/goldset.py`, spans optionally keyed `[[TN|person@nasser]]`), `rosters/` and
`expected/<case file>`: the hand-redacted text, one line per block, a removed line written
`[removed]`, a turn written `Intervention N: text` (`Intervention N : text` in French).

Each case is loaded with goldset's `load_case` (its `@key` suffixes stripped first, so either
version of the loader reads it); each block's language is then detected as ingest does
(`detect_language(text, the header's language)`), and the document is redacted through the
library (`pipeline.analyse` + `pipeline.redacted_blocks`, the lines `redact` prints). A block
the tool removed is written `[removed]`.

Similarity: `difflib.SequenceMatcher(None, expected, got).ratio()` on the whole text of the
note, character level, after mapping the no-break spaces of French typography (U+00A0,
U+202F) to plain spaces; the total is the mean over notes, with the count of identical lines.
Every line that differs is printed, expected then got (the redacted output only: the notes'
originals never reach the terminal unless the tool leaked them, which is what this shows).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

DEFAULT_SET = ROOT / "tests" / "gold_parties"
REMOVED = "[removed]"
_KEY = re.compile(r"(\|(?:person|affiliation|contact|role))@[\w-]+(?=\]\])")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


@dataclass(frozen=True)
class Comparison:
    """One note: the similarity and the lines that differ (line number, expected, got)."""

    name: str
    ratio: float
    same: int
    total: int
    differences: tuple[tuple[int, str, str], ...]


def strip_keys(marked: str) -> str:
    """The case text without `@entity` keys: `[[TN|person@nasser]]` -> `[[TN|person]]`."""
    return _KEY.sub(r"\1", marked)


def load(case_file: Path):
    """The gold case, keys stripped, each block's language detected as ingest does."""
    from chatham_notes.language import detect_language
    from chatham_notes.model import Lang
    from gold.goldset import load_case

    with tempfile.TemporaryDirectory() as tmp:
        cases = Path(tmp) / "cases"
        cases.mkdir()
        rosters = case_file.parent.parent / "rosters"
        if rosters.is_dir():
            (Path(tmp) / "rosters").symlink_to(rosters.resolve())
        copy = cases / case_file.name
        copy.write_text(strip_keys(case_file.read_text(encoding="utf-8")), encoding="utf-8")
        case = load_case(copy)
    blocks = []
    for block in case.document.blocks:
        lang = detect_language(block.text, case.lang)
        blocks.append(replace(block, lang=lang if lang is not Lang.UNKNOWN else case.lang))
    return case, replace(case.document, blocks=tuple(blocks))


def redacted_lines(document, roster) -> list[str]:
    """One line per block of `document`, as `redact` prints it; `[removed]` for a removed block."""
    from chatham_notes import pipeline
    from chatham_notes.model import Roster

    analysis = pipeline.analyse([document], roster or Roster(), pipeline.Options())
    by_id = {b.block_id: b.line for b in pipeline.redacted_blocks(analysis)}
    return [by_id.get(block.id, REMOVED) for block in document.blocks]


def compare(name: str, expected: list[str], got: list[str]) -> Comparison:
    """Similarity of two documents given as lines, and the lines that differ."""
    expected = [line.translate(_SPACES).strip() for line in expected]
    got = [line.translate(_SPACES).strip() for line in got]
    ratio = difflib.SequenceMatcher(None, "\n".join(expected), "\n".join(got), autojunk=False).ratio()
    width = max(len(expected), len(got))
    pad = lambda lines: lines + ["(no line)"] * (width - len(lines))  # noqa: E731
    differences = tuple((n, e, g) for n, (e, g) in enumerate(zip(pad(expected), pad(got)), start=1) if e != g)
    return Comparison(name, ratio, width - len(differences), width, differences)


def run_set(folder: Path) -> list[Comparison]:
    """Every case of `folder` that has an expected output."""
    out = []
    for case_file in sorted((folder / "cases").glob("*.txt")):
        expected_file = folder / "expected" / case_file.name
        if not expected_file.is_file():
            continue
        case, document = load(case_file)
        expected = [line for line in expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        out.append(compare(case.name, expected, redacted_lines(document, case.roster)))
    return out


def print_results(results: list[Comparison], quiet: bool = False) -> None:
    """Per note: similarity, identical lines, then every difference; then the total."""
    for result in results:
        print(f"{result.name}: similarity {result.ratio:.3f}, {result.same}/{result.total} lines identical")
        if not quiet:
            for number, expected, got in result.differences:
                print(f"  line {number}\n    expected: {expected}\n    got:      {got}")
    if results:
        mean = sum(r.ratio for r in results) / len(results)
        same, total = sum(r.same for r in results), sum(r.total for r in results)
        print(f"TOTAL: {len(results)} notes, mean similarity {mean:.3f}, {same}/{total} lines identical")
    else:
        print("TOTAL: no case with an expected output")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="folder", type=Path, default=DEFAULT_SET,
                        help="folder with cases/, rosters/ and expected/ (default: tests/gold_parties)")
    parser.add_argument("--quiet", action="store_true", help="figures only, no differing lines")
    args = parser.parse_args(argv)
    if not (args.folder / "cases").is_dir():
        print(f"error: {args.folder} has no cases/ folder", file=sys.stderr)
        return 2
    print_results(run_set(args.folder), args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
