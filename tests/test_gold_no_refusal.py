"""`summarise` writes a summary for every note of every annotated set: the leak check never
refuses what the party book removed (issue 11: 0 refusals)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "gold"))

from goldset import SETS, load_cases  # noqa: E402

from chatham_notes.errors import LeakError  # noqa: E402
from chatham_notes.model import Roster  # noqa: E402
from chatham_notes.pipeline import Options, analyse, write_summary  # noqa: E402


@pytest.mark.parametrize("which", sorted(SETS))
def test_every_gold_note_is_summarised_without_refusal(which: str, tmp_path: Path) -> None:
    refused = []
    for case in load_cases(SETS[which] / "cases"):
        analysis = analyse([case.document], case.roster or Roster(), Options())
        try:
            write_summary(analysis, tmp_path / f"{case.name}.docx")
        except LeakError as error:
            refused.append((case.name, sorted({str(leak.kind) for leak in error.leaks})))
    assert refused == []
