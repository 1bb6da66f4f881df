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


# A name found in two parts, or with its last parts missed, is one person: the rewrite must not
# write "another participant another participant" or "another participant Van Long".
SPLIT = make_parties({"P1": {"label": "Ines Okafor"}, "P2": {"label": "Okafor"}, "P3": {"label": "Thu Tran"},
                      "P4": {"label": "Pierre Lavoie"}, "O1": {"label": "Kestrel Institute"}})
SPLIT_MARKS = {"Ines": "P1", "Okafor": "P2", "Thu": "P3", "Tran": "P3", "Pierre Lavoie": "P4", "Kestrel Institute": "O1"}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Ines Okafor (Kestrel Institute) opened the session.", "A participant opened the session."),
    ("en", "We heard Pierre Lavoie, Ines Okafor and Thu Van Long (Kestrel Institute).",
     "We heard three participants."),
    ("en", "Thu Van Long, Pierre Lavoie and Ines Okafor disagreed.", "Three participants disagreed."),
    ("fr", "Ines Okafor (Kestrel Institute) ouvre la séance.", "Une personne participante ouvre la séance."),
    ("fr", "Étaient à la tribune Pierre Lavoie, Thu Van Long (Kestrel Institute) et Ines Okafor.",
     "Étaient à la tribune trois personnes participantes."),
])
def test_a_name_in_parts_is_one_person(lang: str, text: str, expected: str) -> None:
    result = generalise(make_detection([{"text": text}], SPLIT_MARKS, SPLIT, Lang(lang)), None, GeneraliseOptions())
    assert render_segments(result[0].segments, Lang(lang)) == expected


def test_a_verb_between_two_names_keeps_two_people() -> None:
    result = generalise(make_detection([{"text": "Ines told Thu about it."}], SPLIT_MARKS, SPLIT, Lang.EN), None,
                        GeneraliseOptions())
    assert render_segments(result[0].segments, Lang.EN) == "A participant told another participant about it."


def test_a_person_after_an_enumeration_of_others_is_another_one_of_them_is_not() -> None:
    blocks = [{"text": "Ines and Thu agreed."}, {"text": "Pierre Lavoie disagreed."}, {"text": "Thu and Pierre Lavoie left."},
              {"text": "Thu stayed."}]
    result = generalise(make_detection(blocks, SPLIT_MARKS, SPLIT, Lang.EN), None, GeneraliseOptions())
    assert [render_segments(b.segments, Lang.EN) for b in result] == [
        "Two participants agreed.", "Another participant disagreed.", "Two participants left.", "A participant stayed."]


def test_pseudonyms_name_each_person_of_an_enumeration() -> None:
    detection = make_detection([{"text": "Pierre Lavoie, Ines and Thu agreed."}], SPLIT_MARKS, SPLIT, Lang.EN)
    got = render_segments(generalise(detection, None, GeneraliseOptions(pseudonyms=True))[0].segments, Lang.EN)
    assert got == "Participant A, Participant B and Participant C agreed."


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "\"I'm Thu, I work at Kestrel Institute\" — Thu presented the scale-up.", "A participant presented the scale-up."),
    ("en", "Quick round: I'm Ines Okafor from the Kestrel Institute and I'll moderate.", "Quick round: I'll moderate."),
    ("en", "Hi, I'm Thu, from Kestrel Institute. Quick one for you.", "Hi. Quick one for you."),
    ("en", "Hello, I'm Thu Tran from Kestrel Institute; I'll keep it short.", "Hello; I'll keep it short."),
    ("en", "My name is Ines Okafor. I work on prisons.", "I work on prisons."),
    ("en", "I'm with Thu on this.", "I'm with a participant on this."),  # no introduction
    # an employer the detector did not find goes with the introduction too
    ("en", "\"Hi all, I'm Dr Ines Okafor from Yaba Neuro-Psychiatric Hospital\" — runs the only clinic.",
     "\"Hi all\" — runs the only clinic."),
    ("en", "Hi, I'm Thu, I work at Zenith Labs. Quick one.", "Hi. Quick one."),
    ("fr", "Oui. Je m'appelle Thu Tran, de l'association Espace Lumière. La loi change-t-elle ?",
     "Oui. La loi change-t-elle\u202f?"),
    ("fr", "« Je m'appelle Ines Okafor, de Kestrel Institute, et je travaille sur la méthadone depuis 2015. »",
     "«\u00a0Je travaille sur la méthadone depuis 2015.\u00a0»"),
    ("fr", "Oui. Je m'appelle Thu Tran, de l'association Kestrel Institute. La loi change-t-elle ?",
     "Oui. La loi change-t-elle\u202f?"),
    ("fr", "Je suis Ines, je travaille pour Kestrel Institute, et je veux parler des prisons.",
     "Je veux parler des prisons."),
])
def test_self_introduction_is_removed(lang: str, text: str, expected: str) -> None:
    result = generalise(make_detection([{"text": text}], SPLIT_MARKS, SPLIT, Lang(lang)), None, GeneraliseOptions())
    assert render_segments(result[0].segments, Lang(lang)) == expected
