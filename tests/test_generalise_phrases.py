"""A person's describing apposition or relative clause goes with the name (generalise/phrases.py).

Sentences the detector never saw; the people are marked by hand (`make_detection`), so this
tests the rewrite alone, with the real spaCy parse.
"""

from __future__ import annotations

import pytest

from chatham_notes.generalise import GeneraliseOptions, generalise
from chatham_notes.generalise.phrases import DESCRIPTION_REASON
from chatham_notes.generalise.wording import render_segments
from chatham_notes.model import Lang
from test_generalise_fake import make_detection, make_parties

PARTIES = make_parties({"P1": {"label": "Ruth Okonjo"}, "P2": {"label": "Carlos Mendes"},
                        "P3": {"label": "Farida Haddad"}, "P4": {"label": "Awa Koné"}, "P5": {"label": "Bo Lind"}})
MARKS = {"Ruth Okonjo": "P1", "Carlos Mendes": "P2", "Dr Farida HADDAD": "P3", "Mme Awa Koné": "P4",
         "Bo Lind": "P5"}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Ruth Okonjo, who has run the Lagos needle exchange since 2015, said funding ends in March.",
     "A participant said funding ends in March."),
    ("en", "Ruth Okonjo, the only judge on the panel, asked about sentencing.",
     "A participant asked about sentencing."),
    ("en", "We heard from Carlos Mendes, a nurse at a shelter in Recife, about the new beds.",
     "We heard from a participant about the new beds."),
    ("en", "We heard from Carlos Mendes, a nurse at a shelter in Recife.",
     "We heard from a participant."),
    # another person is never taken with a description, whatever the parse attaches
    ("en", "Thanks to Ruth Okonjo, who chaired, and to Bo Lind.", "Thanks to a participant and to another participant."),
    # a comma and a capitalised word is no description: a list, a place
    ("en", "Ruth Okonjo, Kenya and Peru signed the letter.", None),
    ("fr", "Dr Farida HADDAD, médecin addictologue à l'hôpital de Nantes et seule praticienne auditionnée, "
           "indique que les patients attendent huit mois.",
     "Une personne participante indique que les patients attendent huit mois."),
    ("fr", "Mme Awa Koné, qui dirige le programme depuis 2019, estime que les moyens manquent.",
     "Une personne participante estime que les moyens manquent."),
])
def test_a_description_goes_with_the_name(lang: str, text: str, expected: str | None) -> None:
    result = generalise(make_detection([{"text": text}], MARKS, PARTIES, Lang(lang)), None, GeneraliseOptions())
    got = render_segments(result[0].segments, Lang(lang))
    if expected is None:
        assert "Kenya and Peru" in got
    else:
        assert got == expected


def test_what_a_description_removed_is_listed_for_the_report() -> None:
    text = "Ruth Okonjo, who has run the Lagos needle exchange since 2015, said funding ends in March."
    block = generalise(make_detection([{"text": text}], MARKS, PARTIES, Lang.EN), None, GeneraliseOptions())[0]
    assert (DESCRIPTION_REASON, "who has run the Lagos needle exchange since 2015") in block.internal
