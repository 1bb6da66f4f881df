"""Vocatives and coordinated people, in English and French (generalise/syntax.py)."""

from __future__ import annotations

import pytest

from chatham_notes.generalise import GeneraliseOptions, generalise
from chatham_notes.generalise.wording import render_segments
from chatham_notes.model import Lang
from test_generalise_fake import make_detection, make_parties

PARTIES = make_parties({"P1": {"label": "Solveig Lindqvist"}, "P2": {"label": "Joost van Rijn"},
                        "P3": {"label": "Awa Ndiaye"}, "P4": {"label": "Ben Carter"}})
MARKS = {"Solveig": "P1", "Joost": "P2", "Awa": "P3", "Ben": "P4", "Ben Carter": "P4"}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Thanks, Solveig — next question.", "Thanks — next question."),
    ("en", "Thank you, Joost.", "Thank you."),
    ("en", "Thanks Joost. Prices rose.", "Thanks. Prices rose."),
    ("en", "Thank you, Awa, for the figures.", "Thank you for the figures."),
    ("en", "Could you say more, Joost?", "Could you say more?"),
    ("en", "Awa, you wanted to come in on the evidence?", "You wanted to come in on the evidence?"),
    ("en", "Prices rose. Ben, would you start?", "Prices rose. Would you start?"),
    ("en", "Solveig and Joost disagreed on funding.", "Two participants disagreed on funding."),
    ("en", "It was Solveig, Joost and Awa who agreed.", "It was three participants who agreed."),
    ("en", "We asked Joost and Awa about it.", "We asked two participants about it."),
    ("fr", "Merci, Awa. La parole est à la salle.", "Merci. La parole est à la salle."),
    ("fr", "Awa, vous vouliez réagir ?", "Vous vouliez réagir\u202f?"),
    ("fr", "Pouvez-vous préciser, Joost ?", "Pouvez-vous préciser\u202f?"),
    ("fr", "Solveig et Joost ne sont pas d'accord.", "Deux personnes participantes ne sont pas d'accord."),
    ("fr", "Selon Awa et Ben, les prix montent.", "Selon deux personnes participantes, les prix montent."),
])
def test_vocatives_and_coordination(lang: str, text: str, expected: str) -> None:
    result = generalise(make_detection([{"text": text}], MARKS, PARTIES, Lang(lang)), None, GeneraliseOptions())
    assert render_segments(result[0].segments, Lang(lang)) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Solveig thanked Joost for the data.", "A participant thanked another participant for the data."),
    ("en", "Joost's and Awa's views differ.", None),  # possessives: no group
    ("en", "Ben said the figures were new.", "A participant said the figures were new."),
    ("fr", "Awa remercie Joost pour les données.",
     "Une personne participante remercie une autre personne participante pour les données."),
])
def test_no_vocative_no_group(lang: str, text: str, expected: str | None) -> None:
    result = generalise(make_detection([{"text": text}], MARKS, PARTIES, Lang(lang)), None, GeneraliseOptions())
    got = render_segments(result[0].segments, Lang(lang))
    assert "two participants" not in got.lower()
    if expected is not None:
        assert got == expected


def test_the_same_person_twice_is_no_group() -> None:
    detection = make_detection([{"text": "Ben and Ben Carter agreed."}], MARKS, PARTIES, Lang.EN)
    got = render_segments(generalise(detection, None, GeneraliseOptions())[0].segments, Lang.EN)
    assert not got.startswith("Two")
