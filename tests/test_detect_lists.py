"""The participants-list recogniser: each item of "Present: A (X), B (Y)" is a person."""

from __future__ import annotations

import pytest

from chatham_notes.detect.lists import list_people
from chatham_notes.model import Kind


def _found(text: str) -> list[tuple[str, str]]:
    return [(h.text, h.kind.value) for h in list_people(text, "b")]


@pytest.mark.parametrize(("text", "expected"), [
    ("- presents : mb lukusa (min. justice), odette banza (pnud), didier de caritas goma, moi",
     [("mb lukusa", "person"), ("min. justice", "affiliation"), ("odette banza", "person"), ("pnud", "affiliation"),
      ("didier", "person"), ("caritas goma", "affiliation")]),
    ("Present: Ms Ingrid Solheim (Norwegian Directorate of Health), chair; Mr Tevita Fifita (Tonga Red Cross, Tonga), and Dr Anil Rao.",
     [("Ingrid Solheim", "person"), ("Norwegian Directorate of Health", "affiliation"), ("Tevita Fifita", "person"),
      ("Tonga Red Cross", "affiliation"), ("Anil Rao", "person")]),
    ("Sont présents : Mme Odile FERRAND (groupe Gauche démocrate), corapporteure ; M. Karim BELHADJ.",
     [("Odile FERRAND", "person"), ("groupe Gauche démocrate", "affiliation"), ("Karim BELHADJ", "person")]),
    ("Present: OKAFOR, Ngozi (Hon.) – Labour Party, Chair; DUBE, Sipho (Senator Dr) – Democratic Alliance; and Lindiwe Moyo.",
     [("OKAFOR, Ngozi", "person"), ("Labour Party", "affiliation"), ("DUBE, Sipho", "person"),
      ("Democratic Alliance", "affiliation"), ("Lindiwe Moyo", "person")]),
    ("Also present: Dr Mele Tupou for the Pacific Youth Health Assembly (observer).",
     [("Mele Tupou", "person"), ("Pacific Youth Health Assembly", "affiliation")]),
])
def test_list_items_are_people_with_their_organisations(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "The present situation: prices rose in Kinshasa.",  # "present" is no opener mid-sentence
    "Participants: 14 people from 9 countries.",  # a count, not names
    "Present: UNODC, WHO and the Ministry of Health.",  # organisations only
    "Speakers: Kinshasa, Goma, Bukavu",  # places
])
def test_what_is_no_person_in_a_list(text: str) -> None:
    assert not [h for h in list_people(text, "b") if h.kind is Kind.PERSON]
