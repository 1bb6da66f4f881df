"""The one rule for ordinary-word names, shared by detection and the leak check."""

from __future__ import annotations

import pytest

from chatham_notes.detect.name_context import names_person
from chatham_notes.model import Field


def _at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(("text", "word", "named"), [
    ("Prices rose in summer.", "summer", False),
    ("Summer prices rose again.", "Summer", False),
    ("As Summer noted, prices rose.", "Summer", True),
    ("The minister thanked everyone; Grace declined to comment.", "Grace", True),
    ("Dr Bishop opened the meeting.", "Bishop", True),
    ("Bishop said the funds were late.", "Bishop", True),
    ("Summer and Bell agreed that the data are thin.", "Summer", True),
    ("Grace, you had a question?", "Grace", True),
    ("Rose's point was about sequencing.", "Rose", True),
    ("- Frost: frost damage pushed migration down.", "Frost", True),
    ("Frost damage pushed migration down.", "Frost", False),
    ("[Awaiting translation] Bonjour à tous.", "Bonjour", False),
    ("M. Sage répond que l'approche la plus sage reste la prévention.", "Sage", True),
    ("un homme sage", "sage", False),
    ("The Summer School on drug policy", "Summer", False),
    ("meg asked about the budget", "meg", True),
    ("« Me Dupont plaide »", "Me", False),
])
def test_name_context_tells_a_name_from_the_word(text: str, word: str, named: bool) -> None:
    start, end = _at(text, word)
    assert names_person(text, start, end) is named


def test_name_context_a_speaker_label_always_names() -> None:
    assert names_person("Summer", 0, 6, Field.SPEAKER)
