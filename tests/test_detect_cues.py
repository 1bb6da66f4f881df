"""Recognisers without a roster: titles, attribution cues, first names, organisations, roles, places."""

from __future__ import annotations

import pytest

from chatham_notes.detect import cues
from chatham_notes.detect.roles import find_roles
from chatham_notes.model import Kind


def people(text: str) -> list[str]:
    return [h.text for h in cues.cue_people(text, "b") + cues.first_name_people(text, "b")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Dr Okafor presented the data.", "Okafor"),
    ("Prof. Chidi Okafor presented.", "Chidi Okafor"),
    ("Mme TRAORÉ a présenté les résultats.", "TRAORÉ"),
    ("Pr Ndiaye a rappelé le contexte.", "Ndiaye"),
    ("M. Kaboré a souligné le risque.", "Kaboré"),
    ("Me Dupont a plaidé pour la réforme.", "Dupont"),
    ("Mme Grand a remercié la salle.", "Grand"),
    ("priya said the budget was cut.", "priya"),
    ("Then Tomasz asked about prisons.", "Tomasz"),
    ("According to Kwame Boateng, it works.", "Kwame Boateng"),
    ("Selon Mariam Coulibaly, les chiffres baissent.", "Mariam Coulibaly"),
    ("Kwame Boateng a déclaré que le modèle marche.", "Kwame Boateng"),
    ("We heard from Amina Diallo first.", "Amina Diallo"),
])
def test_people_from_cues(text: str, expected: str) -> None:
    assert expected in people(text)


@pytest.mark.parametrize("text", [
    "She said the budget was cut.",
    "Everyone agreed and the Minister said so.",
    "Il a déclaré que tout allait bien.",
    "Selon le rapport, les chiffres baissent.",
    "UNODC said the data were incomplete.",
])
def test_no_people(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("She works at Hanoi Medical University now.", ["Hanoi Medical University"]),
    ("The University of Ghana and the Ministry of Health.", ["University of Ghana", "Ministry of Health"]),
    ("Le Ministère de la Santé et l'Observatoire Régional.", ["Ministère de la Santé", "Observatoire Régional"]),
    ("WHO and OMS, MSF, Médecins du Monde.", ["WHO", "OMS", "MSF", "Médecins du Monde"]),
])
def test_organisations(text: str, expected: list[str]) -> None:
    found = [h.text for h in cues.cue_orgs(text, "b") + cues.acronym_orgs(text, "b")[0]]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("text", [
    "The CND and the INCB met on SDG 3 and the Agenda 2030.",
    "La CND, l'OICS et l'UNGASS 2016 ; who knows.",
])
def test_content_bodies_are_not_organisations(text: str) -> None:
    found, unknown = cues.acronym_orgs(text, "b")
    assert found == [] and unknown == []
    assert cues.cue_orgs(text, "b") == []


def test_known_acronym_has_a_canonical_key() -> None:
    hits, _ = cues.acronym_orgs("L'ONUDC et UNODC", "b")
    assert {h.key for h in hits} == {"o:UNODC"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The moderator opened the floor.", [("The moderator", Kind.ROLE)]),
    ("the head of the research branch at UNODC said so", [("the head of the research branch at UNODC", Kind.ROLE)]),
    ("our host from IDPC welcomed us", [("our host from IDPC", Kind.ROLE)]),
    ("La directrice de l'ONG a souligné.", [("La directrice de l'ONG", Kind.ROLE)]),
    ("La modératrice a remercié.", [("La modératrice", Kind.ROLE)]),
    ("Our colleague in Abidjan agreed.", [("in Abidjan", Kind.PLACE)]),
    ("Notre collègue à Abidjan a répondu.", [("à Abidjan", Kind.PLACE)]),
])
def test_roles_and_places(text: str, expected: list) -> None:
    assert [(h.text, h.kind) for h in find_roles(text, "b")] == expected


@pytest.mark.parametrize("text", ["The colleagues agreed.", "Abidjan is a large city.", "Le représentant a parlé."])
def test_generic_roles_need_a_tail(text: str) -> None:
    assert find_roles(text, "b") == []
