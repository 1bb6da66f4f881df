"""Structure is never read as a speaker label: section markers, titles, headings; markers kept for redact."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatham_notes.ingest import read_notes
from chatham_notes.ingest.speakers import parse_label
from chatham_notes.ingest.structure import is_section_marker, is_structural, ordinary_words
from chatham_notes.model import BlockKind, Speaker


@pytest.mark.parametrize("line", [
    "Interpretation: French and Wolof",
    "Interprétation : français et wolof",
    "Session 2: Reappraising the problems",
    "Session 2 – Harm reduction financing",
    "Séance 3 : santé et prisons",
    "Séance III – Santé et développement",
    "Part II: Solutions",
    "Panel A: Courts and sentencing",
    "Breakout B – Alternative development and coffee value chains",
    "Harm Reduction Financing: Lessons from Asia",
    "Financement de la réduction des risques : leçons d'Asie",
    "Background:",
    "**Session 4:** closing remarks",
])
def test_structure_is_no_label(line: str) -> None:
    assert parse_label(line) is None


@pytest.mark.parametrize("line, name", [
    ("Amina (UNODC): prices rose.", "Amina"),
    ("JCG (Malongo): coffee buyers", "JCG"),
    ("Mme DIALLO : les données manquent.", "Mme DIALLO"),
    ("Bishop: we agree with this.", "Bishop"),  # an ordinary word, then a sentence: a person
    ("Young (LSHTM): farmers", "Young"),  # an affiliation: a person
    ("Rose: prices", "Rose"),  # a given name
    ("PETIT : le périmètre est trop petit.", "PETIT"),  # capitals
    ("Priya: agreed", "Priya"),
])
def test_people_stay_labels(line: str, name: str) -> None:
    found = parse_label(line)
    assert found is not None and found[0].name == name


@pytest.mark.parametrize("label, expected", [
    ("Session 2", True), ("séance 3", True), ("Day one", True), ("Atelier 4", True), ("Groupe B", True),
    ("Session", False), ("Amina Diallo", False), ("Sessions and more", False),
])
def test_section_markers(label: str, expected: bool) -> None:
    assert is_section_marker(label) is expected


def test_ordinary_words_and_titles() -> None:
    assert ordinary_words("Interpretation") and ordinary_words("Harm Reduction Financing")
    assert not ordinary_words("Amina") and not ordinary_words("UNODC") and not ordinary_words("Ben Carter")
    assert is_structural(Speaker("Interpretation"), "French and Wolof")
    assert not is_structural(Speaker("Interpretation"), "we will have French and Wolof today.")
    assert not is_structural(Speaker("Interpretation", "UN"), "French")


def _read(tmp_path: Path, text: str):
    path = tmp_path / "n.md"
    path.write_text(text, encoding="utf-8")
    return read_notes(path).blocks


def test_markdown_markers_are_kept(tmp_path: Path) -> None:
    blocks = _read(tmp_path, "# Title\n\n## Session 2\n\n- one\n  - two\n\n1. first\n2. second\n\n"
                             "* AM (UNODC): a turn in a list\n\nInterpretation: French and Wolof\n")
    got = [(b.kind, b.marker, b.level) for b in blocks]
    assert got == [(BlockKind.HEADING, "#", 1), (BlockKind.HEADING, "##", 2), (BlockKind.BULLET, "-", 0),
                   (BlockKind.BULLET, "-", 1), (BlockKind.BULLET, "1.", 0), (BlockKind.BULLET, "2.", 0),
                   (BlockKind.TURN, "-", 0), (BlockKind.PARAGRAPH, "", 0)]


def test_a_lead_in_title_alone_is_a_heading(tmp_path: Path) -> None:
    blocks = _read(tmp_path, "Session 3:\nWe discussed prices.\n")
    assert [b.kind for b in blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert blocks[0].speaker is None


def test_redact_text_keeps_the_notes_markup(tmp_path: Path) -> None:
    from chatham_notes.pipeline import redact

    path = tmp_path / "n.md"
    path.write_text("# Session 2 – Harm reduction\n\n## Interpretation: French and Spanish\n\n"
                    "- Amina Diallo said prices rose.\n  - Prices fell in Bolivia.\n\n1. First point.\n2. Second point.\n\n"
                    "Interpretation: French and Spanish\n", encoding="utf-8")
    _, blocks = redact(path)
    assert [b.line for b in blocks] == [
        "# Session 2 – Harm reduction", "## Interpretation: French and Spanish", "- A participant said prices rose.",
        "  - Prices fell in Bolivia.", "1. First point.", "2. Second point.", "Interpretation: French and Spanish"]
