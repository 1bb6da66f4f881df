"""`summarise` writes a summary for every note of every annotated set: the leak check never
refuses what the party book removed (issue 11: 0 refusals)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "gold"))

from goldset import SETS, load_cases, plain_note  # noqa: E402

from chatham_notes.errors import LeakError  # noqa: E402
from chatham_notes.model import Roster  # noqa: E402
from chatham_notes.pipeline import Options, analyse, read_documents, write_summary  # noqa: E402


@pytest.mark.parametrize("as_file", [False, True], ids=["gold-blocks", "note-file"])
@pytest.mark.parametrize("which", sorted(SETS))
def test_every_gold_note_is_summarised_without_refusal(which: str, as_file: bool, tmp_path: Path) -> None:
    """Both as the gold loader builds it (one block per line) and as `summarise` reads the note file."""
    refused = []
    for case in load_cases(SETS[which] / "cases"):
        document = case.document
        if as_file:
            note = tmp_path / f"{case.name}.txt"
            note.write_text(plain_note(SETS[which] / "cases" / f"{case.name}.txt"), encoding="utf-8")
            document = read_documents([note])[0]
        analysis = analyse([document], case.roster or Roster(), Options())
        try:
            write_summary(analysis, tmp_path / f"{case.name}.docx")
        except LeakError as error:
            refused.append((case.name, sorted({str(leak.kind) for leak in error.leaks})))
    assert refused == []
